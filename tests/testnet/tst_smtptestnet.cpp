// The SMTP client against a server that is not on loopback, on the private network of
// scripts/netns-run (this test is host A, 10.99.0.1/fd99::1; host B is 10.99.0.2/fd99::2): a
// login in clear is refused before AUTH unless allowed explicitly. The server is Debian's
// aiosmtpd (tests/peers/smtp_sink.py), run on host B or on host A's own non-loopback address.

#include "mailtestutil.h"
#include "peer.h"
#include "testnet.h"

#include "mail/mailmessage.h"
#include "mail/smtpsession.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace std::chrono_literals;
using namespace testsupport;

namespace {

const QString kUser = QStringLiteral("student@example.com");
const QString kSecret = QStringLiteral("abcdEFGH1234authcode");

MailMessage simpleMessage()
{
    MailMessage message;
    message.from = mailAddress("王大锤 <student@example.com>");
    message.to = {mailAddress("teacher@example.com")};
    message.subject = u("作业");
    message.body = QStringLiteral("hello\n");
    return message;
}

} // namespace

class TestSmtpTestnet : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
    }

    void loginInClearToANonLoopbackServerIsRefusedUnlessAllowed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("onHostB");
        QTest::newRow("host B, ipv4") << testnet::kHostB4 << true;
        QTest::newRow("host B, ipv6") << testnet::kHostB6 << true;
        QTest::newRow("this host's own non-loopback address") << testnet::kHostA4 << false;
    }
    void loginInClearToANonLoopbackServerIsRefusedUnlessAllowed()
    {
        QFETCH(QString, host);
        QFETCH(bool, onHostB);
        const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(QDir().mkpath(out));

        Peer sink;
        const QStringList arguments{out, QStringLiteral("--auth"), kUser + u':' + kSecret, QStringLiteral("--bind"), host};
        QVERIFY(onHostB ? testnet::startPythonOnB(sink, QStringLiteral("smtp_sink.py"), arguments)
                        : sink.startPython(QStringLiteral("smtp_sink.py"), arguments));
        const quint16 port = sink.readListeningPort(20000);
        QVERIFY2(port != 0, sink.standardError().constData());

        SmtpSessionOptions o;
        o.server.host = host;
        o.server.port = port;
        o.security = SmtpSecurity::None;
        o.connectTimeout = 10s;
        o.timeout = 20s;
        QStringList transcript;
        o.transcript = [&transcript](const SmtpTranscriptLine &line) { transcript << line.toString(); };
        o.user = kUser;
        o.password = kSecret;

        const auto refused = SmtpSession(o).send(simpleMessage());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("unencrypted")), qPrintable(refused.error().message()));
        const QString all = transcript.join(u'\n');
        // The server was really reached (it greeted and answered EHLO), and no login was tried.
        QVERIFY2(all.contains(QStringLiteral("S: 220")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("C: EHLO")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("C: AUTH")), qPrintable(all));
        QVERIFY2(!all.contains(kSecret) && !all.contains(QString::fromLatin1(kSecret.toUtf8().toBase64())), qPrintable(all));
        QVERIFY(!QFile::exists(out + QStringLiteral("/message.eml")));

        // Allowed explicitly, the same login goes through and the message is delivered.
        transcript.clear();
        o.allowUnencryptedAuth = true;
        const auto allowed = SmtpSession(o).send(simpleMessage());
        QVERIFY2(allowed.ok(), qPrintable(allowed.error().message() + u'\n' + transcript.join(u'\n')));
        QCOMPARE(sink.readLine(20000), QByteArray("received"));
        QFile envelope(out + QStringLiteral("/envelope.json"));
        QVERIFY(envelope.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(envelope.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("tls")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("auth")).toVariant().toStringList(), QStringList({QStringLiteral("PLAIN"), kUser}));
        QVERIFY(QFile::exists(out + QStringLiteral("/message.eml")));
    }
};

QTEST_GUILESS_MAIN(TestSmtpTestnet)
#include "tst_smtptestnet.moc"
