// The server panel driven as a person would — type a port, press Start, watch a client arrive,
// type a reply and press Enter — with the tutorial's python client on the other end.

#include "panellog.h"
#include "peer.h"
#include "testutil.h"

#include "addressinputs.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "tlsserverfields.h"
#include "trafficcounters.h"

#include "tcp/tcpserver.h"
#include "tls/devcert.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

class TestServerPanel : public QObject {
    Q_OBJECT

private:
    static quint16 start(ServerPanel &panel)
    {
        QSignalSpy started(panel.server(), &TcpServer::started);
        panel.portEdit()->selectAll();
        QTest::keyClicks(panel.portEdit(), QStringLiteral("0"));
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        if (!started.wait(5000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

private slots:
    // Finding 5: Send file… with a file larger than any queue reaches every client byte for byte,
    // at the pace of the slowest reader; the file is read by a stream's thread, not this one.
    void sendFile_streamsALargeFileToEveryClientByteForByte_data()
    {
        QTest::addColumn<int>("model");
        QTest::newRow("event-loop") << 0;
        QTest::newRow("thread-per-client") << 1;
    }
    void sendFile_streamsALargeFileToEveryClientByteForByte()
    {
        QFETCH(int, model);
        QVERIFY2(Peer::haveProgram(QStringLiteral("nc")), "nc (netcat-openbsd) is missing: scripts/install-deps.sh installs it");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray payload(20 * 1024 * 1024, Qt::Uninitialized);   // more than the server's 8 MiB queue
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = static_cast<char>((i * 13 + i / 4099) & 0xff);
        const QString path = dir.filePath(QStringLiteral("big.bin"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(payload), payload.size());
        }
        const QByteArray sha = QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex();

        ServerPanel panel;
        panel.findChild<QComboBox *>(QStringLiteral("serverModel"))->setCurrentIndex(model);
        const quint16 port = start(panel);
        QVERIFY(port);
        const QString size = QString::number(payload.size());
        Peer fast, slow, nc;
        QVERIFY(fast.startPython(QStringLiteral("tcp_slow_reader.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("65536"), QStringLiteral("0"), size}));
        QVERIFY(fast.readLine().startsWith("connected"));
        QVERIFY(slow.startPython(QStringLiteral("tcp_slow_reader.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("16384"), QStringLiteral("0.002"), size}));
        QVERIFY(slow.readLine().startsWith("connected"));
        QVERIFY(nc.startProgram(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("nc -d 127.0.0.1 %1 | head -c %2 | sha256sum").arg(port).arg(size)}));
        QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 3, 10000);
        fast.write("go\n");
        slow.write("go\n");

        QVERIFY(panel.sendBox()->sendFile(path));
        const QByteArray expected = "got " + size.toLatin1() + ' ' + sha;
        for (Peer *reader : {&fast, &slow}) {
            QTRY_VERIFY_WITH_TIMEOUT(reader->process().canReadLine() || reader->process().state() != QProcess::Running, 120000);
            QCOMPARE(reader->readLine(), expected);
        }
        QTRY_VERIFY_WITH_TIMEOUT(nc.process().canReadLine() || nc.process().state() != QProcess::Running, 60000);
        QCOMPARE(nc.readLine(), sha + "  -");
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("sent big.bin")), 30000);
        QVERIFY2(!logText(panel).contains(QStringLiteral("not reading")), qPrintable(logText(panel)));
    }

    void badPort_isMarkedAndStartIsDisabled()
    {
        ServerPanel panel;
        panel.portEdit()->clear();
        QTest::keyClicks(panel.portEdit(), QStringLiteral("70000"));
        QVERIFY(!panel.portEdit()->isValid());
        QVERIFY(panel.portEdit()->errorText().contains(QLatin1String("70000")));
        QVERIFY(!panel.startButton()->isEnabled());
        panel.portEdit()->clear();
        QTest::keyClicks(panel.portEdit(), QStringLiteral("8080"));
        QVERIFY(panel.startButton()->isEnabled());
    }

    void loopbackIsTheDefault_andAllInterfacesWarns()
    {
        ServerPanel panel;
        panel.show();
        QCOMPARE(panel.addressCombo()->address(), QStringLiteral("127.0.0.1"));
        auto *warning = panel.findChild<QLabel *>(QStringLiteral("openWarning"));
        QVERIFY(warning && !warning->isVisible());
        panel.addressCombo()->setAddress(QStringLiteral("0.0.0.0"));
        QVERIFY(warning->isVisible());
    }

    void startChatAndStop_withTheTutorialClient()
    {
        ServerPanel panel;
        panel.show();
        const quint16 port = start(panel);
        QVERIFY(port);
        QVERIFY(panel.statusText().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QCOMPARE(panel.startButton()->text(), QStringLiteral("St&op"));
        QVERIFY(!panel.portEdit()->isEnabled());

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 1, 5000);
        QVERIFY(panel.clientList()->topLevelItem(0)->text(1).startsWith(QLatin1String("127.0.0.1:")));

        // The client says 你好; the log shows it as text.
        client.write(QByteArray("wait\n"));   // the client reads after our reply; first it sends
        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("hello from the server"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QCOMPARE(client.readLine(), QByteArray("Received ") + QByteArray("hello from the server").toHex());
        client.write(testsupport::chineseUtf8().toHex() + '\n');
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("你好，世界")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.counters()->bytesIn(), qint64(testsupport::chineseUtf8().size()), 5000);
        QCOMPARE(panel.counters()->bytesOut(), qint64(21));

        QSignalSpy stopped(panel.server(), &TcpServer::stopped);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(stopped.wait(5000));
        QCOMPARE(panel.clientList()->topLevelItemCount(), 0);
        QCOMPARE(panel.startButton()->text(), QStringLiteral("St&art"));
        QVERIFY(panel.portEdit()->isEnabled());
    }

    // Issue 10's newcomer: choose TLS with the development certificate, press Start, read the
    // fingerprint; the tutorial's client wrapped in Python's ssl (verifying against that
    // certificate, for "localhost") chats; a plain-TCP client is refused with the reason while the
    // TLS client stays.
    void tls_developmentCertificate_servesPythonSslAndRefusesPlainTcp()
    {
        QStandardPaths::setTestModeEnabled(true);   // the certificate goes to a test folder
        ServerPanel panel;
        panel.show();
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("echoCheck")), Qt::LeftButton);
        panel.tlsFields()->setMode(TlsServerFields::Mode::DevelopmentCertificate);
        const quint16 port = start(panel);
        QVERIFY2(port, qPrintable(panel.statusText()));
        auto made = ensureDevCertificate(defaultDevCertificateFolder());   // the one the panel made: reused
        QVERIFY(made.ok());
        QVERIFY(!made->created);
        QVERIFY2(panel.statusText().contains(made->sha256), qPrintable(panel.statusText()));
        QVERIFY(!panel.tlsFields()->isEnabled());   // not while listening

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tls_client.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port), made->certificateFile}));
        QVERIFY(client.readLine(20000).startsWith("connected TLSv1."));
        QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("connected over TLSv1.")), 5000);

        Peer plain;
        QVERIFY(plain.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(plain.readLine().startsWith("connected"));
        plain.write(QByteArray("plain text").toHex() + '\n');
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("TLS handshake failed")), 10000);
        QCOMPARE(panel.clientList()->topLevelItemCount(), 1);

        client.write(testsupport::chineseUtf8().toHex() + '\n');
        QCOMPARE(client.readLine(20000), QByteArray("Received ") + testsupport::chineseUtf8().toHex());
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("你好，世界")), 5000);
    }

    // Own files that are not a certificate and key: the error names the file, nothing listens.
    void tls_brokenCertificateFile_isNamedAndNothingListens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        for (const QString &path : {certificate, key}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a PEM file\n");
        }
        ServerPanel panel;
        panel.tlsFields()->setMode(TlsServerFields::Mode::CertificateFiles);
        panel.tlsFields()->certificateEdit()->setText(certificate);
        panel.tlsFields()->keyEdit()->setText(key);
        QSignalSpy started(panel.server(), &TcpServer::started);
        panel.portEdit()->selectAll();
        QTest::keyClicks(panel.portEdit(), QStringLiteral("0"));
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY2(panel.statusText().contains(certificate), qPrintable(panel.statusText()));
        QVERIFY(!panel.server()->isRunning());
        QVERIFY(started.isEmpty());
        QCOMPARE(panel.startButton()->text(), QStringLiteral("St&art"));
    }

    void echoCheckbox_echoes()
    {
        ServerPanel panel;
        auto *echo = panel.findChild<QCheckBox *>(QStringLiteral("echoCheck"));
        QTest::mouseClick(echo, Qt::LeftButton);
        QVERIFY(echo->isChecked());
        const quint16 port = start(panel);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        client.write(testsupport::nonUtf8Bytes().toHex() + '\n');
        QCOMPARE(client.readLine(), QByteArray("Received ") + testsupport::nonUtf8Bytes().toHex());
    }

    void sendToSelected_andDisconnectSelected()
    {
        ServerPanel panel;
        const quint16 port = start(panel);
        Peer a, b;
        for (Peer *p : {&a, &b}) {
            QVERIFY(p->startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QVERIFY(p->readLine().startsWith("connected"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 2, 5000);
        auto *disconnect = panel.findChild<QPushButton *>(QStringLiteral("disconnectButton"));
        QVERIFY(!disconnect->isEnabled());   // nothing selected yet
        panel.clientList()->topLevelItem(0)->setSelected(true);
        QVERIFY(disconnect->isEnabled());
        QTest::mouseClick(disconnect, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QLatin1String("disconnected by the server")), 5000);
    }

    void portInUse_isShownInPlainWords()
    {
        ServerPanel first;
        const quint16 port = start(first);
        QVERIFY(port);
        ServerPanel second;
        QSignalSpy stopped(second.server(), &TcpServer::stopped);
        second.portEdit()->clear();
        QTest::keyClicks(second.portEdit(), QString::number(port));
        QTest::mouseClick(second.startButton(), Qt::LeftButton);
        QVERIFY(stopped.wait(5000));
        QVERIFY2(second.statusText().contains(QLatin1String("Address already in use")), qPrintable(second.statusText()));
        QVERIFY(second.statusText().contains(QString::number(port)));
        QCOMPARE(second.startButton()->text(), QStringLiteral("St&art"));
        QVERIFY(second.startButton()->isEnabled());
    }
};

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
