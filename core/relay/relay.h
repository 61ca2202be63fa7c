#pragma once
// The relay as the panel and the command line see it: a QObject in the caller's thread whose
// methods queue work for the engine's thread and whose signals report what happened, in order.
// It listens on config.listen and forwards every TCP connection (or every UDP source address, each
// its own session) to config.target, impaired as config.impairments says.

#include "relaytypes.h"

#include "net/error.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <memory>

namespace socketeer {

class RelayEngine;
struct RelayEvent;
enum class RelayAction;
template <typename Event> class Mailbox;

class Relay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Relay)
public:
    explicit Relay(QObject *parent = nullptr);
    ~Relay() override;   // stops and joins the engine's thread

    // started() or errorOccurred()+stopped() follows. Refused while running.
    bool start(const RelayConfig &config);
    void stop();
    void stopAndWait();
    bool isRunning() const;
    const RelayConfig &config() const { return m_config; }

    // Live: open connections are impaired the new way from their next chunk on.
    void setImpairments(const RelayImpairments &impairments);
    void closeConnection(quint64 id);

    // Totals since start(), per direction.
    RelayTraffic traffic(RelayDirection direction) const;

    static QString actionName(RelayAction action);   // translated, for the log

signals:
    void started(const QString &address, quint16 port);
    void connectionOpened(quint64 id, const QString &client, const QString &target);
    // Batched: one signal may carry several chunks' worth of one direction.
    void forwarded(quint64 id, socketeer::RelayDirection direction, const QByteArray &data);
    void impaired(quint64 id, socketeer::RelayDirection direction, const QString &action, const QString &detail);
    void connectionClosed(quint64 id, const QString &reason);
    void errorOccurred(const socketeer::Error &error);
    void stopped();

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    void deliver(std::vector<RelayEvent> &&events);
    void updateReportData();

    RelayConfig m_config;
    // Whether Forwarded events carry the bytes: forwarded() has a receiver (as TcpServer's
    // dataReceived): set at once by connectNotify, cleared in this thread after disconnectNotify.
    std::atomic<bool> m_reportData{false};
    std::atomic<bool> m_reportDataStale{false};
    std::atomic<quint64> m_dataConnects{0};
    std::unique_ptr<Mailbox<RelayEvent>> m_sink;
    std::unique_ptr<RelayEngine> m_engine;
    RelayTraffic m_up;
    RelayTraffic m_down;
};

} // namespace socketeer
