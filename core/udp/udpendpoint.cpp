#include "udpendpoint.h"

#include "udpengine.h"

#include "net/limits.h"
#include "net/mailbox.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace socketeer {

Q_LOGGING_CATEGORY(lcUdp, "socketeer.udp")

UdpEndpoint::UdpEndpoint(QObject *parent) : QObject(parent), m_counters(std::make_unique<UdpCounters>())
{
    qRegisterMetaType<Error>();
    qRegisterMetaType<Datagram>();
    qRegisterMetaType<QList<Datagram>>();
    m_mailbox = std::make_unique<Mailbox<UdpEvent>>(this, [this](std::vector<UdpEvent> &&events) { deliver(std::move(events)); });
    m_mailbox->setCongestionLimit(
        limits::kUdpUndeliveredBytes,
        [](const UdpEvent &event) {
            return event.type == UdpEvent::Type::Received ? static_cast<std::size_t>(event.datagram.data.size() + limits::kDatagramOverheadBytes)
                                                          : std::size_t{0};
        },
        [this] {
            if (m_engine)
                m_engine->resumeReading();
        });
}

UdpEndpoint::~UdpEndpoint()
{
    m_engine.reset();
}

bool UdpEndpoint::open(const UdpConfig &config)
{
    if (m_engine) {
        qCWarning(lcUdp) << "open() while open: ignored";
        return false;
    }
    m_config = config;
    m_bound = {};
    m_lastSender = {};
    m_broadcast = config.broadcast;
    // No worker runs now, so nobody else touches the counters.
    m_counters->datagramsIn.store(0);
    m_counters->datagramsOut.store(0);
    m_counters->bytesIn.store(0);
    m_counters->bytesOut.store(0);
    m_engine = std::make_unique<UdpEngine>(config, *m_mailbox, *m_counters);
    return true;
}

void UdpEndpoint::close()
{
    if (m_engine)
        m_engine->requestStop();
}

void UdpEndpoint::closeAndWait()
{
    if (!m_engine)
        return;
    m_engine.reset();             // requests stop and joins
    m_mailbox->deliverPending();  // the last events, closed() among them
}

void UdpEndpoint::sendTo(const Endpoint &to, const QByteArray &data)
{
    if (!m_engine) {
        reportLater({ErrorKind::Send, {}, QCoreApplication::translate("socketeer::Udp", "to %1: the UDP endpoint is not open").arg(to.toString())});
        return;
    }
    m_engine->sendTo(to, data);
}

void UdpEndpoint::replyToLast(const QByteArray &data)
{
    if (!m_lastSender.isValid()) {
        reportLater({ErrorKind::Send, {}, QCoreApplication::translate("socketeer::Udp", "a reply: no datagram has been received yet")});
        return;
    }
    if (!m_engine) {
        reportLater({ErrorKind::Send, {}, QCoreApplication::translate("socketeer::Udp", "to %1: the UDP endpoint is not open").arg(m_lastSender.toString())});
        return;
    }
    m_engine->sendTo(m_lastSender, data);
}

void UdpEndpoint::setBroadcast(bool on)
{
    if (!m_engine) {
        reportLater(Error::invalid(QCoreApplication::translate("socketeer::Udp", "SO_BROADCAST: the UDP endpoint is not open")));
        return;
    }
    m_engine->setBroadcast(on);
}

void UdpEndpoint::joinGroup(const QString &group, const QString &interfaceName)
{
    if (!m_engine) {
        reportLater(Error::invalid(QCoreApplication::translate("socketeer::Udp", "joining group %1: the UDP endpoint is not open").arg(group)));
        return;
    }
    m_engine->joinGroup(group, interfaceName);
}

void UdpEndpoint::leaveGroup(const QString &group, const QString &interfaceName)
{
    if (!m_engine) {
        reportLater(Error::invalid(QCoreApplication::translate("socketeer::Udp", "leaving group %1: the UDP endpoint is not open").arg(group)));
        return;
    }
    m_engine->leaveGroup(group, interfaceName);
}

void UdpEndpoint::setMulticastInterface(const QString &interfaceName)
{
    if (!m_engine) {
        reportLater(Error::invalid(QCoreApplication::translate("socketeer::Udp", "multicast out of %1: the UDP endpoint is not open").arg(interfaceName)));
        return;
    }
    m_engine->setMulticastInterface(interfaceName);
}

quint64 UdpEndpoint::datagramsIn() const { return m_counters->datagramsIn.load(std::memory_order_relaxed); }
quint64 UdpEndpoint::datagramsOut() const { return m_counters->datagramsOut.load(std::memory_order_relaxed); }
quint64 UdpEndpoint::bytesIn() const { return m_counters->bytesIn.load(std::memory_order_relaxed); }
quint64 UdpEndpoint::bytesOut() const { return m_counters->bytesOut.load(std::memory_order_relaxed); }

void UdpEndpoint::reportLater(Error error)
{
    UdpEvent event;
    event.type = UdpEvent::Type::Failed;
    event.error = std::move(error);
    m_mailbox->post(std::move(event));
}

void UdpEndpoint::deliver(std::vector<UdpEvent> &&events)
{
    // Neighbouring datagrams travel as one list, in the order they arrived.
    QList<Datagram> batch;
    auto flushBatch = [&] {
        if (batch.isEmpty())
            return;
        m_lastSender = batch.constLast().senderAddress;
        emit datagramsReceived(std::exchange(batch, {}));
    };
    for (UdpEvent &event : events) {
        if (event.type == UdpEvent::Type::Received) {
            batch.append(std::move(event.datagram));
            continue;
        }
        flushBatch();
        switch (event.type) {
        case UdpEvent::Type::Bound:
            m_bound = event.address;
            emit bound(event.address.host(), event.address.port());
            break;
        case UdpEvent::Type::Received:
            break;
        case UdpEvent::Type::Sent:
            emit datagramSent(event.address.toString(), event.bytes);
            break;
        case UdpEvent::Type::AutoReplied:
            emit autoReplied(event.address.toString(), event.rule, event.datagram.data, event.reason);
            break;
        case UdpEvent::Type::BroadcastChanged:
            m_broadcast = event.enabled;
            emit broadcastChanged(event.enabled);
            break;
        case UdpEvent::Type::GroupJoined:
            emit groupJoined(event.group);
            break;
        case UdpEvent::Type::GroupLeft:
            emit groupLeft(event.group);
            break;
        case UdpEvent::Type::Failed:
            emit errorOccurred(event.error);
            break;
        case UdpEvent::Type::Closed:
            // The worker has finished; joining it now is immediate.
            m_engine.reset();
            emit closed();
            break;
        }
    }
    flushBatch();
}

} // namespace socketeer
