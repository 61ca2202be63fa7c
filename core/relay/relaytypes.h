#pragma once
// Plain values shared by the relay's front end (relay.h), its two engines (TCP, UDP), the command
// line and the panel: where it listens, where it forwards, and how it misbehaves on the way.
//
// "Up" is what the relay's clients send towards the target; "down" is the target's answer.
// Every impairment has its own direction; a probability, where one makes sense, is a percentage
// (0 to 100) drawn per chunk (TCP) or per datagram (UDP).

#include "net/address.h"
#include "net/limits.h"

#include <QMetaType>
#include <QString>

#include <chrono>

namespace socketeer {

enum class RelayDirection { Up = 1, Down = 2, Both = 3 };
inline bool appliesTo(RelayDirection impairment, RelayDirection way)
{
    return (static_cast<int>(impairment) & static_cast<int>(way)) != 0;
}

struct RelayImpairments {
    // Every chunk (TCP) or datagram (UDP) waits ms ± jitterMs. TCP bytes never overtake one
    // another: a chunk leaves no earlier than the one before it.
    struct Latency {
        int ms = 0;
        int jitterMs = 0;
        enum class Distribution { Uniform, Normal } distribution = Distribution::Uniform;   // normal: jitter is σ
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Latency &) const = default;
    } latency;
    // A token bucket: bytesPerSecond on average, at most burstBytes at once (0: one chunk's worth).
    struct Bandwidth {
        qint64 bytesPerSecond = 0;   // 0: unlimited
        qint64 burstBytes = 0;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Bandwidth &) const = default;
    } bandwidth;
    // Every write is cut into pieces of bytes ± variation, delayUs apart (TCP: the peer's recv()
    // sees them separately; UDP: not applied, a datagram is not a stream).
    struct Slicer {
        int bytes = 0;   // 0: off
        int variation = 0;
        int delayUs = 0;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Slicer &) const = default;
    } slicer;

    // ── TCP ──
    // The connection is reset (RST to both sides) once afterBytes have passed in the direction, or
    // afterMs after it opened. -1: never.
    struct Reset {
        qint64 afterBytes = -1;
        int afterMs = -1;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Reset &) const = default;
    } reset;
    // After afterBytes in the direction, that direction is shut down (FIN) and nothing more passes
    // in it; the other direction goes on. -1: never.
    struct HalfClose {
        qint64 afterBytes = -1;
        RelayDirection direction = RelayDirection::Up;
        bool operator==(const HalfClose &) const = default;
    } halfClose;
    // toxiproxy's limit_data: after bytes in the direction, the whole connection is closed
    // (both sides get a FIN once what passed has been delivered). -1: never.
    struct Limit {
        qint64 bytes = -1;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Limit &) const = default;
    } limit;
    // Accept bytes but forward nothing for ms after the connection opens (or after afterBytes).
    struct Stall {
        int ms = 0;
        qint64 afterBytes = 0;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Stall &) const = default;
    } stall;
    // Hold a FIN this long before passing it on.
    struct SlowClose {
        int ms = 0;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const SlowClose &) const = default;
    } slowClose;

    // ── UDP ──
    struct Chance {
        double percent = 0;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Chance &) const = default;
    };
    Chance drop;
    Chance duplicate;
    Chance corrupt;    // one random bit of the datagram flipped
    Chance truncate;   // cut to a random length shorter than it was (at least 0 bytes)
    // Hold a datagram back until `gap` later datagrams in the same direction have passed.
    struct Reorder {
        double percent = 0;
        int gap = 1;
        RelayDirection direction = RelayDirection::Both;
        bool operator==(const Reorder &) const = default;
    } reorder;

    bool any() const;   // anything switched on at all
    bool operator==(const RelayImpairments &) const = default;
};

struct RelayConfig {
    Endpoint listen{QStringLiteral("127.0.0.1"), 0, {}};   // loopback unless told otherwise
    Endpoint target;
    bool udp = false;
    RelayImpairments impairments;
    // UDP: a source address that sent nothing for this long loses its session (and its socket).
    std::chrono::milliseconds udpIdleTimeout = limits::kUdpRelayIdleTimeout;
    int maxConnections = limits::kRelayMaxConnections;   // TCP connections or UDP sessions at once
};

// What one direction of a connection or session has moved, for the log and the status line.
struct RelayTraffic {
    quint64 bytes = 0;
    quint64 chunks = 0;   // recv()s (TCP) or datagrams (UDP)
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::RelayDirection)
