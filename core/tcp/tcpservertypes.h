#pragma once
// Plain values shared by the TCP server's front end, its engines and its users.

#include "net/address.h"
#include "net/limits.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <limits>
#include <memory>

namespace socketeer {

class AutoReplier;
class TlsContext;

enum class ServerModel {
    EventLoop,        // one worker thread multiplexes the listener and every client with epoll
    ThreadPerClient,  // the tutorial's threaded server: one thread per connection
};

std::optional<ServerModel> modelFromName(const QString &name);

// The chat-room mode (core/tcp/chatroom.h, docs/CHAT.md): every line a client sends goes to all the
// other clients, relayed by the engine's own threads.
struct ChatRoomConfig {
    bool enabled = false;
    bool nicknames = false;   // a client's first line is its nickname; else its address names it
    qsizetype maxLineBytes = limits::kChatMaxLineBytes;
};

// What the room tells the front end about its members (TcpServer's chatMember* signals, the
// server panel's list), in the order it happened.
struct ChatMemberEvent {
    enum class Kind { Joined, Renamed, Left, Muted, Unmuted, Topic };
    Kind kind = Kind::Joined;
    quint64 id = 0;      // the client's id; 0 for Topic
    QByteArray name;     // Joined, Renamed: its name now; Topic: the topic, empty when cleared
    QString address;     // Joined: "127.0.0.1:53314", "[::1]:53314", or empty (AF_UNIX)
    QDateTime at;        // set by the engine when it hands the event on (UTC)
};

// What the server's own user asks of the room (the panel's buttons, the CLI's /commands): queued
// to the thread that owns the room, like a send. A command for a member that has left already is
// nothing (the race of a click and a departure).
struct ChatCommand {
    enum class Kind { Mute, Unmute, Remove, Topic, Notice };
    Kind kind = Kind::Notice;
    quint64 id = 0;      // Mute, Unmute, Remove
    QByteArray text;     // Topic (empty: clear it), Notice (UTF-8)
};

// One member of the room as the front end last heard of it.
struct ChatMember {
    quint64 id = 0;
    QString name;        // its nickname, or its address without nicknames ("client 7" over AF_UNIX)
    QString address;     // empty over AF_UNIX
    QDateTime since;     // when it entered the room (UTC)
    bool muted = false;
};

struct TcpServerConfig {
    Endpoint endpoint{QStringLiteral("127.0.0.1"), 0, {}};   // loopback unless told otherwise
    ServerModel model = ServerModel::EventLoop;
    bool echo = false;
    ChatRoomConfig chat;
    int maxClients = 0;   // 0: the model's default (none for the event loop; see net/limits.h)
    // Per client, what the user queues by hand before the client is dropped as not reading.
    qint64 maxQueuedBytes = limits::kServerQueueBytes;
    // Per client: reading stops while more than this waits to be sent to it (0: never stops), so
    // a client that sends without reading the replies is held back by TCP, not queued for.
    qint64 pauseReadingAbove = limits::kServerReadPauseBytes;
    // Per client: reading stops while more than this of what it sent waits for the front end.
    qint64 maxUndeliveredPerClient = limits::kServerUndeliveredPerClientBytes;
    // A client that takes nothing for this long while bytes wait for it is dropped (0: never).
    std::chrono::milliseconds stallTimeout = limits::kStallTimeout;
    // How long a close may wait for the queue to drain and the peer to acknowledge.
    std::chrono::milliseconds closeTimeout = limits::kCloseFlushTimeout;
    int backlog = limits::kListenBacklog;
    // Received bytes not yet taken by the front end's thread before reading pauses (TCP's own flow
    // control then holds the senders back). Large for a panel under a flood, small for a consumer
    // that streams to disk.
    std::size_t maxUndeliveredBytes = limits::kServerUndeliveredBytes;
    // TLS: every client's connection starts with a TLS handshake with this (server) context; a
    // client is announced (clientConnected) only once its handshake is done, and one whose
    // handshake fails is reported as refused with the reason. Null: plain TCP.
    std::shared_ptr<const TlsContext> tls;
    // Auto-reply rules (core/text/autoreply.h), run on the worker next to the echo: each client's
    // stream is split with the rules' framing and every message matched. Null: none.
    std::shared_ptr<const AutoReplier> rules;
    // From accept() to a finished handshake, at most this long.
    std::chrono::milliseconds tlsHandshakeTimeout = limits::kTlsHandshakeTimeout;
    // The event-loop thread's name: the timeline's lane for this server, and what a debugger shows.
    QString threadName = QStringLiteral("tcp-server");
};

// What the front end tells its users about one client, counters as of the moment it was asked.
struct ClientInfo {
    quint64 id = 0;
    QString peer;                 // "127.0.0.1:53314"
    QDateTime connectedAt;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    qint64 queuedBytes = 0;       // waiting in the server to be sent to it
    qint64 peakQueuedBytes = 0;   // the most that ever waited
    // Over TLS: "TLSv1.3" and "TLS_AES_256_GCM_SHA384"; empty for plain TCP.
    QString tlsProtocol;
    QString tlsCipher;
};

// Shared between the engine that serves a client and the front end that reports on it: the
// counters are atomics the worker bumps and anyone may read.
struct ClientRecord {
    quint64 id = 0;
    SocketAddress peer;
    QDateTime connectedAt;
    // Set by the worker before the client is announced, never after: plain values are safe to read.
    QString tlsProtocol;
    QString tlsCipher;
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
    std::atomic<qint64> queuedBytes{0};
    std::atomic<qint64> peakQueuedBytes{0};
    // Received, posted to the front end and not yet handed to its receivers: the engine adds, the
    // front end takes away after delivering.
    mutable std::atomic<qint64> undeliveredBytes{0};

    ClientInfo info() const
    {
        return {id, peer.toString(), connectedAt, bytesIn.load(std::memory_order_relaxed),
                bytesOut.load(std::memory_order_relaxed), queuedBytes.load(std::memory_order_relaxed),
                peakQueuedBytes.load(std::memory_order_relaxed), tlsProtocol, tlsCipher};
    }
};

struct ServerStatistics {
    int clients = 0;
    int threads = 0;
    quint64 accepted = 0;   // since start
    quint64 bytesIn = 0;    // since start, including clients that have left
    quint64 bytesOut = 0;
    // The most any one client ever had waiting in the server (since start, departed ones included):
    // what a client that does not read can make the server hold.
    qint64 peakQueuedBytes = 0;
};

// Process-wide, so an id is never reused, not even by another server (fds are; ids are not).
quint64 nextClientId();

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::ClientInfo)
Q_DECLARE_METATYPE(socketeer::ServerStatistics)
