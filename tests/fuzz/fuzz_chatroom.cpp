// The chat room (core/tcp/chatroom.h): four clients' untrusted bytes, joins and leaves in any order.
// Whatever they send, every line the room hands out is one line (a single LF, at its end) with no
// control character a terminal would act on; it goes only to a client in the room (or to the
// transcript); a client hears nothing but notices (and its /msg's echo) in answer to its own bytes
// (never its own words relayed); no two members share a nickname, whatever the case, renamed or
// not; a member that sent /quit is closed and out of the room; lines are bounded.
// Input: byte 0: bit 0 nicknames, bits 1-2 the maximum line (8, 64, 512, 8192); then operations:
// a byte (bits 0-1: client 1-4, bits 2-3: 0 join, 1 leave, 2 and 3 bytes follow: a length byte and
// that many bytes).

#include "fuzzcheck.h"

#include "tcp/chatroom.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <map>

using namespace socketeer;

namespace {

struct Seen {
    bool in = false;
    QByteArray name;   // from its "*** you are NAME"
};

void check(const std::vector<ChatRoom::Delivery> &out, std::map<quint64, Seen> &clients, quint64 speaker, qsizetype bound)
{
    for (const ChatRoom::Delivery &delivery : out) {
        const QByteArray &line = delivery.bytes;
        FUZZ_CHECK(line.endsWith('\n') && line.count('\n') == 1, "one line, one LF at its end");
        FUZZ_CHECK(line.size() <= bound, "a line within the bound");
        for (qsizetype i = 0; i + 1 < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line[i]);
            FUZZ_CHECK((byte >= 0x20 || byte == '\t') && byte != 0x7f, "no control character but TAB");
        }
        if (delivery.to == ChatRoom::kTranscript)
            continue;
        auto it = clients.find(delivery.to);
        FUZZ_CHECK(it != clients.end() && it->second.in, "only to a client in the room");
        if (delivery.to == speaker)
            FUZZ_CHECK(line.startsWith("*** ") || line.startsWith("-> *"),
                       "a client hears only notices, or the echo of its private message, in answer to its own bytes");
        if (it->second.name.isEmpty())
            FUZZ_CHECK(line.startsWith("*** "), "a client without a name hears only notices");
        // A nickname has no space, so "now NEW" and "already NAME" cannot be a first name.
        if (line.startsWith("*** you are now ")) {
            FUZZ_CHECK(!it->second.name.isEmpty(), "only a named member is renamed");
            it->second.name = line.sliced(16, line.size() - 17);
            FUZZ_CHECK(!it->second.name.isEmpty(), "a new name is not empty");
        } else if (line.startsWith("*** you are already ")) {
            FUZZ_CHECK(line.sliced(20, line.size() - 21) == it->second.name, "already the name it has");
        } else if (line.startsWith("*** you are ")) {
            FUZZ_CHECK(it->second.name.isEmpty(), "a name is given once");
            it->second.name = line.sliced(12, line.size() - 13);
            FUZZ_CHECK(!it->second.name.isEmpty(), "a name is not empty");
        }
        if (delivery.close) {   // /quit: the room has let it go, the engine closes it
            it->second.in = false;
            it->second.name.clear();
        }
    }
    QSet<QString> names;
    for (const auto &[id, seen] : clients) {
        if (!seen.in || seen.name.isEmpty())
            continue;
        const QString folded = QString::fromUtf8(seen.name).toCaseFolded();
        FUZZ_CHECK(!names.contains(folded), "no two members share a name");
        names.insert(folded);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ChatRoomConfig config;
    config.enabled = true;
    config.nicknames = data[0] & 1;
    static constexpr qsizetype kMax[] = {8, 64, 512, 8192};
    config.maxLineBytes = kMax[(data[0] >> 1) & 3];
    // A relayed line: a name (a nickname of at most 32 characters, 4 bytes each, or an address),
    // ": ", the line, LF; a notice is shorter, but for /who (four names) and /help (fixed text).
    const qsizetype bound = config.maxLineBytes + 5 * 4 * limits::kChatMaxNicknameChars + 256;
    ChatRoom room(config);
    std::map<quint64, Seen> clients;

    size_t at = 1;
    while (at < size) {
        const uint8_t op = data[at++];
        const quint64 id = 1 + (op & 3);
        const int kind = (op >> 2) & 3;
        Seen &seen = clients[id];
        if (kind == 0) {
            room.joined(id, QStringLiteral("127.0.0.1:%1").arg(1000 + id));
            if (!seen.in) {
                seen.in = true;
                seen.name.clear();
            }
        } else if (kind == 1) {
            room.left(id);
            seen.in = false;
            seen.name.clear();
        } else {
            if (at >= size)
                break;
            const size_t wanted = data[at];
            ++at;
            const size_t length = std::min(wanted, size - at);
            room.received(id, QByteArrayView(reinterpret_cast<const char *>(data) + at, static_cast<qsizetype>(length)));
            at += length;
        }
        // Deliveries of a leave go to the others only: check them with the leaver already out.
        check(room.take(), clients, kind >= 2 ? id : 0, bound);
        int named = 0;
        for (const auto &[other, state] : clients)
            named += state.in && !state.name.isEmpty();
        FUZZ_CHECK(room.memberCount() == named, "the room counts the named members");
    }
    return 0;
}
