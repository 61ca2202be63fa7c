// Issue 10's "done when", as a newcomer does it in one window: TLS on in the server panel with
// the development certificate, a client panel with TLS connects, is shown the certificate and
// trusts it once, and both sides chat; openssl s_client, verifying the same certificate by name,
// talks to the same server; the trust is remembered, so the next connection asks nothing.

#include "panellog.h"
#include "peer.h"

#include "addressinputs.h"
#include "certificatedialog.h"
#include "clientpanel.h"
#include "mainwindow.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "settings.h"
#include "tlsserverfields.h"

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

namespace {

constexpr int kWaitMs = 20000;

void say(SendBox *box, const QString &text)
{
    box->setLineEnding(SendBox::LineEnding::Lf);
    box->input()->insert(text);   // as an input method would: QTest types ASCII only
    QTest::keyClick(box->input(), Qt::Key_Return);
}

} // namespace

class TestTlsChat : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QStandardPaths::setTestModeEnabled(true);   // the development certificate in a test folder
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tlschat"));
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void newcomer_turnsOnTls_trustsOnce_chats_andOpensslTalksToTheSameServer()
    {
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("openssl"));
        Settings settings;
        MainWindow window(settings);
        window.show();

        // The server panel: Security → the development certificate, port 0, Start.
        ServerPanel *server = window.serverPanel();
        QComboBox *security = server->tlsFields()->securityCombo();
        security->setCurrentIndex(security->findData(int(TlsServerFields::Mode::DevelopmentCertificate)));
        QCOMPARE(server->tlsFields()->mode(), TlsServerFields::Mode::DevelopmentCertificate);
        QSignalSpy started(server->server(), &TcpServer::started);
        server->portEdit()->selectAll();
        QTest::keyClicks(server->portEdit(), QStringLiteral("0"));
        QTest::mouseClick(server->startButton(), Qt::LeftButton);
        QVERIFY2(started.wait(kWaitMs), qPrintable(server->statusText()));
        const quint16 port = started.at(0).at(1).value<quint16>();
        auto certificate = ensureDevCertificate(defaultDevCertificateFolder());   // the one the panel made
        QVERIFY(certificate.ok());
        QVERIFY2(server->statusText().contains(certificate->sha256), qPrintable(server->statusText()));

        // A client panel with TLS, to localhost: refused and shown, trusted once by the user.
        ClientPanel *client = window.clientPanels().first();
        client->tlsCheck()->setChecked(true);
        QSignalSpy connected(client->client(), &TcpClient::connected);
        client->connectTo(QStringLiteral("localhost"), port);
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = client->findChild<CertificateDialog *>()) != nullptr && dialog->isVisible(), kWaitMs);
        QVERIFY(connected.isEmpty());
        QVERIFY2(dialog->informativeText().contains(certificate->sha256.left(47)), qPrintable(dialog->informativeText()));
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QVERIFY(connected.wait(kWaitMs));
        QVERIFY2(client->statusText().contains(QStringLiteral("TLSv1.3")), qPrintable(client->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(server->clientList()->topLevelItemCount(), 1, kWaitMs);

        // They chat, both ways, in Chinese too.
        say(client->sendBox(), QStringLiteral("hello over TLS 你好"));
        QTRY_VERIFY_WITH_TIMEOUT(logText(server->log()).contains(QStringLiteral("hello over TLS 你好")), kWaitMs);
        say(server->sendBox(), QStringLiteral("welcome, encrypted"));
        QTRY_VERIFY_WITH_TIMEOUT(logText(client->log()).contains(QStringLiteral("welcome, encrypted")), kWaitMs);

        // openssl s_client verifies the same certificate by name and joins the chat.
        Peer openssl;
        QVERIFY(openssl.startProgram(QStringLiteral("openssl"),
                                     {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                                      QStringLiteral("-verify_hostname"), QStringLiteral("localhost"), QStringLiteral("-CAfile"),
                                      certificate->certificateFile, QStringLiteral("-verify_return_error"), QStringLiteral("-quiet")}));
        QTRY_COMPARE_WITH_TIMEOUT(server->clientList()->topLevelItemCount(), 2, kWaitMs);
        openssl.write("s_client was here\n");
        QTRY_VERIFY_WITH_TIMEOUT(logText(server->log()).contains(QStringLiteral("s_client was here")), kWaitMs);
        say(server->sendBox(), QStringLiteral("to everyone"));
        QByteArray line;
        do {
            bool ok = false;
            line = openssl.readLine(kWaitMs, &ok);
            QVERIFY2(ok, openssl.standardError().constData());
        } while (!line.contains("to everyone"));
        QTRY_VERIFY_WITH_TIMEOUT(logText(client->log()).contains(QStringLiteral("to everyone")), kWaitMs);

        // The trust is remembered for localhost:port: the next connection asks nothing.
        QSignalSpy disconnected(client->client(), &TcpClient::disconnected);
        client->client()->disconnectFromHost();
        QVERIFY(disconnected.wait(kWaitMs));
        connected.clear();
        client->connectTo(QStringLiteral("localhost"), port);
        QVERIFY(connected.wait(kWaitMs));
        const auto dialogs = client->findChildren<CertificateDialog *>();
        for (CertificateDialog *shown : dialogs)
            QVERIFY(!shown->isVisible());
    }
};

QTEST_MAIN(TestTlsChat)
#include "tst_tlschat.moc"
