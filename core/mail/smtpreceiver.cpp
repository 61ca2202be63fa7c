#include "smtpreceiver.h"

#include "tls/tlscontext.h"

#include "net/mailbox.h"
#include "tcp/tcpserver.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <functional>
#include <mutex>
#include <map>
#include <utility>
#include <vector>

namespace socketeer {

Q_LOGGING_CATEGORY(lcReceiver, "socketeer.mail.receiver")

namespace {
using FrontCall = std::function<void(SmtpReceiver *)>;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SmtpInbox)
};

} // namespace

// Lives in the receiver's thread and does everything there: it owns the TcpServer front ends (the
// plain port's and, with an implicit TLS port, that one's; each engine thread owns its own
// descriptors), one SMTP session per client of either, and the files being written.
// Calls cross between it and the SmtpReceiver only through Mailboxes (a std::mutex and an eventfd,
// both of which ThreadSanitizer sees), never as Qt queued calls carrying data (see
// net/doorbell.h); everything else it needs was handed over before its thread started.
class SmtpReceiver::Worker final : public QObject {
public:
    using Command = std::function<void(Worker &)>;

    Worker(Mailbox<FrontCall> *front, const SmtpReceiverConfig &config) : m_front(front), m_config(config) {}

    // In the constructing thread, once this object has moved to its own: from then on post() reaches it.
    void listenForCommands()
    {
        m_commands = std::make_unique<Mailbox<Command>>(this, [this](std::vector<Command> &&batch) {
            for (Command &command : batch)
                command(*this);
        });
    }
    void post(Command command) { m_commands->post(std::move(command)); }

    // Its thread's first act.
    void begin()
    {
        const SmtpReceiverConfig &config = m_config;
        if (auto ready = prepareSecurity(); !ready) {
            const Error error = ready.error();
            toFront([error](SmtpReceiver *front) { emit front->errorOccurred(error); });
            return finished();
        }
        const MailStore store(config.directory);
        if (auto opened = store.open(); !opened) {
            const Error error = opened.error();
            toFront([error](SmtpReceiver *front) { emit front->errorOccurred(error); });
            return finished();
        }
        m_directory = store.directory();   // the store's own folder inside the one asked for, maybe
        // The plain port first, then the implicit TLS one: started() once both listen, and a port
        // that cannot be had stops the other (see serverStopped()).
        m_plain = makeServer();
        connect(m_plain, &TcpServer::started, this, [this](const QString &address, quint16 port) {
            m_address = address;
            m_plainPort = port;
            if (m_config.implicitTlsPort)
                m_implicit->start(serverConfig(*m_config.implicitTlsPort, m_config.tls));
            else
                reportStarted();
        });
        if (config.implicitTlsPort) {
            m_implicit = makeServer();
            connect(m_implicit, &TcpServer::started, this, [this](const QString &, quint16 port) {
                m_implicitPort = port;
                reportStarted();
            });
        }
        m_plain->start(serverConfig(config.endpoint.port, nullptr));
    }

    // One of the two listeners (plain, or implicit TLS); the sessions of both share the store.
    TcpServer *makeServer()
    {
        auto *server = new TcpServer(this);
        connect(server, &TcpServer::errorOccurred, this,
                [this](const Error &error) { toFront([error](SmtpReceiver *front) { emit front->errorOccurred(error); }); });
        connect(server, &TcpServer::clientConnected, this, [this, server](const ClientInfo &client) { open(server, client); });
        connect(server, &TcpServer::dataReceived, this,
                [this, server](quint64 id, const QByteArray &data) { receive(server, id, data); });
        connect(server, &TcpServer::clientDisconnected, this, [this, server](quint64 id) { drop(server, id); });
        connect(server, &TcpServer::tlsStarted, this, [this, server](const ClientInfo &client) { tlsStarted(server, client); });
        connect(server, &TcpServer::stopped, this, &Worker::serverStopped);
        return server;
    }

    // `tls`: every connection starts with the handshake (implicit TLS); null: plain, STARTTLS maybe.
    TcpServerConfig serverConfig(quint16 port, std::shared_ptr<const TlsContext> tls) const
    {
        const SmtpReceiverConfig &config = m_config;
        TcpServerConfig serverConfig;
        serverConfig.endpoint = config.endpoint;
        serverConfig.endpoint.port = port;
        serverConfig.tls = std::move(tls);
        serverConfig.maxClients = config.maxClients;   // per port
        // Each message streams to disk as it arrives: a few MiB in flight is plenty, and keeps a
        // 64 MB message from ever being in memory.
        serverConfig.maxUndeliveredBytes = limits::kSmtpUndeliveredBytes;
        // A client pipelining commands without reading the replies is held back by TCP.
        serverConfig.pauseReadingAbove = limits::kSmtpReadPauseBytes;
        serverConfig.maxUndeliveredPerClient = limits::kSmtpUndeliveredPerClientBytes;
        serverConfig.threadName = !config.threadName.isEmpty() ? config.threadName
                                  : serverConfig.tls         ? QStringLiteral("smtps-inbox")
                                                             : QStringLiteral("smtp-inbox");
        return serverConfig;
    }

    void reportStarted()
    {
        toFront([address = m_address, port = m_plainPort, implicit = m_implicitPort, directory = m_directory](SmtpReceiver *front) {
            front->setListening(port, implicit, directory);
            emit front->started(address, port);
        });
    }

    bool anyServerRunning() const
    {
        return (m_plain && m_plain->isRunning()) || (m_implicit && m_implicit->isRunning());
    }

    void stop()
    {
        if (!anyServerRunning())
            return finished();
        for (TcpServer *server : {m_plain, m_implicit}) {
            if (server && server->isRunning())
                server->stop();   // stopped() -> serverStopped()
        }
    }

    // A listener ended (stopped, or could not start): the receiver ends with it, once the other has too.
    void serverStopped()
    {
        if (anyServerRunning())
            return stop();
        finished();
    }

    // Everything this thread made is destroyed in this thread (timers cannot be stopped from
    // another); the descriptors are closed and the engine joined, then the thread ends.
    void shutDown()
    {
        for (TcpServer *server : {m_plain, m_implicit}) {
            if (server)
                server->stopAndWait();
        }
        m_sessions.clear();
        delete m_plain;
        delete m_implicit;
        m_plain = m_implicit = nullptr;
        QThread::currentThread()->quit();
    }

    // Its thread's last act (QThread::finished, in that thread): the command doorbell's notifier
    // belongs to this thread. The lock is what the joining thread's waitExited() synchronizes with.
    void end()
    {
        m_commands.reset();
        std::lock_guard lock(m_exit);
    }
    // The joining thread, after QThread::wait(): everything end() and before it did is visible.
    void waitExited() { std::lock_guard lock(m_exit); }

private:
    struct Session {
        TcpServer *server = nullptr;   // the listener it came in on; `id` is that server's
        quint64 id = 0;
        std::unique_ptr<MailStoreWriter> writer;
        std::unique_ptr<SmtpServerSession> smtp;
        std::unique_ptr<QTimer> idle;
        QString peer;
        bool closing = false;
        bool upgrading = false;   // STARTTLS answered, handshake not finished
    };

    // Once, before listening: the AUTH users file is read, the policy every session shares made.
    Result<void> prepareSecurity()
    {
        const SmtpReceiverConfig &config = m_config;
        m_policy.startTlsAvailable = config.tls != nullptr;
        if (config.requireTls && !m_policy.startTlsAvailable)
            return Error::invalid(Text::tr("TLS is required, but STARTTLS cannot be offered without a certificate, "
                                           "so no message could ever arrive"));
        if (config.implicitTlsPort && !config.tls)
            return Error::invalid(Text::tr("An implicit TLS port needs a certificate"));
        m_policy.requireTls = config.requireTls;
        m_policy.auth.mode = config.authMode;
        if (config.authMode == SmtpAuthMode::File) {
            auto credentials = SmtpCredentials::load(config.authFile);
            if (!credentials)
                return credentials.error();
            m_policy.auth.credentials = std::make_shared<const SmtpCredentials>(std::move(*credentials));
        }
        m_policy.failures.rules = config.failures;
        if (config.failureSeed) {
            // Every session's dice come from one generator in this thread: a fixed seed gives the
            // same failures in the same order.
            auto random = std::make_shared<QRandomGenerator>(*config.failureSeed);
            m_policy.failures.roll = [random] { return int(random->bounded(100)); };
        }
        return {};
    }

    void open(TcpServer *server, const ClientInfo &client)
    {
        Session session;
        session.server = server;
        session.writer = std::make_unique<MailStoreWriter>(m_directory, m_config.hostName);
        SmtpSessionPolicy policy = m_policy;
        policy.peerIsLoopback = isLoopbackPeer(client.peer);
        if (server == m_implicit)   // the handshake is done already: under TLS from the first byte
            policy.tls = {true, client.tlsProtocol, client.tlsCipher};
        session.smtp = std::make_unique<SmtpServerSession>(m_config.hostName, m_config.limits, *session.writer, client.peer,
                                                           std::move(policy));
        session.idle = std::make_unique<QTimer>();
        session.idle->setSingleShot(true);
        session.idle->setInterval(m_config.idleTimeout);
        const quint64 id = client.id;
        session.id = id;
        connect(session.idle.get(), &QTimer::timeout, this, [this, server, id] { timeOut(server, id); });
        session.idle->start();
        session.peer = client.peer;
        server->sendTo(id, session.smtp->greeting());
        m_sessions.emplace(Key{server, id}, std::move(session));
        const QString peer = client.peer;
        toFront([peer](SmtpReceiver *front) { emit front->clientConnected(peer); });
    }

    void receive(TcpServer *server, quint64 id, const QByteArray &data)
    {
        auto it = m_sessions.find(Key{server, id});
        if (it == m_sessions.end() || it->second.closing)
            return;
        Session &session = it->second;
        session.idle->start();
        if (session.upgrading)
            return;   // pipelined behind STARTTLS: the engine discards the rest, so do we
        const QByteArray replies = session.smtp->receive(data);
        if (session.smtp->startTlsRequested()) {
            // The 220 goes out, then the handshake; nothing the client sent in between is read.
            session.upgrading = true;
            server->startTls(id, replies, m_config.tls);
        } else if (!replies.isEmpty()) {
            server->sendTo(id, replies);
        }
        for (StoredMessage &stored : session.writer->takeStored()) {
            qCDebug(lcReceiver) << "stored" << stored.id << stored.size << "bytes from" << stored.envelope.peer;
            toFront([message = std::move(stored)](SmtpReceiver *front) { emit front->messageReceived(message); });
        }
        if (session.smtp->closeRequested())
            close(session);
    }

    // The STARTTLS handshake is done: the session starts over under TLS (the client says EHLO
    // again). One that failed ends in clientDisconnected, like any other end.
    void tlsStarted(TcpServer *server, const ClientInfo &client)
    {
        auto it = m_sessions.find(Key{server, client.id});
        if (it == m_sessions.end())
            return;
        Session &session = it->second;
        session.upgrading = false;
        session.idle->start();
        session.smtp->tlsStarted({true, client.tlsProtocol, client.tlsCipher});
    }

    void drop(TcpServer *server, quint64 id)
    {
        auto it = m_sessions.find(Key{server, id});
        if (it == m_sessions.end())
            return;
        const QString peer = it->second.peer;
        m_sessions.erase(it);   // the session aborts a message still arriving
        toFront([peer](SmtpReceiver *front) { emit front->clientDisconnected(peer); });
    }

    void timeOut(TcpServer *server, quint64 id)
    {
        auto it = m_sessions.find(Key{server, id});
        if (it == m_sessions.end() || it->second.closing)
            return;
        server->sendTo(id, it->second.smtp->timedOut());
        close(it->second);
    }

    // The replies queued before this go out first: the engine runs its commands in order.
    void close(Session &session)
    {
        session.closing = true;
        session.idle->stop();
        session.server->disconnectClient(session.id);
    }

    void finished()
    {
        m_sessions.clear();
        toFront([](SmtpReceiver *front) { front->finishStop(); });
    }

    void toFront(FrontCall call) { m_front->post(std::move(call)); }

    Mailbox<FrontCall> *const m_front;
    const SmtpReceiverConfig m_config;
    QString m_directory;   // where the store keeps its files (MailStore::directory())
    std::unique_ptr<Mailbox<Command>> m_commands;
    std::mutex m_exit;
    TcpServer *m_plain = nullptr;
    TcpServer *m_implicit = nullptr;   // null without an implicit TLS port
    QString m_address;
    quint16 m_plainPort = 0;
    quint16 m_implicitPort = 0;
    // Each listener numbers its own clients: a session is known by both.
    using Key = std::pair<TcpServer *, quint64>;
    std::map<Key, Session> m_sessions;
    SmtpSessionPolicy m_policy;   // shared by every session but for the peer's own part
};

struct SmtpReceiver::Private {
    explicit Private(SmtpReceiver *front)
        : calls(front, [front](std::vector<FrontCall> &&batch) {
              for (FrontCall &call : batch)
                  call(front);
          })
    {
    }

    Mailbox<FrontCall> calls;   // worker -> this object's thread
    SmtpReceiverConfig config;
    QThread *thread = nullptr;
    Worker *worker = nullptr;
    quint16 port = 0;
    quint16 implicitTlsPort = 0;
    QString directory;
};

SmtpReceiver::SmtpReceiver(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this))
{
    qRegisterMetaType<StoredMessage>();
    qRegisterMetaType<Error>();
}

SmtpReceiver::~SmtpReceiver()
{
    if (d->thread)
        join();
}

bool SmtpReceiver::start(const SmtpReceiverConfig &config)
{
    if (d->thread) {
        qCWarning(lcReceiver) << "start() while running: ignored";
        return false;
    }
    d->config = config;
    d->port = 0;
    d->implicitTlsPort = 0;
    d->directory.clear();
    d->thread = new QThread;
    d->thread->setObjectName(QStringLiteral("smtp-receiver"));
    Worker *worker = new Worker(&d->calls, config);
    d->worker = worker;
    worker->moveToThread(d->thread);
    worker->listenForCommands();
    // Direct: both are emitted in the new thread, where the worker lives.
    connect(d->thread, &QThread::started, worker, [worker] { worker->begin(); }, Qt::DirectConnection);
    connect(d->thread, &QThread::finished, worker, [worker] { worker->end(); }, Qt::DirectConnection);
    d->thread->start();
    return true;
}

void SmtpReceiver::stop()
{
    if (d->thread)
        d->worker->post([](Worker &worker) { worker.stop(); });
}

bool SmtpReceiver::isRunning() const
{
    return d->thread != nullptr;
}

const SmtpReceiverConfig &SmtpReceiver::config() const
{
    return d->config;
}

quint16 SmtpReceiver::port() const
{
    return d->port;
}

QString SmtpReceiver::directory() const
{
    return d->directory;
}

quint16 SmtpReceiver::implicitTlsPort() const
{
    return d->implicitTlsPort;
}

void SmtpReceiver::setListening(quint16 port, quint16 implicitTlsPort, const QString &directory)
{
    d->port = port;
    d->implicitTlsPort = implicitTlsPort;
    d->directory = directory;
}

// The worker has closed everything: its thread has nothing left to do but end.
void SmtpReceiver::finishStop()
{
    if (!d->thread)
        return;
    join();
    emit stopped();
}

// The worker shuts down in its own thread and ends it; this waits for that. Short: by now, or at
// worst after the files in hand are closed, there is nothing left to do there.
void SmtpReceiver::join()
{
    d->worker->post([](Worker &worker) { worker.shutDown(); });
    d->thread->wait();
    d->worker->waitExited();
    delete d->worker;
    delete d->thread;
    d->worker = nullptr;
    d->thread = nullptr;
    d->port = 0;
    d->implicitTlsPort = 0;
    d->directory.clear();
}

} // namespace socketeer
