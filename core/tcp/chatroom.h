#pragma once
// The chat room a TCP server becomes with TcpServerConfig::chat: what every client says, line by
// line, goes to all the other members as "NAME: TEXT", with "*** NAME joined" / "*** NAME left"
// notices, and a few commands (/nick, /me, /who, /msg, /topic, /quit, /help; docs/CHAT.md has the
// protocol). A pure state machine, no sockets: the engine tells it who joined, what bytes arrived
// from whom and who left, and sends the deliveries it hands back (closing a connection when a
// delivery asks). It is owned by one thread (the event loop's, or thread per client's acceptor), so
// it needs no lock.
//
// Bytes from a client are untrusted: they are split into lines by a Deframer (a line over the
// maximum is refused, not buffered), control characters are made visible before anything is relayed
// (no terminal escapes, no carriage return that paints over another line), a nickname is checked
// before it is used, and what the room answers one member between two take()s is bounded
// (limits::kChatMaxRepliesPerRound), so a client that floods commands without reading cannot make
// it buffer without end.
//
// The server's own user runs the room too (command(): mute, remove, set the topic, a notice to all;
// the server panel, the CLI's /commands); the room reports who is in it as events (takeEvents()),
// for the panel's list of members.

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
        // After `bytes`, the engine closes the connection in order (what is queued goes out first):
        // the member sent /quit and is no longer in the room. Never set for kTranscript.
        bool close = false;
        bool removed = false;   // with close: the server's user removed it (not its own /quit)
    };

    explicit ChatRoom(ChatRoomConfig config);

    // A client was announced (for TLS: its handshake is done). `address` names it without
    // nicknames; empty (an AF_UNIX peer, which has none to tell clients apart), "client ID" does.
    void joined(quint64 id, const QString &address);
    // What joined() is given for a peer: "127.0.0.1:53314", "[::1]:53314", or empty.
    static QString addressName(const SocketAddress &peer);
    // Bytes it sent, as they came: any chunking.
    void received(quint64 id, QByteArrayView bytes);
    // It is gone: what it left unfinished is relayed as a last line, then "*** NAME left". Nothing
    // for a member that left with /quit already.
    void left(quint64 id);

    // A command of the server's own user. False when it did nothing: the member is not in the
    // room (it left before the command arrived), it was (un)muted already, or the text is refused
    // (topicProblem(), noticeProblem()).
    bool command(const ChatCommand &command);

    // What to send since the last take(), in order. Starts a new round for the reply bound.
    std::vector<Delivery> take();
    // Who joined, was renamed, left, was (un)muted, and topic changes since the last call, in order
    // (`at` unset: the engine stamps it).
    std::vector<ChatMemberEvent> takeEvents();
    bool hasDeliveries() const { return !m_out.empty() || !m_events.empty(); }

    int memberCount() const;
    const QByteArray &topic() const { return m_topic; }

    // Why `name` cannot be a nickname (already trimmed), or an empty string if it can (taken or not).
    static QString nicknameProblem(QByteArrayView name);
    // Bytes a line may carry on to other terminals: C0 controls but TAB, and DEL, become '?'.
    static QByteArray visible(QByteArrayView text);
    // Why the server's user cannot set this topic, or empty: trimmed, at most 300 bytes (empty
    // clears it). Control characters are made visible, as in /topic.
    static QString topicProblem(QByteArrayView text);
    // Why this notice cannot be sent, or empty: not blank, at most `maxLineBytes` in all. A LF
    // inside (a CR before it dropped) splits it into several "*** notice: " lines.
    static QString noticeProblem(QByteArrayView text, qsizetype maxLineBytes);
    // What two nicknames are compared by: NFKC, then case folded ("Alice", "ALICE" and the
    // full-width "Ａｌｉｃｅ" an input method may type are one name).
    static QString nicknameKey(QByteArrayView name);

private:
    struct Member {
        QByteArray name;   // empty while it has not chosen its nickname
        QString key;       // nicknameKey(name)
        Deframer lines;
        QString address;   // what joined() was given
        qsizetype replied = 0;   // bytes answered to it since the last take()
        bool warned = false;     // told this round that its further commands are ignored
        bool muted = false;      // by the server: its lines are not relayed
    };

    // Each returns false when the member is gone (it sent /quit): the caller stops using it.
    bool line(quint64 id, Member &member, const QByteArray &text);
    bool unnamedLine(quint64 id, Member &member, const QByteArray &text);
    bool command(quint64 id, Member &member, QByteArrayView word, const QByteArray &args);
    void chooseName(quint64 id, Member &member, QByteArray text);
    void rename(quint64 id, Member &member, const QByteArray &name);
    void privateMessage(quint64 id, Member &member, const QByteArray &args);
    void who(quint64 id, Member &member);
    void setTopic(quint64 id, Member &member, const QByteArray &text);
    void quit(quint64 id, bool announce);
    void named(quint64 id, const Member &member);
    bool refuseMuted(quint64 id, Member &member);
    bool bounded(quint64 id, Member &member);
    bool mute(quint64 id, bool on);
    bool remove(quint64 id);
    bool serverTopic(QByteArrayView text);
    bool notice(QByteArrayView text);
    void event(ChatMemberEvent::Kind kind, quint64 id, QByteArray name = {}, QString address = {});
    void reply(Member &member, quint64 id, const QByteArray &bytes);
    void toOne(quint64 id, QByteArray bytes);
    void toOthers(quint64 id, const QByteArray &bytes);
    void toAll(const QByteArray &bytes);
    // The member (other than `except`, 0: none) whose nickname has this key, or 0.
    quint64 holderOf(const QString &key, quint64 except = 0) const;

    ChatRoomConfig m_config;
    QByteArray m_topic;   // made visible already; empty: none
    std::unordered_map<quint64, Member> m_members;
    std::vector<quint64> m_order;   // join order: deliveries go out in it, so tests and logs are stable
    std::vector<Delivery> m_out;
    std::vector<ChatMemberEvent> m_events;
};

} // namespace socketeer
