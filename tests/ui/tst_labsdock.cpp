// The Labs dock (ui/labsdock.h) in the window, as issue 12's "done when" has a teacher use it: the
// threaded-server lab run against a student's one-client-at-a-time server fails, and the failing
// step shows its hint; against a threaded one every step passes with the full score. Also: a bad
// lab file is refused with its reason, a server lab will not start without a port, and Stop ends
// a run against a server that never answers. Step runs a lab one step at a time with the next step
// marked, Run runs the rest, and the dock's timeline shows the run's socket calls.

#include "peer.h"

#include "addressinputs.h"
#include "labsdock.h"
#include "mainwindow.h"
#include "settings.h"

#include "timelineview.h"

#include "lab/labrunner.h"
#include "net/tracerecording.h"

#include <memory>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;

namespace {

constexpr int kWait = 60000;   // a lab's own timeouts run inside this

quint16 startStudent(Peer &peer, const QString &script)
{
    if (!peer.startPython(u"students/"_s + script, {u"0"_s}))
        return 0;
    return peer.readListeningPort(kWait);
}

} // namespace

class TestLabsDock : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_labsdock"_s);
    }

    void threadedServerLab_failsOneAtATime_passesThreaded()
    {
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
        MainWindow window(settings);
        window.show();
        QAction *action = window.findChild<QAction *>(u"labsAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F6));
        action->trigger();
        LabsDock *dock = window.labs();
        QVERIFY(dock->isVisible());
        QVERIFY(dock->labCombo()->findData(u"threaded-echo-server"_s) >= 0);
        QVERIFY2(dock->openLab(u"threaded-echo-server"_s), qPrintable(dock->statusText()));
        const int steps = dock->stepList()->topLevelItemCount();
        QVERIFY(steps > 0);
        QVERIFY(dock->hostEdit()->isVisible());

        // A server that serves one client at a time: the lab fails, the failing step says why.
        Peer oneAtATime;
        quint16 port = startStudent(oneAtATime, u"echo_server.py"_s);
        QVERIFY(port);
        dock->portEdit()->setPort(port);
        QSignalSpy finished(dock, &LabsDock::runFinished);
        QTest::mouseClick(dock->runButton(), Qt::LeftButton);
        QVERIFY2(dock->isRunning(), qPrintable(dock->statusText()));
        QVERIFY(dock->stopButton()->isEnabled());
        QVERIFY(!dock->runButton()->isEnabled());
        QVERIFY(!dock->stepButton()->isEnabled());
        QVERIFY(finished.wait(kWait));
        LabRunResult result = finished.first().at(0).value<LabRunResult>();
        QVERIFY(!result.passed());
        QVERIFY(result.points < result.maxPoints);
        QCOMPARE(dock->scoreLabel()->text(), labScoreLine(result));
        auto failed = std::find_if(result.steps.cbegin(), result.steps.cend(), [](const LabStepResult &r) { return !r.passed; });
        QVERIFY(failed != result.steps.cend());
        QVERIFY(!failed->hint.isEmpty());
        // The first failing step is selected, red, and its details carry the hint.
        QTreeWidgetItem *item = dock->stepList()->topLevelItem(failed->index);
        QCOMPARE(dock->stepList()->currentItem(), item);
        QVERIFY(item->text(0).startsWith(u"✘"_s));
        QVERIFY2(dock->details()->toPlainText().contains(failed->hint.left(20)), qPrintable(dock->details()->toPlainText()));
        QVERIFY(dock->runButton()->isEnabled());
        QVERIFY(!dock->stopButton()->isEnabled());

        // The tutorial's threaded server: every step green, the full score.
        Peer threaded;
        port = startStudent(threaded, u"threaded_echo_server.py"_s);
        QVERIFY(port);
        dock->portEdit()->setPort(port);
        finished.clear();
        QVERIFY(dock->run());
        QVERIFY(finished.wait(kWait));
        result = finished.first().at(0).value<LabRunResult>();
        QVERIFY2(result.passed(), qPrintable(dock->details()->toPlainText()));
        QCOMPARE(result.points, result.maxPoints);
        QCOMPARE(result.steps.size(), steps);
        for (int row = 0; row < steps; ++row)
            QVERIFY(dock->stepList()->topLevelItem(row)->text(0).startsWith(u"✔"_s));
        QVERIFY(dock->statusText().contains(u"Every step passed"_s));
    }

    // Step through the echo-server lab against the tutorial's echo server: each Step turns exactly
    // one more step green and leaves the rest untouched, the next one marked; the dock's timeline
    // has the exchange (the send of the lab's bytes, the recv of the echo) and selecting a step
    // selects its first call there; Run after two Steps runs the rest.
    void stepThroughTheEchoServerLab_thenRunTheRest()
    {
        LabsDock dock;
        dock.show();
        QVERIFY(dock.openLab(u"echo-server"_s));
        Peer student;
        const quint16 port = startStudent(student, u"echo_server.py"_s);
        QVERIFY(port);
        dock.portEdit()->setPort(port);
        QTreeWidget *list = dock.stepList();
        const int steps = list->topLevelItemCount();
        QVERIFY(steps > 3);
        QSignalSpy finished(&dock, &LabsDock::runFinished);
        const auto statusOf = [&](int row) { return list->topLevelItem(row)->text(0); };

        for (int done = 1; done <= 3; ++done) {
            QVERIFY(dock.stepButton()->isEnabled());
            QTest::mouseClick(dock.stepButton(), Qt::LeftButton);
            QVERIFY2(dock.isRunning(), qPrintable(dock.statusText()));
            QTRY_COMPARE_WITH_TIMEOUT(dock.nextStep(), done, kWait);   // waits before the next step
            for (int row = 0; row < steps; ++row) {
                if (row < done)
                    QVERIFY2(statusOf(row).startsWith(u"✔"_s), qPrintable(statusOf(row)));
                else if (row == done)
                    QCOMPARE(statusOf(row), u"▶ %1"_s.arg(row + 1));   // the next one, marked
                else
                    QCOMPARE(statusOf(row), QString::number(row + 1));   // untouched
            }
            QVERIFY(list->topLevelItem(done)->font(1).bold());
            QVERIFY(dock.stepButton()->isEnabled());
            QVERIFY(dock.runButton()->isEnabled());
            QVERIFY(dock.stopButton()->isEnabled());
        }
        QVERIFY(finished.isEmpty());

        // connect, send "hello\n", expect "hello\n": the timeline has the lab's calls, in its lane.
        TraceRecording *timeline = dock.timeline()->recording();
        qsizetype send = -1, recv = -1;
        for (qsizetype i = 0; i < timeline->size(); ++i) {
            const TraceEvent &e = timeline->at(i);
            QCOMPARE(e.thread, LabRunner::kThreadName);
            if (send < 0 && e.call == u"send"_s && e.bytes == "hello\n")
                send = i;
            if (send >= 0 && recv < 0 && e.call == u"recv"_s && e.bytes == "hello\n")
                recv = i;
        }
        QVERIFY2(send >= 0 && recv > send, qPrintable(u"%1 calls"_s.arg(timeline->size())));
        QVERIFY(timeline->lanes() == QStringList{LabRunner::kThreadName});
        // Selecting the send step selects its send() on the timeline.
        list->setCurrentItem(list->topLevelItem(0));
        list->setCurrentItem(list->topLevelItem(1));
        QCOMPARE(timeline->cursor(), send);
        QVERIFY(dock.timeline()->detailsText().contains(u"send"_s));
        list->setCurrentItem(list->topLevelItem(2));
        QCOMPARE(timeline->cursor(), recv);
        dock.detailsTabs()->setCurrentWidget(dock.timeline());

        // Run: the rest at once, every step green.
        QTest::mouseClick(dock.runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWait));
        const LabRunResult result = finished.first().at(0).value<LabRunResult>();
        QVERIFY2(result.passed(), qPrintable(dock.details()->toPlainText()));
        QCOMPARE(result.steps.size(), steps);
        for (int row = 0; row < steps; ++row) {
            QVERIFY2(statusOf(row).startsWith(u"✔"_s), qPrintable(statusOf(row)));
            QVERIFY(!list->topLevelItem(row)->font(1).bold());
        }
        QCOMPARE(dock.nextStep(), -1);
        QVERIFY(!dock.isRunning());
        QVERIFY(dock.stepButton()->isEnabled());
        QVERIFY(!dock.stopButton()->isEnabled());
        // The hidden steps' exchange ("still there?") is the teacher's: not on the timeline.
        for (qsizetype i = 0; i < timeline->size(); ++i)
            QVERIFY(!timeline->at(i).bytes.contains("still there?"));
        QVERIFY(std::any_of(result.steps.cbegin(), result.steps.cend(), [](const LabStepResult &r) { return r.hidden; }));
    }

    // Stop while a stepped run waits: the run ends, the mark goes, the steps not run stay as they were.
    void stepThenStop_endsTheRun()
    {
        LabsDock dock;
        QVERIFY(dock.openLab(u"echo-server"_s));
        Peer student;
        const quint16 port = startStudent(student, u"echo_server.py"_s);
        QVERIFY(port);
        dock.portEdit()->setPort(port);
        QSignalSpy finished(&dock, &LabsDock::runFinished);
        QVERIFY(dock.step());
        QTRY_COMPARE_WITH_TIMEOUT(dock.nextStep(), 1, kWait);
        QTest::mouseClick(dock.stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWait));
        QVERIFY(finished.first().at(0).value<LabRunResult>().aborted);
        QCOMPARE(dock.nextStep(), -1);
        QVERIFY(dock.stepList()->topLevelItem(0)->text(0).startsWith(u"✔"_s));
        QCOMPARE(dock.stepList()->topLevelItem(1)->text(0), u"2"_s);
        QVERIFY(dock.statusText().contains(u"Stopped"_s));
    }

    // A mail lab: the lab's own inbox is on the dock's timeline (its lane "lab-inbox"), with the
    // student's message as it came.
    void mailLab_theInboxCallsAreOnTheTimeline()
    {
        LabsDock dock;
        QVERIFY(dock.openLab(u"mail-attachment"_s));
        auto *runner = dock.findChild<LabRunner *>();
        QVERIFY(runner);
        QObject here;   // the port arrives on the test's thread (queued), not the worker's
        QString host;
        quint16 port = 0;
        connect(runner, &LabRunner::listening, &here, [&](const QString &h, quint16 p) { host = h; port = p; });
        QSignalSpy finished(&dock, &LabsDock::runFinished);
        QVERIFY(dock.run());
        QTRY_VERIFY_WITH_TIMEOUT(port != 0, kWait);
        Peer student;
        QVERIFY(student.startPython(u"students/mail_student.py"_s, {host, QString::number(port)}));
        QCOMPARE(student.readLine(kWait), QByteArray("sent"));
        QVERIFY(finished.wait(kWait));
        QVERIFY2(finished.first().at(0).value<LabRunResult>().passed(), qPrintable(dock.details()->toPlainText()));
        TraceRecording *timeline = dock.timeline()->recording();
        QVERIFY2(timeline->lanes().contains(u"lab-inbox"_s), qPrintable(timeline->lanes().join(u", "_s)));
        bool mailFrom = false;
        for (qsizetype i = 0; i < timeline->size(); ++i)
            mailFrom = mailFrom || (timeline->at(i).call == u"recv"_s && timeline->at(i).bytes.toUpper().contains("MAIL FROM"));
        QVERIFY(mailFrom);
    }

    // Closing the window while a stepped run waits: the dock goes, its runner stops and joins.
    void destroyWhileAStepWaits_joins()
    {
        auto dock = std::make_unique<LabsDock>();
        QVERIFY(dock->openLab(u"echo-server"_s));
        Peer student;
        const quint16 port = startStudent(student, u"echo_server.py"_s);
        QVERIFY(port);
        dock->portEdit()->setPort(port);
        QVERIFY(dock->step());
        QTRY_COMPARE_WITH_TIMEOUT(dock->nextStep(), 1, kWait);
        QVERIFY(dock->isRunning());
        dock.reset();
    }

    void badLab_isRefused_andAServerLabNeedsAPort()
    {
        LabsDock dock;
        const QString bad = m_dir.filePath(u"bad.json"_s);
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"socketeer-lab\", \"version\": 1, \"title\": \"x\", \"target\": {\"kind\": \"tcpServer\", \"port\": 7}, \"steps\": [{\"type\": \"expect\", \"exact\": \"x\", \"timeoutMs\": -5}]}");
        file.close();
        const QString before = dock.labCombo()->currentText();
        QVERIFY(!dock.openLab(bad));
        QVERIFY2(dock.statusText().contains(u"bad.json"_s), qPrintable(dock.statusText()));
        QCOMPARE(dock.labCombo()->currentText(), before);   // the lab shown before stays

        QVERIFY(dock.openLab(u"echo-server"_s));
        dock.portEdit()->setPort(0);
        QVERIFY(!dock.run());
        QVERIFY(!dock.isRunning());
        QVERIFY2(dock.statusText().contains(u"port"_s), qPrintable(dock.statusText()));
    }

    void stop_endsARunAgainstASilentServer()
    {
        LabsDock dock;
        QVERIFY(dock.openLab(u"echo-server"_s));
        Peer silent;
        const quint16 port = startStudent(silent, u"silent_server.py"_s);
        QVERIFY(port);
        dock.portEdit()->setPort(port);
        QSignalSpy finished(&dock, &LabsDock::runFinished);
        QVERIFY(dock.run());
        QTRY_VERIFY_WITH_TIMEOUT(dock.stepList()->topLevelItem(0)->text(0).startsWith(u"✔"_s), kWait);   // connected
        dock.stop();
        QVERIFY(finished.wait(kWait));
        const LabRunResult result = finished.first().at(0).value<LabRunResult>();
        QVERIFY(result.aborted);
        QVERIFY(!result.passed());
        QVERIFY(!dock.isRunning());
        QVERIFY(dock.statusText().contains(u"Stopped"_s));
    }
};

QTEST_MAIN(TestLabsDock)
#include "tst_labsdock.moc"
