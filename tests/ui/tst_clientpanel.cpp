// A client panel driven as a person would, against the tutorial's python echo server: connect,
// chat in Chinese, half-close, and the errors a student meets (refused, bad port, unknown host).

#include "panellog.h"
#include "peer.h"
#include "testutil.h"

#include "addressinputs.h"
#include "certificatedialog.h"
#include "clientpanel.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "trafficcounters.h"

#include "net/socket.h"
#include "tcp/tcpclient.h"
#include "tls/devcert.h"

#include <QCheckBox>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

namespace {
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}
} // namespace

class TestClientPanel : public QObject {
    Q_OBJECT

private slots:
    void connectChatAndDisconnect_withTheTutorialEchoServer()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);

        ClientPanel panel;
        panel.show();
        QVERIFY(!panel.sendBox()->sendButton()->isEnabled());   // nothing to send to yet
        typeInto(panel.hostEdit(), QStringLiteral("127.0.0.1"));
        typeInto(panel.portEdit(), QString::number(port));
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QVERIFY(connected.wait(5000));
        QCOMPARE(panel.connectButton()->text(), QStringLiteral("&Disconnect"));
        QVERIFY(panel.statusText().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QVERIFY(panel.sendBox()->sendButton()->isEnabled());

        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        QInputMethodEvent chinese;
        chinese.setCommitString(QStringLiteral("你好，世界"));
        QCoreApplication::sendEvent(panel.sendBox()->input(), &chinese);
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        // The echo comes back and is shown decoded.
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->bytesIn(), qint64(testsupport::chineseUtf8().size()), 5000);
        QCOMPARE(panel.counters()->bytesOut(), qint64(testsupport::chineseUtf8().size()));
        QTRY_VERIFY(logText(panel).contains(QStringLiteral("← 127.0.0.1:%1").arg(port)));
        QTRY_COMPARE(logText(panel).count(QStringLiteral("你好，世界")), 2);   // sent and received

        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QVERIFY(disconnected.size() == 1 || disconnected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(panel.connectButton()->text(), QStringLiteral("&Connect"), 5000);
        QVERIFY(!panel.sendBox()->sendButton()->isEnabled());
    }

    void refused_isExplainedInPlainWords()
    {
        auto reserved = Socket::create(AF_INET, SocketType::Stream);   // bound, never listening
        QVERIFY(reserved->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)).ok());
        const quint16 port = reserved->sockName()->port();
        ClientPanel panel;
        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(disconnected.wait(5000));
        QVERIFY2(panel.statusText().contains(QLatin1String("Connection refused")), qPrintable(panel.statusText()));
        QVERIFY(panel.statusText().contains(QLatin1String("is the server started?")));
        QCOMPARE(panel.connectButton()->text(), QStringLiteral("&Connect"));
    }

    void unknownHost_isAResolveError()
    {
        ClientPanel panel;
        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        panel.connectTo(QStringLiteral("no-such-host.invalid"), 80);
        QVERIFY(disconnected.wait(10000));
        QVERIFY2(panel.statusText().contains(QLatin1String("no-such-host.invalid")), qPrintable(panel.statusText()));
        QVERIFY(panel.statusText().contains(QLatin1String("check the host name")));
    }

    void badInput_disablesConnect()
    {
        ClientPanel panel;
        typeInto(panel.portEdit(), QStringLiteral("70000"));
        QVERIFY(!panel.connectButton()->isEnabled());
        QVERIFY(panel.portEdit()->errorText().contains(QLatin1String("70000")));
        typeInto(panel.portEdit(), QStringLiteral("0"));
        QVERIFY(!panel.connectButton()->isEnabled());   // a client cannot connect to port 0
        typeInto(panel.portEdit(), QStringLiteral("80"));
        typeInto(panel.hostEdit(), QStringLiteral("bad host"));
        QVERIFY(!panel.connectButton()->isEnabled());
        typeInto(panel.hostEdit(), QStringLiteral("::1"));
        QVERIFY(panel.connectButton()->isEnabled());
    }

    void halfClose_keepsReadingTheAnswer()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}));
        const quint16 port = server.readListeningPort();
        ClientPanel panel;
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(5000));
        panel.sendBox()->setLineEnding(SendBox::LineEnding::Lf);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("last words"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        QTest::mouseClick(panel.halfCloseButton(), Qt::LeftButton);
        QVERIFY(!panel.sendBox()->sendButton()->isEnabled());   // sending is over
        // The tutorial's server echoes, sees the end of our stream and closes: we get both.
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(panel.counters()->bytesIn(), qint64(11));
        QTRY_VERIFY(logText(panel).contains(QLatin1String("last words")));
    }

    // Issue 10's client side: TLS against openssl s_server (answering each line reversed) with a
    // self-signed certificate. It is refused and shown (subject, names, fingerprint, the reason);
    // trusted once, the panel connects again at once and chats; the trust is remembered for that
    // server, so the next connection verifies without asking.
    void tls_untrustedCertificateIsShownTrustedOnceThenChats()
    {
        QStandardPaths::setTestModeEnabled(true);   // the trust store goes to a test folder
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("openssl"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto made = ensureDevCertificate(dir.filePath(QStringLiteral("tls")));
        QVERIFY(made.ok());
        Peer server;
        QVERIFY(server.startProgram(QStringLiteral("openssl"),
                                    {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("-naccept"), QStringLiteral("2"), QStringLiteral("-cert"), made->certificateFile,
                                     QStringLiteral("-key"), made->keyFile, QStringLiteral("-rev")}));
        QByteArray line;
        do {
            bool ok = false;
            line = server.readLine(20000, &ok);
            QVERIFY2(ok, "openssl s_server did not say where it listens");
        } while (!line.startsWith("ACCEPT "));
        const quint16 port = line.mid(line.lastIndexOf(':') + 1).trimmed().toUShort();
        QVERIFY(port);

        ClientPanel panel;
        panel.show();
        panel.tlsCheck()->setChecked(true);
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = panel.findChild<CertificateDialog *>()) != nullptr, 20000);
        QVERIFY(connected.isEmpty());
        QVERIFY2(panel.statusText().contains(made->sha256), qPrintable(panel.statusText()));
        const QString shown = dialog->informativeText();
        QVERIFY2(shown.contains(QStringLiteral("localhost")) && shown.contains(made->sha256.left(47))
                     && shown.contains(QStringLiteral("self-signed")),
                 qPrintable(shown));
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);

        QVERIFY(connected.wait(20000));
        QVERIFY2(panel.statusText().contains(QStringLiteral("TLSv1.")), qPrintable(panel.statusText()));
        panel.sendBox()->setLineEnding(SendBox::LineEnding::Lf);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("hello tls"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->bytesIn(), qint64(10), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("slt olleh")), 5000);
        QVERIFY(panel.findChildren<CertificateDialog *>().isEmpty() || !panel.findChild<CertificateDialog *>()->isVisible());
    }
};

QTEST_MAIN(TestClientPanel)
#include "tst_clientpanel.moc"
