// Bytes shown as text without losing any, text sent as bytes without substituting any, and hex
// input that says where it is wrong.

#include "testutil.h"

#include "text/encoding.h"

#include <QTest>

using namespace socketeer;

class TestEncoding : public QObject {
    Q_OBJECT

private slots:
    void decode_showsInvalidBytesVisibly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("shown");
        QTest::newRow("utf8 chinese") << testsupport::chineseUtf8() << "UTF-8" << QStringLiteral("你好，世界");
        QTest::newRow("utf8 invalid lead") << QByteArray("a\xff" "b") << "UTF-8" << QStringLiteral("a\\xFFb");
        QTest::newRow("utf8 truncated sequence") << QByteArray("\xe4\xbd") << "UTF-8" << QStringLiteral("\\xE4\\xBD");
        QTest::newRow("utf8 overlong") << QByteArray("\xc0\xaf") << "UTF-8" << QStringLiteral("\\xC0\\xAF");
        QTest::newRow("utf8 surrogate") << QByteArray("\xed\xa0\x80") << "UTF-8" << QStringLiteral("\\xED\\xA0\\x80");
        QTest::newRow("gbk chinese") << QByteArray("\xc4\xe3\xba\xc3") << "GBK" << QStringLiteral("你好");
        QTest::newRow("gbk lone lead at the end") << QByteArray("A\xc4") << "GBK" << QStringLiteral("A\\xC4");
        QTest::newRow("gbk lead then newline") << QByteArray("\xc4\n") << "GBK" << QStringLiteral("\\xC4\n");
        QTest::newRow("gb18030 four bytes") << QByteArray("\x94\x39\xfc\x36") << "GB18030" << QString::fromUtf8("😀");
        // Found by fuzz_encoding: four-byte GB18030 sequences outside the mapped ranges came out as
        // U+FFFD, hiding the bytes that arrived.
        QTest::newRow("gb18030 four bytes past U+10FFFF") << QByteArray("\xe3\x32\x9a\x36") << "GB18030" << QStringLiteral("\\xE32\\x9A6");
        QTest::newRow("gb18030 four bytes unassigned") << QByteArray("\x84\x31\xa5\x30") << "GB18030" << QStringLiteral("\\x841\\xA50");
        QTest::newRow("gb18030 last BMP and last plane") << QByteArray("\x84\x31\xa4\x39\xe3\x32\x9a\x35") << "GB18030"
                                                          << QString(QChar(0xFFFF)) + QString::fromUcs4(U"\U0010FFFF");
        QTest::newRow("latin1 everything decodes") << QByteArray("caf\xe9") << "Latin-1" << QStringLiteral("café");
        QTest::newRow("controls escaped") << QByteArray("a\r\nb\x01\x7f", 6) << "UTF-8" << QStringLiteral("a\\r\nb\\x01\\x7F");
        QTest::newRow("nul escaped") << QByteArray("a\0b", 3) << "Latin-1" << QStringLiteral("a\\0b");
    }
    void decode_showsInvalidBytesVisibly()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, shown);
        QCOMPARE(decodeForDisplay(bytes, *encodingFromName(encoding)), shown);
    }

    void decode_neverDropsAByte()
    {
        // Every byte value in every encoding: the display either decodes it or escapes it; the count
        // of characters plus escapes accounts for all 256+ input bytes.
        const QByteArray all = testsupport::nonUtf8Bytes();
        for (TextEncoding e : allEncodings()) {
            const QString shown = decodeForDisplay(all, e, {false, true});
            QVERIFY2(!shown.isEmpty(), qPrintable(encodingName(e)));
            QVERIFY(!shown.contains(QChar::ReplacementCharacter));
        }
        const QString latin = decodeForDisplay(all, TextEncoding::Latin1, {false, true});
        QCOMPARE(latin.size(), all.size());
    }

    void encode_roundTripsAndRefusesWhatDoesNotFit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("bytes");   // empty: must be refused
        QTest::newRow("utf8") << QStringLiteral("你好") << "UTF-8" << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd");
        QTest::newRow("gbk") << QStringLiteral("你好") << "GBK" << QByteArray("\xc4\xe3\xba\xc3");
        QTest::newRow("gb18030 emoji") << QString::fromUtf8("😀") << "GB18030" << QByteArray("\x94\x39\xfc\x36");
        QTest::newRow("gbk has no emoji") << QString::fromUtf8("a😀") << "GBK" << QByteArray();
        QTest::newRow("latin1") << QStringLiteral("café") << "Latin-1" << QByteArray("caf\xe9");
        QTest::newRow("latin1 has no chinese") << QStringLiteral("你") << "Latin-1" << QByteArray();
    }
    void encode_roundTripsAndRefusesWhatDoesNotFit()
    {
        QFETCH(QString, text);
        QFETCH(QString, encoding);
        QFETCH(QByteArray, bytes);
        const auto result = encodeText(text, *encodingFromName(encoding));
        if (bytes.isEmpty()) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().message().contains(QLatin1String("cannot be written")), qPrintable(result.error().message()));
        } else {
            QVERIFY(result.ok());
            QCOMPARE(*result, bytes);
            QCOMPARE(decodeForDisplay(*result, *encodingFromName(encoding)), text);
        }
    }

    void parseHex_acceptsCommonSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("spaced") << "48 65 6c 6C 6f" << QByteArray("Hello");
        QTest::newRow("packed") << "48656c6c6f" << QByteArray("Hello");
        QTest::newRow("0x commas") << "0x48,0x65" << QByteArray("He");
        QTest::newRow("colons") << "de:ad:BE:ef" << QByteArray("\xde\xad\xbe\xef");
        QTest::newRow("empty") << "" << QByteArray();
        QTest::newRow("nul byte") << "00" << QByteArray(1, '\0');
    }
    void parseHex_acceptsCommonSpellings()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        const auto result = parseHex(text);
        QVERIFY(result.ok());
        QCOMPARE(*result, bytes);
    }

    void parseHex_saysWhereItIsWrong_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("odd digits") << "48 6" << "position 4";
        QTest::newRow("lone digit inside") << "4 86" << "position 1";
        QTest::newRow("not hex") << "48 zz" << "\"z\" at position 4";
        QTest::newRow("chinese") << QStringLiteral("48 你") << "position 4";
    }
    void parseHex_saysWhereItIsWrong()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto result = parseHex(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(result.error().message().contains(mentions), qPrintable(result.error().message()));
    }

    void toHexDisplay_isSpacedUppercase()
    {
        QCOMPARE(toHexDisplay(QByteArray("\x00\xff" "A", 3)), QStringLiteral("00 FF 41"));
    }
};

QTEST_GUILESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
