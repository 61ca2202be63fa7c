// The room announcement parser (core/rooms/roomannouncement.h): any datagram from the network.
// Whatever arrives, a room read from it has a name with no control or invisible character (what a
// list shows is what the room is called), a port of 1-65535, a member count within the bound and a
// 16-digit id; and writing that room again gives a datagram that reads back as the same room, no
// bigger than the bound.

#include "fuzzcheck.h"

#include "net/limits.h"
#include "rooms/roomannouncement.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView datagram(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto room = parseRoomAnnouncement(datagram);
    if (!room)
        return 0;
    FUZZ_CHECK(size <= static_cast<std::size_t>(limits::kRoomAnnouncementMaxBytes), "a room only from a datagram within the bound");
    FUZZ_CHECK(roomNameProblem(room->name).isEmpty(), "a room's name passes the name rules");
    FUZZ_CHECK(room->name == room->name.trimmed(), "no space around the name");
    FUZZ_CHECK(room->port >= 1, "a port that can be connected to");
    FUZZ_CHECK(room->members >= 0 && room->members <= limits::kRoomMaxMembers, "a member count within the bound");
    FUZZ_CHECK(room->id.size() == 16, "a 16-digit id");
    const QByteArray again = encodeRoomAnnouncement(*room);
    FUZZ_CHECK(again.size() <= limits::kRoomAnnouncementMaxBytes, "the room written again fits a datagram");
    const auto back = parseRoomAnnouncement(again);
    FUZZ_CHECK(back && *back == *room, "the room written again reads back the same");
    return 0;
}
