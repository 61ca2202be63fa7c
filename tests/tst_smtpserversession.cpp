// The inbox's SMTP server session (core/mail/smtpserversession) on its security rules, fed bytes
// the way a client on the network sends them: STARTTLS (RFC 3207) and the pipelining injection
// (CVE-2011-0411's class: bytes sent with the STARTTLS line are never read after the upgrade),
// require-TLS (530), AUTH PLAIN and LOGIN (RFC 4954) with the password never in the transcript,
// AUTH refused in clear to a peer that is not on loopback (538), failure injection, and the users
// file. The sink is RecordingSink (tests/fuzz/smtpdriver.h), a real SmtpMessageSink in memory.
// Real clients (swaks, smtplib) against the running receiver are in tst_smtpinboxauth.

#include "../fuzz/smtpdriver.h"
#include "mailtestutil.h"

#include "mail/mailstore.h"
#include "mail/smtpfailures.h"
#include "mail/smtpinboxauth.h"
#include "mail/tracefield.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::fuzzing;
using namespace testsupport;

namespace {

const QString kUser = u"student@example.com"_s;
const QString kPassword = u"abcdEFGH1234authcode"_s;

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

QByteArray plainResponse(const QString &user = kUser, const QString &password = kPassword)
{
    return b64('\0' + user.toUtf8() + '\0' + password.toUtf8());
}

// Everything that would betray the password: itself and the base64 forms a client sends.
QList<QByteArray> secretForms()
{
    return {kPassword.toUtf8(), b64(kPassword.toUtf8()), plainResponse()};
}

std::shared_ptr<const SmtpCredentials> fileUsers()
{
    return std::make_shared<const SmtpCredentials>(SmtpCredentials::fromEntries({{kUser, Secret(kPassword)}, {u"other"_s, Secret(u"pw"_s)}}));
}

// The codes of the final reply lines ("250-…" continuation lines left out).
QStringList codes(const QByteArray &replies)
{
    QStringList result;
    for (const QByteArray &line : replies.split('\n')) {
        if (line.size() >= 4 && line.at(3) == ' ')
            result << QString::fromLatin1(line.left(3));
    }
    return result;
}

struct Harness {
    explicit Harness(SmtpSessionPolicy policy, const QString &peer = u"127.0.0.1:40000"_s)
        : session(u"inbox.test"_s, SmtpReceiverLimits{}, sink, peer, std::move(policy))
    {
        session.setTranscriptHook([this](SmtpServerSession::Direction direction, const QString &line) {
            hook << (direction == SmtpServerSession::Direction::Client ? u"C: "_s : u"S: "_s) + line;
        });
        all += session.greeting();
    }
    QByteArray send(const QByteArray &bytes)
    {
        const QByteArray replies = session.receive(bytes);
        all += replies;
        return replies;
    }
    QStringList sendCodes(const QByteArray &bytes) { return codes(send(bytes)); }

    RecordingSink sink;
    SmtpServerSession session;
    QStringList hook;
    QByteArray all;
};

SmtpSessionPolicy tlsOffered()
{
    SmtpSessionPolicy policy;
    policy.startTlsAvailable = true;
    return policy;
}

SmtpSessionPolicy authPolicy(SmtpAuthMode mode, bool loopback = true)
{
    SmtpSessionPolicy policy;
    policy.auth.mode = mode;
    policy.auth.credentials = fileUsers();
    policy.peerIsLoopback = loopback;
    return policy;
}

const SmtpTlsInfo kTls{true, u"TLSv1.3"_s, u"TLS_AES_256_GCM_SHA384"_s};

} // namespace

Q_DECLARE_METATYPE(socketeer::SmtpAuthMode)
Q_DECLARE_METATYPE(socketeer::SmtpSessionPolicy)

class TestSmtpServerSession : public QObject {
    Q_OBJECT

private slots:
    // ── STARTTLS ─────────────────────────────────────────────────────────────────────────
    void starttls_bytesPipelinedAfterIt_areNeverRead()
    {
        Harness h(tlsOffered());
        QVERIFY(h.send("EHLO client.example\r\n").contains("250-STARTTLS\r\n"));
        // One read: the STARTTLS line and a command a man in the middle appended in plain text.
        const QByteArray injected = "MAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\n";
        QCOMPARE(h.send("STARTTLS\r\n" + injected), QByteArray("220 2.0.0 Ready to start TLS\r\n"));
        QVERIFY(h.session.startTlsRequested());
        QCOMPARE(h.session.startTlsReply(), QByteArray("220 2.0.0 Ready to start TLS\r\n"));
        QCOMPARE(h.session.discardedAfterStartTls(), injected.size());
        // Anything more before the handshake is done is dropped too.
        QCOMPARE(h.send("DATA\r\n"), QByteArray());
        QCOMPARE(h.session.discardedAfterStartTls(), injected.size() + 6);

        h.session.tlsStarted(kTls);
        QVERIFY(!h.session.startTlsRequested());
        QVERIFY(h.session.tls().active);
        // The sender the attacker named was never taken: after the upgrade MAIL needs EHLO again.
        QCOMPARE(h.sendCodes("MAIL FROM:<a@example.com>\r\n"), QStringList{u"503"_s});
        const QByteArray ehlo = h.send("EHLO client.example\r\n");
        QVERIFY2(!ehlo.contains("STARTTLS"), ehlo.constData());   // RFC 3207 4.2: not offered again
        QCOMPARE(h.sendCodes("STARTTLS\r\n"), QStringList{u"554"_s});
        QCOMPARE(h.sendCodes("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\nhi\r\n.\r\n"),
                 (QStringList{u"250"_s, u"250"_s, u"354"_s, u"250"_s}));
        QCOMPARE(h.sink.messages.size(), 1);
        const SmtpEnvelope &envelope = h.sink.messages.first().envelope;
        QCOMPARE(envelope.mailFrom, u"a@example.com"_s);
        QVERIFY(envelope.tls);
        QCOMPARE(envelope.tlsVersion, kTls.version);
        QCOMPARE(envelope.tlsCipher, kTls.cipher);
        for (const QString &line : h.hook)
            QVERIFY2(!line.contains(u"evil"_s) && !line.contains(u"victim"_s), qPrintable(line));
        QVERIFY(envelope.transcript.contains(u"S: (TLS started: TLSv1.3, TLS_AES_256_GCM_SHA384)"_s));
        QVERIFY(h.sink.problems.isEmpty());
    }

    void starttls_forgetsWhatTheClientSaid()
    {
        SmtpSessionPolicy policy = tlsOffered();
        policy.auth.mode = SmtpAuthMode::Any;
        policy.peerIsLoopback = true;
        Harness h(policy);
        QCOMPARE(h.sendCodes("EHLO c\r\nAUTH PLAIN " + plainResponse() + "\r\n"), (QStringList{u"250"_s, u"235"_s}));
        QCOMPARE(h.session.authenticatedUser(), kUser);
        QCOMPARE(h.sendCodes("STARTTLS\r\n"), QStringList{u"220"_s});
        h.session.tlsStarted(kTls);
        QCOMPARE(h.session.authenticatedUser(), QString());   // RFC 3207 4.2: AUTH is forgotten too
        QCOMPARE(h.sendCodes("EHLO c\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\nx\r\n.\r\n"),
                 (QStringList{u"250"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s}));
        QCOMPARE(h.sink.messages.first().envelope.authUser, QString());
    }

    void starttls_refusedWhereRfc3207SaysSo_data()
    {
        QTest::addColumn<SmtpSessionPolicy>("policy");
        QTest::addColumn<QByteArray>("dialogue");
        QTest::addColumn<QStringList>("expected");
        const SmtpSessionPolicy offered = tlsOffered();
        SmtpSessionPolicy implicit = offered;
        implicit.tls = kTls;
        QTest::newRow("not offered") << SmtpSessionPolicy{} << QByteArray("EHLO c\r\nSTARTTLS\r\n") << QStringList{u"250"_s, u"502"_s};
        QTest::newRow("before EHLO") << offered << QByteArray("STARTTLS\r\n") << QStringList{u"503"_s};
        QTest::newRow("after HELO") << offered << QByteArray("HELO c\r\nSTARTTLS\r\n") << QStringList{u"250"_s, u"503"_s};
        QTest::newRow("with a parameter") << offered << QByteArray("EHLO c\r\nSTARTTLS now\r\n") << QStringList{u"250"_s, u"501"_s};
        QTest::newRow("inside a transaction") << offered << QByteArray("EHLO c\r\nMAIL FROM:<a@b.c>\r\nSTARTTLS\r\n")
                                              << QStringList{u"250"_s, u"250"_s, u"503"_s};
        QTest::newRow("after RSET") << offered << QByteArray("EHLO c\r\nMAIL FROM:<a@b.c>\r\nRSET\r\nSTARTTLS\r\n")
                                    << QStringList{u"250"_s, u"250"_s, u"250"_s, u"220"_s};
        QTest::newRow("implicit TLS") << implicit << QByteArray("EHLO c\r\nSTARTTLS\r\n") << QStringList{u"250"_s, u"554"_s};
    }

    void starttls_refusedWhereRfc3207SaysSo()
    {
        QFETCH(SmtpSessionPolicy, policy);
        QFETCH(QByteArray, dialogue);
        QFETCH(QStringList, expected);
        Harness h(policy);
        const QByteArray replies = h.send(dialogue);
        QCOMPARE(codes(replies), expected);
        QCOMPARE(h.session.startTlsRequested(), expected.last() == u"220"_s);
        if (policy.tls.active || !policy.startTlsAvailable)
            QVERIFY2(!replies.contains("STARTTLS\r\n"), replies.constData());
    }

    void requireTls_mailIs530_untilStartTls()
    {
        SmtpSessionPolicy policy = tlsOffered();
        policy.requireTls = true;
        policy.auth.mode = SmtpAuthMode::Any;
        policy.peerIsLoopback = true;
        Harness h(policy);
        const QByteArray ehlo = h.send("EHLO c\r\n");
        QVERIFY2(!ehlo.contains("AUTH"), ehlo.constData());   // not offered while TLS is missing
        const QByteArray refused = h.send("MAIL FROM:<a@b.c>\r\n");
        QCOMPARE(refused, QByteArray("530 5.7.0 Must issue a STARTTLS command first\r\n"));
        QCOMPARE(h.sendCodes("AUTH PLAIN " + plainResponse() + "\r\n"), QStringList{u"530"_s});
        QCOMPARE(h.sendCodes("RCPT TO:<d@e.f>\r\n"), QStringList{u"503"_s});
        QCOMPARE(h.sendCodes("STARTTLS\r\n"), QStringList{u"220"_s});
        h.session.tlsStarted(kTls);
        QVERIFY(h.send("EHLO c\r\n").contains("AUTH PLAIN LOGIN"));
        QCOMPARE(h.sendCodes("MAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\nx\r\n.\r\n"),
                 (QStringList{u"250"_s, u"250"_s, u"354"_s, u"250"_s}));
        QCOMPARE(h.sink.messages.size(), 1);
    }

    // ── AUTH ─────────────────────────────────────────────────────────────────────────────
    void auth_exchanges_data()
    {
        QTest::addColumn<SmtpAuthMode>("mode");
        QTest::addColumn<QByteArray>("dialogue");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("user");   // authenticatedUser() at the end
        const QByteArray ehlo = "EHLO c\r\n";
        const QByteArray user = b64(kUser.toUtf8()), password = b64(kPassword.toUtf8());
        const QStringList ok{u"250"_s, u"235"_s};
        QTest::newRow("PLAIN initial response, file") << SmtpAuthMode::File << ehlo + "AUTH PLAIN " + plainResponse() + "\r\n" << ok << kUser;
        QTest::newRow("PLAIN lower case") << SmtpAuthMode::File << ehlo + "auth plain " + plainResponse() + "\r\n" << ok << kUser;
        QTest::newRow("PLAIN after 334") << SmtpAuthMode::File << ehlo + "AUTH PLAIN\r\n" + plainResponse() + "\r\n"
                                         << QStringList{u"250"_s, u"334"_s, u"235"_s} << kUser;
        QTest::newRow("PLAIN authzid = user") << SmtpAuthMode::File
                                              << ehlo + "AUTH PLAIN " + b64(kUser.toUtf8() + '\0' + kUser.toUtf8() + '\0' + kPassword.toUtf8()) + "\r\n"
                                              << ok << kUser;
        QTest::newRow("PLAIN authzid other") << SmtpAuthMode::Any
                                             << ehlo + "AUTH PLAIN " + b64(QByteArray("boss\0", 5) + kUser.toUtf8() + QByteArray("\0x", 2)) + "\r\n"
                                             << QStringList{u"250"_s, u"535"_s} << QString();
        QTest::newRow("PLAIN wrong password") << SmtpAuthMode::File << ehlo + "AUTH PLAIN " + plainResponse(kUser, u"wrong"_s) + "\r\n"
                                              << QStringList{u"250"_s, u"535"_s} << QString();
        QTest::newRow("PLAIN another user's password") << SmtpAuthMode::File << ehlo + "AUTH PLAIN " + plainResponse(u"other"_s, kPassword) + "\r\n"
                                                       << QStringList{u"250"_s, u"535"_s} << QString();
        QTest::newRow("PLAIN any") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN " + plainResponse(u"anyone"_s, u"x"_s) + "\r\n" << ok << u"anyone"_s;
        QTest::newRow("PLAIN any, empty user") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN " + plainResponse(QString(), u"x"_s) + "\r\n"
                                               << QStringList{u"250"_s, u"535"_s} << QString();
        QTest::newRow("PLAIN two fields") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN " + b64(QByteArray("\0user", 5)) + "\r\n"
                                          << QStringList{u"250"_s, u"501"_s} << QString();
        QTest::newRow("PLAIN bad base64") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN a*b=\r\n" << QStringList{u"250"_s, u"501"_s} << QString();
        QTest::newRow("PLAIN cancelled") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN\r\n*\r\nNOOP\r\n"
                                         << QStringList{u"250"_s, u"334"_s, u"501"_s, u"250"_s} << QString();
        QTest::newRow("LOGIN") << SmtpAuthMode::File << ehlo + "AUTH LOGIN\r\n" + user + "\r\n" + password + "\r\n"
                               << QStringList{u"250"_s, u"334"_s, u"334"_s, u"235"_s} << kUser;
        QTest::newRow("LOGIN initial response") << SmtpAuthMode::File << ehlo + "AUTH LOGIN " + user + "\r\n" + password + "\r\n"
                                                << QStringList{u"250"_s, u"334"_s, u"235"_s} << kUser;
        QTest::newRow("LOGIN wrong password") << SmtpAuthMode::File << ehlo + "AUTH LOGIN\r\n" + user + "\r\n" + b64("nope") + "\r\n"
                                              << QStringList{u"250"_s, u"334"_s, u"334"_s, u"535"_s} << QString();
        QTest::newRow("LOGIN cancelled at password") << SmtpAuthMode::File << ehlo + "AUTH LOGIN\r\n" + user + "\r\n*\r\n"
                                                     << QStringList{u"250"_s, u"334"_s, u"334"_s, u"501"_s} << QString();
        QTest::newRow("LOGIN bad base64 user") << SmtpAuthMode::Any << ehlo + "AUTH LOGIN\r\n%%%\r\n"
                                               << QStringList{u"250"_s, u"334"_s, u"501"_s} << QString();
        QTest::newRow("second AUTH") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN " + plainResponse() + "\r\nAUTH PLAIN " + plainResponse() + "\r\n"
                                     << QStringList{u"250"_s, u"235"_s, u"503"_s} << kUser;
        QTest::newRow("inside a transaction") << SmtpAuthMode::Any << ehlo + "MAIL FROM:<a@b.c>\r\nAUTH PLAIN " + plainResponse() + "\r\n"
                                              << QStringList{u"250"_s, u"250"_s, u"503"_s} << QString();
        QTest::newRow("before EHLO") << SmtpAuthMode::Any << "AUTH PLAIN " + plainResponse() + "\r\n" << QStringList{u"503"_s} << QString();
        QTest::newRow("after HELO") << SmtpAuthMode::Any << "HELO c\r\nAUTH PLAIN " + plainResponse() + "\r\n"
                                    << QStringList{u"250"_s, u"503"_s} << QString();
        QTest::newRow("unknown mechanism") << SmtpAuthMode::Any << ehlo + "AUTH CRAM-MD5\r\n" << QStringList{u"250"_s, u"504"_s} << QString();
        QTest::newRow("no mechanism") << SmtpAuthMode::Any << ehlo + "AUTH\r\n" << QStringList{u"250"_s, u"501"_s} << QString();
        QTest::newRow("off") << SmtpAuthMode::Off << ehlo + "AUTH PLAIN " + plainResponse() + "\r\n" << QStringList{u"250"_s, u"502"_s} << QString();
        QTest::newRow("MAIL with AUTH=<>") << SmtpAuthMode::Any << ehlo + "AUTH PLAIN " + plainResponse() + "\r\nMAIL FROM:<a@b.c> AUTH=<>\r\n"
                                           << QStringList{u"250"_s, u"235"_s, u"250"_s} << kUser;
    }

    void auth_exchanges()
    {
        QFETCH(SmtpAuthMode, mode);
        QFETCH(QByteArray, dialogue);
        QFETCH(QStringList, expected);
        QFETCH(QString, user);
        Harness h(authPolicy(mode));
        QCOMPARE(h.sendCodes(dialogue), expected);
        QCOMPARE(h.session.authenticatedUser(), user);
        if (expected.last() == u"235"_s)
            QVERIFY(h.all.contains("235 2.7.0 Authentication successful\r\n"));
        if (expected.last() == u"535"_s)
            QVERIFY(h.all.contains("535 5.7.8 Authentication credentials invalid\r\n"));
        // The password is nowhere: not in the live transcript, not in any reply.
        const QByteArray shown = h.hook.join(u'\n').toUtf8() + h.all;
        for (const QByteArray &form : secretForms())
            QVERIFY2(!shown.contains(form), shown.constData());
    }

    void auth_offeredOnlyUnderTlsOrOnLoopback()
    {
        {   // Another machine, plain text: not offered, and refused with 538 when tried anyway.
            Harness h(authPolicy(SmtpAuthMode::Any, false), u"10.99.0.2:41000"_s);
            const QByteArray ehlo = h.send("EHLO c\r\n");
            QVERIFY2(!ehlo.contains("AUTH"), ehlo.constData());
            QCOMPARE(h.send("AUTH PLAIN " + plainResponse() + "\r\n"),
                     QByteArray("538 5.7.11 Encryption required for requested authentication mechanism\r\n"));
            QCOMPARE(h.session.authenticatedUser(), QString());
        }
        {   // The same machine: offered in plain text.
            Harness h(authPolicy(SmtpAuthMode::Any, true));
            QVERIFY(h.send("EHLO c\r\n").contains("250-AUTH PLAIN LOGIN\r\n"));
        }
        {   // Another machine after STARTTLS: offered and taken.
            SmtpSessionPolicy policy = authPolicy(SmtpAuthMode::File, false);
            policy.startTlsAvailable = true;
            Harness h(policy, u"10.99.0.2:41000"_s);
            QCOMPARE(h.sendCodes("EHLO c\r\nSTARTTLS\r\n"), (QStringList{u"250"_s, u"220"_s}));
            h.session.tlsStarted(kTls);
            QVERIFY(h.send("EHLO c\r\n").contains("250-AUTH PLAIN LOGIN\r\n"));
            QCOMPARE(h.sendCodes("AUTH PLAIN " + plainResponse() + "\r\n"), QStringList{u"235"_s});
        }
    }

    void auth_transcriptMasksThePassword_envelopeNamesTheUser()
    {
        Harness h(authPolicy(SmtpAuthMode::Any));
        // A user name with CR LF in it (base64 can carry anything) must not forge a line anywhere.
        const QString forged = u"eve\r\nS: 250 forged"_s;
        h.send("EHLO c\r\nAUTH LOGIN\r\n" + b64(forged.toUtf8()) + "\r\n" + b64(kPassword.toUtf8()) + "\r\n");
        QCOMPARE(h.session.authenticatedUser(), u"eve\uFFFD\uFFFDS: 250 forged"_s);
        h.send("MAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\nx\r\n.\r\n");
        QCOMPARE(h.sink.messages.size(), 1);
        const SmtpEnvelope &envelope = h.sink.messages.first().envelope;
        QCOMPARE(envelope.authUser, u"eve\uFFFD\uFFFDS: 250 forged"_s);
        QVERIFY(envelope.transcript.contains(u"C: AUTH LOGIN"_s));
        QCOMPARE(envelope.transcript.count(u"C: ********"_s), 2);
        const QString json = MailStore::envelopeToJson(envelope, 10);
        for (const QByteArray &form : secretForms() + QList<QByteArray>{b64(forged.toUtf8())}) {
            QVERIFY2(!json.toUtf8().contains(form), qPrintable(json));
            QVERIFY2(!h.hook.join(u'\n').toUtf8().contains(form), qPrintable(h.hook.join(u'\n')));
        }

        Harness plain(authPolicy(SmtpAuthMode::Any));
        plain.send("EHLO c\r\nAUTH PLAIN " + plainResponse() + "\r\n");
        QVERIFY(plain.hook.contains(u"C: AUTH PLAIN ********"_s));
        // A client that put the password where the mechanism goes: 504, and still not shown.
        Harness misplaced(authPolicy(SmtpAuthMode::Any));
        QCOMPARE(misplaced.sendCodes("EHLO c\r\nAUTH " + kPassword.toUtf8() + "\r\nauth cram-md5\r\n"),
                 (QStringList{u"250"_s, u"504"_s, u"504"_s}));
        QVERIFY(misplaced.hook.contains(u"C: AUTH ********"_s));
        QVERIFY(misplaced.hook.contains(u"C: AUTH CRAM-MD5"_s));
        QVERIFY(!misplaced.hook.join(u'\n').contains(kPassword));
    }

    void auth_failuresCountTowardsTheErrorLimit()
    {
        Harness h(authPolicy(SmtpAuthMode::File));
        h.send("EHLO c\r\n");
        QByteArray guesses;
        for (int i = 0; i < 25; ++i)
            guesses += "AUTH PLAIN " + plainResponse(kUser, u"guess%1"_s.arg(i)) + "\r\n";
        const QStringList answers = h.sendCodes(guesses);
        QCOMPARE(answers.count(u"535"_s), SmtpReceiverLimits{}.maxErrors);
        QCOMPARE(answers.last(), u"421"_s);
        QVERIFY(h.session.closeRequested());
    }

    // ── Failure injection ────────────────────────────────────────────────────────────────
    void failures_answerTheChosenCode()
    {
        SmtpSessionPolicy policy = authPolicy(SmtpAuthMode::Any);
        policy.failures.rules = {{SmtpStage::Rcpt, 451, 100}, {SmtpStage::Mail, 550, 0}};
        Harness h(policy);
        QCOMPARE(h.sendCodes("EHLO c\r\nMAIL FROM:<a@b.c>\r\n"), (QStringList{u"250"_s, u"250"_s}));   // 0 %: never
        QCOMPARE(h.send("RCPT TO:<d@e.f>\r\n"),
                 QByteArray("451 4.3.0 RCPT failed on purpose: this test inbox injects failures (injected failure)\r\n"));
        QCOMPARE(h.sendCodes("DATA\r\n"), QStringList{u"503"_s});   // the recipient was not taken
        QVERIFY(!h.session.closeRequested());
    }

    void failures_followTheDice_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("AUTH") << int(SmtpStage::Auth) << QStringList{u"250"_s, u"535"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s};
        QTest::newRow("MAIL") << int(SmtpStage::Mail) << QStringList{u"250"_s, u"235"_s, u"535"_s, u"503"_s, u"503"_s, u"500"_s, u"500"_s};
        QTest::newRow("RCPT") << int(SmtpStage::Rcpt) << QStringList{u"250"_s, u"235"_s, u"250"_s, u"535"_s, u"503"_s, u"500"_s, u"500"_s};
        QTest::newRow("DATA") << int(SmtpStage::Data) << QStringList{u"250"_s, u"235"_s, u"250"_s, u"250"_s, u"535"_s, u"500"_s, u"500"_s};
    }

    // A rule at 50 % fires exactly when the dice say less than 50; 535 at DATA leaves the client
    // in its transaction (the message lines are then unknown commands).
    void failures_followTheDice()
    {
        QFETCH(int, stage);
        QFETCH(QStringList, expected);
        for (const int dice : {49, 50}) {
            SmtpSessionPolicy policy = authPolicy(SmtpAuthMode::Any);
            policy.failures.rules = {{SmtpStage(stage), 535, 50}};
            policy.failures.roll = [dice] { return dice; };
            Harness h(policy);
            const QStringList got = h.sendCodes("EHLO c\r\nAUTH PLAIN " + plainResponse() + "\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\nx\r\n.\r\n");
            if (dice == 49)
                QCOMPARE(got, expected);
            else
                QCOMPARE(got, (QStringList{u"250"_s, u"235"_s, u"250"_s, u"250"_s, u"354"_s, u"250"_s}));
        }
    }

    void failures_421ClosesTheConnection()
    {
        SmtpSessionPolicy policy;
        policy.failures.rules = {{SmtpStage::Mail, 421, 100}};
        Harness h(policy);
        QCOMPARE(h.sendCodes("EHLO c\r\nMAIL FROM:<a@b.c>\r\nNOOP\r\n"), (QStringList{u"250"_s, u"421"_s}));
        QVERIFY(h.session.closeRequested());
    }

    void failureRule_parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("rcpt") << u"RCPT:451:100"_s << true << u"RCPT:451:100"_s;
        QTest::newRow("lower case") << u"mail:550:5"_s << true << u"MAIL:550:5"_s;
        QTest::newRow("auth zero") << u"AUTH:454:0"_s << true << u"AUTH:454:0"_s;
        QTest::newRow("data 599") << u"DATA:599:1"_s << true << u"DATA:599:1"_s;
        QTest::newRow("unknown stage") << u"HELO:451:10"_s << false << QString();
        QTest::newRow("success code") << u"RCPT:250:10"_s << false << QString();
        QTest::newRow("600") << u"RCPT:600:10"_s << false << QString();
        QTest::newRow("code words") << u"RCPT:abc:10"_s << false << QString();
        QTest::newRow("code padded") << u"RCPT:0451:10"_s << false << QString();
        QTest::newRow("percent 101") << u"RCPT:451:101"_s << false << QString();
        QTest::newRow("percent negative") << u"RCPT:451:-1"_s << false << QString();
        QTest::newRow("percent sign") << u"RCPT:451:50%"_s << false << QString();
        QTest::newRow("two parts") << u"RCPT:451"_s << false << QString();
        QTest::newRow("four parts") << u"RCPT:451:1:2"_s << false << QString();
        QTest::newRow("empty") << QString() << false << QString();
    }

    void failureRule_parses()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, normalized);
        const auto rule = parseSmtpFailureRule(text);
        QCOMPARE(bool(rule), valid);
        if (valid)
            QCOMPARE(formatSmtpFailureRule(*rule), normalized);
        else
            QVERIFY2(rule.error().message().contains(text.isEmpty() ? u"STAGE:CODE:PERCENT"_s : text), qPrintable(rule.error().message()));
    }

    // ── The users file ───────────────────────────────────────────────────────────────────
    void credentials_loadAndVerify()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"users"_s);
        QVERIFY(writeFile(path, "# test users\n\nstudent@example.com:abcd:EFGH\r\n王:密码\n"));
        const auto loaded = SmtpCredentials::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message()));
        QCOMPARE(loaded->size(), 2);
        QVERIFY(loaded->verify(u"student@example.com"_s, u"abcd:EFGH"_s));   // the first ':' ends the user
        QVERIFY(loaded->verify(u"王"_s, u"密码"_s));
        QVERIFY(!loaded->verify(u"王"_s, u"abcd:EFGH"_s));
        QVERIFY(!loaded->verify(u"student@example.com"_s, u"abcd:EFGH "_s));
        QVERIFY(!loaded->verify(u"nobody"_s, QString()));
    }

    void credentials_badFile_namesFileAndLine_neverThePassword_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no colon") << QByteArray("a:b\n# c\nsupersecretpassword\n") << u"line 3"_s;
        QTest::newRow("empty user") << QByteArray(":supersecretpassword\n") << u"line 1"_s;
        QTest::newRow("empty password") << QByteArray("a:b\nsupersecretuser:\n") << u"line 2"_s;
        QTest::newRow("twice") << QByteArray("a:supersecretpassword\na:x\n") << u"line 2"_s;
        QTest::newRow("tab") << QByteArray("a:supersecret\tpassword\n") << u"line 1"_s;
        QTest::newRow("nobody") << QByteArray("# supersecretpassword\n\n") << u"no user"_s;
        QTest::newRow("not utf-8") << QByteArray("a:supersecret\xff\n") << u"UTF-8"_s;
    }

    void credentials_badFile_namesFileAndLine_neverThePassword()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"users.txt"_s);
        QVERIFY(writeFile(path, contents));
        const auto loaded = SmtpCredentials::load(path);
        QVERIFY(!loaded);
        const QString message = loaded.error().message();
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(!message.contains(u"supersecret"_s), qPrintable(message));

        const auto missing = SmtpCredentials::load(dir.filePath(u"absent"_s));
        QVERIFY(!missing);
        QVERIFY(missing.error().message().contains(u"absent"_s));
        QVERIFY(!SmtpCredentials::load(dir.path()));   // a folder
    }

    // RFC 3848 / RFC 6531: the Received: field says TLS ("S") and login ("A") in its "with".
    void receivedField_namesTlsAndLogin_data()
    {
        QTest::addColumn<bool>("extended");
        QTest::addColumn<bool>("utf8");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("with");
        QTest::newRow("HELO") << false << false << false << QString() << u"SMTP"_s;
        QTest::newRow("ESMTP") << true << false << false << QString() << u"ESMTP"_s;
        QTest::newRow("ESMTPS") << true << false << true << QString() << u"ESMTPS"_s;
        QTest::newRow("ESMTPA") << true << false << false << kUser << u"ESMTPA"_s;
        QTest::newRow("ESMTPSA") << true << false << true << kUser << u"ESMTPSA"_s;
        QTest::newRow("UTF8SMTPSA") << true << true << true << kUser << u"UTF8SMTPSA"_s;
    }

    void receivedField_namesTlsAndLogin()
    {
        QFETCH(bool, extended);
        QFETCH(bool, utf8);
        QFETCH(bool, tls);
        QFETCH(QString, user);
        QFETCH(QString, with);
        SmtpEnvelope envelope;
        envelope.heloName = u"client.example"_s;
        envelope.peer = u"127.0.0.1:4000"_s;
        envelope.extended = extended;
        envelope.smtpUtf8 = utf8;
        envelope.tls = tls;
        envelope.authUser = user;
        envelope.recipients = {u"d@e.f"_s};
        const QByteArray field = receivedTraceField(envelope, u"localhost"_s, u"ID"_s, QDateTime::currentDateTimeUtc());
        QVERIFY2(field.contains(" with " + with.toLatin1() + " id ID"), field.constData());
        QVERIFY(!field.contains(kUser.toUtf8()));   // who logged in is not told to every reader
    }

    void loopbackPeer_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << u"127.0.0.1:53314"_s << true;
        QTest::newRow("127.8.9.10") << u"127.8.9.10:1"_s << true;
        QTest::newRow("::1") << u"[::1]:53314"_s << true;
        QTest::newRow("v4-mapped loopback") << u"[::ffff:127.0.0.1]:53314"_s << true;
        QTest::newRow("netns host") << u"10.99.0.2:41000"_s << false;
        QTest::newRow("v4-mapped other") << u"[::ffff:10.99.0.2]:41000"_s << false;
        QTest::newRow("fd99::2") << u"[fd99::2]:41000"_s << false;
        QTest::newRow("::") << u"[::]:1"_s << false;
        QTest::newRow("0.0.0.0") << u"0.0.0.0:1"_s << false;
        QTest::newRow("unix socket") << u"/tmp/x.sock"_s << false;
        QTest::newRow("garbage") << u"[::1:5"_s << false;
    }

    void loopbackPeer()
    {
        QFETCH(QString, peer);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackPeer(peer), loopback);
    }

    // ── The envelope on disk ─────────────────────────────────────────────────────────────
    void envelopeJson_keepsTlsAndUser_andOldEnvelopesStillLoad()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"store"_s);
        QVERIFY(MailStore(folder).open());
        const QString directory = MailStore(folder).directory();
        SmtpEnvelope envelope;
        envelope.heloName = u"c"_s;
        envelope.mailFrom = u"a@b.c"_s;
        envelope.recipients = {u"d@e.f"_s};
        envelope.peer = u"127.0.0.1:1"_s;
        envelope.tls = true;
        envelope.tlsVersion = kTls.version;
        envelope.tlsCipher = kTls.cipher;
        envelope.authUser = kUser;
        QString id;
        {
            MailStoreWriter writer(directory);
            QVERIFY(writer.begin(envelope));
            QVERIFY(writer.write("Subject: x\r\n\r\nbody\r\n"));
            envelope.receivedAt = QDateTime::currentDateTimeUtc();
            const auto stored = writer.finish(envelope);
            QVERIFY(stored);
            id = *stored;
        }
        auto loaded = MailStore(folder).message(id);
        QVERIFY(loaded);
        QVERIFY(loaded->envelope.tls);
        QCOMPARE(loaded->envelope.tlsVersion, kTls.version);
        QCOMPARE(loaded->envelope.tlsCipher, kTls.cipher);
        QCOMPARE(loaded->envelope.authUser, kUser);
        const QList<ListedMessage> listed = MailStore(folder).list();
        QCOMPARE(listed.size(), 1);
        QVERIFY(listed.first().message.envelope.tls);
        QCOMPARE(listed.first().message.envelope.authUser, kUser);

        // An envelope written before these fields existed.
        const QString jsonPath = directory + u'/' + id + u".json"_s;
        QJsonObject old = QJsonDocument::fromJson(readFile(jsonPath)).object();
        for (const char *key : {"tls", "tlsVersion", "tlsCipher", "authUser"})
            old.remove(QLatin1String(key));
        QFile::remove(jsonPath);
        QVERIFY(writeFile(jsonPath, QJsonDocument(old).toJson()));
        loaded = MailStore(folder).message(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->envelope.mailFrom, u"a@b.c"_s);
        QVERIFY(!loaded->envelope.tls);
        QCOMPARE(loaded->envelope.tlsVersion, QString());
        QCOMPARE(loaded->envelope.authUser, QString());
    }
};

QTEST_GUILESS_MAIN(TestSmtpServerSession)
#include "tst_smtpserversession.moc"
