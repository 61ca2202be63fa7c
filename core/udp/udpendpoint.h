#pragma once
// The UDP endpoint as the GUI and the command line see it: a QObject in the caller's thread whose
// methods queue work for one worker thread and whose signals report what happened, in order.
// Received datagrams arrive in batches, so a flood costs a few signals, not one per datagram.

#include "udptypes.h"

#include "net/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace socketeer {

class UdpEngine;
struct UdpCounters;
struct UdpEvent;
template <typename Event> class Mailbox;

class UdpEndpoint final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEndpoint)
public:
    explicit UdpEndpoint(QObject *parent = nullptr);
    ~UdpEndpoint() override;   // stops and joins the worker

    // Binds on the worker: bound() or errorOccurred()+closed() follows. Refused while open
    // (until closed() has been emitted). Counters start again from zero.
    bool open(const UdpConfig &config);
    // Closes the socket; closed() follows. Datagrams still waiting to be sent are dropped.
    void close();
    // Closes and waits: when it returns the port is free and closed() has been emitted.
    void closeAndWait();

    bool isOpen() const { return m_engine != nullptr; }
    const UdpConfig &config() const { return m_config; }
    SocketAddress boundAddress() const { return m_bound; }   // valid once bound() was emitted
    bool broadcast() const { return m_broadcast; }

    // Names are resolved on the worker, never here. datagramSent() or errorOccurred() follows; a
    // datagram too large for UDP is refused whole (ErrorKind::Limit), never cut.
    void sendTo(const Endpoint &to, const QByteArray &data);
    // To the sender of the last datagram datagramsReceived() delivered.
    void replyToLast(const QByteArray &data);
    SocketAddress lastSender() const { return m_lastSender; }
    // SO_BROADCAST; broadcastChanged() or errorOccurred() follows.
    void setBroadcast(bool on);
    // IPv4 or IPv6 multicast; an interface name (or index) picks where to join, and sends to the
    // group then leave by that interface. groupJoined()/groupLeft() or errorOccurred() follows.
    void joinGroup(const QString &group, const QString &interfaceName = {});
    void leaveGroup(const QString &group, const QString &interfaceName = {});
    // Datagrams to any multicast group leave by this interface (name or index) from now on, without
    // joining a group; errorOccurred() if it cannot be set. Queued in order with the sends.
    void setMulticastInterface(const QString &interfaceName);

    // Since open(), bumped by the worker as it goes (ahead of the signals), readable any time.
    // bytesIn counts each datagram's full size, truncated or not.
    quint64 datagramsIn() const;
    quint64 datagramsOut() const;
    quint64 bytesIn() const;
    quint64 bytesOut() const;

signals:
    void bound(const QString &address, quint16 port);
    void datagramsReceived(const QList<socketeer::Datagram> &batch);
    void datagramSent(const QString &to, qint64 bytes);
    // An auto-reply rule (UdpConfig::rules) answered a datagram from `to`: `data` was sent (a
    // non-empty `error` says why nothing was). `rule` is the rule's index.
    void autoReplied(const QString &to, int rule, const QByteArray &data, const QString &error);
    void broadcastChanged(bool enabled);
    void groupJoined(const QString &group);
    void groupLeft(const QString &group);
    void errorOccurred(const socketeer::Error &error);
    void closed();

private:
    void deliver(std::vector<UdpEvent> &&events);
    // Reports a refusal through the mailbox, so it is asynchronous and in order like the rest.
    void reportLater(Error error);

    UdpConfig m_config;
    SocketAddress m_bound;
    SocketAddress m_lastSender;
    bool m_broadcast = false;
    std::unique_ptr<UdpCounters> m_counters;
    std::unique_ptr<Mailbox<UdpEvent>> m_mailbox;
    std::unique_ptr<UdpEngine> m_engine;   // last: destroyed (joined) first
};

} // namespace socketeer
