#pragma once
// One direction of a relayed TCP connection, without sockets: the bytes read from one side wait
// here as pieces, each with the time it may leave, until the engine sends them to the other side.
// The impairments shape the pieces (their sizes and due times) when the bytes arrive, so a change
// applies from the next chunk on. Due times never go backwards: bytes are never reordered, and a
// FIN or a cut (half-close, limit, reset) leaves only after everything queued before it.
// Pure (no sockets, no clock of its own), so it is tested on its own.

#include "relayengine.h"
#include "relaytypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <vector>

namespace socketeer {

struct RelayPiece {
    // Data: one send(). Fin: the source closed its side, pass it on (shutdown SHUT_WR).
    // HalfClose, Limit, Reset: the cut an impairment asked for, after exactly N bytes.
    enum class Kind { Data, Fin, HalfClose, Limit, Reset };
    Kind kind = Kind::Data;
    QByteArray bytes;
    std::chrono::steady_clock::time_point due;
};

// An impairment that acted on a chunk, for the log and the trace.
struct RelayActed {
    RelayAction action = RelayAction::Delayed;
    QString detail;
    const char *call = "";   // its name on the timeline: "delay", "slice", …
};

class RelayPipe {
public:
    using Clock = std::chrono::steady_clock;

    RelayPipe(RelayDirection way, Clock::time_point openedAt, std::uint64_t seed);

    // Bytes read from the source at `now`. What acted is appended to `acted`. Bytes after a cut
    // (see accepting()) are dropped: the destination has been, or will be, shut or reset.
    void push(QByteArrayView bytes, Clock::time_point now, const RelayImpairments &impairments,
              std::vector<RelayActed> &acted);
    // The source closed its side: a FIN follows what is queued (held if slow close says so).
    void pushFin(Clock::time_point now, const RelayImpairments &impairments, std::vector<RelayActed> &acted);

    // False once a cut was scheduled or the FIN was: nothing more is forwarded this way.
    bool accepting() const { return !m_ended; }
    bool empty() const { return m_pieces.empty(); }
    RelayPiece *front() { return m_pieces.empty() ? nullptr : &m_pieces.front(); }
    std::optional<Clock::time_point> nextDue() const;
    // `count` bytes of the front Data piece were sent (all of it: the piece is gone).
    void consumeFront(qsizetype count);
    void popFront();
    // Forgets everything queued (the connection is closing): nothing more is forwarded.
    void discardAll();

    qint64 bufferedBytes() const { return m_buffered; }   // Data bytes waiting
    // What the waiting pieces cost: their bytes and, each, its own buffer and place in the queue.
    // A 1-byte slicer makes a piece per byte, so bounding the bytes alone would not bound memory.
    qint64 weight() const { return m_weight; }
    static constexpr qint64 kPieceOverheadBytes = 64;
    // How many more bytes from the source fit before weight() reaches `limit`, sliced as the
    // impairments would slice them now (at least 1 while there is any room, 0 when there is none).
    qsizetype room(const RelayImpairments &impairments, qint64 limit) const;
    quint64 bytesIn() const { return m_bytesIn; }          // accepted from the source
    quint64 bytesDropped() const { return m_dropped; }     // read after a cut

private:
    struct Cut {
        RelayPiece::Kind kind;
        qint64 after;
    };
    std::optional<Cut> nextCut(const RelayImpairments &impairments) const;
    Clock::time_point stallBase(QByteArrayView &bytes, Clock::time_point now, const RelayImpairments &impairments,
                                std::vector<RelayActed> &acted, QByteArrayView &stalled);
    void schedule(QByteArrayView bytes, Clock::time_point base, Clock::time_point now,
                  const RelayImpairments &impairments, std::vector<RelayActed> &acted);
    Clock::duration latency(const RelayImpairments &impairments, std::vector<RelayActed> &acted, bool report);
    Clock::time_point throttle(qsizetype bytes, Clock::time_point ready, const RelayImpairments::Bandwidth &bandwidth);
    void append(RelayPiece::Kind kind, QByteArray bytes, Clock::time_point due);

    const RelayDirection m_way;
    const Clock::time_point m_openedAt;
    std::mt19937_64 m_random;
    std::deque<RelayPiece> m_pieces;
    Clock::time_point m_lastDue;
    qint64 m_buffered = 0;
    qint64 m_weight = 0;
    quint64 m_bytesIn = 0;
    quint64 m_dropped = 0;
    bool m_ended = false;
    bool m_backMergeable = false;   // the last piece is unshaped Data: bytes due now may join it
    // The token bucket (GCRA): when the bytes sent so far would have left at exactly the rate.
    std::optional<Clock::time_point> m_theoreticalArrival;
    // The stall: armed again whenever its settings change (live), fired at most once per arming.
    std::optional<RelayImpairments::Stall> m_stallSeen;
    quint64 m_stallFrom = 0;         // bytesIn when it was armed
    Clock::time_point m_stallArmedAt;
    bool m_stallFired = false;
    Clock::time_point m_stallUntil;
};

// "5 pieces of 1 byte", "103 ms": the details the log shows, translated.
QString relayMillisecondsText(qint64 ms);

} // namespace socketeer
