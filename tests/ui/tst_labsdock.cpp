// The Labs dock (ui/labsdock.h) in the window, as issue 12's "done when" has a teacher use it: the
// threaded-server lab run against a student's one-client-at-a-time server fails, and the failing
// step shows its hint; against a threaded one every step passes with the full score. Also: a bad
// lab file is refused with its reason, a server lab will not start without a port, and Stop ends
// a run against a server that never answers.

#include "peer.h"

#include "addressinputs.h"
#include "labsdock.h"
#include "mainwindow.h"
#include "settings.h"

#include "lab/labrunner.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
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
        QCOMPARE(dock->runButton()->text(), u"&Stop"_s);
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
        QCOMPARE(dock->runButton()->text(), u"&Run"_s);

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
