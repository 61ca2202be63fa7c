// The TCP server over TLS, both concurrency models, against TLS clients this project did not write:
// openssl s_client, Python's ssl (a tutorial-style client, tests/peers/tls_client.py) and socat.
// Also the development certificate (checked with the openssl command) and the context's errors.

#include "peer.h"
#include "testutil.h"

#include "net/socket.h"
#include "net/trace.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace socketeer;
using testsupport::Peer;

Q_DECLARE_METATYPE(socketeer::ServerModel)

namespace {

// Runs the openssl command to the end; its stdout (and stderr) and exit code.
int runOpenssl(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000))
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestTlsServer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    DevCertificate m_certificate;
    std::shared_ptr<const TlsContext> m_context;

    TcpServerConfig config(ServerModel model, bool echo = true) const
    {
        TcpServerConfig c;
        c.model = model;
        c.echo = echo;
        c.tls = m_context;
        return c;
    }

    static quint16 startOn(TcpServer &server, const TcpServerConfig &config)
    {
        QSignalSpy started(&server, &TcpServer::started);
        if (!server.start(config) || !started.wait(5000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

    static void addModels()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("event-loop") << ServerModel::EventLoop;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient;
    }

    bool startPythonClient(Peer &client, quint16 port)
    {
        return client.startPython(QStringLiteral("tls_client.py"),
                                  {QStringLiteral("127.0.0.1"), QString::number(port), m_certificate.certificateFile});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("openssl"));
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("socat"));
        QVERIFY(m_dir.isValid());
        auto made = ensureDevCertificate(m_dir.filePath(QStringLiteral("tls")));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        m_certificate = *made;
        auto context = TlsContext::server(m_certificate.certificateFile, m_certificate.keyFile);
        QVERIFY2(context.ok(), context.ok() ? "" : qPrintable(context.error().message()));
        m_context = *context;
    }

    void opensslClient_verifiesAndGetsEcho_data() { addModels(); }
    void opensslClient_verifiesAndGetsEcho()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        Peer client;
        // -verify_return_error: a certificate that does not verify for "localhost" ends the handshake.
        QVERIFY(client.startProgram(QStringLiteral("openssl"),
                                    {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                                     QStringLiteral("-CAfile"), m_certificate.certificateFile, QStringLiteral("-verify_return_error"),
                                     QStringLiteral("-verify_hostname"), QStringLiteral("localhost"), QStringLiteral("-quiet")}));
        client.write("hello over TLS, \xe4\xbd\xa0\xe5\xa5\xbd\n");
        bool ok = false;
        QCOMPARE(client.readLine(20000, &ok), QByteArray("hello over TLS, \xe4\xbd\xa0\xe5\xa5\xbd"));
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
        const auto info = connected.at(0).at(0).value<ClientInfo>();
        QVERIFY2(info.tlsProtocol.startsWith(QStringLiteral("TLSv1.")), qPrintable(info.tlsProtocol));
        QVERIFY(!info.tlsCipher.isEmpty());
    }

    void pythonClient_echoesAndClosesWithCloseNotify_data() { addModels(); }
    void pythonClient_echoesAndClosesWithCloseNotify()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        Peer client;
        QVERIFY(startPythonClient(client, port));
        QVERIFY(client.readLine(20000).startsWith("connected TLSv1."));
        const QByteArray message = QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd") + testsupport::nonUtf8Bytes();
        client.write(message.toHex() + '\n');
        QCOMPARE(client.readLine(20000), "Received " + message.toHex());
        // unwrap(): its close_notify, then ours back (Python raises if it is missing).
        client.closeWrite();
        QCOMPARE(client.readLine(20000), QByteArray("closed"));
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
        QCOMPARE(disconnected.at(0).at(1).toString(), QStringLiteral("the client closed the connection"));
    }

    void serverDisconnect_sendsCloseNotifyBeforeFin_data() { addModels(); }
    void serverDisconnect_sendsCloseNotifyBeforeFin()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        // s_client, told to show every TLS message it receives.
        Peer opensslClient;
        QVERIFY(opensslClient.startProgram(QStringLiteral("openssl"),
                                           {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                                            QStringLiteral("-CAfile"), m_certificate.certificateFile, QStringLiteral("-msg"),
                                            QStringLiteral("-ign_eof")}));
        Peer pythonClient;
        QVERIFY(startPythonClient(pythonClient, port));
        QVERIFY(pythonClient.readLine(20000).startsWith("connected"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20000);
        pythonClient.write("wait\n");
        for (const auto &args : connected)
            server.disconnectClient(args.at(0).value<ClientInfo>().id);
        // Python's client sees the end (whether it tells close_notify from a bare FIN is its business:
        // s_client below is the witness that close_notify was sent).
        QVERIFY(pythonClient.readLine(20000).startsWith("closed"));
        bool sawNotify = false;
        for (;;) {
            bool ok = false;
            const QByteArray line = opensslClient.readLine(20000, &ok);
            QVERIFY2(ok, "s_client ended without showing the server's close_notify");
            if (line.startsWith("<<<") && line.contains("close_notify"))
                sawNotify = true;
            if (line == "closed")
                break;
        }
        QVERIFY(sawNotify);
    }

    void socat_echoes_data() { addModels(); }
    void socat_echoes()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startProgram(QStringLiteral("socat"),
                                    {QStringLiteral("-"), QStringLiteral("OPENSSL:localhost:%1,pf=ip4,cafile=%2")
                                                              .arg(port)
                                                              .arg(m_certificate.certificateFile)}));
        client.write("socat says hello\n");
        QCOMPARE(client.readLine(20000), QByteArray("socat says hello"));
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
    }

    void plainClient_isRefusedWhileTlsClientKeepsChatting_data() { addModels(); }
    void plainClient_isRefusedWhileTlsClientKeepsChatting()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy rejected(&server, &TcpServer::clientRejected);
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        Peer tlsClient;
        QVERIFY(startPythonClient(tlsClient, port));
        QVERIFY(tlsClient.readLine(20000).startsWith("connected"));
        tlsClient.write(QByteArray("before").toHex() + '\n');
        QCOMPARE(tlsClient.readLine(20000), "Received " + QByteArray("before").toHex());

        // The tutorial's plain client: its bytes are no ClientHello.
        Peer plainClient;
        QVERIFY(plainClient.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(plainClient.readLine().startsWith("connected"));
        plainClient.write(QByteArray("HELO plain text\r\n").toHex() + '\n');
        QVERIFY(rejected.wait(20000));
        const QString reason = rejected.at(0).at(1).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("TLS handshake failed: the client does not speak TLS")), qPrintable(reason));
        QVERIFY(plainClient.waitForFinished(20000));   // the connection ended: it saw the close

        tlsClient.write(QByteArray("after").toHex() + '\n');
        QCOMPARE(tlsClient.readLine(20000), "Received " + QByteArray("after").toHex());
        QCOMPARE(connected.size(), 1);   // the plain client was never announced
        QCOMPARE(server.clientCount(), 1);
    }

    void silentClient_isDroppedAtHandshakeTimeout_data() { addModels(); }
    void silentClient_isDroppedAtHandshakeTimeout()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy rejected(&server, &TcpServer::clientRejected);
        TcpServerConfig c = config(model);
        c.tlsHandshakeTimeout = std::chrono::milliseconds(300);
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        auto silent = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(silent.ok());
        QVERIFY(silent->connect(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), port)).ok());
        QVERIFY(rejected.wait(20000));
        QVERIFY2(rejected.at(0).at(1).toString().contains(QStringLiteral("did not finish")), qPrintable(rejected.at(0).at(1).toString()));
        char byte = 0;
        auto n = silent->recv(std::span<char>(&byte, 1));   // the server closed it
        QVERIFY(!n.ok() || *n == 0);
        QCOMPARE(connected.size(), 0);
    }

    void largeTransfer_isEchoedByteIdentical_data() { addModels(); }
    void largeTransfer_isEchoedByteIdentical()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        Peer client;
        QVERIFY(startPythonClient(client, port));
        QVERIFY(client.readLine(20000).startsWith("connected"));
        constexpr int kBytes = 8 * 1024 * 1024;
        client.write(QByteArray("bulk ") + QByteArray::number(kBytes) + '\n');
        QCOMPARE(client.readLine(120000), QByteArray("echoed ") + QByteArray::number(kBytes) + " identical");
        client.closeWrite();
        QCOMPARE(client.readLine(20000), QByteArray("closed"));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 20000);
        // The counters count the application's bytes, not the records' overhead.
        QCOMPARE(server.statistics().bytesIn, quint64(kBytes));
        QCOMPARE(server.statistics().bytesOut, quint64(kBytes));
    }

    void startTls_upgradesPlainConnectionAndDiscardsPipelinedBytes_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<bool>("pipelined");
        QTest::newRow("event-loop") << ServerModel::EventLoop << false;
        QTest::newRow("event-loop, pipelined attack") << ServerModel::EventLoop << true;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient << false;
        QTest::newRow("thread-per-client, pipelined attack") << ServerModel::ThreadPerClient << true;
    }
    void startTls_upgradesPlainConnectionAndDiscardsPipelinedBytes()
    {
        QFETCH(ServerModel, model);
        QFETCH(bool, pipelined);
        TcpServer server;
        TcpServerConfig plain = config(model, false);
        plain.tls.reset();
        // The front end of a small line protocol, written the way a STARTTLS server must be: on
        // STARTTLS it discards what it holds unparsed and lets the engine upgrade the connection.
        QHash<quint64, QByteArray> unparsed;
        QList<QByteArray> commands;
        connect(&server, &TcpServer::dataReceived, this, [&](quint64 id, const QByteArray &data) {
            QByteArray &buffer = unparsed[id];
            buffer += data;
            for (qsizetype end; (end = buffer.indexOf("\r\n")) >= 0;) {
                const QByteArray line = buffer.left(end);
                buffer.remove(0, end + 2);
                commands.append(line);
                if (line == "STARTTLS") {
                    server.startTls(id, "220 ready\r\n", m_context);
                    buffer.clear();
                    break;
                }
                server.sendTo(id, "250 " + line + "\r\n");
            }
        });
        QSignalSpy tlsStarted(&server, &TcpServer::tlsStarted);
        const quint16 port = startOn(server, plain);
        QVERIFY(port);
        Peer client;
        QStringList arguments{QStringLiteral("127.0.0.1"), QString::number(port), m_certificate.certificateFile};
        if (pipelined)
            arguments << QStringLiteral("PIPELINED");
        QVERIFY(client.startPython(QStringLiteral("starttls_client.py"), arguments));
        // (Peer::readLine blocks this thread's event loop, which delivers dataReceived: wait first.)
        QTRY_VERIFY_WITH_TIMEOUT(commands.contains("STARTTLS"), 20000);
        QCOMPARE(client.readLine(20000), QByteArray("reply 220 ready"));
        QVERIFY(client.readLine(20000).startsWith("tls TLSv1."));
        QTRY_COMPARE_WITH_TIMEOUT(commands.size(), 2, 20000);
        QCOMPARE(client.readLine(20000), QByteArray("Received 250 after"));
        QCOMPARE(client.readLine(20000), QByteArray("closed"));
        QTRY_COMPARE_WITH_TIMEOUT(tlsStarted.size(), 1, 10000);
        QVERIFY(tlsStarted.at(0).at(0).value<ClientInfo>().tlsProtocol.startsWith(QStringLiteral("TLSv1.")));
        // What was pipelined behind STARTTLS never became a command.
        QCOMPARE(commands, (QList<QByteArray>{"STARTTLS", "after"}));
    }

    void startTls_plainTextAfterUpgradeIsRefusedNotDelivered_data() { addModels(); }
    void startTls_plainTextAfterUpgradeIsRefusedNotDelivered()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        TcpServerConfig plain = config(model, false);
        plain.tls.reset();
        QList<QByteArray> received;
        connect(&server, &TcpServer::dataReceived, this, [&](quint64 id, const QByteArray &data) {
            received.append(data);
            if (data.startsWith("STARTTLS\r\n"))
                server.startTls(id, "220 ready\r\n", m_context);
        });
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        const quint16 port = startOn(server, plain);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("starttls_client.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port), m_certificate.certificateFile,
                                    QStringLiteral("PLAINAFTER")}));
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 20000);
        QCOMPARE(client.readLine(20000), QByteArray("reply 220 ready"));
        QCOMPARE(client.readLine(20000), QByteArray("server closed"));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 20000);
        QVERIFY2(disconnected.at(0).at(1).toString().startsWith(QStringLiteral("TLS handshake failed: ")),
                 qPrintable(disconnected.at(0).at(1).toString()));
        // The plain text sent after the upgrade was TLS's to judge, never the application's data.
        QCOMPARE(received, (QList<QByteArray>{"STARTTLS\r\n"}));
    }

    // A TLS write must not raise SIGPIPE (socket.h's promise for every send): a client that
    // leaves without reading makes the server's close_notify hit a reset connection. Without
    // MSG_NOSIGNAL under OpenSSL's writes this test process (SIGPIPE not ignored) dies.
    void rudeClient_closeNotifyIntoResetConnectionRaisesNoSigpipe_data() { addModels(); }
    void rudeClient_closeNotifyIntoResetConnectionRaisesNoSigpipe()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        for (int round = 0; round < 20; ++round) {
            Peer client;
            QVERIFY(client.startPython(QStringLiteral("tls_rude_client.py"),
                                       {QStringLiteral("127.0.0.1"), QString::number(port), m_certificate.certificateFile}));
            QCOMPARE(client.readLine(20000), QByteArray("sent"));
            QVERIFY(client.waitForFinished(20000));
            QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), round + 1, 20000);
        }
    }

    void trace_showsHandshakeBetweenAcceptAndFirstRead()
    {
        TraceRecorder recorder;
        QSignalSpy recorded(&recorder, &TraceRecorder::eventsRecorded);
        TcpServer server;
        const quint16 port = startOn(server, config(ServerModel::EventLoop));
        QVERIFY(port);
        Peer client;
        QVERIFY(startPythonClient(client, port));
        QVERIFY(client.readLine(20000).startsWith("connected"));
        client.write(QByteArray("traced").toHex() + '\n');
        QCOMPARE(client.readLine(20000), "Received " + QByteArray("traced").toHex());
        recorder.flush();
        quint64 accepted = 0, handshook = 0, firstRead = 0, firstWrite = 0;
        for (const auto &args : recorded) {
            for (const TraceEvent &e : args.at(0).value<QList<TraceEvent>>()) {
                if (!accepted && e.call == QLatin1String("accept") && e.result != QLatin1String("-1"))
                    accepted = e.sequence;
                if (!handshook && e.call == QLatin1String("SSL_do_handshake") && e.result.startsWith(QStringLiteral("1 TLSv1.")))
                    handshook = e.sequence;
                if (!firstRead && e.call == QLatin1String("SSL_read") && e.result == QLatin1String("6 bytes"))
                    firstRead = e.sequence;
                if (!firstWrite && e.call == QLatin1String("SSL_write") && e.result == QLatin1String("6 bytes"))
                    firstWrite = e.sequence;
            }
        }
        QVERIFY(accepted && handshook && firstRead && firstWrite);
        QVERIFY(accepted < handshook);
        QVERIFY(handshook < firstRead);
        QVERIFY(firstRead < firstWrite);
    }

    void serverContext_refusesBrokenFilesNamingThem_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("says");
        const QString dir = m_dir.path();
        QVERIFY(writeFile(dir + QStringLiteral("/garbage.pem"), "this is not a certificate\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/empty.pem"), {}));
        // Another development certificate: its key does not match ours.
        auto other = ensureDevCertificate(dir + QStringLiteral("/other"));
        QVERIFY(other.ok());
        QCOMPARE(runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-aes-128-cbc"), QStringLiteral("-pass"),
                             QStringLiteral("pass:secret"), QStringLiteral("-out"), dir + QStringLiteral("/encrypted-key.pem")}),
                 0);
        const QString cert = m_certificate.certificateFile;
        const QString key = m_certificate.keyFile;
        QTest::newRow("missing certificate") << dir + QStringLiteral("/nowhere.pem") << key << QStringLiteral("nowhere.pem") << QStringLiteral("does not exist");
        QTest::newRow("missing key") << cert << dir + QStringLiteral("/nokey.pem") << QStringLiteral("nokey.pem") << QStringLiteral("does not exist");
        QTest::newRow("certificate is a folder") << dir << key << dir << QStringLiteral("not a regular file");
        QTest::newRow("empty certificate") << dir + QStringLiteral("/empty.pem") << key << QStringLiteral("empty.pem") << QStringLiteral("is empty");
        QTest::newRow("not a certificate") << dir + QStringLiteral("/garbage.pem") << key << QStringLiteral("garbage.pem") << QStringLiteral("holds no PEM certificate");
        QTest::newRow("key is a certificate") << cert << cert << QStringLiteral("dev-cert.pem") << QStringLiteral("holds no PEM private key");
        QTest::newRow("key does not match") << cert << other->keyFile << other->keyFile << QStringLiteral("does not match the certificate");
        QTest::newRow("encrypted key") << cert << dir + QStringLiteral("/encrypted-key.pem") << QStringLiteral("encrypted-key.pem") << QStringLiteral("pass phrase");
    }
    void serverContext_refusesBrokenFilesNamingThem()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, named);
        QFETCH(QString, says);
        auto context = TlsContext::server(certificate, key);
        QVERIFY(!context.ok());
        const QString message = context.error().message();
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
    }

    void devCertificate_coversLocalhostAndKeepsKeyPrivate()
    {
        QByteArray text;
        QCOMPARE(runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), m_certificate.certificateFile, QStringLiteral("-noout"),
                             QStringLiteral("-ext"), QStringLiteral("subjectAltName,basicConstraints"), QStringLiteral("-fingerprint"),
                             QStringLiteral("-sha256")},
                            &text),
                 0);
        QVERIFY2(text.contains("DNS:localhost"), text.constData());
        QVERIFY2(text.contains("IP Address:127.0.0.1"), text.constData());
        QVERIFY2(text.contains("IP Address:0:0:0:0:0:0:0:1"), text.constData());
        QVERIFY2(text.contains("CA:FALSE"), text.constData());
        // The fingerprint in the format the mail client's trust store uses, as openssl computes it.
        QVERIFY2(text.contains("Fingerprint=" + m_certificate.sha256.toLatin1()), text.constData());
        QVERIFY(m_certificate.notAfter > QDateTime::currentDateTimeUtc().addDays(300));
        // openssl verifies it as its own trust anchor, for localhost.
        QCOMPARE(runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_certificate.certificateFile, QStringLiteral("-verify_hostname"),
                             QStringLiteral("localhost"), m_certificate.certificateFile}),
                 0);
        struct stat key {};
        QCOMPARE(::stat(QFile::encodeName(m_certificate.keyFile).constData(), &key), 0);
        QCOMPARE(key.st_mode & 0777, 0600u);
        struct stat folder {};
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(m_certificate.keyFile).absolutePath()).constData(), &folder), 0);
        QCOMPARE(folder.st_mode & 0777, 0700u);
        QVERIFY(m_certificate.created);
    }

    void devCertificate_isReusedWhileValid()
    {
        const QByteArray before = readFile(m_certificate.keyFile);
        auto again = ensureDevCertificate(QFileInfo(m_certificate.certificateFile).absolutePath());
        QVERIFY(again.ok());
        QVERIFY(!again->created);
        QCOMPARE(again->sha256, m_certificate.sha256);
        QCOMPARE(readFile(m_certificate.keyFile), before);
    }

    void devCertificate_isRemadeWhenExpiredOrKeyExposed()
    {
        const QString folder = m_dir.filePath(QStringLiteral("expiring"));
        DevCertificateOptions past;
        past.now = QDateTime::currentDateTimeUtc().addYears(-2);
        auto old = ensureDevCertificate(folder, past);
        QVERIFY(old.ok());
        QVERIFY(old->created);
        // openssl agrees it has expired: -checkend 0 fails.
        QCOMPARE(runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), old->certificateFile, QStringLiteral("-noout"),
                             QStringLiteral("-checkend"), QStringLiteral("0")}),
                 1);
        auto renewed = ensureDevCertificate(folder);
        QVERIFY(renewed.ok());
        QVERIFY(renewed->created);
        QVERIFY(renewed->sha256 != old->sha256);
        QCOMPARE(runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), renewed->certificateFile, QStringLiteral("-noout"),
                             QStringLiteral("-checkend"), QStringLiteral("86400")}),
                 0);
        // A key someone made readable to others is not trusted to be private any more: a new pair.
        QVERIFY(::chmod(QFile::encodeName(renewed->keyFile).constData(), 0644) == 0);
        auto remade = ensureDevCertificate(folder);
        QVERIFY(remade.ok());
        QVERIFY(remade->created);
        struct stat key {};
        QCOMPARE(::stat(QFile::encodeName(remade->keyFile).constData(), &key), 0);
        QCOMPARE(key.st_mode & 0777, 0600u);
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/dev-key.pem.tmp")));
    }
};

QTEST_GUILESS_MAIN(TestTlsServer)
#include "tst_tlsserver.moc"
