// `socketeer code python|c mail`: the generated program (smtplib, or C with OpenSSL) delivers to Socketeer's own inbox
// over STARTTLS (the inbox's development certificate verified as CA), logs in with the password
// from the environment, and the message Python's email package reads back has the Chinese
// sender, subject and attachment name, Date and Message-ID, and the attachment's exact bytes.

#include "clipeer.h"
#include "codetestutil.h"
#include "mailtestutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

class TestCliCodeMail : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void mail_deliversToTheInbox_withChineseAttachment_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("contentType");
        QTest::newRow("python") << u"python"_s << u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s;
        QTest::newRow("c") << u"c"_s << u"application/octet-stream"_s;   // C guesses no types
    }

    void mail_deliversToTheInbox_withChineseAttachment()
    {
        QFETCH(QString, language);
        QFETCH(QString, contentType);
        const QString dir = m_tmp.filePath(u"inbox-"_s + language);
        Cli inbox;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_tmp.filePath(u"data-home-"_s + language));   // a fresh certificate each
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

        const QString attachment = m_tmp.filePath(u"汇总数据.xlsx"_s);
        const QByteArray bytes = randomBytes(50000);
        QVERIFY(writeFile(attachment, bytes));
        const bool py = language == u"python"_s;
        const QString program = generateProgram(m_tmp.path(), py ? u"send_mail.py"_s : u"send_mail.c"_s,
                                                {language, u"mail"_s, u"--server"_s, u"localhost:%1"_s.arg(port), u"--ca-file"_s, certificate,
                                                 u"--user"_s, u"student"_s, u"--password-env"_s, u"SMTP_CODE"_s, u"--from"_s,
                                                 u"王大锤 <a@example.com>"_s, u"--to"_s, u"b@example.com"_s, u"--cc"_s, u"\"Copy, Dept.\" <c@example.com>"_s,
                                                 u"--bcc"_s, u"hidden@example.com"_s, u"--subject"_s, u"本月数据"_s, u"--attach"_s, attachment});
        QVERIFY(!program.isEmpty());
        QVERIFY(!readFile(program).contains("not-checked"));   // the password is never in the program

        Peer mail;
        QProcessEnvironment mailEnvironment = QProcessEnvironment::systemEnvironment();
        mailEnvironment.insert(u"SMTP_CODE"_s, u"not-checked"_s);
        mail.process().setProcessEnvironment(mailEnvironment);
        if (py) {
            QVERIFY(mail.startProgram(u"/usr/bin/python3"_s, {program}));
        } else {
            const QString binary = compileC(program);
            QVERIFY(!binary.isEmpty());
            QVERIFY(mail.startProgram(binary, {}));
        }
        mail.write("附件中有本月数据请查收\n");
        mail.closeWrite();
        QVERIFY(mail.waitForFinished(30000));
        QVERIFY2(mail.exitCode() == 0, mail.standardError().constData());
        QVERIFY(mail.readLine().startsWith("Sent <"));

        bool ok = false;
        const QByteArray line = inbox.readLine(10000, &ok);
        QVERIFY2(ok && line.startsWith("received "), line.constData());
        const QString id = QString::fromUtf8(line.split(' ').at(1));
        const QByteArray json = readFile(dir + u'/' + id + u".json"_s);
        QVERIFY2(json.contains("student") && json.contains("TLSv1."), json.constData());   // logged in, over STARTTLS
        QVERIFY2(json.contains("hidden@example.com"), json.constData());   // the Bcc is in the envelope…

        const QJsonObject parsed = inspectMail(dir + u'/' + id + u".eml"_s);
        QCOMPARE(parsed.value(u"subject"_s).toString(), u"本月数据"_s);
        QCOMPARE(parsed.value(u"from"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"王大锤"_s);
        QCOMPARE(parsed.value(u"cc"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"Copy, Dept."_s);
        const QJsonArray headers = parsed.value(u"headers"_s).toArray();
        QVERIFY(!headers.contains(u"Bcc"_s));   // …and in no header
        QVERIFY(headers.contains(u"Date"_s));
        QVERIFY(headers.contains(u"Message-ID"_s));
        QCOMPARE(parsed.value(u"body"_s).toString().trimmed(), u"附件中有本月数据请查收"_s);
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject file = attachments.at(0).toObject();
        QCOMPARE(file.value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QVERIFY(file.value(u"filename_rfc2231"_s).toBool());   // filename*=utf-8''…, not a raw or garbled name
        QCOMPARE(file.value(u"sha256"_s).toString().toLatin1(), sha256Hex(bytes));
        QCOMPARE(file.value(u"content_type"_s).toString(), contentType);
        QVERIFY(parsed.value(u"defects"_s).toArray().isEmpty());
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliCodeMail)
#include "tst_clicodemail.moc"
