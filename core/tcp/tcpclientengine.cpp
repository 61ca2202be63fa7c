#include "tcpclientengine.h"

#include "net/chunkstream.h"
#include "net/commandqueue.h"
#include "net/open.h"
#include "net/sendqueue.h"
#include "net/trace.h"
#include "text/autoreply.h"
#include "tls/tlssession.h"

#include <QCoreApplication>

#include <array>
#include <deque>
#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <variant>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::TcpClient)
};

struct Send { QByteArray data; };
struct HalfClose {};
struct Close {};
struct Resume {};
struct SendStream { std::shared_ptr<ChunkStream> stream; };
using Command = std::variant<Send, HalfClose, Close, Resume, SendStream>;

constexpr std::size_t kReadChunk = limits::kReadChunkBytes;
// Per wake-up, so a peer that sends without pause cannot keep commands (and abort) waiting.
constexpr std::size_t kReadBudget = limits::kReadBudgetBytes;

} // namespace

struct TcpClientEngine::Worker {
    Worker(const TcpClientConfig &clientConfig, ClientEventSink &eventSink, ClientCounters &byteCounters,
           Wakeup commandWakeup, Wakeup stopWakeup)
        : config(clientConfig), sink(eventSink), counters(byteCounters), commands(std::move(commandWakeup)),
          stop(std::move(stopWakeup))
    {
        if (config.rules)
            replies = std::make_unique<AutoReplyStream>(config.rules);
    }

    const TcpClientConfig config;
    ClientEventSink &sink;
    ClientCounters &counters;
    CommandQueue<Command> commands;
    // Separate from the command queue's fd: a send() queued while connecting must not look like a
    // cancellation to connectTo(), which gives up as soon as this fd is readable.
    const Wakeup stop;
    std::atomic<bool> stopRequested{false};

    Socket socket;
    std::unique_ptr<TlsSession> tls;
    bool readWantsWrite = false;   // a TLS read waits for the socket to be writable
    QString peer;
    SendQueue queue;
    std::deque<std::shared_ptr<ChunkStream>> streams;   // each read as its reader 0, in order
    bool open = false;
    bool reading = true;          // until the peer's end of stream
    bool queueChanged = false;    // something was appended since the last flush
    bool halfClosePending = false;
    bool shutDown = false;        // SHUT_WR done
    bool closePending = false;
    std::array<char, kReadChunk> buffer{};
    std::unique_ptr<AutoReplyStream> replies;   // with rules only

    void sendReplies(QList<AutoReply> list);
    int replyTimeout() const;

    void run();
    void serve();
    void runCommands();
    void readFrom();
    Result<void> handshake();
    bool sayGoodbye();   // TLS: close_notify; false while it waits for room
    Result<std::size_t> receive(std::span<char> data);
    Result<std::size_t> transmit(std::span<const char> data);
    void progress(bool writable);
    void pump();
    void leaveStreams();
    void fail(Error error);
    void finish(const QString &reason);
    void post(ClientEvent event) { sink.post(std::move(event)); }
};

void TcpClientEngine::Worker::run()
{
    static std::atomic<int> connections{0};   // one timeline lane per connection, "Client 1", "Client 2"…
    trace::setThreadName(QStringLiteral("client-%1").arg(++connections));
    const Endpoint &endpoint = config.endpoint;
    if (!endpoint.isUnix() && endpoint.port == 0) {
        // connect() to port 0 is refused by the kernel; say what is really wrong instead.
        fail(Error::invalid(Text::tr("no port given for %1").arg(endpoint.host)));
        return;
    }
    auto connected = connectTo(endpoint, config.connectTimeout, &stop);
    // Checked before the result: with several addresses, a later one's error (or even success)
    // can come back although the user cancelled during an earlier one.
    if (stopRequested.load()) {
        finish(Text::tr("connection attempt cancelled"));
        return;
    }
    if (!connected) {
        fail(connected.error());
        return;
    }
    socket = std::move(connected).value();
    open = true;
    auto local = socket.sockName();
    auto remote = socket.peerName();
    peer = remote ? remote->toString() : endpoint.toString();
    QString security;
    if (config.tls) {
        if (auto done = handshake(); !done) {
            if (stopRequested.load()) {
                finish(Text::tr("connection attempt cancelled"));
            } else if (tls && !tls->verified() && !tls->peerCertificateDer().isEmpty()) {
                const QString reason = done.error().message();
                ClientEvent refused{ClientEvent::Type::Failed, {}, 0, {}, {}, {}, done.error(), {}};
                refused.refusedCertificate = tls->peerCertificateDer();
                refused.refusedBecause = tls->verifyResultText();
                post(std::move(refused));
                finish(reason);
            } else {
                fail(done.error());
            }
            return;
        }
        security = QStringLiteral("%1 %2, ").arg(tls->protocol(), tls->cipher())
                   + Text::tr("certificate SHA-256 %1").arg(tls->peerCertificateSha256());
        if (!tls->alpn().isEmpty())
            security += QStringLiteral(", ALPN %1").arg(QString::fromLatin1(tls->alpn()));
    }
    ClientEvent connectedEvent{ClientEvent::Type::Connected, {}, 0, local ? local->toString() : QString(), peer, {}, {}, security};
    post(std::move(connectedEvent));
    serve();
}

// The client's TLS handshake, in the connection's own thread: each step waits (poll) for what it
// needs, the stop fd, or the handshake deadline.
Result<void> TcpClientEngine::Worker::handshake()
{
    const QString name = config.tlsServerName.isEmpty() ? config.endpoint.host : config.tlsServerName;
    auto session = TlsSession::client(config.tls, socket.fd(), name, config.trustedFingerprints);
    if (!session)
        return session.error();
    tls = std::move(session).value();
    const auto deadline = std::chrono::steady_clock::now() + config.tlsHandshakeTimeout;
    for (;;) {
        const TlsSession::Status status = tls->handshake();
        if (status == TlsSession::Status::Done)
            return {};
        if (status == TlsSession::Status::Error || status == TlsSession::Status::Closed)
            return Error{ErrorKind::Tls, {}, Text::tr("TLS handshake with %1 failed: %2").arg(peer, tls->errorString()), true};
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0)
            return Error{ErrorKind::Timeout, {}, Text::tr("TLS handshake with %1 did not finish within %2 ms").arg(peer).arg(config.tlsHandshakeTimeout.count()), true};
        const short wanted = status == TlsSession::Status::WantWrite ? POLLOUT : POLLIN;
        std::array<pollfd, 2> fds{{{socket.fd(), wanted, 0}, {stop.fd(), POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), static_cast<int>(std::min<qint64>(left, 60 * 1000))) < 0 && errno != EINTR)
            return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll"));
        if (fds[1].revents)
            return Error::fromErrno(ErrorKind::Tls, ECANCELED, {});
    }
}

Result<std::size_t> TcpClientEngine::Worker::receive(std::span<char> data)
{
    if (!tls)
        return socket.recv(data);
    return tls->receive(data, &readWantsWrite);
}

Result<std::size_t> TcpClientEngine::Worker::transmit(std::span<const char> data)
{
    if (!tls)
        return socket.send(data);
    return tls->send(data);
}

bool TcpClientEngine::Worker::sayGoodbye()
{
    if (!tls)
        return true;
    // WantWrite: the socket is full; come back when it is writable. Anything else: said, or the
    // peer is gone and there is nobody to say it to.
    return tls->shutdown() != TlsSession::Status::WantWrite;
}

void TcpClientEngine::Worker::serve()
{
    while (open) {
        const bool wantRead = reading && !sink.congested();
        // TLS may hold input already read off the socket: poll() would not report it.
        const bool buffered = wantRead && tls && tls->hasBufferedInput();
        const bool wantWrite = !queue.empty() || readWantsWrite || (halfClosePending && !shutDown);
        const short events = static_cast<short>((wantRead ? POLLIN : 0) | (wantWrite ? POLLOUT : 0));
        std::array<pollfd, 3> fds{{{socket.fd(), events, 0}, {commands.fd(), POLLIN, 0}, {stop.fd(), POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), buffered ? 0 : replyTimeout()) < 0) {
            if (errno == EINTR)
                continue;
            fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll")));
            return;
        }
        if (replies)
            sendReplies(replies->due(AutoReplyStream::Clock::now()));   // delayed replies whose time has come
        if (fds[2].revents) {
            finish(Text::tr("closed by this side"));
            return;
        }
        if (fds[1].revents)
            runCommands();
        const short got = fds[0].revents;
        bool readNow = buffered;
        if (readWantsWrite && (got & (POLLOUT | POLLHUP | POLLERR))) {
            readWantsWrite = false;
            readNow = true;
        }
        // POLLHUP/POLLERR come even when not asked for (congested, say): reading is how we learn
        // what happened, and it keeps poll() from reporting the same thing forever.
        if (reading && ((got & (POLLIN | POLLHUP | POLLERR)) || readNow))
            readFrom();
        if (open)
            progress((got & (POLLOUT | POLLHUP | POLLERR)) != 0);
    }
}

// Queued behind what waits already, never after the FIN.
void TcpClientEngine::Worker::sendReplies(QList<AutoReply> list)
{
    for (AutoReply &reply : list) {
        ClientEvent event{ClientEvent::Type::AutoReplied, reply.bytes, 0, {}, {}, reply.error, {}, {}};
        event.rule = reply.rule;
        // A half-close asked for waits for the queue (connect's stdin asks for it at once), so a
        // reply may still go before the FIN; after it, or once a close is asked for, nothing may.
        if (reply.error.isEmpty() && !reply.bytes.isEmpty() && !shutDown && !closePending) {
            queue.append(std::move(reply.bytes));
            queueChanged = true;
        }
        post(std::move(event));
    }
}

// poll()'s timeout: until the next delayed reply, or none.
int TcpClientEngine::Worker::replyTimeout() const
{
    const auto at = replies ? replies->nextDue() : std::nullopt;
    if (!at)
        return -1;
    const auto now = AutoReplyStream::Clock::now();
    if (*at <= now)
        return 0;
    return static_cast<int>(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(*at - now).count(), 60 * 1000));
}

void TcpClientEngine::Worker::runCommands()
{
    for (Command &command : commands.take()) {
        if (auto *send = std::get_if<Send>(&command)) {
            // Once shutdown is asked for, nothing may follow the FIN.
            if (!halfClosePending && !closePending) {
                queue.append(std::move(send->data));
                queueChanged = true;
            }
        } else if (auto *stream = std::get_if<SendStream>(&command)) {
            if (!halfClosePending && !closePending) {
                stream->stream->attach(0, &commands.wakeup());
                streams.push_back(std::move(stream->stream));
            } else {
                stream->stream->leave(0);
            }
        } else if (std::holds_alternative<HalfClose>(command)) {
            halfClosePending = true;
        } else if (std::holds_alternative<Close>(command)) {
            closePending = true;
            leaveStreams();   // what was queued goes out; the rest of a file does not
        }
        // Resume needs nothing: having woken up is the point.
    }
}

void TcpClientEngine::Worker::readFrom()
{
    std::size_t budget = kReadBudget;
    while (budget > 0) {
        auto n = receive(std::span<char>(buffer.data(), buffer.size()));
        if (!n) {
            if (n.error().code == std::errc::operation_would_block)
                return;
            Error error = n.error();
            error.detail = Text::tr("from %1").arg(peer);
            fail(std::move(error));
            return;
        }
        if (*n == 0) {
            reading = false;
            leaveStreams();   // the conversation is over: what was queued goes, a stream's rest does not
            post({ClientEvent::Type::PeerClosed, {}, 0, {}, {}, {}, {}, {}});
            return;
        }
        counters.bytesIn.fetch_add(*n, std::memory_order_relaxed);
        post({ClientEvent::Type::Data, QByteArray(buffer.data(), static_cast<qsizetype>(*n)), 0, {}, {}, {}, {}, {}});
        if (replies)
            sendReplies(replies->push(QByteArrayView(buffer.data(), static_cast<qsizetype>(*n))));
        budget -= std::min(budget, *n);
        if (!tls && *n < buffer.size())
            return;   // drained what the kernel had (TLS reads a record at a time)
    }
}

// Sends what it can, then does whatever was waiting for the queue to empty: the half-close, an
// orderly close, or ending a connection the peer has finished.
void TcpClientEngine::Worker::pump()
{
    while (!streams.empty() && queue.queuedBytes() <= limits::kStreamLowWaterBytes) {
        QByteArray chunk;
        const auto took = streams.front()->take(0, chunk);
        if (took == ChunkStream::Take::Wait)
            break;
        if (took == ChunkStream::Take::End) {
            streams.pop_front();
            continue;
        }
        queue.append(std::move(chunk));
        queueChanged = true;
    }
}

void TcpClientEngine::Worker::leaveStreams()
{
    for (auto &stream : streams)
        stream->leave(0);
    streams.clear();
}

void TcpClientEngine::Worker::progress(bool writable)
{
    pump();
    // A stream refills the queue as the socket drains it, until the socket is full or the stream
    // has nothing yet (its next chunk then rings the command fd).
    for (std::size_t budget = kReadBudget; !queue.empty() && (writable || queueChanged);) {
        queueChanged = false;
        quint64 sent = 0;
        auto result = queue.flushWith([this](std::span<const char> bytes) { return transmit(bytes); }, &sent);
        if (sent > 0) {
            counters.bytesOut.fetch_add(sent, std::memory_order_relaxed);
            post({ClientEvent::Type::Sent, {}, static_cast<qint64>(sent), {}, {}, {}, {}, {}});
        }
        if (!result) {
            Error error = result.error();
            error.detail = Text::tr("to %1").arg(peer);
            fail(std::move(error));
            return;
        }
        if (queue.queuedBytes() > config.maxQueuedBytes) {
            const QString what = Text::tr("%1 bytes waiting to be sent to %2 (the limit is %3)")
                                     .arg(queue.queuedBytes()).arg(peer).arg(config.maxQueuedBytes);
            post({ClientEvent::Type::Failed, {}, 0, {}, {}, {}, Error{ErrorKind::Limit, {}, what}, {}});
            finish(Text::tr("more than %1 bytes waiting to be sent: the peer is not reading").arg(config.maxQueuedBytes));
            return;
        }
        if (*result == SendQueue::Flush::Blocked || sent >= budget)
            break;
        budget -= sent;
        pump();
    }
    pump();   // out of budget with the queue empty: what is queued now brings the turn round again
    if (!queue.empty() || !streams.empty())
        return;
    if (closePending) {
        if (!sayGoodbye())
            return;   // close_notify waits for room
        finish(Text::tr("closed by this side"));
        return;
    }
    if (halfClosePending && !shutDown) {
        // Over TLS the end of sending is close_notify (TLS 1.3 lets the peer go on sending), then FIN.
        if (!sayGoodbye())
            return;
        shutDown = true;
        if (auto r = socket.shutdown(SHUT_WR); !r) {
            fail(r.error());
            return;
        }
    }
    // The peer has finished and everything we had queued is out: nothing more can happen here.
    if (!reading)
        finish(Text::tr("the peer closed the connection"));
}

void TcpClientEngine::Worker::fail(Error error)
{
    const QString reason = error.message();
    post({ClientEvent::Type::Failed, {}, 0, {}, {}, {}, std::move(error), {}});
    finish(reason);
}

void TcpClientEngine::Worker::finish(const QString &reason)
{
    leaveStreams();
    open = false;
    socket.close();
    post({ClientEvent::Type::Disconnected, {}, 0, {}, {}, reason, {}, {}});
}

TcpClientEngine::TcpClientEngine(const TcpClientConfig &config, ClientEventSink &sink, ClientCounters &counters)
{
    auto commandWakeup = Wakeup::create();
    auto stopWakeup = commandWakeup ? Wakeup::create() : Result<Wakeup>(commandWakeup.error());
    if (!stopWakeup) {
        const Error error = stopWakeup.error();
        sink.post({ClientEvent::Type::Failed, {}, 0, {}, {}, {}, error, {}});
        sink.post({ClientEvent::Type::Disconnected, {}, 0, {}, {}, error.message(), {}, {}});
        return;
    }
    m_worker = std::make_unique<Worker>(config, sink, counters, std::move(commandWakeup).value(),
                                        std::move(stopWakeup).value());
    m_thread = std::jthread([worker = m_worker.get()] { worker->run(); });
}

TcpClientEngine::~TcpClientEngine()
{
    abort();
    if (m_thread.joinable())
        m_thread.join();
}

void TcpClientEngine::send(const QByteArray &data)
{
    if (m_worker)
        m_worker->commands.push(Send{data});
}

void TcpClientEngine::sendStream(std::shared_ptr<ChunkStream> stream)
{
    if (m_worker)
        m_worker->commands.push(SendStream{std::move(stream)});
    else
        stream->leave(0);
}

void TcpClientEngine::halfClose()
{
    if (m_worker)
        m_worker->commands.push(HalfClose{});
}

void TcpClientEngine::close()
{
    if (m_worker)
        m_worker->commands.push(Close{});
}

void TcpClientEngine::resumeReading()
{
    if (m_worker)
        m_worker->commands.push(Resume{});
}

void TcpClientEngine::abort()
{
    if (!m_worker)
        return;
    m_worker->stopRequested.store(true);
    m_worker->stop.signal();
}

} // namespace socketeer
