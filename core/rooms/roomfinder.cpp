#include "roomfinder.h"

#include "roomannouncement.h"
#include "roominterfaces.h"

#include "net/limits.h"
#include "udp/udpendpoint.h"

#include <QTimer>

#include <algorithm>

namespace socketeer {

RoomFinder::Config::Config() : port(kRoomDiscoveryPort), forgetAfter(limits::kRoomForgetAfter) {}

RoomFinder::RoomFinder(QObject *parent) : QObject(parent), m_forgetTimer(new QTimer(this))
{
    qRegisterMetaType<FoundRoom>();
    qRegisterMetaType<Error>();
    connect(m_forgetTimer, &QTimer::timeout, this, &RoomFinder::forgetSilent);
}

RoomFinder::~RoomFinder()
{
    m_endpoints.clear();   // each closes and joins its worker
    m_retired.clear();
}

bool RoomFinder::start(const Config &config)
{
    if (isRunning())
        return false;
    m_config = config;
    m_bound = 0;
    m_failed = 0;
    m_rooms.clear();
    m_heardAt.clear();
    m_ignored = 0;
    m_clock.start();
    if (config.ipv4)
        openEndpoint(false);
    if (config.ipv6)
        openEndpoint(true);
    if (m_endpoints.empty())
        return false;
    m_forgetTimer->start(std::max<qint64>(100, config.forgetAfter.count() / 4));
    return true;
}

void RoomFinder::openEndpoint(bool v6)
{
    auto endpoint = std::make_unique<UdpEndpoint>();
    UdpEndpoint *raw = endpoint.get();
    // Steps before this endpoint is ready: its bind, then a join per interface.
    auto steps = std::make_shared<int>(1);
    auto settled = std::make_shared<bool>(false);
    auto stepDone = [this, steps, settled](bool ok) {
        if (*settled)
            return;
        if (!ok) {
            *settled = true;
            ++m_failed;
        } else if (--*steps == 0) {
            *settled = true;
            ++m_bound;
        }
        if (m_bound + m_failed == static_cast<int>(m_endpoints.size())) {
            if (m_bound > 0)
                emit listening(m_config.port);
            else
                QTimer::singleShot(0, this, &RoomFinder::stop);   // not from inside the endpoint's own signal
        }
    };
    connect(raw, &UdpEndpoint::bound, this, [stepDone] { stepDone(true); });
    connect(raw, &UdpEndpoint::groupJoined, this, [stepDone] { stepDone(true); });
    connect(raw, &UdpEndpoint::errorOccurred, this, [this, raw, stepDone](const Error &error) {
        emit errorOccurred(error);   // its detail names the address, so the family
        // Not bound: this family is out. A join that failed leaves the others (and broadcast) working.
        stepDone(raw->boundAddress().isValid());
    });
    connect(raw, &UdpEndpoint::datagramsReceived, this, &RoomFinder::onDatagrams);

    UdpConfig udp;
    udp.bind = Endpoint{v6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0"), m_config.port, {}};
    udp.shareAddress = true;
    udp.threadName = v6 ? QStringLiteral("room-finder-ipv6") : QStringLiteral("room-finder-ipv4");
    // One byte more than an announcement may have: a bigger datagram arrives flagged truncated,
    // and is ignored without being kept.
    udp.receiveBufferSize = limits::kRoomAnnouncementMaxBytes + 1;
    m_endpoints.push_back(std::move(endpoint));
    raw->open(udp);
    for (const RoomInterface &interface : roomInterfaces()) {
        if (!interface.multicast || (v6 ? interface.ipv6 : interface.ipv4).isEmpty())
            continue;
        ++*steps;
        raw->joinGroup(QLatin1String(v6 ? kRoomGroupIPv6 : kRoomGroupIPv4), interface.name);
    }
}

void RoomFinder::stop()
{
    if (!isRunning())
        return;
    m_forgetTimer->stop();
    // Perhaps called from a slot of one of their own signals (roomFound): they are destroyed once
    // that signal has returned, not under it, and by this object at the latest (its destructor), so
    // their workers are always joined, even when the event loop ends first.
    for (auto &endpoint : m_endpoints) {
        endpoint->disconnect(this);
        endpoint->close();
        m_retired.push_back(std::move(endpoint));
    }
    m_endpoints.clear();
    QTimer::singleShot(0, this, [this] { m_retired.clear(); });
    emit stopped();
}

void RoomFinder::onDatagrams(const QList<Datagram> &batch)
{
    for (const Datagram &datagram : batch) {
        if (!isRunning())
            return;   // a slot stopped us
        const auto announced = datagram.truncated ? std::nullopt : parseRoomAnnouncement(datagram.data);
        if (!announced) {
            ++m_ignored;
            continue;
        }
        const QString host = datagram.senderAddress.host();
        auto known = std::find_if(m_rooms.begin(), m_rooms.end(), [&](const FoundRoom &room) { return room.id == announced->id; });
        if (known == m_rooms.end()) {
            if (m_rooms.size() >= limits::kRoomsFoundMax) {
                ++m_ignored;
                continue;
            }
            FoundRoom room;
            room.id = announced->id;
            room.name = announced->name;
            room.port = announced->port;
            room.tls = announced->tls;
            room.members = announced->members;
            room.hosts = {host};
            room.lastHeard = datagram.receivedAt;
            m_rooms.append(room);
            m_heardAt.insert(room.id, m_clock.elapsed());
            emit roomFound(room);
            continue;
        }
        // Another host that claims a known room's id must also tell the same room (name, port):
        // otherwise anyone could rename a room, or add itself to where Join connects.
        const bool sameHost = known->hosts.contains(host);
        if (!sameHost && (known->name != announced->name || known->port != announced->port)) {
            ++m_ignored;
            continue;
        }
        FoundRoom before = *known;
        known->name = announced->name;
        known->port = announced->port;
        known->tls = announced->tls;
        known->members = announced->members;
        if (!sameHost && known->hosts.size() < limits::kRoomAddressesMax)
            known->hosts.append(host);
        known->lastHeard = datagram.receivedAt;
        m_heardAt.insert(known->id, m_clock.elapsed());
        if (before.name != known->name || before.port != known->port || before.tls != known->tls || before.members != known->members
            || before.hosts != known->hosts)
            emit roomChanged(*known);
    }
}

void RoomFinder::forgetSilent()
{
    const qint64 now = m_clock.elapsed();
    for (qsizetype i = 0; i < m_rooms.size();) {
        const QByteArray id = m_rooms.at(i).id;
        if (now - m_heardAt.value(id) <= m_config.forgetAfter.count()) {
            ++i;
            continue;
        }
        m_rooms.removeAt(i);
        m_heardAt.remove(id);
        emit roomLost(id);
    }
}

} // namespace socketeer
