// `socketeer inbox list` and `inbox show` print times in the zone TZ names, with the offset from
// UTC and never a zone abbreviation ("CST": China or US Central?); their --json stays UTC. Run as
// a user would, in several real zones, on an inbox holding messages received in July and in
// December (New York's summer and winter time). `socketeer mail`, shown a certificate it cannot
// verify, gives its validity the same way.

#include "clipeer.h"

#include "mail/mailstore.h"
#include "tls/devcert.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using testsupport::Cli;
using testsupport::Peer;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

struct Run {
    int exitCode = -1;
    QString out;
    QByteArray err;
};

void setZone(Cli &cli, const QByteArray &tz)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TZ"_s, QString::fromLatin1(tz));
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    cli.process().setProcessEnvironment(environment);
}

Run runIn(const QByteArray &tz, const QStringList &arguments)
{
    Cli cli;
    setZone(cli, tz);
    Run run;
    if (!cli.start(arguments) || !cli.waitForFinished(30000))
        return run;
    run.exitCode = cli.exitCode();
    run.out = QString::fromUtf8(cli.process().readAllStandardOutput());
    run.err = cli.errors();
    return run;
}

} // namespace

class TestCliTimeZones : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_july, m_december;   // the ids

    // A message as the receiver stores it, received at `when`; its Date: field was written in New
    // York's summer time (-04:00), an hour and a minute before that.
    QString store(const QDateTime &when, const QByteArray &subject)
    {
        MailStoreWriter writer(m_dir);
        SmtpEnvelope envelope;
        envelope.mailFrom = u"robot@example.com"_s;
        envelope.recipients = {u"qa@example.com"_s};
        envelope.peer = u"127.0.0.1:40000"_s;
        envelope.receivedAt = when;
        const QByteArray bytes = "From: Robot <robot@example.com>\r\nTo: qa@example.com\r\nSubject: " + subject
                                 + "\r\nDate: Wed, 01 Jul 2026 06:59:01 -0400\r\nMessage-ID: <" + subject + "@example.com>\r\n\r\nall green\r\n";
        if (!writer.begin(envelope) || !writer.write(bytes))
            return {};
        const auto id = writer.finish(envelope);
        return id ? *id : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.filePath(u"inbox"_s);
        QVERIFY(MailStore(m_dir).open());
        m_july = store(utc(2026, 7, 1, 12, 0, 1), "july");
        m_december = store(utc(2026, 12, 5, 13, 30, 1), "december");
        QVERIFY(!m_july.isEmpty() && !m_december.isEmpty());
    }

    void listAndShow_areLocalTimeWithTheOffset_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QString>("july");       // 2026-07-01 12:00:01 UTC
        QTest::addColumn<QString>("december");   // 2026-12-05 13:30:01 UTC
        QTest::addColumn<QString>("date");       // the Date: field, 2026-07-01 10:59:01 UTC
        QTest::newRow("Asia/Shanghai") << "Asia/Shanghai"_ba << u"2026-07-01 20:00:01 +08:00"_s << u"2026-12-05 21:30:01 +08:00"_s
                                       << u"2026-07-01 18:59:01 +08:00 (the sender wrote 2026-07-01 06:59:01 -04:00)"_s;
        QTest::newRow("America/New_York") << "America/New_York"_ba << u"2026-07-01 08:00:01 -04:00"_s << u"2026-12-05 08:30:01 -05:00"_s
                                          << u"2026-07-01 06:59:01 -04:00"_s;   // the sender's own zone: said once
        QTest::newRow("Asia/Kolkata") << "Asia/Kolkata"_ba << u"2026-07-01 17:30:01 +05:30"_s << u"2026-12-05 19:00:01 +05:30"_s
                                      << u"2026-07-01 16:29:01 +05:30 (the sender wrote 2026-07-01 06:59:01 -04:00)"_s;
        QTest::newRow("UTC") << "UTC"_ba << u"2026-07-01 12:00:01 +00:00"_s << u"2026-12-05 13:30:01 +00:00"_s
                             << u"2026-07-01 10:59:01 +00:00 (the sender wrote 2026-07-01 06:59:01 -04:00)"_s;
    }
    void listAndShow_areLocalTimeWithTheOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        QFETCH(QString, date);

        const Run list = runIn(tz, {u"inbox"_s, u"list"_s, u"--dir"_s, m_dir});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, m_december + u'\t' + december + u"\tRobot <robot@example.com>\tdecember\n"_s + m_july + u'\t' + july
                               + u"\tRobot <robot@example.com>\tjuly\n"_s);

        const Run show = runIn(tz, {u"inbox"_s, u"show"_s, m_december, u"--dir"_s, m_dir});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(u"\nReceived: "_s + december + u" ("_s), qPrintable(show.out));
        QVERIFY2(show.out.contains(u"\nDate: "_s + date + u'\n'), qPrintable(show.out));

        // The JSON a script reads is UTC whatever the zone.
        const Run json = runIn(tz, {u"inbox"_s, u"list"_s, u"--json"_s, u"--dir"_s, m_dir});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"receivedAt"_s).toString(), u"2026-12-05T13:30:01.000Z"_s);
        QCOMPARE(rows.at(1).toObject().value(u"receivedAt"_s).toString(), u"2026-07-01T12:00:01.000Z"_s);
        const Run showJson = runIn(tz, {u"inbox"_s, u"show"_s, m_july, u"--json"_s, u"--dir"_s, m_dir});
        QCOMPARE(showJson.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(showJson.out.toUtf8()).object();
        QVERIFY2(showJson.out.contains(u"\"2026-07-01T10:59:01Z\""_s), qPrintable(showJson.out));
        QVERIFY(!shown.isEmpty());
    }

    // A self-signed certificate valid from 2026-07-01 12:00:01 to 2026-12-05 13:00:01 UTC, served
    // by aiosmtpd after STARTTLS; the command refuses it and says what it is.
    void mailCertificate_validityIsLocalWithTheOffset_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QString>("valid");
        QTest::newRow("Asia/Shanghai") << "Asia/Shanghai"_ba << u"2026-07-01 20:00:01 +08:00 to 2026-12-05 21:00:01 +08:00"_s;
        QTest::newRow("America/New_York") << "America/New_York"_ba << u"2026-07-01 08:00:01 -04:00 to 2026-12-05 08:00:01 -05:00"_s;
        QTest::newRow("Asia/Kolkata") << "Asia/Kolkata"_ba << u"2026-07-01 17:30:01 +05:30 to 2026-12-05 18:30:01 +05:30"_s;
        QTest::newRow("UTC") << "UTC"_ba << u"2026-07-01 12:00:01 +00:00 to 2026-12-05 13:00:01 +00:00"_s;
    }
    void mailCertificate_validityIsLocalWithTheOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, valid);
        const QString folder = m_tmp.filePath(u"cert"_s);
        DevCertificateOptions options;
        options.now = utc(2026, 7, 1, 13, 0, 1);   // valid from an hour before
        options.validDays = 157;
        const auto certificate = ensureDevCertificate(folder, options);
        QVERIFY(certificate.ok());
        const QString out = m_tmp.filePath(u"sink"_s);
        QVERIFY(QDir().mkpath(out));
        Peer sink;
        QVERIFY(sink.startPython(u"smtp_sink.py"_s, {out, u"--cert"_s, certificate->certificateFile, u"--key"_s, certificate->keyFile,
                                                    u"--starttls"_s}));
        const quint16 port = sink.readListeningPort();
        QVERIFY(port != 0);
        Cli mail;
        setZone(mail, tz);
        QVERIFY(mail.start({u"mail"_s, u"--server"_s, u"127.0.0.1:%1"_s.arg(port), u"--from"_s, u"me@example.com"_s, u"--to"_s,
                            u"you@example.com"_s, u"--body-file"_s, u"/dev/null"_s}));
        QVERIFY(mail.waitForFinished(20000));
        const QByteArray errors = mail.errors();
        QVERIFY2(mail.exitCode() == 1, errors.constData());
        QVERIFY2(errors.contains("  valid:       " + valid.toUtf8() + '\n'), errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTimeZones)
#include "tst_clitimezones.moc"
