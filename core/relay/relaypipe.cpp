#include "relaypipe.h"

#include "net/limits.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace socketeer {

namespace {

using Clock = RelayPipe::Clock;

// The details of the log, under the front end's context (one place for the translators).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Relay)
};

constexpr qsizetype kMaxPieceBytes = limits::kReadChunkBytes;
// Bytes due now are merged into the last piece up to this size (a send() of this much at once).
constexpr qsizetype kMaxMergedBytes = 4 * kMaxPieceBytes;

Clock::duration fromMs(qint64 ms) { return std::chrono::milliseconds(ms); }

qint64 clampDelayMs(qint64 ms) { return std::clamp<qint64>(ms, 0, limits::kRelayMaxDelayMs); }

qint64 roundedMs(Clock::duration duration)
{
    return std::chrono::round<std::chrono::milliseconds>(duration).count();
}

} // namespace

QString relayMillisecondsText(qint64 ms)
{
    return Text::tr("%1 ms").arg(ms);
}

RelayPipe::RelayPipe(RelayDirection way, Clock::time_point openedAt, std::uint64_t seed)
    : m_way(way), m_openedAt(openedAt), m_random(seed), m_lastDue(openedAt)
{
}

std::optional<Clock::time_point> RelayPipe::nextDue() const
{
    if (m_pieces.empty())
        return std::nullopt;
    return m_pieces.front().due;
}

void RelayPipe::consumeFront(qsizetype count)
{
    RelayPiece &piece = m_pieces.front();
    const qsizetype sent = std::min(count, piece.bytes.size());
    m_buffered -= sent;
    m_weight -= sent;
    if (sent < piece.bytes.size()) {
        piece.bytes.remove(0, sent);
        return;
    }
    m_weight -= kPieceOverheadBytes;
    m_pieces.pop_front();
    if (m_pieces.empty())
        m_backMergeable = false;
}

void RelayPipe::popFront()
{
    consumeFront(m_pieces.front().bytes.size());
}

void RelayPipe::discardAll()
{
    m_pieces.clear();
    m_backMergeable = false;
    m_buffered = 0;
    m_weight = 0;
    m_ended = true;
}

void RelayPipe::append(RelayPiece::Kind kind, QByteArray bytes, Clock::time_point due)
{
    due = std::max(due, m_lastDue);   // nothing overtakes what was queued before it
    m_lastDue = due;
    m_buffered += bytes.size();
    m_weight += bytes.size() + kPieceOverheadBytes;
    m_pieces.push_back({kind, std::move(bytes), due});
    m_backMergeable = false;
}

qsizetype RelayPipe::room(const RelayImpairments &impairments, qint64 limit) const
{
    const qint64 free = limit - m_weight;
    if (free <= 0)
        return 0;
    qint64 piece = kMaxPieceBytes;
    if (impairments.slicer.bytes > 0 && appliesTo(impairments.slicer.direction, m_way))
        piece = std::max(1, impairments.slicer.bytes - std::max(0, impairments.slicer.variation));
    else if (impairments.bandwidth.bytesPerSecond > 0 && appliesTo(impairments.bandwidth.direction, m_way))
        piece = impairments.bandwidth.burstBytes > 0 ? impairments.bandwidth.burstBytes : impairments.bandwidth.bytesPerSecond / 50;
    piece = std::clamp<qint64>(piece, 1, kMaxPieceBytes);
    return static_cast<qsizetype>(std::max<qint64>(1, free * piece / (piece + kPieceOverheadBytes)));
}

// The earliest cut by byte count that applies this way; a reset wins a tie (it says most).
std::optional<RelayPipe::Cut> RelayPipe::nextCut(const RelayImpairments &impairments) const
{
    std::optional<Cut> cut;
    auto consider = [&](RelayPiece::Kind kind, qint64 after, RelayDirection direction) {
        if (after < 0 || !appliesTo(direction, m_way))
            return;
        if (!cut || after < cut->after)
            cut = Cut{kind, after};
    };
    consider(RelayPiece::Kind::Reset, impairments.reset.afterBytes, impairments.reset.direction);
    consider(RelayPiece::Kind::Limit, impairments.limit.bytes, impairments.limit.direction);
    consider(RelayPiece::Kind::HalfClose, impairments.halfClose.afterBytes, impairments.halfClose.direction);
    return cut;
}

void RelayPipe::push(QByteArrayView bytes, Clock::time_point now, const RelayImpairments &impairments,
                     std::vector<RelayActed> &acted)
{
    if (m_ended) {
        m_dropped += static_cast<quint64>(bytes.size());
        return;
    }
    // Exactly N bytes pass, then the cut: the rest of this chunk (and all after it) is dropped.
    const std::optional<Cut> cut = nextCut(impairments);
    bool cutNow = false;
    if (cut) {
        const qint64 room = std::max<qint64>(0, cut->after - static_cast<qint64>(m_bytesIn));
        if (room <= bytes.size()) {
            m_dropped += static_cast<quint64>(bytes.size() - room);
            bytes = bytes.first(room);
            cutNow = true;
        }
    }
    QByteArrayView stalled;
    const Clock::time_point base = stallBase(bytes, now, impairments, acted, stalled);
    schedule(bytes, base, now, impairments, acted);
    schedule(stalled, std::max(now, m_stallUntil), now, impairments, acted);
    m_bytesIn += static_cast<quint64>(bytes.size() + stalled.size());
    if (cutNow) {
        append(cut->kind, {}, m_lastDue);
        m_ended = true;
    }
}

// Splits off the bytes a stall that starts within this chunk holds (into `stalled`) and says when
// the rest may leave at the earliest.
Clock::time_point RelayPipe::stallBase(QByteArrayView &bytes, Clock::time_point now, const RelayImpairments &impairments,
                                       std::vector<RelayActed> &acted, QByteArrayView &stalled)
{
    const RelayImpairments::Stall &stall = impairments.stall;
    const bool on = stall.ms > 0 && appliesTo(stall.direction, m_way);
    if (!on) {
        m_stallSeen.reset();
        return std::max(now, m_stallUntil);
    }
    if (!m_stallSeen || !(*m_stallSeen == stall)) {
        // New settings (or the first chunk): armed from here, or from the opening when no byte
        // has passed yet, so "stall 2 s" holds a new connection's first 2 s.
        m_stallSeen = stall;
        m_stallFrom = m_bytesIn;
        m_stallArmedAt = m_bytesIn == 0 ? m_openedAt : now;
        m_stallFired = false;
    }
    if (!m_stallFired) {
        const qint64 toGo = static_cast<qint64>(m_stallFrom) + std::max<qint64>(0, stall.afterBytes) - static_cast<qint64>(m_bytesIn);
        if (toGo <= bytes.size()) {
            const qint64 split = std::max<qint64>(0, toGo);
            m_stallFired = true;
            const Clock::time_point start = stall.afterBytes <= 0 ? m_stallArmedAt : now;
            m_stallUntil = start + fromMs(clampDelayMs(stall.ms));
            stalled = bytes.sliced(split);
            bytes = bytes.first(split);
            if (m_stallUntil > now)
                acted.push_back({RelayAction::Stalled, relayMillisecondsText(roundedMs(m_stallUntil - now)), "stall"});
            return now;   // the bytes before the stall go as usual
        }
    }
    return std::max(now, m_stallUntil);
}

Clock::duration RelayPipe::latency(const RelayImpairments &impairments, std::vector<RelayActed> &acted, bool report)
{
    const RelayImpairments::Latency &latency = impairments.latency;
    if ((latency.ms <= 0 && latency.jitterMs <= 0) || !appliesTo(latency.direction, m_way))
        return {};
    double offset = 0;
    if (latency.jitterMs > 0) {
        if (latency.distribution == RelayImpairments::Latency::Distribution::Normal)
            offset = std::normal_distribution<double>(0.0, latency.jitterMs)(m_random);
        else
            offset = static_cast<double>(std::uniform_int_distribution<int>(-latency.jitterMs, latency.jitterMs)(m_random));
    }
    // Microseconds, so a normal draw is not rounded to whole milliseconds.
    const double us = std::clamp((latency.ms + offset) * 1000.0, 0.0, limits::kRelayMaxDelayMs * 1000.0);
    const auto delay = std::chrono::microseconds(std::llround(us));
    if (report)
        acted.push_back({RelayAction::Delayed, relayMillisecondsText(roundedMs(delay)), "delay"});
    return delay;
}

// The generic cell rate algorithm: a piece leaves when the bucket holds its bytes; burstBytes may
// leave at once after a quiet spell.
Clock::time_point RelayPipe::throttle(qsizetype bytes, Clock::time_point ready, const RelayImpairments::Bandwidth &bandwidth)
{
    const double rate = static_cast<double>(bandwidth.bytesPerSecond);
    const auto cost = std::chrono::nanoseconds(std::llround(static_cast<double>(bytes) * 1e9 / rate));
    const auto tolerance = std::chrono::nanoseconds(std::llround(static_cast<double>(std::max<qint64>(0, bandwidth.burstBytes)) * 1e9 / rate));
    Clock::time_point arrival = m_theoreticalArrival.value_or(ready);
    const Clock::time_point leave = std::max(ready, arrival - tolerance);
    m_theoreticalArrival = std::max(arrival, leave) + cost;
    return leave;
}

void RelayPipe::schedule(QByteArrayView bytes, Clock::time_point base, Clock::time_point now,
                         const RelayImpairments &impairments, std::vector<RelayActed> &acted)
{
    if (bytes.isEmpty())
        return;
    const Clock::time_point ready = std::max(base + latency(impairments, acted, true), m_lastDue);
    const RelayImpairments::Slicer &slicer = impairments.slicer;
    const RelayImpairments::Bandwidth &bandwidth = impairments.bandwidth;
    const bool slicing = slicer.bytes > 0 && appliesTo(slicer.direction, m_way);
    const bool throttling = bandwidth.bytesPerSecond > 0 && appliesTo(bandwidth.direction, m_way);
    const bool mergeable = !slicing && !throttling;
    // Unsliced, a throttled chunk still goes in small pieces (a fiftieth of a second's worth, or
    // the burst), so the rate is smooth rather than a whole chunk and then a long pause.
    qsizetype quantum = kMaxPieceBytes;
    if (throttling) {
        const qint64 wanted = bandwidth.burstBytes > 0 ? bandwidth.burstBytes : bandwidth.bytesPerSecond / 50;
        quantum = static_cast<qsizetype>(std::clamp<qint64>(wanted, 1, kMaxPieceBytes));
    }
    const auto gap = std::chrono::microseconds(std::clamp<qint64>(slicer.delayUs, 0, qint64(limits::kRelayMaxDelayMs) * 1000));
    Clock::time_point at = ready;
    Clock::duration waited{};
    int pieces = 0;
    qsizetype smallest = bytes.size(), largest = 0;
    while (!bytes.isEmpty()) {
        qsizetype size = quantum;
        if (slicing) {
            const int variation = std::max(0, slicer.variation);
            const int drawn = variation > 0 ? std::uniform_int_distribution<int>(-variation, variation)(m_random) : 0;
            size = std::clamp<qsizetype>(slicer.bytes + drawn, 1, kMaxPieceBytes);
        }
        size = std::min(size, bytes.size());
        if (pieces > 0 && slicing)
            at += gap;
        Clock::time_point due = std::max(at, m_lastDue);
        if (throttling) {
            const Clock::time_point leave = throttle(size, due, bandwidth);
            waited += leave - due;
            due = leave;
        }
        if (mergeable && due <= now && m_backMergeable && m_pieces.back().bytes.size() + size <= kMaxMergedBytes) {
            // Both may leave now: one send() instead of two. Without this a pipe near its bound
            // reads small chunks (as much as there is room for) and sends each on its own.
            m_pieces.back().bytes.append(bytes.first(size));
            m_buffered += size;
            m_weight += size;
            m_lastDue = std::max(m_lastDue, due);
        } else {
            append(RelayPiece::Kind::Data, bytes.first(size).toByteArray(), due);
            m_backMergeable = mergeable;   // a slicer's or a throttle's piece keeps its size
        }
        at = due;
        smallest = std::min(smallest, size);
        largest = std::max(largest, size);
        ++pieces;
        bytes = bytes.sliced(size);
    }
    if (slicing) {
        const QString detail = smallest == largest
            ? (smallest == 1 ? Text::tr("%n piece(s) of 1 byte", nullptr, pieces)
                             : Text::tr("%n piece(s) of %1 bytes", nullptr, pieces).arg(smallest))
            : Text::tr("%n piece(s) of %1 to %2 bytes", nullptr, pieces).arg(smallest).arg(largest);
        acted.push_back({RelayAction::Sliced, detail, "slice"});
    }
    if (throttling && roundedMs(waited) > 0)
        acted.push_back({RelayAction::Throttled, relayMillisecondsText(roundedMs(waited)), "throttle"});
}

void RelayPipe::pushFin(Clock::time_point now, const RelayImpairments &impairments, std::vector<RelayActed> &acted)
{
    if (m_ended)
        return;
    m_ended = true;
    // A FIN travels like a chunk: delayed as much, held by a stall, and after every byte before it.
    Clock::time_point due = std::max(now, m_stallUntil) + latency(impairments, acted, false);
    const RelayImpairments::SlowClose &slow = impairments.slowClose;
    if (slow.ms > 0 && appliesTo(slow.direction, m_way)) {
        due += fromMs(clampDelayMs(slow.ms));
        acted.push_back({RelayAction::HeldClose, relayMillisecondsText(clampDelayMs(slow.ms)), "holdfin"});
    }
    append(RelayPiece::Kind::Fin, {}, due);
}

} // namespace socketeer
