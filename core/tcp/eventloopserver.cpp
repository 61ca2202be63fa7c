#include "eventloopserver.h"

#include "chatroom.h"
#include "serverconnection.h"

#include "net/chunkstream.h"
#include "net/commandqueue.h"
#include "net/open.h"
#include "net/trace.h"

#include <array>
#include <limits>
#include <cerrno>
#include <sys/epoll.h>
#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace socketeer {

namespace {

struct SendTo { quint64 id; QByteArray data; };
struct SendToAll { QByteArray data; };
struct Disconnect { quint64 id; };
struct Stop {};
struct Resume {};
struct SendStream { std::shared_ptr<ChunkStream> stream; std::vector<quint64> targets; };
struct StartTls { quint64 id; QByteArray reply; std::shared_ptr<const TlsContext> context; };
struct ChatAdmin { ChatCommand command; };
using Command = std::variant<SendTo, SendToAll, Disconnect, Stop, Resume, SendStream, StartTls, ChatAdmin>;

using Clock = ServerConnection::Clock;

// epoll's data for a client is its id, not a pointer: a descriptor closed while a fork()ed child
// (a QProcess between fork and exec) still holds a copy stays in the epoll set, and its events
// would then point at a Client already freed. An id that is no longer a client is ignored. Ids
// count up from 1, so the two tags sit at the top of the range.
constexpr std::uint64_t kWakeTag = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kListenerTag = kWakeTag - 1;
// Collected data is posted before the round ends once this much waits, so a flood from many
// clients is not all held here until the round is over (still a few posts per round, not one
// per recv).
constexpr qsizetype kPostEarly = 256 * 1024;

struct Client {
    explicit Client(ServerConnection::Post post, std::shared_ptr<ClientRecord> record, Socket socket, const TcpServerConfig &config)
        : connection(std::move(record), std::move(socket), config, std::move(post))
    {
    }
    ServerConnection connection;
    std::uint32_t interest = 0;   // what epoll watches for it now
};

} // namespace

struct EventLoopServer::Loop {
    Loop(const TcpServerConfig &serverConfig, ServerEventSink &eventSink, const std::atomic<bool> &echoFlag,
         const std::atomic<bool> &reportDataFlag, Wakeup wakeup)
        : config(serverConfig), maxClients(serverparts::effectiveMaxClients(serverConfig)), sink(eventSink), echo(echoFlag),
          reportData(reportDataFlag), commands(std::move(wakeup))
    {
        if (config.chat.enabled)
            room = std::make_unique<ChatRoom>(config.chat);
    }

    const TcpServerConfig config;
    const int maxClients;
    ServerEventSink &sink;
    const std::atomic<bool> &echo;
    const std::atomic<bool> &reportData;
    CommandQueue<Command> commands;
    // Events for the front end, collected over one round of the loop and posted together before
    // it blocks again: one lock and at most one wake-up of the receiver per round, not per recv.
    std::vector<ServerEvent> outbox;
    qsizetype outboxBytes = 0;

    Socket listener;
    serverparts::AcceptBackoff backoff;
    OwnedFd epoll;
    std::unordered_map<quint64, std::unique_ptr<Client>> clients;
    std::unordered_set<Client *> timed;               // clients with a deadline (bytes waiting, closing)
    std::unordered_set<Client *> streaming;           // clients following a stream
    std::unordered_set<Client *> buffered;            // TLS input held in the session: read without epoll
    std::vector<std::shared_ptr<ChunkStream>> everyone;   // streams every new client joins
    std::vector<std::unique_ptr<Client>> graveyard;   // closed this iteration; freed after it
    bool stopping = false;
    bool congested = false;
    std::array<char, limits::kReadChunkBytes> buffer{};
    std::unique_ptr<ChatRoom> room;   // chat mode: relayed here, on this thread


    void run();
    bool setUp();
    void serve();
    void tearDown();
    void runCommands();
    void beginStop();
    void acceptAll();
    void watchListener(bool watch);
    void refresh(Client &client);
    int timeoutMs() const;
    void tickAll();
    void pumpStreams();
    void readBuffered();
    void startStream(SendStream &send);
    void fail(ErrorKind kind, int err, const QString &detail);
    void relayChat();
    void post(ServerEvent event)
    {
        // Every announcement and departure passes here: the room hears of them in order.
        if (room && event.type == ServerEvent::Type::Connected)
            room->joined(event.id, ChatRoom::addressName(event.client->peer));
        else if (room && event.type == ServerEvent::Type::Disconnected)
            room->left(event.id);
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
    // Stopping lets every client's close finish (its queue sent, the peer's acknowledgement or
    // the close timeout) before the loop ends.
    while (!(stopping && clients.empty())) {
        relayChat();
        postCollected();
        // The receiver is behind: stop reading (TCP flow control slows the senders) until the
        // sink wakes us with Resume; writing and closing go on.
        if (const bool nowCongested = sink.congested(); nowCongested != congested) {
            congested = nowCongested;
            std::vector<Client *> all;
            for (auto &[id, client] : clients)
                all.push_back(client.get());
            for (Client *client : all)
                refresh(*client);
            graveyard.clear();
        }
        const int n = ::epoll_wait(epoll.get(), events.data(), static_cast<int>(events.size()), timeoutMs());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(ErrorKind::Socket, errno, QStringLiteral("epoll_wait"));
            return;
        }
        for (int i = 0; i < n; ++i) {
            const epoll_event &event = events[static_cast<size_t>(i)];
            if (event.data.u64 == kWakeTag) {
                runCommands();
            } else if (event.data.u64 == kListenerTag) {
                // Commands queued before these clients connected come first (a live feed that
                // every client joins, say), whatever order epoll lists the two in.
                runCommands();
                if (!stopping)
                    acceptAll();
            } else {
                const auto found = clients.find(event.data.u64);
                if (found == clients.end())
                    continue;   // retired, earlier in this batch or before (see kWakeTag)
                Client *client = found->second.get();
                ServerConnection &connection = client->connection;
                if (connection.isFinished())
                    continue;
                if (event.events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    connection.readable(buffer, limits::kReadBudgetBytes, echo.load(std::memory_order_relaxed),
                                        reportData.load(std::memory_order_relaxed));
                if (event.events & EPOLLOUT)
                    connection.writable();
                refresh(*client);
            }
        }
        pumpStreams();
        readBuffered();
        tickAll();
        if (backoff.due(Clock::now()) && listener.isValid()) {
            backoff.resume();
            watchListener(true);
        }
        graveyard.clear();
    }
}

// What the room has to say goes into the members' queues. A member dropped for not reading
// (its queue over maxQueuedBytes) leaves the room, which says so: round after round until quiet.
void EventLoopServer::Loop::relayChat()
{
    while (room && room->hasDeliveries()) {
        std::unordered_set<quint64> touched;
        for (ChatRoom::Delivery &delivery : room->take()) {
            if (delivery.to == ChatRoom::kTranscript)
                post({ServerEvent::Type::Chat, 0, {}, {}, std::move(delivery.bytes), {}, {}});
            else if (auto it = clients.find(delivery.to); it != clients.end()) {
                it->second->connection.queue(std::move(delivery.bytes));
                if (delivery.close)   // /quit (or removed): its "bye" goes out, then the orderly close
                    it->second->connection.close(delivery.removed ? serverparts::chatRemovedReason() : serverparts::chatQuitReason());
                touched.insert(delivery.to);
            }
        }
        serverparts::postChatEvents(room->takeEvents(), [this](ServerEvent &&event) { post(std::move(event)); });
        for (const quint64 id : touched)
            if (auto it = clients.find(id); it != clients.end())
                refresh(*it->second);
    }
}

// Out of the set while accept() backs off: the connection that could not be taken keeps the
// listener readable, and level-triggered epoll would report it on every round.
void EventLoopServer::Loop::watchListener(bool watch)
{
    epoll_event listen{watch ? std::uint32_t(EPOLLIN) : 0u, {.u64 = kListenerTag}};
    ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, listener.fd(), &listen);
}

// Bytes TLS has read off the socket already (the rest of a record, or a read that had to wait for
// writability) raise no epoll event: they are read here, each client within its budget.
void EventLoopServer::Loop::readBuffered()
{
    if (buffered.empty())
        return;
    const std::vector<Client *> ready(buffered.begin(), buffered.end());
    for (Client *client : ready) {
        if (client->connection.isFinished())
            continue;
        client->connection.readable(buffer, limits::kReadBudgetBytes, echo.load(std::memory_order_relaxed),
                                    reportData.load(std::memory_order_relaxed));
        refresh(*client);
    }
}

// A stream's chunks wake this thread through the command fd; each following client takes what
// its queue has room for.
void EventLoopServer::Loop::pumpStreams()
{
    if (streaming.empty())
        return;
    const std::vector<Client *> followers(streaming.begin(), streaming.end());
    for (Client *client : followers) {
        client->connection.writable();   // pumps, then sends what it can
        refresh(*client);
    }
}

void EventLoopServer::Loop::startStream(SendStream &send)
{
    const Wakeup *wake = &commands.wakeup();
    if (send.targets.empty()) {
        everyone.push_back(send.stream);
        for (auto &[id, client] : clients)
            client->connection.follow(send.stream, send.stream->join(), wake);
    } else {
        for (size_t i = 0; i < send.targets.size(); ++i) {
            if (auto it = clients.find(send.targets[i]); it != clients.end())
                it->second->connection.follow(send.stream, static_cast<int>(i), wake);
            else
                send.stream->leave(static_cast<int>(i));
        }
    }
    std::vector<Client *> all;
    for (auto &[id, client] : clients)
        all.push_back(client.get());
    for (Client *client : all)
        refresh(*client);
}

void EventLoopServer::Loop::tearDown()
{
    // Only after a failure of the loop itself are clients left: they go at once.
    std::vector<Client *> open;
    for (auto &[id, client] : clients)
        open.push_back(client.get());
    for (Client *client : open) {
        client->connection.abort(serverparts::serverStoppedReason());
        refresh(*client);
    }
    graveyard.clear();
    listener.close();
    epoll.reset();
    post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
}

void EventLoopServer::Loop::runCommands()
{
    for (Command &command : commands.take()) {
        if (auto *send = std::get_if<SendTo>(&command)) {
            if (auto it = clients.find(send->id); it != clients.end()) {
                it->second->connection.queue(std::move(send->data));
                refresh(*it->second);
            }
        } else if (auto *all = std::get_if<SendToAll>(&command)) {
            std::vector<Client *> targets;
            for (auto &[id, client] : clients)
                targets.push_back(client.get());
            for (Client *client : targets) {
                client->connection.queue(all->data);   // QByteArray: shared, not copied
                refresh(*client);
            }
        } else if (auto *drop = std::get_if<Disconnect>(&command)) {
            if (auto it = clients.find(drop->id); it != clients.end()) {
                it->second->connection.close(serverparts::disconnectedByServerReason());
                refresh(*it->second);
            }
        } else if (auto *upgrade = std::get_if<StartTls>(&command)) {
            if (auto it = clients.find(upgrade->id); it != clients.end()) {
                it->second->connection.startTls(std::move(upgrade->context), std::move(upgrade->reply));
                refresh(*it->second);
            }
        } else if (auto *chat = std::get_if<ChatAdmin>(&command)) {
            if (room)
                room->command(chat->command);   // relayed at the top of the next round
        } else if (std::holds_alternative<Stop>(command)) {
            beginStop();
        } else if (auto *stream = std::get_if<SendStream>(&command)) {
            if (!stopping)
                startStream(*stream);
            else
                for (size_t i = 0; i < stream->targets.size(); ++i)
                    stream->stream->leave(static_cast<int>(i));
        } else if (std::holds_alternative<Resume>(command)) {
            // The front end caught up (with everything, or with one client's bytes): whoever
            // was paused for it is watched for reading again.
            std::vector<Client *> paused;
            for (auto &[id, client] : clients)
                paused.push_back(client.get());
            for (Client *client : paused)
                refresh(*client);
        }
    }
}

void EventLoopServer::Loop::beginStop()
{
    if (stopping)
        return;
    stopping = true;
    // The port is free at once; the clients' closes finish in the loop.
    ::epoll_ctl(epoll.get(), EPOLL_CTL_DEL, listener.fd(), nullptr);
    listener.close();
    std::vector<Client *> open;
    for (auto &[id, client] : clients)
        open.push_back(client.get());
    for (Client *client : open) {
        client->connection.close(serverparts::serverStoppedReason());
        refresh(*client);
    }
}

void EventLoopServer::Loop::acceptAll()
{
    for (;;) {
        auto accepted = listener.accept();
        if (!accepted) {
            if (accepted.error().code == std::errc::operation_would_block)
                return;
            if (serverparts::acceptFailureIsResourceShortage(accepted.error())) {
                if (backoff.failed(Clock::now()))
                    post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, accepted.error()});
                watchListener(false);
                return;
            }
            continue;
        }
        backoff.accepted();
        if (maxClients > 0 && clients.size() >= static_cast<size_t>(maxClients)) {
            post({ServerEvent::Type::Rejected, 0, {}, accepted->peer, {}, serverparts::rejectionReason(maxClients), {}});
            continue;   // the socket closes here: the client sees the connection end
        }
        auto record = std::make_shared<ClientRecord>();
        record->id = nextClientId();
        record->peer = accepted->peer;
        record->connectedAt = QDateTime::currentDateTimeUtc();   // the GUI shows it in local time; a worker keeps out of localtime(), whose lock TSan cannot see
        auto client = std::make_unique<Client>([this](ServerEvent &&event) { post(std::move(event)); }, record,
                                               std::move(accepted->socket), config);
        if (room)
            client->connection.setHeard([this, id = record->id](QByteArrayView bytes) { room->received(id, bytes); });
        client->connection.setBroadcast([this](const QByteArray &data) { commands.push(SendToAll{data}); });
        if (client->connection.isFinished()) {   // its TLS session could not be set up
            post({ServerEvent::Type::Rejected, 0, {}, record->peer, {}, client->connection.reason(), {}});
            continue;
        }
        client->interest = EPOLLIN | EPOLLRDHUP;
        epoll_event event{client->interest, {.u64 = record->id}};
        if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, client->connection.fd(), &event) < 0) {
            fail(ErrorKind::Socket, errno, QStringLiteral("epoll_ctl"));
            continue;
        }
        // Joined before it is announced: whatever a live feed reads once the client is known to
        // be there reaches it.
        std::erase_if(everyone, [](const auto &stream) { return stream->progress().ended; });
        for (const auto &stream : everyone)
            client->connection.follow(stream, stream->join(), &commands.wakeup());
        // Over TLS the connection announces itself when its handshake is done.
        if (client->connection.isAnnounced())
            post({ServerEvent::Type::Connected, record->id, record, {}, {}, {}, {}});
        Client *raw = client.get();
        clients.emplace(record->id, std::move(client));
        refresh(*raw);   // congested already: not read from yet
    }
}

// After anything happened to a client: retire it if its connection has ended, otherwise make epoll
// watch what it now waits for.
void EventLoopServer::Loop::refresh(Client &client)
{
    ServerConnection &connection = client.connection;
    if (connection.isFinished()) {
        // Its descriptor is closed, which took it out of the epoll set (unless a fork()ed child
        // holds a copy: then its events name an id that is gone, and are ignored).
        const quint64 id = connection.id();
        if (connection.isAnnounced())
            post({ServerEvent::Type::Disconnected, id, {}, {}, {}, connection.reason(), {}});
        else   // its TLS handshake failed: never a client the front end knew
            post({ServerEvent::Type::Rejected, id, {}, connection.record()->peer, {}, connection.reason(), {}});
        timed.erase(&client);
        streaming.erase(&client);
        buffered.erase(&client);
        auto it = clients.find(id);
        graveyard.push_back(std::move(it->second));   // events later in this batch may point at it
        clients.erase(it);
        return;
    }
    const bool reading = connection.wantsRead(congested);
    const std::uint32_t interest = (reading ? EPOLLIN | EPOLLRDHUP : 0u) | (connection.wantsWrite() ? EPOLLOUT : 0u);
    if (reading && connection.hasBufferedInput())
        buffered.insert(&client);
    else
        buffered.erase(&client);
    if (interest != client.interest) {
        epoll_event event{interest, {.u64 = connection.id()}};
        ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, connection.fd(), &event);
        client.interest = interest;
    }
    if (connection.nextTick())
        timed.insert(&client);
    else
        timed.erase(&client);
    if (connection.isStreaming())
        streaming.insert(&client);
    else
        streaming.erase(&client);
}

int EventLoopServer::Loop::timeoutMs() const
{
    if (!buffered.empty())
        return 0;
    if (timed.empty() && !backoff.retryAt())
        return -1;
    const auto now = Clock::now();
    auto next = backoff.retryAt().value_or(Clock::time_point::max());
    for (const Client *client : timed)
        if (auto at = client->connection.nextTick())
            next = std::min(next, *at);
    if (next <= now)
        return 0;
    // Rounded up: waking a little early would only mean another round.
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(next - now).count();
    return static_cast<int>(std::min<qint64>(ms, 60 * 1000));
}

void EventLoopServer::Loop::tickAll()
{
    if (timed.empty())
        return;
    const auto now = Clock::now();
    const std::vector<Client *> due(timed.begin(), timed.end());
    for (Client *client : due) {
        auto at = client->connection.nextTick();
        if (at && *at <= now)
            client->connection.tick(now);
        refresh(*client);
    }
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

void EventLoopServer::sendStream(std::shared_ptr<ChunkStream> stream, std::vector<quint64> targets)
{
    if (m_loop)
        m_loop->commands.push(SendStream{std::move(stream), std::move(targets)});
}

void EventLoopServer::disconnectClient(quint64 id)
{
    if (m_loop)
        m_loop->commands.push(Disconnect{id});
}

void EventLoopServer::startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context)
{
    if (m_loop)
        m_loop->commands.push(StartTls{id, reply, std::move(context)});
}

void EventLoopServer::chatCommand(ChatCommand command)
{
    if (m_loop)
        m_loop->commands.push(ChatAdmin{std::move(command)});
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
