#include "eventloopserver.h"

#include "net/commandqueue.h"
#include "net/open.h"
#include "net/sendqueue.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <array>
#include <cerrno>
#include <poll.h>
#include <sys/epoll.h>
#include <unordered_map>
#include <variant>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::TcpServer)
};

struct SendTo { quint64 id; QByteArray data; };
struct SendToAll { QByteArray data; };
struct Disconnect { quint64 id; };
struct Stop {};
struct Resume {};
using Command = std::variant<SendTo, SendToAll, Disconnect, Stop, Resume>;

constexpr std::uint64_t kWakeTag = 0;
constexpr std::uint64_t kListenerTag = 1;
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::size_t kReadBudget = 1024 * 1024;   // per client per wake, for fairness
// Collected data is posted before the round ends once this much waits, so a flood from many
// clients is not all held here until the round is over (still a few posts per round, not one
// per recv).
constexpr qsizetype kPostEarly = 256 * 1024;

struct Client {
    std::shared_ptr<ClientRecord> record;
    Socket socket;
    SendQueue queue;
    bool watchingWrite = false;
    bool closed = false;
};

} // namespace

struct EventLoopServer::Loop {
    Loop(const TcpServerConfig &serverConfig, ServerEventSink &eventSink, const std::atomic<bool> &echoFlag,
         const std::atomic<bool> &reportDataFlag, Wakeup wakeup)
        : config(serverConfig), sink(eventSink), echo(echoFlag), reportData(reportDataFlag), commands(std::move(wakeup))
    {
    }

    const TcpServerConfig config;
    ServerEventSink &sink;
    const std::atomic<bool> &echo;
    const std::atomic<bool> &reportData;
    CommandQueue<Command> commands;
    // Events for the front end, collected over one round of the loop and posted together before
    // it blocks again: one lock and at most one wake-up of the receiver per round, not per recv.
    std::vector<ServerEvent> outbox;
    qsizetype outboxBytes = 0;

    Socket listener;
    OwnedFd epoll;
    std::unordered_map<quint64, std::unique_ptr<Client>> clients;
    std::vector<std::unique_ptr<Client>> graveyard;   // closed this iteration; freed after it
    bool stopping = false;
    std::array<char, kReadChunk> buffer{};

    void run();
    bool setUp();
    void serve();
    void tearDown();
    void runCommands();
    void acceptAll();
    void readFrom(Client &client);
    void echoBack(Client &client, std::span<const char> data);
    void queueSend(Client &client, QByteArray data);
    void flush(Client &client);
    void watchWrite(Client &client, bool on);
    void close(Client &client, const QString &reason);
    void fail(ErrorKind kind, int err, const QString &detail);
    void post(ServerEvent event)
    {
        outboxBytes += event.data.size();
        outbox.push_back(std::move(event));
        if (outboxBytes >= kPostEarly)
            postCollected();
    }
    void postCollected()
    {
        sink.postAll(outbox);
        outboxBytes = 0;
    }
    static void count(std::atomic<quint64> &counter, quint64 n)
    {
        if (n)
            counter.fetch_add(n, std::memory_order_relaxed);
    }
};

void EventLoopServer::Loop::run()
{
    trace::setThreadName(config.threadName);
    if (setUp())
        serve();
    tearDown();
    postCollected();   // Stopped last; the front end may join this thread as soon as it sees it
}

bool EventLoopServer::Loop::setUp()
{
    auto socket = listenOn(config.endpoint, config.backlog, true);
    if (!socket) {
        post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, socket.error()});
        return false;
    }
    listener = std::move(socket).value();
    epoll = OwnedFd(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll.valid()) {
        fail(ErrorKind::Socket, errno, QStringLiteral("epoll_create1"));
        return false;
    }
    epoll_event wake{EPOLLIN, {.u64 = kWakeTag}};
    epoll_event listen{EPOLLIN, {.u64 = kListenerTag}};
    if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, commands.fd(), &wake) < 0
        || ::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, listener.fd(), &listen) < 0) {
        fail(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl"));
        return false;
    }
    auto bound = listener.sockName();
    post({ServerEvent::Type::Started, 0, {}, bound ? *bound : SocketAddress{}, {}, {}, {}});
    return true;
}

void EventLoopServer::Loop::serve()
{
    std::array<epoll_event, 256> events;
    while (!stopping) {
        postCollected();
        if (sink.congested()) {
            // The receiver is behind: stop reading (TCP flow control slows the senders) and wait
            // for commands only; the sink wakes us once it has caught up.
            pollfd p{commands.fd(), POLLIN, 0};
            if (::poll(&p, 1, 100) > 0)
                runCommands();
            continue;
        }
        const int n = ::epoll_wait(epoll.get(), events.data(), static_cast<int>(events.size()), -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(ErrorKind::Socket, errno, QStringLiteral("epoll_wait"));
            return;
        }
        for (int i = 0; i < n && !stopping; ++i) {
            const epoll_event &event = events[static_cast<size_t>(i)];
            if (event.data.u64 == kWakeTag) {
                runCommands();
            } else if (event.data.u64 == kListenerTag) {
                acceptAll();
            } else {
                auto *client = static_cast<Client *>(event.data.ptr);
                if (client->closed)
                    continue;
                if (event.events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    readFrom(*client);
                if (!client->closed && (event.events & EPOLLOUT))
                    flush(*client);
            }
        }
        graveyard.clear();
    }
}

void EventLoopServer::Loop::tearDown()
{
    // close() takes each client out of the table, so walk a list of them, not the table.
    std::vector<Client *> open;
    for (auto &[id, client] : clients)
        open.push_back(client.get());
    for (Client *client : open)
        close(*client, Text::tr("server stopped"));
    graveyard.clear();
    listener.close();
    epoll.reset();
    post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
}

void EventLoopServer::Loop::runCommands()
{
    for (Command &command : commands.take()) {
        if (auto *send = std::get_if<SendTo>(&command)) {
            if (auto it = clients.find(send->id); it != clients.end())
                queueSend(*it->second, std::move(send->data));
        } else if (auto *all = std::get_if<SendToAll>(&command)) {
            std::vector<Client *> targets;
            for (auto &[id, client] : clients)
                targets.push_back(client.get());
            for (Client *client : targets)
                if (!client->closed)
                    queueSend(*client, all->data);   // QByteArray: shared, not copied
        } else if (auto *drop = std::get_if<Disconnect>(&command)) {
            if (auto it = clients.find(drop->id); it != clients.end())
                close(*it->second, Text::tr("disconnected by the server"));
        } else if (std::holds_alternative<Stop>(command)) {
            stopping = true;
        }
        // Resume needs nothing: having woken up is the point.
    }
}

void EventLoopServer::Loop::acceptAll()
{
    for (;;) {
        auto accepted = listener.accept();
        if (!accepted) {
            const auto code = accepted.error().code;
            if (code == std::errc::operation_would_block)
                return;
            // Out of descriptors and the like: say so, keep serving those we have.
            if (code == std::errc::too_many_files_open || code == std::errc::too_many_files_open_in_system
                || code == std::errc::not_enough_memory || code == std::errc::no_buffer_space) {
                post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, accepted.error()});
                return;
            }
            continue;   // ECONNABORTED and friends: that one client is gone; try the next
        }
        if (config.maxClients > 0 && clients.size() >= static_cast<size_t>(config.maxClients)) {
            post({ServerEvent::Type::Rejected, 0, {}, accepted->peer, {},
                       Text::tr("the server already has its maximum of %n client(s)", nullptr, config.maxClients), {}});
            continue;   // the socket closes here: the client sees the connection end
        }
        auto client = std::make_unique<Client>();
        client->record = std::make_shared<ClientRecord>();
        client->record->id = nextClientId();
        client->record->peer = accepted->peer;
        client->record->connectedAt = QDateTime::currentDateTimeUtc();   // the GUI shows it in local time; a worker keeps out of localtime(), whose lock TSan cannot see
        client->socket = std::move(accepted->socket);
        epoll_event event{EPOLLIN | EPOLLRDHUP, {.ptr = client.get()}};
        if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, client->socket.fd(), &event) < 0) {
            fail(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl"));
            continue;
        }
        post({ServerEvent::Type::Connected, client->record->id, client->record, {}, {}, {}, {}});
        clients.emplace(client->record->id, std::move(client));
    }
}

void EventLoopServer::Loop::readFrom(Client &client)
{
    std::size_t budget = kReadBudget;
    while (budget > 0 && !client.closed) {
        auto n = client.socket.recv(std::span<char>(buffer.data(), buffer.size()));
        if (!n) {
            if (n.error().code != std::errc::operation_would_block)
                close(client, n.error().message());
            return;
        }
        if (*n == 0) {
            close(client, Text::tr("the client closed the connection"));
            return;
        }
        const std::size_t size = *n;
        count(client.record->bytesIn, size);
        // Posted before the echo, which may close the client (and post Disconnected).
        if (reportData.load(std::memory_order_relaxed))
            post({ServerEvent::Type::Data, client.record->id, {}, {}, QByteArray(buffer.data(), static_cast<qsizetype>(size)), {}, {}});
        if (echo.load(std::memory_order_relaxed))
            echoBack(client, std::span<const char>(buffer.data(), size));
        budget -= std::min(budget, size);
        if (size < buffer.size())
            return;   // drained what the kernel had: no recv() just to hear EAGAIN
    }
}

void EventLoopServer::Loop::echoBack(Client &client, std::span<const char> data)
{
    quint64 sent = 0;
    auto result = client.queue.sendOrQueue(client.socket, data, &sent);
    count(client.record->bytesOut, sent);
    if (!result) {
        close(client, result.error().message());
        return;
    }
    if (client.queue.queuedBytes() > config.maxQueuedBytes) {
        close(client, Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(config.maxQueuedBytes));
        return;
    }
    watchWrite(client, *result == SendQueue::Flush::Blocked);
}

void EventLoopServer::Loop::queueSend(Client &client, QByteArray data)
{
    if (client.closed)
        return;
    client.queue.append(std::move(data));
    if (client.queue.queuedBytes() > config.maxQueuedBytes) {
        close(client, Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(config.maxQueuedBytes));
        return;
    }
    if (!client.watchingWrite)
        flush(client);
}

void EventLoopServer::Loop::flush(Client &client)
{
    quint64 sent = 0;
    auto result = client.queue.flush(client.socket, &sent);
    count(client.record->bytesOut, sent);
    if (!result) {
        close(client, result.error().message());
        return;
    }
    watchWrite(client, *result == SendQueue::Flush::Blocked);
}

void EventLoopServer::Loop::watchWrite(Client &client, bool on)
{
    if (client.watchingWrite == on)
        return;
    epoll_event event{EPOLLIN | EPOLLRDHUP | (on ? EPOLLOUT : 0u), {.ptr = &client}};
    ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, client.socket.fd(), &event);
    client.watchingWrite = on;
}

void EventLoopServer::Loop::close(Client &client, const QString &reason)
{
    if (client.closed)
        return;
    client.closed = true;
    ::epoll_ctl(epoll.get(), EPOLL_CTL_DEL, client.socket.fd(), nullptr);
    client.socket.close();
    const quint64 id = client.record->id;
    post({ServerEvent::Type::Disconnected, id, {}, {}, {}, reason, {}});
    auto it = clients.find(id);
    graveyard.push_back(std::move(it->second));   // events later in this batch may point at it
    clients.erase(it);
}

void EventLoopServer::Loop::fail(ErrorKind kind, int err, const QString &detail)
{
    post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, Error::fromErrno(kind, err, detail)});
}

EventLoopServer::EventLoopServer(const TcpServerConfig &config, ServerEventSink &sink, const std::atomic<bool> &echo,
                                 const std::atomic<bool> &reportData)
{
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        sink.post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, wakeup.error()});
        sink.post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
        return;
    }
    m_loop = std::make_unique<Loop>(config, sink, echo, reportData, std::move(wakeup).value());
    m_thread = std::jthread([loop = m_loop.get()] { loop->run(); });
}

EventLoopServer::~EventLoopServer()
{
    requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void EventLoopServer::sendTo(quint64 id, const QByteArray &data)
{
    if (m_loop)
        m_loop->commands.push(SendTo{id, data});
}

void EventLoopServer::sendToAll(const QByteArray &data)
{
    if (m_loop)
        m_loop->commands.push(SendToAll{data});
}

void EventLoopServer::disconnectClient(quint64 id)
{
    if (m_loop)
        m_loop->commands.push(Disconnect{id});
}

void EventLoopServer::requestStop()
{
    if (m_loop)
        m_loop->commands.push(Stop{});
}

void EventLoopServer::resumeReading()
{
    if (m_loop)
        m_loop->commands.push(Resume{});
}

} // namespace socketeer
