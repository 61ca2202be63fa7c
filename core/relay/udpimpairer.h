#pragma once
// What the impairments do to the datagrams of one direction of one UDP relay session, decided
// without sockets or clocks of its own: the engine says when a datagram arrived, this says what
// leaves and when, and which impairment acted. Pure, so the decisions can be tested one by one.
//
// A datagram is dropped, corrupted (one bit), truncated, duplicated and held back for reordering
// in that order; whatever passes then waits for the bandwidth (a token bucket, drained in arrival
// order) and the latency (± jitter, drawn per copy, so jitter may reorder as a real path does).

#include "relayengine.h"
#include "relaytypes.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <deque>
#include <optional>
#include <random>
#include <vector>

namespace socketeer {

class UdpImpairer {
public:
    using Clock = std::chrono::steady_clock;

    // An impairment that acted on a datagram (its bytes as they were at that moment).
    struct Note {
        RelayAction action = RelayAction::Delayed;
        QString detail;
        QByteArray data;
    };
    // A datagram to send at `due` (at once when due has passed).
    struct Release {
        QByteArray data;
        Clock::time_point due;
    };
    struct Outcome {
        std::vector<Release> released;
        std::vector<Note> notes;
    };

    // `random` is shared by every impairer of an engine (one thread); tests seed it.
    UdpImpairer(RelayDirection way, std::mt19937_64 &random) : m_way(way), m_random(random) {}

    void setImpairments(const RelayImpairments &impairments) { m_impairments = impairments; }
    // True when nothing at all applies to this direction: the engine then sends at once.
    bool idle() const;

    Outcome arrive(QByteArray data, Clock::time_point now);
    // Held-back datagrams whose hold ran out by `now` (their later ones never came).
    Outcome expire(Clock::time_point now);
    std::optional<Clock::time_point> nextExpiry() const;
    qint64 heldBytes() const { return m_heldBytes; }   // with limits::kDatagramOverheadBytes each

private:
    struct Held {
        QByteArray data;
        int copies = 1;
        int remaining = 1;   // later datagrams still to pass
        Clock::time_point deadline;
    };

    bool chance(const RelayImpairments::Chance &chance);
    bool chance(double percent, RelayDirection direction);
    void schedule(QByteArray data, int copies, Clock::time_point now, Outcome &outcome);
    void release(Held held, Clock::time_point now, Outcome &outcome);

    const RelayDirection m_way;
    std::mt19937_64 &m_random;
    RelayImpairments m_impairments;
    std::deque<Held> m_held;   // in the order they were held
    qint64 m_heldBytes = 0;
    // The token bucket: tokens may go negative, which is the queue ahead of the next datagram.
    double m_tokens = 0;
    std::optional<Clock::time_point> m_tokensAt;
};

} // namespace socketeer
