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
#include <unordered_map>
#include <vector>

namespace socketeer {

Q_LOGGING_CATEGORY(lcReceiver, "socketeer.mail.receiver")

namespace {
using FrontCall = std::function<void(SmtpReceiver *)>;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SmtpInbox)
};

} // namespace

// Lives in the receiver's thread and does everything there: it owns the TcpServer front end (whose
// engine thread owns the descriptors), one SMTP session per client, and the files being written.
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
        m_server = new TcpServer(this);
        connect(m_server, &TcpServer::started, this, [this](const QString &address, quint16 port) {
            toFront([address, port, directory = m_directory](SmtpReceiver *front) {
                front->setListening(port, directory);
                emit front->started(address, port);
            });
        });
        connect(m_server, &TcpServer::errorOccurred, this,
                [this](const Error &error) { toFront([error](SmtpReceiver *front) { emit front->errorOccurred(error); }); });
        connect(m_server, &TcpServer::clientConnected, this, &Worker::open);
        connect(m_server, &TcpServer::dataReceived, this, &Worker::receive);
        connect(m_server, &TcpServer::clientDisconnected, this, &Worker::drop);
        connect(m_server, &TcpServer::tlsStarted, this, &Worker::tlsStarted);
        connect(m_server, &TcpServer::stopped, this, &Worker::finished);
        TcpServerConfig serverConfig;
        serverConfig.endpoint = config.endpoint;
        serverConfig.maxClients = config.maxClients;
        // Each message streams to disk as it arrives: a few MiB in flight is plenty, and keeps a
        // 64 MB message from ever being in memory.
        serverConfig.maxUndeliveredBytes = limits::kSmtpUndeliveredBytes;
        // A client pipelining commands without reading the replies is held back by TCP.
        serverConfig.pauseReadingAbove = limits::kSmtpReadPauseBytes;
        serverConfig.maxUndeliveredPerClient = limits::kSmtpUndeliveredPerClientBytes;
        serverConfig.threadName = QStringLiteral("smtp-inbox");   // its own lane on the timeline
        m_server->start(serverConfig);
    }

    void stop()
    {
        if (m_server && m_server->isRunning())
            m_server->stop();   // stopped() -> finished()
        else
            finished();
    }

    // Everything this thread made is destroyed in this thread (timers cannot be stopped from
    // another); the descriptors are closed and the engine joined, then the thread ends.
    void shutDown()
    {
        if (m_server)
            m_server->stopAndWait();
        m_sessions.clear();
        delete m_server;
        m_server = nullptr;
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

    void open(const ClientInfo &client)
    {
        Session session;
        session.writer = std::make_unique<MailStoreWriter>(m_directory, m_config.hostName);
        SmtpSessionPolicy policy = m_policy;
        policy.peerIsLoopback = isLoopbackPeer(client.peer);
        session.smtp = std::make_unique<SmtpServerSession>(m_config.hostName, m_config.limits, *session.writer, client.peer,
                                                           std::move(policy));
        session.idle = std::make_unique<QTimer>();
        session.idle->setSingleShot(true);
        session.idle->setInterval(m_config.idleTimeout);
        const quint64 id = client.id;
        connect(session.idle.get(), &QTimer::timeout, this, [this, id] { timeOut(id); });
        session.idle->start();
        session.peer = client.peer;
        m_server->sendTo(id, session.smtp->greeting());
        m_sessions.emplace(id, std::move(session));
        const QString peer = client.peer;
        toFront([peer](SmtpReceiver *front) { emit front->clientConnected(peer); });
    }

    void receive(quint64 id, const QByteArray &data)
    {
        auto it = m_sessions.find(id);
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
            m_server->startTls(id, replies, m_config.tls);
        } else if (!replies.isEmpty()) {
            m_server->sendTo(id, replies);
        }
        for (StoredMessage &stored : session.writer->takeStored()) {
            qCDebug(lcReceiver) << "stored" << stored.id << stored.size << "bytes from" << stored.envelope.peer;
            toFront([message = std::move(stored)](SmtpReceiver *front) { emit front->messageReceived(message); });
        }
        if (session.smtp->closeRequested())
            close(session, id);
    }

    // The STARTTLS handshake is done: the session starts over under TLS (the client says EHLO
    // again). One that failed ends in clientDisconnected, like any other end.
    void tlsStarted(const ClientInfo &client)
    {
        auto it = m_sessions.find(client.id);
        if (it == m_sessions.end())
            return;
        Session &session = it->second;
        session.upgrading = false;
        session.idle->start();
        session.smtp->tlsStarted({true, client.tlsProtocol, client.tlsCipher});
    }

    void drop(quint64 id)
    {
        auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return;
        const QString peer = it->second.peer;
        m_sessions.erase(it);   // the session aborts a message still arriving
        toFront([peer](SmtpReceiver *front) { emit front->clientDisconnected(peer); });
    }

    void timeOut(quint64 id)
    {
        auto it = m_sessions.find(id);
        if (it == m_sessions.end() || it->second.closing)
            return;
        m_server->sendTo(id, it->second.smtp->timedOut());
        close(it->second, id);
    }

    // The replies queued before this go out first: the engine runs its commands in order.
    void close(Session &session, quint64 id)
    {
        session.closing = true;
        session.idle->stop();
        m_server->disconnectClient(id);
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
    TcpServer *m_server = nullptr;
    std::unordered_map<quint64, Session> m_sessions;
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

void SmtpReceiver::setListening(quint16 port, const QString &directory)
{
    d->port = port;
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
    d->directory.clear();
}

} // namespace socketeer
