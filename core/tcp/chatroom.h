#pragma once
// The chat room a TCP server becomes with TcpServerConfig::chat: what every client says, line by
// line, goes to all the other members as "NAME: TEXT", with "*** NAME joined" / "*** NAME left"
// notices (docs/CHAT.md has the protocol). A pure state machine, no sockets: the engine tells it who
// joined, what bytes arrived from whom and who left, and sends the deliveries it hands back. It is
// owned by one thread (the event loop's, or thread per client's acceptor), so it needs no lock.
//
// Bytes from a client are untrusted: they are split into lines by a Deframer (a line over the
// maximum is refused, not buffered), control characters are made visible before anything is relayed
// (no terminal escapes, no carriage return that paints over another line), and a nickname is checked
// before it is used.

#include "tcpservertypes.h"

#include "text/framing.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <unordered_map>
#include <vector>

namespace socketeer {

class ChatRoom {
public:
    // One line for one client; the engine queues `bytes` to client `to` (shared, not copied).
    // To kTranscript: the room as the server's own user sees it (every line the members hear from
    // one another, and the joins and leaves), for the front end; client ids start at 1.
    static constexpr quint64 kTranscript = 0;
    struct Delivery {
        quint64 to = 0;
        QByteArray bytes;
    };

    explicit ChatRoom(ChatRoomConfig config);

    // A client was announced (for TLS: its handshake is done). `address` names it without
    // nicknames; empty (an AF_UNIX peer, which has none to tell clients apart), "client ID" does.
    void joined(quint64 id, const QString &address);
    // What joined() is given for a peer: "127.0.0.1:53314", "[::1]:53314", or empty.
    static QString addressName(const SocketAddress &peer);
    // Bytes it sent, as they came: any chunking.
    void received(quint64 id, QByteArrayView bytes);
    // It is gone: what it left unfinished is relayed as a last line, then "*** NAME left".
    void left(quint64 id);

    // What to send since the last take(), in order.
    std::vector<Delivery> take() { return std::exchange(m_out, {}); }
    bool hasDeliveries() const { return !m_out.empty(); }

    int memberCount() const;

    // Why `name` cannot be a nickname (already trimmed), or an empty string if it can (taken or not).
    static QString nicknameProblem(QByteArrayView name);
    // Bytes a line may carry on to other terminals: C0 controls but TAB, and DEL, become '?'.
    static QByteArray visible(QByteArrayView text);

private:
    struct Member {
        QByteArray name;   // empty while it has not chosen its nickname
        Deframer lines;
    };

    void line(quint64 id, Member &member, const QByteArray &text);
    void chooseName(quint64 id, Member &member, QByteArray text);
    void toOne(quint64 id, QByteArray bytes);
    void toOthers(quint64 id, const QByteArray &bytes);
    bool nameTaken(const QByteArray &name) const;

    ChatRoomConfig m_config;
    std::unordered_map<quint64, Member> m_members;
    std::vector<quint64> m_order;   // join order: deliveries go out in it, so tests and logs are stable
    std::vector<Delivery> m_out;
};

} // namespace socketeer
