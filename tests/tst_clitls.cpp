// `socketeer serve --tls-…` run as a peer: the development certificate made in the data folder
// (XDG_DATA_HOME points at a temporary folder) and its fingerprint on stderr, openssl s_client
// talking to it, and a broken certificate or key refused before anything listens.

#include "clipeer.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

class TestCliTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    void isolate(Cli &cli)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_home.path());
        cli.process().setProcessEnvironment(environment);
    }

    QString devCertificateFile() const { return m_home.path() + u"/Socketeer/socketeer/tls/dev-cert.pem"_s; }

private slots:
    void initTestCase()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"openssl"_s);
        QVERIFY(m_home.isValid());
    }

    void serve_devCert_printsFingerprintAndServesOpensslClient_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_devCert_printsFingerprintAndServesOpensslClient()
    {
        QFETCH(QString, model);
        Cli server;
        isolate(server);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model, u"--tls-dev-cert"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        QVERIFY(server.waitForError("SHA-256 fingerprint"));
        QVERIFY(server.waitForError("\n"));
        const auto match = QRegularExpression(u"SHA-256 fingerprint ([0-9A-F:]{95})"_s).match(QString::fromUtf8(server.errors()));
        QVERIFY2(match.hasMatch(), server.errors().constData());

        // The fingerprint printed is the certificate's, as openssl computes it.
        QProcess x509;
        x509.start(u"openssl"_s, {u"x509"_s, u"-in"_s, devCertificateFile(), u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
        QVERIFY(x509.waitForFinished(20000));
        QCOMPARE(QString::fromLatin1(x509.readAllStandardOutput()).trimmed(), u"sha256 Fingerprint="_s + match.captured(1));

        Peer client;
        QVERIFY(client.startProgram(u"openssl"_s, {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port), u"-CAfile"_s,
                                                    devCertificateFile(), u"-verify_return_error"_s, u"-verify_hostname"_s,
                                                    u"localhost"_s, u"-quiet"_s}));
        client.write("over the command line\n");
        QCOMPARE(client.readLine(20000), QByteArray("over the command line"));
        QVERIFY(server.waitForError("over TLSv1."));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void serve_brokenCertificate_failsNamingFileWithNothingListening_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("says");
        const QString missing = m_home.path() + u"/missing-cert.pem"_s;
        QTest::newRow("missing certificate") << QStringList{u"--tls-cert"_s, missing, u"--tls-key"_s, missing}
                                             << QByteArray("missing-cert.pem does not exist");
        QTest::newRow("certificate as key") << QStringList{u"--tls-cert"_s, devCertificateFile(), u"--tls-key"_s, devCertificateFile()}
                                            << QByteArray("holds no PEM private key");
    }
    void serve_brokenCertificate_failsNamingFileWithNothingListening()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, says);
        {
            // The development certificate exists (the second row uses its file).
            Cli maker;
            isolate(maker);
            QVERIFY(maker.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--tls-dev-cert"_s}));
            QVERIFY(maker.readPortLine("listening on "));
            QVERIFY(maker.stopsCleanlyOn(SIGTERM));
        }
        Cli server;
        isolate(server);
        QVERIFY(server.start(QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s} + options));
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY2(server.errors().contains(says), server.errors().constData());
        QVERIFY(server.process().readAllStandardOutput().isEmpty());   // no "listening on"
    }

    void serve_tlsOptions_misuseIsUsageError()
    {
        Cli server;
        isolate(server);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--tls-cert"_s, u"x.pem"_s}));
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY2(server.errors().contains("--tls-cert and --tls-key go together"), server.errors().constData());
    }

    // `socketeer connect --tls` against openssl s_server -rev (it answers each line reversed),
    // serving the development certificate on loopback.
    void connect_tls_verifiesOrRefusesWithReasonAndFingerprint_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("CA file, localhost") << QStringList{u"--ca-file"_s, devCertificateFile()} << u"localhost"_s << 0 << QByteArray("TLS: TLSv1.");
        QTest::newRow("CA file, 127.0.0.1 (IP SAN)") << QStringList{u"--ca-file"_s, devCertificateFile()} << u"127.0.0.1"_s << 0 << QByteArray("TLS: TLSv1.");
        QTest::newRow("untrusted") << QStringList{} << u"127.0.0.1"_s << 1 << QByteArray("self-signed certificate (SHA-256 ");
        QTest::newRow("wrong name") << QStringList{u"--ca-file"_s, devCertificateFile(), u"--servername"_s, u"example.org"_s} << u"127.0.0.1"_s
                                    << 1 << QByteArray("hostname mismatch (SHA-256 ");
        QTest::newRow("trusted fingerprint") << QStringList{u"--trust-fingerprint"_s, u"FINGERPRINT"_s} << u"127.0.0.1"_s << 0 << QByteArray("TLS: TLSv1.");
    }
    void connect_tls_verifiesOrRefusesWithReasonAndFingerprint()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, host);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, says);
        {
            Cli maker;   // the development certificate exists
            isolate(maker);
            QVERIFY(maker.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--tls-dev-cert"_s}));
            QVERIFY(maker.readPortLine("listening on "));
            QVERIFY(maker.stopsCleanlyOn(SIGTERM));
        }
        QProcess x509;
        x509.start(u"openssl"_s, {u"x509"_s, u"-in"_s, devCertificateFile(), u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
        QVERIFY(x509.waitForFinished(20000));
        const QString fingerprint = QString::fromLatin1(x509.readAllStandardOutput()).trimmed().section(u'=', 1);
        options.replaceInStrings(u"FINGERPRINT"_s, fingerprint);

        Peer server;
        QVERIFY(server.startProgram(u"openssl"_s, {u"s_server"_s, u"-accept"_s, u"127.0.0.1:0"_s, u"-naccept"_s, u"1"_s, u"-cert"_s,
                                                    devCertificateFile(), u"-key"_s,
                                                    m_home.path() + u"/Socketeer/socketeer/tls/dev-key.pem"_s, u"-rev"_s}));
        QByteArray line;
        do {
            bool ok = false;
            line = server.readLine(20000, &ok);
            QVERIFY2(ok, "openssl s_server did not say where it listens");
        } while (!line.startsWith("ACCEPT "));
        const QByteArray port = line.mid(line.lastIndexOf(':') + 1);

        Cli client;
        QVERIFY(client.start(QStringList{u"connect"_s, u"--tls"_s} + options + QStringList{host, QString::fromLatin1(port)}));
        client.write("hello tls\n");
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), exitCode);
        QVERIFY2(client.errors().contains(says), client.errors().constData());
        if (exitCode == 0) {
            QCOMPARE(client.process().readAllStandardOutput(), QByteArray("slt olleh\n"));
        } else {
            QVERIFY2(client.errors().contains(fingerprint.toLatin1()), client.errors().constData());
            QVERIFY(client.process().readAllStandardOutput().isEmpty());
        }
    }

    void serve_help_describesTls()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--help"_s}));
        QVERIFY(server.waitForFinished(20000));
        const QByteArray help = server.process().readAllStandardOutput();
        for (const char *option : {"--tls-cert", "--tls-key", "--tls-dev-cert"})
            QVERIFY2(help.contains(option), help.constData());
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--help"_s}));
        QVERIFY(client.waitForFinished(20000));
        const QByteArray connectHelp = client.process().readAllStandardOutput();
        for (const char *option : {"--tls", "--servername", "--ca-file", "--trust-fingerprint", "--alpn"})
            QVERIFY2(connectHelp.contains(option), connectHelp.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_clitls.moc"
