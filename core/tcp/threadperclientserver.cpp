#include "threadperclientserver.h"

#include "net/commandqueue.h"
#include "net/open.h"
#include "net/sendqueue.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <array>
#include <cerrno>
#include <poll.h>
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
struct Finished { quint64 id; };   // a session's thread is about to end: join it
using Command = std::variant<SendTo, SendToAll, Disconnect, Stop, Resume, Finished>;

struct SessionSend { QByteArray data; };
struct SessionClose { QString reason; };
using SessionCommand = std::variant<SessionSend, SessionClose>;

constexpr std::size_t kReadChunk = 64 * 1024;

} // namespace

// One connection and the thread that serves it: it blocks in poll() on its socket and its own
// wake-up fd, the way the tutorial's link_handler blocks in recv().
class Session {
public:
    Session(std::shared_ptr<ClientRecord> clientRecord, Socket clientSocket, Wakeup wakeup)
        : record(std::move(clientRecord)), socket(std::move(clientSocket)), commands(std::move(wakeup))
    {
    }

    void run(ThreadPerClientServer::Acceptor &acceptor);

    std::shared_ptr<ClientRecord> record;
    Socket socket;
    CommandQueue<SessionCommand> commands;
    std::jthread thread;

private:
    bool runCommands(const TcpServerConfig &config, QString &reason);
    SendQueue queue;
};

struct ThreadPerClientServer::Acceptor {
    Acceptor(const TcpServerConfig &serverConfig, ServerEventSink &eventSink, const std::atomic<bool> &echoFlag,
             const std::atomic<bool> &reportDataFlag, Wakeup wakeup)
        : config(serverConfig), sink(eventSink), echo(echoFlag), reportData(reportDataFlag), commands(std::move(wakeup))
    {
    }

    const TcpServerConfig config;
    ServerEventSink &sink;
    const std::atomic<bool> &echo;
    const std::atomic<bool> &reportData;
    CommandQueue<Command> commands;
    std::atomic<int> threads{1};
    std::unordered_map<quint64, std::unique_ptr<Session>> sessions;
    Socket listener;
    bool stopping = false;

    void run();
    void acceptOne();
    void runCommands();
    void post(ServerEvent event) { sink.post(std::move(event)); }
    void reap(quint64 id);
};

void Session::run(ThreadPerClientServer::Acceptor &acceptor)
{
    trace::setThreadName(QStringLiteral("tcp-client-%1").arg(record->id));
    std::array<char, kReadChunk> buffer;
    QString reason;
    bool open = true;
    while (open) {
        const bool reading = !acceptor.sink.congested();
        pollfd fds[2] = {{socket.fd(), static_cast<short>((reading ? POLLIN : 0) | (queue.empty() ? 0 : POLLOUT)), 0},
                         {commands.fd(), POLLIN, 0}};
        const int ready = ::poll(fds, 2, reading ? -1 : 50);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            reason = Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll")).message();
            break;
        }
        // Flush only when it can help: the socket said writable, or a command queued something.
        bool tryFlush = (fds[0].revents & POLLOUT) != 0;
        if (fds[1].revents & POLLIN) {
            if (!runCommands(acceptor.config, reason))
                break;
            tryFlush = true;
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            auto n = socket.recv(std::span<char>(buffer.data(), buffer.size()));
            if (!n) {
                if (n.error().code != std::errc::operation_would_block) {
                    reason = n.error().message();
                    break;
                }
            } else if (*n == 0) {
                reason = Text::tr("the client closed the connection");
                break;
            } else {
                const std::size_t size = *n;
                record->bytesIn.fetch_add(size, std::memory_order_relaxed);
                // Only when the front end listens: otherwise this thread would wake its thread
                // for every message. The counters above and below stay exact either way.
                if (acceptor.reportData.load(std::memory_order_relaxed))
                    acceptor.post({ServerEvent::Type::Data, record->id, {}, {}, QByteArray(buffer.data(), static_cast<qsizetype>(size)), {}, {}});
                if (acceptor.echo.load(std::memory_order_relaxed)) {
                    // Straight from the buffer when nothing waits before it: no copy, no allocation.
                    quint64 sent = 0;
                    auto echoed = queue.sendOrQueue(socket, std::span<const char>(buffer.data(), size), &sent);
                    if (sent)
                        record->bytesOut.fetch_add(sent, std::memory_order_relaxed);
                    if (!echoed) {
                        reason = echoed.error().message();
                        break;
                    }
                }
            }
        }
        if (!queue.empty()) {
            if (queue.queuedBytes() > acceptor.config.maxQueuedBytes) {
                reason = Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(acceptor.config.maxQueuedBytes);
                break;
            }
            if (tryFlush) {
                quint64 sent = 0;
                auto flushed = queue.flush(socket, &sent);
                if (sent)
                    record->bytesOut.fetch_add(sent, std::memory_order_relaxed);
                if (!flushed) {
                    reason = flushed.error().message();
                    break;
                }
            }
        }
    }
    socket.close();
    acceptor.post({ServerEvent::Type::Disconnected, record->id, {}, {}, {}, reason, {}});
    acceptor.commands.push(Finished{record->id});
}

bool Session::runCommands(const TcpServerConfig &config, QString &reason)
{
    for (SessionCommand &command : commands.take()) {
        if (auto *send = std::get_if<SessionSend>(&command)) {
            queue.append(std::move(send->data));
        } else if (auto *close = std::get_if<SessionClose>(&command)) {
            reason = close->reason;
            return false;
        }
    }
    if (queue.queuedBytes() > config.maxQueuedBytes) {
        reason = Text::tr("more than %1 bytes waiting to be sent: the client is not reading").arg(config.maxQueuedBytes);
        return false;
    }
    return true;
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
        pollfd fds[2] = {{listener.fd(), POLLIN, 0}, {commands.fd(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll"))});
            break;
        }
        if (fds[1].revents & POLLIN)
            runCommands();
        if (!stopping && (fds[0].revents & POLLIN))
            acceptOne();
    }

    for (auto &[id, session] : sessions)
        session->commands.push(SessionClose{Text::tr("server stopped")});
    for (auto &[id, session] : sessions)
        session->thread.join();   // each posts its own Disconnected on the way out
    sessions.clear();
    threads.store(1);
    listener.close();
    post({ServerEvent::Type::Stopped, 0, {}, {}, {}, {}, {}});
}

void ThreadPerClientServer::Acceptor::acceptOne()
{
    auto accepted = listener.accept();   // blocking, but poll said a connection is waiting
    if (!accepted) {
        const auto code = accepted.error().code;
        if (code == std::errc::too_many_files_open || code == std::errc::too_many_files_open_in_system
            || code == std::errc::not_enough_memory || code == std::errc::no_buffer_space)
            post({ServerEvent::Type::Failed, 0, {}, {}, {}, {}, accepted.error()});
        return;
    }
    if (config.maxClients > 0 && sessions.size() >= static_cast<size_t>(config.maxClients)) {
        post({ServerEvent::Type::Rejected, 0, {}, accepted->peer, {},
              Text::tr("the server already has its maximum of %n client(s)", nullptr, config.maxClients), {}});
        return;
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
    auto session = std::make_unique<Session>(record, std::move(accepted->socket), std::move(wakeup).value());
    post({ServerEvent::Type::Connected, record->id, record, {}, {}, {}, {}});
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
                it->second->commands.push(SessionClose{Text::tr("disconnected by the server")});
        } else if (auto *finished = std::get_if<Finished>(&command)) {
            reap(finished->id);
        } else if (std::holds_alternative<Resume>(command)) {
            for (auto &[id, session] : sessions)
                session->commands.wakeup().signal();
        } else if (std::holds_alternative<Stop>(command)) {
            stopping = true;
        }
    }
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

void ThreadPerClientServer::disconnectClient(quint64 id)
{
    if (m_acceptor)
        m_acceptor->commands.push(Disconnect{id});
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
