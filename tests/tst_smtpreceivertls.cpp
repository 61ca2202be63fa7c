// The receiver's implicit TLS port (SMTPS, RFC 8314), in process: Python's smtplib.SMTP_SSL,
// verifying the development certificate, logs in and delivers to it while the plain port
// works as before; the envelope says TLS and who logged in. Without a certificate it refuses to
// start; stopped, both ports are free again at once.

#include "mailtestutil.h"
#include "peer.h"

#include "mail/smtpreceiver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

namespace {
constexpr int kWaitMs = 30000;
}

class TestSmtpReceiverTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    DevCertificate m_certificate;
    std::shared_ptr<const TlsContext> m_tls;

    SmtpReceiverConfig config(const QString &name) const
    {
        SmtpReceiverConfig config;
        config.endpoint.port = 0;
        config.directory = m_tmp.filePath(name);
        config.tls = m_tls;
        config.implicitTlsPort = 0;
        config.authMode = SmtpAuthMode::Any;
        return config;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        auto made = ensureDevCertificate(m_tmp.filePath(u"tls"_s));
        QVERIFY(made.ok());
        m_certificate = *made;
        auto loaded = TlsContext::server(m_certificate.certificateFile, m_certificate.keyFile);
        QVERIFY(loaded.ok());
        m_tls = *loaded;
    }

    void smtplibOverImplicitTls_logsInAndDelivers()
    {
        SmtpReceiver receiver;
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        QVERIFY(receiver.start(config(u"smtps"_s)));
        QVERIFY(started.wait(kWaitMs));
        QCOMPARE(started.first().at(1).value<quint16>(), receiver.port());
        QVERIFY(receiver.port() != 0 && receiver.implicitTlsPort() != 0 && receiver.port() != receiver.implicitTlsPort());

        Peer client;
        QVERIFY(client.startPython(u"smtps_login.py"_s, {u"localhost"_s, QString::number(receiver.implicitTlsPort()),
                                                         m_certificate.certificateFile, u"pupil"_s, u"smtpsSecret"_s}));
        QVERIFY(client.waitForFinished(kWaitMs));
        const QByteArray said = client.process().readAllStandardOutput() + client.standardError();
        QVERIFY2(client.exitCode() == 0 && said.startsWith("sent TLSv1."), said.constData());
        QVERIFY(received.count() == 1 || received.wait(kWaitMs));
        const StoredMessage message = received.first().first().value<StoredMessage>();
        QVERIFY(message.envelope.tls);
        QCOMPARE(message.envelope.tlsVersion.toUtf8(), said.split(' ').at(1));
        QCOMPARE(message.envelope.authUser, u"pupil"_s);
        QVERIFY(!message.envelope.transcript.join(u'\n').contains(u"STARTTLS"_s));   // never offered there

        // The plain port, at the same time, takes plain mail as before (AUTH: a loopback client).
        Peer plain;
        QVERIFY(plain.startPython(u"smtp_login.py"_s, {u"127.0.0.1"_s, QString::number(receiver.port()), u"pupil"_s, u"x"_s}));
        QVERIFY(plain.waitForFinished(kWaitMs));
        QCOMPARE(plain.exitCode(), 0);   // loopback: AUTH allowed without TLS
        QVERIFY(received.count() == 2 || received.wait(kWaitMs));
        QVERIFY(!received.at(1).first().value<StoredMessage>().envelope.tls);
    }

    void implicitPortWithoutCertificate_refusesToStart()
    {
        SmtpReceiverConfig without = config(u"no-cert"_s);
        without.tls = nullptr;
        SmtpReceiver receiver;
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        QSignalSpy failed(&receiver, &SmtpReceiver::errorOccurred);
        QSignalSpy stopped(&receiver, &SmtpReceiver::stopped);
        QVERIFY(receiver.start(without));
        QVERIFY(stopped.wait(kWaitMs));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().value<Error>().message().contains(u"certificate"_s),
                 qPrintable(failed.first().first().value<Error>().message()));
        QVERIFY(started.isEmpty());
    }

    // One owner per descriptor, and it lets go: once stopped(), the same two ports can be had again.
    void stopped_bothPortsFreeAgain()
    {
        quint16 port = 0, tlsPort = 0;
        {
            SmtpReceiver first;
            QSignalSpy started(&first, &SmtpReceiver::started);
            QVERIFY(first.start(config(u"first"_s)));
            QVERIFY(started.wait(kWaitMs));
            port = first.port();
            tlsPort = first.implicitTlsPort();
            QSignalSpy stopped(&first, &SmtpReceiver::stopped);
            first.stop();
            QVERIFY(stopped.wait(kWaitMs));
            QCOMPARE(first.implicitTlsPort(), quint16(0));
        }
        SmtpReceiverConfig again = config(u"second"_s);
        again.endpoint.port = port;
        again.implicitTlsPort = tlsPort;
        SmtpReceiver second;
        QSignalSpy started(&second, &SmtpReceiver::started);
        QSignalSpy failed(&second, &SmtpReceiver::errorOccurred);
        QVERIFY(second.start(again));
        QVERIFY2(started.wait(kWaitMs), failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().message()));
        QCOMPARE(second.port(), port);
        QCOMPARE(second.implicitTlsPort(), tlsPort);
    }
};

QTEST_GUILESS_MAIN(TestSmtpReceiverTls)
#include "tst_smtpreceivertls.moc"
