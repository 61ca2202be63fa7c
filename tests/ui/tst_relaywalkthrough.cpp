// Issue 13's "done when", in one window: a teacher relays the tutorial's UDP echo client to its
// server through "Lossy UDP 5 %" and the tutorial's TCP echo exchange through a 1-byte slicer, and
// the class sees the loss and the pieces — in the relay's log and on the timeline, where the relay
// drew what it did on purpose (drop, slice) beside the socket calls.

#include "panellog.h"
#include "peer.h"
#include "relaypaneltest.h"

#include "addressinputs.h"
#include "impairmentfields.h"
#include "mainwindow.h"
#include "relaypanel.h"
#include "settings.h"
#include "timelineview.h"

#include "net/tracerecording.h"
#include "relay/relay.h"

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;
using testsupport::logText;

namespace {

constexpr int kWait = 30000;

int countCalls(TraceRecording *recording, const QString &call)
{
    int found = 0;
    for (qsizetype i = 0; i < recording->size(); ++i)
        found += recording->at(i).call == call ? 1 : 0;
    return found;
}

quint16 start(RelayPanel *panel, quint16 target, bool udp)
{
    return testsupport::startPanelRelay(*panel, target, udp, kWait);
}

void chooseProfile(RelayPanel *panel, const QString &spec)
{
    QComboBox *profiles = panel->impairments()->profiles();
    const int index = profiles->findData(spec);
    QVERIFY2(index > 0, qPrintable(spec));
    profiles->setCurrentIndex(index);
    emit profiles->activated(index);
}

} // namespace

class TestRelayWalkthrough : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_relaywalkthrough"_s);
    }

    void lossAndPieces_onTheLogAndTheTimeline()
    {
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
        MainWindow window(settings);
        window.show();
        window.findChild<QAction *>(u"timelineAction"_s)->trigger();
        TimelineView *timeline = window.timeline();
        QTRY_VERIFY(timeline->isRecording());
        RelayPanel *relay = window.relayPanel();
        window.tabs()->setCurrentWidget(relay);

        // 1. UDP through "Lossy UDP 5 %": 100 datagrams out and their echoes back, about one in ten
        //    lost on the way (5 % each way); a path with none lost at all comes once in ~30,000 runs.
        Peer udpServer;
        QVERIFY(udpServer.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 udpTarget = udpServer.readListeningPort();
        QVERIFY(udpTarget);
        chooseProfile(relay, u"drop=5"_s);
        const quint16 udpPort = start(relay, udpTarget, true);
        QVERIFY(udpPort);
        Peer client;
        QVERIFY(client.startPython(u"udp_count_client.py"_s, {u"127.0.0.1"_s, QString::number(udpPort), u"100"_s, u"1"_s}));
        const QByteArray counted = client.readLine(120000);
        QVERIFY2(counted.startsWith("sent 100 received "), counted.constData());
        const int received = counted.split(' ').constLast().toInt();
        QVERIFY2(received < 100 && received > 50, counted.constData());
        QTRY_VERIFY_WITH_TIMEOUT(logText(relay->log()).contains(u"session 1 up: "_s) || logText(relay->log()).contains(u"session 1 down: "_s), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(countCalls(timeline->recording(), u"drop"_s) >= 1, kWait);

        QSignalSpy stopped(relay->relay(), &Relay::stopped);
        QTest::mouseClick(relay->startButton(), Qt::LeftButton);
        QVERIFY(stopped.wait(kWait));

        // 2. TCP through a 1-byte slicer: the tutorial's echo comes back one recv() per byte.
        Peer tcpServer;
        QVERIFY(tcpServer.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 tcpTarget = tcpServer.readListeningPort();
        QVERIFY(tcpTarget);
        chooseProfile(relay, u"slice=1:0:20000"_s);
        const quint16 tcpPort = start(relay, tcpTarget, false);
        QVERIFY(tcpPort);
        Peer reader;
        const QByteArray message = "a stream";
        QVERIFY(reader.startPython(u"tcp_recv_sizes.py"_s, {QString::number(tcpPort), QString::fromLatin1(message.toHex())}));
        int recvs = 0;
        for (;;) {
            bool ok = false;
            const QByteArray line = reader.readLine(kWait, &ok);
            QVERIFY(ok);
            if (line.startsWith("got ")) {
                QCOMPARE(line, "got " + message.toHex());
                break;
            }
            QCOMPARE(line, QByteArray("recv 1"));
            ++recvs;
        }
        QCOMPARE(recvs, message.size());
        QTRY_VERIFY_WITH_TIMEOUT(countCalls(timeline->recording(), u"slice"_s) >= 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(logText(relay->log()).contains(u"connection 1 down: "_s), kWait);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRelayWalkthrough)
#include "tst_relaywalkthrough.moc"
