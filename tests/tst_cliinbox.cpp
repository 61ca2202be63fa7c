// `socketeer inbox`, run as a script runs it: one "listening on" line, one line per message that
// swaks or our own `socketeer mail` delivers, the message in --dir; bad arguments are one line and
// exit 2; a port in use is exit 1; SIGTERM is a clean exit 0.

#include "clipeer.h"
#include "foldersnapshot.h"
#include "mailtestutil.h"

#include "mail/mailstore.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

// One message by smtp_script.py, the raw socket client; true once the inbox said 250.
bool deliver(quint16 port, const QByteArray &subject)
{
    Peer client;
    if (!client.startPython(u"smtp_script.py"_s,
                            {u"127.0.0.1"_s, QString::number(port), u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s,
                             u"reply"_s, u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                             u"send:Subject: "_s + QString::fromLatin1(subject) + u"\\r\\n\\r\\nhi\\r\\n.\\r\\n"_s, u"reply"_s,
                             u"line:QUIT"_s, u"eof"_s})
        || !client.waitForFinished(20000))
        return false;
    return client.process().readAllStandardOutput().contains("\n250 2.0.0 OK");
}

} // namespace

class TestCliInbox : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void help_documentsEveryOption()
    {
        Cli cli;
        QVERIFY(cli.start({u"inbox"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const char *option : {"--bind", "--port", "--dir", "--max-size", "--timeout", "2525", "--auth", "any|file", "user:password",
                                   "--require-tls", "--fail", "STAGE:CODE:PERCENT", "RCPT", "599", "538",
                                   "--implicit-tls-port", "listening with TLS on"})
            QVERIFY2(help.contains(option), option);
    }

    void swaksAndSocketeerMail_deliverIntoDir()
    {
        const QString dir = m_tmp.filePath(u"delivered"_s);
        Cli inbox;
        QVERIFY(inbox.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, dir}));
        QByteArray host;
        const quint16 port = inbox.readPortLine("listening on", &host);
        QVERIFY(port != 0);
        QCOMPARE(host, QByteArray("127.0.0.1"));   // loopback unless told otherwise

        if (Peer::haveProgram(u"swaks"_s)) {
            Peer swaks;
            QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s,
                                                   u"a@example.com"_s, u"--to"_s, u"b@example.com"_s, u"--silent"_s, u"2"_s}));
            QVERIFY(swaks.waitForFinished(20000));
            QCOMPARE(swaks.exitCode(), 0);
            bool ok = false;
            const QByteArray line = inbox.readLine(10000, &ok);
            QVERIFY2(ok && line.startsWith("received ") && line.contains("from <a@example.com> to <b@example.com>"), line.constData());
        }

        // Our own client, with the tutorial's Chinese sender and attachment.
        const QByteArray sheet = randomBytes(64 * 1024);
        const QString attachment = m_tmp.filePath(u"汇总数据.xlsx"_s);
        QVERIFY(writeFile(attachment, sheet));
        QVERIFY(writeFile(m_tmp.filePath(u"body.txt"_s), "见附件。\n"));
        Cli mail;
        QVERIFY(mail.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"none"_s, u"--from"_s,
                            u"王大锤 <wang@example.com>"_s, u"--to"_s, u"zhang@example.com"_s, u"--subject"_s, u"月度汇总"_s,
                            u"--body-file"_s, m_tmp.filePath(u"body.txt"_s), u"--attach"_s, attachment, u"--quiet"_s}));
        QVERIFY(mail.waitForFinished(20000));
        QVERIFY2(mail.exitCode() == 0, mail.errors().constData());
        bool ok = false;
        const QByteArray line = inbox.readLine(10000, &ok);
        QVERIFY2(ok && line.contains("from <wang@example.com> to <zhang@example.com>"), line.constData());
        const QString id = QString::fromUtf8(line.split(' ').at(1));

        const QJsonObject parsed = inspectMail(dir + u'/' + id + u".eml"_s);
        QCOMPARE(parsed.value(u"subject"_s).toString(), u"月度汇总"_s);
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
        QVERIFY(QFile::exists(dir + u'/' + id + u".json"_s));

        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
        QVERIFY(inbox.errors().contains(QDir::toNativeSeparators(dir).toUtf8()));   // it said where it stores
    }

    // Found by a new user: --dir ~/project made the folder 0700 and deleted package.json and
    // notes.json.bak as "leftovers". The store now keeps to a folder of its own inside it.
    void dirOfAProject_keepsEveryFileAndItsMode()
    {
        const QString project = m_tmp.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                   | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        QCOMPARE(modeOf(project), 0755);
        const QString outside = m_tmp.filePath(u"outside.txt"_s);
        QVERIFY(writeFile(outside, "not the inbox's"));
        QVERIFY(writeFile(project + u"/package.json"_s, R"({"name":"demo"})"));
        QVERIFY(writeFile(project + u"/notes.json.bak"_s, "old notes"));
        QVERIFY(writeFile(project + u"/x.eml"_s, "Subject: a draft\r\n\r\n"));
        QVERIFY(writeFile(project + u"/src/index.js"_s, "1"));
        QVERIFY(writeFile(project + u"/20261204-101010-000-0001-abcd.eml"_s, "Subject: looks like ours\r\n\r\n"));
        QVERIFY(writeFile(project + u"/20261204-101011-000-0002-abcd.json"_s, "{}"));
        QVERIFY(QFile::link(outside, project + u"/20261204-101013-000-0004-abcd.json"_s));
        const QStringList before = folderSnapshot(project);

        Cli inbox;
        QVERIFY(inbox.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, project}));
        const quint16 port = inbox.readPortLine("listening on");
        QVERIFY(port != 0);
        QVERIFY(deliver(port, "kept"));
        bool ok = false;
        const QByteArray line = inbox.readLine(10000, &ok);
        QVERIFY2(ok && line.startsWith("received "), line.constData());
        const QString id = QString::fromUtf8(line.split(' ').at(1));
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));

        // The message is in the store's own folder, which it said; the user's files are as they were.
        const QList<socketeer::StoredMessage> messages = socketeer::MailStore(project).messages();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).id, id);
        const QString storeDir = QFileInfo(messages.at(0).path).absolutePath();
        QVERIFY(storeDir != project);
        QVERIFY2(inbox.errors().contains(QDir::toNativeSeparators(storeDir).toUtf8()), inbox.errors().constData());
        QCOMPARE(folderSnapshot(project, QDir(project).relativeFilePath(storeDir)), before);
        QCOMPARE(modeOf(project), 0755);
        QCOMPARE(readFile(outside), QByteArray("not the inbox's"));
    }

    // Two whole transactions in one send (pipelining past DATA): two lines, one per message.
    void pipelinedTransactions_printOneLineEach()
    {
        Cli inbox;
        QVERIFY(inbox.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, m_tmp.filePath(u"pipelined"_s)}));
        const quint16 port = inbox.readPortLine("listening on");
        QVERIFY(port != 0);
        const QString one = u"MAIL FROM:<a@b.c>\\r\\nRCPT TO:<d@e.f>\\r\\nDATA\\r\\nSubject: %1\\r\\n\\r\\nhi\\r\\n.\\r\\n"_s;
        Peer client;
        QVERIFY(client.startPython(u"smtp_script.py"_s, {u"127.0.0.1"_s, QString::number(port), u"reply"_s,
                                                         u"send:EHLO t\\r\\n"_s + one.arg(u"first"_s) + one.arg(u"second"_s) + u"QUIT\\r\\n"_s,
                                                         u"eof"_s}));
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.process().readAllStandardOutput().count("250 2.0.0 OK"), 2);
        QSet<QByteArray> ids;
        for (int i = 0; i < 2; ++i) {
            bool ok = false;
            const QByteArray line = inbox.readLine(10000, &ok);
            QVERIFY2(ok && line.startsWith("received ") && line.contains("from <a@b.c> to <d@e.f>"), line.constData());
            ids.insert(line.split(' ').at(1));
        }
        QCOMPARE(ids.size(), 2);
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
        QCOMPARE(socketeer::MailStore(m_tmp.filePath(u"pipelined"_s)).messages().size(), 2);
    }

    void portInUse_exitsOne_withTheReason()
    {
        Cli first;
        QVERIFY(first.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, m_tmp.filePath(u"first"_s)}));
        const quint16 port = first.readPortLine("listening on");
        QVERIFY(port != 0);
        Cli second;
        QVERIFY(second.start({u"inbox"_s, u"--port"_s, QString::number(port), u"--dir"_s, m_tmp.filePath(u"second"_s)}));
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.errors().contains(QByteArray::number(port)), second.errors().constData());
        QVERIFY(first.stopsCleanlyOn(SIGINT));
    }

    // STARTTLS from the command line: the development certificate is made (in a folder of this
    // test's), its fingerprint printed; socketeer mail verifies it as its CA, says STARTTLS, logs
    // in and delivers; a client that will not upgrade is refused with 530.
    void startTls_developmentCertificate_mailLogsInAndDelivers()
    {
        const QString dir = m_tmp.filePath(u"starttls"_s);
        Cli inbox;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_tmp.filePath(u"data-home"_s));
        inbox.process().setProcessEnvironment(environment);
        QVERIFY(inbox.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, dir, u"--starttls"_s, u"--require-tls"_s, u"--auth"_s, u"any"_s}));
        const quint16 port = inbox.readPortLine("listening on");
        QVERIFY2(port != 0, inbox.errors().constData());
        QVERIFY(inbox.waitForError("SHA-256 fingerprint "));
        const QByteArray errors = inbox.errors();
        const qsizetype at = errors.indexOf("made a development certificate");
        QVERIFY2(at >= 0, errors.constData());
        const QByteArray madeLine = errors.mid(at, errors.indexOf('\n', at) - at);
        const QString certificate = QString::fromUtf8(madeLine.mid(madeLine.lastIndexOf(": ") + 2));
        QVERIFY2(QFile::exists(certificate), qPrintable(certificate));
        QVERIFY(certificate.startsWith(m_tmp.filePath(u"data-home"_s)));

        Peer plain;
        QVERIFY(plain.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s,
                                               u"a@example.com"_s, u"--to"_s, u"b@example.com"_s}));
        QVERIFY(plain.waitForFinished(20000));
        QVERIFY(plain.exitCode() != 0);
        QVERIFY(plain.process().readAllStandardOutput().contains("530 5.7.0"));

        QVERIFY(writeFile(m_tmp.filePath(u"body-tls.txt"_s), "经 STARTTLS 送达。\n"));
        Cli mail;
        QProcessEnvironment mailEnvironment = QProcessEnvironment::systemEnvironment();
        mailEnvironment.insert(u"SMTP_CODE"_s, u"not-checked"_s);
        mail.process().setProcessEnvironment(mailEnvironment);
        QVERIFY(mail.start({u"mail"_s, u"--server"_s, u"localhost:%1"_s.arg(port), u"--security"_s, u"starttls"_s, u"--ca-file"_s,
                            certificate, u"--user"_s, u"student"_s, u"--password-env"_s, u"SMTP_CODE"_s, u"--from"_s,
                            u"a@example.com"_s, u"--to"_s, u"b@example.com"_s, u"--body-file"_s, m_tmp.filePath(u"body-tls.txt"_s)}));
        QVERIFY(mail.waitForFinished(30000));
        const QByteArray dialogue = mail.errors();
        QVERIFY2(mail.exitCode() == 0, dialogue.constData());
        QVERIFY2(dialogue.contains("STARTTLS") && dialogue.contains("235 "), dialogue.constData());
        bool ok = false;
        const QByteArray line = inbox.readLine(10000, &ok);
        QVERIFY2(ok && line.startsWith("received "), line.constData());
        const QString id = QString::fromUtf8(line.split(' ').at(1));
        const QByteArray json = readFile(dir + u'/' + id + u".json"_s);
        QVERIFY2(json.contains("\"authUser\"") && json.contains("student") && json.contains("TLSv1."), json.constData());
        QVERIFY(!json.contains("not-checked"));
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }

    void badArguments_oneLine_exitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("port too large") << QStringList{u"--port"_s, u"70000"_s} << QByteArray("--port");
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"smtp"_s} << QByteArray("--port");
        QTest::newRow("bad bind address") << QStringList{u"--bind"_s, u"local host"_s} << QByteArray("--bind");
        QTest::newRow("size zero") << QStringList{u"--max-size"_s, u"0"_s} << QByteArray("--max-size");
        QTest::newRow("timeout words") << QStringList{u"--timeout"_s, u"soon"_s} << QByteArray("--timeout");
        QTest::newRow("stray argument") << QStringList{u"extra"_s} << QByteArray("extra");
        QTest::newRow("fail stage") << QStringList{u"--fail"_s, u"HELO:451:5"_s} << QByteArray("--fail");
        QTest::newRow("fail code") << QStringList{u"--fail"_s, u"RCPT:250:5"_s} << QByteArray("250");
        QTest::newRow("fail percent") << QStringList{u"--fail"_s, u"RCPT:451:150"_s} << QByteArray("150");
        QTest::newRow("fail form") << QStringList{u"--fail"_s, u"RCPT=451"_s} << QByteArray("STAGE:CODE:PERCENT");
        QTest::newRow("second fail bad") << QStringList{u"--fail"_s, u"MAIL:451:5"_s, u"--fail"_s, u"x"_s} << QByteArray("--fail");
        QTest::newRow("auth empty") << QStringList{u"--auth"_s, QString()} << QByteArray("--auth");
        QTest::newRow("require tls") << QStringList{u"--require-tls"_s} << QByteArray("--starttls");
        QTest::newRow("certificate without starttls") << QStringList{u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s}
                                                      << QByteArray("--starttls");
        QTest::newRow("certificate without key") << QStringList{u"--starttls"_s, u"--tls-cert"_s, u"c.pem"_s} << QByteArray("--tls-key");
    }

    void badArguments_oneLine_exitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        const QString unused = m_tmp.filePath(u"unused-"_s + QString::fromLatin1(QTest::currentDataTag()));
        Cli cli;
        QVERIFY(cli.start(QStringList{u"inbox"_s, u"--dir"_s, unused} + arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray errors = cli.errors();
        QCOMPARE(errors.count('\n'), 1);
        QVERIFY2(errors.contains(mentions), errors.constData());
        QVERIFY(!QDir(unused).exists());   // nothing done before the check
    }

    // A users file with a broken line: exit 1, the file and the line named, the line never quoted
    // (it may hold a password), nothing created.
    void badUsersFile_exitOne_namesFileAndLine()
    {
        const QString users = m_tmp.filePath(u"users-broken"_s);
        QVERIFY(writeFile(users, "# ok\nme:pw\nsecretpasswordline\n"));
        const QString dir = m_tmp.filePath(u"inbox-bad-users"_s);
        Cli cli;
        QVERIFY(cli.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, dir, u"--auth"_s, users}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 1);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains(users.toUtf8()) && errors.contains("line 3"), errors.constData());
        QVERIFY2(!errors.contains("secretpassword"), errors.constData());
        QVERIFY(!QDir(dir).exists());
    }

    // swaks logs in; the password is in no output of the inbox and no file it wrote. Failure
    // injection is announced, and does what it says.
    void swaksAuth_andFailureInjection()
    {
        if (!Peer::haveProgram(u"swaks"_s))
            QSKIP("swaks is not installed");
        const QByteArray password = "abcdEFGH1234authcode";
        const QString users = m_tmp.filePath(u"users-good"_s);
        QVERIFY(writeFile(users, "student@example.com:" + password + "\n"));
        const QString dir = m_tmp.filePath(u"inbox-auth"_s);
        Cli inbox;
        QVERIFY(inbox.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, dir, u"--auth"_s, users, u"--fail"_s, u"rcpt:452:0"_s,
                             u"--fail"_s, u"DATA:554:100"_s}));
        const quint16 port = inbox.readPortLine("listening on");
        QVERIFY(port != 0);
        QVERIFY(inbox.waitForError("failure injection is on: RCPT:452:0, DATA:554:100"));

        const QStringList base{u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s, u"a@example.com"_s,
                               u"--to"_s, u"b@example.com"_s, u"--auth"_s, u"LOGIN"_s, u"--auth-user"_s, u"student@example.com"_s,
                               u"--auth-password"_s, QString::fromLatin1(password)};
        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, base));
        QVERIFY(swaks.waitForFinished(20000));
        const QByteArray said = swaks.process().readAllStandardOutput();
        QVERIFY2(swaks.exitCode() != 0, said.constData());
        QVERIFY2(said.contains("235 2.7.0") && said.contains("554 5.3.0 DATA failed on purpose"), said.constData());
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));

        // Without the rule, the same login delivers.
        Cli second;
        QVERIFY(second.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, dir, u"--auth"_s, users}));
        const quint16 port2 = second.readPortLine("listening on");
        QVERIFY(port2 != 0);
        QStringList again = base;
        again[3] = QString::number(port2);
        Peer delivered;
        QVERIFY(delivered.startProgram(u"swaks"_s, again));
        QVERIFY(delivered.waitForFinished(20000));
        QCOMPARE(delivered.exitCode(), 0);
        bool ok = false;
        const QByteArray line = second.readLine(10000, &ok);
        QVERIFY2(ok && line.startsWith("received "), line.constData());
        QVERIFY(second.stopsCleanlyOn(SIGTERM));

        QByteArray everything = inbox.errors() + second.errors() + line;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            everything += readFile(it.next());
        QVERIFY(everything.contains("student@example.com"));
        for (const QByteArray &form : {password, password.toBase64(), (QByteArray("\0student@example.com\0", 21) + password).toBase64()})
            QVERIFY2(!everything.contains(form), form.constData());
    }

    void unwritableDir_isReported_exitOne()
    {
        QVERIFY(writeFile(m_tmp.filePath(u"a-file"_s), "not a folder"));
        Cli cli;
        QVERIFY(cli.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, m_tmp.filePath(u"a-file/inbox"_s)}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.errors().contains("a-file"), cli.errors().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliInbox)
#include "tst_cliinbox.moc"
