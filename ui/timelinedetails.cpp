#include "timelinedetails.h"

#include "net/error.h"
#include "net/trace.h"
#include "text/hexdump.h"
#include "text/timetext.h"
#include "timelinescene.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstring>

namespace socketeer::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::ui::TimelineDetails)
};
// The bytes as UTF-8, control characters as escapes so a line break in the data is seen, not obeyed.
QString printable(const QByteArray &bytes)
{
    QString shown;
    for (const QChar c : QString::fromUtf8(bytes)) {
        if (c == u'\n')
            shown += QStringLiteral("\\n");
        else if (c == u'\r')
            shown += QStringLiteral("\\r");
        else if (c == u'\t')
            shown += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}
} // namespace

QString timelineHexDump(const QByteArray &bytes)
{
    return hexDump(bytes);
}

QString timelineErrnoText(int error)
{
    if (error == 0)
        return Text::tr("0 (no error)");
    // strerrorname_np: glibc 2.32 and later (Debian 12 has 2.36); the number alone if unknown.
    const char *name = ::strerrorname_np(error);
    return QStringLiteral("%1 (%2): %3")
        .arg(name ? QString::fromLatin1(name) : QStringLiteral("?"))
        .arg(error)
        .arg(errnoText(error));
}

QString timelineDetailsText(const TraceEvent &event)
{
    QStringList lines;
    lines << Text::tr("Call: %1()").arg(event.call);
    lines << Text::tr("Lane: %1 (thread \"%2\")").arg(timelineLaneTitle(event.thread), event.thread);
    lines << Text::tr("Time: %1").arg(localTimestampText(QDateTime::fromMSecsSinceEpoch(event.timeUs / 1000, Qt::UTC)));
    lines << Text::tr("Order: #%1").arg(event.sequence);
    lines << Text::tr("Arguments: %1").arg(event.arguments);
    lines << Text::tr("Result: %1").arg(event.result);
    lines << Text::tr("errno: %1").arg(timelineErrnoText(event.error));
    if (event.byteCount >= 0) {
        if (event.bytes.size() < event.byteCount)
            lines << Text::tr("Bytes: %1 (the first %2 shown)").arg(event.byteCount).arg(event.bytes.size());
        else
            lines << Text::tr("Bytes: %1").arg(event.byteCount);
        if (!event.bytes.isEmpty()) {
            lines << Text::tr("As text (UTF-8): %1").arg(printable(event.bytes));
            lines << Text::tr("As hex:");
            lines << timelineHexDump(event.bytes);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace socketeer::ui
