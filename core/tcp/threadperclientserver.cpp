#include "threadperclientserver.h"

#include "chatroom.h"
#include "serverconnection.h"

#include "net/chunkstream.h"
#include "net/commandqueue.h"
#include "net/open.h"
#include "net/trace.h"

#include <array>
#include <cerrno>
#include <poll.h>
#include <unordered_map>
#include <variant>

namespace socketeer {

namespace {

struct SendTo { quint64 id; QByteArray data; };
struct SendToAll { QByteArray data; };
struct Disconnect { quint64 id; };
struct Stop {};
struct Resume {};
struct Finished { quint64 id; };   // a session's thread is about to end: join it
struct SendStream { std::shared_ptr<ChunkStream> stream; std::vector<quint64> targets; };
struct StartTls { quint64 id; QByteArray reply; std::shared_ptr<const TlsContext> context; };
// Chat mode: a session tells the acceptor, which owns the room, what its client said and when a
// TLS client is announced (a plain one is announced by the acceptor itself).
struct ChatHeard { quint64 id; QByteArray bytes; };
struct ChatJoined { quint64 id; QString address; };
struct ChatAdmin { ChatCommand command; };   // the server's user: mute, remove, topic, notice
using Command = std::variant<SendTo, SendToAll, Disconnect, Stop, Resume, Finished, SendStream, StartTls, ChatHeard, ChatJoined, ChatAdmin>;

struct SessionSend { QByteArray data; };
struct SessionClose { QString reason; };
struct SessionStream { std::shared_ptr<ChunkStream> stream; int reader; };
struct SessionStartTls { QByteArray reply; std::shared_ptr<const TlsContext> context; };
using SessionCommand = std::variant<SessionSend, SessionClose, SessionStream, SessionStartTls>;

using Clock = ServerConnection::Clock;

// Until `at`, for poll(); -1 for never.
int msUntil(std::optional<Clock::time_point> at)
{
    if (!at)
        return -1;
    const auto now = Clock::now();
    if (*at <= now)
        return 0;
    return static_cast<int>(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(*at - now).count(), 60 * 1000));
}

} // namespace

// One connection and the thread that serves it: it blocks in poll() on its socket and its own
// wake-up fd, the way the tutorial's link_handler blocks in recv().
class Session {
public:
    Session(std::shared_ptr<ClientRecord> record, Socket socket, const TcpServerConfig &config, ServerConnection::Post post, Wakeup wakeup)
        : connection(std::move(record), std::move(socket), config, std::move(post)), commands(std::move(wakeup))
    {
    }

    void run(ThreadPerClientServer::Acceptor &acceptor);

    ServerConnection connection;
    CommandQueue<SessionCommand> commands;
    std::jthread thread;

private:
    void runCommands();
};

struct ThreadPerClientServer::Acceptor {
    Acceptor(const TcpServerConfig &serverConfig, ServerEventSink &eventSink, const std::atomic<bool> &echoFlag,
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
    std::atomic<int> threads{1};
    std::unordered_map<quint64, std::unique_ptr<Session>> sessions;
    std::vector<std::shared_ptr<ChunkStream>> everyone;   // streams every new client joins
    Socket listener;
    serverparts::AcceptBackoff backoff;
    bool stopping = false;
    std::unique_ptr<ChatRoom> room;   // chat mode: owned and relayed by this thread

    void run();
    void relayChat();
    void acceptOne();
    void runCommands();
    void post(ServerEvent event) { sink.post(std::move(event)); }
    void reap(quint64 id);
};

void Session::run(ThreadPerClientServer::Acceptor &acceptor)
{
    trace::setThreadName(QStringLiteral("tcp-client-%1").arg(connection.id()));
    std::array<char, limits::kReadChunkBytes> buffer;
    while (!connection.isFinished()) {
        const bool congested = acceptor.sink.congested();
        const bool reading = connection.wantsRead(congested);
        pollfd fds[2] = {{connection.fd(), static_cast<short>((reading ? POLLIN : 0) | (connection.wantsWrite() ? POLLOUT : 0)), 0},
                         {commands.fd(), POLLIN, 0}};
        // TLS may hold input already read off the socket: poll() would not report it.
        const bool buffered = reading && connection.hasBufferedInput();
        int timeout = buffered ? 0 : msUntil(connection.nextTick());
        if (congested && !connection.isClosing())
            timeout = timeout < 0 ? 50 : std::min(timeout, 50);   // the sink's relief is not a wake-up of ours
        if (::poll(fds, 2, timeout) < 0) {
            if (errno == EINTR)
                continue;
            connection.abort(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll")).message());
            break;
        }
        if (fds[1].revents & POLLIN) {
            runCommands();   // a stream's new chunk rings here too
            if (connection.isStreaming())
                connection.writable();
        }
        // One recv() per wake-up, as the tutorial's loop does.
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) || buffered)
            connection.readable(buffer, buffer.size(), acceptor.echo.load(std::memory_order_relaxed),
                                acceptor.reportData.load(std::memory_order_relaxed));
        if (fds[0].revents & POLLOUT)
            connection.writable();
        connection.tick(Clock::now());
    }
    if (connection.isAnnounced())
        acceptor.post({ServerEvent::Type::Disconnected, connection.id(), {}, {}, {}, connection.reason(), {}});
    else   // its TLS handshake failed: never a client the front end knew
        acceptor.post({ServerEvent::Type::Rejected, connection.id(), {}, connection.record()->peer, {}, connection.reason(), {}});
    acceptor.commands.push(Finished{connection.id()});
}

void Session::runCommands()
{
    for (SessionCommand &command : commands.take()) {
        if (auto *send = std::get_if<SessionSend>(&command))
            connection.queue(std::move(send->data));
        else if (auto *close = std::get_if<SessionClose>(&command))
            connection.close(close->reason);
        else if (auto *stream = std::get_if<SessionStream>(&command))
            connection.follow(std::move(stream->stream), stream->reader, &commands.wakeup());
        else if (auto *upgrade = std::get_if<SessionStartTls>(&command))
            connection.startTls(std::move(upgrade->context), std::move(upgrade->reply));
    }
}

void ThreadPerClientServer::Acceptor::run()
{
    trace::setThreadName(QStringLiteral("tcp-accept"));
    auto socket = listenOn(config.endpoint, config.backlog, false);
    if (!socket) {
        post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, socket.error()});
        post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
        return;
    }
    listener = std::move(socket).value();
    auto bound = listener.sockName();
    post({ServerEvent::Type::Started, 0, {}, bound ? *bound : SocketAddress{}, {}, {}, {}});

    while (!stopping) {
        if (backoff.due(Clock::now()))
            backoff.resume();
        // While backing off the listener is left out (fd -1: poll ignores it) and the wait ends when
        // the retry is due.
        pollfd fds[2] = {{backoff.retryAt() ? -1 : listener.fd(), POLLIN, 0}, {commands.fd(), POLLIN, 0}};
        if (::poll(fds, 2, msUntil(backoff.retryAt())) < 0) {
            if (errno == EINTR)
                continue;
            post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll"))});
            break;
        }
        if (fds[1].revents & POLLIN)
            runCommands();
        if (!stopping && (fds[0].revents & POLLIN))
            acceptOne();
        relayChat();
    }

    listener.close();   // the port is free at once; the clients' closes finish in their threads
    for (auto &[id, session] : sessions)
        session->commands.push(SessionClose{serverparts::serverStoppedReason()});
    for (auto &[id, session] : sessions)
        session->thread.join();   // each posts its own Disconnected on the way out
    sessions.clear();
    threads.store(1);
    post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
}

void ThreadPerClientServer::Acceptor::acceptOne()
{
    auto accepted = listener.accept();   // blocking, but poll said a connection is waiting
    if (!accepted) {
        if (serverparts::acceptFailureIsResourceShortage(accepted.error()) && backoff.failed(Clock::now()))
            post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, accepted.error()});
        return;
    }
    backoff.accepted();
    if (maxClients > 0 && sessions.size() >= static_cast<size_t>(maxClients)) {
        post({ServerEvent::Type::Rejected, 0, {}, accepted->peer, {}, serverparts::rejectionReason(maxClients), {}});
        return;   // the socket closes here: the client sees the connection end
    }
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, wakeup.error()});
        return;
    }
    // The session polls, so its socket must not block a send the queue cannot finish.
    accepted->socket.setNonBlocking(true);
    auto record = std::make_shared<ClientRecord>();
    record->id = nextClientId();
    record->peer = accepted->peer;
    record->connectedAt = QDateTime::currentDateTimeUtc();   // the GUI shows it in local time; a worker keeps out of localtime(), whose lock TSan cannot see
    ServerConnection::Post sessionPost = [this](ServerEvent &&event) {
        if (room && event.type == ServerEvent::Type::Connected)   // over TLS, from the session's thread
            commands.push(ChatJoined{event.id, ChatRoom::addressName(event.client->peer)});
        sink.post(std::move(event));
    };
    auto session = std::make_unique<Session>(record, std::move(accepted->socket), config, std::move(sessionPost),
                                             std::move(wakeup).value());
    if (room) {
        // What the client said is counted as undelivered until the room has taken it, so a client
        // that floods stops being read (TCP holds it) while this thread is behind.
        session->connection.setHeard([this, record](QByteArrayView bytes) {
            record->undeliveredBytes.fetch_add(bytes.size(), std::memory_order_relaxed);
            commands.push(ChatHeard{record->id, bytes.toByteArray()});
        });
    }
    session->connection.setBroadcast([this](const QByteArray &data) { commands.push(SendToAll{data}); });
    // Joined before it is announced: whatever a live feed reads once the client is known to be
    // there reaches it.
    std::erase_if(everyone, [](const auto &stream) { return stream->progress().ended; });
    for (const auto &stream : everyone)
        session->commands.push(SessionStream{stream, stream->join()});
    // Over TLS the session announces itself when its handshake is done (in its own thread).
    if (session->connection.isAnnounced()) {
        post({ServerEvent::Type::Connected, record->id, record, {}, {}, {}, {}});
        if (room)
            room->joined(record->id, ChatRoom::addressName(record->peer));
    }
    Session *raw = session.get();
    sessions.emplace(record->id, std::move(session));
    threads.fetch_add(1);
    raw->thread = std::jthread([raw, this] { raw->run(*this); });
}

void ThreadPerClientServer::Acceptor::runCommands()
{
    for (Command &command : commands.take()) {
        if (auto *send = std::get_if<SendTo>(&command)) {
            if (auto it = sessions.find(send->id); it != sessions.end())
                it->second->commands.push(SessionSend{std::move(send->data)});
        } else if (auto *all = std::get_if<SendToAll>(&command)) {
            for (auto &[id, session] : sessions)
                session->commands.push(SessionSend{all->data});
        } else if (auto *drop = std::get_if<Disconnect>(&command)) {
            if (auto it = sessions.find(drop->id); it != sessions.end())
                it->second->commands.push(SessionClose{serverparts::disconnectedByServerReason()});
        } else if (auto *stream = std::get_if<SendStream>(&command)) {
            if (stream->targets.empty()) {
                everyone.push_back(stream->stream);
                for (auto &[id, session] : sessions)
                    session->commands.push(SessionStream{stream->stream, stream->stream->join()});
            } else {
                for (size_t i = 0; i < stream->targets.size(); ++i) {
                    if (auto it = sessions.find(stream->targets[i]); it != sessions.end())
                        it->second->commands.push(SessionStream{stream->stream, static_cast<int>(i)});
                    else
                        stream->stream->leave(static_cast<int>(i));
                }
            }
        } else if (auto *upgrade = std::get_if<StartTls>(&command)) {
            if (auto it = sessions.find(upgrade->id); it != sessions.end())
                it->second->commands.push(SessionStartTls{std::move(upgrade->reply), std::move(upgrade->context)});
        } else if (auto *heard = std::get_if<ChatHeard>(&command)) {
            if (room)
                room->received(heard->id, heard->bytes);
            if (auto it = sessions.find(heard->id); it != sessions.end()) {
                it->second->connection.record()->undeliveredBytes.fetch_sub(heard->bytes.size(), std::memory_order_relaxed);
                it->second->commands.wakeup().signal();   // it may have paused for this
            }
        } else if (auto *chat = std::get_if<ChatAdmin>(&command)) {
            if (room)
                room->command(chat->command);
        } else if (auto *joined = std::get_if<ChatJoined>(&command)) {
            if (room && sessions.contains(joined->id))
                room->joined(joined->id, joined->address);
        } else if (auto *finished = std::get_if<Finished>(&command)) {
            if (room)
                room->left(finished->id);
            reap(finished->id);
        } else if (std::holds_alternative<Resume>(command)) {
            for (auto &[id, session] : sessions)
                session->commands.wakeup().signal();
        } else if (std::holds_alternative<Stop>(command)) {
            stopping = true;
        }
    }
}

// The room's lines go to each member's session as sends; a member dropped for not reading ends its
// session, whose Finished makes the room say it left.
void ThreadPerClientServer::Acceptor::relayChat()
{
    if (!room)
        return;
    for (ChatRoom::Delivery &delivery : room->take()) {
        if (delivery.to == ChatRoom::kTranscript)
            post({ServerEvent::Type::Chat, 0, {}, {}, std::move(delivery.bytes), {}, {}});
        else if (auto it = sessions.find(delivery.to); it != sessions.end()) {
            it->second->commands.push(SessionSend{std::move(delivery.bytes)});
            if (delivery.close)   // /quit (or removed): its "bye" goes out, then the orderly close
                it->second->commands.push(SessionClose{delivery.removed ? serverparts::chatRemovedReason() : serverparts::chatQuitReason()});
        }
    }
    serverparts::postChatEvents(room->takeEvents(), [this](ServerEvent &&event) { post(std::move(event)); });
}

void ThreadPerClientServer::Acceptor::reap(quint64 id)
{
    auto it = sessions.find(id);
    if (it == sessions.end())
        return;
    it->second->thread.join();
    sessions.erase(it);
    threads.fetch_sub(1);
}

ThreadPerClientServer::ThreadPerClientServer(const TcpServerConfig &config, ServerEventSink &sink,
                                             const std::atomic<bool> &echo, const std::atomic<bool> &reportData)
{
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        sink.post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, wakeup.error()});
        sink.post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
        return;
    }
    m_acceptor = std::make_unique<Acceptor>(config, sink, echo, reportData, std::move(wakeup).value());
    m_thread = std::jthread([acceptor = m_acceptor.get()] { acceptor->run(); });
}

ThreadPerClientServer::~ThreadPerClientServer()
{
    requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void ThreadPerClientServer::sendTo(quint64 id, const QByteArray &data)
{
    if (m_acceptor)
        m_acceptor->commands.push(SendTo{id, data});
}

void ThreadPerClientServer::sendToAll(const QByteArray &data)
{
    if (m_acceptor)
        m_acceptor->commands.push(SendToAll{data});
}

void ThreadPerClientServer::sendStream(std::shared_ptr<ChunkStream> stream, std::vector<quint64> targets)
{
    if (m_acceptor)
        m_acceptor->commands.push(SendStream{std::move(stream), std::move(targets)});
}

void ThreadPerClientServer::disconnectClient(quint64 id)
{
    if (m_acceptor)
        m_acceptor->commands.push(Disconnect{id});
}

void ThreadPerClientServer::startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context)
{
    if (m_acceptor)
        m_acceptor->commands.push(StartTls{id, reply, std::move(context)});
}

void ThreadPerClientServer::chatCommand(ChatCommand command)
{
    if (m_acceptor)
        m_acceptor->commands.push(ChatAdmin{std::move(command)});
}

void ThreadPerClientServer::requestStop()
{
    if (m_acceptor)
        m_acceptor->commands.push(Stop{});
}

void ThreadPerClientServer::resumeReading()
{
    if (m_acceptor)
        m_acceptor->commands.push(Resume{});
}

int ThreadPerClientServer::threadCount() const
{
    return m_acceptor ? m_acceptor->threads.load() : 0;
}

} // namespace socketeer
