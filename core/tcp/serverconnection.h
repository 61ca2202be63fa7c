#pragma once
// One client of the TCP server as both engines serve it: its socket, its send queue, the echo, the
// read pause, the stall check and the orderly close. The engines only decide when to call it
// (epoll for the event loop, poll() in the client's own thread for thread per client); what is
// done with the bytes is the same in both, so a fix lands in both.
//
// Over TLS (config.tls) the connection starts with the server handshake, driven by the same
// readable()/writable() calls; the client is announced (a Connected event, posted from here) only
// when it is done, and a failed or timed-out handshake ends the connection unannounced, so the
// engine reports it as refused, with the reason. Then every read and write goes through the
// TlsSession: the send queue holds plaintext (its marks, the read pause and the stall clock count
// what the application queued, and a TLS write after WantWrite is retried with the same bytes, as
// OpenSSL requires), and the orderly close sends close_notify after the queue and before FIN.

#include "serverengine.h"

#include "net/sendqueue.h"
#include "net/socket.h"

#include <QList>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <span>

namespace socketeer {

class AutoReplyStream;
struct AutoReply;
class ChunkStream;
class TlsContext;
class TlsSession;
class Wakeup;

class ServerConnection {
public:
    using Clock = std::chrono::steady_clock;
    using Post = std::function<void(ServerEvent &&)>;

    ServerConnection(std::shared_ptr<ClientRecord> record, Socket socket, const TcpServerConfig &config, Post post);
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    quint64 id() const { return m_record->id; }
    const std::shared_ptr<ClientRecord> &record() const { return m_record; }
    int fd() const { return m_socket.fd(); }
    qint64 queuedBytes() const { return m_queue.queuedBytes(); }

    // What to wait for now. Reading pauses while the front end is behind (`congested`) and while
    // more than the configured mark waits to be sent to this client: TCP's flow control then holds
    // a client that sends without reading what comes back. `extraAllowance` raises that mark by
    // what a stream may queue for this client, so a stream does not stop it being heard.
    bool wantsRead(bool congested, qint64 extraAllowance = 0) const;
    bool wantsWrite() const;
    // Bytes already read from the socket and held by TLS: ready to read although the socket
    // would not say so. The engine calls readable() for them whenever wantsRead().
    bool hasBufferedInput() const;
    // Announced to the front end (Connected posted): at once for plain TCP, after the handshake
    // for TLS. An unannounced connection that ends is a refused client, not a disconnected one.
    bool isAnnounced() const { return m_announced; }
    bool isClosing() const { return m_closing; }
    bool isFinished() const { return !m_socket.isValid(); }
    const QString &reason() const { return m_reason; }

    // The socket is readable (or hung up): reads up to `budget` bytes. Received bytes go to the
    // front end as Data events when `report`, and back into the queue when `echo`.
    void readable(std::span<char> buffer, std::size_t budget, bool echo, bool report);
    // Called on the worker with every chunk read (before the echo): the chat room listens here.
    void setHeard(std::function<void(QByteArrayView)> heard) { m_heard = std::move(heard); }
    void writable();
    // Queued behind everything before it (sendTo, sendToAll); refused once closing.
    void queue(QByteArray data);
    // Orderly: what is queued goes out, then FIN, then the socket closes once the peer has
    // acknowledged everything or closed too, or the close timeout passes. Reading goes on meanwhile
    // (discarded) so that closing never answers a late byte with a reset.
    void close(const QString &reason);
    // Now, discarding anything unsent (an error on the socket, a client that took nothing).
    void abort(const QString &reason);
    // STARTTLS (see ServerEngine::startTls): `reply` is queued, reading stops, and once the queue
    // is empty the server handshake begins; its end posts TlsStarted.
    void startTls(std::shared_ptr<const TlsContext> context, QByteArray reply);
    // Sends what `stream` reads (as its reader `reader`), after the streams it follows already,
    // taking a chunk whenever its queue is down to the stream low-water mark. `wake` is the fd its
    // worker polls: the stream signals it when a chunk arrives.
    void follow(std::shared_ptr<ChunkStream> stream, int reader, const Wakeup *wake);
    bool isStreaming() const { return !m_streams.empty(); }
    // Takes what the streams have for it, as far as its queue has room.
    void pump();
    // Where a rule's reply "to all clients" goes: the engine's sendToAll (a command to its own
    // queue, so the order is the engine's). Unset: to this client only.
    void setBroadcast(std::function<void(const QByteArray &)> broadcast) { m_broadcast = std::move(broadcast); }
    // Deadlines: the stall check while bytes wait, the close's acknowledgement check and timeout.
    void tick(Clock::time_point now);
    std::optional<Clock::time_point> nextTick() const;

private:
    void sent(quint64 bytes);
    void continueHandshake();
    void beginTls(std::shared_ptr<const TlsContext> context);
    Result<std::size_t> receive(std::span<char> buffer);
    Result<std::size_t> transmit(std::span<const char> data);
    void advanceClose();
    void updateQueued();
    void leaveStreams();
    void sendReplies(QList<AutoReply> replies);
    bool sendOrQueue(std::span<const char> bytes);

    struct Following {
        std::shared_ptr<ChunkStream> stream;
        int reader = 0;
    };
    std::deque<Following> m_streams;

    std::shared_ptr<ClientRecord> m_record;
    Socket m_socket;
    SendQueue m_queue;
    const qint64 m_pauseAbove;
    const qint64 m_maxQueued;
    const qint64 m_maxUndelivered;
    const std::chrono::milliseconds m_stallTimeout;
    const std::chrono::milliseconds m_closeTimeout;
    Post m_post;
    std::function<void(QByteArrayView)> m_heard;
    std::unique_ptr<AutoReplyStream> m_rules;   // null without rules
    std::function<void(const QByteArray &)> m_broadcast;
    bool m_reportReplies = true;   // the engine's reportData as of the last read
    QString m_reason;
    Clock::time_point m_lastProgress;   // the last byte the client took, or when its queue was empty
    Clock::time_point m_closeDeadline;
    Clock::time_point m_ackCheckAt;     // when next to ask the kernel whether the peer has it all
    bool m_closing = false;
    bool m_shutDown = false;   // FIN sent
    bool m_peerDone = false;   // the client's FIN seen

    // TLS (null for plain TCP).
    std::unique_ptr<TlsSession> m_tls;
    Clock::time_point m_handshakeDeadline;
    const std::chrono::milliseconds m_handshakeTimeout;
    std::shared_ptr<const TlsContext> m_upgradeTo;   // STARTTLS asked: the handshake begins once the queue is empty
    bool m_announced = true;
    bool m_handshaking = false;
    bool m_handshakeWantsWrite = false;   // else it waits to read
    bool m_readWantsWrite = false;        // a TLS read needs the socket writable first
    bool m_readRetry = false;             // ...and it is now: read again
    bool m_notifyWantsWrite = false;      // close_notify waits for room in the socket
};

// What both engines say and decide the same way.
namespace serverparts {

// The limit that applies: the configured one, or for thread per client its default.
int effectiveMaxClients(const TcpServerConfig &config);
QString rejectionReason(int maxClients);
// accept() failed for want of descriptors or memory: report it, keep serving. Any other failure is
// about that one connection (ECONNABORTED and friends): try the next.
bool acceptFailureIsResourceShortage(const Error &error);

// After such a failure the engine stops watching the listener until retryAt() (the waiting
// connection would make it readable at once: a spin), and reports the failure once per run of them.
class AcceptBackoff {
public:
    using Clock = std::chrono::steady_clock;
    // Returns whether to report it: the first failure since the last accepted connection.
    bool failed(Clock::time_point now);
    void accepted() { m_reported = false; }
    // Set while the listener is not watched; the engine clears it (resume()) when it watches again.
    std::optional<Clock::time_point> retryAt() const { return m_retryAt; }
    bool due(Clock::time_point now) const { return m_retryAt && now >= *m_retryAt; }
    void resume() { m_retryAt.reset(); }

private:
    std::optional<Clock::time_point> m_retryAt;
    bool m_reported = false;
};
QString serverStoppedReason();
QString disconnectedByServerReason();
// A chat-room member that sent /quit: the room said goodbye, the server closes.
QString chatQuitReason();
// The room's membership events, stamped with the time now (UTC: a worker keeps out of localtime()),
// as ChatMember events for the front end.
void postChatEvents(std::vector<ChatMemberEvent> &&events, const std::function<void(ServerEvent &&)> &post);
// A chat-room member the server's user removed: the room told it so, the server closes.
QString chatRemovedReason();

} // namespace serverparts

} // namespace socketeer
