#include "udpimpairer.h"

#include "net/limits.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::UdpRelay)
};

qint64 weight(const QByteArray &data)
{
    return data.size() + limits::kDatagramOverheadBytes;
}

QString milliseconds(std::chrono::microseconds delay)
{
    return Text::tr("%1 ms").arg(static_cast<double>(delay.count()) / 1000.0, 0, 'f', 1);
}

} // namespace

bool UdpImpairer::chance(double percent, RelayDirection direction)
{
    if (percent <= 0 || !appliesTo(direction, m_way))
        return false;
    if (percent >= 100)
        return true;
    return std::uniform_real_distribution<double>(0.0, 100.0)(m_random) < percent;
}

bool UdpImpairer::chance(const RelayImpairments::Chance &chance)
{
    return this->chance(chance.percent, chance.direction);
}

bool UdpImpairer::idle() const
{
    const RelayImpairments &i = m_impairments;
    const auto on = [this](double percent, RelayDirection direction) { return percent > 0 && appliesTo(direction, m_way); };
    return m_held.empty() && !on(i.drop.percent, i.drop.direction) && !on(i.duplicate.percent, i.duplicate.direction)
        && !on(i.corrupt.percent, i.corrupt.direction) && !on(i.truncate.percent, i.truncate.direction)
        && !on(i.reorder.percent, i.reorder.direction) && !on(i.latency.ms + i.latency.jitterMs, i.latency.direction)
        && !on(static_cast<double>(i.bandwidth.bytesPerSecond), i.bandwidth.direction);
}

UdpImpairer::Outcome UdpImpairer::arrive(QByteArray data, Clock::time_point now)
{
    Outcome outcome;
    const qsizetype size = data.size();
    if (chance(m_impairments.drop)) {
        outcome.notes.push_back({RelayAction::Dropped, Text::tr("datagram of %n byte(s)", nullptr, static_cast<int>(size)), data});
        return outcome;
    }
    if (size > 0 && chance(m_impairments.corrupt)) {
        const auto bit = std::uniform_int_distribution<qsizetype>(0, size * 8 - 1)(m_random);
        data[bit / 8] = static_cast<char>(data[bit / 8] ^ (1 << (bit % 8)));
        outcome.notes.push_back({RelayAction::Corrupted, Text::tr("bit %1 of byte %2 flipped").arg(bit % 8).arg(bit / 8), data});
    }
    if (size > 0 && chance(m_impairments.truncate)) {
        const auto kept = std::uniform_int_distribution<qsizetype>(0, size - 1)(m_random);
        data.truncate(kept);
        outcome.notes.push_back({RelayAction::Truncated, Text::tr("%1 of %2 bytes kept").arg(kept).arg(size), data});
    }
    int copies = 1;
    if (chance(m_impairments.duplicate)) {
        copies = 2;
        outcome.notes.push_back({RelayAction::Duplicated, Text::tr("datagram of %n byte(s) sent twice", nullptr, static_cast<int>(data.size())), data});
    }
    if (chance(m_impairments.reorder.percent, m_impairments.reorder.direction)) {
        const int gap = std::max(1, m_impairments.reorder.gap);
        outcome.notes.push_back({RelayAction::Reordered, Text::tr("held back behind %n datagram(s)", nullptr, gap), data});
        m_heldBytes += weight(data) * copies;
        m_held.push_back({std::move(data), copies, gap, now + limits::kUdpRelayReorderHold});
        return outcome;
    }
    schedule(data, copies, now, outcome);
    // Every copy that passed is a later datagram for those held back before it.
    std::deque<Held> stillHeld;
    std::vector<Held> due;
    for (Held &held : m_held) {
        held.remaining -= copies;
        if (held.remaining <= 0)
            due.push_back(std::move(held));
        else
            stillHeld.push_back(std::move(held));
    }
    m_held.swap(stillHeld);
    for (Held &held : due)
        release(std::move(held), now, outcome);
    return outcome;
}

UdpImpairer::Outcome UdpImpairer::expire(Clock::time_point now)
{
    Outcome outcome;
    while (!m_held.empty() && m_held.front().deadline <= now) {
        Held held = std::move(m_held.front());
        m_held.pop_front();
        release(std::move(held), now, outcome);
    }
    return outcome;
}

std::optional<UdpImpairer::Clock::time_point> UdpImpairer::nextExpiry() const
{
    if (m_held.empty())
        return std::nullopt;
    return m_held.front().deadline;   // held in order, all with the same hold
}

void UdpImpairer::release(Held held, Clock::time_point now, Outcome &outcome)
{
    m_heldBytes -= weight(held.data) * held.copies;
    schedule(std::move(held.data), held.copies, now, outcome);
}

void UdpImpairer::schedule(QByteArray data, int copies, Clock::time_point now, Outcome &outcome)
{
    using std::chrono::microseconds;
    const RelayImpairments::Bandwidth &bandwidth = m_impairments.bandwidth;
    const RelayImpairments::Latency &latency = m_impairments.latency;
    const microseconds maxDelay = std::chrono::milliseconds(limits::kRelayMaxDelayMs);
    for (int copy = 0; copy < copies; ++copy) {
        microseconds wait{0};
        if (bandwidth.bytesPerSecond > 0 && appliesTo(bandwidth.direction, m_way)) {
            const double rate = static_cast<double>(bandwidth.bytesPerSecond);
            const double burst = static_cast<double>(bandwidth.burstBytes > 0 ? bandwidth.burstBytes : data.size());
            if (!m_tokensAt) {
                m_tokens = burst;
                m_tokensAt = now;
            }
            const double elapsed = std::chrono::duration<double>(now - *m_tokensAt).count();
            m_tokens = std::min(burst, m_tokens + std::max(0.0, elapsed) * rate);
            m_tokensAt = std::max(*m_tokensAt, now);
            m_tokens -= static_cast<double>(data.size());
            if (m_tokens < 0) {
                wait = std::min(maxDelay, microseconds(static_cast<qint64>(std::ceil(-m_tokens / rate * 1e6))));
                outcome.notes.push_back({RelayAction::Throttled, milliseconds(wait), data});
            }
        } else {
            m_tokensAt.reset();   // a limit switched on later starts with a full bucket
        }
        microseconds delay{0};
        if ((latency.ms > 0 || latency.jitterMs > 0) && appliesTo(latency.direction, m_way)) {
            double ms = latency.ms;
            if (latency.jitterMs > 0) {
                if (latency.distribution == RelayImpairments::Latency::Distribution::Normal)
                    ms = std::normal_distribution<double>(latency.ms, latency.jitterMs)(m_random);
                else
                    ms = std::uniform_real_distribution<double>(latency.ms - latency.jitterMs, latency.ms + latency.jitterMs)(m_random);
            }
            delay = std::clamp(microseconds(static_cast<qint64>(std::llround(ms * 1000.0))), microseconds{0}, maxDelay);
            outcome.notes.push_back({RelayAction::Delayed, milliseconds(delay), data});
        }
        outcome.released.push_back({data, now + std::min(maxDelay, wait + delay)});
    }
}

} // namespace socketeer
