#include "timetext.h"

#include <QTimeZone>

#include <cstdlib>

namespace socketeer {

namespace {

// `format` (QDateTime::toString's letters) with each unquoted run of 't' (the zone's
// abbreviation) replaced by `zone` as a quoted literal. Text in single quotes is copied as it is;
// "''" (a literal quote) toggles twice and so stays literal too.
QString withZone(const QString &format, const QString &zone, bool *replaced)
{
    QString out;
    out.reserve(format.size() + zone.size() + 2);
    bool quoted = false;
    *replaced = false;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == u'\'') {
            quoted = !quoted;
            out += c;
        } else if (!quoted && c == u't') {
            while (i + 1 < format.size() && format.at(i + 1) == u't')
                ++i;
            out += u'\'' + zone + u'\'';
            *replaced = true;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QString utcOffsetText(int offsetSeconds)
{
    const QChar sign = offsetSeconds < 0 ? u'-' : u'+';
    const int magnitude = std::abs(offsetSeconds);
    const int hours = magnitude / 3600;
    const int minutes = magnitude / 60 % 60;
    const int seconds = magnitude % 60;
    QString text = QStringLiteral("%1%2:%3").arg(sign).arg(hours, 2, 10, QLatin1Char('0')).arg(minutes, 2, 10, QLatin1Char('0'));
    if (seconds != 0)
        text += QStringLiteral(":%1").arg(seconds, 2, 10, QLatin1Char('0'));
    return text;
}

QString utcZoneText(int offsetSeconds)
{
    return offsetSeconds == 0 ? QStringLiteral("UTC") : QStringLiteral("UTC") + utcOffsetText(offsetSeconds);
}

QString localDateTimeText(const QDateTime &when, QLocale::FormatType format, const QLocale &locale)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QString zone = utcZoneText(local.offsetFromUtc());
    bool replaced = false;
    const QString pattern = withZone(locale.dateTimeFormat(format), zone, &replaced);
    const QString text = locale.toString(local, pattern);
    return replaced ? text : text + u' ' + zone;
}

QString localTimestampText(const QDateTime &when, TimePrecision precision)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QString pattern = precision == TimePrecision::Milliseconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return QLocale::c().toString(local, pattern) + u' ' + utcOffsetText(local.offsetFromUtc());
}

QString utcTimestampText(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale::c().toString(when.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString localZoneName(const QDateTime &at)
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    if (!id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id))
        return QString::fromUtf8(id);
    return utcZoneText(at.toLocalTime().offsetFromUtc());
}

} // namespace socketeer
