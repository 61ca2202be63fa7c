#pragma once
// The datagram a chat room announces itself with on the local network, and the one place that
// writes and reads it (docs/CHAT.md, "Rooms on the network"). Text, so `socat -u UDP-RECV:50077 -`
// shows it as it is: a first line naming the format and its version, then "KEY VALUE" lines.
//
//     SOCKETEER-ROOM 1
//     id 6f1c2a9e4b7d8053
//     name 第一课
//     port 50007
//     tls no
//     members 12
//
// Anything on the network may send to the discovery port, so the reader treats every datagram as
// hostile: one that is not exactly this shape (too big, another version, a key twice, a name with
// control or invisible characters, a port of 0, a member count no room has) is not a room, and is
// ignored whole rather than mended. Keys it does not know are skipped, so a later version may add
// some without breaking this one. Where the room is comes from the datagram's sender, never from
// its text.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace socketeer {

// The UDP port rooms are announced to, and the groups: IPv4's local scope (239.255.0.0/16, RFC
// 2365, never routed off the site) and IPv6's link-local scope (ff02::/16, never off the link).
inline constexpr quint16 kRoomDiscoveryPort = 50077;
inline constexpr char kRoomGroupIPv4[] = "239.255.50.77";
inline constexpr char kRoomGroupIPv6[] = "ff02::50:77";

struct RoomAnnouncement {
    QByteArray id;      // 16 lower-case hex digits, new each time a room opens: tells rooms apart
    QString name;       // checked: see roomNameProblem()
    quint16 port = 0;   // the room's TCP port (1-65535)
    bool tls = false;
    int members = 0;

    bool operator==(const RoomAnnouncement &) const = default;
};

// The datagram for `room` (which must be valid: a caller's room name was checked when it was chosen).
QByteArray encodeRoomAnnouncement(const RoomAnnouncement &room);
// The room a datagram announces, or nothing: not one of ours, or one that breaks a rule.
std::optional<RoomAnnouncement> parseRoomAnnouncement(QByteArrayView datagram);

// Why `name` (already trimmed) cannot be a room's name, or an empty string if it can: 1 to 64
// characters of UTF-8 with no control or invisible formatting characters (a list row must show
// what it is, and one room must not pass itself off as another by a direction override).
QString roomNameProblem(const QString &name);
// A fresh random id for a room that opens.
QByteArray newRoomId();

} // namespace socketeer
