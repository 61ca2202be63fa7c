// The relay panel between the tutorial's Python echo server and client: bytes both ways in the log
// with the connection's name, a 1-byte slicer seen as pieces by a Python reader and reported in
// the log, impairments changed while a connection is open, a UDP duplicate at the tutorial's UDP
// server, and impairment text that is wrong or does not apply said so in words, never applied.

#include "panellog.h"
#include "peer.h"
#include "relaypaneltest.h"

#include "addressinputs.h"
#include "impairmentfields.h"
#include "messagelogview.h"
#include "relaypanel.h"
#include "settings.h"
#include "trafficcounters.h"

#include "relay/relay.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
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

constexpr int kWaitMs = 20000;

quint16 startRelay(RelayPanel &panel, quint16 target, bool udp = false)
{
    return testsupport::startPanelRelay(panel, target, udp, kWaitMs);
}

quint16 startEcho(Peer &server, bool udp = false)
{
    if (!server.startPython(udp ? u"udp_server.py"_s : u"tcp_echo_server.py"_s, {u"0"_s}))
        return 0;
    return server.readListeningPort();
}

} // namespace

class TestRelayPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_relaypanel"_s);
    }

    void tcp_bytesBothWaysAreLoggedPerConnection()
    {
        Peer server;
        const quint16 target = startEcho(server);
        QVERIFY(target);
        Settings settings;
        RelayPanel panel(settings);
        const quint16 port = startRelay(panel, target);
        QVERIFY(port);
        QCOMPARE(panel.startButton()->text(), u"S&top"_s);
        QVERIFY(!panel.targetHost()->isEnabled());
        Peer client;
        QVERIFY(client.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        client.write(QByteArray("ping").toHex() + '\n');
        QCOMPARE(client.readLine(), "Received " + QByteArray("ping").toHex());
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->bytesOut(), qint64(4), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->bytesIn(), qint64(4), kWaitMs);
        // The log shows what it holds at its next refresh.
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(u"connection 1: 127.0.0.1:"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).count(u"ping"_s) >= 2, kWaitMs);   // up, and its echo down

        QSignalSpy stopped(panel.relay(), &Relay::stopped);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(stopped.wait(kWaitMs));
        QCOMPARE(panel.startButton()->text(), u"&Start"_s);
        QVERIFY(panel.targetHost()->isEnabled());
    }

    void slicer_appliedLive_isSeenAsPiecesAndLogged()
    {
        Peer server;
        const quint16 target = startEcho(server);
        QVERIFY(target);
        Settings settings;
        RelayPanel panel(settings);
        const quint16 port = startRelay(panel, target);
        QVERIFY(port);
        // Changed while the relay runs: applies from the next chunk on.
        panel.impairments()->specEdit()->setText(u"slice=1:0:20000@down"_s);
        QVERIFY(panel.impairments()->applyButton()->isEnabled());
        QTest::mouseClick(panel.impairments()->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(logText(panel).contains(u"impairments now: slice=1:0:20000@down"_s));

        Peer reader;
        const QByteArray message = "sliced";
        QVERIFY(reader.startPython(u"tcp_recv_sizes.py"_s, {QString::number(port), QString::fromLatin1(message.toHex())}));
        int pieces = 0;
        for (;;) {
            bool ok = false;
            const QByteArray line = reader.readLine(kWaitMs, &ok);
            QVERIFY(ok);
            if (line.startsWith("got ")) {
                QCOMPARE(line, "got " + message.toHex());
                break;
            }
            QCOMPARE(line, QByteArray("recv 1"));
            ++pieces;
        }
        QCOMPARE(pieces, message.size());
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(u"connection 1 down: "_s), kWaitMs);
    }

    void udp_duplicateReachesTheTutorialServerTwice()
    {
        Peer server;
        const quint16 target = startEcho(server, true);
        QVERIFY(target);
        Settings settings;
        RelayPanel panel(settings);
        panel.impairments()->specEdit()->setText(u"duplicate=100@up"_s);
        const quint16 port = startRelay(panel, target, true);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(u"udp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write("6869\n");
        QVERIFY(client.readLine().endsWith(" 6869"));
        const QByteArray first = server.readLine();
        QVERIFY(first.endsWith(" 6869"));
        QCOMPARE(server.readLine(), first);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(u"session 1 up: "_s), kWaitMs);
    }

    void wrongOrInapplicableText_isSaidInWords()
    {
        Settings settings;
        RelayPanel panel(settings);
        auto *status = panel.findChild<QLabel *>(u"relayImpairmentStatus"_s);
        QVERIFY(status);
        panel.impairments()->specEdit()->setText(u"latency=-3"_s);
        QVERIFY(!panel.impairments()->isValid());
        QVERIFY2(status->text().contains(u"latency"_s), qPrintable(status->text()));
        // Start refuses, and says why, rather than relaying without the impairment.
        panel.listenPort()->setText(u"0"_s);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(!panel.relay()->isRunning());
        QVERIFY(panel.statusText().contains(u"impairments"_s));

        panel.impairments()->specEdit()->setText(u"slice=1 drop=5"_s);
        panel.protocol()->setCurrentIndex(0);
        QVERIFY2(status->text().contains(u"drop"_s), qPrintable(status->text()));
        panel.protocol()->setCurrentIndex(1);
        QVERIFY2(status->text().contains(u"slice"_s), qPrintable(status->text()));
    }

    void profiles_fillTheText()
    {
        Settings settings;
        RelayPanel panel(settings);
        QComboBox *profiles = panel.impairments()->profiles();
        const int lossy = profiles->findData(u"drop=5"_s);
        QVERIFY(lossy > 0);
        profiles->setCurrentIndex(lossy);
        emit profiles->activated(lossy);
        QCOMPARE(panel.impairments()->spec(), u"drop=5"_s);
        // Typed over, the profile no longer names it.
        panel.impairments()->specEdit()->setText(u"drop=6"_s);
        QCOMPARE(profiles->currentIndex(), -1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRelayPanel)
#include "tst_relaypanel.moc"
