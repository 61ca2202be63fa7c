#pragma once
// Announces a chat room on the local network every few seconds (roomannouncement.h), so clients
// find it without typing an address: to each interface's IPv4 broadcast address or to the IPv4
// discovery group, and to the IPv6 link-local group, as the room's listening address allows. The
// datagrams leave from UDP endpoints on worker threads (so the timeline shows each sendto); this
// object lives in the caller's thread and only decides what to send when.
//
// Off unless asked for, and refused for a room that listens on loopback only: nobody on the
// network could join it, so telling the network about it would only be noise.

#include "roomannouncement.h"

#include "net/error.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>

class QTimer;

namespace socketeer {

class UdpEndpoint;

class RoomAnnouncer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomAnnouncer)
public:
    enum class Via { Broadcast, Multicast };   // for IPv4; IPv6 has no broadcast, and always multicasts
    struct Config {
        RoomAnnouncement room;   // id empty: a new one is made
        QString listenHost;      // what the room's server is bound to: "0.0.0.0", "::", "10.99.0.2"
        Via via = Via::Broadcast;
        quint16 port;            // the discovery port (kRoomDiscoveryPort)
        std::chrono::milliseconds interval;
        Config();
    };

    explicit RoomAnnouncer(QObject *parent = nullptr);
    ~RoomAnnouncer() override;

    // Why this room cannot be announced (its name, a loopback or unknown listening address), or
    // an empty string: announcing has begun, the first round at once.
    QString start(const Config &config);
    // Why a room whose server listens on `host` cannot be announced (a loopback address, a host
    // name rather than an address), or an empty string: what start() checks, for a caller that
    // wants to refuse before anything listens.
    static QString listenProblem(const QString &host);
    void stop();
    bool isRunning() const { return m_timer != nullptr && (m_v4 || m_v6); }
    const RoomAnnouncement &room() const { return m_config.room; }

    // The next announcement carries this count (sent soon, not only at the next interval).
    void setMembers(int members);

signals:
    // One round went out: `datagrams` sends were queued (one per interface and address family).
    void announced(int datagrams);
    // A send or an interface choice failed; each different error is reported once, not every round.
    void errorOccurred(const socketeer::Error &error);

private:
    void announce();

    Config m_config;
    QString m_onlyAddress;   // the room listens on this one address: announce on its interface only
    std::unique_ptr<UdpEndpoint> m_v4;
    std::unique_ptr<UdpEndpoint> m_v6;
    QTimer *m_timer = nullptr;
    bool m_soonPending = false;
    QSet<QString> m_reported;
};

} // namespace socketeer
