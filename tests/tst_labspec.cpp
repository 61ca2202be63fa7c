// The lab file (core/lab/labspec.h): what a teacher writes. A mistake is refused before anything
// runs, with an error that names the step (1-based) and the field, like the rules file's; every
// count, size and timeout is bounded; the shipped labs parse and are found by name.

#include "lab/labspec.h"
#include "net/limits.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;

#ifndef Q_MOC_RUN
namespace {

QByteArray lab(const QByteArray &steps, const QByteArray &target = "tcpServer")
{
    return R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": ")" + target + R"(", "port": 50007}, "steps": [)" + steps
           + "]}";
}

} // namespace
#endif

// moc's tokenizer does not follow raw strings: the JSON lives outside the class.
#ifndef Q_MOC_RUN
namespace {

QByteArray goodLabJson()
{
    return R"({"format": "socketeer-lab", "version": 1,
            "title": {"en": "Echo", "zh_CN": "回显"}, "description": "d", "encoding": "GBK",
            "target": {"kind": "tcpServer", "host": "::1", "port": 7},
            "steps": [{"type": "connect", "timeoutMs": 100, "hint": {"en": "h", "zh_CN": "提示"}},
                      {"type": "send", "text": "a\\n{{counter}}", "points": 3},
                      {"type": "expect", "contains": "你", "hidden": true, "encoding": "UTF-8"},
                      {"type": "expect", "regex": "^A+$", "caseInsensitive": true},
                      {"type": "expect", "hex": "00 FF"},
                      {"type": "expectClose"},
                      {"type": "concurrent", "clients": 3, "send": "x", "echo": true}]})";
}

void addBadLabRows()
{
        QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"format\": ") << u"not valid JSON at line 1"_s;
    QTest::newRow("not a lab") << QByteArray(R"({"format": "socketeer-saved", "version": 1})") << u"not a Socketeer lab"_s;
    QTest::newRow("newer") << QByteArray(R"({"format": "socketeer-lab", "version": 2})") << u"lab version 2 is not supported"_s;
    QTest::newRow("no title") << QByteArray(R"({"format": "socketeer-lab", "version": 1, "target": {"kind": "tcpServer"}, "steps": []})")
                              << u"\"title\": missing"_s;
    QTest::newRow("unknown top field") << QByteArray(R"({"format": "socketeer-lab", "version": 1, "title": "t", "stepz": []})")
                                       << u"\"stepz\": unknown field"_s;
    QTest::newRow("bad target") << lab(R"({"type": "connect"})", "ftpServer") << u"\"target.kind\": must be tcpServer"_s;
    QTest::newRow("no steps") << lab("") << u"\"steps\": must be a list of at least one step"_s;
    QTest::newRow("no type") << lab(R"({"type": "connect"}, {"text": "x"})") << u"step 2, \"type\": missing"_s;
    QTest::newRow("unknown type") << lab(R"({"type": "connect"}, {"type": "shout"})") << u"step 2, \"type\": \"shout\" is not a step"_s;
    QTest::newRow("unknown field") << lab(R"({"type": "connect"}, {"type": "expect", "pattern": "x"})")
                                   << u"step 2, \"pattern\": not a field of a expect step"_s;
    QTest::newRow("timeout zero") << lab(R"({"type": "connect", "timeoutMs": 0})") << u"step 1, \"timeoutMs\": must be a whole number of milliseconds"_s;
    QTest::newRow("timeout capped") << lab(R"({"type": "connect", "timeoutMs": 86400000})") << u"step 1, \"timeoutMs\": must be a whole number"_s;
    QTest::newRow("timeout fraction") << lab(R"({"type": "connect", "timeoutMs": 1.5})") << u"step 1, \"timeoutMs\""_s;
    QTest::newRow("negative points") << lab(R"({"type": "connect", "points": -1})") << u"step 1, \"points\": must be a whole number from 0 to"_s;
    QTest::newRow("hidden not bool") << lab(R"({"type": "connect", "hidden": "yes"})") << u"step 1, \"hidden\": must be true or false"_s;
    QTest::newRow("hint wrong type") << lab(R"({"type": "connect", "hint": 3})") << u"step 1, \"hint\": must be a string or an object"_s;
    QTest::newRow("hint unknown language") << lab(R"({"type": "connect", "hint": {"fr": "x"}})") << u"step 1, \"hint\": unknown language \"fr\""_s;
    QTest::newRow("bad regex") << lab(R"({"type": "connect"}, {"type": "expect", "regex": "(?<"})")
                               << u"step 2, \"regex\": not a valid regular expression"_s;
    QTest::newRow("two expectations") << lab(R"({"type": "connect"}, {"type": "expect", "exact": "a", "contains": "b"})")
                                      << u"step 2, \"exact/contains/regex/hex/echo\": give only one of them"_s;
    QTest::newRow("no expectation") << lab(R"({"type": "connect"}, {"type": "expect"})") << u"step 2, \"exact/contains/regex/hex/echo\": missing"_s;
    QTest::newRow("nothing to send") << lab(R"({"type": "connect"}, {"type": "send"})") << u"step 2, \"text/hex/file\": missing"_s;
    QTest::newRow("bad escape") << lab(R"({"type": "connect"}, {"type": "send", "text": "a\\q"})") << u"step 2, \"text\": "_s;
    QTest::newRow("bad hex") << lab(R"({"type": "connect"}, {"type": "send", "hex": "0G"})") << u"step 2, \"hex\": "_s;
    QTest::newRow("macro expected") << lab(R"({"type": "connect"}, {"type": "expect", "exact": "{{counter}}"})")
                                    << u"step 2, \"exact\": macros are not allowed"_s;
    QTest::newRow("empty expected") << lab(R"({"type": "connect"}, {"type": "expect", "contains": ""})") << u"step 2, \"contains\": must not be empty"_s;
    QTest::newRow("echo false") << lab(R"({"type": "connect"}, {"type": "expect", "echo": false})") << u"step 2, \"echo\": must be true"_s;
    QTest::newRow("bad encoding") << lab(R"({"type": "connect"}, {"type": "expect", "exact": "a", "encoding": "EBCDIC"})")
                                  << u"step 2, \"encoding\": must be UTF-8"_s;
    QTest::newRow("unopened connection") << lab(R"({"type": "connect"}, {"type": "send", "connection": "other", "text": "x"})")
                                         << u"step 2, \"connection\": \"other\" is not opened by an earlier connect or listen step"_s;
    QTest::newRow("send before connect") << lab(R"({"type": "send", "text": "x"})") << u"step 1, \"connection\": \"main\" is not opened"_s;
    QTest::newRow("udp in a tcp lab") << lab(R"({"type": "udpSend", "text": "x"})") << u"step 1, \"type\": a udpSend step does not suit a tcpServer target"_s;
    QTest::newRow("connect in a udp lab") << lab(R"({"type": "connect"})", "udpServer") << u"step 1, \"type\": a connect step does not suit"_s;
    QTest::newRow("listen for a server") << lab(R"({"type": "listen"})") << u"step 1, \"type\": a listen step does not suit"_s;
    QTest::newRow("one concurrent client") << lab(R"({"type": "concurrent", "clients": 1, "send": "x", "echo": true})")
                                           << u"step 1, \"clients\": must be a whole number from 2 to"_s;
    QTest::newRow("too many clients") << lab(R"({"type": "concurrent", "clients": 100000, "send": "x", "echo": true})")
                                      << u"step 1, \"clients\""_s;
    QTest::newRow("listen port") << lab(R"({"type": "listen", "port": 70000})", "tcpClient") << u"step 1, \"port\": must be a port"_s;
    QTest::newRow("step not object") << lab(R"({"type": "connect"}, 5)") << u"step 2, \"steps\": each step is a JSON object"_s;
    QTest::newRow("mail without inbox") << lab(R"({"type": "expectMail", "headers": {"Subject": "x"}})", "mailSender")
                                        << u"step 1, \"type\": an expectMail step needs an inbox step before it"_s;
    QTest::newRow("mail expects nothing") << lab(R"({"type": "inbox"}, {"type": "expectMail"})", "mailSender")
                                          << u"step 2, \"headers/attachment\": missing"_s;
    QTest::newRow("mail headers not object") << lab(R"({"type": "inbox"}, {"type": "expectMail", "headers": ["Subject"]})", "mailSender")
                                             << u"step 2, \"headers\": must be an object"_s;
    QTest::newRow("mail header not string") << lab(R"({"type": "inbox"}, {"type": "expectMail", "headers": {"Subject": 1}})", "mailSender")
                                            << u"step 2, \"headers\": \"Subject\" must be a header name with a string"_s;
    QTest::newRow("mail empty attachment") << lab(R"({"type": "inbox"}, {"type": "expectMail", "attachment": ""})", "mailSender")
                                           << u"step 2, \"attachment\": must be a file name"_s;
    QTest::newRow("inbox in a tcp lab") << lab(R"({"type": "inbox"})") << u"step 1, \"type\": a inbox step does not suit a tcpServer target"_s;
    QTest::newRow("connect in a mail lab") << lab(R"({"type": "connect"})", "mailSender") << u"step 1, \"type\": a connect step does not suit"_s;
    QByteArray many;
    for (int i = 0; i <= limits::kLabMaxSteps; ++i)
        many += QByteArray(i ? "," : "") + R"({"type": "connect"})";
    QTest::newRow("too many steps") << lab(many) << u"\"steps\": more than %1 steps"_s.arg(limits::kLabMaxSteps);
    QTest::newRow("huge file") << QByteArray(limits::kLabFileMaxBytes + 1, ' ') << u"larger than 1 MiB"_s;
    }

} // namespace
#endif

class TestLabSpec : public QObject {
    Q_OBJECT

private slots:
    void goodLab_parsesEveryField()
    {
        const auto parsed = parseLab(goodLabJson());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QCOMPARE(parsed->title.in(u"zh_CN"_s), u"回显"_s);
        QCOMPARE(parsed->title.in(u"en"_s), u"Echo"_s);
        QCOMPARE(parsed->host, u"::1"_s);
        QCOMPARE(parsed->port, quint16(7));
        QCOMPARE(parsed->steps.size(), 7);
        QCOMPARE(parsed->steps[0].timeoutMs, 100);
        QCOMPARE(parsed->steps[0].hint.in(u"zh_CN"_s), u"提示"_s);
        QCOMPARE(parsed->steps[1].points, 3);
        QCOMPARE(parsed->steps[1].encoding, TextEncoding::Gbk);   // the lab's encoding
        QVERIFY(!parsed->steps[1].payload->message.isConstant());
        QCOMPARE(parsed->steps[2].expectation->bytes, QByteArray("\xe4\xbd\xa0"));   // its own
        QVERIFY(parsed->steps[2].hidden);
        QCOMPARE(parsed->steps[2].timeoutMs, limits::kLabDefaultTimeoutMs);
        QCOMPARE(parsed->steps[3].expectation->match, LabExpectation::Match::Regex);
        QCOMPARE(parsed->steps[4].expectation->bytes, QByteArray("\x00\xff", 2));
        QCOMPARE(parsed->steps[6].clients, 3);
        QCOMPARE(parsed->steps[6].expectation->match, LabExpectation::Match::Echo);
        // Sends score nothing unless the lab says so; what the student's program does scores 1.
        QCOMPARE(parsed->maxPoints(), 1 + 3 + 1 + 1 + 1 + 1 + 1);
    }

    void badLab_errorNamesTheStepAndField_data()
    {
        addBadLabRows();
    }

    void badLab_errorNamesTheStepAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto parsed = parseLab(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(error), qPrintable(parsed.error().message()));
    }

    void shippedLabs_parseAndAreFoundByName()
    {
        const QStringList names = builtInLabNames();
        for (const char *name : {"echo-server", "threaded-echo-server", "udp-echo", "tcp-client", "mail-attachment", "chat-room"}) {
            QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(u' ')));
            const auto parsed = readLab(QLatin1String(name));
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
            QVERIFY(!parsed->title.en.isEmpty());
            QVERIFY(!parsed->title.zhCN.isEmpty());
            QVERIFY(parsed->maxPoints() > 0);
            // Every step that scores has a hint in both languages: a failure must say what to do.
            for (const LabStep &step : parsed->steps) {
                if (step.points == 0)
                    continue;
                QVERIFY2(!step.hint.en.isEmpty() && !step.hint.zhCN.isEmpty(), name);
            }
        }
    }

    void readLab_namesTheFileAndRefusesWhatIsNotALab()
    {
        QTemporaryDir dir;
        const auto missing = readLab(dir.filePath(u"nope.json"_s));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(u"nope.json"_s));
        QVERIFY(!readLab(u"no-such-built-in-lab"_s).ok());
    }

    void relativeFilePayload_isReadFromTheLabsFolder()
    {
        const auto parsed = parseLab(lab(R"({"type": "connect"}, {"type": "send", "file": "data.bin"})"), u"/some/where"_s);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->steps[1].payload->source, u"/some/where/data.bin"_s);
    }
};

QTEST_GUILESS_MAIN(TestLabSpec)
#include "tst_labspec.moc"
