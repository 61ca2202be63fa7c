#pragma once
// Listens for rooms announced on the local network (roomannouncement.h) and keeps the list of
// those heard lately: "Rooms on this network" in the client panel, `socketeer rooms` on the
// command line. Two UDP endpoints (IPv4 and IPv6) on the discovery port, each on its own worker
// thread, joined to the discovery group on every interface that can multicast; this object lives
// in the caller's thread and only reads what they deliver.
//
// Listening sends nothing but the IGMP/MLD reports that joining a group makes, so it is never
// started on its own: a user asks for it (a test runs it inside scripts/netns-run's network).

#include "net/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <vector>

class QTimer;

namespace socketeer {

class UdpEndpoint;
struct Datagram;

struct FoundRoom {
    QByteArray id;
    QString name;
    quint16 port = 0;
    bool tls = false;
    int members = 0;
    // Where it was heard from, first first: "10.99.0.2", "fd99::2", "fe80::2%v0". Join the first.
    QStringList hosts;
    QDateTime lastHeard;   // UTC
};

class RoomFinder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomFinder)
public:
    struct Config {
        quint16 port;   // the discovery port (kRoomDiscoveryPort); 0 only in tests that pick one
        std::chrono::milliseconds forgetAfter;
        bool ipv4 = true;
        bool ipv6 = true;
        Config();
    };

    explicit RoomFinder(QObject *parent = nullptr);
    ~RoomFinder() override;   // stops: every endpoint is closed and joined

    // Starts listening: listening() once every family that can has bound (errorOccurred() for one
    // that cannot: IPv6 switched off, say; both failing ends with stopped()). Refused while running.
    bool start(const Config &config = Config());
    void stop();
    bool isRunning() const { return !m_endpoints.empty(); }

    // Rooms heard from within forgetAfter, in the order they were first heard.
    QList<FoundRoom> rooms() const { return m_rooms; }
    // Datagrams to the discovery port that were not an announcement (or were from a room list
    // already full): counted, never shown, never an error.
    quint64 ignoredDatagrams() const { return m_ignored; }

signals:
    void listening(quint16 port);
    void roomFound(const socketeer::FoundRoom &room);
    void roomChanged(const socketeer::FoundRoom &room);   // its name, count, TLS or hosts changed
    void roomLost(const QByteArray &id);                  // not heard from for forgetAfter
    void errorOccurred(const socketeer::Error &error);
    void stopped();

private:
    void openEndpoint(bool v6);
    void onDatagrams(const QList<Datagram> &batch);
    void forgetSilent();

    Config m_config;
    std::vector<std::unique_ptr<UdpEndpoint>> m_endpoints;
    std::vector<std::unique_ptr<UdpEndpoint>> m_retired;   // stopped: destroyed soon, or with this object
    int m_bound = 0;
    int m_failed = 0;
    QList<FoundRoom> m_rooms;
    QHash<QByteArray, qint64> m_heardAt;   // m_clock's milliseconds: wall-clock jumps do not forget rooms
    QElapsedTimer m_clock;
    quint64 m_ignored = 0;
    QTimer *m_forgetTimer;
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::FoundRoom)
