// One direction of the TCP relay without sockets: how the impairments cut and time the pieces
// (core/relay/relaypipe.h). Times are the pipe's own arithmetic here, so they are checked exactly.

#include "relay/relaypipe.h"

#include <QTest>

using namespace socketeer;
using namespace std::chrono_literals;
using Clock = RelayPipe::Clock;

namespace {

const Clock::time_point t0 = Clock::time_point(1000s);

struct Drained {
    QByteArray bytes;
    QList<qsizetype> sizes;
    QList<Clock::time_point> dues;
    QList<RelayPiece::Kind> kinds;
};

// Takes everything out of the pipe, in order.
Drained drain(RelayPipe &pipe)
{
    Drained out;
    while (RelayPiece *piece = pipe.front()) {
        out.kinds.append(piece->kind);
        out.dues.append(piece->due);
        if (piece->kind == RelayPiece::Kind::Data) {
            out.bytes += piece->bytes;
            out.sizes.append(piece->bytes.size());
        }
        pipe.popFront();
    }
    return out;
}

bool nonDecreasing(const QList<Clock::time_point> &dues)
{
    return std::is_sorted(dues.begin(), dues.end());
}

QByteArray numbered(int size)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[i] = static_cast<char>(i * 7 + i / 256);
    return bytes;
}

} // namespace

class TestRelayPipe : public QObject {
    Q_OBJECT

private slots:
    void plain_oneSendPerChunkAtOnce()
    {
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("hello", t0 + 5ms, {}, acted);
        QVERIFY(acted.empty());
        QCOMPARE(pipe.bufferedBytes(), 5);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes, QByteArray("hello"));
        QCOMPARE(out.dues, QList<Clock::time_point>{t0 + 5ms});
        QCOMPARE(pipe.bufferedBytes(), 0);
    }

    // Unimpaired bytes that may leave now join the last piece waiting: one send() for them all
    // (a pipe near its bound reads small chunks; sent one by one they cost a system call each).
    // Up to four chunks' worth; a piece that must wait, or a slicer's, is never merged.
    void plain_chunksDueNowShareOneSend()
    {
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("ab", t0, {}, acted);
        pipe.push("cd", t0 + 1ms, {}, acted);
        pipe.push("ef", t0 + 2ms, {}, acted);
        QCOMPARE(pipe.bufferedBytes(), 6);
        QCOMPARE(pipe.weight(), 6 + RelayPipe::kPieceOverheadBytes);
        Drained out = drain(pipe);
        QCOMPARE(out.sizes, QList<qsizetype>{6});
        QCOMPARE(out.bytes, QByteArray("abcdef"));

        const QByteArray chunk = numbered(64 * 1024);
        for (int i = 0; i < 5; ++i)
            pipe.push(chunk, t0 + 3ms, {}, acted);
        out = drain(pipe);
        QCOMPARE(out.sizes, (QList<qsizetype>{4 * chunk.size(), chunk.size()}));
        QCOMPARE(out.bytes, chunk.repeated(5));

        RelayImpairments sliced;
        sliced.slicer.bytes = 2;
        pipe.push("ghij", t0 + 4ms, sliced, acted);
        pipe.push("kl", t0 + 5ms, {}, acted);   // after a slicer's pieces: its own send
        out = drain(pipe);
        QCOMPARE(out.sizes, (QList<qsizetype>{2, 2, 2}));
        QCOMPARE(out.bytes, QByteArray("ghijkl"));
    }

    // Jitter as large as the latency, normal or uniform: the due times never go backwards, so no
    // byte overtakes another, and no delay is negative.
    void latency_jitterNeverReorders_data()
    {
        QTest::addColumn<int>("distribution");
        QTest::newRow("uniform") << int(RelayImpairments::Latency::Distribution::Uniform);
        QTest::newRow("normal") << int(RelayImpairments::Latency::Distribution::Normal);
    }
    void latency_jitterNeverReorders()
    {
        QFETCH(int, distribution);
        RelayImpairments impairments;
        impairments.latency.ms = 50;
        impairments.latency.jitterMs = 50;
        impairments.latency.distribution = RelayImpairments::Latency::Distribution(distribution);
        RelayPipe pipe(RelayDirection::Down, t0, 42);
        std::vector<RelayActed> acted;
        QByteArray sent;
        for (int i = 0; i < 500; ++i) {
            const QByteArray chunk = QByteArray::number(i) + ',';
            sent += chunk;
            pipe.push(chunk, t0 + std::chrono::milliseconds(i), impairments, acted);
        }
        QCOMPARE(acted.size(), std::size_t(500));
        QCOMPARE(acted.front().action, RelayAction::Delayed);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes, sent);
        QVERIFY(nonDecreasing(out.dues));
        for (int i = 0; i < out.dues.size(); ++i)
            QVERIFY(out.dues[i] >= t0 + std::chrono::milliseconds(i));
    }

    // Latency for the other direction only: this one is not touched.
    void latency_otherDirectionOnly_leavesThisOneAlone()
    {
        RelayImpairments impairments;
        impairments.latency.ms = 100;
        impairments.latency.direction = RelayDirection::Down;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("x", t0, impairments, acted);
        QVERIFY(acted.empty());
        QCOMPARE(drain(pipe).dues, QList<Clock::time_point>{t0});
    }

    // Slices of 3 ± 1 bytes, 1 ms apart, every byte kept.
    void slicer_piecesWithinTheVariation()
    {
        RelayImpairments impairments;
        impairments.slicer.bytes = 3;
        impairments.slicer.variation = 1;
        impairments.slicer.delayUs = 1000;
        RelayPipe pipe(RelayDirection::Up, t0, 7);
        std::vector<RelayActed> acted;
        const QByteArray bytes = numbered(1000);
        pipe.push(bytes, t0, impairments, acted);
        QCOMPARE(acted.size(), std::size_t(1));
        QCOMPARE(acted.front().action, RelayAction::Sliced);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes, bytes);
        for (int i = 0; i + 1 < out.sizes.size(); ++i)   // the last may be what was left
            QVERIFY2(out.sizes[i] >= 2 && out.sizes[i] <= 4, qPrintable(QString::number(out.sizes[i])));
        for (int i = 1; i < out.dues.size(); ++i)
            QCOMPARE(out.dues[i] - out.dues[i - 1], Clock::duration(1ms));
    }

    // The token bucket: 1000 bytes/s, no burst: 100 bytes take 0.1 s, to the microsecond.
    void bandwidth_spacesThePiecesAtTheRate()
    {
        RelayImpairments impairments;
        impairments.bandwidth.bytesPerSecond = 1000;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push(QByteArray(100, 'b'), t0, impairments, acted);
        pipe.push(QByteArray(100, 'b'), t0, impairments, acted);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes.size(), 200);
        // A fiftieth of a second's worth per piece: 20 bytes, 20 ms apart.
        QCOMPARE(out.sizes, QList<qsizetype>(10, 20));
        for (int i = 0; i < out.dues.size(); ++i)
            QCOMPARE(out.dues[i], t0 + std::chrono::milliseconds(20 * i));
        QVERIFY(!acted.empty());
        QCOMPARE(acted.back().action, RelayAction::Throttled);
    }

    // A burst leaves at once after a quiet spell; beyond it the rate holds.
    void bandwidth_burstLeavesAtOnce()
    {
        RelayImpairments impairments;
        impairments.bandwidth.bytesPerSecond = 1000;
        impairments.bandwidth.burstBytes = 100;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push(QByteArray(300, 'b'), t0, impairments, acted);
        const Drained out = drain(pipe);
        QCOMPARE(out.sizes, (QList<qsizetype>{100, 100, 100}));
        QCOMPARE(out.dues[0], t0);
        QCOMPARE(out.dues[1], t0);
        QCOMPARE(out.dues[2], t0 + 100ms);
    }

    // Reset, limit and half-close after N bytes: exactly N pass, then the cut; later bytes (and a
    // FIN) are dropped and counted.
    void cuts_exactlyNBytesThenTheCut_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("kind");
        QTest::newRow("reset") << 0 << int(RelayPiece::Kind::Reset);
        QTest::newRow("limit") << 1 << int(RelayPiece::Kind::Limit);
        QTest::newRow("half-close") << 2 << int(RelayPiece::Kind::HalfClose);
    }
    void cuts_exactlyNBytesThenTheCut()
    {
        QFETCH(int, which);
        QFETCH(int, kind);
        RelayImpairments impairments;
        if (which == 0)
            impairments.reset.afterBytes = 13;
        else if (which == 1)
            impairments.limit.bytes = 13;
        else
            impairments.halfClose.afterBytes = 13;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("0123456789", t0, impairments, acted);
        QVERIFY(pipe.accepting());
        pipe.push("abcdefghij", t0 + 1ms, impairments, acted);
        QVERIFY(!pipe.accepting());
        pipe.push("more", t0 + 2ms, impairments, acted);
        pipe.pushFin(t0 + 3ms, impairments, acted);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes, QByteArray("0123456789abc"));
        QCOMPARE(out.kinds.constLast(), RelayPiece::Kind(kind));
        QCOMPARE(out.kinds.count(RelayPiece::Kind::Fin), 0);
        QCOMPARE(pipe.bytesIn(), quint64(13));
        QCOMPARE(pipe.bytesDropped(), quint64(7 + 4));
    }

    // A FIN leaves after what came before it, and a slow close holds it longer.
    void fin_afterTheBytesAndHeldBySlowClose()
    {
        RelayImpairments impairments;
        impairments.latency.ms = 100;
        impairments.slowClose.ms = 500;
        RelayPipe pipe(RelayDirection::Down, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("bye", t0, impairments, acted);
        pipe.pushFin(t0 + 1ms, impairments, acted);
        QCOMPARE(acted.back().action, RelayAction::HeldClose);
        const Drained out = drain(pipe);
        QCOMPARE(out.kinds, (QList<RelayPiece::Kind>{RelayPiece::Kind::Data, RelayPiece::Kind::Fin}));
        QCOMPARE(out.dues[0], t0 + 100ms);
        QCOMPARE(out.dues[1], t0 + 601ms);
    }

    // A stall after 4 bytes: those pass, the rest (and what follows within the stall) wait.
    void stall_afterBytesHoldsTheRest()
    {
        RelayImpairments impairments;
        impairments.stall.ms = 1000;
        impairments.stall.afterBytes = 4;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("abcdefgh", t0 + 10ms, impairments, acted);
        pipe.push("ij", t0 + 20ms, impairments, acted);
        pipe.push("kl", t0 + 2000ms, impairments, acted);
        QCOMPARE(acted.size(), std::size_t(1));
        QCOMPARE(acted.front().action, RelayAction::Stalled);
        const Drained out = drain(pipe);
        QCOMPARE(out.bytes, QByteArray("abcdefghijkl"));
        // "kl" arrives after the stall, due at once: it joins "ij", which is due already too.
        QCOMPARE(out.dues, (QList<Clock::time_point>{t0 + 10ms, t0 + 1010ms, t0 + 1010ms}));
        QCOMPARE(out.sizes, (QList<qsizetype>{4, 4, 4}));
    }

    // Changed live: the next chunk is delayed the new way, the one before is not moved.
    void liveChange_appliesFromTheNextChunk()
    {
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("a", t0, {}, acted);
        RelayImpairments slower;
        slower.latency.ms = 200;
        pipe.push("b", t0 + 1ms, slower, acted);
        const Drained out = drain(pipe);
        QCOMPARE(out.dues, (QList<Clock::time_point>{t0, t0 + 201ms}));
    }

    // Partly sent: the rest stays first in line and is counted.
    void consumeFront_keepsTheRest()
    {
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        std::vector<RelayActed> acted;
        pipe.push("abcdef", t0, {}, acted);
        pipe.consumeFront(4);
        QCOMPARE(pipe.bufferedBytes(), 2);
        QCOMPARE(pipe.front()->bytes, QByteArray("ef"));
        pipe.consumeFront(2);
        QVERIFY(pipe.empty());
    }

    // A piece costs its bytes and its overhead; room() says how much more may be read so that,
    // sliced to single bytes, the pipe stays within the bound.
    void weight_countsEachPiecesOverhead()
    {
        RelayImpairments impairments;
        impairments.slicer.bytes = 1;
        RelayPipe pipe(RelayDirection::Up, t0, 1);
        const qint64 limit = 64 * 1024;
        const qsizetype room = pipe.room(impairments, limit);
        QCOMPARE(room, qsizetype(limit / (1 + RelayPipe::kPieceOverheadBytes)));
        std::vector<RelayActed> acted;
        pipe.push(QByteArray(room, 's'), t0, impairments, acted);
        QCOMPARE(pipe.weight(), room * (1 + RelayPipe::kPieceOverheadBytes));
        QVERIFY(pipe.weight() <= limit);
        QVERIFY(pipe.room(impairments, limit) <= 1);
        pipe.consumeFront(1);
        QCOMPARE(pipe.weight(), (room - 1) * (1 + RelayPipe::kPieceOverheadBytes));
        // Unsliced, a chunk is one piece: room is nearly all bytes.
        RelayPipe plain(RelayDirection::Up, t0, 1);
        QVERIFY(plain.room({}, limit) > limit - 100);
    }
};

QTEST_GUILESS_MAIN(TestRelayPipe)
#include "tst_relaypipe.moc"
