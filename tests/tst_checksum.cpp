// Check values against the CRC catalogue's published "123456789" checks and against an independent
// implementation (tests/peers/checksum.py: Python's binascii and a tutorial's loops), on random
// messages of many lengths, in both byte orders.

#include "peer.h"

#include "text/checksum.h"

#include <QRandomGenerator>
#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;
using testsupport::Peer;

namespace {

ChecksumSpec spec(const QString &name, const QString &order = {})
{
    auto parsed = parseChecksumSpec(name, order);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().detail));
    return *parsed;
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

} // namespace

class TestChecksum : public QObject {
    Q_OBJECT

private slots:
    void compute_matchesCatalogueCheck_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<uint>("check");
        QTest::newRow("CRC-16/MODBUS") << u"crc16-modbus"_s << 0x4B37u;
        QTest::newRow("CRC-16/CCITT-FALSE") << u"crc16-ccitt-false"_s << 0x29B1u;
        QTest::newRow("CRC-16/XMODEM") << u"crc16-xmodem"_s << 0x31C3u;
        QTest::newRow("CRC-32") << u"crc32"_s << 0xCBF43926u;
        QTest::newRow("CRC-8") << u"crc8"_s << 0xF4u;
        // 0x31 + … + 0x39 = 0x1DD; its two's complement is 0x23; the XOR of the nine is 0x31.
        QTest::newRow("sum8") << u"sum8"_s << 0xDDu;
        QTest::newRow("xor8") << u"xor8"_s << 0x31u;
        QTest::newRow("lrc") << u"lrc"_s << 0x23u;
    }
    void compute_matchesCatalogueCheck()
    {
        QFETCH(QString, name);
        QFETCH(uint, check);
        QCOMPARE(computeChecksum(spec(name).algorithm, "123456789"), check);
    }

    void compute_emptyMessageIsTheInitialValueFinished()
    {
        QCOMPARE(computeChecksum(ChecksumAlgorithm::Crc16Modbus, {}), 0xFFFFu);
        QCOMPARE(computeChecksum(ChecksumAlgorithm::Crc32, {}), 0u);
        QCOMPARE(computeChecksum(ChecksumAlgorithm::Lrc, {}), 0u);
    }

    // What Qt already has: qChecksum's two CRC-16s are others than the ones device protocols need,
    // so Socketeer computes its own (the header says which is which).
    void qtChecksum_isNeitherOfTheWantedCrcs()
    {
        const QByteArray check("123456789");
        QCOMPARE(qChecksum(check, Qt::ChecksumIso3309), quint16(0x906E));   // CRC-16/IBM-SDLC
        QCOMPARE(qChecksum(check, Qt::ChecksumItuV41), quint16(0xBF05));    // CRC-16/ISO-IEC-14443-3-A
        for (const QString &name : checksumNames()) {
            const quint32 ours = computeChecksum(spec(name).algorithm, check);
            QVERIFY(ours != 0x906E && ours != 0xBF05);
        }
    }

    void append_usesConventionalOrderUnlessTold_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("order");
        QTest::addColumn<QByteArray>("value");
        // The example: Modbus sends 0x4B37 low byte first.
        QTest::newRow("modbus") << u"crc16-modbus"_s << QString() << QByteArray("\x37\x4B");
        QTest::newRow("modbus be") << u"crc16-modbus"_s << u"be"_s << QByteArray("\x4B\x37");
        QTest::newRow("ccitt-false") << u"crc16-ccitt-false"_s << QString() << QByteArray("\x29\xB1");
        QTest::newRow("ccitt-false le") << u"crc16-ccitt-false"_s << u"LE"_s << QByteArray("\xB1\x29");
        QTest::newRow("xmodem") << u"crc16-xmodem"_s << QString() << QByteArray("\x31\xC3");
        QTest::newRow("crc32 (as zlib and Ethernet)") << u"crc32"_s << QString() << QByteArray("\x26\x39\xF4\xCB");
        QTest::newRow("crc32 be (as PNG)") << u"crc32"_s << u"be"_s << QByteArray("\xCB\xF4\x39\x26");
        QTest::newRow("crc8") << u"crc8"_s << QString() << QByteArray("\xF4");
        QTest::newRow("lrc be (one byte has no order)") << u"lrc"_s << u"be"_s << QByteArray("\x23");
    }
    void append_usesConventionalOrderUnlessTold()
    {
        QFETCH(QString, name);
        QFETCH(QString, order);
        QFETCH(QByteArray, value);
        QCOMPARE(appendChecksum(spec(name, order), "123456789"), QByteArray("123456789") + value);
    }

    void parse_refusesUnknownNameListingKnownOnes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("order");
        QTest::addColumn<QString>("mention");
        QTest::newRow("unknown name") << u"crc16"_s << QString() << u"\"crc16\""_s;
        QTest::newRow("empty name") << QString() << QString() << u"\"\""_s;
        QTest::newRow("catalogue spelling") << u"CRC-16/MODBUS"_s << QString() << u"CRC-16/MODBUS"_s;
        QTest::newRow("bad order") << u"crc32"_s << u"middle"_s << u"\"middle\""_s;
    }
    void parse_refusesUnknownNameListingKnownOnes()
    {
        QFETCH(QString, name);
        QFETCH(QString, order);
        QFETCH(QString, mention);
        const auto parsed = parseChecksumSpec(name, order);
        QVERIFY(!parsed);
        const QString detail = parsed.error().detail;
        QVERIFY2(detail.contains(mention), qPrintable(detail));
        if (order.isEmpty()) {
            for (const QString &known : checksumNames())
                QVERIFY2(detail.contains(known), qPrintable(detail));
        } else {
            QVERIFY2(detail.contains(u"le"_s) && detail.contains(u"be"_s), qPrintable(detail));
        }
    }

    void parse_acceptsEveryNameAnyCase()
    {
        QCOMPARE(checksumNames().size(), 8);
        for (const QString &name : checksumNames()) {
            const auto parsed = parseChecksumSpec(name.toUpper());
            QVERIFY2(parsed, qPrintable(name));
            QCOMPARE(checksumName(parsed->algorithm), name);
            QCOMPARE(parsed->order, conventionalOrder(parsed->algorithm));
        }
    }

    void verify_saysOkBadOrTooShort()
    {
        const ChecksumSpec modbus = spec(u"crc16-modbus"_s);
        const ChecksumVerdict ok = verifyChecksum(modbus, "123456789\x37\x4B");
        QVERIFY(ok.ok());
        QCOMPARE(describeVerdict(modbus, ok), u"crc16-modbus ok"_s);

        const ChecksumVerdict bad = verifyChecksum(modbus, QByteArray("123456789\0\0", 11));
        QCOMPARE(bad.status, ChecksumVerdict::Status::Bad);
        QCOMPARE(bad.expected, QByteArray("\x37\x4B"));
        QCOMPARE(bad.found, QByteArray("\0\0", 2));
        QCOMPARE(describeVerdict(modbus, bad), u"bad crc16-modbus: expected 37 4B, found 00 00"_s);

        QCOMPARE(verifyChecksum(modbus, "\x37").status, ChecksumVerdict::Status::TooShort);
        QCOMPARE(verifyChecksum(spec(u"crc32"_s), "abc").status, ChecksumVerdict::Status::TooShort);
        QCOMPARE(describeVerdict(modbus, verifyChecksum(modbus, {})), u"bad crc16-modbus: too short for its 2-byte check value"_s);
        // The check value of nothing, alone, is a whole message.
        QVERIFY(verifyChecksum(spec(u"crc32"_s), QByteArray(4, '\0')).ok());
        QVERIFY(verifyChecksum(modbus, "\xFF\xFF").ok());
    }

    // Any one byte changed anywhere (data or check value) is caught: a CRC catches every burst up
    // to its width, and a one-byte change always moves a sum or an XOR.
    void verify_catchesEveryOneByteChange()
    {
        QRandomGenerator random(11);
        for (const QString &name : checksumNames()) {
            const ChecksumSpec s = spec(name);
            for (qsizetype size : {0, 1, 2, 7, 64, 300}) {
                const QByteArray message = appendChecksum(s, randomBytes(random, size));
                QVERIFY(verifyChecksum(s, message).ok());
                for (qsizetype i = 0; i < message.size(); ++i) {
                    QByteArray changed = message;
                    changed[i] = static_cast<char>(changed[i] ^ (1 + random.bounded(255)));
                    QVERIFY2(verifyChecksum(s, changed).status == ChecksumVerdict::Status::Bad,
                             qPrintable(u"%1, %2 bytes, byte %3"_s.arg(name).arg(size).arg(i)));
                }
            }
        }
    }

    void range_isPythonSlice_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("covered");   // of "0123456789"
        QTest::newRow("whole") << u":"_s << QByteArray("0123456789");
        QTest::newRow("skip the first") << u"1:"_s << QByteArray("123456789");
        QTest::newRow("up to the last two") << u":-2"_s << QByteArray("01234567");
        QTest::newRow("both") << u" 2 : 5 "_s << QByteArray("234");
        QTest::newRow("from the back") << u"-3:"_s << QByteArray("789");
        QTest::newRow("past the end, clamped") << u"8:100"_s << QByteArray("89");
        QTest::newRow("before the front, clamped") << u"-100:2"_s << QByteArray("01");
        QTest::newRow("empty: end before start") << u"5:2"_s << QByteArray();
        QTest::newRow("empty: start past the end") << u"20:"_s << QByteArray();
    }
    void range_isPythonSlice()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, covered);
        const auto range = parseChecksumRange(text);
        QVERIFY2(range, qPrintable(range ? QString() : range.error().detail));
        QCOMPARE(range->of("0123456789").toByteArray(), covered);
        ChecksumSpec s = spec(u"crc32"_s);
        s.range = *range;
        const QByteArray appended = appendChecksum(s, "0123456789");
        QCOMPARE(appended, "0123456789" + checkValueBytes(s, computeChecksum(s.algorithm, covered)));
        QVERIFY(verifyChecksum(s, appended).ok());
    }

    void range_refusesWhatIsNotStartColonEnd_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no colon") << u"3"_s;
        QTest::newRow("two colons") << u"1:2:3"_s;
        QTest::newRow("not a number") << u"a:"_s;
        QTest::newRow("hex") << u":0x10"_s;
        QTest::newRow("empty") << QString();
    }
    void range_refusesWhatIsNotStartColonEnd()
    {
        QFETCH(QString, text);
        const auto range = parseChecksumRange(text);
        QVERIFY(!range);
        QVERIFY2(range.error().detail.contains(u'"' + text + u'"'), qPrintable(range.error().detail));
    }

    // Python computes, we compare; we append, Python verifies; Python appends, we verify; and a
    // message with one byte changed inside the range, Python says is bad. Ranges as Python slices.
    void everyAlgorithm_agreesWithPython()
    {
        Peer python;
        QVERIFY(python.startPython(u"checksum.py"_s, {u"lines"_s}));
        QRandomGenerator random(20261205);
        const QStringList ranges{u":"_s, u"1:"_s, u":-1"_s, u"2:-3"_s, u"-5:"_s, u"3:40"_s};
        int compared = 0;
        for (const QString &name : checksumNames()) {
            for (const QString &order : {u"le"_s, u"be"_s}) {
                for (int round = 0; round < 40; ++round) {
                    // Short messages often (the edge cases), long ones up to 2000 bytes too; the
                    // whole message mostly, a range now and then.
                    const qsizetype size = round < 10 ? round : random.bounded(2001);
                    const QString rangeText = round % 4 == 3 ? ranges.at(random.bounded(ranges.size())) : u":"_s;
                    ChecksumSpec s = spec(name, order);
                    s.range = *parseChecksumRange(rangeText);
                    const QByteArray message = randomBytes(random, size);
                    const QByteArray prefix = name.toLatin1() + ' ' + order.toLatin1() + ' ' + rangeText.toLatin1() + ' ';

                    python.write("append " + prefix + message.toHex() + '\n');
                    const QByteArray theirs = QByteArray::fromHex(python.readLine());
                    const QByteArray ours = appendChecksum(s, message);
                    QVERIFY2(theirs == ours, qPrintable(u"%1 %2, %3 bytes: Python %4, Socketeer %5"_s.arg(name, order).arg(size)
                                                        .arg(QString::fromLatin1(theirs.right(4).toHex()), QString::fromLatin1(ours.right(4).toHex()))));
                    QVERIFY(verifyChecksum(s, theirs).ok());

                    python.write("verify " + prefix + ours.toHex() + '\n');
                    QCOMPARE(python.readLine(), QByteArray("ok"));
                    // One byte changed, in the range or in the value.
                    QByteArray changed = ours;
                    const QByteArrayView covered = s.range.of(QByteArrayView(ours).first(size));
                    const qsizetype first = covered.isEmpty() ? size : covered.data() - ours.constData();
                    const qsizetype at = random.bounded(qint64(first), qint64(covered.isEmpty() ? ours.size() : first + covered.size()));
                    changed[at] = static_cast<char>(changed[at] ^ (1 + random.bounded(255)));
                    python.write("verify " + prefix + changed.toHex() + '\n');
                    QCOMPARE(python.readLine(), QByteArray("bad"));
                    QCOMPARE(verifyChecksum(s, changed).status, ChecksumVerdict::Status::Bad);
                    ++compared;
                }
            }
        }
        QCOMPARE(compared, 8 * 2 * 40);
        python.closeWrite();
        QVERIFY(python.waitForFinished());
        QCOMPARE(python.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChecksum)
#include "tst_checksum.moc"
