// Macros and text with escapes (core/text/macros.h): every macro's output, the counter's options
// and its state per owner shared by threads, escapes and hex mode, and bad input refused with the
// problem and its position.

#include "net/limits.h"
#include "text/macros.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

#include <thread>
#include <sys/stat.h>
#include <vector>

using namespace socketeer;

namespace {

QByteArray expand(const QString &text, MacroState &state, MessageTemplate::Mode mode = MessageTemplate::Mode::Text,
                  TextEncoding encoding = TextEncoding::Utf8)
{
    auto bytes = expandMessage(text, mode, encoding, state);
    if (!bytes)
        qWarning("%s", qPrintable(bytes.error().detail));
    return bytes ? *bytes : QByteArray("<error>");
}

} // namespace

class TestMacros : public QObject {
    Q_OBJECT

private slots:
    void escapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << "hello" << QByteArray("hello");
        QTest::newRow("crlf") << "A\\r\\n" << QByteArray("A\r\n");
        QTest::newRow("tab, nul") << "a\\tb\\0c" << QByteArray("a\tb\0c", 5);
        QTest::newRow("hex escape") << "\\x01\\xff" << QByteArray("\x01\xff");
        QTest::newRow("backslash") << "a\\\\b" << QByteArray("a\\b");
        QTest::newRow("literal braces") << "\\{{x}}" << QByteArray("{{x}}");
        QTest::newRow("single braces stay") << "{a} }}" << QByteArray("{a} }}");
        QTest::newRow("dollar stays outside rules") << "${1}" << QByteArray("${1}");
        QTest::newRow("chinese") << QString::fromUtf8("你好") << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd");
        QTest::newRow("hex macro") << "A{{hex:00 FF}}B" << QByteArray("A\0\xff" "B", 4);
    }
    void escapes()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        MacroState state;
        QCOMPARE(expand(text, state), bytes);
    }

    void textIsEncodedWithThePanelsEncoding()
    {
        MacroState state;
        QCOMPARE(expand(QString::fromUtf8("你好{{hex:0D}}"), state, MessageTemplate::Mode::Text, TextEncoding::Gbk),
                 QByteArray("\xc4\xe3\xba\xc3\x0d"));
        // Latin-1 cannot carry 你: refused, naming where.
        auto refused = expandMessage(QString::fromUtf8("ab你"), MessageTemplate::Mode::Text, TextEncoding::Latin1, state);
        QVERIFY(!refused);
        QVERIFY2(refused.error().detail.contains(QLatin1String("position 1")), qPrintable(refused.error().detail));
    }

    // Found by fuzz_macros: a date format's literal text the encoding cannot carry failed only when
    // sent. Refused when parsed, like any other text.
    void dateFormat_mustSuitTheEncoding()
    {
        auto parsed = MessageTemplate::parse(QString::fromUtf8("{{date:yyyy年}}"), MessageTemplate::Mode::Text, TextEncoding::Latin1);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.startsWith(QLatin1String("position 1")), qPrintable(parsed.error().detail));
        QVERIFY(MessageTemplate::parse(QString::fromUtf8("{{date:yyyy年}}"), MessageTemplate::Mode::Text, TextEncoding::Gb18030));
    }

    void hexMode()
    {
        MacroState state;
        QCOMPARE(expand(QStringLiteral("01 03 0x0A,ff {{counter}}"), state, MessageTemplate::Mode::Hex), QByteArray("\x01\x03\x0a\xff" "1"));
        QCOMPARE(expand(QStringLiteral("0102{{hex:0304}}05"), state, MessageTemplate::Mode::Hex), QByteArray("\x01\x02\x03\x04\x05"));
    }

    void counter_options()
    {
        MacroState state;
        QCOMPARE(expand(QStringLiteral("{{counter}} {{counter}}"), state), QByteArray("1 2"));
        QCOMPARE(expand(QStringLiteral("{{counter}}"), state), QByteArray("3"));
        QCOMPARE(expand(QStringLiteral("{{counter:name=b,start=7,step=-3,width=4}}"), state), QByteArray("0007"));
        QCOMPARE(expand(QStringLiteral("{{counter:name=b,start=7,step=-3,width=4}}"), state), QByteArray("0004"));
        QCOMPARE(expand(QStringLiteral("{{counter:name=b,width=4}}"), state), QByteArray("0001"));
        QCOMPARE(expand(QStringLiteral("{{counter:name=b,width=4}}"), state), QByteArray("0002"));   // each use adds its own step
        QCOMPARE(expand(QStringLiteral("{{counter:name=c,start=-5,width=3}}"), state), QByteArray("-005"));
        MacroState other;   // another owner counts on its own
        QCOMPARE(expand(QStringLiteral("{{counter}}"), other), QByteArray("1"));
        state.reset();
        QCOMPARE(expand(QStringLiteral("{{counter:start=100}}"), state), QByteArray("100"));
    }

    void counter_isSharedSafelyByThreads()
    {
        auto parsed = MessageTemplate::parse(u"{{counter}}", MessageTemplate::Mode::Text, TextEncoding::Utf8);
        QVERIFY(parsed);
        const MessageTemplate tpl = *parsed;
        MacroState state;
        constexpr int kThreads = 4, kEach = 2000;
        std::vector<std::vector<qint64>> seen(kThreads);
        {
            std::vector<std::jthread> threads;
            for (int t = 0; t < kThreads; ++t)
                threads.emplace_back([&, t] {
                    for (int i = 0; i < kEach; ++i)
                        seen[t].push_back(tpl.expand(state)->toLongLong());
                });
        }
        std::vector<qint64> all;
        for (auto &v : seen)
            all.insert(all.end(), v.begin(), v.end());
        std::sort(all.begin(), all.end());
        QCOMPARE(all.size(), size_t(kThreads * kEach));
        for (size_t i = 0; i < all.size(); ++i)
            QCOMPARE(all[i], qint64(i + 1));   // every value exactly once
    }

    void dateTimeUnixtime()
    {
        MacroState state;
        const QDateTime before = QDateTime::currentDateTime();
        const QByteArray date = expand(QStringLiteral("{{date}}"), state);
        const QByteArray time = expand(QStringLiteral("{{time}}"), state);
        const QByteArray compact = expand(QStringLiteral("{{date:yyyyMMdd}}"), state);
        const qint64 unix = expand(QStringLiteral("{{unixtime}}"), state).toLongLong();
        const QDateTime after = QDateTime::currentDateTime();
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$")).match(QString::fromLatin1(date)).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{2}:\\d{2}:\\d{2}$")).match(QString::fromLatin1(time)).hasMatch());
        QVERIFY(compact == before.toString(QStringLiteral("yyyyMMdd")).toLatin1() || compact == after.toString(QStringLiteral("yyyyMMdd")).toLatin1());
        QVERIFY(unix >= before.toSecsSinceEpoch() && unix <= after.toSecsSinceEpoch());
    }

    void random_isBelowN()
    {
        MacroState state;
        QSet<QByteArray> seen;
        for (int i = 0; i < 300; ++i) {
            const QByteArray value = expand(QStringLiteral("{{random:3}}"), state);
            QVERIFY2(value == "0" || value == "1" || value == "2", value.constData());
            seen.insert(value);
        }
        QCOMPARE(seen.size(), 3);   // 300 draws of three values: missing one has odds of ~1e-53
        QCOMPARE(expand(QStringLiteral("{{random:1}}"), state), QByteArray("0"));
    }

    void file_readAtEachSend_andBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("payload.bin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x01\x02payload", 9);
        file.close();
        auto tpl = MessageTemplate::parse(QStringLiteral("<{{file:%1}}>").arg(path), MessageTemplate::Mode::Text, TextEncoding::Utf8);
        QVERIFY(tpl);
        MacroState state;
        QCOMPARE(*tpl->expand(state), QByteArray("<\x01\x02payload>", 11));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(limits::kMacroFileBytes + 1, 'x'));
        file.close();
        auto big = tpl->expand(state);
        QVERIFY(!big);
        QVERIFY2(big.error().detail.contains(QString::number(limits::kMacroFileBytes)), qPrintable(big.error().detail));
        QVERIFY(QFile::remove(path));
        auto missing = tpl->expand(state);
        QVERIFY(!missing);
        QVERIFY2(missing.error().detail.contains(path), qPrintable(missing.error().detail));
    }

    // A FIFO (or /dev/stdin, a terminal) is not a file to insert: opening a FIFO for reading waits
    // for a writer, and the send box expands on the window's thread, so it would freeze the window.
    void file_refusesWhatIsNotARegularFile()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &path : {fifo, dir.path()}) {
            auto tpl = MessageTemplate::parse(QStringLiteral("{{file:%1}}").arg(path), MessageTemplate::Mode::Text, TextEncoding::Utf8);
            QVERIFY(tpl);
            MacroState state;
            auto expanded = tpl->expand(state);   // without the check: blocks here for ever
            QVERIFY(!expanded);
            QVERIFY2(expanded.error().detail.contains(QStringLiteral("not a regular file")), qPrintable(expanded.error().detail));
        }
    }

    void captures()
    {
        auto tpl = MessageTemplate::parse(u"PONG \\1 ${n} ${0}", MessageTemplate::Mode::Text, TextEncoding::Utf8, true);
        QVERIFY(tpl);
        QCOMPARE(tpl->highestCaptureIndex(), 1);
        QCOMPARE(tpl->captureNames(), QStringList{QStringLiteral("n")});
        const QRegularExpression re(QStringLiteral("^PING (?<n>\\d+)$"));
        const QRegularExpressionMatch match = re.match(QStringLiteral("PING 42"));
        MacroState state;
        QCOMPARE(*tpl->expand(state, &match), QByteArray("PONG 42 42 PING 42"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");   // a part of the error
        QTest::newRow("unclosed") << "ab{{counter" << 0 << "position 3";
        QTest::newRow("unknown macro") << "x{{nope}}" << 0 << "position 2: unknown macro";
        QTest::newRow("counter option") << "{{counter:size=3}}" << 0 << "size=3";
        QTest::newRow("counter value") << "{{counter:start=x}}" << 0 << "\"x\"";
        QTest::newRow("width too big") << "{{counter:width=99}}" << 0 << "width";
        QTest::newRow("random zero") << "{{random:0}}" << 0 << "random";
        QTest::newRow("random text") << "{{random:ten}}" << 0 << "random";
        QTest::newRow("bad hex macro") << "{{hex:0G}}" << 0 << "hex";
        QTest::newRow("empty file") << "{{file:}}" << 0 << "path";
        QTest::newRow("unknown escape") << "ab\\q" << 0 << "position 3: unknown escape";
        QTest::newRow("short \\x") << "\\x4" << 0 << "two hex digits";
        QTest::newRow("lone backslash") << "ab\\" << 0 << "position 3";
        QTest::newRow("odd hex") << "01 0" << 1 << "position 4";
        QTest::newRow("not hex") << "01 zz" << 1 << "position 4";
        QTest::newRow("empty date format") << "{{date:}}" << 0 << "format";
    }
    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        auto parsed = MessageTemplate::parse(text, mode ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Text, TextEncoding::Utf8);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(expected), qPrintable(parsed.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestMacros)
#include "tst_macros.moc"
