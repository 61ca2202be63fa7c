#pragma once
// Times as a person reads them: in their own time zone, with that zone's offset from UTC where a
// time leaves the screen or could be misread (a line copied from the log, a certificate's
// validity, a mail's date). Stored data stays in UTC; only the text is local.
//
// One style everywhere: the offset is ISO 8601's "+08:00", "-05:00", "+05:30" (ASCII signs, so a
// pasted line greps and parses), written "UTC+08:00" (and plain "UTC") beside a time formatted
// for people. Never a zone abbreviation: "CST" is China, US Central or Cuba.

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace socketeer {

// The offset as ISO 8601 writes it: "+08:00", "-05:00", "+05:30", "+00:00". An offset with
// seconds (local mean time before 1900) keeps them: "+00:17:30".
QString utcOffsetText(int offsetSeconds);

// The offset for people: "UTC+08:00", "UTC-05:00", "UTC+05:30"; "UTC" itself at zero.
QString utcZoneText(int offsetSeconds);

// `when` in the local time zone, in `locale`'s date-and-time format of that length, with the
// zone's offset (utcZoneText) where the locale's format puts its zone name, else after the time:
// "7/1/26 8:00 PM UTC+08:00", "2026年7月1日星期三 UTC+08:00 20:00:00". The offset is the one in
// force on that date (summer or winter time). Empty for an invalid time.
QString localDateTimeText(const QDateTime &when, QLocale::FormatType format, const QLocale &locale = QLocale());

// For lines that are copied, saved and pasted: the local time and its offset,
// "2026-12-05 21:30:01.123 +08:00", or without milliseconds "2026-12-05 21:30:01 +08:00". Empty
// for an invalid time.
enum class TimePrecision { Seconds, Milliseconds };
QString localTimestampText(const QDateTime &when, TimePrecision precision = TimePrecision::Milliseconds);

// The same instant in UTC, "2026-12-05 13:30:01 UTC": beside a local time, for comparing with
// servers and logs kept in UTC. Empty for an invalid time.
QString utcTimestampText(const QDateTime &when);

// The local time zone's name, for a heading over local times: its IANA id ("Asia/Shanghai") when
// the system names one, else the offset in force at `at` ("UTC+08:00").
QString localZoneName(const QDateTime &at = QDateTime::currentDateTimeUtc());

} // namespace socketeer
