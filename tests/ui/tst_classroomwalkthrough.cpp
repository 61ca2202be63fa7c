// Issue 12's "done when", in one window as a teacher would do it: the threaded-server lab run
// from the Labs dock fails a student's one-client-at-a-time server with its hint and passes the
// tutorial's threaded one; the Python program of the server tab, copied from the Code view into a
// file, runs — and passes the same lab; the exchange the window made is on the timeline, saved,
// opened again in another timeline view and stepped through call by call.

#include "peer.h"

#include "addressinputs.h"
#include "codedock.h"
#include "labsdock.h"
#include "mainwindow.h"
#include "serverpanel.h"
#include "settings.h"
#include "timelineview.h"

#include "lab/labreport.h"
#include "net/tracerecording.h"
#include "tcp/tcpserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

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

// "listening on HOST PORT", as the generated servers print it.
quint16 listeningPort(Peer &peer)
{
    bool ok = false;
    const QByteArray line = peer.readLine(kWait, &ok);
    if (!ok || !line.startsWith("listening on ")) {
        qWarning("expected \"listening on HOST PORT\", got \"%s\" (%s)", line.constData(), peer.standardError().constData());
        return 0;
    }
    return static_cast<quint16>(line.split(' ').last().toUInt());
}

LabRunResult runLab(LabsDock *dock, quint16 port)
{
    QSignalSpy finished(dock, &LabsDock::runFinished);
    dock->portEdit()->setPort(port);
    QTest::mouseClick(dock->runButton(), Qt::LeftButton);
    if (!dock->isRunning() || !finished.wait(kWait))
        return {};
    return finished.first().at(0).value<LabRunResult>();
}

} // namespace

class TestClassroomWalkthrough : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_classroomwalkthrough"_s);
    }

    void teachersHour()
    {
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The timeline records from the start of the hour.
        window.findChild<QAction *>(u"timelineAction"_s)->trigger();
        TimelineView *timeline = window.timeline();
        QTRY_VERIFY(timeline->isRecording());

        // 1. The threaded-server lab against a one-client-at-a-time server: red, with its hint.
        window.findChild<QAction *>(u"labsAction"_s)->trigger();
        LabsDock *labs = window.labs();
        QVERIFY2(labs->openLab(u"threaded-echo-server"_s), qPrintable(labs->statusText()));
        Peer oneAtATime;
        quint16 port = startStudent(oneAtATime, u"echo_server.py"_s);
        QVERIFY(port);
        LabRunResult result = runLab(labs, port);
        QVERIFY(!result.steps.isEmpty());
        QVERIFY(!result.passed());
        const auto failed = std::find_if(result.steps.cbegin(), result.steps.cend(), [](const LabStepResult &r) { return !r.passed; });
        QVERIFY(failed != result.steps.cend());
        QVERIFY(!failed->hint.isEmpty());
        QVERIFY2(labs->details()->toPlainText().contains(failed->hint.left(20)), qPrintable(labs->details()->toPlainText()));

        // …and against the tutorial's threaded server: green, the full score.
        Peer threaded;
        port = startStudent(threaded, u"threaded_echo_server.py"_s);
        QVERIFY(port);
        result = runLab(labs, port);
        QVERIFY2(result.passed(), qPrintable(labs->details()->toPlainText()));
        QCOMPARE(result.points, result.maxPoints);

        // 2. The server tab's Python program, copied from the Code view into a file: it runs, and
        // it is a threaded echo server good enough for the same lab.
        window.findChild<QAction *>(u"codeAction"_s)->trigger();
        CodeDock *code = window.codeView();
        ServerPanel *server = window.serverPanel();
        window.tabs()->setCurrentWidget(server);
        server->portEdit()->setPort(0);
        server->modelCombo()->setCurrentIndex(server->modelCombo()->findData(static_cast<int>(ServerModel::ThreadPerClient)));
        server->echoCheck()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(code->code().contains(u"import threading"_s) && code->copyButton()->isEnabled(), kWait);
        QTest::mouseClick(code->copyButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, code->code());
        const QString path = m_dir.filePath(u"my_server.py"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(copied.toUtf8()) > 0);
        file.close();
        Peer generated;
        QVERIFY(generated.startProgram(u"/usr/bin/python3"_s, {path}));
        port = listeningPort(generated);
        QVERIFY(port);
        result = runLab(labs, port);
        QVERIFY2(result.passed(), qPrintable(labs->details()->toPlainText()));

        // 3. The window's own exchange (its server tab and a tutorial client) is on the timeline;
        // saved, opened in another view, and stepped through.
        QSignalSpy started(server->server(), &TcpServer::started);
        server->startListening(0);
        QVERIFY(started.wait(kWait));
        const quint16 serverPort = started.at(0).at(1).value<quint16>();
        Peer client;
        QVERIFY(client.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(serverPort)}));
        QVERIFY(client.readLine(kWait).startsWith("connected "));
        client.write(QByteArray("ping\n").toHex() + '\n');
        QCOMPARE(client.readLine(kWait), QByteArray("Received ") + QByteArray("ping\n").toHex());
        const auto recvOfPing = [](TimelineCanvas *canvas) {
            for (int i = 0; i < canvas->eventCount(); ++i) {
                const TraceEvent &event = canvas->event(i);
                if (event.call == u"recv"_s && event.bytes == "ping\n")
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(recvOfPing(timeline->canvas()) >= 0, kWait);
        server->stopListening();

        const QString saved = m_dir.filePath(u"hour.timeline.json"_s);
        QString error;
        QVERIFY2(timeline->saveTo(saved, &error), qPrintable(error));
        TimelineView other;
        other.resize(900, 500);
        other.show();
        QVERIFY2(other.openFrom(saved, &error), qPrintable(error));
        QVERIFY(other.isShowingFile());
        QCOMPARE(other.canvas()->eventCount(), timeline->canvas()->eventCount());
        other.stepForward();
        const QString first = other.detailsText();
        QVERIFY(first.contains(u"Call: "_s));
        other.stepForward();
        QVERIFY(other.detailsText() != first);
        other.stepBack();
        QCOMPARE(other.detailsText(), first);
        // The recv() of the window's server came along, with the client's bytes.
        QCOMPARE(recvOfPing(other.canvas()), recvOfPing(timeline->canvas()));
    }
};

QTEST_MAIN(TestClassroomWalkthrough)
#include "tst_classroomwalkthrough.moc"
