// The local inbox's SMTP receiver against clients this project did not write: Python's smtplib
// (the tutorial's way, tests/peers/smtp_send.py), swaks, and a raw socket script that says what
// no polite client would (tests/peers/smtp_script.py). What arrives must be stored byte for byte
// behind the Received: trace field the inbox adds (RFC 5321 4.4); what is wrong must get the right
// reply and leave nothing half written.

#include "mailtestutil.h"
#include "peer.h"

#include "mail/mailmessage.h"
#include "mail/mailsender.h"
#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

namespace {

// Every file, hidden ones too, but the store's mark and its summary file.
QStringList filesIn(const QString &dir)
{
    QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    files.removeAll(MailStore::markerName());
    files.removeAll(MailStore::summaryFileName());
    return files;
}

QStringList messagesIn(const QString &dir)
{
    return QDir(dir).entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
}

// A stored message split in two: the one Received: field the inbox put in front (unfolded lines
// kept as they are) and, returned, what arrived. A file without that field in front returns a
// text no test expects.
QByteArray arrived(const QString &path, QByteArray *trace = nullptr)
{
    const QByteArray stored = readFile(path);
    if (!stored.startsWith("Received: "))
        return "(no Received: field in front)";
    qsizetype end = 0;
    do {
        const qsizetype lf = stored.indexOf("\r\n", end);
        if (lf < 0)
            return "(the Received: field does not end)";
        end = lf + 2;
    } while (end < stored.size() && (stored.at(end) == ' ' || stored.at(end) == '\t'));
    if (trace)
        *trace = stored.first(end);
    return stored.sliced(end);
}

} // namespace

class TestSmtpReceiver : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_store;   // this test function's inbox folder
    QString m_out;     // and its scratch folder

    // A receiver on a free loopback port, storing into m_store; returns its port (0 on failure).
    quint16 startReceiver(SmtpReceiver &receiver, SmtpReceiverConfig config = {})
    {
        config.endpoint = {u"127.0.0.1"_s, 0, {}};
        config.directory = m_store;
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        if (!receiver.start(config) || !started.wait(10000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

    // Runs the raw script client and returns every reply line it printed, in order.
    static QStringList talk(quint16 port, const QStringList &steps)
    {
        Peer peer;
        if (!peer.startPython(u"smtp_script.py"_s, QStringList{u"127.0.0.1"_s, QString::number(port)} + steps))
            return {u"(peer did not start)"_s};
        if (!peer.waitForFinished(30000))
            return {u"(peer did not finish)"_s};
        const QString out = QString::fromUtf8(peer.process().readAllStandardOutput());
        QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        if (peer.exitCode() != 0)
            lines << u"(peer failed: "_s + QString::fromUtf8(peer.standardError()) + u')';
        return lines;
    }

    // The three-digit codes of every final reply line ("250-…" continuation lines left out).
    static QStringList codes(const QStringList &lines)
    {
        QStringList result;
        for (const QString &line : lines) {
            if (line == "EOF"_L1 || line == "CLOSED"_L1)
                result << line;
            else if (line.size() >= 4 && line.at(3) == u' ')
                result << line.left(3);
            else if (line.size() == 3)
                result << line;
        }
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void init()
    {
        const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u'-'
                             + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        m_store = m_tmp.filePath(u"store-"_s + name);
        m_out = m_tmp.filePath(u"out-"_s + name);
        QVERIFY(QDir().mkpath(m_out));
    }

    void smtplibMessage_isStoredByteForByte_withItsEnvelope()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);

        const QByteArray sheet = randomBytes(300 * 1024);
        const QString attachment = m_out + u"/汇总数据.xlsx"_s;
        QVERIFY(writeFile(attachment, sheet));
        Peer sender;
        QVERIFY(sender.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), m_out, u"--attach"_s, attachment}));
        QVERIFY(received.wait(20000));
        QVERIFY(sender.waitForFinished(20000));
        QCOMPARE(sender.exitCode(), 0);

        const auto message = received.at(0).at(0).value<StoredMessage>();
        const QByteArray sent = readFile(m_out + u"/sent-0.eml"_s);
        QVERIFY(!sent.isEmpty());
        QByteArray trace;
        QCOMPARE(arrived(message.path, &trace), sent);   // dot-unstuffed back to exactly what was built
        QCOMPARE(message.size, trace.size() + sent.size());
        QCOMPARE(message.envelope.mailFrom, u"sender@example.com"_s);
        // Bcc is only in the envelope: the headers never had it.
        QCOMPARE(message.envelope.recipients,
                 QStringList({u"zhangsan@example.com"_s, u"li@example.org"_s, u"cc@example.net"_s, u"hidden@example.com"_s}));
        QVERIFY(message.envelope.peer.startsWith(u"127.0.0.1:"_s));
        QVERIFY(message.envelope.transcript.contains(u"C: data"_s, Qt::CaseInsensitive));   // smtplib says "data"

        // The store, read afresh, agrees; Python's email package finds the attachment intact.
        const QList<StoredMessage> stored = MailStore(m_store).messages();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).envelope.recipients, message.envelope.recipients);
        const QJsonObject parsed = inspectMail(message.path);
        QCOMPARE(parsed.value(u"subject"_s).toString(), u"测试邮件 #0"_s);
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
    }

    void swaks_dataFromFile_arrivesExactly_andAttachmentByName()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);

        // A message whose lines start with dots, and a line that is only a dot: swaks stuffs them.
        const QByteArray data = "From: a@example.com\r\nTo: b@example.com\r\nSubject: dots\r\n\r\n"
                                ".one\r\n..two\r\n.\r\nlast";
        QVERIFY(writeFile(m_out + u"/data.eml"_s, data));
        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s,
                                               u"a@example.com"_s, u"--to"_s, u"b@example.com"_s, u"--data"_s,
                                               u"@"_s + m_out + u"/data.eml"_s, u"--silent"_s, u"2"_s}));
        QVERIFY(received.wait(20000));
        QVERIFY(swaks.waitForFinished(20000));
        QCOMPARE(swaks.exitCode(), 0);
        // swaks ends the data with CRLF "." CRLF whatever the file's last line: that CRLF is the message's.
        QCOMPARE(arrived(received.at(0).at(0).value<StoredMessage>().path), data + "\r\n");

        const QByteArray sheet = randomBytes(50 * 1024);
        const QString attachment = m_out + u"/汇总数据.xlsx"_s;
        QVERIFY(writeFile(attachment, sheet));
        Peer withAttachment;
        QVERIFY(withAttachment.startProgram(
            u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s, u"a@example.com"_s, u"--to"_s,
                         u"b@example.com"_s, u"--header"_s, u"Subject: with an attachment"_s, u"--attach"_s, u"@"_s + attachment,
                         u"--silent"_s, u"2"_s}));
        QVERIFY(received.wait(20000));
        QVERIFY(withAttachment.waitForFinished(20000));
        QCOMPARE(withAttachment.exitCode(), 0);
        const QJsonObject parsed = inspectMail(received.at(1).at(0).value<StoredMessage>().path);
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
    }

    void ownMailClient_deliversIntoTheInbox()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);

        const QByteArray sheet = randomBytes(100 * 1024);
        const QString attachment = m_out + u"/汇总数据.xlsx"_s;
        QVERIFY(writeFile(attachment, sheet));
        MailMessage message;
        message.from = mailAddress("王大锤 <wang@example.com>");
        message.to = {mailAddress("张三 <zhangsan@example.com>")};
        message.bcc = {mailAddress("hidden@example.com")};
        message.subject = u"本月汇总"_s;
        message.body = u"附件是本月的汇总数据。\n.dot line\n"_s;
        message.attachments = {attachment};

        MailSender sender;
        QSignalSpy finished(&sender, &MailSender::finished);
        SmtpSessionOptions options;
        options.server = {u"127.0.0.1"_s, port, {}};
        QVERIFY(sender.send(message, options));
        QVERIFY(finished.wait(20000));
        const auto result = finished.at(0).at(0).value<MailSendResult>();
        QVERIFY2(result.accepted, qPrintable(result.error.message()));
        QTRY_COMPARE(received.size(), 1);

        const auto stored = received.at(0).at(0).value<StoredMessage>();
        QCOMPARE(stored.envelope.recipients, QStringList({u"zhangsan@example.com"_s, u"hidden@example.com"_s}));
        // Our client offered 8BITMIME/SMTPUTF8 only as the server allowed; the server saw them.
        const QJsonObject parsed = inspectMail(stored.path);
        QCOMPARE(parsed.value(u"subject"_s).toString(), u"本月汇总"_s);
        QVERIFY(parsed.value(u"body"_s).toString().contains(u"\n.dot line"_s));
        const QJsonArray attachments = parsed.value(u"attachments"_s).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(u"filename"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(attachments.at(0).toObject().value(u"sha256"_s).toString().toLatin1(), sha256Hex(sheet));
    }

    void hostileOrOddInput_getsTheRightReply_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected");   // reply codes, in order (greeting first)
        const auto l = [](const char *text) { return u"line:"_s + QString::fromUtf8(text); };
        const QString r = u"reply"_s;

        QTest::newRow("unknown command") << QStringList{r, l("EHLO t"), r, l("FROB x"), r, l("NOOP"), r}
                                         << QStringList{u"220"_s, u"250"_s, u"500"_s, u"250"_s};
        QTest::newRow("mail before helo") << QStringList{r, l("MAIL FROM:<a@b.c>"), r}
                                          << QStringList{u"220"_s, u"503"_s};
        QTest::newRow("data before mail") << QStringList{r, l("EHLO t"), r, l("DATA"), r}
                                          << QStringList{u"220"_s, u"250"_s, u"503"_s};
        QTest::newRow("data before rcpt") << QStringList{r, l("EHLO t"), r, l("MAIL FROM:<a@b.c>"), r, l("DATA"), r}
                                          << QStringList{u"220"_s, u"250"_s, u"250"_s, u"503"_s};
        QTest::newRow("second mail from") << QStringList{r, l("EHLO t"), r, l("MAIL FROM:<a@b.c>"), r, l("MAIL FROM:<d@e.f>"), r}
                                          << QStringList{u"220"_s, u"250"_s, u"250"_s, u"503"_s};
        QTest::newRow("bad syntax") << QStringList{r, l("EHLO"), r, l("HELO t"), r, l("MAIL TO:<a@b.c>"), r, l("MAIL FROM:<a@b.c"), r,
                                                   l("MAIL FROM:<>"), r, l("RCPT TO:<>"), r, l("RCPT TO:<nobody>"), r}
                                    << QStringList{u"220"_s, u"501"_s, u"250"_s, u"501"_s, u"501"_s, u"250"_s, u"501"_s, u"501"_s};
        QTest::newRow("unknown parameter") << QStringList{r, l("EHLO t"), r, l("MAIL FROM:<a@b.c> FOO=1"), r, l("MAIL FROM:<a@b.c> SIZE=x"), r}
                                           << QStringList{u"220"_s, u"250"_s, u"555"_s, u"501"_s};
        QTest::newRow("10000-character line") << QStringList{r, l("EHLO t"), r, u"fill:10000:a"_s, l(""), r, l("NOOP"), r}
                                              << QStringList{u"220"_s, u"250"_s, u"500"_s, u"250"_s};
        QTest::newRow("vrfy, help, rset, noop") << QStringList{r, l("EHLO t"), r, l("VRFY root"), r, l("HELP"), r, l("RSET"), r, l("NOOP"), r}
                                                << QStringList{u"220"_s, u"250"_s, u"252"_s, u"214"_s, u"250"_s, u"250"_s};
        QTest::newRow("starttls and auth not offered") << QStringList{r, l("EHLO t"), r, l("STARTTLS"), r, l("AUTH PLAIN AGFAYg=="), r}
                                                       << QStringList{u"220"_s, u"250"_s, u"502"_s, u"502"_s};
        QTest::newRow("non-ascii address needs smtputf8")
            << QStringList{r, l("EHLO t"), r, l("MAIL FROM:<王@例子.中国>"), r, l("MAIL FROM:<王@例子.中国> SMTPUTF8"), r, l("RCPT TO:<张@例子.中国>"), r}
            << QStringList{u"220"_s, u"250"_s, u"553"_s, u"250"_s, u"250"_s};
        QTest::newRow("declared size over the limit") << QStringList{r, l("EHLO t"), r, l("MAIL FROM:<a@b.c> SIZE=999999999999"), r}
                                                      << QStringList{u"220"_s, u"250"_s, u"552"_s};
        QTest::newRow("pipelined commands answered in order")
            << QStringList{r, l("EHLO t"), r, u"send:MAIL FROM:<a@b.c>\\r\\nRCPT TO:<d@e.f>\\r\\nRCPT TO:<g@h.i>\\r\\nDATA\\r\\n"_s, r, r, r, r,
                           u"send:Subject: x\\r\\n\\r\\nhi\\r\\n.\\r\\nQUIT\\r\\n"_s, r, r, u"eof"_s}
            << QStringList{u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s, u"221"_s, u"EOF"_s};
        QTest::newRow("quit closes") << QStringList{r, l("QUIT"), r, u"eof"_s} << QStringList{u"220"_s, u"221"_s, u"EOF"_s};
        QStringList junk{r};
        QStringList junkCodes{u"220"_s};
        for (int i = 0; i < 19; ++i) {
            junk << l("GET / HTTP/1.1") << r;
            junkCodes << u"500"_s;
        }
        junk << l("GET / HTTP/1.1") << u"eof"_s;
        junkCodes << u"500"_s << u"421"_s << u"EOF"_s;
        QTest::newRow("too many errors") << junk << junkCodes;
    }

    void hostileOrOddInput_getsTheRightReply()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        const QStringList lines = talk(port, steps);
        QCOMPARE(codes(lines), expected);
        // After EHLO every reply carries an enhanced status code (RFC 2034) where one applies.
        for (const QString &line : lines) {
            if (line.startsWith(u"500 "_s) && lines.contains(u"250 HELP"_s))
                QVERIFY2(line.startsWith(u"500 5.5.2 "_s), qPrintable(line));
        }
    }

    void ehlo_advertisesWhatTheReceiverDoes_heloDoesNot()
    {
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.limits.maxMessageBytes = 1234567;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:HELO t"_s, u"reply"_s});
        QVERIFY2(lines.size() >= 3 && lines.at(0).startsWith(u"220 "_s), qPrintable(lines.join(u'\n')));
        QStringList keywords;   // the EHLO reply's lines after the greeting line, codes stripped
        for (qsizetype i = 2; i < lines.size() && lines.at(i - 1).startsWith(u"250-"_s); ++i)
            keywords << lines.at(i).mid(4);
        QCOMPARE(keywords, QStringList({u"SIZE 1234567"_s, u"8BITMIME"_s, u"SMTPUTF8"_s, u"PIPELINING"_s, u"ENHANCEDSTATUSCODES"_s,
                                        u"HELP"_s}));
        QVERIFY2(lines.last().startsWith(u"250 "_s) && !lines.last().contains(u"SIZE"_s), qPrintable(lines.last()));
    }

    void smugglingAttempt_bareLfDotIsText_notTheEnd()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        // "\n.\n" and "\r.\r" must not end DATA: a second message smuggled behind them stays text.
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                              u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                              u"send:Subject: one\\r\\n\\r\\nbody\\n.\\nMAIL FROM:<evil@x.y>\\r\\nbody\\r.\\r\\n"_s,
                                              u"send:.\\r\\n"_s, u"reply"_s, u"line:QUIT"_s, u"reply"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s, u"221"_s}));
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(arrived(received.at(0).at(0).value<StoredMessage>().path),
                 QByteArray("Subject: one\r\n\r\nbody\n.\nMAIL FROM:<evil@x.y>\r\nbody\r.\r\n"));
    }

    void tooManyRecipients_452_andTheFirstOnesKept()
    {
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.limits.maxRecipients = 2;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                              u"line:RCPT TO:<1@x.y>"_s, u"reply"_s, u"line:RCPT TO:<2@x.y>"_s, u"reply"_s,
                                              u"line:RCPT TO:<3@x.y>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                              u"send:Subject: x\\r\\n\\r\\nhi\\r\\n.\\r\\n"_s, u"reply"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"250"_s, u"452"_s, u"354"_s, u"250"_s}));
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).value<StoredMessage>().envelope.recipients, QStringList({u"1@x.y"_s, u"2@x.y"_s}));
    }

    void messageOverTheLimit_552_nothingStored_connectionStillUsable()
    {
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.limits.maxMessageBytes = 4000;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                              u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                              u"fill:20000:x"_s, u"send:\\r\\n.\\r\\n"_s, u"reply"_s,
                                              // ...and a message within the limit on the same connection is taken.
                                              u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s, u"line:RCPT TO:<d@e.f>"_s, u"reply"_s,
                                              u"line:DATA"_s, u"reply"_s, u"send:Subject: small\\r\\n\\r\\nok\\r\\n.\\r\\n"_s, u"reply"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"552"_s, u"250"_s, u"250"_s,
                                            u"354"_s, u"250"_s}));
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(arrived(received.at(0).at(0).value<StoredMessage>().path), QByteArray("Subject: small\r\n\r\nok\r\n"));
        QCOMPARE(messagesIn(m_store).size(), 1);
        QCOMPARE(filesIn(m_store).size(), 2);   // that one and its envelope: nothing of the big one
    }

    void senderVanishingMidData_leavesNothingBehind()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy gone(&receiver, &SmtpReceiver::clientDisconnected);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                              u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                              u"send:Subject: cut\\r\\n\\r\\n"_s, u"fill:300000:y"_s, u"close"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"CLOSED"_s}));
        QVERIFY(gone.wait(10000));
        QCOMPARE(received.size(), 0);
        QCOMPARE(filesIn(m_store), QStringList());   // no message, no envelope, no temporary
    }

    void stalledSender_isTimedOut_withA421()
    {
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.idleTimeout = std::chrono::milliseconds(300);
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        // Quiet after the greeting, and quiet in the middle of a message: both get 421 and a close.
        QCOMPARE(codes(talk(port, {u"reply"_s, u"eof"_s})), QStringList({u"220"_s, u"421"_s, u"EOF"_s}));
        const QStringList lines = talk(port, {u"reply"_s, u"line:EHLO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                              u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                              u"send:Subject: stalled\\r\\n\\r\\nhalf a"_s, u"eof"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"421"_s, u"EOF"_s}));
        QTRY_COMPARE(filesIn(m_store), QStringList());
    }

    void hundredSendersAtOnce_allStored()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        Peer senders;
        QVERIFY(senders.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), m_out, u"--count"_s, u"100"_s,
                                                        u"--parallel"_s}));
        QVERIFY(senders.waitForFinished(90000));
        QVERIFY2(senders.exitCode() == 0, senders.process().readAllStandardOutput().constData());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 100, 30000);

        // Each stored message is exactly one of the sent ones, and every sent one is there.
        QStringList sent, stored;
        for (int i = 0; i < 100; ++i)
            sent << QString::fromLatin1(sha256Hex(readFile(m_out + u"/sent-%1.eml"_s.arg(i))));
        for (const QString &name : messagesIn(m_store))
            stored << QString::fromLatin1(sha256Hex(arrived(m_store + u'/' + name)));
        sent.sort();
        stored.sort();
        QCOMPARE(stored, sent);
    }

    // RFC 5321 4.4: the inbox puts one Received: field in front of what arrived, saying from whom
    // (the HELO name and the peer's address), by whom, how, the message's id, the recipient when
    // there is one, and when. Nothing a client says can end it early or add a header of its own.
    void receivedField_saysFromWhomByWhomHowAndWhen_data()
    {
        QTest::addColumn<QString>("hello");
        QTest::addColumn<QString>("mailFrom");
        QTest::addColumn<QStringList>("recipients");
        QTest::addColumn<QString>("expectedFrom");
        QTest::addColumn<QString>("expectedWith");
        QTest::addColumn<QString>("expectedFor");   // empty: no "for" clause
        QTest::addColumn<bool>("login");             // AUTH PLAIN (any login) after EHLO
        QTest::newRow("HELO, one recipient") << u"HELO client.example"_s << u"MAIL FROM:<a@b.c>"_s << QStringList{u"d@e.f"_s}
                                             << u"client.example"_s << u"SMTP"_s << u"d@e.f"_s << false;
        // A Bcc'd recipient must not be revealed to the others: no "for" with more than one.
        QTest::newRow("EHLO, two recipients") << u"EHLO client.example"_s << u"MAIL FROM:<a@b.c>"_s
                                              << QStringList{u"d@e.f"_s, u"g@h.i"_s} << u"client.example"_s << u"ESMTP"_s << QString() << false;
        QTest::newRow("EHLO SMTPUTF8") << u"EHLO [127.0.0.1]"_s << u"MAIL FROM:<王@例子.中国> SMTPUTF8"_s
                                       << QStringList{u"张三@例子.中国"_s} << u"[127.0.0.1]"_s << u"UTF8SMTP"_s << u"张三@例子.中国"_s << false;
        // RFC 3848: "A" after a login.
        QTest::newRow("EHLO, AUTH") << u"EHLO client.example"_s << u"MAIL FROM:<a@b.c>"_s << QStringList{u"d@e.f"_s}
                                    << u"client.example"_s << u"ESMTPA"_s << u"d@e.f"_s << true;
        QTest::newRow("SMTPUTF8, AUTH") << u"EHLO client.example"_s << u"MAIL FROM:<王@例子.中国> SMTPUTF8"_s << QStringList{u"d@e.f"_s}
                                        << u"client.example"_s << u"UTF8SMTPA"_s << u"d@e.f"_s << true;
        QTest::newRow("HELO with CR and brackets") << u"EHLO evil\\rX-Injected:(yes)\\x01"_s << u"MAIL FROM:<a@b.c>"_s
                                                   << QStringList{u"d@e.f"_s} << u"unknown"_s << u"ESMTP"_s << u"d@e.f"_s << false;
    }

    void receivedField_saysFromWhomByWhomHowAndWhen()
    {
        QFETCH(QString, hello);
        QFETCH(QString, mailFrom);
        QFETCH(QStringList, recipients);
        QFETCH(QString, expectedFrom);
        QFETCH(QString, expectedWith);
        QFETCH(QString, expectedFor);
        QFETCH(bool, login);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.authMode = login ? SmtpAuthMode::Any : SmtpAuthMode::Off;
        const quint16 port = startReceiver(receiver, config);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        QStringList steps{u"reply"_s, u"line:"_s + hello, u"reply"_s};
        if (login)
            steps << u"line:AUTH PLAIN AHVzZXIAcHc="_s << u"reply"_s;   // "\0user\0pw"
        steps << u"line:"_s + mailFrom << u"reply"_s;
        for (const QString &recipient : recipients)
            steps << u"line:RCPT TO:<"_s + recipient + u'>' << u"reply"_s;
        const QByteArray body = "Subject: trace\r\nReceived: from an.earlier.hop by another; 1 Jan 2026 00:00:00 +0000\r\n\r\nhi\r\n";
        steps << u"line:DATA"_s << u"reply"_s << u"send:Subject: trace\\r\\nReceived: from an.earlier.hop by another; 1 Jan 2026 00:00:00 +0000\\r\\n\\r\\nhi\\r\\n.\\r\\n"_s
              << u"reply"_s << u"line:QUIT"_s << u"reply"_s;
        const QStringList lines = talk(port, steps);
        QVERIFY2(codes(lines).contains(u"354"_s), qPrintable(lines.join(u'\n')));
        QTRY_COMPARE(received.size(), 1);
        const auto message = received.at(0).at(0).value<StoredMessage>();

        QByteArray trace;
        QCOMPARE(arrived(message.path, &trace), body);   // the earlier hop's field stays, below ours
        QCOMPARE(message.size, trace.size() + body.size());
        QCOMPARE(QFileInfo(message.path).size(), message.size);
        // Lines end in CRLF only, none longer than RFC 5322 allows, no control character inside.
        const QList<QByteArray> physical = trace.chopped(2).split('\n');
        for (qsizetype i = 0; i < physical.size(); ++i) {
            QByteArray line = physical.at(i);
            if (i + 1 < physical.size()) {
                QVERIFY2(line.endsWith('\r'), line.constData());
                line.chop(1);
            }
            QVERIFY2(line.size() <= 998 && !line.contains('\r') && !line.contains('\x01'), line.constData());
        }
        QVERIFY(!trace.contains("\nX-Injected"));
        // Unfolded, it is one line of RFC 5321's grammar.
        const QString field = QString::fromUtf8(trace).replace(u"\r\n\t"_s, u" "_s).replace(u"\r\n "_s, u" "_s);
        static const QRegularExpression grammar(
            uR"(^Received: from (\S+) \((\[[^\]]+\])[^)]*\) by (\S+) \(Socketeer\) with (\S+) id (\S+)(?: for <([^>]+)>)?; (.+)\r\n$)"_s);
        const QRegularExpressionMatch match = grammar.match(field);
        QVERIFY2(match.hasMatch(), qPrintable(field));
        QCOMPARE(match.captured(1), expectedFrom);
        QCOMPARE(match.captured(2), u"[127.0.0.1]"_s);   // the peer, as an address literal
        QCOMPARE(match.captured(3), u"localhost"_s);     // the receiver's host name
        QCOMPARE(match.captured(4), expectedWith);
        QCOMPARE(match.captured(5), message.id);
        QCOMPARE(match.captured(6), expectedFor);
        // RFC 5322 date-time, in English whatever the locale, near the envelope's time.
        const QDateTime when = QDateTime::fromString(match.captured(7), Qt::RFC2822Date);
        QVERIFY2(when.isValid(), qPrintable(match.captured(7)));
        QVERIFY(qAbs(when.secsTo(message.envelope.receivedAt)) < 3600);
    }

    // A client that pipelines past DATA (MAIL/RCPT/DATA/message/./MAIL/… in one send) hands the
    // receiver several whole transactions in one read: each stored message is announced, once.
    void pipelinedTransactionsInOneSend_areEachAnnounced()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        QString burst = u"EHLO t\\r\\n"_s;
        for (int i = 1; i <= 3; ++i)
            burst += u"MAIL FROM:<a@b.c>\\r\\nRCPT TO:<d@e.f>\\r\\nDATA\\r\\nSubject: number %1\\r\\n\\r\\n%1\\r\\n.\\r\\n"_s.arg(i);
        burst += u"QUIT\\r\\n"_s;
        const QStringList lines = talk(port, {u"reply"_s, u"send:"_s + burst, u"eof"_s});
        QCOMPARE(codes(lines), QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s,
                                            u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s, u"221"_s, u"EOF"_s}));
        QCOMPARE(messagesIn(m_store).size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
        QSet<QString> ids;
        for (const QList<QVariant> &signal : received)
            ids.insert(signal.at(0).value<StoredMessage>().id);
        QCOMPARE(ids.size(), 3);
        for (const StoredMessage &message : MailStore(m_store).messages())
            QVERIFY2(ids.contains(message.id), qPrintable(message.id));
    }

    void restart_showsTheMessagesReceivedBefore()
    {
        {
            SmtpReceiver receiver;
            const quint16 port = startReceiver(receiver);
            QVERIFY(port != 0);
            QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
            Peer sender;
            QVERIFY(sender.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), m_out, u"--count"_s, u"2"_s}));
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 20000);
            QVERIFY(sender.waitForFinished());
        }   // the receiver is gone, as after quitting the app

        const QList<StoredMessage> before = MailStore(m_store).messages();
        QCOMPARE(before.size(), 2);
        QVERIFY(before.at(0).envelope.receivedAt >= before.at(1).envelope.receivedAt);   // newest first
        QCOMPARE(before.at(0).envelope.recipients.size(), 4);

        SmtpReceiver again;
        const quint16 port = startReceiver(again);
        QVERIFY(port != 0);
        QSignalSpy received(&again, &SmtpReceiver::messageReceived);
        QCOMPARE(codes(talk(port, {u"reply"_s, u"line:HELO t"_s, u"reply"_s, u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s,
                                   u"line:RCPT TO:<d@e.f>"_s, u"reply"_s, u"line:DATA"_s, u"reply"_s,
                                   u"send:Subject: third\\r\\n\\r\\nhi\\r\\n.\\r\\n"_s, u"reply"_s})),
                 QStringList({u"220"_s, u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s}));
        QVERIFY(received.wait(10000) || received.size() == 1);
        const QList<StoredMessage> after = MailStore(m_store).messages();
        QCOMPARE(after.size(), 3);
        QCOMPARE(after.at(0).id, received.at(0).at(0).value<StoredMessage>().id);
    }

    void open_sweepsWhatACrashLeft_andKeepsWholeMessages()
    {
        QVERIFY(MailStore(m_store).open().ok());   // a store of its own (tst_mailstore: of the user's)
        const QString id = u"20261204-101010-000-0001-abcd"_s;
        QVERIFY(writeFile(m_store + u'/' + id + u".eml"_s, "Subject: whole\r\n\r\nx\r\n"));
        QVERIFY(writeFile(m_store + u'/' + id + u".json"_s, R"({"from":"a@b.c","to":["d@e.f"]})"));
        // An envelope whose message never arrived, and QSaveFile temporaries of both kinds.
        QVERIFY(writeFile(m_store + u"/20261204-101011-000-0002-abcd.json"_s, "{}"));
        QVERIFY(writeFile(m_store + u"/20261204-101012-000-0003-abcd.eml.Xy12Ab"_s, "Subject: half"));
        QVERIFY(writeFile(m_store + u"/20261204-101013-000-0004-abcd.json.Xy12Ab"_s, "{"));
        QVERIFY(writeFile(m_store + u"/unrelated.txt"_s, "mine"));

        MailStore store(m_store);
        QVERIFY(store.open().ok());
        QCOMPARE(filesIn(m_store), QStringList({id + u".eml"_s, id + u".json"_s, u"unrelated.txt"_s}));
        const QList<StoredMessage> messages = store.messages();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).envelope.mailFrom, u"a@b.c"_s);

        QVERIFY(!store.remove(u"../unrelated"_s).ok());   // ids never walk out of the folder
        QVERIFY(store.remove(id).ok());
        QCOMPARE(filesIn(m_store), QStringList({u"unrelated.txt"_s}));
    }

    void portInUse_isReported_andTheReceiverStops()
    {
        SmtpReceiver first;
        const quint16 port = startReceiver(first);
        QVERIFY(port != 0);
        SmtpReceiver second;
        QSignalSpy failed(&second, &SmtpReceiver::errorOccurred);
        QSignalSpy stopped(&second, &SmtpReceiver::stopped);
        SmtpReceiverConfig config;
        config.endpoint = {u"127.0.0.1"_s, port, {}};
        config.directory = m_store;
        QVERIFY(second.start(config));
        QVERIFY(stopped.wait(10000));
        QCOMPARE(failed.size(), 1);
        const auto error = failed.at(0).at(0).value<Error>();
        QCOMPARE(error.kind, ErrorKind::Bind);
        QVERIFY2(error.message().contains(QString::number(port)), qPrintable(error.message()));
        QVERIFY(!second.isRunning());
    }

    void stop_closesConnections_andDropsAHalfMessage()
    {
        SmtpReceiver receiver;
        const quint16 port = startReceiver(receiver);
        QVERIFY(port != 0);
        QSignalSpy connected(&receiver, &SmtpReceiver::clientConnected);
        Peer client;
        QVERIFY(client.startPython(u"smtp_script.py"_s, {u"127.0.0.1"_s, QString::number(port), u"reply"_s, u"line:EHLO t"_s, u"reply"_s,
                                                         u"line:MAIL FROM:<a@b.c>"_s, u"reply"_s, u"line:RCPT TO:<d@e.f>"_s, u"reply"_s,
                                                         u"line:DATA"_s, u"reply"_s, u"send:Subject: half\\r\\n"_s, u"eof"_s}));
        bool ok = false;
        for (int i = 0; i < 20; ++i) {
            const QByteArray line = client.readLine(10000, &ok);
            QVERIFY(ok);
            if (line.startsWith("354"))
                break;
        }
        QSignalSpy stopped(&receiver, &SmtpReceiver::stopped);
        receiver.stop();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(client.readLine(10000, &ok), QByteArray("EOF"));
        QCOMPARE(filesIn(m_store), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSmtpReceiver)
#include "tst_smtpreceiver.moc"
