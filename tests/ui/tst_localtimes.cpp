// The times the window shows, read in several real time zones (TZ, as a user's environment sets
// it): a certificate's validity, the inbox list and its tooltips, a message's Date: and arrival,
// the log line that is saved or pasted elsewhere, the timeline's details. Each must be the local
// hour of that zone on that date (summer or winter time), with the zone's offset from UTC shown;
// the stored instants stay UTC.

#include "localzone.h"

#include "inboxmodel.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "messageview.h"
#include "certificatedialog.h"
#include "timelinedetails.h"

#include "mail/mailparser.h"
#include "mail/mailstore.h"
#include "net/certificateinfo.h"
#include "net/trace.h"
#include "tls/devcert.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using testsupport::LocalZone;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

// The four zones every check runs in, and the hour 12:00 UTC on 1 July and 13:30 UTC on
// 5 December are there.
void addZones()
{
    QTest::addColumn<QByteArray>("tz");
    QTest::addColumn<QString>("july");       // 2026-07-01 12:00:01 UTC, as "yyyy-MM-dd HH:mm:ss +hh:mm"
    QTest::addColumn<QString>("december");   // 2026-12-05 13:30:01 UTC, likewise
    QTest::newRow("Asia/Shanghai") << "Asia/Shanghai"_ba << u"2026-07-01 20:00:01 +08:00"_s << u"2026-12-05 21:30:01 +08:00"_s;
    QTest::newRow("America/New_York") << "America/New_York"_ba << u"2026-07-01 08:00:01 -04:00"_s << u"2026-12-05 08:30:01 -05:00"_s;
    QTest::newRow("Asia/Kolkata") << "Asia/Kolkata"_ba << u"2026-07-01 17:30:01 +05:30"_s << u"2026-12-05 19:00:01 +05:30"_s;
    QTest::newRow("UTC") << "UTC"_ba << u"2026-07-01 12:00:01 +00:00"_s << u"2026-12-05 13:30:01 +00:00"_s;
}

// "2026-07-01 20:00:01 +08:00" as the C locale's formats write it: the same wall-clock time and
// zone, spelt for people ("1 Jul 2026 20:00:01 UTC+08:00", or with "Wednesday, 1 July").
QString cText(const QString &stamp, QLocale::FormatType format)
{
    const QDateTime wall = QDateTime::fromString(stamp.left(19), u"yyyy-MM-dd HH:mm:ss"_s);
    const QString offset = stamp.mid(20);
    const QString zone = offset == u"+00:00"_s ? u"UTC"_s : u"UTC"_s + offset;
    return QLocale::c().toString(wall, format == QLocale::LongFormat ? u"dddd, d MMMM yyyy HH:mm:ss"_s : u"d MMM yyyy HH:mm:ss"_s)
           + u' ' + zone;
}

// The wall clock half an hour before a stamp, in the same zone (no clock change is near).
QString halfAnHourEarlier(const QString &stamp)
{
    const QDateTime wall = QDateTime::fromString(stamp.left(19), u"yyyy-MM-dd HH:mm:ss"_s).addSecs(-30 * 60);
    return wall.toString(u"yyyy-MM-dd HH:mm:ss"_s) + stamp.mid(19);
}

StoredMessage storedMessage(const QDateTime &receivedAt)
{
    StoredMessage message;
    message.id = u"20261205-133001-000-0001-a3f9"_s;
    message.size = 300;
    message.envelope.mailFrom = u"robot@example.com"_s;
    message.envelope.recipients = {u"qa@example.com"_s};
    message.envelope.peer = u"127.0.0.1:40000"_s;
    message.envelope.heloName = u"builder"_s;
    message.envelope.receivedAt = receivedAt;
    return message;
}

} // namespace

class TestLocalTimes : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QLocale::setDefault(QLocale::c());   // known formats: the check is the hour and the zone
    }

    // A certificate made valid from 2026-07-01 12:00:01 UTC to 2026-12-05 13:30:01 UTC, read back
    // by QSslCertificate (whose dates are UTC) as the TLS paths read a server's.
    void certificateDialog_showsValidityInLocalTimeWithTheZone_data() { addZones(); }
    void certificateDialog_showsValidityInLocalTimeWithTheZone()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        const QString folder = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u'/', u'-'));
        DevCertificateOptions options;
        options.now = utc(2026, 7, 1, 13, 0, 1);   // it starts an hour before "now"
        options.validDays = 157;                   // to 5 December, 13:00:01 UTC
        auto made = ensureDevCertificate(folder, options);
        QVERIFY(made.ok());
        QFile pem(made->certificateFile);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QList<QSslCertificate> read = QSslCertificate::fromData(pem.readAll(), QSsl::Pem);
        QCOMPARE(read.size(), 1);
        TlsCertificateInfo info = describeCertificate(read.first().toDer(), {u"The certificate is self-signed, and untrusted"_s});
        QCOMPARE(info.notBefore.toUTC(), utc(2026, 7, 1, 12, 0, 1));
        QCOMPARE(info.notAfter.toUTC(), utc(2026, 12, 5, 13, 0, 1));

        const LocalZone zone(tz);
        CertificateDialog dialog(u"localhost"_s, info);
        const QString text = dialog.informativeText();
        const QString valid = cText(july, QLocale::ShortFormat) + u" to "_s + cText(halfAnHourEarlier(december), QLocale::ShortFormat);
        QVERIFY2(text.contains(valid), qPrintable(valid + u"\n in \n"_s + text));
        // And the two instants in UTC beside them, unless the zone is UTC itself.
        const QString inUtc = u"2026-07-01 12:00:01 UTC to 2026-12-05 13:00:01 UTC"_s;
        QCOMPARE(text.contains(inUtc), tz != "UTC");
    }

    void inboxList_isLocalTimeWithTheZoneInItsTooltips_data() { addZones(); }
    void inboxList_isLocalTimeWithTheZoneInItsTooltips()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        const LocalZone zone(tz);
        InboxModel model;
        model.append({ListedMessage{storedMessage(utc(2026, 12, 5, 13, 30, 1)), MessageSummary{u"a"_s, u"b"_s, u"c"_s, 0}},
                      ListedMessage{storedMessage(utc(2026, 7, 1, 12, 0, 1)), MessageSummary{u"a"_s, u"b"_s, u"c"_s, 0}}});
        QCOMPARE(model.rowCount(), 2);
        const QStringList stamps{december, july};
        for (int row = 0; row < 2; ++row) {
            const QModelIndex cell = model.index(row, InboxModel::Received);
            // The cell: the local date and time, short, the zone left to the heading.
            QCOMPARE(cell.data(Qt::DisplayRole).toString(), cText(stamps.at(row), QLocale::ShortFormat).section(u' ', 0, 3));
            const QString tip = cell.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.startsWith(cText(stamps.at(row), QLocale::LongFormat) + u'\n'), qPrintable(tip));
            QVERIFY2(tip.endsWith(row == 0 ? u"2026-12-05 13:30:01 UTC"_s : u"2026-07-01 12:00:01 UTC"_s), qPrintable(tip));
        }
        const QString heading = model.headerData(InboxModel::Received, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(heading.contains(tz == "UTC" ? u"(UTC)"_s : u'(' + QString::fromLatin1(tz) + u')'), qPrintable(heading));
        QCOMPARE(model.headerData(InboxModel::Received, Qt::Horizontal, Qt::DisplayRole).toString(), u"Received"_s);
    }

    // The Date: field comes with the sender's offset (-04:00, New York's summer); the view shows
    // it in the reader's zone, and the sender's own wall-clock time when the zones differ.
    void messageView_dateAndArrivalAreLocalWithTheZone_data() { addZones(); }
    void messageView_dateAndArrivalAreLocalWithTheZone()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        const LocalZone zone(tz);
        const QByteArray bytes = "From: Robot <robot@example.com>\r\nTo: qa@example.com\r\nSubject: build 42\r\n"
                                 "Date: Wed, 01 Jul 2026 08:00:01 -0400\r\nMessage-ID: <1@example.com>\r\n\r\nall green\r\n";
        const ParsedMail mail = parseMail(bytes);
        QVERIFY(mail.ok);
        QCOMPARE(mail.date.toUTC(), utc(2026, 7, 1, 12, 0, 1));
        MessageView view;
        view.showMessage(storedMessage(utc(2026, 12, 5, 13, 30, 1)), mail, bytes, false);
        const QString header = view.findChild<QLabel *>(u"messageHeader"_s)->text();
        QString date = cText(july, QLocale::LongFormat);
        if (tz != "America/New_York")
            date += u" (the sender wrote 2026-07-01 08:00:01 UTC-04:00)"_s;
        QVERIFY2(header.contains(u"<td>"_s + date + u"</td>"_s), qPrintable(date + u"\n in \n"_s + header));
        const QString dialogue = view.findChild<QPlainTextEdit *>(u"messageDialogue"_s)->toPlainText();
        const QString received = u"Received "_s + cText(december, QLocale::LongFormat) + u" from 127.0.0.1:40000"_s;
        QVERIFY2(dialogue.startsWith(received), qPrintable(received + u"\n in \n"_s + dialogue));
    }

    // The line saved to a file (and logged live): a date, the time to the millisecond and the
    // offset, so a line pasted into a bug report is one instant. The on-screen column stays short.
    void messageLog_savedLineHasDateAndOffset_data() { addZones(); }
    void messageLog_savedLineHasDateAndOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        const LocalZone zone(tz);
        MessageLogView view;
        const qint64 when = utc(2026, 12, 5, 13, 30, 1, 123).toMSecsSinceEpoch();
        view.append({when, LogEntry::Direction::Received, u"127.0.0.1:5000"_s, "ping", 0, {}});
        const QString path = m_tmp.filePath(u"log-%1.txt"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u'/', u'-')));
        QVERIFY(view.saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QString line = QString::fromUtf8(saved.readLine());
        const QString stamp = december.left(19) + u".123"_s + december.mid(19);
        QVERIFY2(line.startsWith(stamp + u" ← 127.0.0.1:5000 "_s), qPrintable(line));
        QCOMPARE(view.model()->index(0, MessageLogModel::TimeColumn).data().toString(), december.mid(11, 8) + u".123"_s);
    }

    void timelineDetails_timeHasDateAndOffset_data() { addZones(); }
    void timelineDetails_timeHasDateAndOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, july);
        QFETCH(QString, december);
        const LocalZone zone(tz);
        TraceEvent event;
        event.timeUs = utc(2026, 7, 1, 12, 0, 1, 456).toMSecsSinceEpoch() * 1000 + 789;
        event.thread = u"tcp-server"_s;
        event.call = u"accept"_s;
        const QString text = timelineDetailsText(event);
        const QString expected = u"Time: "_s + july.left(19) + u".456"_s + july.mid(19);
        QVERIFY2(text.contains(expected + u'\n'), qPrintable(expected + u"\n in \n"_s + text));
    }
};

QTEST_MAIN(TestLocalTimes)
#include "tst_localtimes.moc"
