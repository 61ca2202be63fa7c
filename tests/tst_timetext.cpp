// Local times with their zone (core/text/timetext.h), checked in several real zones from tzdata:
// the hour shifted by each zone's own offset, summer and winter time in New York, the half-hour
// zones of India and Newfoundland, Chatham's quarter hour, a date that turns over into the next
// year, and the clumsy TZ values a user's environment can hold.

#include "localzone.h"

#include "text/timetext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using testsupport::LocalZone;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

} // namespace

class TestTimeText : public QObject {
    Q_OBJECT

private slots:
    void utcOffsetText_signsHoursMinutes_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("offset");
        QTest::addColumn<QString>("zone");
        QTest::newRow("zero") << 0 << u"+00:00"_s << u"UTC"_s;
        QTest::newRow("Shanghai") << 8 * 3600 << u"+08:00"_s << u"UTC+08:00"_s;
        QTest::newRow("New York, winter") << -5 * 3600 << u"-05:00"_s << u"UTC-05:00"_s;
        QTest::newRow("Kolkata") << 5 * 3600 + 1800 << u"+05:30"_s << u"UTC+05:30"_s;
        QTest::newRow("St John's") << -(3 * 3600 + 1800) << u"-03:30"_s << u"UTC-03:30"_s;
        QTest::newRow("Chatham, summer") << 13 * 3600 + 45 * 60 << u"+13:45"_s << u"UTC+13:45"_s;
        QTest::newRow("Kiribati") << 14 * 3600 << u"+14:00"_s << u"UTC+14:00"_s;
        QTest::newRow("half an hour west") << -1800 << u"-00:30"_s << u"UTC-00:30"_s;   // the sign of a zone under an hour
        QTest::newRow("local mean time") << 17 * 60 + 30 << u"+00:17:30"_s << u"UTC+00:17:30"_s;
    }
    void utcOffsetText_signsHoursMinutes()
    {
        QFETCH(int, seconds);
        QFETCH(QString, offset);
        QFETCH(QString, zone);
        QCOMPARE(utcOffsetText(seconds), offset);
        QCOMPARE(utcZoneText(seconds), zone);
    }

    // The same instants seen from each zone: the hour moves by the zone's own offset on that date.
    void localTimestampText_isTheZonesHourAndOffset_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("stamp");
        const QDateTime summer = utc(2026, 7, 1, 12, 0, 1, 123);
        const QDateTime winter = utc(2026, 12, 5, 13, 30, 1, 7);
        QTest::newRow("Shanghai, July") << "Asia/Shanghai"_ba << summer << u"2026-07-01 20:00:01.123 +08:00"_s;
        QTest::newRow("Shanghai, December") << "Asia/Shanghai"_ba << winter << u"2026-12-05 21:30:01.007 +08:00"_s;
        QTest::newRow("New York, July (EDT)") << "America/New_York"_ba << summer << u"2026-07-01 08:00:01.123 -04:00"_s;
        QTest::newRow("New York, December (EST)") << "America/New_York"_ba << winter << u"2026-12-05 08:30:01.007 -05:00"_s;
        QTest::newRow("Kolkata") << "Asia/Kolkata"_ba << summer << u"2026-07-01 17:30:01.123 +05:30"_s;
        QTest::newRow("St John's, December") << "America/St_Johns"_ba << winter << u"2026-12-05 10:00:01.007 -03:30"_s;
        QTest::newRow("Chatham, December") << "Pacific/Chatham"_ba << winter << u"2026-12-06 03:15:01.007 +13:45"_s;
        QTest::newRow("UTC") << "UTC"_ba << summer << u"2026-07-01 12:00:01.123 +00:00"_s;
        QTest::newRow("new year in Shanghai, old in UTC") << "Asia/Shanghai"_ba << utc(2026, 12, 31, 16, 0) << u"2027-01-01 00:00:00.000 +08:00"_s;
        QTest::newRow("New York, the hour clocks go back") << "America/New_York"_ba << utc(2026, 11, 1, 6, 30)
                                                           << u"2026-11-01 01:30:00.000 -05:00"_s;   // 01:30 twice that night
        QTest::newRow("New York, an hour earlier") << "America/New_York"_ba << utc(2026, 11, 1, 5, 30) << u"2026-11-01 01:30:00.000 -04:00"_s;
        // What a user's environment can hold besides a tzdata name.
        QTest::newRow("POSIX rule") << "<+0530>-5:30"_ba << summer << u"2026-07-01 17:30:01.123 +05:30"_s;
        QTest::newRow("leading colon") << ":Asia/Shanghai"_ba << summer << u"2026-07-01 20:00:01.123 +08:00"_s;
        QTest::newRow("no such zone (the C library's UTC)") << "Nowhere/Atlantis"_ba << summer << u"2026-07-01 12:00:01.123 +00:00"_s;
    }
    void localTimestampText_isTheZonesHourAndOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QDateTime, when);
        QFETCH(QString, stamp);
        const LocalZone zone(tz);
        QCOMPARE(localTimestampText(when), stamp);
        QCOMPARE(localTimestampText(when, TimePrecision::Seconds), stamp.left(19) + stamp.mid(23));
        // The same instant however it comes: a local time, or a sender's own offset (a Date: field).
        QCOMPARE(localTimestampText(when.toLocalTime()), stamp);
        QCOMPARE(localTimestampText(when.toOffsetFromUtc(-7 * 3600)), stamp);
        // And it reads back as that instant.
        const QDateTime back = QDateTime::fromString(QString(stamp).replace(u' ', u'T').remove(23, 1), Qt::ISODateWithMs);
        QVERIFY2(back.isValid(), qPrintable(stamp));
        QCOMPARE(back.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
        QCOMPARE(utcTimestampText(when), QLocale::c().toString(when.toUTC(), u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s);
    }

    // For people: the locale's own format, the zone where the locale puts a zone (zh_CN before the
    // time), never an abbreviation such as "CST" (China? US Central?).
    void localDateTimeText_isTheLocalesFormatWithTheOffset_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("text");
        const int shortFormat = QLocale::ShortFormat;
        const int longFormat = QLocale::LongFormat;
        QTest::newRow("C, short, Shanghai") << "Asia/Shanghai"_ba << u"C"_s << shortFormat << u"1 Jul 2026 20:00:01 UTC+08:00"_s;
        QTest::newRow("C, long, Shanghai") << "Asia/Shanghai"_ba << u"C"_s << longFormat << u"Wednesday, 1 July 2026 20:00:01 UTC+08:00"_s;
        QTest::newRow("en_US, short, New York in July") << "America/New_York"_ba << u"en_US"_s << shortFormat << u"7/1/26 8:00 AM UTC-04:00"_s;
        QTest::newRow("en_US, long, New York in July") << "America/New_York"_ba << u"en_US"_s << longFormat
                                                       << u"Wednesday, July 1, 2026 8:00:01 AM UTC-04:00"_s;
        QTest::newRow("en_US, short, Kolkata") << "Asia/Kolkata"_ba << u"en_US"_s << shortFormat << u"7/1/26 5:30 PM UTC+05:30"_s;
        QTest::newRow("zh_CN, long, Shanghai") << "Asia/Shanghai"_ba << u"zh_CN"_s << longFormat << u"2026年7月1日星期三 UTC+08:00 20:00:01"_s;
        QTest::newRow("zh_CN, short, Shanghai") << "Asia/Shanghai"_ba << u"zh_CN"_s << shortFormat << u"2026/7/1 20:00 UTC+08:00"_s;
        QTest::newRow("de_DE, long, UTC") << "UTC"_ba << u"de_DE"_s << longFormat << u"Mittwoch, 1. Juli 2026 12:00:01 UTC"_s;
    }
    void localDateTimeText_isTheLocalesFormatWithTheOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, locale);
        QFETCH(int, format);
        QFETCH(QString, text);
        const LocalZone zone(tz);
        const QDateTime when = utc(2026, 7, 1, 12, 0, 1);
        const QString shown = localDateTimeText(when, static_cast<QLocale::FormatType>(format), QLocale(locale));
        QCOMPARE(shown, text);
        QVERIFY2(!shown.contains(u"CST"_s) && !shown.contains(u"EDT"_s) && !shown.contains(u"IST"_s), qPrintable(shown));
    }

    void localDateTimeText_winterInNewYorkIsFiveHoursBehind()
    {
        const LocalZone zone("America/New_York");
        QCOMPARE(localDateTimeText(utc(2026, 12, 5, 13, 30, 1), QLocale::ShortFormat, QLocale::c()), u"5 Dec 2026 08:30:01 UTC-05:00"_s);
    }

    void invalidTime_isEmpty()
    {
        QVERIFY(localTimestampText(QDateTime()).isEmpty());
        QVERIFY(localDateTimeText(QDateTime(), QLocale::LongFormat).isEmpty());
        QVERIFY(utcTimestampText(QDateTime()).isEmpty());
    }

    // The heading over a list of local times: the zone's name when it is a place, else its
    // offset (a POSIX rule's own text would read backwards: "<+0530>-5:30" is five and a half
    // hours ahead).
    void localZoneName_isThePlaceOrTheOffset_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QString>("name");
        QTest::newRow("Shanghai") << "Asia/Shanghai"_ba << u"Asia/Shanghai"_s;
        QTest::newRow("New York") << "America/New_York"_ba << u"America/New_York"_s;
        QTest::newRow("leading colon") << ":Asia/Kolkata"_ba << u"Asia/Kolkata"_s;
        QTest::newRow("POSIX rule") << "<+0530>-5:30"_ba << u"UTC+05:30"_s;
        QTest::newRow("Etc/GMT-8 (which is UTC+8)") << "Etc/GMT-8"_ba << u"UTC+08:00"_s;
        QTest::newRow("no such zone") << "Nowhere/Atlantis"_ba << u"UTC"_s;
    }
    void localZoneName_isThePlaceOrTheOffset()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, name);
        const LocalZone zone(tz);
        QCOMPARE(localZoneName(utc(2026, 7, 1, 12, 0)), name);
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
