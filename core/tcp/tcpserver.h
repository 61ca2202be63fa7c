#pragma once
// The TCP server as the GUI and the command line see it: a QObject in the caller's thread whose
// methods queue work for the engine's threads and whose signals report what happened, in order.

#include "tcpservertypes.h"

#include "net/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace socketeer {

class ChunkStream;
class ServerEngine;
class TlsContext;
struct ServerEvent;
template <typename Event> class Mailbox;

class TcpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServer)
public:
    explicit TcpServer(QObject *parent = nullptr);
    ~TcpServer() override;   // stops and joins every thread

    // Starts listening; started() or errorOccurred()+stopped() follows. Refused while running.
    bool start(const TcpServerConfig &config);
    // Closes every client and the listener; stopped() follows once every thread has ended.
    void stop();
    // Stops and waits: when it returns every descriptor is closed and the port is free.
    void stopAndWait();

    bool isRunning() const { return m_engine != nullptr; }
    const TcpServerConfig &config() const { return m_config; }
    SocketAddress boundAddress() const { return m_bound; }

    void sendTo(quint64 id, const QByteArray &data);
    void sendToAll(const QByteArray &data);
    // Sends what `stream` reads to `targets` (reader i of the stream is targets[i]), each client at
    // its own pace, or with no targets to every client, those connecting later included (a live
    // feed such as stdin). A client that takes nothing for the stall timeout is dropped.
    void sendStream(std::shared_ptr<ChunkStream> stream, const QList<quint64> &targets = {});
    void disconnectClient(quint64 id);
    // STARTTLS on one plain connection: `reply` goes out, then the server handshake with `context`.
    // From this call until tlsStarted (or clientDisconnected) nothing that client sent is delivered:
    // bytes it pipelined behind its STARTTLS are discarded, never read as if they came over TLS
    // (CVE-2011-0411). The caller discards what it holds unparsed of that client's bytes too.
    void startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context);
    void setEcho(bool on);
    bool echo() const { return m_echo.load(); }

    // Chat mode: the server's user runs the room (docs/CHAT.md, "The server's own commands"). Each
    // is queued to the thread that owns the room; one for a member that has left by then does
    // nothing. Mute and remove return false when not in chat mode; setChatTopic and sendChatNotice
    // return why the text is refused (ChatRoom::topicProblem, noticeProblem), empty when queued.
    bool muteChatMember(quint64 id, bool muted);
    bool removeChatMember(quint64 id);
    QString setChatTopic(const QString &topic);   // empty: clear it
    QString sendChatNotice(const QString &text);
    // The room as its events told it so far: members in join order, and the topic.
    QList<ChatMember> chatMembers() const { return m_chatMembers; }
    QString chatTopic() const { return m_chatTopic; }

    QList<ClientInfo> clients() const;
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    ServerStatistics statistics() const;
    int threadCount() const;
    // How often statisticsUpdated() may fire while something changes (default 500 ms).
    void setStatisticsInterval(int milliseconds);

signals:
    void started(const QString &address, quint16 port);
    void clientConnected(const socketeer::ClientInfo &client);
    void clientRejected(const QString &peer, const QString &reason);
    void clientDisconnected(quint64 id, const QString &reason);
    // A startTls() handshake finished: `client` carries the TLS protocol and cipher.
    void tlsStarted(const socketeer::ClientInfo &client);
    // Batched: one signal may carry many recv()s' worth from that client. Received bytes are
    // handed to this thread only while something is connected here (bytes that arrive while
    // nothing is are not kept for later); the byte counters count them either way.
    void dataReceived(quint64 id, const QByteArray &data);
    // Chat mode (TcpServerConfig::chat): the room as its members hear it, one or more whole lines
    // ("NAME: TEXT\n", "*** NAME joined\n"), relayed already by the engine; for the server's own log.
    void chatTranscript(const QByteArray &lines);
    // Chat mode: who is in the room. Joined once it has a name (at once without nicknames); `name`
    // is its nickname or address name, `since` UTC. Left for any way out (quit, dropped, removed).
    void chatMemberJoined(quint64 id, const QString &name, const QString &address, const QDateTime &since);
    void chatMemberRenamed(quint64 id, const QString &name);
    void chatMemberLeft(quint64 id);
    void chatMemberMuted(quint64 id, bool muted);
    void chatTopicChanged(const QString &topic);   // empty: cleared
    void errorOccurred(const socketeer::Error &error);
    // An auto-reply rule (TcpServerConfig::rules) fired on a message from client `id`: `data` went to
    // it, or to every client when `toAll`; `rule` is the rule's index. A non-empty `error` says why
    // nothing was sent (a {{file:}} that cannot be read, too many delayed replies waiting).
    // Like dataReceived, replies are reported only while something is connected to dataReceived
    // (a failure always is).
    void autoReplied(quint64 id, int rule, const QByteArray &data, bool toAll, const QString &error);
    // Totals and the live thread count, at most once per interval and only when they changed.
    void statisticsUpdated(const socketeer::ServerStatistics &statistics);
    void stopped();

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    void deliver(std::vector<ServerEvent> &&events);
    void reportStatistics();
    void updateReportData();
    void deliverChatMember(const ChatMemberEvent &event);
    bool chatCommand(ChatCommand command);

    TcpServerConfig m_config;
    SocketAddress m_bound;
    std::atomic<bool> m_echo{false};
    // Whether the engines post received bytes here: dataReceived has a receiver. Set at once by
    // connectNotify (any thread); cleared by updateReportData() in this thread, after a
    // disconnectNotify marked it stale (Qt calls that under its own lock and, for a dying
    // receiver, before the connection is gone: too early and too locked to ask Qt then).
    std::atomic<bool> m_reportData{false};
    std::atomic<bool> m_reportDataStale{false};
    std::atomic<quint64> m_dataConnects{0};
    QHash<quint64, std::shared_ptr<const ClientRecord>> m_clients;
    QList<ChatMember> m_chatMembers;
    QString m_chatTopic;
    QSet<quint64> m_upgrading;   // startTls() asked, handshake not done: their data is discarded
    quint64 m_accepted = 0;
    quint64 m_bytesInGone = 0;
    quint64 m_bytesOutGone = 0;
    qint64 m_peakQueuedGone = 0;
    QTimer *m_statisticsTimer = nullptr;
    ServerStatistics m_lastReported;
    std::unique_ptr<Mailbox<ServerEvent>> m_mailbox;
    std::unique_ptr<ServerEngine> m_engine;   // last: destroyed (joined) first
};

} // namespace socketeer
