#include "relay.h"

#include "relayengine.h"
#include "tcprelayengine.h"
#include "udprelayengine.h"

#include "net/limits.h"
#include "net/mailbox.h"

#include <QLoggingCategory>
#include <QMetaMethod>

namespace socketeer {

Q_LOGGING_CATEGORY(lcRelay, "socketeer.relay")

namespace {

constexpr int kImpairedEventWeight = 256;

// The one place an engine is chosen for a config.
Result<std::unique_ptr<RelayEngine>> createEngine(const RelayConfig &config, RelayEventSink &sink,
                                                  const std::atomic<bool> &reportData)
{
    if (config.udp)
        return std::unique_ptr<RelayEngine>(std::make_unique<UdpRelayEngine>(config, sink, reportData));
    return std::unique_ptr<RelayEngine>(std::make_unique<TcpRelayEngine>(config, sink, reportData));
}

} // namespace

Relay::Relay(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Error>();
    qRegisterMetaType<RelayDirection>();
    m_sink = std::make_unique<Mailbox<RelayEvent>>(
        this, [this](std::vector<RelayEvent> &&events) { deliver(std::move(events)); },
        [](RelayEvent &last, RelayEvent &next) {
            // A flood is a few signals per batch, not one per send: neighbouring Forwarded events
            // of one connection and direction travel as one.
            if (last.type != RelayEvent::Type::Forwarded || next.type != RelayEvent::Type::Forwarded || last.id != next.id
                || last.direction != next.direction)
                return false;
            last.data.append(next.data);
            last.traffic.bytes += next.traffic.bytes;
            last.traffic.chunks += next.traffic.chunks;
            return true;
        });
    // Before any engine exists: its thread reads the limit without a lock.
    m_sink->setCongestionLimit(
        limits::kRelayUndeliveredBytes,
        [](const RelayEvent &event) {
            // Impaired events are never merged, so a fixed weight each adds up right: a log that
            // cannot keep up with a relay impairing a flood holds the relay back too.
            return static_cast<std::size_t>(event.data.size())
                   + (event.type == RelayEvent::Type::Impaired ? std::size_t{kImpairedEventWeight} : 0);
        },
        [this] {
            if (m_engine)
                m_engine->resumeReading();
        });
}

Relay::~Relay()
{
    m_engine.reset();
}

bool Relay::start(const RelayConfig &config)
{
    if (m_engine) {
        qCWarning(lcRelay) << "start() while running: ignored";
        return false;
    }
    m_config = config;
    m_up = {};
    m_down = {};
    auto engine = createEngine(config, *m_sink, m_reportData);
    if (!engine) {
        postFailedStart(*m_sink, engine.error());
        return true;   // errorOccurred() and stopped() follow, as for any failure to start
    }
    m_engine = std::move(engine).value();
    return true;
}

void Relay::stop()
{
    if (m_engine)
        m_engine->requestStop();
}

void Relay::stopAndWait()
{
    if (!m_engine)
        return;
    m_engine.reset();        // requests stop and joins
    m_sink->deliverPending();   // the last events, Stopped among them
}

bool Relay::isRunning() const
{
    return m_engine != nullptr;
}

void Relay::setImpairments(const RelayImpairments &impairments)
{
    m_config.impairments = impairments;
    if (m_engine)
        m_engine->setImpairments(impairments);
}

void Relay::closeConnection(quint64 id)
{
    if (m_engine)
        m_engine->closeConnection(id);
}

RelayTraffic Relay::traffic(RelayDirection direction) const
{
    switch (direction) {
    case RelayDirection::Up:
        return m_up;
    case RelayDirection::Down:
        return m_down;
    case RelayDirection::Both:
        break;
    }
    return {m_up.bytes + m_down.bytes, m_up.chunks + m_down.chunks};
}

QString Relay::actionName(RelayAction action)
{
    switch (action) {
    case RelayAction::Delayed: return tr("delayed");
    case RelayAction::Throttled: return tr("throttled");
    case RelayAction::Sliced: return tr("sliced");
    case RelayAction::Stalled: return tr("stalled");
    case RelayAction::Reset: return tr("reset");
    case RelayAction::HalfClosed: return tr("half-closed");
    case RelayAction::Limited: return tr("limited");
    case RelayAction::HeldClose: return tr("close held");
    case RelayAction::Dropped: return tr("dropped");
    case RelayAction::Duplicated: return tr("duplicated");
    case RelayAction::Corrupted: return tr("corrupted");
    case RelayAction::Truncated: return tr("truncated");
    case RelayAction::Reordered: return tr("reordered");
    }
    return {};
}

void Relay::connectNotify(const QMetaMethod &signal)
{
    // No QObject calls here (Qt holds its connection lock): only our atomics.
    if (signal == QMetaMethod::fromSignal(&Relay::forwarded)) {
        m_dataConnects.fetch_add(1);
        m_reportData.store(true);
    }
}

void Relay::disconnectNotify(const QMetaMethod &signal)
{
    // An invalid method: everything was disconnected at once.
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&Relay::forwarded))
        m_reportDataStale.store(true);
}

void Relay::updateReportData()
{
    if (!m_reportDataStale.exchange(false))
        return;
    for (;;) {
        const quint64 connects = m_dataConnects.load();
        const bool connected = isSignalConnected(QMetaMethod::fromSignal(&Relay::forwarded));
        m_reportData.store(connected);
        // A connect in another thread between the look and the store must not be undone.
        if (connected || m_dataConnects.load() == connects)
            return;
    }
}

void Relay::deliver(std::vector<RelayEvent> &&events)
{
    updateReportData();   // a receiver may have gone: stop sending the bytes it no longer takes
    for (RelayEvent &event : events) {
        switch (event.type) {
        case RelayEvent::Type::Started:
            emit started(event.address.host(), event.address.port());
            break;
        case RelayEvent::Type::Opened:
            emit connectionOpened(event.id, event.address.toString(), event.target.toString());
            break;
        case RelayEvent::Type::Forwarded: {
            RelayTraffic &traffic = event.direction == RelayDirection::Down ? m_down : m_up;
            traffic.bytes += event.traffic.bytes;
            traffic.chunks += event.traffic.chunks;
            if (!event.data.isEmpty())
                emit forwarded(event.id, event.direction, event.data);
            break;
        }
        case RelayEvent::Type::Impaired:
            emit impaired(event.id, event.direction, actionName(event.action), event.detail);
            break;
        case RelayEvent::Type::Closed:
            emit connectionClosed(event.id, event.detail);
            break;
        case RelayEvent::Type::Failed:
            emit errorOccurred(event.error);
            break;
        case RelayEvent::Type::Stopped:
            // The engine's thread has finished; joining it now is immediate.
            m_engine.reset();
            emit stopped();
            break;
        }
    }
}

} // namespace socketeer
