#include "tcpclient.h"

#include "tcpclientengine.h"

#include "net/chunkstream.h"
#include "net/mailbox.h"

#include <QLoggingCategory>

namespace socketeer {

Q_LOGGING_CATEGORY(lcClient, "socketeer.tcp.client")

namespace {
constexpr std::size_t kMailboxLimit = limits::kClientUndeliveredBytes;   // undelivered bytes before reading pauses: a receiver takes it in one go without a stall
}

TcpClient::TcpClient(QObject *parent) : QObject(parent), m_counters(std::make_unique<ClientCounters>())
{
    qRegisterMetaType<Error>();
    m_mailbox = std::make_unique<Mailbox<ClientEvent>>(
        this, [this](std::vector<ClientEvent> &&events) { deliver(std::move(events)); },
        [](ClientEvent &last, ClientEvent &next) {
            if (last.type != next.type)
                return false;
            if (last.type == ClientEvent::Type::Data) {
                last.data.append(next.data);
                return true;
            }
            if (last.type == ClientEvent::Type::Sent) {
                last.count += next.count;
                return true;
            }
            return false;
        });
    m_mailbox->setCongestionLimit(
        kMailboxLimit, [](const ClientEvent &event) { return static_cast<std::size_t>(event.data.size()); },
        [this] {
            if (m_engine)
                m_engine->resumeReading();
        });
}

TcpClient::~TcpClient()
{
    m_engine.reset();
}

bool TcpClient::connectToHost(const TcpClientConfig &config)
{
    if (m_state != State::Unconnected) {
        qCWarning(lcClient) << "connectToHost() while not unconnected: ignored";
        return false;
    }
    m_config = config;
    m_local.clear();
    m_peer.clear();
    m_halfClosed = false;
    // No worker is running (the last one was joined before disconnected()), so nobody races these.
    m_counters->bytesIn.store(0);
    m_counters->bytesOut.store(0);
    m_engine = std::make_unique<TcpClientEngine>(config, *m_mailbox, *m_counters);
    setState(State::Connecting);
    return true;
}

void TcpClient::send(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    if (!m_engine || m_state == State::Unconnected || m_state == State::Closing || m_halfClosed) {
        qCWarning(lcClient) << "send() with no connection to send on, or after halfClose(): ignored";
        return;
    }
    m_engine->send(data);
}

void TcpClient::sendStream(std::shared_ptr<ChunkStream> stream)
{
    if (!stream)
        return;
    if (!m_engine || m_state == State::Unconnected || m_state == State::Closing || m_halfClosed) {
        qCWarning(lcClient) << "sendStream() with no connection to send on, or after halfClose(): ignored";
        stream->leave(0);
        return;
    }
    m_engine->sendStream(std::move(stream));
}

void TcpClient::halfClose()
{
    if (!m_engine || m_state == State::Unconnected || m_state == State::Closing || m_halfClosed)
        return;
    m_halfClosed = true;
    m_engine->halfClose();
}

void TcpClient::disconnectFromHost()
{
    if (!m_engine || m_state == State::Unconnected)
        return;
    if (m_state == State::Connected)
        m_engine->close();
    else
        m_engine->abort();
    setState(State::Closing);
}

void TcpClient::disconnectAndWait()
{
    m_engine.reset();   // aborts and joins: the worker's last event, Disconnected, is now posted
    // Inside one of our own signals a nested delivery would overtake the rest of the batch being
    // delivered; the events then come, in order, from the event loop instead.
    if (!m_delivering)
        m_mailbox->deliverPending();
}

quint64 TcpClient::bytesIn() const
{
    return m_counters->bytesIn.load(std::memory_order_relaxed);
}

quint64 TcpClient::bytesOut() const
{
    return m_counters->bytesOut.load(std::memory_order_relaxed);
}

void TcpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TcpClient::deliver(std::vector<ClientEvent> &&events)
{
    const bool outer = !m_delivering;
    m_delivering = true;
    for (ClientEvent &event : events) {
        switch (event.type) {
        case ClientEvent::Type::Connected:
            m_local = event.local;
            m_peer = event.peer;
            m_security = event.tls;
            // A close asked for while connecting stays asked for.
            if (m_state == State::Connecting)
                setState(State::Connected);
            emit connected(event.local, event.peer);
            break;
        case ClientEvent::Type::Data:
            emit dataReceived(event.data);
            break;
        case ClientEvent::Type::Sent:
            emit dataSent(event.count);
            break;
        case ClientEvent::Type::PeerClosed:
            emit peerClosed();
            break;
        case ClientEvent::Type::AutoReplied:
            emit autoReplied(event.rule, event.data, event.reason);
            break;
        case ClientEvent::Type::Failed:
            if (!event.refusedCertificate.isEmpty())
                m_refused = describeCertificate(event.refusedCertificate, {event.refusedBecause});
            emit errorOccurred(event.error);
            break;
        case ClientEvent::Type::Disconnected:
            // The worker's last act was posting this: joining it is immediate, and a slot below
            // may connect again at once.
            m_engine.reset();
            setState(State::Unconnected);
            emit disconnected(event.reason);
            break;
        }
    }
    if (outer)
        m_delivering = false;
}

} // namespace socketeer
