// The lab runner (core/lab/labrunner.h) on its own thread, as the window will use it: results
// arrive through signals, a student's program that never answers fails the step at its timeout
// (the run does not hang), one that floods is read only up to the bound, stop() ends a long wait
// at once, and a listen step tells where to connect and grades the student's client.

#include "lab/labrunner.h"
#include "net/limits.h"
#include "net/trace.h"

#include "peer.h"

#include <QTest>

#include <algorithm>
#include <memory>

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


const QByteArray kEchoLab = R"({"format": "socketeer-lab", "version": 1, "title": "t", "target": {"kind": "tcpServer"},
    "steps": [{"type": "connect"}, {"type": "send", "text": "hello\n"}, {"type": "expect", "exact": "hello\n"},
              {"type": "send", "text": "again\n"}, {"type": "expect", "echo": true}, {"type": "close"}]})";

// What a run reported, received on the test's thread: the runner emits from its worker, and
// these connections (with a receiver here) are queued, as the window's will be. (A QSignalSpy
// would record on the worker's thread, racing with the test reading it.)
struct Reports : QObject {
    explicit Reports(LabRunner &runner)
    {
        connect(&runner, &LabRunner::stepFinished, this, [this](const LabStepResult &r) { steps.append(r); });
        connect(&runner, &LabRunner::listening, this, [this](const QString &host, quint16 port) { listened.append({host, port}); });
        connect(&runner, &LabRunner::finished, this, [this](const LabRunResult &r) { result = r; done = true; });
        connect(&runner, &LabRunner::waitingForNext, this, [this](int index) { waiting.append({index, int(steps.size())}); });
    }
    QList<LabStepResult> steps;
    // Step mode: (the step waited before, how many steps had finished when it was reported).
    QList<QPair<int, int>> waiting;
    bool waitingBefore(int index) const { return !waiting.isEmpty() && waiting.last().first == index; }
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

// Every call a TraceRecorder delivers, in the order of the calls.
struct Calls : QObject {
    Calls()
    {
        connect(&recorder, &TraceRecorder::eventsRecorded, this, [this](const QList<TraceEvent> &events) { all += events; });
    }
    // The calls of the lab's thread, by their place in the order.
    QList<TraceEvent> lab(const QString &thread = LabRunner::kThreadName)
    {
        recorder.flush();
        QList<TraceEvent> mine;
        std::copy_if(all.cbegin(), all.cend(), std::back_inserter(mine), [&](const TraceEvent &e) { return e.thread == thread; });
        std::sort(mine.begin(), mine.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.sequence < b.sequence; });
        return mine;
    }
    TraceRecorder recorder;
    QList<TraceEvent> all;
};

// The first call named `call` at or after `from` whose text or bytes `matches` accepts; -1: none.
qsizetype findCall(const QList<TraceEvent> &calls, qsizetype from, const QString &call, const std::function<bool(const TraceEvent &)> &matches)
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < calls.size(); ++i)
        if (calls[i].call == call && matches(calls[i]))
            return i;
    return -1;
}

QString describeCalls(const QList<TraceEvent> &calls)
{
    QStringList lines;
    for (const TraceEvent &e : calls)
        lines << u"%1 %2(%3) = %4 errno %5 %6"_s.arg(e.sequence).arg(e.call, e.arguments, e.result).arg(e.error).arg(QString::fromLatin1(e.bytes.toHex()));
    return lines.join(u'\n');
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

    // The lab's exchange is on the timeline as the engines' is: the runner's thread, named "lab",
    // records its socket(), connect() to the student's port, the send() of the step's bytes, the
    // recv() of the student's reply and the close(), in that order; each step's result tells
    // where its calls are in the order.
    void trace_recordsTheExchangeInTheLabLane()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        Calls calls;
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kEchoLab), at(port)));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QVERIFY2(reports.result.passed(), qPrintable(reports.result.steps.last().problem));
        const QList<TraceEvent> lab = calls.lab();
        const QString shown = describeCalls(lab);
        const qsizetype socket = findCall(lab, 0, u"socket"_s, [](const TraceEvent &e) { return e.arguments.contains(u"SOCK_STREAM"_s); });
        QVERIFY2(socket >= 0, qPrintable(shown));
        const QString fd = lab[socket].result;   // "fd 7"
        const qsizetype connect = findCall(lab, socket, u"connect"_s, [&](const TraceEvent &e) {
            return e.arguments == u"%1, 127.0.0.1:%2"_s.arg(fd).arg(port);
        });
        QVERIFY2(connect > socket, qPrintable(shown));
        const qsizetype send = findCall(lab, connect, u"send"_s, [&](const TraceEvent &e) { return e.arguments.startsWith(fd + u", "_s) && e.bytes == "hello\n"; });
        QVERIFY2(send > connect, qPrintable(shown));
        QCOMPARE(lab[send].byteCount, 6);
        QCOMPARE(lab[send].error, 0);
        const qsizetype recv = findCall(lab, send, u"recv"_s, [&](const TraceEvent &e) { return e.arguments.startsWith(fd + u", "_s) && e.bytes == "hello\n"; });
        QVERIFY2(recv > send, qPrintable(shown));
        QCOMPARE(lab[recv].result, u"6 bytes"_s);
        const qsizetype again = findCall(lab, recv, u"send"_s, [](const TraceEvent &e) { return e.bytes == "again\n"; });
        const qsizetype echoed = findCall(lab, again, u"recv"_s, [](const TraceEvent &e) { return e.bytes == "again\n"; });
        QVERIFY2(again > recv && echoed > again, qPrintable(shown));
        const qsizetype close = findCall(lab, echoed, u"close"_s, [&](const TraceEvent &e) { return fd == u"fd "_s + e.arguments; });
        QVERIFY2(close > echoed, qPrintable(shown));

        // Each step's range holds its own calls and no other step's.
        const QList<LabStepResult> &steps = reports.result.steps;
        const auto within = [&](const LabStepResult &step, qsizetype index) {
            return lab[index].sequence > step.traceFrom && lab[index].sequence <= step.traceTo;
        };
        QVERIFY(within(steps[0], socket) && within(steps[0], connect));
        QVERIFY(within(steps[1], send) && !within(steps[1], recv));
        QVERIFY(within(steps[2], recv) && !within(steps[2], send));
        QVERIFY(within(steps[5], close));
        for (int i = 1; i < steps.size(); ++i)
            QVERIFY(steps[i].traceFrom >= steps[i - 1].traceTo);
    }

    // Step mode: nothing runs until next(); each next() runs exactly one step, and the run then
    // waits again (the connection stays open: the later steps use it); runRest() runs the rest.
    void stepMode_runsOneStepPerNext()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kEchoLab), at(port), true));
        QTRY_COMPARE_WITH_TIMEOUT(reports.waiting.size(), 1, kWait);
        QCOMPARE(reports.waiting[0], qMakePair(0, 0));
        QVERIFY(runner.isRunning());
        for (int step = 1; step <= 3; ++step) {
            runner.next();
            QTRY_COMPARE_WITH_TIMEOUT(reports.waiting.size(), step + 1, kWait);
            // Waiting before step `step`, with exactly `step` steps run.
            QCOMPARE(reports.waiting[step], qMakePair(step, step));
            QCOMPARE(reports.steps.size(), step);
            QVERIFY2(reports.steps.last().passed, qPrintable(reports.steps.last().problem));
            QVERIFY(!reports.done);
        }
        runner.runRest();
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QCOMPARE(reports.waiting.size(), 4);   // no waiting after runRest()
        QVERIFY2(reports.result.passed(), qPrintable(reports.result.steps.last().problem));
        QCOMPARE(reports.result.steps.size(), 6);
        QVERIFY(!reports.result.aborted);
        QTRY_VERIFY(!runner.isRunning());
    }

    // A reply that comes while the run waits between steps is there for the expect step, and one
    // that comes only after the expect step began is waited for within its timeout.
    void stepMode_aStudentThatRepliesLaterStillPasses()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/cued_echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kEchoLab), at(port), true));
        runner.next();   // connect
        runner.next();   // send hello
        QCOMPARE(student.readLine(kWait), QByteArray("got 6 bytes"));
        student.write("\n");   // the reply comes while the run waits before the expect step
        QCOMPARE(student.readLine(kWait), QByteArray("echoed"));
        QTRY_COMPARE_WITH_TIMEOUT(reports.steps.size(), 2, kWait);
        runner.next();   // expect hello: already there
        QTRY_COMPARE_WITH_TIMEOUT(reports.steps.size(), 3, kWait);
        QVERIFY2(reports.steps[2].passed, qPrintable(reports.steps[2].problem));
        runner.next();   // send again
        QCOMPARE(student.readLine(kWait), QByteArray("got 6 bytes"));
        QTRY_VERIFY_WITH_TIMEOUT(reports.waitingBefore(4), kWait);
        runner.next();   // expect again: nothing yet…
        student.write("\n");   // …the reply comes now
        QCOMPARE(student.readLine(kWait), QByteArray("echoed"));
        QTRY_COMPARE_WITH_TIMEOUT(reports.steps.size(), 5, kWait);
        QVERIFY2(reports.steps[4].passed, qPrintable(reports.steps[4].problem));
        runner.runRest();
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QVERIFY(reports.result.passed());
    }

    // stop() while the run waits for the next command ends it at once: the step not run is not
    // reported, and the open connection is closed by the worker.
    void stepMode_stopWhileWaitingEndsCleanly()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        Calls calls;
        LabRunner runner;
        Reports reports(runner);
        QVERIFY(runner.start(parsed(kEchoLab), at(port), true));
        runner.next();
        QTRY_VERIFY_WITH_TIMEOUT(reports.waitingBefore(1), kWait);   // connected; waiting before the send
        runner.stop();
        QTRY_VERIFY_WITH_TIMEOUT(reports.done, kWait);
        QVERIFY(reports.result.aborted);
        QCOMPARE(reports.result.steps.size(), 1);
        QVERIFY(reports.result.steps[0].passed);
        QTRY_VERIFY(!runner.isRunning());
        const QList<TraceEvent> lab = calls.lab();
        const qsizetype socket = findCall(lab, 0, u"socket"_s, [](const TraceEvent &) { return true; });
        QVERIFY2(socket >= 0, qPrintable(describeCalls(lab)));
        const QString fd = lab[socket].result;
        QVERIFY2(findCall(lab, socket, u"close"_s, [&](const TraceEvent &e) { return fd == u"fd "_s + e.arguments; }) > socket, qPrintable(describeCalls(lab)));
        QCOMPARE(findCall(lab, 0, u"send"_s, [](const TraceEvent &) { return true; }), -1);
        // A next() after the end does nothing; a new run starts.
        runner.next();
        QVERIFY(runner.start(parsed(kEchoLab), at(port)));
        QTRY_VERIFY_WITH_TIMEOUT(reports.done && reports.result.steps.size() == 6, kWait);
    }

    // Destroying the runner while it waits for a command stops and joins its thread, which
    // closes the connection it held before the destructor returns.
    void stepMode_destroyingTheRunnerWhileWaitingJoins()
    {
        Peer student;
        QVERIFY(student.startPython(u"students/echo_server.py"_s, {u"0"_s}));
        const quint16 port = student.readListeningPort();
        QVERIFY(port);
        Calls calls;
        auto runner = std::make_unique<LabRunner>();
        auto reports = std::make_unique<Reports>(*runner);
        QVERIFY(runner->start(parsed(kEchoLab), at(port), true));
        runner->next();
        QTRY_VERIFY_WITH_TIMEOUT(reports->waitingBefore(1), kWait);
        runner.reset();
        const QList<TraceEvent> lab = calls.lab();
        const qsizetype socket = findCall(lab, 0, u"socket"_s, [](const TraceEvent &) { return true; });
        QVERIFY2(socket >= 0, qPrintable(describeCalls(lab)));
        const QString fd = lab[socket].result;
        QVERIFY2(findCall(lab, socket, u"close"_s, [&](const TraceEvent &e) { return fd == u"fd "_s + e.arguments; }) > socket, qPrintable(describeCalls(lab)));
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
        Calls calls;
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
        // The inbox's calls are in a lane of the lab's own ("lab-inbox", not the window's inbox),
        // within the step that waited for the message.
        const QList<TraceEvent> all = calls.lab(u"lab-inbox"_s);
        const LabStepResult &wait = reports.result.steps[1];
        QVERIFY2(std::any_of(all.cbegin(), all.cend(), [&](const TraceEvent &e) {
                     return e.call == u"recv"_s && e.bytes.toUpper().contains("MAIL FROM") && e.sequence > wait.traceFrom && e.sequence <= wait.traceTo;
                 }), qPrintable(describeCalls(all)));
        QVERIFY(LabRunner::isLabThread(u"lab-inbox"_s));
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
