// The chat room (core/tcp/chatroom.h): four clients' untrusted bytes, joins and leaves in any order.
// Whatever they send, every line the room hands out is one line (a single LF, at its end) with no
// control character a terminal would act on; it goes only to a client in the room (or to the
// transcript); a client hears nothing but notices (and its /msg's echo) in answer to its own bytes
// (never its own words relayed); no two members share a nickname, whatever the case, renamed or
// not; a member that sent /quit or was removed is closed and out of the room; lines are bounded.
// The server's own commands are driven too: a muted member's bytes reach no other member (but for
// its "joined" and "left"), a command for a client not in the room does nothing.
// Input: byte 0: bit 0 nicknames, bits 1-2 the maximum line (8, 64, 512, 8192); then operations:
// a byte (bits 0-1: client 1-4, bits 2-3: 0 join, 1 leave, 2 and 3 bytes follow: a length byte and
// that many bytes; with bits 2-3 at 1 and bit 4 set, a server command instead of the leave, bits
// 5-7: 0 mute, 1 unmute, 2 remove, 3 topic, 4-7 notice; topic and notice are followed by a length
// byte and that many bytes).

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
    bool muted = false;
};

void check(const std::vector<ChatRoom::Delivery> &out, std::map<quint64, Seen> &clients, quint64 speaker, qsizetype bound,
           bool speakerMuted)
{
    for (const ChatRoom::Delivery &delivery : out) {
        const QByteArray &line = delivery.bytes;
        if (speakerMuted && delivery.to != speaker)
            FUZZ_CHECK(line.startsWith("*** ") && (line.endsWith(" left\n") || line.endsWith(" joined\n")),
                       "a muted member is heard by no one (but joining and leaving)");
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
        // The server's mute notices start like "you are NAME" but have spaces, which no name has.
        if (line == "*** you are muted by the server\n" || line == "*** you are muted: not sent\n") {
            FUZZ_CHECK(it->second.muted, "only a muted member is told it is muted");
        } else if (line.startsWith("*** you are now ")) {
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
        if (delivery.close) {   // /quit or removed: the room has let it go, the engine closes it
            it->second.in = false;
            it->second.name.clear();
            it->second.muted = false;
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
        bool speakerMuted = false;
        if (kind == 0) {
            room.joined(id, QStringLiteral("127.0.0.1:%1").arg(1000 + id));
            if (!seen.in) {
                seen.in = true;
                seen.name.clear();
                seen.muted = false;
            }
        } else if (kind == 1 && (op & 0x10)) {
            const int which = op >> 5;
            ChatCommand command;
            command.id = id;
            if (which >= 3) {
                if (at >= size)
                    break;
                const size_t length = std::min<size_t>(data[at], size - at - 1);
                ++at;
                command.text = QByteArray(reinterpret_cast<const char *>(data) + at, static_cast<qsizetype>(length));
                at += length;
            }
            command.kind = which == 0 ? ChatCommand::Kind::Mute
                         : which == 1 ? ChatCommand::Kind::Unmute
                         : which == 2 ? ChatCommand::Kind::Remove
                         : which == 3 ? ChatCommand::Kind::Topic
                                      : ChatCommand::Kind::Notice;
            const bool done = room.command(command);
            if (which <= 2) {
                FUZZ_CHECK(!done || seen.in, "a command for a client not in the room does nothing");
                if (which == 0)
                    FUZZ_CHECK(done == (seen.in && !seen.muted), "muted once");
                else if (which == 1)
                    FUZZ_CHECK(done == (seen.in && seen.muted), "unmuted once");
                else
                    FUZZ_CHECK(done == seen.in, "whoever is in can be removed");
                if (done && which < 2)
                    seen.muted = which == 0;
            }
            check(room.take(), clients, 0, bound, false);
            if (which == 2 && done)
                FUZZ_CHECK(!seen.in, "a removed member is closed");
            int members = 0;
            for (const auto &[other, state] : clients)
                members += state.in && !state.name.isEmpty();
            FUZZ_CHECK(room.memberCount() == members, "the room counts the named members");
            continue;
        } else if (kind == 1) {
            room.left(id);
            seen.in = false;
            seen.name.clear();
            seen.muted = false;
        } else {
            speakerMuted = seen.in && seen.muted;
            if (at >= size)
                break;
            const size_t wanted = data[at];
            ++at;
            const size_t length = std::min(wanted, size - at);
            room.received(id, QByteArrayView(reinterpret_cast<const char *>(data) + at, static_cast<qsizetype>(length)));
            at += length;
        }
        // Deliveries of a leave go to the others only: check them with the leaver already out.
        check(room.take(), clients, kind >= 2 ? id : 0, bound, speakerMuted);
        int named = 0;
        for (const auto &[other, state] : clients)
            named += state.in && !state.name.isEmpty();
        FUZZ_CHECK(room.memberCount() == named, "the room counts the named members");
    }
    return 0;
}
