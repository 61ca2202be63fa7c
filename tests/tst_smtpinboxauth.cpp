// The running local inbox (SmtpReceiver) with AUTH and failure injection, against clients this
// project did not write: swaks (--auth PLAIN/LOGIN) and Python's smtplib login(), the tutorial's
// way (tests/peers/smtp_login.py). The password must never reach any file the store writes; a
// seeded failure rule must fail exactly the messages its dice say; a bad users file or an
// impossible require-TLS must stop the receiver with a clear error before it listens. The
// session's rules one by one (STARTTLS injection, 538 for a remote peer, …) are in
// tst_smtpserversession.

#include "mailtestutil.h"
#include "peer.h"

#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

namespace {

const QString kUser = u"student@example.com"_s;
const QString kPassword = u"abcdEFGH1234authcode"_s;

// The password and every base64 form a client may send it in.
QList<QByteArray> secretForms()
{
    const QByteArray password = kPassword.toUtf8();
    return {password, password.toBase64(), ('\0' + kUser.toUtf8() + '\0' + password).toBase64(),
            // base64 of the password behind a different offset, so no alignment hides it
            ("x" + password).toBase64().mid(4, 16)};
}

} // namespace

class TestSmtpInboxAuth : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_store;
    QString m_usersFile;

    quint16 startReceiver(SmtpReceiver &receiver, SmtpReceiverConfig config)
    {
        config.endpoint = {u"127.0.0.1"_s, 0, {}};
        config.directory = m_store;
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        if (!receiver.start(config) || !started.wait(10000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

    // swaks with the given extra arguments; returns its exit code, its output in *output.
    static int swaks(quint16 port, const QStringList &extra, QByteArray *output)
    {
        Peer swaks;
        if (!swaks.startProgram(u"swaks"_s, QStringList{u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s,
                                                        kUser, u"--to"_s, u"teacher@example.com"_s, u"--timeout"_s, u"30"_s}
                                                + extra)
            || !swaks.waitForFinished(40000))
            return -1;
        *output = swaks.process().readAllStandardOutput() + swaks.standardError();
        return swaks.exitCode();
    }

    // Every byte of every file the store wrote, hidden ones too.
    QByteArray everythingStored() const
    {
        QByteArray all;
        QDirIterator it(m_store, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            all += readFile(it.next());
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_usersFile = m_tmp.filePath(u"users"_s);
        QVERIFY(writeFile(m_usersFile, "# who may send\n" + kUser.toUtf8() + ':' + kPassword.toUtf8() + "\nother:pw\n"));
    }

    void init()
    {
        const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u'-'
                             + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        m_store = m_tmp.filePath(u"store-"_s + name);
    }

    void swaksAuth_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("any PLAIN") << int(SmtpAuthMode::Any) << u"PLAIN"_s << u"whatever"_s << true;
        QTest::newRow("any LOGIN") << int(SmtpAuthMode::Any) << u"LOGIN"_s << u"whatever"_s << true;
        QTest::newRow("file PLAIN") << int(SmtpAuthMode::File) << u"PLAIN"_s << kPassword << true;
        QTest::newRow("file LOGIN") << int(SmtpAuthMode::File) << u"LOGIN"_s << kPassword << true;
        QTest::newRow("file PLAIN wrong") << int(SmtpAuthMode::File) << u"PLAIN"_s << u"wrong"_s << false;
        QTest::newRow("file LOGIN wrong") << int(SmtpAuthMode::File) << u"LOGIN"_s << kPassword + u'x' << false;
    }

    void swaksAuth()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        QFETCH(int, mode);
        QFETCH(QString, mechanism);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.authMode = SmtpAuthMode(mode);
        config.authFile = m_usersFile;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);

        QByteArray output;
        const int exit = swaks(port, {u"--auth"_s, mechanism, u"--auth-user"_s, kUser, u"--auth-password"_s, password}, &output);
        if (!accepted) {
            QVERIFY2(exit != 0, output.constData());
            QVERIFY2(output.contains("535 5.7.8 Authentication credentials invalid"), output.constData());
            QCOMPARE(received.count(), 0);
            QVERIFY(MailStore(m_store).messages().isEmpty());
        } else {
            QVERIFY2(exit == 0, output.constData());
            QVERIFY(received.wait(20000));
            const auto message = received.at(0).at(0).value<StoredMessage>();
            QCOMPARE(message.envelope.authUser, kUser);
            QVERIFY(!message.envelope.tls);
            QVERIFY(message.envelope.transcript.contains(u"S: 235 2.7.0 Authentication successful"_s));
            const QList<StoredMessage> stored = MailStore(m_store).messages();
            QCOMPARE(stored.size(), 1);
            QCOMPARE(stored.first().envelope.authUser, kUser);
        }
        // Nothing the store wrote holds the password, in clear or in base64.
        const QByteArray all = everythingStored();
        for (const QByteArray &form : secretForms())
            QVERIFY2(!all.contains(form), form.constData());
    }

    void smtplibLogin_data()
    {
        QTest::addColumn<QString>("method");   // empty: login() chooses
        QTest::addColumn<QString>("password");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("login()") << QString() << kPassword << QByteArray("sent");
        QTest::newRow("LOGIN") << u"LOGIN"_s << kPassword << QByteArray("sent");
        QTest::newRow("wrong password") << QString() << u"guess"_s << QByteArray("refused 535 5.7.8 Authentication credentials invalid");
    }

    void smtplibLogin()
    {
        QFETCH(QString, method);
        QFETCH(QString, password);
        QFETCH(QByteArray, expected);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.authMode = SmtpAuthMode::File;
        config.authFile = m_usersFile;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        QStringList arguments{u"127.0.0.1"_s, QString::number(port), kUser, password};
        if (!method.isEmpty())
            arguments << u"--method"_s << method;
        Peer client;
        QVERIFY(client.startPython(u"smtp_login.py"_s, arguments));
        QVERIFY(client.waitForFinished(30000));
        const QByteArray out = client.process().readAllStandardOutput().trimmed();
        QVERIFY2(out.startsWith(expected), (out + client.standardError()).constData());
        if (expected == "sent") {
            QVERIFY(received.wait(20000) || received.count() == 1);
            QCOMPARE(received.at(0).at(0).value<StoredMessage>().envelope.authUser, kUser);
        }
        const QByteArray all = everythingStored();
        for (const QByteArray &form : secretForms())
            QVERIFY2(!all.contains(form), form.constData());
    }

    void failureRule_alwaysAndNever()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.failures = {{SmtpStage::Rcpt, 451, 100}, {SmtpStage::Mail, 550, 0}};
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QByteArray output;
        QVERIFY(swaks(port, {}, &output) != 0);
        QVERIFY2(output.contains("451 4.3.0 RCPT failed on purpose: this test inbox injects failures (injected failure)"), output.constData());
        QVERIFY(MailStore(m_store).messages().isEmpty());
    }

    // MAIL:451:50 with seed 7: message i fails exactly when the i-th roll of a generator seeded
    // with 7 is below 50. The same prediction, computed here, must match what swaks sees.
    void failureRule_seededDiceAreRepeatable()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.failures = {{SmtpStage::Mail, 451, 50}};
        config.failureSeed = 7;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QRandomGenerator dice(7);
        int failed = 0;
        for (int i = 0; i < 8; ++i) {
            const bool shouldFail = dice.bounded(100) < 50;
            QByteArray output;
            const int exit = swaks(port, {}, &output);
            QVERIFY2((exit != 0) == shouldFail, qPrintable(u"message %1: "_s.arg(i) + QString::fromUtf8(output)));
            QCOMPARE(output.contains("(injected failure)"), shouldFail);
            failed += shouldFail;
        }
        QTRY_COMPARE_WITH_TIMEOUT(MailStore(m_store).messages().size(), 8 - failed, 20000);
        QVERIFY(failed > 0 && failed < 8);   // seed 7 gives both outcomes: the test tells them apart
    }

    void badUsersFile_stopsBeforeListening_namingFileAndLine()
    {
        const QString users = m_tmp.filePath(u"broken-users"_s);
        QVERIFY(writeFile(users, "a:b\nsupersecretwithoutcolon\n"));
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.authMode = SmtpAuthMode::File;
        config.authFile = users;
        config.endpoint = {u"127.0.0.1"_s, 0, {}};
        config.directory = m_store;
        QSignalSpy errors(&receiver, &SmtpReceiver::errorOccurred);
        QSignalSpy stopped(&receiver, &SmtpReceiver::stopped);
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        QVERIFY(receiver.start(config));
        QVERIFY(stopped.wait(10000));
        QCOMPARE(started.count(), 0);
        QCOMPARE(errors.count(), 1);
        const QString message = errors.at(0).at(0).value<Error>().message();
        QVERIFY2(message.contains(users) && message.contains(u"line 2"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"supersecret"_s), qPrintable(message));
        QVERIFY(!QDir(m_store).exists());   // nothing done before the check
    }

    // Without a certificate STARTTLS is never offered, and a receiver told to require TLS refuses
    // to start rather than refuse every message.
    void noCertificate_noStartTls_andRequireTlsRefused()
    {
        {
            SmtpReceiver receiver;
            const quint16 port = startReceiver(receiver, SmtpReceiverConfig{});
            QVERIFY(port != 0);
            Peer client;
            QVERIFY(client.startPython(u"smtp_script.py"_s,
                                       {u"127.0.0.1"_s, QString::number(port), u"reply"_s, u"line:EHLO c"_s, u"reply"_s,
                                        u"line:STARTTLS"_s, u"reply"_s, u"line:QUIT"_s, u"eof"_s}));
            QVERIFY(client.waitForFinished(20000));
            const QByteArray out = client.process().readAllStandardOutput();
            QVERIFY2(!out.contains("250-STARTTLS") && out.contains("502 5.5.1 STARTTLS is not offered here"), out.constData());
        }
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.requireTls = true;
        config.endpoint = {u"127.0.0.1"_s, 0, {}};
        config.directory = m_store;
        QSignalSpy errors(&receiver, &SmtpReceiver::errorOccurred);
        QSignalSpy stopped(&receiver, &SmtpReceiver::stopped);
        QVERIFY(receiver.start(config));
        QVERIFY(stopped.wait(10000));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.at(0).at(0).value<Error>().message().contains(u"STARTTLS"_s), qPrintable(errors.at(0).at(0).value<Error>().message()));
    }

    // Issue 10's "swaks delivers to the inbox with --tls --auth": STARTTLS with the development
    // certificate, verified by swaks against it, then AUTH from the list; the envelope records the
    // TLS version, cipher and user, the Received: line says ESMTPSA, the dialogue shows STARTTLS,
    // and a client that will not upgrade meets 530 when TLS is required.
    void startTls_swaksVerifiesLogsInAndDelivers()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        auto made = ensureDevCertificate(m_tmp.filePath(u"tls"_s));
        QVERIFY(made.ok());
        auto context = TlsContext::server(made->certificateFile, made->keyFile);
        QVERIFY(context.ok());
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.tls = *context;
        config.requireTls = true;
        config.authMode = SmtpAuthMode::File;
        config.authFile = m_usersFile;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);

        QByteArray output;
        QVERIFY(swaks(port, {}, &output) != 0);   // no STARTTLS: refused
        QVERIFY2(output.contains("530 5.7.0"), output.constData());

        const int exit = swaks(port, {u"--tls"_s, u"--tls-verify"_s, u"--tls-ca-path"_s, made->certificateFile, u"--auth"_s, u"PLAIN"_s,
                                      u"--auth-user"_s, kUser, u"--auth-password"_s, kPassword},
                               &output);
        QVERIFY2(exit == 0, output.constData());
        QVERIFY(received.wait(20000));
        const auto message = received.at(0).at(0).value<StoredMessage>();
        QVERIFY(message.envelope.tls);
        QVERIFY2(message.envelope.tlsVersion.startsWith(u"TLSv1."_s), qPrintable(message.envelope.tlsVersion));
        QVERIFY(!message.envelope.tlsCipher.isEmpty());
        QCOMPARE(message.envelope.authUser, kUser);
        const QByteArray eml = readFile(message.path);
        QVERIFY2(eml.startsWith("Received: ") && eml.left(eml.indexOf("\r\n\r\n")).contains("ESMTPSA"), eml.left(400).constData());
        const QList<StoredMessage> stored = MailStore(m_store).messages();
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().envelope.tls);
        QCOMPARE(stored.first().envelope.authUser, kUser);
        const QByteArray all = everythingStored();
        for (const QByteArray &form : secretForms())
            QVERIFY2(!all.contains(form), form.constData());
    }

    // A client that speaks TLS badly after its 220 (plain text instead of a ClientHello) loses its
    // connection; the inbox goes on serving the next one.
    void startTls_failedHandshakeDropsOnlyThatClient()
    {
        auto made = ensureDevCertificate(m_tmp.filePath(u"tls"_s));
        QVERIFY(made.ok());
        auto context = TlsContext::server(made->certificateFile, made->keyFile);
        QVERIFY(context.ok());
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.tls = *context;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        Peer bad;
        QVERIFY(bad.startPython(u"smtp_script.py"_s, {u"127.0.0.1"_s, QString::number(port), u"reply"_s, u"line:EHLO c"_s, u"reply"_s,
                                                      u"line:STARTTLS"_s, u"reply"_s, u"line:MAIL FROM:<plain@example.com>"_s, u"eof"_s}));
        // It ends either way the server ends it (a TLS alert and close, or a reset the script dies of).
        QVERIFY(bad.waitForFinished(30000));
        const QByteArray out = bad.process().readAllStandardOutput();
        QVERIFY2(out.contains("250-STARTTLS") && out.contains("220 2.0.0") && !out.contains("250 2.1.0"), out.constData());

        QByteArray output;
        QVERIFY2(swaks(port, {u"--tls"_s}, &output) == 0, output.constData());
    }
};

QTEST_GUILESS_MAIN(TestSmtpInboxAuth)
#include "tst_smtpinboxauth.moc"
