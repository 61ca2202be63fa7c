#include "tcprelayengine.h"

#include "relayconnection.h"

#include "tcp/serverconnection.h"

#include "net/commandqueue.h"
#include "net/limits.h"
#include "net/open.h"
#include "net/ownedfd.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <array>
#include <cerrno>
#include <functional>
#include <limits>
#include <queue>
#include <random>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <unordered_map>
#include <variant>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Relay)
};

struct SetImpairments { RelayImpairments impairments; };
struct CloseOne { quint64 id; };
struct Stop {};
struct Resume {};
using Command = std::variant<SetImpairments, CloseOne, Stop, Resume>;

using Clock = RelayConnection::Clock;

// epoll's data for a connection's socket is its id and side (id * 2 + side), never a pointer: an id
// that is no longer a connection is ignored. Ids count up from 1; the tags sit at the top.
constexpr std::uint64_t kWakeTag = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kListenerTag = kWakeTag - 1;
constexpr std::uint64_t kTimerTag = kWakeTag - 2;
// Heap entries for the listener's accept back-off rather than a connection.
constexpr quint64 kListenerRetry = 0;
// Events are posted before the round ends once this much data waits.
constexpr qsizetype kPostEarly = 256 * 1024;
// ...or once this many events wait (impairments acting on many small chunks): the outbox is not
// a queue without bound either.
constexpr std::size_t kPostEarlyEvents = 1024;

struct Watched {
    std::uint32_t interest = 0;
    int fd = -1;   // a failed connect attempt's socket is replaced by the next one's
};

struct Entry {
    std::unique_ptr<RelayConnection> connection;
    Watched watched[2];
    Clock::time_point armedAt = Clock::time_point::max();   // earliest time in the heap for it
};

struct Due {
    Clock::time_point at;
    quint64 id;
    bool operator>(const Due &other) const { return at > other.at; }
};

} // namespace

struct TcpRelayEngine::Loop final : RelayConnectionHost {
    Loop(const RelayConfig &relayConfig, RelayEventSink &eventSink, const std::atomic<bool> &reportDataWanted, Wakeup wakeup)
        : config(relayConfig), current(relayConfig.impairments), sink(eventSink), reportDataFlag(reportDataWanted),
          commands(std::move(wakeup)), random(std::random_device{}())
    {
    }

    const RelayConfig config;
    RelayImpairments current;
    RelayEventSink &sink;
    const std::atomic<bool> &reportDataFlag;
    CommandQueue<Command> commands;
    std::mt19937_64 random;

    std::vector<SocketAddress> targets;
    Socket listener;
    serverparts::AcceptBackoff backoff;
    OwnedFd epoll;
    OwnedFd timer;
    Clock::time_point timerArmedFor = Clock::time_point::max();
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> heap;
    std::unordered_map<quint64, Entry> connections;
    std::vector<std::unique_ptr<RelayConnection>> graveyard;   // finished this round; freed after it
    quint64 nextId = 1;
    bool stopping = false;
    bool congestedNow = false;
    std::vector<RelayEvent> outbox;
    qsizetype outboxBytes = 0;
    std::array<char, static_cast<std::size_t>(limits::kRelayBufferBytes)> buffer{};

    // RelayConnectionHost
    const RelayImpairments &impairments() const override { return current; }
    bool reportData() const override { return reportDataFlag.load(std::memory_order_relaxed); }
    bool congested() const override { return congestedNow; }
    std::span<char> readBuffer() override { return buffer; }
    void post(RelayEvent event) override
    {
        outboxBytes += event.data.size();
        outbox.push_back(std::move(event));
        if (outboxBytes >= kPostEarly || outbox.size() >= kPostEarlyEvents)
            postCollected();
    }
    void postCollected()
    {
        sink.postAll(outbox);
        outboxBytes = 0;
    }

    void run();
    bool setUp();
    void serve();
    void tearDown();
    void runCommands();
    void acceptAll(Clock::time_point now);
    void handle(std::uint64_t tag, std::uint32_t events);
    void expire();
    void refresh(quint64 id);
    void refreshAll();
    void watch(int fd, Watched &watched, std::uint32_t interest, std::uint64_t tag);
    void schedule(quint64 id, Clock::time_point at, Clock::time_point &armedAt);
    void armTimer();
    void failed(Error error)
    {
        RelayEvent event;
        event.type = RelayEvent::Type::Failed;
        event.error = std::move(error);
        post(std::move(event));
    }
    void fail(ErrorKind kind, int err, const QString &detail) { failed(Error::fromErrno(kind, err, detail)); }
    void closed(quint64 id, const QString &reason)
    {
        RelayEvent event;
        event.type = RelayEvent::Type::Closed;
        event.id = id;
        event.detail = reason;
        post(std::move(event));
    }
};

void TcpRelayEngine::Loop::run()
{
    trace::setThreadName(QStringLiteral("relay"));
    if (setUp())
        serve();
    tearDown();
    postCollected();   // Stopped last; the front end may join this thread as soon as it sees it
}

bool TcpRelayEngine::Loop::setUp()
{
    // Resolved once, here on the worker: every connection goes to these addresses and no other.
    auto resolved = resolve(config.target, ResolveOptions{SocketType::Stream, false});
    if (!resolved) {
        failed(resolved.error());
        return false;
    }
    targets = std::move(resolved).value();
    if (targets.empty()) {
        fail(ErrorKind::Resolve, EINVAL, config.target.toString());
        return false;
    }
    auto socket = listenOn(config.listen, limits::kListenBacklog, true);
    if (!socket) {
        failed(socket.error());
        return false;
    }
    listener = std::move(socket).value();
    epoll = OwnedFd(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll.valid()) {
        fail(ErrorKind::Socket, errno, QStringLiteral("epoll_create1"));
        return false;
    }
    timer = OwnedFd(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
    if (!timer.valid()) {
        fail(ErrorKind::Socket, errno, QStringLiteral("timerfd_create"));
        return false;
    }
    epoll_event wake{EPOLLIN, {.u64 = kWakeTag}};
    epoll_event listen{EPOLLIN, {.u64 = kListenerTag}};
    epoll_event tick{EPOLLIN, {.u64 = kTimerTag}};
    if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, commands.fd(), &wake) < 0
        || ::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, listener.fd(), &listen) < 0
        || ::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, timer.get(), &tick) < 0) {
        fail(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl"));
        return false;
    }
    auto bound = listener.sockName();
    RelayEvent started;
    started.type = RelayEvent::Type::Started;
    started.address = bound ? *bound : SocketAddress{};
    post(std::move(started));
    return true;
}

void TcpRelayEngine::Loop::serve()
{
    std::array<epoll_event, 256> events;
    while (!stopping) {
        postCollected();
        // The front end is behind with the log: stop reading (TCP holds the senders back) until
        // it wakes us with Resume; sending what is queued goes on.
        if (const bool now = sink.congested(); now != congestedNow) {
            congestedNow = now;
            refreshAll();
        }
        armTimer();
        const int n = ::epoll_wait(epoll.get(), events.data(), static_cast<int>(events.size()), -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(ErrorKind::Socket, errno, QStringLiteral("epoll_wait"));
            return;
        }
        for (int i = 0; i < n && !stopping; ++i) {
            const epoll_event &event = events[static_cast<std::size_t>(i)];
            if (event.data.u64 == kWakeTag)
                runCommands();
            else if (event.data.u64 == kTimerTag)
                expire();
            else if (event.data.u64 == kListenerTag)
                acceptAll(Clock::now());
            else
                handle(event.data.u64, event.events);
        }
        graveyard.clear();
    }
}

void TcpRelayEngine::Loop::tearDown()
{
    const QString reason = Text::tr("the relay stopped");
    for (auto &[id, entry] : connections) {
        entry.connection->stop(reason);
        closed(id, reason);
    }
    connections.clear();
    graveyard.clear();
    listener.close();
    timer.reset();
    epoll.reset();
    RelayEvent stopped;
    stopped.type = RelayEvent::Type::Stopped;
    post(std::move(stopped));
}

void TcpRelayEngine::Loop::runCommands()
{
    for (Command &command : commands.take()) {
        if (auto *set = std::get_if<SetImpairments>(&command)) {
            // From the next chunk on; timers already armed for a reset after a time are looked
            // at again by refresh().
            current = set->impairments;
            refreshAll();
        } else if (auto *one = std::get_if<CloseOne>(&command)) {
            if (auto it = connections.find(one->id); it != connections.end()) {
                it->second.connection->close(Text::tr("closed by the relay's user"), Clock::now());
                refresh(one->id);
            }
        } else if (std::holds_alternative<Stop>(command)) {
            stopping = true;
            return;   // what was queued behind a stop is dropped
        } else if (std::holds_alternative<Resume>(command)) {
            congestedNow = sink.congested();
            refreshAll();
        }
    }
}

void TcpRelayEngine::Loop::acceptAll(Clock::time_point now)
{
    for (;;) {
        auto accepted = listener.accept();
        if (!accepted) {
            if (accepted.error().code == std::errc::operation_would_block)
                return;
            if (serverparts::acceptFailureIsResourceShortage(accepted.error())) {
                // The waiting connection keeps the listener readable: unwatched until the retry.
                if (backoff.failed(now))
                    failed(accepted.error());
                epoll_event listen{0, {.u64 = kListenerTag}};
                ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, listener.fd(), &listen);
                if (auto at = backoff.retryAt())
                    heap.push({*at, kListenerRetry});
                return;
            }
            continue;   // that one connection failed (ECONNABORTED): the next
        }
        backoff.accepted();
        const quint64 id = nextId++;
        if (config.maxConnections > 0 && connections.size() >= static_cast<std::size_t>(config.maxConnections)) {
            closed(id, Text::tr("refused: the relay already has its maximum of %n connection(s)", nullptr, config.maxConnections));
            continue;   // the socket closes here: the client sees the connection end
        }
        Entry entry;
        entry.connection = std::make_unique<RelayConnection>(id, std::move(accepted).value(), targets, now, random(), *this);
        RelayConnection *connection = connections.emplace(id, std::move(entry)).first->second.connection.get();
        connection->start(now);
        refresh(id);
    }
}

void TcpRelayEngine::Loop::handle(std::uint64_t tag, std::uint32_t events)
{
    const quint64 id = tag / 2;
    const auto side = static_cast<RelayConnection::Side>(tag % 2);
    auto it = connections.find(id);
    if (it == connections.end())
        return;   // finished earlier in this batch, or a descriptor a fork()ed child still holds
    it->second.connection->handle(side, events, Clock::now());
    refresh(id);
}

// The timerfd fired: every connection whose time has come gets its tick.
void TcpRelayEngine::Loop::expire()
{
    std::uint64_t expirations = 0;
    [[maybe_unused]] const auto got = ::read(timer.get(), &expirations, sizeof expirations);
    timerArmedFor = Clock::time_point::max();
    const Clock::time_point now = Clock::now();
    while (!heap.empty() && heap.top().at <= now) {
        const Due due = heap.top();
        heap.pop();
        if (due.id == kListenerRetry) {
            if (backoff.due(now) && listener.isValid()) {
                backoff.resume();
                epoll_event listen{EPOLLIN, {.u64 = kListenerTag}};
                ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, listener.fd(), &listen);
            }
            continue;
        }
        auto it = connections.find(due.id);
        if (it == connections.end() || it->second.armedAt != due.at)
            continue;   // gone, or superseded by an earlier entry that has fired already
        it->second.armedAt = Clock::time_point::max();
        it->second.connection->tick(now);
        refresh(due.id);
    }
}

// After anything happened to a connection: retire it if it has finished, otherwise make epoll
// and the timer watch what it waits for now.
void TcpRelayEngine::Loop::refresh(quint64 id)
{
    auto it = connections.find(id);
    if (it == connections.end())
        return;
    Entry &entry = it->second;
    RelayConnection &connection = *entry.connection;
    if (connection.finished()) {
        closed(id, connection.reason());   // its descriptors are closed: out of the epoll set
        graveyard.push_back(std::move(entry.connection));
        connections.erase(it);
        return;
    }
    for (const RelayConnection::Side side : {RelayConnection::Client, RelayConnection::Target}) {
        const int fd = connection.fd(side);
        if (fd < 0) {
            entry.watched[side] = {};   // closed (a failed connect attempt): gone from the set with it
            continue;
        }
        watch(fd, entry.watched[side], connection.interest(side), id * 2 + side);
    }
    if (auto at = connection.nextWake())
        schedule(id, *at, entry.armedAt);
}

void TcpRelayEngine::Loop::refreshAll()
{
    std::vector<quint64> ids;
    ids.reserve(connections.size());
    for (const auto &[id, entry] : connections)
        ids.push_back(id);
    for (const quint64 id : ids) {
        // The new impairments may move a reset after a time earlier than what is armed.
        if (auto it = connections.find(id); it != connections.end())
            it->second.armedAt = Clock::time_point::max();
        refresh(id);
    }
}

// A socket with nothing to wait for leaves the set: EPOLLHUP and EPOLLERR are reported whatever
// the interest, and a peer that closed while its direction is paused would make epoll spin.
void TcpRelayEngine::Loop::watch(int fd, Watched &watched, std::uint32_t interest, std::uint64_t tag)
{
    // A descriptor closed is out of the set already (close() took it out); its successor is new.
    const bool added = watched.fd == fd;
    if (interest == 0) {
        if (added)
            ::epoll_ctl(epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
        watched = {};
        return;
    }
    if (added && watched.interest == interest)
        return;
    epoll_event event{interest, {.u64 = tag}};
    if (::epoll_ctl(epoll.get(), added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) < 0 && errno == ENOENT)
        ::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, fd, &event);   // the same number, a new descriptor
    watched = {interest, fd};
}

void TcpRelayEngine::Loop::schedule(quint64 id, Clock::time_point at, Clock::time_point &armedAt)
{
    if (at >= armedAt)
        return;   // an entry at least as early is in the heap already
    armedAt = at;
    heap.push({at, id});
}

// One timerfd for the whole relay, armed for the earliest entry (absolute, so a late wake-up does
// not push every later one back: no drift).
void TcpRelayEngine::Loop::armTimer()
{
    const Clock::time_point next = heap.empty() ? Clock::time_point::max() : heap.top().at;
    if (next == timerArmedFor)
        return;
    timerArmedFor = next;
    itimerspec spec{};
    if (next != Clock::time_point::max()) {
        const auto since = next.time_since_epoch();
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since);
        spec.it_value.tv_sec = static_cast<time_t>(seconds.count());
        spec.it_value.tv_nsec = static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(since - seconds).count());
        if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
            spec.it_value.tv_nsec = 1;   // zero would disarm it
    }
    ::timerfd_settime(timer.get(), TFD_TIMER_ABSTIME, &spec, nullptr);
}

TcpRelayEngine::TcpRelayEngine(const RelayConfig &config, RelayEventSink &sink, const std::atomic<bool> &reportData)
{
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        postFailedStart(sink, wakeup.error());
        return;
    }
    m_loop = std::make_unique<Loop>(config, sink, reportData, std::move(wakeup).value());
    m_thread = std::jthread([loop = m_loop.get()] { loop->run(); });
}

TcpRelayEngine::~TcpRelayEngine()
{
    requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void TcpRelayEngine::setImpairments(const RelayImpairments &impairments)
{
    if (m_loop)
        m_loop->commands.push(SetImpairments{impairments});
}

void TcpRelayEngine::closeConnection(quint64 id)
{
    if (m_loop)
        m_loop->commands.push(CloseOne{id});
}

void TcpRelayEngine::requestStop()
{
    if (m_loop)
        m_loop->commands.push(Stop{});
}

void TcpRelayEngine::resumeReading()
{
    if (m_loop)
        m_loop->commands.push(Resume{});
}

} // namespace socketeer
