// Properties of the inbox's SMTP server session (core/mail/smtpserversession), checked over many
// generated dialogues rather than a few examples:
//  - chunking does not matter: the same bytes fed whole, one byte at a time, split at every single
//    position and in random pieces give the same replies, transcript and stored messages (TCP may
//    cut a client's bytes anywhere);
//  - a message arrives as the client meant it: whatever its lines hold (leading dots, bare CR or
//    LF, "." alone, long lines), the client's dot-stuffing undone by the session gives back the
//    exact bytes, for every message of a pipelined dialogue.
// The sink is RecordingSink (tests/fuzz/smtpdriver.h): a real SmtpMessageSink keeping messages in
// memory. fuzz_smtpserver checks the chunking property on inputs libFuzzer finds; this test runs
// it in every build on dialogues built to be valid, so it reaches deep into DATA every time.
// The random dialogues come from a fixed seed (SOCKETEER_PROPERTY_SEED overrides it; a failure
// prints the seed to use).

#include "../fuzz/smtpdriver.h"

#include <QRandomGenerator>
#include <QTest>

using namespace socketeer;
using namespace socketeer::fuzzing;

namespace {

// RFC 5321 4.5.2, as a client does it: a "." at the start of a line is doubled; the message ends
// with CRLF (added when missing), then ".\r\n".
QByteArray dotStuffed(QByteArray body)
{
    if (!body.endsWith("\r\n"))
        body += "\r\n";
    QByteArray out;
    bool lineStart = true;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (lineStart && body[i] == '.')
            out += '.';
        out += body[i];
        lineStart = body[i] == '\n' && i > 0 && body[i - 1] == '\r';
    }
    return out + ".\r\n";
}

QByteArray randomLine(QRandomGenerator &random)
{
    static const QByteArray pieces[] = {".", "..", "a", "text ", "\n", "\r", ".\n", "\xe4\xbd\xa0", "\t", " ", "From x", "\x00"};
    QByteArray line;
    const int n = random.bounded(0, 8);
    for (int i = 0; i < n; ++i)
        line += pieces[random.bounded(int(std::size(pieces)))];
    if (random.bounded(20) == 0)
        line += QByteArray(random.bounded(900, 3000), 'L');   // longer than any command line
    return line;
}

struct Dialogue {
    QByteArray bytes;
    QList<QByteArray> bodies;   // the messages, as the client meant them (with the final CRLF)
};

// A pipelined dialogue of 1..4 transactions, with some noise between them that the session
// answers without ending the connection.
Dialogue randomDialogue(QRandomGenerator &random)
{
    static const QByteArray noise[] = {"NOOP\r\n", "RSET\r\n", "HELP\r\n", "VRFY x@y.org\r\n", "FOO\r\n", "\r\n",
                                       "MAIL FROM:<broken\r\n", "RCPT TO:<nobody@x.org>\r\n", "DATA\r\n"};
    Dialogue d;
    d.bytes = random.bounded(2) ? "EHLO client.example\r\n" : "HELO client.example\r\n";
    const int transactions = random.bounded(1, 5);
    for (int t = 0; t < transactions; ++t) {
        if (random.bounded(3) == 0)
            d.bytes += noise[random.bounded(int(std::size(noise)))];
        d.bytes += "MAIL FROM:<sender" + QByteArray::number(t) + "@example.com>\r\n";
        const int recipients = random.bounded(1, 4);
        for (int r = 0; r < recipients; ++r)
            d.bytes += "RCPT TO:<r" + QByteArray::number(r) + "@example.org>\r\n";
        d.bytes += "DATA\r\n";
        QByteArray body;
        const int lines = random.bounded(0, 12);
        for (int l = 0; l < lines; ++l)
            body += randomLine(random) + "\r\n";
        if (random.bounded(4) == 0)
            body += randomLine(random);   // no CRLF at the end: the client adds one
        d.bytes += dotStuffed(body);
        d.bodies << (body.endsWith("\r\n") ? body : body + "\r\n");
    }
    d.bytes += "QUIT\r\n";
    return d;
}

quint32 propertySeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SOCKETEER_PROPERTY_SEED").toUInt(&ok);
    return ok ? seed : 20261204u;
}

QString differences(const Outcome &a, const Outcome &b)
{
    QStringList what;
    if (a.replies != b.replies)
        what << QStringLiteral("replies:\n%1\nvs\n%2").arg(QString::fromUtf8(a.replies), QString::fromUtf8(b.replies));
    if (a.hookLines != b.hookLines)
        what << QStringLiteral("transcript");
    if (a.messages != b.messages)
        what << QStringLiteral("messages (%1 vs %2)").arg(a.messages.size()).arg(b.messages.size());
    if (a.aborted != b.aborted || a.closed != b.closed || a.receiving != b.receiving)
        what << QStringLiteral("end state");
    if (!a.problems.isEmpty() || !b.problems.isEmpty())
        what << (a.problems + b.problems).join(QLatin1String("; "));
    return what.join(QLatin1String("; "));
}

} // namespace

class TestSmtpProperties : public QObject {
    Q_OBJECT

private slots:
    void generatedDialogues_storeWhatTheClientMeant_inAnyChunking()
    {
        const quint32 seed = propertySeed();
        QRandomGenerator random(seed);
        const SmtpReceiverLimits limits;
        int messagesSeen = 0;
        for (int round = 0; round < 150; ++round) {
            const Dialogue dialogue = randomDialogue(random);
            const QString where = QStringLiteral("seed %1, dialogue %2 (SOCKETEER_PROPERTY_SEED=%1 repeats it)").arg(seed).arg(round);

            const Outcome whole = runDialogue(dialogue.bytes, {}, limits);
            QVERIFY2(whole.problems.isEmpty(), qPrintable(where + QLatin1String(": ") + whole.problems.join(QLatin1String("; "))));
            QVERIFY2(whole.closed, qPrintable(where + QLatin1String(": QUIT was not reached")));
            QCOMPARE(whole.messages.size(), dialogue.bodies.size());
            for (qsizetype i = 0; i < dialogue.bodies.size(); ++i) {
                QVERIFY2(whole.messages[i].bytes == dialogue.bodies[i],
                         qPrintable(where + QStringLiteral(": message %1 stored as\n%2\nsent as\n%3")
                                                .arg(i)
                                                .arg(QString::fromLatin1(whole.messages[i].bytes.toPercentEncoding()),
                                                     QString::fromLatin1(dialogue.bodies[i].toPercentEncoding()))));
                QCOMPARE(whole.messages[i].envelope.mailFrom, QStringLiteral("sender%1@example.com").arg(i));
            }
            messagesSeen += int(whole.messages.size());

            const Outcome bytewise = runDialogue(dialogue.bytes, {1}, limits);
            QVERIFY2(bytewise == whole, qPrintable(where + QLatin1String(", one byte at a time: ") + differences(whole, bytewise)));
            for (int piece = 0; piece < 20; ++piece) {
                QList<qsizetype> sizes;
                for (int k = random.bounded(1, 6); k > 0; --k)
                    sizes << random.bounded(1, 64);
                const Outcome chunked = runDialogue(dialogue.bytes, sizes, limits);
                QVERIFY2(chunked == whole, qPrintable(where + QLatin1String(", random pieces: ") + differences(whole, chunked)));
            }
        }
        QVERIFY(messagesSeen > 150);   // the generator really makes transactions
    }

    // Every way of cutting a dialogue in two, for dialogues whose every corner matters: a cut
    // between CR and LF, inside ".\r\n", right after DATA's 354, inside a stuffed dot.
    void everySplitPoint_givesTheSameOutcome_data()
    {
        QTest::addColumn<QByteArray>("dialogue");
        QTest::addColumn<int>("messages");
        QTest::newRow("pipelined past DATA")
            << QByteArray("EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nSubject: one\r\n\r\n1\r\n.\r\n"
                          "MAIL FROM:<c@x.org>\r\nRCPT TO:<d@y.org>\r\nDATA\r\n..2\r\n.\r\nQUIT\r\n")
            << 2;
        QTest::newRow("dots and bare line ends")
            << QByteArray("HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n.\r\r\n..\r\n.\n.\r\n\n.\r\n\r.\r\n\r\n.x\r\n.\r\nNOOP\r\n")
            << 1;
        QTest::newRow("end marker right after DATA") << QByteArray("EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n.\r\nQUIT\r\n") << 1;
        QTest::newRow("smuggling attempt is one message")
            << QByteArray("EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nx\n.\nMAIL FROM:<e@x.org>\r\n.\r\nQUIT\r\n") << 1;
        QTest::newRow("long command line, then mail")
            << (QByteArray("EHLO ") + QByteArray(3000, 'h') + "\r\nEHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nz\r\n.\r\n")
            << 1;
    }
    void everySplitPoint_givesTheSameOutcome()
    {
        QFETCH(QByteArray, dialogue);
        QFETCH(int, messages);
        const SmtpReceiverLimits limits;
        const Outcome whole = runDialogue(dialogue, {}, limits);
        QVERIFY2(whole.problems.isEmpty(), qPrintable(whole.problems.join(QLatin1String("; "))));
        QCOMPARE(whole.messages.size(), messages);
        for (qsizetype cut = 1; cut < dialogue.size(); ++cut) {
            const Outcome split = runDialogue(dialogue, {cut, dialogue.size()}, limits);
            QVERIFY2(split == whole, qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(differences(whole, split))));
        }
        const Outcome bytewise = runDialogue(dialogue, {1}, limits);
        QVERIFY2(bytewise == whole, qPrintable(differences(whole, bytewise)));
    }

    // STARTTLS and AUTH hold the property too: the driver upgrades when the session asks and
    // gives it again what it discarded behind STARTTLS (tests/fuzz/smtpdriver.h), so whatever
    // the cut, the messages arrive under TLS, from the user who logged in after the upgrade.
    void startTlsAndLogin_inAnyChunking()
    {
        SmtpSessionPolicy policy;
        policy.startTlsAvailable = true;
        policy.auth.mode = SmtpAuthMode::File;
        policy.auth.credentials = std::make_shared<const SmtpCredentials>(
            SmtpCredentials::fromEntries({{QStringLiteral("user"), Secret(QStringLiteral("secret"))}}));
        policy.peerIsLoopback = false;   // AUTH only after STARTTLS
        const QByteArray preamble = "EHLO c\r\nAUTH PLAIN AHVzZXIAc2VjcmV0\r\nSTARTTLS\r\nEHLO c\r\nAUTH LOGIN\r\ndXNlcg==\r\nc2VjcmV0\r\n";
        const SmtpReceiverLimits limits;
        QRandomGenerator random(propertySeed());
        for (int round = 0; round < 40; ++round) {
            Dialogue dialogue = randomDialogue(random);
            if (dialogue.bytes.startsWith("HELO"))
                continue;   // AUTH needs EHLO: HELO after it is a client's own mistake, tested elsewhere
            const QByteArray bytes = preamble + dialogue.bytes;
            const QString where = QStringLiteral("dialogue %1").arg(round);
            const Outcome whole = runDialogue(bytes, {}, limits, policy);
            QVERIFY2(whole.problems.isEmpty(), qPrintable(where + QLatin1String(": ") + whole.problems.join(QLatin1String("; "))));
            QCOMPARE(whole.upgrades, 1);
            QVERIFY(whole.replies.contains("538 5.7.11"));   // the AUTH before STARTTLS
            QCOMPARE(whole.messages.size(), dialogue.bodies.size());
            for (qsizetype i = 0; i < dialogue.bodies.size(); ++i) {
                QCOMPARE(whole.messages[i].bytes, dialogue.bodies[i]);
                QVERIFY(whole.messages[i].envelope.tls);
                QCOMPARE(whole.messages[i].envelope.authUser, QStringLiteral("user"));
            }
            QVERIFY2(runDialogue(bytes, {1}, limits, policy) == whole, qPrintable(where));
            for (int piece = 0; piece < 10; ++piece) {
                QList<qsizetype> sizes;
                for (int k = random.bounded(1, 6); k > 0; --k)
                    sizes << random.bounded(1, 64);
                const Outcome chunked = runDialogue(bytes, sizes, limits, policy);
                QVERIFY2(chunked == whole, qPrintable(where + QLatin1String(", random pieces: ") + differences(whole, chunked)));
            }
        }
    }

    // The sink's failures and the limits, which end transactions early, hold the property too.
    void limitsAndSinkFailures_inAnyChunking()
    {
        SmtpReceiverLimits limits;
        limits.maxMessageBytes = 100;
        limits.maxRecipients = 2;
        limits.maxCommandLineBytes = 64;
        const QByteArray dialogue =
            "EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n" + QByteArray(300, 'y') + "\r\n.\r\n"
            "MAIL FROM:<writefail@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n" + QByteArray(40, 'w') + "\r\n.\r\n"
            "MAIL FROM:<finishfail@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nf\r\n.\r\n"
            "MAIL FROM:<beginfail@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nRSET\r\n"
            "MAIL FROM:<ok@x.org>\r\nRCPT TO:<1@y.org>\r\nRCPT TO:<2@y.org>\r\nRCPT TO:<3@y.org>\r\nDATA\r\nkept\r\n.\r\nQUIT\r\n";
        const Outcome whole = runDialogue(dialogue, {}, limits);
        QVERIFY2(whole.problems.isEmpty(), qPrintable(whole.problems.join(QLatin1String("; "))));
        QCOMPARE(whole.messages.size(), 1);
        QCOMPARE(whole.messages[0].bytes, QByteArray("kept\r\n"));
        QCOMPARE(whole.messages[0].envelope.recipients.size(), 2);
        QVERIFY(whole.replies.contains("552 5.3.4"));
        QVERIFY(whole.replies.contains("test sink: disk full\r\n"));
        QVERIFY(whole.replies.contains("test sink: fsync failed\r\n"));
        QVERIFY(whole.replies.contains("451 4.3.0 Cannot store the message now: "));
        QCOMPARE(whole.replies.count("451 4.3.0 "), 3);
        QVERIFY(whole.replies.contains("452 4.5.3"));
        for (qsizetype cut = 1; cut < dialogue.size(); ++cut) {
            const Outcome split = runDialogue(dialogue, {cut, dialogue.size()}, limits);
            QVERIFY2(split == whole, qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(differences(whole, split))));
        }
        QVERIFY(runDialogue(dialogue, {1}, limits) == whole);
    }
};

QTEST_GUILESS_MAIN(TestSmtpProperties)
#include "tst_smtpproperties.moc"
