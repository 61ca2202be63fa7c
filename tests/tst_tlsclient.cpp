// The TCP client over TLS (the engine behind the client panel and `socketeer connect --tls`)
// against servers this project did not write: openssl s_server, and the tutorial's plain servers
// for the case of a TLS client that reached a server without TLS. Verification is on throughout;
// each refusal must say why and name the certificate, and no byte may reach a refused server.

#include "peer.h"
#include "testutil.h"

#include "net/trace.h"
#include "tcp/tcpclient.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;
using testsupport::Peer;

namespace {

// openssl s_server answering each line reversed (-rev); its port, 0 if it did not start.
quint16 startOpensslServer(Peer &server, const DevCertificate &certificate, const QStringList &extra = {})
{
    QStringList arguments{QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("-naccept"), QStringLiteral("1"), QStringLiteral("-cert"), certificate.certificateFile,
                          QStringLiteral("-key"), certificate.keyFile, QStringLiteral("-rev")};
    arguments += extra;
    if (!server.startProgram(QStringLiteral("openssl"), arguments))
        return 0;
    for (;;) {
        bool ok = false;
        const QByteArray line = server.readLine(20000, &ok);
        if (!ok)
            return 0;
        if (line.startsWith("ACCEPT "))
            return line.mid(line.lastIndexOf(':') + 1).trimmed().toUShort();
    }
}

QByteArray joined(const QSignalSpy &spy)
{
    QByteArray all;
    for (const auto &args : spy)
        all += args.at(0).toByteArray();
    return all;
}

TcpClientConfig tlsConfig(quint16 port, const TlsClientOptions &options = {})
{
    TcpClientConfig config;
    config.endpoint.host = QStringLiteral("127.0.0.1");
    config.endpoint.port = port;
    auto context = TlsContext::client(options);
    if (context.ok())
        config.tls = *context;
    return config;
}

} // namespace

class TestTlsClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    DevCertificate m_certificate;   // valid, for localhost, 127.0.0.1 and ::1
    DevCertificate m_expired;       // the same kind, expired a year ago

private slots:
    void initTestCase()
    {
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("openssl"));
        QVERIFY(m_dir.isValid());
        auto made = ensureDevCertificate(m_dir.filePath(QStringLiteral("valid")));
        QVERIFY(made.ok());
        m_certificate = *made;
        DevCertificateOptions past;
        past.now = QDateTime::currentDateTimeUtc().addYears(-2);
        auto expired = ensureDevCertificate(m_dir.filePath(QStringLiteral("expired")), past);
        QVERIFY(expired.ok());
        m_expired = *expired;
    }

    // Verified against the CA file (the certificate itself), with ALPN: the client reports the
    // protocol, cipher, ALPN and fingerprint, and bytes go both ways through the TLS layer.
    void caFile_verifiesChatsAndReportsTheSession()
    {
        Peer server;
        const quint16 port = startOpensslServer(server, m_certificate, {QStringLiteral("-alpn"), QStringLiteral("chat/1,other")});
        QVERIFY(port);
        TlsClientOptions options;
        options.caFile = m_certificate.certificateFile;
        options.alpn = {QStringLiteral("chat/1")};
        TcpClient client;
        QSignalSpy connected(&client, &TcpClient::connected);
        QSignalSpy received(&client, &TcpClient::dataReceived);
        QVERIFY(client.connectToHost(tlsConfig(port, options)));
        QVERIFY(connected.wait(20000));
        QVERIFY2(client.security().startsWith(QLatin1String("TLSv1.3 ")), qPrintable(client.security()));
        QVERIFY2(client.security().contains(QLatin1String("ALPN chat/1")), qPrintable(client.security()));
        QVERIFY2(client.security().contains(m_certificate.sha256), qPrintable(client.security()));
        client.send("hello over tls\n");
        QByteArray echoed;
        QTRY_VERIFY_WITH_TIMEOUT((echoed = joined(received)).contains("slt revo olleh"), 20000);
        QCOMPARE(client.bytesOut(), quint64(15));
        client.disconnectAndWait();
    }

    // The tutorial's threaded server wrapped in Python's ssl, over IPv4 and IPv6: verified by
    // name (localhost, ::1 as an IP SAN), ALPN agreed, and a 256 KiB message echoed byte for byte
    // through TLS records of at most 16 KiB and Python's recv(1024).
    void pythonSslServer_verifiesAndEchoesByteIdentical_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s;
        QTest::newRow("::1") << u"::1"_s;
    }
    void pythonSslServer_verifiesAndEchoesByteIdentical()
    {
        QFETCH(QString, host);
        if (host.contains(u':'))
            QVERIFY2(testsupport::haveIPv6Loopback(), "this machine has no ::1");
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("tls_threaded_echo_server.py"),
                                   {QStringLiteral("0"), host, m_certificate.certificateFile, m_certificate.keyFile, u"chat/1"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        TlsClientOptions options;
        options.caFile = m_certificate.certificateFile;
        options.alpn = {u"chat/1"_s};
        TcpClientConfig config = tlsConfig(port, options);
        config.endpoint.host = host;
        TcpClient client;
        QSignalSpy connected(&client, &TcpClient::connected);
        QSignalSpy received(&client, &TcpClient::dataReceived);
        QVERIFY(client.connectToHost(config));
        QVERIFY2(connected.wait(20000), qPrintable(QString::fromUtf8(server.standardError())));
        QVERIFY2(client.security().contains(QLatin1String("ALPN chat/1")), qPrintable(client.security()));
        QVERIFY(server.readLine(20000).contains(" TLSv1.3 chat/1"));
        QByteArray message(256 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < message.size(); ++i)
            message[i] = char((i * 7919) >> 3);
        client.send(message);
        QTRY_VERIFY_WITH_TIMEOUT(joined(received).size() >= message.size(), 30000);
        QCOMPARE(joined(received), message);
        client.disconnectAndWait();
    }

    void refused_data()
    {
        QTest::addColumn<bool>("expired");
        QTest::addColumn<bool>("caFile");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("reason");
        QTest::newRow("self-signed, not trusted") << false << false << QString() << u"self-signed certificate"_s;
        QTest::newRow("wrong host name") << false << true << u"example.org"_qs << u"hostname mismatch"_s;
        QTest::newRow("expired") << true << true << QString() << u"certificate has expired"_s;
    }

    // Each refusal ends the connection before connected(), says why with the fingerprint, keeps
    // the certificate for a dialog to show, and sends the server not one byte of what was queued.
    void refused()
    {
        QFETCH(bool, expired);
        QFETCH(bool, caFile);
        QFETCH(QString, serverName);
        QFETCH(QString, reason);
        const DevCertificate &certificate = expired ? m_expired : m_certificate;
        Peer server;
        const quint16 port = startOpensslServer(server, certificate);
        QVERIFY(port);
        TlsClientOptions options;
        if (caFile)
            options.caFile = certificate.certificateFile;
        TcpClientConfig config = tlsConfig(port, options);
        config.tlsServerName = serverName;
        TcpClient client;
        QSignalSpy connected(&client, &TcpClient::connected);
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        QSignalSpy disconnected(&client, &TcpClient::disconnected);
        QVERIFY(client.connectToHost(config));
        client.send("secret that must not leave\n");
        QVERIFY(disconnected.wait(20000));
        QVERIFY(connected.isEmpty());
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).value<Error>().message();
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY2(message.contains(certificate.sha256), qPrintable(message));
        QVERIFY(client.refusedCertificate().has_value());
        QCOMPARE(client.refusedCertificate()->sha256, certificate.sha256);
        QCOMPARE(client.bytesOut(), quint64(0));
        // s_server prints what it reads: it got nothing past the handshake.
        server.process().kill();
        QVERIFY(server.waitForFinished(20000));
        QVERIFY(!server.process().readAllStandardOutput().contains("secret"));
    }

    // The same certificate, its fingerprint trusted by the user: accepted although it does not
    // verify, which is what "trust this certificate" in the dialog does.
    void trustedFingerprint_acceptsThatCertificateOnly()
    {
        Peer server;
        const quint16 port = startOpensslServer(server, m_certificate);
        QVERIFY(port);
        TcpClientConfig config = tlsConfig(port);
        config.trustedFingerprints = {m_certificate.sha256};
        TcpClient client;
        QSignalSpy connected(&client, &TcpClient::connected);
        QVERIFY(client.connectToHost(config));
        QVERIFY(connected.wait(20000));
        client.disconnectAndWait();

        Peer other;
        const quint16 otherPort = startOpensslServer(other, m_expired);
        QVERIFY(otherPort);
        config.endpoint.port = otherPort;
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        QSignalSpy disconnected(&client, &TcpClient::disconnected);
        QVERIFY(client.connectToHost(config));
        QVERIFY(disconnected.wait(20000));
        QCOMPARE(failed.size(), 1);
    }

    void plainServer_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::newRow("SMTP greeting") << QByteArray("220 mail.example ESMTP ready\r\n");
        QTest::newRow("HTTP answer") << QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    }

    // A TLS client that reached a server without TLS: it says so in words a student understands,
    // not only in OpenSSL's "wrong version number".
    void plainServer()
    {
        QFETCH(QByteArray, greeting);
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("tcp_greeting_server.py"),
                                   {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::fromLatin1(greeting.toHex())}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        TcpClient client;
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        QSignalSpy disconnected(&client, &TcpClient::disconnected);
        QVERIFY(client.connectToHost(tlsConfig(port)));
        QVERIFY(disconnected.wait(20000));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).value<Error>().message();
        QVERIFY2(message.contains(QLatin1String("does not speak TLS")), qPrintable(message));
        QVERIFY(!client.refusedCertificate().has_value());
    }

    // A plain server that says nothing: the handshake has its deadline.
    void silentPlainServer_handshakeTimesOut()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("tcp_silent_server.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        TcpClientConfig config = tlsConfig(port);
        config.tlsHandshakeTimeout = std::chrono::milliseconds(300);
        TcpClient client;
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        QSignalSpy disconnected(&client, &TcpClient::disconnected);
        QVERIFY(client.connectToHost(config));
        QVERIFY(disconnected.wait(20000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().kind, ErrorKind::Timeout);
        server.closeWrite();
    }

    // The timeline's order on the client's side: connect(), the handshake, then the first write.
    void trace_showsHandshakeBetweenConnectAndFirstWrite()
    {
        TraceRecorder recorder;
        QSignalSpy recorded(&recorder, &TraceRecorder::eventsRecorded);
        Peer server;
        const quint16 port = startOpensslServer(server, m_certificate);
        QVERIFY(port);
        TlsClientOptions options;
        options.caFile = m_certificate.certificateFile;
        TcpClient client;
        QSignalSpy connected(&client, &TcpClient::connected);
        QSignalSpy received(&client, &TcpClient::dataReceived);
        client.send("traced\n");   // queued while connecting: it must still wait for the handshake
        QVERIFY(client.connectToHost(tlsConfig(port, options)));
        client.send("traced\n");
        QTRY_VERIFY_WITH_TIMEOUT(joined(received).contains("decart"), 20000);
        recorder.flush();
        quint64 connectedAt = 0, handshook = 0, firstWrite = 0;
        for (const auto &args : recorded) {
            for (const TraceEvent &e : args.at(0).value<QList<TraceEvent>>()) {
                if (!connectedAt && e.call == QLatin1String("connect"))
                    connectedAt = e.sequence;
                if (!handshook && e.call == QLatin1String("SSL_do_handshake") && e.result.startsWith(QStringLiteral("1 TLSv1.")))
                    handshook = e.sequence;
                if (!firstWrite && e.call == QLatin1String("SSL_write"))
                    firstWrite = e.sequence;
            }
        }
        QVERIFY(connectedAt && handshook && firstWrite);
        QVERIFY(connectedAt < handshook);
        QVERIFY(handshook < firstWrite);
        client.disconnectAndWait();
    }
};

QTEST_GUILESS_MAIN(TestTlsClient)
#include "tst_tlsclient.moc"
