// The UDP relay's impairment decisions for one direction, without sockets: what leaves, when, and
// which impairment said so. The PRNG is seeded here so a failure can be replayed; the statistical
// checks use bounds (±5σ), not one seed's exact figures.

#include "relay/udpimpairer.h"

#include "net/limits.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>

using namespace socketeer;
using namespace std::chrono_literals;
using Clock = UdpImpairer::Clock;

namespace {

int countNotes(const UdpImpairer::Outcome &outcome, RelayAction action)
{
    return static_cast<int>(std::count_if(outcome.notes.begin(), outcome.notes.end(),
                                          [action](const UdpImpairer::Note &note) { return note.action == action; }));
}

int bitsDiffering(const QByteArray &a, const QByteArray &b)
{
    int bits = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        bits += std::popcount(static_cast<unsigned>(static_cast<quint8>(a[i] ^ b[i])));
    return bits;
}

} // namespace

class TestUdpImpairer : public QObject {
    Q_OBJECT

private:
    std::mt19937_64 m_random{20261205};

private slots:
    void impairments_compareMemberByMember()
    {
        // The front end sends only a change; clang 14 deleted the defaulted == while the nested
        // structs had none of their own.
        RelayImpairments a;
        RelayImpairments b;
        QVERIFY(a == b);
        b.reorder.gap = 3;
        QVERIFY(!(a == b));
        b = a;
        b.latency.direction = RelayDirection::Down;
        QVERIFY(!(a == b));
    }

    void nothingSwitchedOn_passesAtOnce()
    {
        UdpImpairer up(RelayDirection::Up, m_random);
        QVERIFY(up.idle());
        const auto now = Clock::now();
        const auto outcome = up.arrive("hello", now);
        QCOMPARE(outcome.released.size(), 1u);
        QCOMPARE(outcome.released[0].data, QByteArray("hello"));
        QVERIFY(outcome.released[0].due == now);
        QVERIFY(outcome.notes.empty());
    }

    void drop_actsOnlyInItsDirection()
    {
        RelayImpairments impairments;
        impairments.drop = {100, RelayDirection::Up};
        UdpImpairer up(RelayDirection::Up, m_random);
        UdpImpairer down(RelayDirection::Down, m_random);
        up.setImpairments(impairments);
        down.setImpairments(impairments);
        QVERIFY(!up.idle());
        QVERIFY(down.idle());
        const auto now = Clock::now();
        const auto dropped = up.arrive("abc", now);
        QVERIFY(dropped.released.empty());
        QCOMPARE(countNotes(dropped, RelayAction::Dropped), 1);
        QVERIFY(dropped.notes[0].detail.contains(u'3'));
        QCOMPARE(down.arrive("abc", now).released.size(), 1u);
    }

    void drop_tenPercentLandsWithinBinomialBounds()
    {
        RelayImpairments impairments;
        impairments.drop.percent = 10;
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const int n = 10000;
        int dropped = 0;
        for (int i = 0; i < n; ++i)
            dropped += up.arrive("x", Clock::now()).released.empty() ? 1 : 0;
        const double sigma = std::sqrt(n * 0.1 * 0.9);
        QVERIFY2(std::abs(dropped - n * 0.1) <= 5 * sigma, qPrintable(QString::number(dropped)));
    }

    void corrupt_flipsExactlyOneBit()
    {
        RelayImpairments impairments;
        impairments.corrupt.percent = 100;
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const QByteArray original(100, 'a');
        for (int i = 0; i < 200; ++i) {
            const auto outcome = up.arrive(original, Clock::now());
            QCOMPARE(outcome.released.size(), 1u);
            QCOMPARE(outcome.released[0].data.size(), original.size());
            QCOMPARE(bitsDiffering(outcome.released[0].data, original), 1);
            QCOMPARE(countNotes(outcome, RelayAction::Corrupted), 1);
        }
        // An empty datagram has no bit to flip: it passes as it is.
        QCOMPARE(up.arrive(QByteArray(), Clock::now()).released[0].data, QByteArray());
    }

    void truncate_keepsAShorterPrefix()
    {
        RelayImpairments impairments;
        impairments.truncate.percent = 100;
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const QByteArray original("0123456789");
        for (int i = 0; i < 200; ++i) {
            const QByteArray out = up.arrive(original, Clock::now()).released.at(0).data;
            QVERIFY(out.size() < original.size());
            QVERIFY(original.startsWith(out));
        }
    }

    void duplicate_sendsTwoCopies()
    {
        RelayImpairments impairments;
        impairments.duplicate = {100, RelayDirection::Down};
        UdpImpairer down(RelayDirection::Down, m_random);
        down.setImpairments(impairments);
        const auto outcome = down.arrive("twice", Clock::now());
        QCOMPARE(outcome.released.size(), 2u);
        QCOMPARE(outcome.released[0].data, QByteArray("twice"));
        QCOMPARE(outcome.released[1].data, QByteArray("twice"));
        QCOMPARE(countNotes(outcome, RelayAction::Duplicated), 1);
    }

    void reorder_holdsBackBehindGapLaterDatagrams()
    {
        RelayImpairments impairments;
        impairments.reorder = {100, 2, RelayDirection::Both};
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const auto now = Clock::now();
        const auto held = up.arrive("A", now);
        QVERIFY(held.released.empty());
        QCOMPARE(countNotes(held, RelayAction::Reordered), 1);
        QCOMPARE(up.heldBytes(), 1 + limits::kDatagramOverheadBytes);
        impairments.reorder.percent = 0;   // live: the ones already held stay held
        up.setImpairments(impairments);
        const auto b = up.arrive("B", now);
        QCOMPARE(b.released.size(), 1u);
        QCOMPARE(b.released[0].data, QByteArray("B"));
        const auto c = up.arrive("C", now);
        QCOMPARE(c.released.size(), 2u);
        QCOMPARE(c.released[0].data, QByteArray("C"));
        QCOMPARE(c.released[1].data, QByteArray("A"));   // after the second later one
        QCOMPARE(up.heldBytes(), 0);
        QVERIFY(!up.nextExpiry());
    }

    void reorder_releasesTheLastOnesAfterTheHold()
    {
        RelayImpairments impairments;
        impairments.reorder = {100, 5, RelayDirection::Both};
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const auto now = Clock::now();
        QVERIFY(up.arrive("last", now).released.empty());
        QVERIFY(up.nextExpiry() == now + limits::kUdpRelayReorderHold);
        QVERIFY(up.expire(now + limits::kUdpRelayReorderHold - 1us).released.empty());
        const auto expired = up.expire(now + limits::kUdpRelayReorderHold);
        QCOMPARE(expired.released.size(), 1u);
        QCOMPARE(expired.released[0].data, QByteArray("last"));
    }

    void latency_delaysByMsPlusMinusJitter_data()
    {
        QTest::addColumn<int>("ms");
        QTest::addColumn<int>("jitter");
        QTest::addColumn<bool>("normal");
        QTest::newRow("fixed") << 100 << 0 << false;
        QTest::newRow("uniform") << 100 << 20 << false;
        QTest::newRow("normal, clamped at 0") << 5 << 50 << true;
    }
    void latency_delaysByMsPlusMinusJitter()
    {
        QFETCH(int, ms);
        QFETCH(int, jitter);
        QFETCH(bool, normal);
        RelayImpairments impairments;
        impairments.latency.ms = ms;
        impairments.latency.jitterMs = jitter;
        impairments.latency.distribution =
            normal ? RelayImpairments::Latency::Distribution::Normal : RelayImpairments::Latency::Distribution::Uniform;
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const auto now = Clock::now();
        double sum = 0;
        const int n = 2000;
        for (int i = 0; i < n; ++i) {
            const auto outcome = up.arrive("d", now);
            QCOMPARE(countNotes(outcome, RelayAction::Delayed), 1);
            const auto delay = outcome.released.at(0).due - now;
            QVERIFY(delay >= 0us);
            if (!normal) {
                QVERIFY(delay >= std::chrono::milliseconds(ms - jitter));
                QVERIFY(delay <= std::chrono::milliseconds(ms + jitter));
            }
            sum += std::chrono::duration<double, std::milli>(delay).count();
        }
        if (!normal)   // uniform: the mean within 5σ of ms (σ of a mean of n: jitter/√(3n))
            QVERIFY(std::abs(sum / n - ms) <= 5 * jitter / std::sqrt(3.0 * n) + 0.001);
    }

    void bandwidth_queuesBeyondTheBurst()
    {
        RelayImpairments impairments;
        impairments.bandwidth = {1000, 100, RelayDirection::Both};   // 1000 B/s, 100 B at once
        UdpImpairer up(RelayDirection::Up, m_random);
        up.setImpairments(impairments);
        const auto now = Clock::now();
        const auto first = up.arrive(QByteArray(100, 'a'), now);
        QVERIFY(first.released.at(0).due == now);
        QCOMPARE(countNotes(first, RelayAction::Throttled), 0);
        const auto second = up.arrive(QByteArray(100, 'b'), now);
        QVERIFY(second.released.at(0).due == now + 100ms);   // 100 bytes at 1000 B/s
        QCOMPARE(countNotes(second, RelayAction::Throttled), 1);
        const auto third = up.arrive(QByteArray(50, 'c'), now + 100ms);
        // Behind the second (to the microsecond the wait is rounded up to).
        QVERIFY(third.released.at(0).due >= now + 150ms && third.released.at(0).due <= now + 150ms + 1us);
    }
};

QTEST_GUILESS_MAIN(TestUdpImpairer)
#include "tst_udpimpairer.moc"
