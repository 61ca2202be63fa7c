#include "tcpserver.h"

#include "eventloopserver.h"
#include "serverengine.h"
#include "threadperclientserver.h"
#include "chatroom.h"

#include "net/mailbox.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTimer>

namespace socketeer {

Q_LOGGING_CATEGORY(lcServer, "socketeer.tcp.server")

quint64 nextClientId()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

std::optional<ServerModel> modelFromName(const QString &name)
{
    if (name == QLatin1String("event-loop"))
        return ServerModel::EventLoop;
    if (name == QLatin1String("thread-per-client"))
        return ServerModel::ThreadPerClient;
    return std::nullopt;
}

std::unique_ptr<ServerEngine> ServerEngine::create(const TcpServerConfig &config, ServerEventSink &sink,
                                                   const std::atomic<bool> &echo, const std::atomic<bool> &reportData)
{
    if (config.model == ServerModel::ThreadPerClient)
        return std::make_unique<ThreadPerClientServer>(config, sink, echo, reportData);
    return std::make_unique<EventLoopServer>(config, sink, echo, reportData);
}

TcpServer::TcpServer(QObject *parent) : QObject(parent), m_statisticsTimer(new QTimer(this))
{
    qRegisterMetaType<ClientInfo>();
    qRegisterMetaType<ServerStatistics>();
    m_statisticsTimer->setInterval(500);
    connect(m_statisticsTimer, &QTimer::timeout, this, &TcpServer::reportStatistics);
    qRegisterMetaType<Error>();
    m_mailbox = std::make_unique<Mailbox<ServerEvent>>(
        this, [this](std::vector<ServerEvent> &&events) { deliver(std::move(events)); },
        [](ServerEvent &last, ServerEvent &next) {
            // The room's transcript is merged too: a flood of short lines is one event, not one each.
            const bool chat = last.type == ServerEvent::Type::Chat && next.type == ServerEvent::Type::Chat;
            if (!chat && (last.type != ServerEvent::Type::Data || next.type != ServerEvent::Type::Data || last.id != next.id))
                return false;
            last.data.append(next.data);
            return true;
        });
}

TcpServer::~TcpServer()
{
    m_engine.reset();
}

bool TcpServer::start(const TcpServerConfig &config)
{
    if (m_engine) {
        qCWarning(lcServer) << "start() while running: ignored";
        return false;
    }
    m_config = config;
    m_echo.store(config.echo);
    m_clients.clear();
    m_chatMembers.clear();
    m_chatTopic.clear();
    m_accepted = m_bytesInGone = m_bytesOutGone = 0;
    m_peakQueuedGone = 0;
    m_bound = {};
    m_lastReported = {};
    // Before the engine's threads exist: they read the limit without a lock.
    m_mailbox->setCongestionLimit(
        config.maxUndeliveredBytes, [](const ServerEvent &event) { return static_cast<std::size_t>(event.data.size()); },
        [this] {
            if (m_engine)
                m_engine->resumeReading();
        });
    m_engine = ServerEngine::create(config, *m_mailbox, m_echo, m_reportData);
    m_statisticsTimer->start();
    return true;
}

void TcpServer::stop()
{
    if (m_engine)
        m_engine->requestStop();
}

void TcpServer::stopAndWait()
{
    if (!m_engine)
        return;
    m_engine.reset();            // requests stop and joins
    m_mailbox->deliverPending(); // the last events, Stopped among them
}

void TcpServer::sendTo(quint64 id, const QByteArray &data)
{
    if (m_engine && !data.isEmpty())
        m_engine->sendTo(id, data);
}

void TcpServer::sendToAll(const QByteArray &data)
{
    if (m_engine && !data.isEmpty())
        m_engine->sendToAll(data);
}

void TcpServer::sendStream(std::shared_ptr<ChunkStream> stream, const QList<quint64> &targets)
{
    if (m_engine && stream)
        m_engine->sendStream(std::move(stream), std::vector<quint64>(targets.begin(), targets.end()));
}

void TcpServer::disconnectClient(quint64 id)
{
    if (m_engine)
        m_engine->disconnectClient(id);
}

bool TcpServer::chatCommand(ChatCommand command)
{
    if (!m_engine || !m_config.chat.enabled)
        return false;
    m_engine->chatCommand(std::move(command));
    return true;
}

bool TcpServer::muteChatMember(quint64 id, bool muted)
{
    return chatCommand({muted ? ChatCommand::Kind::Mute : ChatCommand::Kind::Unmute, id, {}});
}

bool TcpServer::removeChatMember(quint64 id)
{
    return chatCommand({ChatCommand::Kind::Remove, id, {}});
}

QString TcpServer::setChatTopic(const QString &topic)
{
    const QByteArray text = topic.toUtf8();
    if (QString problem = ChatRoom::topicProblem(text); !problem.isEmpty())
        return problem;
    return chatCommand({ChatCommand::Kind::Topic, 0, text}) ? QString() : QStringLiteral("not a chat room");
}

QString TcpServer::sendChatNotice(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (QString problem = ChatRoom::noticeProblem(bytes, m_config.chat.maxLineBytes); !problem.isEmpty())
        return problem;
    return chatCommand({ChatCommand::Kind::Notice, 0, bytes}) ? QString() : QStringLiteral("not a chat room");
}

void TcpServer::deliverChatMember(const ChatMemberEvent &event)
{
    const auto found = std::find_if(m_chatMembers.begin(), m_chatMembers.end(),
                                    [&event](const ChatMember &member) { return member.id == event.id; });
    switch (event.kind) {
    case ChatMemberEvent::Kind::Joined: {
        ChatMember member{event.id, QString::fromUtf8(event.name), event.address, event.at, false};
        m_chatMembers.append(member);
        emit chatMemberJoined(member.id, member.name, member.address, member.since);
        break;
    }
    case ChatMemberEvent::Kind::Renamed:
        if (found != m_chatMembers.end())
            found->name = QString::fromUtf8(event.name);
        emit chatMemberRenamed(event.id, QString::fromUtf8(event.name));
        break;
    case ChatMemberEvent::Kind::Left:
        if (found != m_chatMembers.end())
            m_chatMembers.erase(found);
        emit chatMemberLeft(event.id);
        break;
    case ChatMemberEvent::Kind::Muted:
    case ChatMemberEvent::Kind::Unmuted: {
        const bool muted = event.kind == ChatMemberEvent::Kind::Muted;
        if (found != m_chatMembers.end())
            found->muted = muted;
        emit chatMemberMuted(event.id, muted);
        break;
    }
    case ChatMemberEvent::Kind::Topic:
        m_chatTopic = QString::fromUtf8(event.name);
        emit chatTopicChanged(m_chatTopic);
        break;
    }
}

void TcpServer::startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context)
{
    if (!m_engine || !m_clients.contains(id) || !context)
        return;
    m_upgrading.insert(id);
    m_engine->startTls(id, reply, std::move(context));
}

void TcpServer::setEcho(bool on)
{
    m_echo.store(on);
}

QList<ClientInfo> TcpServer::clients() const
{
    QList<ClientInfo> list;
    list.reserve(m_clients.size());
    for (const auto &record : m_clients)
        list.append(record->info());
    std::sort(list.begin(), list.end(), [](const ClientInfo &a, const ClientInfo &b) { return a.id < b.id; });
    return list;
}

ServerStatistics TcpServer::statistics() const
{
    ServerStatistics stats;
    stats.clients = clientCount();
    stats.threads = threadCount();
    stats.accepted = m_accepted;
    stats.bytesIn = m_bytesInGone;
    stats.bytesOut = m_bytesOutGone;
    stats.peakQueuedBytes = m_peakQueuedGone;
    for (const auto &record : m_clients) {
        stats.bytesIn += record->bytesIn.load(std::memory_order_relaxed);
        stats.bytesOut += record->bytesOut.load(std::memory_order_relaxed);
        stats.peakQueuedBytes = std::max(stats.peakQueuedBytes, record->peakQueuedBytes.load(std::memory_order_relaxed));
    }
    return stats;
}

void TcpServer::setStatisticsInterval(int milliseconds)
{
    m_statisticsTimer->setInterval(milliseconds);
}

void TcpServer::connectNotify(const QMetaMethod &signal)
{
    // No QObject calls here (Qt holds its connection lock): only our atomics.
    if (signal == QMetaMethod::fromSignal(&TcpServer::dataReceived)) {
        m_dataConnects.fetch_add(1);
        m_reportData.store(true);
    }
}

void TcpServer::disconnectNotify(const QMetaMethod &signal)
{
    // An invalid method: everything was disconnected at once.
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&TcpServer::dataReceived))
        m_reportDataStale.store(true);
}

void TcpServer::updateReportData()
{
    if (!m_reportDataStale.exchange(false))
        return;
    for (;;) {
        const quint64 connects = m_dataConnects.load();
        const bool connected = isSignalConnected(QMetaMethod::fromSignal(&TcpServer::dataReceived));
        m_reportData.store(connected);
        // A connect in another thread between the look and the store must not be undone.
        if (connected || m_dataConnects.load() == connects)
            return;
    }
}

void TcpServer::reportStatistics()
{
    updateReportData();
    const ServerStatistics now = statistics();
    if (now.clients == m_lastReported.clients && now.threads == m_lastReported.threads && now.accepted == m_lastReported.accepted
        && now.bytesIn == m_lastReported.bytesIn && now.bytesOut == m_lastReported.bytesOut)
        return;
    m_lastReported = now;
    emit statisticsUpdated(now);
}

int TcpServer::threadCount() const
{
    return m_engine ? m_engine->threadCount() : 0;
}

void TcpServer::deliver(std::vector<ServerEvent> &&events)
{
    updateReportData();   // a receiver may have gone: stop the Data events it no longer takes
    bool resume = false;
    for (ServerEvent &event : events) {
        switch (event.type) {
        case ServerEvent::Type::Started:
            m_bound = event.address;
            emit started(event.address.host(), event.address.port());
            break;
        case ServerEvent::Type::Connected:
            ++m_accepted;
            m_clients.insert(event.id, event.client);
            emit clientConnected(event.client->info());
            break;
        case ServerEvent::Type::Rejected:
            emit clientRejected(event.address.toString(), event.reason);
            break;
        case ServerEvent::Type::Disconnected:
            if (auto record = m_clients.take(event.id)) {
                m_bytesInGone += record->bytesIn.load(std::memory_order_relaxed);
                m_bytesOutGone += record->bytesOut.load(std::memory_order_relaxed);
                m_peakQueuedGone = std::max(m_peakQueuedGone, record->peakQueuedBytes.load(std::memory_order_relaxed));
            }
            m_upgrading.remove(event.id);
            emit clientDisconnected(event.id, event.reason);
            break;
        case ServerEvent::Type::TlsStarted:
            if (m_upgrading.remove(event.id))
                emit tlsStarted(event.client->info());
            break;
        case ServerEvent::Type::Data: {
            // Read before a STARTTLS took effect: not the TLS connection's, so never delivered.
            if (!m_upgrading.contains(event.id))
                emit dataReceived(event.id, event.data);
            // Its receivers have it (and have answered, if they answer): the engine may read more
            // from that client. Woken only when this crossed its limit, not for every batch.
            if (const auto record = m_clients.value(event.id)) {
                const qint64 size = event.data.size();
                const qint64 before = record->undeliveredBytes.fetch_sub(size, std::memory_order_relaxed);
                const qint64 limit = m_config.maxUndeliveredPerClient;
                if (limit > 0 && before > limit && before - size <= limit)
                    resume = true;
            }
            break;
        }
        case ServerEvent::Type::Chat:
            emit chatTranscript(event.data);
            break;
        case ServerEvent::Type::ChatMember:
            deliverChatMember(event.member);
            break;
        case ServerEvent::Type::AutoReplied:
            emit autoReplied(event.id, event.rule, event.data, event.toAll, event.reason);
            break;
        case ServerEvent::Type::Failed:
            emit errorOccurred(event.error);
            break;
        case ServerEvent::Type::Stopped:
            // The engine's threads have finished their work; joining them now is immediate.
            m_engine.reset();
            m_statisticsTimer->stop();
            reportStatistics();
            // A room whose engine stopped is empty, whether or not each departure was reported.
            for (const ChatMember &member : std::exchange(m_chatMembers, {}))
                emit chatMemberLeft(member.id);
            emit stopped();
            break;
        }
    }
    if (resume && m_engine)
        m_engine->resumeReading();
}

} // namespace socketeer
