// `socketeer inbox`, run as a script runs it: one "listening on" line, one line per message that
// swaks or our own `socketeer mail` delivers, the message in --dir; bad arguments are one line and
// exit 2; a port in use is exit 1; SIGTERM is a clean exit 0.

#include "clipeer.h"
#include "mailtestutil.h"

#include "mail/mailstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

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
        for (const char *option : {"--bind", "--port", "--dir", "--max-size", "--timeout", "2525"})
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
