// The UDP panel against the tutorial's python UDP server and client: bind, send, receive with the
// sender shown, reply to the last sender, and a datagram too large to send.

#include "panellog.h"
#include "peer.h"
#include "testutil.h"

#include "addressinputs.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "trafficcounters.h"
#include "udppanel.h"

#include "udp/udpendpoint.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

namespace {
quint16 bindEphemeral(UdpPanel &panel)
{
    QSignalSpy bound(panel.endpoint(), &UdpEndpoint::bound);
    panel.bindPort()->setText(QStringLiteral("0"));
    QTest::mouseClick(panel.bindButton(), Qt::LeftButton);
    if (!bound.wait(5000))
        return 0;
    return bound.at(0).at(1).value<quint16>();
}
} // namespace

class TestUdpPanel : public QObject {
    Q_OBJECT

private slots:
    void sendToTheTutorialServerAndSeeTheAnswer()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py"), {QStringLiteral("0")}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        UdpPanel panel;
        QVERIFY(bindEphemeral(panel));
        QCOMPARE(panel.bindButton()->text(), QStringLiteral("&Close"));
        panel.targetHost()->setText(QStringLiteral("127.0.0.1"));
        panel.targetPort()->setText(QString::number(serverPort));
        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("ping"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QVERIFY(server.readLine().endsWith(QByteArray("ping").toHex()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->messagesIn(), qint64(1), 5000);
        QTRY_VERIFY(logText(panel).contains(QStringLiteral("← 127.0.0.1:%1 (4 byte").arg(serverPort)));
    }

    void replyToLastSender_answersTheTutorialClient()
    {
        UdpPanel panel;
        const quint16 port = bindEphemeral(panel);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write(testsupport::chineseUtf8().toHex() + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->messagesIn(), qint64(1), 5000);
        QTRY_VERIFY(logText(panel).contains(QStringLiteral("你好，世界")));

        QTest::mouseClick(panel.replyToLastCheck(), Qt::LeftButton);
        QVERIFY(!panel.targetHost()->isEnabled());
        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("pong"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        const QByteArray line = client.readLine();
        QVERIFY2(line.startsWith("From 127.0.0.1 " + QByteArray::number(port)) && line.endsWith(QByteArray("pong").toHex()), line);
    }

    void oversizeDatagram_isRefusedClearly()
    {
        UdpPanel panel;
        QVERIFY(bindEphemeral(panel));
        panel.targetHost()->setText(QStringLiteral("127.0.0.1"));
        panel.targetPort()->setText(QStringLiteral("9"));
        QSignalSpy error(panel.endpoint(), &UdpEndpoint::errorOccurred);
        panel.sendBox()->setHexMode(true);
        panel.sendBox()->input()->setText(QString(QStringLiteral("41 ")).repeated(70000));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QVERIFY(error.wait(5000));
        QVERIFY2(panel.statusText().contains(QLatin1String("70000")), qPrintable(panel.statusText()));
        QCOMPARE(error.at(0).at(0).value<Error>().kind, ErrorKind::Limit);
    }

    void portInUse_isShown()
    {
        UdpPanel first;
        const quint16 port = bindEphemeral(first);
        UdpPanel second;
        QSignalSpy closed(second.endpoint(), &UdpEndpoint::closed);
        second.bindPort()->setText(QString::number(port));
        QTest::mouseClick(second.bindButton(), Qt::LeftButton);
        QVERIFY(closed.wait(5000));
        QVERIFY2(second.statusText().contains(QLatin1String("Address already in use")), qPrintable(second.statusText()));
        QCOMPARE(second.bindButton()->text(), QStringLiteral("&Bind"));
    }
};

QTEST_MAIN(TestUdpPanel)
#include "tst_udppanel.moc"
