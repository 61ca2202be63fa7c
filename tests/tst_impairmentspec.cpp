// The relay's impairment text (core/relay/impairmentspec.h): what the command line's options, the
// profiles and the panel's summary say. Every key parses into the field it names, every mistake is
// an error naming the key, and the canonical text gives back what it came from.

#include "relay/impairmentspec.h"

#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;

class TestImpairmentSpec : public QObject {
    Q_OBJECT

private slots:
    void everyKey_setsItsField()
    {
        auto parsed = parseImpairments(u"latency=100:20:normal bandwidth=1M:64K slice=1:0:20000 reset-after=1000 "
                                       u"reset-after=2s half-close=10@up limit=64K stall=500:100 slow-close=250@down "
                                       u"drop=5@up duplicate=1.5 corrupt=0.25% truncate=2 reorder=10:3@down");
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
        const RelayImpairments &i = *parsed;
        QCOMPARE(i.latency.ms, 100);
        QCOMPARE(i.latency.jitterMs, 20);
        QCOMPARE(i.latency.distribution, RelayImpairments::Latency::Distribution::Normal);
        QCOMPARE(i.bandwidth.bytesPerSecond, 1024 * 1024);
        QCOMPARE(i.bandwidth.burstBytes, 64 * 1024);
        QCOMPARE(i.slicer.bytes, 1);
        QCOMPARE(i.slicer.delayUs, 20000);
        QCOMPARE(i.reset.afterBytes, 1000);
        QCOMPARE(i.reset.afterMs, 2000);
        QCOMPARE(i.halfClose.afterBytes, 10);
        QCOMPARE(i.halfClose.direction, RelayDirection::Up);
        QCOMPARE(i.limit.bytes, 64 * 1024);
        QCOMPARE(i.stall.ms, 500);
        QCOMPARE(i.stall.afterBytes, 100);
        QCOMPARE(i.slowClose.direction, RelayDirection::Down);
        QCOMPARE(i.drop.percent, 5.0);
        QCOMPARE(i.drop.direction, RelayDirection::Up);
        QCOMPARE(i.duplicate.percent, 1.5);
        QCOMPARE(i.corrupt.percent, 0.25);
        QCOMPARE(i.truncate.percent, 2.0);
        QCOMPARE(i.reorder.percent, 10.0);
        QCOMPARE(i.reorder.gap, 3);
        QCOMPARE(i.reorder.direction, RelayDirection::Down);
        QVERIFY(i.any());

        auto again = parseImpairments(impairmentsToSpec(i));
        QVERIFY(again);
        QVERIFY(*again == i);
    }

    void defaultDirection_appliesWhereNoneIsWritten()
    {
        auto parsed = parseImpairments(u"latency=50 drop=5@both", RelayDirection::Down);
        QVERIFY(parsed);
        QCOMPARE(parsed->latency.direction, RelayDirection::Down);
        QCOMPARE(parsed->drop.direction, RelayDirection::Both);
        QCOMPARE(impairmentsToSpec(*parsed), QStringLiteral("latency=50:0@down drop=5"));
    }

    void both_isTheCanonicalTextsDefault()
    {
        // Found by fuzz_relayspec: "@both" under another default is written without a suffix, so
        // the canonical text is read back with "both" as the default, not the first reading's.
        auto parsed = parseImpairments(u"duplicate=0.5@both drop=3", RelayDirection::Up);
        QVERIFY(parsed);
        QCOMPARE(parsed->duplicate.direction, RelayDirection::Both);
        QCOMPARE(parsed->drop.direction, RelayDirection::Up);
        const QString canonical = impairmentsToSpec(*parsed);
        QCOMPARE(canonical, QStringLiteral("drop=3@up duplicate=0.5"));
        QVERIFY(*parseImpairments(canonical) == *parsed);
    }

    void nothing_isNothing()
    {
        auto parsed = parseImpairments(u"  ");
        QVERIFY(parsed);
        QVERIFY(!parsed->any());
        QCOMPARE(impairmentsToSpec(*parsed), QString());
        // Switched off is off, whichever direction it was given: nothing left to write down.
        auto off = parseImpairments(u"latency=0@up drop=0@down");
        QVERIFY(off);
        QVERIFY(!off->any());
        QVERIFY(*off == RelayImpairments{});
    }

    void mistakes_nameTheKey_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << "jitter=5" << "jitter";
        QTest::newRow("no value") << "latency=" << "latency";
        QTest::newRow("no equals") << "latency" << "KEY=VALUE";
        QTest::newRow("negative latency") << "latency=-5" << "latency";
        QTest::newRow("latency beyond a minute") << "latency=60000:1" << "latency";
        QTest::newRow("bad distribution") << "latency=5:1:poisson" << "poisson";
        QTest::newRow("too many fields") << "latency=1:2:normal:4" << "latency";
        QTest::newRow("percent over 100") << "drop=101" << "drop";
        QTest::newRow("percent nan") << "drop=nan" << "drop";
        QTest::newRow("bad direction") << "drop=5@sideways" << "sideways";
        QTest::newRow("bad size") << "limit=12Q" << "limit";
        QTest::newRow("signed size") << "limit=+12" << "limit";
        QTest::newRow("huge size") << "limit=99999999999999G" << "limit";
        QTest::newRow("variation not below piece") << "slice=4:4" << "slice";
        QTest::newRow("slice too big") << "slice=1000000" << "slice";
        QTest::newRow("reorder gap zero") << "reorder=5:0" << "reorder";
        QTest::newRow("reset time not a number") << "reset-after=xs" << "reset-after";
    }
    void mistakes_nameTheKey()
    {
        QFETCH(QString, spec);
        QFETCH(QString, mentions);
        auto parsed = parseImpairments(spec);
        QVERIFY2(!parsed, qPrintable(spec));
        QVERIFY2(parsed.error().detail.contains(mentions), qPrintable(parsed.error().detail));
    }

    void sizes_takeBinaryUnits()
    {
        QCOMPARE(*parseByteSize(u"1500"), 1500);
        QCOMPARE(*parseByteSize(u"64k"), 64 * 1024);
        QCOMPARE(*parseByteSize(u"2M"), 2 * 1024 * 1024);
        QCOMPARE(*parseByteSize(u"1G"), qint64(1) << 30);
        QVERIFY(!parseByteSize(u""));
        QVERIFY(!parseByteSize(u"K"));
        QVERIFY(!parseByteSize(u" 5"));
        QVERIFY(!parseByteSize(u"١٢"));   // Arabic-Indic digits are digits to Qt, not to a size
    }

    void applicability_tcpAndUdp()
    {
        auto parsed = parseImpairments(u"latency=10 slice=1 reset-after=5 drop=5 reorder=3:2");
        QVERIFY(parsed);
        QCOMPARE(inapplicableImpairments(*parsed, false), (QStringList{u"drop"_s, u"reorder"_s}));
        QCOMPARE(inapplicableImpairments(*parsed, true), (QStringList{u"slice"_s, u"reset-after"_s}));
        // What is left applies everywhere it is used, and latency stays for both.
        QCOMPARE(impairmentsToSpec(applicableImpairments(*parsed, false)), u"latency=10:0 slice=1:0:0 reset-after=5"_s);
        QCOMPARE(impairmentsToSpec(applicableImpairments(*parsed, true)), u"latency=10:0 drop=5 reorder=3:2"_s);
        QVERIFY(inapplicableImpairments(applicableImpairments(*parsed, true), true).isEmpty());
    }

    void profiles_parseAndAreFoundById()
    {
        const QList<RelayProfile> profiles = builtinRelayProfiles();
        QVERIFY(profiles.size() >= 4);
        for (const RelayProfile &profile : profiles) {
            auto parsed = parseImpairments(profile.spec);
            QVERIFY2(parsed, qPrintable(profile.id));
            QVERIFY(parsed->any());
            QVERIFY(!profile.name.isEmpty());
            const RelayProfile *found = findBuiltinRelayProfile(profile.id.toUpper());
            QVERIFY(found);
            QCOMPARE(found->spec, profile.spec);
        }
        QCOMPARE(parseImpairments(findBuiltinRelayProfile(u"lossy-udp")->spec)->drop.percent, 5.0);
        QVERIFY(!findBuiltinRelayProfile(u"dial-up"));
    }
};

QTEST_GUILESS_MAIN(TestImpairmentSpec)
#include "tst_impairmentspec.moc"
