// `socketeer code python|c inbox`: the generated SMTP receiver run for real — Python by
// /usr/bin/python3, C built by gcc -Wall -Wextra -Werror — and sent mail by programs this project
// did not write (swaks, Python's smtplib) and by `socketeer mail`: what it stores is byte for byte
// what was sent (dot-stuffed lines made single again), parses with Python's email package, and
// the Chinese-named attachment decodes to the same bytes. Hostile peers: a line over the limit,
// commands out of order, a peer that vanishes in the middle of DATA (nothing is stored: the
// message is written only once its final "." came), names a peer cannot choose. The Python
// receiver offers STARTTLS, verified by `socketeer mail`.

#include "clipeer.h"
#include "codetestutil.h"
#include "mailtestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

constexpr int kWait = 30000;

// The file name the program made, from its line "received NAME from <…> to <…> (N bytes)".
QString storedName(const QByteArray &line)
{
    return line.startsWith("received ") ? QString::fromUtf8(line.split(' ').value(1)) : QString();
}

} // namespace

class TestCodeInbox : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_programs = 0;

    // Generates the inbox for `folder` and starts it on any free port: its port, or 0.
    quint16 startInbox(Peer &peer, const QString &language, const QString &folder, const QStringList &more = {})
    {
        const QString name = u"inbox%1.%2"_s.arg(++m_programs).arg(language == u"python"_s ? u"py"_s : u"c"_s);
        const QString path = generateProgram(m_dir.path(), name, QStringList{language, u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, folder} + more);
        if (path.isEmpty())
            return 0;
        bool started = false;
        if (language == u"python"_s) {
            started = peer.startProgram(u"/usr/bin/python3"_s, {path});
        } else {
            const QString binary = compileC(path);
            started = !binary.isEmpty() && peer.startProgram(binary, {});
        }
        return started ? readListening(peer) : 0;
    }

    // smtp_script.py's lines (what the server answered, then EOF or CLOSED).
    static QByteArrayList script(quint16 port, const QStringList &steps)
    {
        Peer peer;
        if (!peer.startPython(u"smtp_script.py"_s, QStringList{u"127.0.0.1"_s, QString::number(port)} + steps))
            return {};
        if (!peer.waitForFinished(kWait))
            return {};
        QByteArrayList lines = peer.process().readAllStandardOutput().split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }

    // Every file in the folder has a name the program made (never a peer's), and none is a half.
    static void checkNames(const QString &folder, qsizetype expected)
    {
        static const QRegularExpression made(u"^\\d{8}-\\d{6}-\\d+-\\d{4}\\.eml$"_s);
        const QStringList files = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &file : files)
            QVERIFY2(made.match(file).hasMatch(), qPrintable(file));
        QCOMPARE(files.size(), expected);
    }

    static void addLanguages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("python") << u"python"_s;
        QTest::newRow("c") << u"c"_s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SOCKETEER_REQUIRE_PROGRAM(u"gcc"_s);
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
    }

    // swaks, then two smtplib clients at once (one thread each), then `socketeer mail`.
    void peersDeliver_andWhatIsStoredIsWhatWasSent_data() { addLanguages(); }
    void peersDeliver_andWhatIsStoredIsWhatWasSent()
    {
        QFETCH(QString, language);
        const QString folder = m_dir.filePath(u"delivered-"_s + language);
        Peer inbox;
        const quint16 port = startInbox(inbox, language, folder);
        QVERIFY(port);
        QVERIFY(readLineStartingWith(inbox, "storing messages in ").contains(folder.toUtf8().mid(folder.lastIndexOf(u'/'))));

        // swaks: dot-stuffing, done by swaks, undone by the program.
        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s, u"a@example.com"_s,
                                               u"--to"_s, u"b@example.com"_s, u"--header"_s, u"Subject: swaks"_s, u"--body"_s,
                                               u"first\n.one dot\n..two dots\n.\nlast"_s, u"--silent"_s, u"2"_s}));
        QVERIFY(swaks.waitForFinished(kWait));
        QVERIFY2(swaks.exitCode() == 0, swaks.standardError().constData());
        QByteArray line = readLineStartingWith(inbox, "received ");
        QVERIFY2(line.contains("from <a@example.com> to <b@example.com>"), line.constData());
        const QByteArray fromSwaks = readFile(folder + u'/' + storedName(line));
        QVERIFY2(fromSwaks.contains("\r\n\r\nfirst\r\n.one dot\r\n..two dots\r\n.\r\nlast\r\n"), fromSwaks.constData());
        // The final "." is the end, not the message (swaks adds blank lines after its body).
        QVERIFY(!fromSwaks.mid(fromSwaks.indexOf("\r\nlast\r\n")).contains('.'));

        // Python's smtplib, two clients at once: the exact bytes each sent are what is stored.
        const QString sentDir = m_dir.filePath(u"sent-"_s + language);
        QVERIFY(QDir().mkpath(sentDir));
        const QByteArray sheet = randomBytes(80 * 1024);
        const QString attachment = m_dir.filePath(u"汇总数据.xlsx"_s);
        QVERIFY(writeFile(attachment, sheet));
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), sentDir, u"--attach"_s, attachment, u"--count"_s,
                                                        u"2"_s, u"--parallel"_s}));
        QVERIFY(smtplib.waitForFinished(kWait));
        QVERIFY2(smtplib.exitCode() == 0, smtplib.standardError().constData());
        QSet<QByteArray> sent{readFile(sentDir + u"/sent-0.eml"_s), readFile(sentDir + u"/sent-1.eml"_s)};
        QVERIFY(sent.values().at(0).contains("\r\n..two dots"));   // smtp_send.py's body: what stuffing is for
        for (int i = 0; i < 2; ++i) {
            line = readLineStartingWith(inbox, "received ");
            QVERIFY2(line.contains("from <sender@example.com> to <zhangsan@example.com>, <li@example.org>, <cc@example.net>, "
                                   "<hidden@example.com>"),
                     line.constData());
            const QString path = folder + u'/' + storedName(line);
            QVERIFY2(sent.remove(readFile(path)), qPrintable(path));   // byte for byte one of the two
            const QJsonObject parsed = inspectMail(path);
            QVERIFY(parsed.value(u"subject"_s).toString().startsWith(u"测试邮件 #"_s));
            const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
            QCOMPARE(attachments.size(), 1);
            QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
            QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
            QVERIFY(parsed.value(u"defects"_s).toArray().isEmpty());
        }

        // Socketeer's own mail command, a Chinese sender, subject and attachment name.
        QVERIFY(writeFile(m_dir.filePath(u"body.txt"_s), "见附件。\n.以点开头的一行\n"));
        Cli mail;
        QVERIFY(mail.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--security"_s, u"none"_s, u"--from"_s,
                            u"王大锤 <wang@example.com>"_s, u"--to"_s, u"zhang@example.com"_s, u"--subject"_s, u"月度汇总"_s, u"--body-file"_s,
                            m_dir.filePath(u"body.txt"_s), u"--attach"_s, attachment, u"--quiet"_s}));
        QVERIFY(mail.waitForFinished(kWait));
        QVERIFY2(mail.exitCode() == 0, mail.errors().constData());
        line = readLineStartingWith(inbox, "received ");
        QVERIFY2(line.contains("from <wang@example.com> to <zhang@example.com>"), line.constData());
        const QJsonObject parsed = inspectMail(folder + u'/' + storedName(line));
        QCOMPARE(parsed.value(u"subject"_s).toString(), u"月度汇总"_s);
        QCOMPARE(parsed.value(u"from"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"王大锤"_s);
        QVERIFY(parsed.value(u"body"_s).toString().contains(u"\n.以点开头的一行"_s));
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
        checkNames(folder, 4);
    }

    // Commands out of order, a line over the limit, a peer gone in the middle of DATA, addresses
    // that look like paths: refused or dropped, nothing half stored, and the server goes on.
    void hostilePeers_areRefused_andNothingHalfIsStored_data() { addLanguages(); }
    void hostilePeers_areRefused_andNothingHalfIsStored()
    {
        QFETCH(QString, language);
        const QString folder = m_dir.filePath(u"hostile-"_s + language);
        Peer inbox;
        const quint16 port = startInbox(inbox, language, folder);
        QVERIFY(port);

        // Out of order: MAIL before EHLO, DATA before RCPT, RCPT before MAIL, an unknown command.
        QByteArrayList replies = script(port, {u"reply"_s, u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s, u"line:EHLO me"_s, u"reply"_s,
                                               u"line:RCPT TO:<b@example.com>"_s, u"reply"_s, u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s,
                                               u"line:DATA"_s, u"reply"_s, u"line:MAIL FROM:<c@example.com>"_s, u"reply"_s,
                                               u"line:RSET"_s, u"reply"_s, u"line:NOOP"_s, u"reply"_s, u"line:HELP ME"_s, u"reply"_s,
                                               u"line:QUIT"_s, u"reply"_s});
        // (EHLO's reply is three lines: 250-localhost, 250-8BITMIME, 250 SIZE.)
        QVERIFY2(replies.size() == 13, replies.join('|').constData());
        QVERIFY2(replies.at(0).startsWith("220 "), replies.at(0).constData());
        QVERIFY2(replies.at(1).startsWith("503 "), replies.at(1).constData());   // MAIL before EHLO
        QVERIFY(replies.at(2).startsWith("250-"));
        QVERIFY(replies.at(4).startsWith("250 SIZE "));
        QVERIFY2(replies.at(5).startsWith("503 "), replies.at(5).constData());   // RCPT before MAIL
        QVERIFY(replies.at(6).startsWith("250 "));
        QVERIFY2(replies.at(7).startsWith("503 "), replies.at(7).constData());   // DATA before RCPT
        QVERIFY2(replies.at(8).startsWith("503 "), replies.at(8).constData());   // a second MAIL
        QVERIFY(replies.at(9).startsWith("250 "));    // RSET
        QVERIFY(replies.at(10).startsWith("250 "));   // NOOP
        QVERIFY2(replies.at(11).startsWith("500 "), replies.at(11).constData());
        QVERIFY(replies.at(12).startsWith("221 "));

        // A line of 1500 bytes with no end: 500, and the connection closed.
        replies = script(port, {u"reply"_s, u"fill:1500:x"_s, u"eof"_s});
        QCOMPARE(replies.size(), 3);
        QVERIFY2(replies.at(1).startsWith("500 ") && replies.at(1).contains("1000"), replies.at(1).constData());
        QCOMPARE(replies.at(2), QByteArray("EOF"));

        // The same inside a message, with more of it still coming: the client still reads the 500
        // (the program closes gently, not with a reset that could throw the reply away).
        QStringList longInData{u"reply"_s, u"line:HELO me"_s, u"reply"_s, u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s,
                               u"line:RCPT TO:<b@example.com>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s, u"fill:1500:x"_s, u"line:"_s};
        for (int i = 0; i < 200; ++i)
            longInData << u"line:more of the message, which nobody reads any more"_s;
        longInData << u"line:."_s << u"eof"_s;
        replies = script(port, longInData);
        QVERIFY2(replies.size() == 7 && replies.at(5).startsWith("500 ") && replies.at(6) == "EOF", replies.join('|').constData());

        // Gone in the middle of DATA: nothing stored, not even in part.
        replies = script(port, {u"reply"_s, u"line:HELO me"_s, u"reply"_s, u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s,
                                u"line:RCPT TO:<b@example.com>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s, u"line:Subject: half"_s, u"line:"_s,
                                u"line:only the start of it"_s, u"close"_s});
        QVERIFY2(replies.size() == 6 && replies.at(4).startsWith("354 "), replies.join('|').constData());
        // (The message would be written only at its final "."; the folder is checked at the end.)
        // Addresses like paths, a control character in one: the name is still the program's own.
        replies = script(port, {u"reply"_s, u"line:EHLO me"_s, u"reply"_s, u"line:MAIL FROM:<b\\x1b[2Jad@example.com>"_s, u"reply"_s,
                                u"line:MAIL FROM:<../../../etc/passwd>"_s, u"reply"_s, u"line:RCPT TO:</tmp/x.eml>"_s, u"reply"_s,
                                u"line:DATA"_s, u"reply"_s, u"line:Subject: paths"_s, u"line:"_s, u"line:..dotted"_s, u"line:."_s, u"reply"_s,
                                u"line:QUIT"_s, u"reply"_s});
        QVERIFY2(replies.size() == 10, replies.join('|').constData());
        QVERIFY2(replies.at(4).startsWith("501 "), replies.at(4).constData());   // ESC: no control characters
        QVERIFY2(replies.at(8).startsWith("250 "), replies.at(8).constData());
        const QByteArray line = readLineStartingWith(inbox, "received ");
        QVERIFY2(line.contains("from <../../../etc/passwd> to </tmp/x.eml>"), line.constData());
        QCOMPARE(readFile(folder + u'/' + storedName(line)), QByteArray("Subject: paths\r\n\r\n.dotted\r\n"));
        checkNames(folder, 1);   // the half message left nothing behind
    }

    // --max-size: a message over it is refused with 552 (the dialogue goes on), SIZE= early.
    void messageOverTheLimit_isRefused_data() { addLanguages(); }
    void messageOverTheLimit_isRefused()
    {
        QFETCH(QString, language);
        const QString folder = m_dir.filePath(u"limit-"_s + language);
        Peer inbox;
        const quint16 port = startInbox(inbox, language, folder, {u"--max-size"_s, u"1"_s});
        QVERIFY(port);
        QStringList steps{u"reply"_s, u"line:EHLO me"_s, u"reply"_s, u"line:MAIL FROM:<a@example.com> SIZE=2000000"_s, u"reply"_s,
                          u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s, u"line:RCPT TO:<b@example.com>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s};
        for (int i = 0; i < 1200; ++i)   // 1200 lines of 998 bytes: over 1 MiB
            steps << u"fill:998:y"_s << u"line:"_s;
        steps << u"line:."_s << u"reply"_s << u"line:QUIT"_s << u"reply"_s;
        const QByteArrayList replies = script(port, steps);
        QVERIFY2(replies.size() == 10, replies.join('|').constData());
        QVERIFY2(replies.at(4).startsWith("552 "), replies.at(4).constData());   // SIZE= said so
        QVERIFY2(replies.at(8).startsWith("552 "), replies.at(8).constData());   // and so did the bytes
        QVERIFY(replies.at(9).startsWith("221 "));
        checkNames(folder, 0);
    }

    // --timeout: a client silent that long is sent away with 421, and the server goes on.
    void silentClient_isSentAwayWith421_data() { addLanguages(); }
    void silentClient_isSentAwayWith421()
    {
        QFETCH(QString, language);
        Peer inbox;
        const quint16 port = startInbox(inbox, language, m_dir.filePath(u"silent-"_s + language), {u"--timeout"_s, u"1"_s});
        QVERIFY(port);
        QByteArrayList replies = script(port, {u"reply"_s, u"line:EHLO me"_s, u"reply"_s, u"eof"_s});
        QVERIFY2(replies.size() == 6 && replies.at(4).startsWith("421 ") && replies.at(5) == "EOF", replies.join('|').constData());
        replies = script(port, {u"reply"_s, u"line:QUIT"_s, u"reply"_s});
        QVERIFY2(replies.size() == 2 && replies.at(1).startsWith("221 "), replies.join('|').constData());
    }

    // The inbox with STARTTLS (Python's ssl, C's OpenSSL): `socketeer mail` verifies its
    // certificate against the test CA and delivers over TLS; before STARTTLS, EHLO offers it.
    void startTls_deliversVerified_data() { addLanguages(); }
    void startTls_deliversVerified()
    {
        QFETCH(QString, language);
        TestCertificates certs;
        QVERIFY(makeTestCertificates(m_dir.path(), &certs));
        const QString folder = m_dir.filePath(u"tls-"_s + language);
        Peer inbox;
        const quint16 port = startInbox(inbox, language, folder, {u"--starttls"_s, u"--tls-cert"_s, certs.serverPem, u"--tls-key"_s, certs.serverKey});
        QVERIFY(port);
        const QByteArrayList replies = script(port, {u"reply"_s, u"line:EHLO me"_s, u"reply"_s, u"line:QUIT"_s, u"reply"_s});
        QVERIFY2(replies.contains("250-STARTTLS") || replies.contains("250 STARTTLS"), replies.join('|').constData());

        QVERIFY(writeFile(m_dir.filePath(u"tlsbody.txt"_s), "加密\n"));   // (the same text for both rows)
        Cli mail;
        QVERIFY(mail.start({u"mail"_s, u"--server"_s, u"localhost:%1"_s.arg(port), u"--security"_s, u"starttls"_s, u"--ca-file"_s, certs.caPem,
                            u"--from"_s, u"a@example.com"_s, u"--to"_s, u"b@example.com"_s, u"--subject"_s, u"机密"_s, u"--body-file"_s,
                            m_dir.filePath(u"tlsbody.txt"_s), u"--quiet"_s}));
        QVERIFY(mail.waitForFinished(kWait));
        QVERIFY2(mail.exitCode() == 0, mail.errors().constData());
        const QByteArray line = readLineStartingWith(inbox, "received ");
        QVERIFY2(line.contains("from <a@example.com> to <b@example.com>"), line.constData());
        QCOMPARE(inspectMail(folder + u'/' + storedName(line)).value(u"subject"_s).toString(), u"机密"_s);

        // A client that does not trust it gets no further than the handshake.
        Cli untrusting;
        QVERIFY(untrusting.start({u"mail"_s, u"--server"_s, u"localhost:%1"_s.arg(port), u"--security"_s, u"starttls"_s, u"--from"_s,
                                  u"a@example.com"_s, u"--to"_s, u"b@example.com"_s, u"--subject"_s, u"x"_s, u"--body-file"_s,
                                  m_dir.filePath(u"tlsbody.txt"_s), u"--quiet"_s}));
        QVERIFY(untrusting.waitForFinished(kWait));
        QVERIFY(untrusting.exitCode() != 0);

        // STARTTLS command injection (CVE-2011-0411): a MAIL sent in plain text behind STARTTLS,
        // in the same packet, is not obeyed once TLS is on: RCPT finds no MAIL.
        Peer injector;
        QVERIFY(injector.startPython(u"smtp_starttls_inject.py"_s, {u"localhost"_s, QString::number(port), certs.caPem}));
        QVERIFY(injector.readLine(kWait).startsWith("starttls 220 "));
        QVERIFY(injector.readLine(kWait).startsWith("tls TLSv1."));
        const QByteArray rcpt = injector.readLine(kWait);
        QVERIFY2(rcpt.startsWith("rcpt 503 "), rcpt.constData());
        QVERIFY(injector.waitForFinished(kWait));
        checkNames(folder, 1);
    }

    // The C inbox under ThreadSanitizer (a thread per client, the shared name counter) and under
    // AddressSanitizer with UBSan (the line buffer, the growing message): four smtplib clients at
    // once, a line over the limit, one gone in the middle of DATA, and no sanitizer report.
    void cInbox_underSanitizers_reportsNothing_data()
    {
        QTest::addColumn<QString>("sanitizer");
        QTest::newRow("thread") << u"thread"_s;
        QTest::newRow("address,undefined") << u"address,undefined"_s;
    }
    void cInbox_underSanitizers_reportsNothing()
    {
        QFETCH(QString, sanitizer);
        const QString folder = m_dir.filePath(u"sanitized-"_s + QString(sanitizer).replace(u',', u'-'));
        const QString source = generateProgram(m_dir.path(), u"sanitized%1.c"_s.arg(++m_programs), {u"c"_s, u"inbox"_s, u"--port"_s, u"0"_s, u"--dir"_s, folder});
        QVERIFY(!source.isEmpty());
        const QString binary = compileC(source, {u"-fsanitize="_s + sanitizer, u"-g"_s, u"-fno-omit-frame-pointer"_s});
        QVERIFY(!binary.isEmpty());
        Peer inbox;
        QVERIFY(inbox.startProgram(binary, {}));
        const quint16 port = readListening(inbox);
        QVERIFY(port);

        const QString sentDir = m_dir.filePath(u"sent-"_s + QString(sanitizer).replace(u',', u'-'));
        QVERIFY(QDir().mkpath(sentDir));
        const QString attachment = m_dir.filePath(u"数据.bin"_s);
        QVERIFY(writeFile(attachment, randomBytes(200 * 1024)));
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), sentDir, u"--attach"_s, attachment, u"--count"_s,
                                                        u"4"_s, u"--parallel"_s}));
        QByteArrayList replies = script(port, {u"reply"_s, u"fill:3000:x"_s, u"eof"_s});
        QVERIFY2(replies.size() == 3 && replies.at(1).startsWith("500 "), replies.join('|').constData());
        replies = script(port, {u"reply"_s, u"line:HELO me"_s, u"reply"_s, u"line:MAIL FROM:<a@example.com>"_s, u"reply"_s,
                                u"line:RCPT TO:<b@example.com>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s, u"line:half"_s, u"close"_s});
        QVERIFY2(replies.size() == 6, replies.join('|').constData());
        QVERIFY(smtplib.waitForFinished(kWait * 2));
        QVERIFY2(smtplib.exitCode() == 0, smtplib.standardError().constData());
        QSet<QByteArray> sent;
        for (int i = 0; i < 4; ++i)
            sent.insert(readFile(sentDir + u"/sent-%1.eml"_s.arg(i)));
        for (int i = 0; i < 4; ++i) {
            const QByteArray line = readLineStartingWith(inbox, "received ");
            QVERIFY2(sent.remove(readFile(folder + u'/' + storedName(line))), line.constData());
        }
        checkNames(folder, 4);
        inbox.process().terminate();
        QVERIFY(inbox.waitForFinished(kWait));
        const QByteArray errors = inbox.standardError();
        QVERIFY2(!errors.contains("Sanitizer") && !errors.contains("runtime error"), errors.constData());
    }

    void badArguments_oneLine_exitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("certificate without starttls") << QStringList{u"python"_s, u"inbox"_s, u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s}
                                                      << QByteArray("--starttls");
        QTest::newRow("size zero") << QStringList{u"python"_s, u"inbox"_s, u"--max-size"_s, u"0"_s} << QByteArray("--max-size");
        QTest::newRow("timeout words") << QStringList{u"c"_s, u"inbox"_s, u"--timeout"_s, u"long"_s} << QByteArray("--timeout");
        QTest::newRow("option of another kind") << QStringList{u"python"_s, u"inbox"_s, u"--echo"_s} << QByteArray("--echo");
        QTest::newRow("dir for another kind") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--dir"_s, u"x"_s} << QByteArray("--dir");
        QTest::newRow("auth not generated") << QStringList{u"python"_s, u"inbox"_s, u"--auth"_s, u"any"_s} << QByteArray("auth");
    }
    void badArguments_oneLine_exitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, named);
        Cli cli;
        QVERIFY(cli.start(QStringList{u"code"_s} + arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.startsWith("socketeer code: ") && errors.count('\n') == 1, errors.constData());
        QVERIFY2(errors.contains(named), errors.constData());
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCodeInbox)
#include "tst_codeinbox.moc"
