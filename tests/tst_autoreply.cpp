// Auto-reply rules (core/text/autoreply.h) as units: every match kind, captures by number and by
// name, hex wildcards, once / N times shared by threads, first match vs all matches, framing of the
// stream before matching, delayed replies held until due, the --reply form and the JSON file with
// errors that name the rule and the field.

#include "net/limits.h"
#include "text/autoreply.h"
#include "text/encoding.h"

#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QStringDecoder>
#include <QTest>

#include <thread>
#include <vector>

using namespace socketeer;

namespace {

std::shared_ptr<const AutoReplier> compile(const ReplyRuleSet &set)
{
    auto compiled = AutoReplier::compile(set);
    if (!compiled)
        qFatal("rules do not compile: %s", qPrintable(compiled.error().detail));
    return *compiled;
}

ReplyRule rule(const char *spec)
{
    auto parsed = parseReplySpec(QString::fromUtf8(spec));
    if (!parsed)
        qFatal("bad spec in the test: %s", qPrintable(parsed.error().detail));
    return *parsed;
}

QList<QByteArray> bytesOf(const QList<AutoReply> &replies)
{
    QList<QByteArray> out;
    for (const AutoReply &reply : replies)
        out.append(reply.error.isEmpty() ? reply.bytes : "error: " + reply.error.toUtf8());
    return out;
}

} // namespace

class TestAutoReply : public QObject {
    Q_OBJECT

private slots:
    void matchKinds_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("reply");   // empty: no match
        QTest::newRow("exact hit") << "exact:PING=>PONG" << QByteArray("PING") << QByteArray("PONG");
        QTest::newRow("exact miss") << "exact:PING=>PONG" << QByteArray("PING!") << QByteArray();
        QTest::newRow("contains") << "contains:ell=>yes" << QByteArray("hello") << QByteArray("yes");
        QTest::newRow("contains miss") << "contains:xyz=>yes" << QByteArray("hello") << QByteArray();
        QTest::newRow("starts") << "starts:AT+=>OK\\r\\n" << QByteArray("AT+GMR") << QByteArray("OK\r\n");
        QTest::newRow("starts miss") << "starts:AT+=>OK" << QByteArray("XAT+") << QByteArray();
        QTest::newRow("ends") << "ends:?=>answer" << QByteArray("why?") << QByteArray("answer");
        QTest::newRow("ends miss") << "ends:?=>answer" << QByteArray("?no") << QByteArray();
        QTest::newRow("escape in pattern") << "exact:\\x01\\x02=>hex:AA BB" << QByteArray("\x01\x02") << QByteArray("\xaa\xbb");
        QTest::newRow("regex capture") << "regex:^PING (\\d+)$=>PONG \\1" << QByteArray("PING 42") << QByteArray("PONG 42");
        QTest::newRow("regex named") << "regex:^SET (?<key>\\w+)=(?<value>.*)$=>${key} is ${value}" << QByteArray("SET a=b c")
                                     << QByteArray("a is b c");
        QTest::newRow("regex whole match") << "regex:\\d+=>[\\0]" << QByteArray("ab123cd") << QByteArray("[123]");
        QTest::newRow("regex miss") << "regex:^PING (\\d+)$=>PONG \\1" << QByteArray("PING x") << QByteArray();
        QTest::newRow("regex chinese") << "regex:^你好(.*)$=>再见\\1" << QByteArray("你好world") << QByteArray("再见world");
        QTest::newRow("hex wildcard") << "hex:01 03 ?? ?? 00 0A=>hex:01 03 14" << QByteArray("\x01\x03\x12\x34\x00\x0a", 6)
                                      << QByteArray("\x01\x03\x14");
        QTest::newRow("hex wildcard miss") << "hex:01 03 ?? ?? 00 0A=>hex:01" << QByteArray("\x01\x04\x12\x34\x00\x0a", 6) << QByteArray();
        QTest::newRow("hex is whole") << "hex:01 03=>hex:01" << QByteArray("\x01\x03\x00", 3) << QByteArray();
        QTest::newRow("hex open end") << "hex:01 03 *=>hex:02" << QByteArray("\x01\x03\x00\x09", 4) << QByteArray("\x02");
        QTest::newRow("reply macro") << "exact:n=>#{{counter:start=5}}" << QByteArray("n") << QByteArray("#5");
        QTest::newRow("arrow in reply") << "exact:a=>b=>c" << QByteArray("a") << QByteArray("b=>c");
    }
    void matchKinds()
    {
        QFETCH(QString, spec);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, reply);
        auto parsed = parseReplySpec(spec);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        ReplyRuleSet set;
        set.rules = {*parsed};
        const auto replies = compile(set)->respond(message);
        if (reply.isEmpty())
            QVERIFY(replies.isEmpty());
        else
            QCOMPARE(bytesOf(replies), QList<QByteArray>{reply});
    }

    // The shortcuts (a regex's anchored literal start, or the set of ASCII bytes its first item can
    // be, checked on the bytes first) must not change what matches: each pattern gives the same
    // verdict and the same reply (captures) as QRegularExpression alone on the message decoded with
    // the set's encoding, in every encoding, for ASCII, non-ASCII, BOM-led and empty messages.
    void regexShortcut_sameVerdictsAsTheExpression_data()
    {
        QTest::addColumn<QString>("pattern");
        for (const char *p : {"^PING (\\d+)$", "^a?b", "^ab*c", "^ab+c", "^ab{2}c", "^\\+x", "^(?i)ping", "^a|b", "^ab(?i)cd",
                              "^\\Qa.b\\E", "^a\\x41", "^\\.\\*", "^ b", "^AT\\+(\\w+)\\?$", "^\"cmd\":", "ping", "^$",
                              // first-byte sets
                              "^[0-9A-F]{2}( [0-9A-F]{2})+$", "^\\d{4}-\\d{2}", "^[a-z]{1,3}\\d+$", "^[a-z]?b", "^[a-z]*b", "^[a-z]{0,2}b",
                              "^[a-z]{,2}b", "^\\d?x", "^\\d*x", "^\\d{0}x", "^[^a-z]", "^[a-]", "^[]a]", "^[A-z]", "^[a-z]|b", "^[a-z]{x",
                              "^[[:alpha:]]", "^\\D", "^\\d|x", "^[K]", "^(?i)[k]", "^[a-z](.*)$", "^\\d+(?<n>.*)$", "^[0-9]", "^[ab]+$",
                              "^(?:QUIT|EXIT|BYE)$", "^(?:ab|b)?x", "^(?:ab|)x", "^(?:a|b)|x", "^(?:a|b)*x", "^(?:a(b)|c)", "^(?:ab|cd)+$"})
            QTest::newRow(p) << QString::fromUtf8(p);
    }
    void regexShortcut_sameVerdictsAsTheExpression()
    {
        QFETCH(QString, pattern);
        const QRegularExpression re(pattern);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        const char *messages[] = {"PING 12", "PING x", "b", "ab", "abbc", "ac", "abc", "abbbc", "+x", "PiNg", "ping", "xb", "abCD", "abcd",
                                  "a.b", "aA", ".*", " b", "AT+GMR?", "\"cmd\": 1", "", "x ping", "bb", "0A 1B", "0a 1b", "2026-12-05T",
                                  "ab12", "abcd1", "x", "1x", "12x", "-", "]", "K", "k", "\xe2\x84\xaa", "\xef\xbb\xbf" "12", "\xef\xbb\xbf" "ab",
                                  "\xd9\xa3x", "\xc3\xa9" "b", "\xb2x", "\x80" "b", "\xff", "\xd6\xd0" "b", "1\xd6\xd0", "a\xff" "b",
                                  "\xef\xbb\xbf" "PING 12", "\x84\x31\x95\x33" "PING 12", "\x84\x31\x95\x33" "12", "\xef\xbb\xbf" "+x", "QUIT", "EXIT", "BYE", "quit", "QUITX", "abx", "cd", "abcd", "cx"};
        for (TextEncoding encoding : {TextEncoding::Utf8, TextEncoding::Latin1, TextEncoding::Gb18030, TextEncoding::Gbk}) {
            ReplyRuleSet set;
            set.encoding = encoding;
            ReplyRule r;
            r.match = MatchKind::Regex;
            r.pattern = pattern;
            r.reply = re.captureCount() > 0 ? QStringLiteral("hit \\1") : QStringLiteral("hit \\0");
            set.rules = {r};
            const auto replier = compile(set);
            for (const char *m : messages) {
                QString text;
                if (encoding == TextEncoding::Utf8)
                    text = QString::fromUtf8(m);
                else if (encoding == TextEncoding::Latin1)
                    text = QString::fromLatin1(m);
                else
                    text = QStringDecoder(encoding == TextEncoding::Gbk ? "GBK" : "GB18030").decode(QByteArrayView(m));
                const QRegularExpressionMatch match = re.match(text);
                const QList<AutoReply> replies = replier->respond(m);
                const QByteArray what = QByteArray("message ") + QByteArray(m).toHex(' ') + " in " + encodingName(encoding).toUtf8();
                QVERIFY2((replies.size() == 1) == match.hasMatch(), what.constData());
                if (match.hasMatch() && replies.first().error.isEmpty()) {
                    auto expected = encodeText(QStringLiteral("hit ") + match.captured(re.captureCount() > 0 ? 1 : 0), encoding);
                    if (expected)
                        QCOMPARE(replies.first().bytes, *expected);
                }
            }
        }
    }

    void caseInsensitive()
    {
        ReplyRuleSet set;
        ReplyRule r = rule("contains:hello=>hi");
        r.caseInsensitive = true;
        ReplyRule re = rule("regex:^bye$=>ciao");
        re.caseInsensitive = true;
        set.rules = {r, re};
        const auto replier = compile(set);
        QCOMPARE(bytesOf(replier->respond("say HeLLo")), QList<QByteArray>{"hi"});
        QCOMPARE(bytesOf(replier->respond("BYE")), QList<QByteArray>{"ciao"});
    }

    void firstMatch_versusAllMatches()
    {
        ReplyRuleSet set;
        set.rules = {rule("contains:a=>1"), rule("contains:b=>2"), rule("contains:c=>3")};
        QCOMPARE(bytesOf(compile(set)->respond("abc")), QList<QByteArray>{"1"});
        set.allMatches = true;
        QCOMPARE(bytesOf(compile(set)->respond("abc")), (QList<QByteArray>{"1", "2", "3"}));
        QCOMPARE(bytesOf(compile(set)->respond("cb")), (QList<QByteArray>{"2", "3"}));
    }

    void disabledRule_isSkipped()
    {
        ReplyRuleSet set;
        ReplyRule off = rule("contains:a=>1");
        off.enabled = false;
        set.rules = {off, rule("contains:a=>2")};
        const auto replies = compile(set)->respond("a");
        QCOMPARE(bytesOf(replies), QList<QByteArray>{"2"});
        QCOMPARE(replies.first().rule, 1);   // the index in the set, for the log
    }

    void once_andNTimes_thenTheNextRule()
    {
        ReplyRuleSet set;
        ReplyRule once = rule("exact:x=>first");
        once.maxFires = 1;
        ReplyRule twice = rule("exact:x=>second");
        twice.maxFires = 2;
        set.rules = {once, twice, rule("exact:x=>always")};
        const auto replier = compile(set);
        QCOMPARE(bytesOf(replier->respond("x")), QList<QByteArray>{"first"});
        QCOMPARE(bytesOf(replier->respond("x")), QList<QByteArray>{"second"});
        QCOMPARE(bytesOf(replier->respond("x")), QList<QByteArray>{"second"});
        QCOMPARE(bytesOf(replier->respond("x")), QList<QByteArray>{"always"});
        QCOMPARE(bytesOf(replier->respond("x")), QList<QByteArray>{"always"});
        QCOMPARE(replier->firedCount(0), 1);
        QCOMPARE(replier->firedCount(1), 2);
        QCOMPARE(replier->firedCount(2), 2);
    }

    void nTimes_isExactUnderThreads()
    {
        ReplyRuleSet set;
        ReplyRule limited = rule("exact:x=>hit");
        limited.maxFires = 100;
        set.rules = {limited};
        const auto replier = compile(set);
        std::atomic<int> hits{0};
        {
            std::vector<std::jthread> threads;
            for (int t = 0; t < 4; ++t)
                threads.emplace_back([&] {
                    for (int i = 0; i < 500; ++i)
                        hits += static_cast<int>(replier->respond("x").size());
                });
        }
        QCOMPARE(hits.load(), 100);
    }

    void stream_framesBeforeMatching()
    {
        ReplyRuleSet set;
        set.rules = {rule("regex:^PING (\\d+)$=>PONG \\1\\n")};
        AutoReplyStream stream(compile(set));   // line framing by default
        QVERIFY(stream.push("PI").isEmpty());
        QCOMPARE(bytesOf(stream.push("NG 1\r\nPING 2\nPIN")), (QList<QByteArray>{"PONG 1\n", "PONG 2\n"}));
        QCOMPARE(bytesOf(stream.push("G 3\n")), QList<QByteArray>{"PONG 3\n"});
        set.framing = *FrameSpec::parse(u"len:1");
        AutoReplyStream framed(compile(set));
        QCOMPARE(bytesOf(framed.push(QByteArray("\x06PING 9", 7))), QList<QByteArray>{"PONG 9\n"});
    }

    void delayedReply_isHeldUntilDue()
    {
        ReplyRuleSet set;
        ReplyRule later = rule("exact:go=>later");
        later.delay = std::chrono::milliseconds(500);
        set.rules = {later, rule("exact:now=>now")};
        set.allMatches = true;
        AutoReplyStream stream(compile(set));
        const auto t0 = AutoReplyStream::Clock::now();
        QVERIFY(stream.push("go\n", t0).isEmpty());
        QCOMPARE(bytesOf(stream.push("now\n", t0)), QList<QByteArray>{"now"});
        QCOMPARE(stream.nextDue(), std::optional(t0 + std::chrono::milliseconds(500)));
        QVERIFY(stream.due(t0 + std::chrono::milliseconds(499)).isEmpty());
        QCOMPARE(bytesOf(stream.due(t0 + std::chrono::milliseconds(500))), QList<QByteArray>{"later"});
        QVERIFY(!stream.nextDue());
    }

    void delayedReplies_areBounded()
    {
        ReplyRuleSet set;
        ReplyRule later = rule("exact:go=>later");
        later.delay = std::chrono::milliseconds(1000);
        set.rules = {later};
        AutoReplyStream stream(compile(set));
        const auto t0 = AutoReplyStream::Clock::now();
        QList<AutoReply> refused;
        for (int i = 0; i < limits::kReplyMaxPending + 3; ++i)
            refused += stream.pushMessage("go", t0);
        QCOMPARE(refused.size(), 3);
        QVERIFY(!refused.first().error.isEmpty());
        QCOMPARE(stream.due(t0 + std::chrono::seconds(1)).size(), limits::kReplyMaxPending);
    }

    void replyError_isReportedNotSent()
    {
        ReplyRuleSet set;
        set.rules = {rule("exact:f=>{{file:/nonexistent/socketeer-test}}")};
        const auto replies = compile(set)->respond("f");
        QCOMPARE(replies.size(), 1);
        QVERIFY(replies.first().bytes.isEmpty());
        QVERIFY(replies.first().error.contains(QLatin1String("/nonexistent/socketeer-test")));
    }

    void json_roundTrip()
    {
        ReplyRuleSet set;
        ReplyRule a = rule("regex:^PING (\\d+)$=>PONG \\1");
        a.name = QStringLiteral("ping");
        a.delay = std::chrono::milliseconds(250);
        a.target = ReplyTarget::All;
        a.maxFires = 3;
        a.caseInsensitive = true;
        ReplyRule b = rule("hex:01 ?? *=>hex:02 {{counter}}");
        b.enabled = false;
        set.rules = {a, b};
        set.allMatches = true;
        set.encoding = TextEncoding::Gb18030;
        set.framing = *FrameSpec::parse(u"len:2be");
        auto back = ReplyRuleSet::fromJson(set.toJson());
        QVERIFY2(back, back ? "" : qPrintable(back.error().detail));
        QCOMPARE(*back, set);
    }

    void json_errorsNameRuleAndField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\"rules\": [") << "not valid JSON at byte";
        QTest::newRow("not an object") << QByteArray("[]") << "JSON object";
        QTest::newRow("no rules") << QByteArray("{}") << "\"rules\"";
        QTest::newRow("unknown root field") << QByteArray("{\"rules\":[],\"rulez\":1}") << "\"rulez\"";
        QTest::newRow("bad mode") << QByteArray("{\"rules\":[],\"mode\":\"some\"}") << "\"mode\"";
        QTest::newRow("bad framing") << QByteArray("{\"rules\":[],\"framing\":\"len:3\"}") << "\"framing\"";
        QTest::newRow("bad encoding") << QByteArray("{\"rules\":[],\"encoding\":\"EBCDIC\"}") << "EBCDIC";
        const QByteArray good = "{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"b\"}";
        QTest::newRow("missing match") << QByteArray("{\"rules\":[" + good + ",{\"pattern\":\"a\",\"reply\":\"b\"}]}") << "rule 2, \"match\": missing";
        QTest::newRow("bad kind") << QByteArray("{\"rules\":[{\"match\":\"like\",\"pattern\":\"a\",\"reply\":\"b\"}]}") << "rule 1, \"match\"";
        QTest::newRow("bad regex") << QByteArray("{\"rules\":[" + good + "," + good + ",{\"match\":\"regex\",\"pattern\":\"(a\",\"reply\":\"b\"}]}")
                                   << "rule 3, \"pattern\": not a valid regular expression at position";
        QTest::newRow("bad hex") << QByteArray("{\"rules\":[{\"match\":\"hex\",\"pattern\":\"01 ?\",\"reply\":\"b\"}]}") << "rule 1, \"pattern\": position 4";
        QTest::newRow("bad macro") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"x{{what}}\"}]}")
                                   << "rule 1, \"reply\": position 2";
        QTest::newRow("group out of range") << QByteArray("{\"rules\":[{\"match\":\"regex\",\"pattern\":\"(a)\",\"reply\":\"\\\\2\"}]}")
                                            << "rule 1, \"reply\": uses group 2";
        QTest::newRow("unknown group name") << QByteArray("{\"rules\":[{\"match\":\"regex\",\"pattern\":\"(?<x>a)\",\"reply\":\"${y}\"}]}")
                                            << "no group named \"y\"";
        QTest::newRow("negative delay") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"b\",\"delayMs\":-1}]}")
                                        << "rule 1, \"delayMs\"";
        QTest::newRow("fractional fires") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"b\",\"maxFires\":1.5}]}")
                                          << "rule 1, \"maxFires\"";
        QTest::newRow("bad target") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"b\",\"to\":\"them\"}]}")
                                    << "rule 1, \"to\"";
        QTest::newRow("wrong type") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":5,\"reply\":\"b\"}]}")
                                    << "rule 1, \"pattern\": must be a string";
        QTest::newRow("unknown rule field") << QByteArray("{\"rules\":[{\"match\":\"exact\",\"pattern\":\"a\",\"reply\":\"b\",\"dealy\":5}]}")
                                            << "rule 1, \"dealy\"";
        QTest::newRow("empty contains") << QByteArray("{\"rules\":[{\"match\":\"contains\",\"pattern\":\"\",\"reply\":\"b\"}]}")
                                        << "rule 1, \"pattern\": empty";
    }
    void json_errorsNameRuleAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto parsed = ReplyRuleSet::fromJson(json);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(expected), qPrintable(parsed.error().detail));
    }

    void json_manyRules()
    {
        ReplyRuleSet set;
        for (int i = 0; i < 500; ++i)
            set.rules.append(rule(QStringLiteral("exact:m%1=>r%1").arg(i).toUtf8().constData()));
        auto back = ReplyRuleSet::fromJson(set.toJson());
        QVERIFY(back);
        QCOMPARE(back->rules.size(), 500);
        QCOMPARE(bytesOf(compile(*back)->respond("m499")), QList<QByteArray>{"r499"});
    }

    void replySpec_errors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no arrow") << "regex:a" << "=>";
        QTest::newRow("no kind") << "PING=>PONG" << "does not start with a kind";
        QTest::newRow("unknown kind") << "like:PING=>PONG" << "does not start with a kind";
    }
    void replySpec_errors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        auto parsed = parseReplySpec(spec);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(expected), qPrintable(parsed.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestAutoReply)
#include "tst_autoreply.moc"
