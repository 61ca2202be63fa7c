#include "roomannouncer.h"

#include "roominterfaces.h"

#include "net/limits.h"
#include "udp/udpendpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

#include <utility>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Rooms)
};

// "10.99.0.2", "::", "[::]": an address literal, or a null address for a host name.
QHostAddress literal(const QString &host)
{
    return QHostAddress(host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')) ? host.mid(1, host.size() - 2) : host);
}

} // namespace

QString RoomAnnouncer::listenProblem(const QString &host)
{
    const QHostAddress address = literal(host.trimmed());
    if (address.isNull())
        return Text::tr("a room is announced when its server listens on an address (0.0.0.0, ::, or one of this machine's), "
                        "not on the name \"%1\"").arg(host.trimmed());
    if (address.isLoopback())
        return Text::tr("the room listens on %1, which only this machine can reach: listen on 0.0.0.0, :: or a network "
                        "address to announce it").arg(host.trimmed());
    return {};
}

RoomAnnouncer::Config::Config() : port(kRoomDiscoveryPort), interval(limits::kRoomAnnounceInterval) {}

RoomAnnouncer::RoomAnnouncer(QObject *parent) : QObject(parent) { qRegisterMetaType<Error>(); }

RoomAnnouncer::~RoomAnnouncer() = default;   // the endpoints close and join their workers

QString RoomAnnouncer::start(const Config &config)
{
    stop();
    if (const QString problem = roomNameProblem(config.room.name); !problem.isEmpty())
        return problem;
    if (config.room.port == 0)
        return Text::tr("the room has no port yet");
    const QString host = config.listenHost.trimmed();
    if (const QString problem = listenProblem(host); !problem.isEmpty())
        return problem;
    const QHostAddress address = literal(host);
    m_config = config;
    m_config.listenHost = host;
    if (m_config.room.id.isEmpty())
        m_config.room.id = newRoomId();
    // A dual-stack listener (::) takes both families; one address, its own only.
    const bool any = address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    const bool wantV4 = address == QHostAddress::AnyIPv6 || address.protocol() == QAbstractSocket::IPv4Protocol;
    const bool wantV6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    m_onlyAddress = any ? QString() : address.toString();
    m_reported.clear();
    auto open = [this](bool v6) {
        auto endpoint = std::make_unique<UdpEndpoint>();
        connect(endpoint.get(), &UdpEndpoint::errorOccurred, this, [this](const Error &error) {
            if (!m_reported.contains(error.message())) {
                m_reported.insert(error.message());
                emit errorOccurred(error);
            }
        });
        UdpConfig udp;
        // From the room's own address when it has one, so the host a finder lists is the room's.
        udp.bind = Endpoint{m_onlyAddress.isEmpty() ? (v6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0")) : m_onlyAddress, 0, {}};
        udp.broadcast = !v6;
        udp.threadName = v6 ? QStringLiteral("room-announcer-ipv6") : QStringLiteral("room-announcer-ipv4");
        endpoint->open(udp);
        return endpoint;
    };
    if (wantV4)
        m_v4 = open(false);
    if (wantV6)
        m_v6 = open(true);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &RoomAnnouncer::announce);
    m_timer->start(m_config.interval);
    QTimer::singleShot(0, this, &RoomAnnouncer::announce);
    return {};
}

void RoomAnnouncer::stop()
{
    delete m_timer;
    m_timer = nullptr;
    m_v4.reset();
    m_v6.reset();
}

void RoomAnnouncer::setMembers(int members)
{
    if (members == m_config.room.members)
        return;
    m_config.room.members = members;
    // A class joining at once changes the count forty times in a second: one announcement for
    // all of them, soon.
    if (isRunning() && !std::exchange(m_soonPending, true)) {
        QTimer::singleShot(250, this, [this] {
            m_soonPending = false;
            announce();
        });
    }
}

void RoomAnnouncer::announce()
{
    if (!isRunning())
        return;
    const QByteArray datagram = encodeRoomAnnouncement(m_config.room);
    int sent = 0;
    for (const RoomInterface &interface : roomInterfaces()) {
        if (!m_onlyAddress.isEmpty() && !interface.ipv4.contains(m_onlyAddress) && !interface.ipv6.contains(m_onlyAddress))
            continue;
        if (m_v4 && !interface.ipv4.isEmpty()) {
            if (m_config.via == Via::Broadcast) {
                for (const QString &broadcast : interface.broadcast4) {
                    m_v4->sendTo(Endpoint{broadcast, m_config.port, {}}, datagram);
                    ++sent;
                }
            } else if (interface.multicast) {
                m_v4->setMulticastInterface(interface.name);
                m_v4->sendTo(Endpoint{QLatin1String(kRoomGroupIPv4), m_config.port, {}}, datagram);
                ++sent;
            }
        }
        if (m_v6 && interface.multicast && !interface.ipv6.isEmpty()) {
            m_v6->setMulticastInterface(interface.name);
            m_v6->sendTo(Endpoint{QLatin1String(kRoomGroupIPv6), m_config.port, {}}, datagram);
            ++sent;
        }
    }
    emit announced(sent);
}

} // namespace socketeer
