#include "udprelayengine.h"

#include "udprelaysession.h"

#include "net/commandqueue.h"
#include "net/limits.h"
#include "net/open.h"
#include "net/socket.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <optional>
#include <queue>
#include <random>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <unordered_map>
#include <variant>
#include <vector>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::UdpRelay)
};

struct SetImpairments { RelayImpairments impairments; };
struct CloseSession { quint64 id; };
struct Stop {};
struct Resume {};
using Command = std::variant<SetImpairments, CloseSession, Stop, Resume>;

using Clock = UdpImpairer::Clock;

// epoll tags: session sockets are tagged with their id (from 1), in the inner set.
constexpr quint64 kListenerTag = 0;
constexpr quint64 kWakeTag = ~quint64{0};
constexpr quint64 kTimerTag = kWakeTag - 1;
constexpr quint64 kSocketsTag = kWakeTag - 2;

// Datagrams per socket per wake-up: a flood from one side cannot starve the other or the timers.
constexpr int kDrainBudget = 256;

QByteArray keyOf(const SocketAddress &address)
{
    return QByteArray(reinterpret_cast<const char *>(address.data()), static_cast<qsizetype>(address.size()));
}

const char *traceName(RelayAction action)
{
    switch (action) {
    case RelayAction::Dropped: return "drop";
    case RelayAction::Duplicated: return "duplicate";
    case RelayAction::Corrupted: return "corrupt";
    case RelayAction::Truncated: return "truncate";
    case RelayAction::Reordered: return "reorder";
    case RelayAction::Throttled: return "throttle";
    default: return "delay";
    }
}

QString wayName(RelayDirection way)
{
    return way == RelayDirection::Up ? QStringLiteral("up") : QStringLiteral("down");
}

} // namespace

struct UdpRelayEngine::Loop {
    Loop(const RelayConfig &relayConfig, RelayEventSink &eventSink, const std::atomic<bool> &report, Wakeup wakeup)
        : config(relayConfig), sink(eventSink), reportData(report), commands(std::move(wakeup)), impairments(relayConfig.impairments)
    {
        std::random_device seed;
        random.seed((static_cast<quint64>(seed()) << 32) ^ seed());
    }

    const RelayConfig config;
    RelayEventSink &sink;
    const std::atomic<bool> &reportData;
    CommandQueue<Command> commands;
    // Set with every command: a drain looks at it between datagrams (one atomic load), so that
    // impairments changed before a datagram was sent apply to it even when the thread was
    // already busy draining (tst_udprelay setImpairments_appliesToAnOpenSession, under TSan).
    std::atomic<bool> commandsWaiting{false};
    RelayImpairments impairments;
    std::mt19937_64 random;

    OwnedFd epoll;      // the wake-up, the timer and (while reading) the inner set
    OwnedFd sockets;    // the inner set: the listener and every session socket
    OwnedFd timer;
    bool readingRegistered = false;
    Socket listener;
    SocketAddress target;
    std::vector<char> buffer = std::vector<char>(65536);
    std::unordered_map<quint64, std::unique_ptr<UdpRelaySession>> sessions;
    std::map<QByteArray, quint64> bySource;
    UdpRelaySession *lastSession = nullptr;   // whom the listener last heard from
    quint64 nextId = 1;
    bool limitReported = false;
    std::priority_queue<UdpRelayDue, std::vector<UdpRelayDue>, std::greater<>> heap;
    quint64 nextOrder = 0;
    std::optional<Clock::time_point> nextIdleCheck;
    std::vector<RelayEvent> batch;
    bool stopping = false;

    void run();
    bool setUp();
    void serve();
    void tearDown();
    void runCommands();
    void updateReading();
    void armTimer();
    void serviceSockets();
    void drainListener();
    void drainSession(UdpRelaySession &session);
    void handle(UdpRelaySession &session, RelayDirection way, QByteArray data, Clock::time_point now);
    void apply(UdpRelaySession &session, RelayDirection way, UdpImpairer::Outcome outcome, Clock::time_point now);
    void send(UdpRelaySession &session, RelayDirection way, const QByteArray &data);
    void runDue(Clock::time_point now);
    void sweepIdle(Clock::time_point now);
    UdpRelaySession *openSession(const SocketAddress &source, Clock::time_point now);
    void closeSession(quint64 id, const QString &reason);
    void targetFailed(UdpRelaySession &session, const Error &error);

    void push(Command command)
    {
        commands.push(std::move(command));
        commandsWaiting.store(true, std::memory_order_release);
    }
    // Between datagrams: false when a command stopped the relay.
    bool takeWaitingCommands()
    {
        if (commandsWaiting.load(std::memory_order_acquire))
            runCommands();
        return !stopping;
    }
    void post(RelayEvent event) { batch.push_back(std::move(event)); }
    void fail(Error error)
    {
        RelayEvent event;
        event.type = RelayEvent::Type::Failed;
        event.error = std::move(error);
        post(std::move(event));
    }
    void impaired(const UdpRelaySession &session, RelayDirection way, const UdpImpairer::Note &note)
    {
        // On the relay's lane of the timeline: a dropped datagram is a recvfrom with no send after it.
        const QByteArray &data = note.data;
        trace::recordBytes(trace::placeInOrder(), traceName(note.action),
                           [&] { return QStringLiteral("session %1 %2").arg(session.id).arg(wayName(way)); },
                           [&] { return note.detail; }, 0, data.constData(), data.size(), data.size());
        RelayEvent event;
        event.type = RelayEvent::Type::Impaired;
        event.id = session.id;
        event.direction = way;
        event.action = note.action;
        event.detail = note.detail;
        post(std::move(event));
    }
};

void UdpRelayEngine::Loop::run()
{
    trace::setThreadName(QStringLiteral("relay"));
    if (setUp())
        serve();
    tearDown();
}

bool UdpRelayEngine::Loop::setUp()
{
    if (config.listen.isUnix() || config.target.isUnix()) {
        fail(Error::invalid(Text::tr("a UDP relay listens on and forwards to a host and port, not a socket path")));
        return false;
    }
    if (config.target.port == 0) {
        fail(Error::invalid(Text::tr("%1: a datagram cannot be sent to port 0").arg(config.target.toString())));
        return false;
    }
    // Blocking (getaddrinfo): here on the worker, never in the caller's thread.
    auto targets = resolve(config.target, {SocketType::Datagram, false});
    if (!targets) {
        fail(targets.error());
        return false;
    }
    target = targets->front();
    auto bound = bindDatagram(config.listen, true);
    if (!bound) {
        fail(bound.error());
        return false;
    }
    listener = std::move(bound).value();
    // Room for a burst while this thread waits for a core; the kernel caps it at rmem_max.
    (void)listener.setOption(SOL_SOCKET, SO_RCVBUF, limits::kUdpReceiveBufferBytes);
    epoll = OwnedFd(::epoll_create1(EPOLL_CLOEXEC));
    sockets = OwnedFd(::epoll_create1(EPOLL_CLOEXEC));
    timer = OwnedFd(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
    if (!epoll.valid() || !sockets.valid() || !timer.valid()) {
        fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("epoll_create1/timerfd_create")));
        return false;
    }
    epoll_event wake{EPOLLIN, {.u64 = kWakeTag}};
    epoll_event tick{EPOLLIN, {.u64 = kTimerTag}};
    epoll_event listen{EPOLLIN, {.u64 = kListenerTag}};
    if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, commands.fd(), &wake) < 0 || ::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, timer.get(), &tick) < 0
        || ::epoll_ctl(sockets.get(), EPOLL_CTL_ADD, listener.fd(), &listen) < 0) {
        fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl")));
        return false;
    }
    auto local = listener.sockName();
    RelayEvent started;
    started.type = RelayEvent::Type::Started;
    started.address = local ? *local : SocketAddress{};
    started.target = target;
    post(std::move(started));
    return true;
}

void UdpRelayEngine::Loop::serve()
{
    std::array<epoll_event, 4> events;
    while (!stopping) {
        const Clock::time_point now = Clock::now();
        runDue(now);
        sweepIdle(now);
        sink.postAll(batch);
        armTimer();
        updateReading();
        const int n = ::epoll_wait(epoll.get(), events.data(), static_cast<int>(events.size()), -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("epoll_wait")));
            return;
        }
        for (int i = 0; i < n && !stopping; ++i) {
            const quint64 tag = events[static_cast<std::size_t>(i)].data.u64;
            if (tag == kWakeTag) {
                runCommands();
            } else if (tag == kTimerTag) {
                quint64 expirations = 0;
                (void)::read(timer.get(), &expirations, sizeof expirations);
            } else if (tag == kSocketsTag) {
                // Commands queued before these datagrams arrived apply to them (impairments set
                // live, a session closed), whatever order epoll lists the two in.
                if (takeWaitingCommands())
                    serviceSockets();
            }
        }
    }
}

void UdpRelayEngine::Loop::tearDown()
{
    std::vector<quint64> ids;
    for (const auto &entry : sessions)
        ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    for (const quint64 id : ids)
        closeSession(id, Text::tr("the relay stopped"));
    listener.close();
    RelayEvent stopped;
    stopped.type = RelayEvent::Type::Stopped;
    post(std::move(stopped));
    sink.postAll(batch);   // Stopped last; the front end may join this thread once it sees it
}

void UdpRelayEngine::Loop::runCommands()
{
    commandsWaiting.store(false, std::memory_order_relaxed);   // before take(): a later push sets it again
    for (Command &command : commands.take()) {
        if (stopping)
            break;
        if (auto *set = std::get_if<SetImpairments>(&command)) {
            impairments = set->impairments;
            for (auto &entry : sessions) {
                entry.second->up.setImpairments(impairments);
                entry.second->down.setImpairments(impairments);
            }
        } else if (auto *close = std::get_if<CloseSession>(&command)) {
            closeSession(close->id, Text::tr("closed by the user"));
        } else if (std::holds_alternative<Stop>(command)) {
            stopping = true;
        }
        // Resume needs nothing: having woken up is the point (updateReading looks again).
    }
}

// While the sink is behind, the inner set leaves the outer one: datagrams stay in the kernel
// (which drops what overflows, as UDP does) and only commands and timers wake us.
void UdpRelayEngine::Loop::updateReading()
{
    const bool wanted = !sink.congested();
    if (wanted == readingRegistered)
        return;
    epoll_event inner{EPOLLIN, {.u64 = kSocketsTag}};
    if (::epoll_ctl(epoll.get(), wanted ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, sockets.get(), &inner) == 0)
        readingRegistered = wanted;
}

void UdpRelayEngine::Loop::armTimer()
{
    std::optional<Clock::time_point> next = nextIdleCheck;
    if (!heap.empty() && (!next || heap.top().at < *next))
        next = heap.top().at;
    itimerspec spec{};
    if (next) {
        // steady_clock is CLOCK_MONOTONIC; an absolute zero would disarm, so at least 1 ns.
        const auto ns = std::max<qint64>(1, std::chrono::duration_cast<std::chrono::nanoseconds>(next->time_since_epoch()).count());
        spec.it_value.tv_sec = static_cast<time_t>(ns / 1000000000);
        spec.it_value.tv_nsec = static_cast<long>(ns % 1000000000);
    }
    (void)::timerfd_settime(timer.get(), TFD_TIMER_ABSTIME, &spec, nullptr);
}

void UdpRelayEngine::Loop::serviceSockets()
{
    std::array<epoll_event, 256> events;
    const int n = ::epoll_wait(sockets.get(), events.data(), static_cast<int>(events.size()), 0);
    for (int i = 0; i < n && !sink.congested(); ++i) {
        const quint64 tag = events[static_cast<std::size_t>(i)].data.u64;
        if (tag == kListenerTag) {
            drainListener();
        } else if (auto found = sessions.find(tag); found != sessions.end()) {
            drainSession(*found->second);
        }
        // Handed over per socket, so congested() sees a flood before the next socket is read.
        sink.postAll(batch);
    }
}

void UdpRelayEngine::Loop::drainListener()
{
    for (int i = 0; i < kDrainBudget && !sink.congested() && takeWaitingCommands(); ++i) {
        auto received = listener.recvFrom(std::span<char>(buffer.data(), buffer.size()));
        if (!received) {
            if (received.error().code != std::errc::operation_would_block)
                fail(received.error());
            return;
        }
        const Clock::time_point now = Clock::now();
        // A flood mostly comes from one source: the last one's session is found without a lookup.
        UdpRelaySession *session = nullptr;
        if (lastSession && received->from == lastSession->source)
            session = lastSession;
        else if (auto known = bySource.find(keyOf(received->from)); known != bySource.end())
            session = sessions.at(known->second).get();
        else
            session = openSession(received->from, now);
        lastSession = session;
        if (!session)
            continue;
        session->lastHeard = now;
        handle(*session, RelayDirection::Up, QByteArray(buffer.data(), static_cast<qsizetype>(received->size)), now);
    }
}

void UdpRelayEngine::Loop::drainSession(UdpRelaySession &session)
{
    const quint64 id = session.id;
    for (int i = 0; i < kDrainBudget && !sink.congested() && takeWaitingCommands() && sessions.contains(id); ++i) {
        auto received = session.socket.recv(std::span<char>(buffer.data(), buffer.size()));
        if (!received) {
            if (received.error().code != std::errc::operation_would_block)
                targetFailed(session, received.error());
            return;
        }
        session.targetFailureReported = false;   // the target answers again
        handle(session, RelayDirection::Down, QByteArray(buffer.data(), static_cast<qsizetype>(*received)), Clock::now());
        if (!sessions.contains(id))
            return;
    }
}

UdpRelaySession *UdpRelayEngine::Loop::openSession(const SocketAddress &source, Clock::time_point now)
{
    if (static_cast<qsizetype>(sessions.size()) >= config.maxConnections) {
        if (!limitReported)
            fail(Error::fromErrno(ErrorKind::Limit, EUSERS,
                                  Text::tr("datagrams from %1 are dropped: %n session(s) at most", nullptr, config.maxConnections)
                                      .arg(source.toString())));
        limitReported = true;   // once, until a session ends
        return nullptr;
    }
    auto socket = Socket::create(target.family(), SocketType::Datagram, true);
    Result<void> connected = socket ? socket->connect(target) : Result<void>(socket.error());
    if (!connected) {
        fail(connected.error());
        return nullptr;
    }
    (void)socket->setOption(SOL_SOCKET, SO_RCVBUF, limits::kUdpReceiveBufferBytes);
    const quint64 id = nextId++;
    epoll_event readable{EPOLLIN, {.u64 = id}};
    if (::epoll_ctl(sockets.get(), EPOLL_CTL_ADD, socket->fd(), &readable) < 0) {
        fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl")));
        return nullptr;
    }
    auto session = std::make_unique<UdpRelaySession>(id, source, std::move(socket).value(), random);
    session->up.setImpairments(impairments);
    session->down.setImpairments(impairments);
    session->lastHeard = now;
    if (!nextIdleCheck)
        nextIdleCheck = now + config.udpIdleTimeout;
    RelayEvent opened;
    opened.type = RelayEvent::Type::Opened;
    opened.id = id;
    opened.address = source;
    opened.target = target;
    post(std::move(opened));
    bySource.emplace(keyOf(source), id);
    return sessions.emplace(id, std::move(session)).first->second.get();
}

void UdpRelayEngine::Loop::closeSession(quint64 id, const QString &reason)
{
    auto found = sessions.find(id);
    if (found == sessions.end())
        return;
    // Its datagrams still in the heap are skipped when their time comes (the id is gone).
    bySource.erase(keyOf(found->second->source));
    if (lastSession == found->second.get())
        lastSession = nullptr;
    sessions.erase(found);   // closing the socket takes it out of the epoll set
    limitReported = false;
    RelayEvent closed;
    closed.type = RelayEvent::Type::Closed;
    closed.id = id;
    closed.detail = reason;
    post(std::move(closed));
}

void UdpRelayEngine::Loop::targetFailed(UdpRelaySession &session, const Error &error)
{
    // An ICMP error from the target's side (port or host unreachable), seen on the connected
    // socket: said once until the target answers again, and the session goes on (something may
    // listen there later). A flood towards a closed port must not become a flood of errors.
    if (session.targetFailureReported)
        return;
    session.targetFailureReported = true;
    Error said = error;
    if (error.code == std::errc::connection_refused) {
        said.kind = ErrorKind::Connect;
        said.detail = Text::tr("session %1: nothing listens on %2").arg(session.id).arg(target.toString());
    } else {
        said.detail = Text::tr("session %1, towards %2").arg(session.id).arg(target.toString());
    }
    RelayEvent event;
    event.type = RelayEvent::Type::Failed;
    event.id = session.id;
    event.error = std::move(said);
    post(std::move(event));
}

void UdpRelayEngine::Loop::handle(UdpRelaySession &session, RelayDirection way, QByteArray data, Clock::time_point now)
{
    UdpImpairer &impairer = session.impairer(way);
    if (impairer.idle() && session.queued(way) == 0) {
        send(session, way, data);
        return;
    }
    // The direction's queue is full: dropped, as a router's would be, and said.
    const qint64 weight = data.size() + limits::kDatagramOverheadBytes;
    if (session.queued(way) + impairer.heldBytes() + weight > limits::kUdpRelayQueueBytes) {
        impaired(session, way, {RelayAction::Dropped, Text::tr("queue full (%1 bytes wait)").arg(session.queued(way) + impairer.heldBytes()), data});
        return;
    }
    apply(session, way, impairer.arrive(std::move(data), now), now);
}

void UdpRelayEngine::Loop::apply(UdpRelaySession &session, RelayDirection way, UdpImpairer::Outcome outcome, Clock::time_point now)
{
    for (const UdpImpairer::Note &note : outcome.notes)
        impaired(session, way, note);
    for (UdpImpairer::Release &release : outcome.released) {
        if (release.due <= now && session.queued(way) == 0) {
            send(session, way, release.data);
        } else {
            session.queued(way) += release.data.size() + limits::kDatagramOverheadBytes;
            heap.push({release.due, nextOrder++, session.id, way, std::move(release.data), false});
        }
    }
    const auto expiry = session.impairer(way).nextExpiry();
    if (expiry && expiry != session.expiry(way))
        heap.push({*expiry, nextOrder++, session.id, way, {}, true});
    session.expiry(way) = expiry;
}

void UdpRelayEngine::Loop::send(UdpRelaySession &session, RelayDirection way, const QByteArray &data)
{
    const std::span<const char> bytes(data.constData(), static_cast<std::size_t>(data.size()));
    // Upstream only to the target (the connected socket), downstream only to the session's source.
    auto sent = way == RelayDirection::Up ? session.socket.send(bytes) : listener.sendTo(bytes, session.source);
    if (!sent) {
        if (sent.error().code == std::errc::operation_would_block)
            impaired(session, way, {RelayAction::Dropped, Text::tr("the system's send buffer was full"), data});
        else if (way == RelayDirection::Up)
            targetFailed(session, sent.error());
        else
            fail(sent.error());
        return;
    }
    RelayEvent event;
    event.type = RelayEvent::Type::Forwarded;
    event.id = session.id;
    event.direction = way;
    event.traffic = {static_cast<quint64>(*sent), 1};
    if (reportData.load(std::memory_order_relaxed))
        event.data = data;
    post(std::move(event));
}

void UdpRelayEngine::Loop::runDue(Clock::time_point now)
{
    while (!heap.empty() && heap.top().at <= now) {
        UdpRelayDue due = heap.top();
        heap.pop();
        auto found = sessions.find(due.session);
        if (found == sessions.end())
            continue;
        UdpRelaySession &session = *found->second;
        if (due.expiry) {
            apply(session, due.way, session.impairer(due.way).expire(now), now);
        } else {
            session.queued(due.way) -= due.data.size() + limits::kDatagramOverheadBytes;
            send(session, due.way, due.data);
        }
    }
}

void UdpRelayEngine::Loop::sweepIdle(Clock::time_point now)
{
    if (!nextIdleCheck || now < *nextIdleCheck)
        return;
    std::vector<quint64> idle;
    std::optional<Clock::time_point> next;
    for (const auto &entry : sessions) {
        const Clock::time_point until = entry.second->lastHeard + config.udpIdleTimeout;
        if (until <= now)
            idle.push_back(entry.first);
        else if (!next || until < *next)
            next = until;
    }
    std::sort(idle.begin(), idle.end());
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(config.udpIdleTimeout).count();
    for (const quint64 id : idle)
        closeSession(id, Text::tr("idle: nothing from the client for %1 ms").arg(ms));
    nextIdleCheck = next;
}

UdpRelayEngine::UdpRelayEngine(const RelayConfig &config, RelayEventSink &sink, const std::atomic<bool> &reportData)
{
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        postFailedStart(sink, wakeup.error());
        return;
    }
    m_loop = std::make_unique<Loop>(config, sink, reportData, std::move(wakeup).value());
    m_thread = std::jthread([loop = m_loop.get()] { loop->run(); });
}

UdpRelayEngine::~UdpRelayEngine()
{
    requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void UdpRelayEngine::setImpairments(const RelayImpairments &impairments)
{
    if (m_loop)
        m_loop->push(SetImpairments{impairments});
}

void UdpRelayEngine::closeConnection(quint64 id)
{
    if (m_loop)
        m_loop->push(CloseSession{id});
}

void UdpRelayEngine::requestStop()
{
    if (m_loop)
        m_loop->push(Stop{});
}

void UdpRelayEngine::resumeReading()
{
    if (m_loop)
        m_loop->push(Resume{});
}

} // namespace socketeer
