#pragma once
// What the UDP relay's thread keeps per source address (a session) and per datagram that waits
// for its time. Internal to udprelayengine.cpp; a header of its own so the engine file is the loop.

#include "udpimpairer.h"

#include "net/socket.h"

#include <QByteArray>

#include <optional>

namespace socketeer {

struct UdpRelaySession {
    using Clock = UdpImpairer::Clock;
    UdpRelaySession(quint64 sessionId, SocketAddress from, Socket connected, std::mt19937_64 &random)
        : id(sessionId), source(std::move(from)), socket(std::move(connected)), up(RelayDirection::Up, random),
          down(RelayDirection::Down, random)
    {
    }
    quint64 id;
    SocketAddress source;
    Socket socket;   // connect()ed to the target
    Clock::time_point lastHeard;
    UdpImpairer up;
    UdpImpairer down;
    qint64 queuedUp = 0;   // in the heap, with overhead
    qint64 queuedDown = 0;
    bool targetFailureReported = false;
    // The reorder hold already in the heap per direction, so each is queued once.
    std::optional<Clock::time_point> expiryUp;
    std::optional<Clock::time_point> expiryDown;
    std::optional<Clock::time_point> &expiry(RelayDirection way) { return way == RelayDirection::Up ? expiryUp : expiryDown; }
    UdpImpairer &impairer(RelayDirection way) { return way == RelayDirection::Up ? up : down; }
    qint64 &queued(RelayDirection way) { return way == RelayDirection::Up ? queuedUp : queuedDown; }
};

// A datagram waiting for its time, or (data empty, expiry set) a reorder hold to look at.
struct UdpRelayDue {
    using Clock = UdpImpairer::Clock;
    Clock::time_point at;
    quint64 order = 0;   // ties leave in the order they were queued
    quint64 session = 0;
    RelayDirection way = RelayDirection::Up;
    QByteArray data;
    bool expiry = false;
    bool operator>(const UdpRelayDue &other) const { return at != other.at ? at > other.at : order > other.order; }
};

} // namespace socketeer
