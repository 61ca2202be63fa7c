// `socketeer mail`, run as a script runs it, against Debian's aiosmtpd (tests/peers/smtp_sink.py)
// with certificates made by openssl: the tutorial's mail — a Chinese sender name and subject,
// several recipients, a login, "汇总数据.xlsx" attached — through STARTTLS and through implicit TLS;
// what arrived is parsed by Python's email package. And the mistakes: every bad argument is one
// line and exit 2 before any connection; refusals are exit 1 with the server's words.

#include "clipeer.h"
#include "mailtestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

const QString kUser = u"me@example.com"_s;
const QString kSecret = u"authcode-1234-abcd"_s;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

} // namespace

class TestCliMail : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCertificates m_certs;
    QString m_out;

    quint16 startSink(Peer &sink, const QStringList &arguments, bool selfSigned = false)
    {
        const QStringList all{m_out, u"--cert"_s, selfSigned ? m_certs.selfSignedPem : m_certs.serverPem, u"--key"_s,
                              selfSigned ? m_certs.selfSignedKey : m_certs.serverKey};
        return sink.startPython(u"smtp_sink.py"_s, all + arguments) ? sink.readListeningPort() : 0;
    }

    static void setPassword(Cli &cli)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SMTP_CODE"_s, kSecret);
        cli.process().setProcessEnvironment(environment);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeTestCertificates(m_dir.path(), &m_certs));
    }

    void init()
    {
        m_out = m_dir.filePath(u"out-"_s + QString::fromLatin1(QTest::currentTestFunction()));
        QDir(m_out).removeRecursively();
        QVERIFY(QDir().mkpath(m_out));
    }

    void help_documentsEveryOption()
    {
        Cli cli;
        QVERIFY(cli.start({u"mail"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const char *option : {"--server", "--security", "--user", "--password-env", "--password-file", "--ca-file",
                                   "--trust-fingerprint", "--from", "--to", "--cc", "--bcc", "--subject", "--body-file",
                                   "--attach", "--auth", "starttls"})
            QVERIFY2(help.contains(option), option);

        Cli overview;
        QVERIFY(overview.start({u"--help"_s}));
        QVERIFY(overview.waitForFinished());
        QVERIFY(overview.process().readAllStandardOutput().contains("mail"));
    }

    void badInput_isOneLineAndExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mention");
        const QStringList base{u"mail"_s, u"--server"_s, u"127.0.0.1:1"_s, u"--from"_s, u"a@example.com"_s,
                               u"--to"_s, u"b@example.com"_s, u"--body-file"_s, u"/dev/null"_s};
        QTest::newRow("no server") << QStringList{u"mail"_s, u"--from"_s, u"a@example.com"_s, u"--to"_s, u"b@example.com"_s}
                                   << QByteArray("--server");
        QTest::newRow("bad security") << base + QStringList{u"--security"_s, u"maybe"_s} << QByteArray("maybe");
        QTest::newRow("bad port") << QStringList{u"mail"_s, u"--server"_s, u"host:99999"_s} << QByteArray("99999");
        QTest::newRow("no recipient") << QStringList{u"mail"_s, u"--server"_s, u"127.0.0.1:1"_s, u"--from"_s, u"a@example.com"_s}
                                      << QByteArray("recipient");
        QTest::newRow("bad address") << base + QStringList{u"--cc"_s, u"not an address"_s} << QByteArray("--cc");
        QTest::newRow("header injection") << base + QStringList{u"--to"_s, u"x@example.com\r\nBcc: victim@example.com"_s}
                                          << QByteArray("--to");
        QTest::newRow("subject injection") << base + QStringList{u"--subject"_s, u"hi\nBcc: victim@example.com"_s}
                                           << QByteArray("ubject");
        QTest::newRow("missing attachment") << base + QStringList{u"--attach"_s, u"/nonexistent/汇总数据.xlsx"_s}
                                            << QByteArray("/nonexistent/");
        QTest::newRow("user without password") << base + QStringList{u"--user"_s, u"me"_s} << QByteArray("--password-env");
        QTest::newRow("unset password variable") << base + QStringList{u"--user"_s, u"me"_s, u"--password-env"_s, u"NO_SUCH_VARIABLE_X"_s}
                                                 << QByteArray("NO_SUCH_VARIABLE_X");
        QTest::newRow("bad fingerprint") << base + QStringList{u"--trust-fingerprint"_s, u"12:34"_s} << QByteArray("12:34");
        QTest::newRow("bad auth") << base + QStringList{u"--auth"_s, u"cram"_s} << QByteArray("cram");
    }
    void badInput_isOneLineAndExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mention);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains(mention), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
        QVERIFY(errors.startsWith("socketeer mail: "));
    }

    void starttlsLoginDeliversTheTutorialsMail()
    {
        const QString attachment = m_dir.filePath(u"汇总数据.xlsx"_s);
        const QByteArray bytes = randomBytes(150 * 1024);
        QVERIFY(writeFile(attachment, bytes));
        Peer sink;
        const quint16 port = startSink(sink, {u"--starttls"_s, u"--auth"_s, kUser + u':' + kSecret});
        QVERIFY(port != 0);

        Cli cli;
        setPassword(cli);
        QVERIFY(cli.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"starttls"_s,
                           u"--ca-file"_s, m_certs.caPem, u"--user"_s, kUser, u"--password-env"_s, u"SMTP_CODE"_s,
                           u"--from"_s, u"王大锤 <me@example.com>"_s, u"--to"_s, u"张三 <zhang@example.com>"_s,
                           u"--to"_s, u"li@example.com"_s, u"--cc"_s, u"cc@example.com"_s, u"--bcc"_s,
                           u"hidden@example.com"_s, u"--subject"_s, u"测试邮件 — 月报"_s, u"--attach"_s, attachment}));
        cli.write(u"各位好，\n.附件是本月的汇总数据。\n"_s.toUtf8());
        cli.closeWrite();
        QVERIFY(cli.waitForFinished(20000));
        const QByteArray transcript = cli.errors();
        QVERIFY2(cli.exitCode() == 0, transcript.constData());
        QVERIFY(transcript.contains("C: STARTTLS"));
        QVERIFY(transcript.contains("C: AUTH PLAIN ********"));
        QVERIFY(!transcript.contains(kSecret.toUtf8()));
        QVERIFY(!transcript.contains(kSecret.toUtf8().toBase64()));

        const QJsonObject envelope = readJson(m_out + u"/envelope.json"_s);
        QCOMPARE(envelope.value(u"tls"_s).toBool(), true);
        QCOMPARE(envelope.value(u"auth"_s).toArray(), QJsonArray({u"PLAIN"_s, kUser}));
        QCOMPARE(envelope.value(u"rcpt_tos"_s).toArray(),
                 QJsonArray({u"zhang@example.com"_s, u"li@example.com"_s, u"cc@example.com"_s, u"hidden@example.com"_s}));
        const QJsonObject mail = inspectMail(m_out + u"/message.eml"_s);
        QCOMPARE(mail.value(u"subject"_s).toString(), u"测试邮件 — 月报"_s);
        QCOMPARE(mail.value(u"from"_s).toArray().first().toObject().value(u"name"_s).toString(), u"王大锤"_s);
        QCOMPARE(mail.value(u"bcc"_s).toArray().size(), 0);
        QVERIFY(!mail.value(u"raw_headers"_s).toString().contains(u"hidden@example.com"_s));
        QCOMPARE(mail.value(u"body"_s).toString(), u"各位好，\r\n.附件是本月的汇总数据。\r\n"_s);   // CRLF on the wire
        const QJsonObject attached = mail.value(u"attachments"_s).toArray().first().toObject();
        QCOMPARE(attached.value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attached.value(u"sha256"_s).toString().toLatin1(), sha256Hex(bytes));
    }

    void implicitTlsWithPasswordFileAndBodyFile()
    {
        Peer sink;
        const quint16 port = startSink(sink, {u"--implicit-tls"_s, u"--auth"_s, kUser + u':' + kSecret});
        QVERIFY(port != 0);
        const QString passwordFile = m_dir.filePath(u"password"_s);
        QVERIFY(writeFile(passwordFile, kSecret.toUtf8() + '\n'));
        const QString bodyFile = m_dir.filePath(u"body.txt"_s);
        QVERIFY(writeFile(bodyFile, "line one\r\nline two\n"));
        Cli cli;
        QVERIFY(cli.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"tls"_s, u"--ca-file"_s,
                           m_certs.caPem, u"--user"_s, kUser, u"--password-file"_s, passwordFile, u"--auth"_s, u"login"_s,
                           u"--from"_s, kUser, u"--to"_s, u"you@example.com"_s, u"--subject"_s, u"hi"_s,
                           u"--body-file"_s, bodyFile, u"--quiet"_s}));
        QVERIFY(cli.waitForFinished(20000));
        const QByteArray errors = cli.errors();
        QVERIFY2(cli.exitCode() == 0, errors.constData());
        QVERIFY(!errors.contains("C: "));   // --quiet: no dialogue
        QCOMPARE(readJson(m_out + u"/envelope.json"_s).value(u"auth"_s).toArray(), QJsonArray({u"LOGIN"_s, kUser}));
        QCOMPARE(inspectMail(m_out + u"/message.eml"_s).value(u"body"_s).toString(), u"line one\r\nline two\r\n"_s);
    }

    void refusedRecipientExits1WithTheServersWords()
    {
        Peer sink;
        const quint16 port = startSink(sink, {u"--refuse"_s, u"nobody@example.com"_s});
        QVERIFY(port != 0);
        Cli cli;
        QVERIFY(cli.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"none"_s, u"--from"_s,
                           kUser, u"--to"_s, u"nobody@example.com"_s, u"--body-file"_s, u"/dev/null"_s}));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 1);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains("socketeer mail: SMTP: the server refused the recipient nobody@example.com: 550"),
                 errors.constData());
        QVERIFY(!QFile::exists(m_out + u"/message.eml"_s));
    }

    // A server's words reach the terminal as text, never as terminal commands: an OSC that would
    // set the window title, a CSI colour, a C1 CSI and a right-to-left override all arrive shown
    // as escapes, in the dialogue and in the error alike, and the Chinese around them intact.
    void serverRepliesCannotDriveTheTerminal()
    {
        Peer server;
        const QString hostile = u"拒绝 \x1b]0;pwned\x07 \x1b[31mred \u009b2J \u202egnp.exe"_s;
        QVERIFY(server.startPython(u"smtp_hostile.py"_s, {u"refuse:"_s + hostile}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        Cli cli;
        QVERIFY(cli.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"none"_s, u"--from"_s,
                           kUser, u"--to"_s, u"you@example.com"_s, u"--body-file"_s, u"/dev/null"_s}));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 1);
        const QString errors = QString::fromUtf8(cli.errors());
        for (const QChar c : errors)
            QVERIFY2(c == u'\n' || c == u'\t' || (c.unicode() >= 0x20 && c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() < 0xa0)
                                                    && c.unicode() != 0x202e),
                     qPrintable(u"U+%1 reached the terminal"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0'))));
        QVERIFY2(errors.contains(u"S: 550 拒绝 \\x1b]0;pwned\\x07 \\x1b[31mred \\x9b2J \\u{202e}gnp.exe"_s), qPrintable(errors));
        QVERIFY2(errors.contains(u"socketeer mail: "_s) && errors.contains(u"550 拒绝 \\x1b]0;pwned"_s), qPrintable(errors));
    }

    // Finding 3 of issue 9: a server that vanishes at each step of the login. Exit 1, and neither
    // the password nor any base64 form of it on stdout or stderr (the dialogue included).
    void loginDroppedAtEveryStepShowsNoSecret_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("tls");
        const QList<std::pair<const char *, const char *>> steps{
            {"after-plain", "plain"},       {"prompt-user", "login"},   {"after-user", "login"},
            {"prompt-password", "login"},   {"after-password", "login"}, {"after-xoauth2", "xoauth2"},
            {"challenge-xoauth2", "xoauth2"},
        };
        for (const auto &[where, method] : steps) {
            QTest::addRow("%s clear", where) << QString::fromLatin1(where) << QString::fromLatin1(method) << false;
            QTest::addRow("%s tls", where) << QString::fromLatin1(where) << QString::fromLatin1(method) << true;
        }
    }

    void loginDroppedAtEveryStepShowsNoSecret()
    {
        QFETCH(QString, where);
        QFETCH(QString, method);
        QFETCH(bool, tls);
        QStringList arguments;
        if (tls)
            arguments << u"--cert"_s << m_certs.serverPem << u"--key"_s << m_certs.serverKey;
        Peer server;
        QVERIFY(server.startPython(u"smtp_hostile.py"_s, arguments << u"drop:"_s + where));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        Cli cli;
        setPassword(cli);
        QVERIFY(cli.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, tls ? u"tls"_s : u"none"_s,
                           u"--ca-file"_s, m_certs.caPem, u"--user"_s, kUser, u"--password-env"_s, u"SMTP_CODE"_s,
                           u"--auth"_s, method, u"--from"_s, kUser, u"--to"_s, u"you@example.com"_s, u"--body-file"_s,
                           u"/dev/null"_s}));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 1);
        bool ok = false;
        QCOMPARE(server.readLine(10000, &ok), QByteArray("dropped"));
        const QByteArray errors = cli.errors();
        const QByteArray output = cli.process().readAllStandardOutput();
        // The error itself (the last line, after the dialogue) names the step that failed.
        const QList<QByteArray> lines = errors.trimmed().split('\n');
        QVERIFY2(lines.last().startsWith("socketeer mail: ") && lines.last().contains("AUTH"), errors.constData());
        const QByteArray secret = kSecret.toUtf8();
        const QByteArray user = kUser.toUtf8();
        const QList<QByteArray> forms{secret, secret.toBase64(), (QByteArray(1, '\0') + user + '\0' + secret).toBase64(),
                                      ("user=" + user + "\x01" "auth=Bearer " + secret + "\x01\x01").toBase64()};
        for (const QByteArray &form : forms) {
            QVERIFY2(!errors.contains(form), errors.constData());
            QVERIFY2(!output.contains(form), output.constData());
        }
        server.closeWrite();
    }

    void untrustedCertificateIsShownThenTrusted()
    {
        Peer sink;
        const quint16 port = startSink(sink, {u"--starttls"_s}, true);
        QVERIFY(port != 0);
        const QStringList arguments{u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--from"_s, kUser, u"--to"_s,
                                    u"you@example.com"_s, u"--body-file"_s, u"/dev/null"_s};
        Cli refused;
        QVERIFY(refused.start(arguments));
        QVERIFY(refused.waitForFinished(20000));
        const QByteArray errors = refused.errors();
        QVERIFY2(refused.exitCode() == 1, errors.constData());
        const QString fingerprint = pemFingerprint(m_certs.selfSignedPem);
        QVERIFY2(errors.contains("certificate could not be verified"), errors.constData());
        QVERIFY2(errors.contains("--trust-fingerprint " + fingerprint.toLatin1()), errors.constData());
        QVERIFY(!QFile::exists(m_out + u"/message.eml"_s));

        Cli trusted;
        QVERIFY(trusted.start(arguments + QStringList{u"--trust-fingerprint"_s, fingerprint}));
        QVERIFY(trusted.waitForFinished(20000));
        QVERIFY2(trusted.exitCode() == 0, trusted.errors().constData());
        QVERIFY(QFile::exists(m_out + u"/message.eml"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliMail)
#include "tst_climail.moc"
