// The lab runner (core/lab/labrunner.h) on its own thread, as the window will use it: results
// arrive through signals, a student's program that never answers fails the step at its timeout
// (the run does not hang), one that floods is read only up to the bound, stop() ends a long wait
// at once, and a listen step tells where to connect and grades the student's client.

#include "lab/labrunner.h"
#include "net/limits.h"

#include "peer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using testsupport::Peer;

#ifndef Q_MOC_RUN
namespace {

constexpr int kWait = 30000;

LabSpec parsed(const QByteArray &json)
{
    auto lab = parseLab(json);
    if (!lab)
        qFatal("bad test lab: %s", qPrintable(lab.error().message()));
    return *lab;
}

LabRunOptions at(quint16 port)
{
    LabRunOptions options;
    options.host = u"127.0.0.1"_s;
    options.port = port;
    return options;
}

const QByteArray kSilentLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "tcpServer"},
    "steps": [{"type": "connect"}, {"type": "send", "text": "hello\n"},
              {"type": "expect", "exact": "hello\n", "timeoutMs": 300, "hint": "answer"},
              {"type": "expectClose", "timeoutMs": 300}]})";

const QByteArray kFloodLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "tcpServer"},
    "steps": [{"type": "connect"}, {"type": "expect", "contains": "the end", "timeoutMs": 60000}]})";

const QByteArray kLongWaitLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "tcpServer"},
    "steps": [{"type": "connect"}, {"type": "expect", "exact": "x", "timeoutMs": 120000}, {"type": "expectClose"}]})";

const QByteArray kClientLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "tcpClient"},
    "steps": [{"type": "listen", "timeoutMs": 20000}, {"type": "expect", "exact": "hello\n", "timeoutMs": 20000},
              {"type": "send", "text": "welcome\n"}, {"type": "expectClose", "timeoutMs": 20000}]})";


// What a run reported, received on the test's thread: the runner emits from its worker, and
// these connections (with a receiver here) are queued, as the window's will be. (A QSignalSpy
// would record on the worker's thread, racing with the test reading it.)
struct Reports : QObject {
    explicit Reports(LabRunner &runner)
    {
        connect(&runner, &LabRunner::stepFinished, this, [this](const LabStepResult &r) { steps.append(r); });
        connect(&runner, &LabRunner::listening, this, [this](const QString &host, quint16 port) { listened.append({host, port}); });
        connect(&runner, &LabRunner::finished, this, [this](const LabRunResult &r) { result = r; done = true; });
    }
    QList<LabStepResult> steps;
    QList<QPair<QString, quint16>> listened;
    LabRunResult result;
    bool done = false;
};

const QByteArray kMailLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "mailSender"},
    "steps": [{"type": "inbox"}, {"type": "expectMail", "headers": {"subject": "作业", "From": "student@"}, "attachment": "报告.txt",
               "timeoutMs": 30000}]})";

QByteArray manyMailWaitsLab()
{
    QByteArray steps = R"({"type": "inbox"})";
    for (int i = 0; i < 40; ++i)
        steps += R"(, {"type": "expectMail", "attachment": "a.txt", "timeoutMs": 150})";
    return R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "mailSender"}, "steps": [)" + steps + "]}";
}

} // namespace
#endif

class TestLabRunner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<LabStepResult>();
        qRegisterMetaType<LabRunResult>();
    }

    void silentServer_failsAtTheTimeoutAndTheRunEnds()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/silent_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kSilentLab), at(port)));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QCOMPARE(reports.steps.size(), 4);
        const LabRunResult &result = reports.result;
        QVERIFY(!result.passed());
        QVERIFY(result.steps[0].passed);
        QVERIFY(!result.steps[2].passed);
        QCOMPARE(result.steps[2].problem, u"no answer within 300 ms"_s);
        QCOMPARE(result.steps[2].hint, u"answer"_s);
        QVERIFY(!result.steps[3].passed);
        QVERIFY(result.steps[3].problem.contains(u"still open after 300 ms"_s));
        QCOMPARE(result.points, 1);
        QCOMPARE(result.maxPoints, 3);
    }

    void flood_isReadOnlyUpToTheBound()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/flood_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kFloodLab), at(port)));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);   // long before the step's 60 s
        const LabRunResult &result = reports.result;
        const LabStepResult &expect = result.steps.at(1);
        QVERIFY(!expect.passed);
        QVERIFY2(expect.problem.contains(u"more than 65536 bytes"_s), qPrintable(expect.problem));
        QCOMPARE(expect.receivedBytes, limits::kLabExpectMaxBytes);
        QCOMPARE(expect.received.size(), limits::kLabShownBytes);
        QVERIFY(expect.received.startsWith("spam spam"));
    }

    void stop_endsALongWaitAtOnce()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/silent_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kLongWaitLab), at(port)));
        QTRY_COMPARE_WITH_TIMEOUT(reports.steps.size(), 1, kWait);   // connected: the next step waits up to two minutes
        QVERIFY(runner.isRunning());
        QVERIFY(!runner.start(parsed(kLongWaitLab), at(port)));   // one run at a time
        runner.stop();
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        const LabRunResult &result = reports.result;
        QVERIFY(result.aborted);
        QVERIFY(!result.passed());
        QCOMPARE(result.steps.size(), 2);   // the third step never ran
        QCOMPARE(result.steps[1].problem, u"the run was stopped"_s);
        QTRY_VERIFY(!runner.isRunning());
    }

    void listen_gradesTheStudentsClient()
    {
        LabRunner runner;
        Reports reports(runner);
        LabRunOptions options;
        QVERIFY(runner.start(parsed(kClientLab), options));
        QTRY_COMPARE_WITH_TIMEOUT(reports.listened.size(), 1, kWait);
        const auto [host, port] = reports.listened.first();
        QCOMPARE(host, u"127.0.0.1"_s);
        QVERIFY(port != 0);
        Peer student;
        QVERIFY(student.startPython(u"students/hello_client.py"_s, {host, QString::number(port)}));
        QCOMPARE(student.readLine(kWait), QByteArray("Received 'welcome\\n'"));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        const LabRunResult &result = reports.result;
        for (const LabStepResult &step : result.steps)
            QVERIFY2(step.passed, qPrintable(step.problem));
        QVERIFY(result.passed());
        QCOMPARE(result.target, u"127.0.0.1:%1"_s.arg(port));
    }

    // The inbox runs inside the runner's worker thread (its signals served by an event loop there),
    // as the window will run it: the message the student's program sends is found by its headers
    // (names in any case) and its Chinese-named attachment.
    void mail_theInboxOnTheWorkerThreadGetsTheStudentsMessage()
    {
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kMailLab), LabRunOptions{}));
        QTRY_COMPARE_WITH_TIMEOUT(reports.listened.size(), 1, kWait);
        const auto [host, port] = reports.listened.first();
        Peer student;
        QVERIFY(student.startPython(u"students/mail_student.py"_s, {host, QString::number(port)}));
        QCOMPARE(student.readLine(kWait), QByteArray("sent"));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        for (const LabStepResult &step : reports.result.steps)
            QVERIFY2(step.passed, qPrintable(step.problem));
        QVERIFY(reports.result.passed());
        QVERIFY(QString::fromUtf8(reports.result.steps[1].received).contains(u"Subject: 第一次作业"_s));
    }

    void mail_stopEndsTheWaitForAMessage()
    {
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kMailLab), LabRunOptions{}));
        QTRY_COMPARE_WITH_TIMEOUT(reports.steps.size(), 1, kWait);   // the inbox runs; the wait is 30 s
        runner.stop();
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QVERIFY(reports.result.aborted);
        QCOMPARE(reports.result.steps.size(), 2);
        QCOMPARE(reports.result.steps[1].problem, u"the run was stopped"_s);
    }

    // Each wait for a message ends at its deadline, also when the timer that wakes the loop fires a
    // little early (a coarse timer may): 40 short waits with no message must all end. The runner
    // once went back to sleep with no timer left and hung (seen in tst_clilab's repeat runs).
    void mail_shortWaitsAllEnd()
    {
        const LabSpec lab = parsed(manyMailWaitsLab());
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(lab, LabRunOptions{}));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QCOMPARE(reports.result.steps.size(), 41);
        QCOMPARE(reports.result.steps.last().problem, u"no message came to the inbox within 150 ms"_s);
    }

    // The shipped chat-room lab, in process (and so under TSan): three named connections in one run,
    // the correct student's room passes every step; the room that relays to the sender too fails
    // exactly the step "A did not get its own line back".
    void chatRoomLab_namedConnections_gradeTheRoom_data()
    {
        QTest::addColumn<QString>("student");
        QTest::addColumn<QList<int>>("failed");
        QTest::newRow("correct") << u"chat_server.py"_s << QList<int>{};
        QTest::newRow("relays to the sender too") << u"chat_everyone_server.py"_s << QList<int>{12};
    }
    void chatRoomLab_namedConnections_gradeTheRoom()
    {
        QFETCH(QString, student);
        QFETCH(QList<int>, failed);
        const auto lab = readLab(u"chat-room"_s);
        QVERIFY(lab.ok());
        Peer room;
        QVERIFY(room.startPython(u"students/"_s + student, {u"0"_s}));
        const quint16 port = room.readListeningPort();
        QVERIFY(port);
        const LabRunResult result = runLab(*lab, at(port));
        QCOMPARE(result.steps.size(), 17);
        QList<int> failedSteps;
        for (qsizetype i = 0; i < result.steps.size(); ++i)
            if (!result.steps[i].passed)
                failedSteps << int(i + 1);
        QCOMPARE(failedSteps, failed);
        QCOMPARE(result.passed(), failed.isEmpty());
    }

    // The synchronous form the CLI uses: a server that is not there fails the connect step with the
    // reason, and the steps that need its connection fail without waiting.
    void refused_failsTheConnectAndTheRestAtOnce()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        student.process().kill();
        QVERIFY(student.waitForFinished());
        const LabRunResult result = runLab(parsed(kSilentLab), at(port));
        QCOMPARE(result.steps.size(), 4);
        QVERIFY(result.steps[0].problem.contains(u"Connection refused"_s));
        QVERIFY(result.steps[2].problem.startsWith(u"not connected"_s));
        QCOMPARE(result.points, 0);
    }
};

QTEST_GUILESS_MAIN(TestLabRunner)
#include "tst_labrunner.moc"
