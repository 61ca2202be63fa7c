#include "relayconnection.h"

#include "net/limits.h"
#include "net/trace.h"

#include <QCoreApplication>
#include <QScopeGuard>

#include <cerrno>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Relay)
};

// How long a reset after N bytes waits for those bytes to leave the relay's socket (an RST would
// throw away what the kernel still holds): on loopback a moment, for a peer that does not read
// at all a bounded wait.
constexpr auto kResetWaitForSent = std::chrono::seconds(2);
constexpr auto kResetRetry = std::chrono::milliseconds(1);

const char *wayName(RelayDirection way)
{
    return way == RelayDirection::Up ? "up" : way == RelayDirection::Down ? "down" : "both";
}

// SO_LINGER {1, 0}: close() then sends an RST instead of a FIN, so the peer sees ECONNRESET.
void resetOnClose(Socket &socket)
{
    if (!socket.isValid())
        return;
    const linger hard{1, 0};
    const int rc = ::setsockopt(socket.fd(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    const int err = rc < 0 ? errno : 0;
    trace::record("setsockopt", [&] { return QStringLiteral("fd %1, SO_LINGER, {1, 0}").arg(socket.fd()); }, rc, err);
}

} // namespace

RelayConnection::RelayConnection(quint64 id, Accepted client, const std::vector<SocketAddress> &targets,
                                 Clock::time_point now, std::uint64_t seed, RelayConnectionHost &host)
    : m_id(id), m_host(host), m_targets(targets), m_openedAt(now), m_up(RelayDirection::Up, now, seed),
      m_down(RelayDirection::Down, now, seed ^ 0x9e3779b97f4a7c15ULL)
{
    m_client.socket = std::move(client.socket);
    m_client.address = client.peer;
}

int RelayConnection::fd(Side side) const
{
    return end(side).socket.isValid() ? end(side).socket.fd() : -1;
}

void RelayConnection::start(Clock::time_point now)
{
    m_connectDeadline = now + limits::kConnectTimeout;
    connectNext(now);
}

void RelayConnection::connectNext(Clock::time_point now)
{
    while (m_nextTarget < m_targets.size()) {
        const SocketAddress &address = m_targets[m_nextTarget++];
        auto socket = Socket::create(address.family(), SocketType::Stream, true);
        if (!socket) {
            m_connectError = socket.error();
            continue;
        }
        const int rc = socket->connectEx(address);
        if (rc != 0 && rc != EINPROGRESS) {
            m_connectError = Error::fromErrno(ErrorKind::Connect, rc, address.toString());
            continue;
        }
        m_target.socket = std::move(socket).value();
        m_target.address = address;
        if (rc == 0)
            connected(now);
        return;   // in progress: epoll says when it is writable
    }
    const QString why = m_connectError ? m_connectError->message() : Text::tr("no address");
    finish(Text::tr("the target could not be reached: %1").arg(why));
}

void RelayConnection::connected(Clock::time_point now)
{
    // Every piece its own segment: the slicer's pieces must reach the peer as separate reads.
    (void)m_client.socket.setOption(IPPROTO_TCP, TCP_NODELAY, 1);
    (void)m_target.socket.setOption(IPPROTO_TCP, TCP_NODELAY, 1);
    m_state = State::Open;
    RelayEvent event;
    event.type = RelayEvent::Type::Opened;
    event.id = m_id;
    event.address = m_client.address;
    event.target = m_target.address;
    m_host.post(std::move(event));
    tick(now);   // a reset after 0 ms, say
}

void RelayConnection::handle(Side side, std::uint32_t events, Clock::time_point now)
{
    if (m_finished)
        return;
    const auto report = qScopeGuard([this] { flushForwarded(); });
    if (m_state == State::Connecting) {
        if (side != Target)
            return;
        if (auto done = m_target.socket.finishConnect(m_target.address); done) {
            connected(now);
        } else {
            m_connectError = done.error();
            m_target.socket.close();
            connectNext(now);
        }
        return;
    }
    // An error or hang-up also ends a wait for room: the next send says what happened (and a
    // socket left watched for EPOLLOUT only would otherwise report it again and again).
    if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
        end(side).blocked = false;
        pump(other(side), now);
    }
    if (!m_finished && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        read(side, now);
    checkDone();
}

void RelayConnection::tick(Clock::time_point now)
{
    if (m_finished)
        return;
    const auto report = qScopeGuard([this] { flushForwarded(); });
    switch (m_state) {
    case State::Connecting:
        if (now >= m_connectDeadline) {
            m_target.socket.close();
            finish(Text::tr("the target could not be reached: %1")
                       .arg(Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT, m_target.address.toString()).message()));
        }
        return;
    case State::Draining:
        if (now >= m_drainDeadline)
            finish(m_drainReason);
        else
            checkDone();
        return;
    case State::Open:
        break;
    }
    const RelayImpairments::Reset &reset = m_host.impairments().reset;
    if (reset.afterMs >= 0 && now >= m_openedAt + std::chrono::milliseconds(reset.afterMs)) {
        impaired(RelayDirection::Both, RelayAction::Reset, relayMillisecondsText(reset.afterMs), "reset");
        abort(Text::tr("reset by the relay after %1 ms").arg(reset.afterMs));
        return;
    }
    m_resetRetryAt.reset();
    pump(Client, now);
    pump(Target, now);
    checkDone();
}

void RelayConnection::close(const QString &reason, Clock::time_point now)
{
    if (m_finished)
        return;
    if (m_state == State::Connecting)
        finish(reason);
    else if (m_state == State::Open)
        beginDrain(reason, now);
}

void RelayConnection::stop(const QString &reason)
{
    if (!m_finished)
        finish(reason);
}

bool RelayConnection::wantsRead(Side side) const
{
    const End &e = end(side);
    if (m_finished || !e.socket.isValid() || e.eof)
        return false;
    switch (m_state) {
    case State::Connecting:
        return false;
    case State::Draining:
        return true;   // read and dropped until the peer closes
    case State::Open:
        break;
    }
    const RelayPipe &pipe = from(side);
    if (!pipe.accepting())
        return true;   // cut: dropped, so the sender is not left blocked
    // Bounded: a full pipe stops reading, and TCP's flow control holds the sender back. "Full"
    // already when a recv() would get less than a sixteenth: reading a few bytes at a time as the
    // other side drains costs a system call for each.
    return pipe.weight() <= limits::kRelayBufferBytes - limits::kRelayBufferBytes / 16 && !m_host.congested();
}

void RelayConnection::read(Side side, Clock::time_point now)
{
    End &e = end(side);
    RelayPipe &pipe = from(side);
    const std::span<char> buffer = m_host.readBuffer();
    qint64 budget = static_cast<qint64>(limits::kReadBudgetBytes);
    while (budget > 0 && wantsRead(side)) {
        // No more than the pipe has room for, as it will be sliced: one recv() never overshoots
        // the bound by more than a piece.
        const qsizetype room = pipe.accepting() && m_state == State::Open
            ? std::max<qsizetype>(1, pipe.room(m_host.impairments(), limits::kRelayBufferBytes))
            : static_cast<qsizetype>(buffer.size());
        auto received = e.socket.recv(buffer.first(std::min(buffer.size(), static_cast<std::size_t>(room))));
        if (!received) {
            if (received.error().code == std::errc::operation_would_block)
                break;
            const QString message = received.error().message();
            abort(side == Client ? Text::tr("the client: %1").arg(message) : Text::tr("the target: %1").arg(message));
            return;
        }
        const std::size_t size = *received;
        if (size == 0) {
            e.eof = true;
            if (m_state == State::Open) {
                pipe.pushFin(now, m_host.impairments(), m_acted);
                report(side, m_acted);
            }
            break;
        }
        budget -= static_cast<qint64>(size);
        if (m_state != State::Open || !pipe.accepting())
            continue;   // closing, or cut: dropped
        ++e.chunks;
        pipe.push(QByteArrayView(buffer.data(), static_cast<qsizetype>(size)), now, m_host.impairments(), m_acted);
        report(side, m_acted);
    }
    if (m_state == State::Open)
        pump(side, now);
}

void RelayConnection::pump(Side side, Clock::time_point now)
{
    RelayPipe &pipe = from(side);
    End &to = end(other(side));
    const RelayDirection way = wayFrom(side);
    while (m_state == State::Open && !m_finished && !to.blocked && !m_resetRetryAt) {
        RelayPiece *piece = pipe.front();
        if (!piece || piece->due > now)
            return;
        switch (piece->kind) {
        case RelayPiece::Kind::Data:
            if (!sendData(side, *piece))
                return;
            break;
        case RelayPiece::Kind::Fin:
            pipe.popFront();
            passShutdown(to);
            break;
        case RelayPiece::Kind::HalfClose:
            pipe.popFront();
            passShutdown(to);
            impaired(way, RelayAction::HalfClosed, Text::tr("after %n byte(s)", nullptr, static_cast<int>(pipe.bytesIn())),
                     "halfclose");
            break;
        case RelayPiece::Kind::Limit:
            pipe.popFront();
            impaired(way, RelayAction::Limited, Text::tr("after %n byte(s)", nullptr, static_cast<int>(pipe.bytesIn())), "limit");
            beginDrain(Text::tr("closed by the relay: the limit of %n byte(s) was reached", nullptr, static_cast<int>(pipe.bytesIn())),
                       now);
            return;
        case RelayPiece::Kind::Reset:
            resetWhenSent(side, now);
            return;
        }
    }
}

bool RelayConnection::sendData(Side side, RelayPiece &piece)
{
    End &to = end(other(side));
    auto sent = to.socket.send(std::span<const char>(piece.bytes.constData(), static_cast<std::size_t>(piece.bytes.size())));
    if (!sent) {
        if (sent.error().code == std::errc::operation_would_block) {
            to.blocked = true;
            return false;
        }
        const QString message = sent.error().message();
        abort(side == Client ? Text::tr("the target: %1").arg(message) : Text::tr("the client: %1").arg(message));
        return false;
    }
    const auto count = static_cast<qsizetype>(*sent);
    const bool whole = count == piece.bytes.size();
    // One Forwarded per round of sends, not per send: a 1-byte slicer would make an event of
    // every byte.
    if (m_forwarding && m_forwarding->direction != wayFrom(side))
        flushForwarded();
    if (!m_forwarding) {
        m_forwarding.emplace();
        m_forwarding->type = RelayEvent::Type::Forwarded;
        m_forwarding->id = m_id;
        m_forwarding->direction = wayFrom(side);
    }
    m_forwarding->traffic.bytes += static_cast<quint64>(count);
    m_forwarding->traffic.chunks += std::exchange(end(side).chunks, 0);
    if (m_host.reportData())
        m_forwarding->data += whole ? piece.bytes : piece.bytes.first(count);
    from(side).consumeFront(count);   // `piece` may be gone now
    if (!whole) {
        to.blocked = true;   // the rest when the socket has room
        return false;
    }
    return true;
}

void RelayConnection::flushForwarded()
{
    if (m_forwarding)
        m_host.post(*std::exchange(m_forwarding, std::nullopt));
}

void RelayConnection::passShutdown(End &to)
{
    if (to.shut || !to.socket.isValid())
        return;
    to.shut = true;
    (void)to.socket.shutdown(SHUT_WR);   // a peer already gone shows on the next read
}

// A reset after exactly N bytes: those N must have left the relay's socket first, or the RST would
// discard them in the kernel.
void RelayConnection::resetWhenSent(Side side, Clock::time_point now)
{
    End &to = end(other(side));
    int queued = 0;
    if (::ioctl(to.socket.fd(), SIOCOUTQ, &queued) == 0 && queued > 0) {
        if (!m_resetWaitUntil)
            m_resetWaitUntil = now + kResetWaitForSent;
        if (now < *m_resetWaitUntil) {
            m_resetRetryAt = now + kResetRetry;
            return;
        }
    }
    const auto bytes = static_cast<int>(from(side).bytesIn());
    impaired(wayFrom(side), RelayAction::Reset, Text::tr("after %n byte(s)", nullptr, bytes), "reset");
    abort(Text::tr("reset by the relay after %n byte(s)", nullptr, bytes));
}

void RelayConnection::report(Side side, std::vector<RelayActed> &acted)
{
    for (const RelayActed &one : acted)
        impaired(wayFrom(side), one.action, one.detail, one.call);
    acted.clear();
}

void RelayConnection::impaired(RelayDirection way, RelayAction action, const QString &detail, const char *call)
{
    flushForwarded();   // the bytes that went before it, first
    // On the relay's lane of the timeline, between the recv that brought the bytes and the send
    // that passes them on: the cause next to its effect.
    trace::record(call, [&] { return QStringLiteral("#%1 %2").arg(m_id).arg(QLatin1String(wayName(way))); },
                  [&] { return detail; }, 0);
    RelayEvent event;
    event.type = RelayEvent::Type::Impaired;
    event.id = m_id;
    event.direction = way;
    event.action = action;
    event.detail = detail;
    m_host.post(std::move(event));
}

void RelayConnection::beginDrain(const QString &reason, Clock::time_point now)
{
    m_state = State::Draining;
    m_drainReason = reason;
    m_drainDeadline = now + limits::kCloseFlushTimeout;
    m_up.discardAll();
    m_down.discardAll();
    m_client.blocked = m_target.blocked = false;
    // FIN both ways after what was sent; closed once both peers close too (or the deadline), so
    // neither sees an RST for bytes it sent meanwhile.
    passShutdown(m_client);
    passShutdown(m_target);
    checkDone();
}

void RelayConnection::abort(const QString &reason)
{
    resetOnClose(m_client.socket);
    resetOnClose(m_target.socket);
    finish(reason);
}

void RelayConnection::finish(const QString &reason)
{
    m_client.socket.close();
    m_target.socket.close();
    m_finished = true;
    m_reason = reason;
}

void RelayConnection::checkDone()
{
    if (m_finished)
        return;
    if (m_state == State::Draining && m_client.eof && m_target.eof)
        finish(m_drainReason);
    else if (m_state == State::Open && m_client.eof && m_target.eof && m_up.empty() && m_down.empty())
        finish(Text::tr("both sides closed"));
}

std::uint32_t RelayConnection::interest(Side side) const
{
    const End &e = end(side);
    if (m_finished || !e.socket.isValid())
        return 0;
    if (m_state == State::Connecting)
        return side == Target ? std::uint32_t(EPOLLOUT) : 0u;
    return (wantsRead(side) ? std::uint32_t(EPOLLIN) : 0u) | (e.blocked ? std::uint32_t(EPOLLOUT) : 0u);
}

std::optional<RelayConnection::Clock::time_point> RelayConnection::nextWake() const
{
    if (m_finished)
        return std::nullopt;
    switch (m_state) {
    case State::Connecting:
        return m_connectDeadline;
    case State::Draining:
        return m_drainDeadline;
    case State::Open:
        break;
    }
    if (m_resetRetryAt)
        return m_resetRetryAt;   // the pipes wait for the reset
    std::optional<Clock::time_point> next;
    auto consider = [&](std::optional<Clock::time_point> at) {
        if (at && (!next || *at < *next))
            next = at;
    };
    if (!m_target.blocked)
        consider(m_up.nextDue());
    if (!m_client.blocked)
        consider(m_down.nextDue());
    if (const int afterMs = m_host.impairments().reset.afterMs; afterMs >= 0)
        consider(m_openedAt + std::chrono::milliseconds(afterMs));
    return next;
}

} // namespace socketeer
