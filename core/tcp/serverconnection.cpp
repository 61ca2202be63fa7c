#include "serverconnection.h"

#include "net/chunkstream.h"
#include "text/autoreply.h"
#include "tls/tlssession.h"

#include <QCoreApplication>

#include <cerrno>

#include <linux/sockios.h>
#include <utility>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::TcpServer)
};

// While a close waits for the peer's acknowledgement, how often the kernel is asked.
constexpr auto kAckPoll = std::chrono::milliseconds(5);

// Bytes the kernel still holds for the peer, sent or not, unacknowledged (the FIN counts too).
int unacknowledged(int fd)
{
    int pending = 0;
    if (::ioctl(fd, SIOCOUTQ, &pending) < 0)
        return 0;   // cannot tell: do not hold the close up
    return pending;
}

} // namespace

ServerConnection::ServerConnection(std::shared_ptr<ClientRecord> record, Socket socket, const TcpServerConfig &config, Post post)
    : m_record(std::move(record)),
      m_socket(std::move(socket)),
      m_pauseAbove(config.pauseReadingAbove),
      m_maxQueued(config.maxQueuedBytes),
      m_maxUndelivered(config.maxUndeliveredPerClient),
      m_stallTimeout(config.stallTimeout),
      m_closeTimeout(config.closeTimeout),
      m_post(std::move(post)),
      m_lastProgress(Clock::now()),
      m_handshakeTimeout(config.tlsHandshakeTimeout)
{
    if (config.rules)
        m_rules = std::make_unique<AutoReplyStream>(config.rules);
    if (!config.tls)
        return;
    m_announced = false;
    beginTls(config.tls);
}

void ServerConnection::beginTls(std::shared_ptr<const TlsContext> context)
{
    auto session = TlsSession::server(std::move(context), m_socket.fd());
    if (!session) {
        abort(session.error().message());
        return;
    }
    m_tls = std::move(session).value();
    m_handshaking = true;
    m_handshakeWantsWrite = false;
    m_handshakeDeadline = Clock::now() + m_handshakeTimeout;
}

void ServerConnection::startTls(std::shared_ptr<const TlsContext> context, QByteArray reply)
{
    if (isFinished() || m_closing || m_tls || m_upgradeTo || !context)
        return;
    leaveStreams();   // a stream would keep the queue from ever emptying
    m_upgradeTo = std::move(context);
    if (m_queue.empty())
        m_lastProgress = Clock::now();
    m_queue.append(std::move(reply));
    updateQueued();
    writable();   // sends the reply; begins the handshake once it is all out
}

bool ServerConnection::wantsWrite() const
{
    if (m_handshaking)
        return m_handshakeWantsWrite;
    return !m_queue.empty() || m_readWantsWrite || m_notifyWantsWrite;
}

bool ServerConnection::hasBufferedInput() const
{
    return m_tls && !m_handshaking && !isFinished() && (m_readRetry || m_tls->hasBufferedInput());
}

void ServerConnection::continueHandshake()
{
    switch (m_tls->handshake()) {
    case TlsSession::Status::Done:
        break;
    case TlsSession::Status::WantRead:
        m_handshakeWantsWrite = false;
        return;
    case TlsSession::Status::WantWrite:
        m_handshakeWantsWrite = true;
        return;
    case TlsSession::Status::Closed:
    case TlsSession::Status::Error:
        abort(Text::tr("TLS handshake failed: %1").arg(m_tls->errorString()));
        return;
    }
    m_handshaking = false;
    m_lastProgress = Clock::now();   // the stall clock starts now for what waited during the handshake
    if (!m_announced) {
        m_announced = true;
        // Written by this worker before the event that makes the record visible (the Mailbox's
        // lock orders it), never after: the front end reads these plain values without a lock.
        m_record->tlsProtocol = m_tls->protocol();
        m_record->tlsCipher = m_tls->cipher();
        m_post({ServerEvent::Type::Connected, id(), m_record, {}, {}, {}, {}});
    } else {
        // STARTTLS on a client the front end already reads: its record is not written any more;
        // the event carries a snapshot with the TLS details instead.
        auto snapshot = std::make_shared<ClientRecord>();
        snapshot->id = m_record->id;
        snapshot->peer = m_record->peer;
        snapshot->connectedAt = m_record->connectedAt;
        snapshot->tlsProtocol = m_tls->protocol();
        snapshot->tlsCipher = m_tls->cipher();
        snapshot->bytesIn.store(m_record->bytesIn.load(std::memory_order_relaxed), std::memory_order_relaxed);
        snapshot->bytesOut.store(m_record->bytesOut.load(std::memory_order_relaxed), std::memory_order_relaxed);
        m_post({ServerEvent::Type::TlsStarted, id(), std::move(snapshot), {}, {}, {}, {}});
    }
    writable();   // what was queued meanwhile (a feed every client joins) goes out
}

Result<std::size_t> ServerConnection::receive(std::span<char> buffer)
{
    if (!m_tls)
        return m_socket.recv(buffer);
    m_readRetry = false;
    return m_tls->receive(buffer, &m_readWantsWrite);
}

Result<std::size_t> ServerConnection::transmit(std::span<const char> data)
{
    if (!m_tls)
        return m_socket.send(data);
    return m_tls->send(data);
}

ServerConnection::~ServerConnection()
{
    leaveStreams();
}

bool ServerConnection::wantsRead(bool congested, qint64 extraAllowance) const
{
    if (isFinished() || m_peerDone)
        return false;
    if (m_handshaking)
        return !m_handshakeWantsWrite;
    if (m_upgradeTo)
        return false;   // STARTTLS: nothing more is read as plain text
    if (m_closing)
        return true;   // read and dropped: a late byte must not make close() send a reset
    if (isStreaming())
        extraAllowance += limits::kStreamLowWaterBytes + limits::kStreamChunkBytes;
    if (congested || (m_maxUndelivered > 0 && m_record->undeliveredBytes.load(std::memory_order_relaxed) > m_maxUndelivered))
        return false;
    return m_pauseAbove <= 0 || m_queue.queuedBytes() <= m_pauseAbove + extraAllowance;
}

void ServerConnection::readable(std::span<char> buffer, std::size_t budget, bool echo, bool report)
{
    if (m_handshaking) {
        continueHandshake();
        if (m_handshaking || isFinished() || !wantsRead(false))
            return;
    }
    while (budget > 0 && !isFinished()) {
        auto n = receive(buffer);
        if (!n) {
            if (n.error().code != std::errc::operation_would_block)
                abort(m_closing ? m_reason : n.error().message());
            return;
        }
        if (*n == 0) {
            m_peerDone = true;
            if (m_closing)
                advanceClose();
            else
                close(Text::tr("the client closed the connection"));   // what it was sent still goes out
            return;
        }
        const std::size_t size = *n;
        budget -= std::min(budget, size);
        if (m_closing)
            continue;   // discarded
        m_reportReplies = report;
        m_record->bytesIn.fetch_add(size, std::memory_order_relaxed);
        if (m_heard)
            m_heard(QByteArrayView(buffer.data(), static_cast<qsizetype>(size)));
        // Posted before the echo, which may close the client (and post Disconnected).
        if (report) {
            m_record->undeliveredBytes.fetch_add(static_cast<qint64>(size), std::memory_order_relaxed);
            m_post({ServerEvent::Type::Data, id(), {}, {}, QByteArray(buffer.data(), static_cast<qsizetype>(size)), {}, {}});
        }
        if (echo && !sendOrQueue(std::span<const char>(buffer.data(), size)))
            return;
        if (m_rules) {
            sendReplies(m_rules->push(QByteArrayView(buffer.data(), static_cast<qsizetype>(size))));
            if (isFinished())
                return;
        }
        if (!wantsRead(false))
            return;   // paused until the client reads what it was sent, or the front end catches up
        if (!m_tls && size < buffer.size())
            return;   // drained what the kernel had: no recv() just to hear EAGAIN (TLS reads a record at a time)
    }
}

// Straight from the caller's bytes when nothing waits before them: no copy, no allocation, no
// round through the queue. False when the connection was aborted.
bool ServerConnection::sendOrQueue(std::span<const char> bytes)
{
    const bool wasEmpty = m_queue.empty();
    quint64 out = 0;
    auto result = m_queue.sendOrQueueWith([this](std::span<const char> chunk) { return transmit(chunk); }, bytes, &out);
    sent(out);
    if (!result) {
        abort(result.error().message());
        return false;
    }
    if (wasEmpty && !m_queue.empty())
        m_lastProgress = Clock::now();   // the stall clock starts when bytes start waiting
    updateQueued();
    if (m_queue.queuedBytes() > m_maxQueued) {
        abort(Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(m_maxQueued));
        return false;
    }
    return true;
}

// Each reply goes out like the echo (behind what is queued for this client) or through the engine's
// send-to-all. The front end hears of it (the log marks automatic replies) while it listens to the
// data, as for Data events: a headless server answering at full speed does not wake another
// thread for every reply. A reply that could not be built is always reported.
void ServerConnection::sendReplies(QList<AutoReply> replies)
{
    for (AutoReply &reply : replies) {
        const bool toAll = reply.target == ReplyTarget::All && m_broadcast;
        const bool post = m_reportReplies || !reply.error.isEmpty();
        std::optional<ServerEvent> event;   // built only when someone hears of it
        if (post) {
            event.emplace(ServerEvent{ServerEvent::Type::AutoReplied, id(), {}, {}, reply.bytes, reply.error, {}});
            event->rule = reply.rule;
            event->toAll = toAll;
        }
        if (reply.error.isEmpty() && !reply.bytes.isEmpty()) {
            if (toAll)
                m_broadcast(reply.bytes);
            else if (!m_closing && !isStreaming())
                sendOrQueue(std::span<const char>(reply.bytes.constData(), static_cast<std::size_t>(reply.bytes.size())));
            else
                queue(std::move(reply.bytes));   // behind a stream's bytes, or dropped while closing
        }
        if (event)
            m_post(std::move(*event));
        if (isFinished())
            return;
    }
}

void ServerConnection::writable()
{
    if (isFinished())
        return;
    if (m_handshaking) {
        if (m_handshakeWantsWrite)
            continueHandshake();   // which comes back here once it is done
        return;
    }
    if (m_readWantsWrite) {
        m_readWantsWrite = false;
        m_readRetry = true;   // the engine reads again (hasBufferedInput)
    }
    // A stream refills the queue as the socket drains it: round after round until the socket is
    // full or the stream has nothing more yet, within a budget so other clients get their turn.
    std::size_t budget = limits::kReadBudgetBytes;
    for (;;) {
        pump();
        if (m_queue.empty())
            break;
        quint64 out = 0;
        auto result = m_queue.flushWith([this](std::span<const char> bytes) { return transmit(bytes); }, &out);
        sent(out);
        updateQueued();
        if (!result) {
            abort(m_closing ? m_reason : result.error().message());
            return;
        }
        if (*result == SendQueue::Flush::Blocked || !isStreaming() || out >= budget)
            break;
        budget -= out;
    }
    // Out of budget with the queue empty: take the next chunk now, so that the queue's being
    // non-empty brings this client's turn round again.
    pump();
    if (m_upgradeTo && m_queue.empty() && !m_closing) {
        beginTls(std::move(m_upgradeTo));
        m_upgradeTo.reset();
        if (!isFinished())
            continueHandshake();   // the client may have sent its ClientHello already
        return;
    }
    if (m_closing)
        advanceClose();
}

void ServerConnection::queue(QByteArray data)
{
    if (isFinished() || m_closing || data.isEmpty())
        return;
    if (m_queue.empty())
        m_lastProgress = Clock::now();
    m_queue.append(std::move(data));
    updateQueued();
    if (m_queue.queuedBytes() > m_maxQueued) {
        abort(Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(m_maxQueued));
        return;
    }
    writable();
}

void ServerConnection::follow(std::shared_ptr<ChunkStream> stream, int reader, const Wakeup *wake)
{
    if (isFinished() || m_closing) {
        stream->leave(reader);
        return;
    }
    stream->attach(reader, wake);
    m_streams.push_back({std::move(stream), reader});
    writable();
}

void ServerConnection::pump()
{
    const bool wasEmpty = m_queue.empty();
    while (!m_streams.empty() && m_queue.queuedBytes() <= limits::kStreamLowWaterBytes) {
        Following &front = m_streams.front();
        QByteArray chunk;
        const auto took = front.stream->take(front.reader, chunk);
        if (took == ChunkStream::Take::Wait)
            break;
        if (took == ChunkStream::Take::End) {
            m_streams.pop_front();
            continue;
        }
        m_queue.append(std::move(chunk));   // shared with the other readers, not copied
    }
    if (wasEmpty && !m_queue.empty())
        m_lastProgress = Clock::now();   // the stall clock starts when bytes start waiting
    updateQueued();
}

void ServerConnection::leaveStreams()
{
    for (Following &following : m_streams)
        following.stream->leave(following.reader);
    m_streams.clear();
}

void ServerConnection::close(const QString &reason)
{
    if (isFinished() || m_closing)
        return;
    if (m_handshaking) {
        abort(reason);   // nothing was said over TLS yet, so there is nothing to close in order
        return;
    }
    leaveStreams();   // what was queued goes out; the rest of a stream does not
    m_closing = true;
    m_reason = reason;
    m_closeDeadline = Clock::now() + m_closeTimeout;
    writable();   // flushes what it can, then advances the close
}

void ServerConnection::abort(const QString &reason)
{
    if (isFinished())
        return;
    if (!m_closing)
        m_reason = reason;
    m_closing = true;
    leaveStreams();
    m_socket.close();
    updateQueued();
}

void ServerConnection::advanceClose()
{
    if (!m_queue.empty())
        return;   // writable() comes back when the socket takes more
    if (m_tls && !m_shutDown) {
        // close_notify first: the client can tell an orderly end from a cut connection.
        m_notifyWantsWrite = false;
        switch (m_tls->shutdown()) {
        case TlsSession::Status::Done:
            break;
        case TlsSession::Status::WantWrite:
            m_notifyWantsWrite = true;   // writable() comes back
            return;
        case TlsSession::Status::WantRead:
            return;
        case TlsSession::Status::Closed:
        case TlsSession::Status::Error:
            m_socket.close();   // the peer is gone already
            return;
        }
    }
    if (!m_shutDown) {
        m_shutDown = true;
        if (!m_socket.shutdown(SHUT_WR)) {
            m_socket.close();   // the peer is gone already
            return;
        }
    }
    // Everything, the FIN included, acknowledged; or the peer has finished too, so nothing it
    // sends can arrive after the close and be answered with a reset.
    if (m_peerDone || unacknowledged(m_socket.fd()) == 0)
        m_socket.close();
    else
        m_ackCheckAt = Clock::now() + kAckPoll;
}

void ServerConnection::tick(Clock::time_point now)
{
    if (isFinished())
        return;
    if (m_rules && !m_closing && !m_handshaking) {
        sendReplies(m_rules->due(now));   // delayed replies whose time has come
        if (isFinished())
            return;
    }
    if (m_handshaking) {
        if (now >= m_handshakeDeadline) {
            const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_handshakeTimeout).count();
            abort(Text::tr("the TLS handshake did not finish within %n second(s)", nullptr, static_cast<int>(std::max<qint64>(1, seconds))));
        }
        return;
    }
    if (m_closing) {
        if (now >= m_closeDeadline)
            m_socket.close();   // the reason stays the one the close was asked with
        else if (m_shutDown)
            advanceClose();
        return;
    }
    if (!m_queue.empty() && m_stallTimeout.count() > 0 && now - m_lastProgress >= m_stallTimeout) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_stallTimeout).count();
        abort(Text::tr("took no data for %n second(s): the client is not reading", nullptr, static_cast<int>(std::max<qint64>(1, seconds))));
    }
}

std::optional<ServerConnection::Clock::time_point> ServerConnection::nextTick() const
{
    if (isFinished())
        return std::nullopt;
    if (m_handshaking)
        return m_handshakeDeadline;
    if (m_closing)
        return m_shutDown ? std::min(m_closeDeadline, m_ackCheckAt) : m_closeDeadline;
    std::optional<Clock::time_point> next = m_rules ? m_rules->nextDue() : std::nullopt;
    if (!m_queue.empty() && m_stallTimeout.count() > 0)
        next = std::min(next.value_or(Clock::time_point::max()), m_lastProgress + m_stallTimeout);
    return next;
}

void ServerConnection::sent(quint64 bytes)
{
    if (bytes == 0)
        return;
    m_record->bytesOut.fetch_add(bytes, std::memory_order_relaxed);
    m_lastProgress = Clock::now();
}

void ServerConnection::updateQueued()
{
    const qint64 queued = isFinished() ? 0 : m_queue.queuedBytes();
    m_record->queuedBytes.store(queued, std::memory_order_relaxed);
    if (queued > m_record->peakQueuedBytes.load(std::memory_order_relaxed))
        m_record->peakQueuedBytes.store(queued, std::memory_order_relaxed);
}

namespace serverparts {

int effectiveMaxClients(const TcpServerConfig &config)
{
    if (config.maxClients > 0)
        return config.maxClients;
    return config.model == ServerModel::ThreadPerClient ? limits::kThreadPerClientMaxClients : 0;
}

QString rejectionReason(int maxClients)
{
    return Text::tr("the server already has its maximum of %n client(s)", nullptr, maxClients);
}

bool acceptFailureIsResourceShortage(const Error &error)
{
    const auto code = error.code;
    return code == std::errc::too_many_files_open || code == std::errc::too_many_files_open_in_system
           || code == std::errc::not_enough_memory || code == std::errc::no_buffer_space;
}

bool AcceptBackoff::failed(Clock::time_point now)
{
    m_retryAt = now + limits::kAcceptRetryDelay;
    return !std::exchange(m_reported, true);
}

QString serverStoppedReason()
{
    return Text::tr("server stopped");
}

QString disconnectedByServerReason()
{
    return Text::tr("disconnected by the server");
}

QString chatQuitReason()
{
    return Text::tr("left the chat room (/quit)");
}

void postChatEvents(std::vector<ChatMemberEvent> &&events, const std::function<void(ServerEvent &&)> &post)
{
    if (events.empty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (ChatMemberEvent &member : events) {
        ServerEvent event;
        event.type = ServerEvent::Type::ChatMember;
        event.id = member.id;
        member.at = now;
        event.member = std::move(member);
        post(std::move(event));
    }
}

QString chatRemovedReason()
{
    return Text::tr("removed from the chat room by the server");
}

} // namespace serverparts

} // namespace socketeer
