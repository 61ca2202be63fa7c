#include "receivedview.h"

#include "cli.h"

#include "text/hexdump.h"

#include <QCommandLineOption>

namespace socketeer::cli {

QCommandLineOption hexDumpOption()
{
    return {QStringLiteral("hex"),
            Cli::tr("Write what is received as a hex-and-text dump, like socat -x: each chunk as it came off the socket is a "
                    "header line \"< length=N from=A to=B\" (its size and the offsets of its first and last byte in the "
                    "stream) followed by lines \"OFFSET  16 bytes in hex  text\".")};
}

QCommandLineOption timestampsOption()
{
    return {QStringLiteral("timestamps"),
            Cli::tr("Begin each line received (with --hex, each header) with the local time it arrived at, with its offset "
                    "from UTC: 2026-12-05T17:43:54.123+08:00.")};
}

namespace {

// "< [TIME ][SOURCE ]length=N from=A to=B" and the dump; "< [TIME ][SOURCE ]length=0" alone for
// no bytes (an empty datagram).
QByteArray dumpChunk(const QByteArray &data, quint64 offset, const QByteArray &stamp, const QString &sourceName)
{
    QByteArray out = "< " + stamp;
    if (!sourceName.isEmpty())
        out += sourceName.toUtf8() + ' ';
    if (data.isEmpty())
        return out + "length=0\n";
    out += QStringLiteral("length=%1 from=%2 to=%3\n").arg(data.size()).arg(offset).arg(offset + quint64(data.size()) - 1).toUtf8();
    out += hexDump(data, offset).toLatin1();
    return out;
}

} // namespace

QByteArray datagramDump(const QByteArray &data, const QString &sender, bool timestamps, const QDateTime &when)
{
    return dumpChunk(data, 0, timestamps ? localTimestamp(when).toUtf8() + ' ' : QByteArray(), sender);
}

QString localTimestamp(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QByteArray ReceivedView::show(const QByteArray &data, quint64 source, const QString &sourceName, const QDateTime &when)
{
    if (!changesBytes() || data.isEmpty())
        return data;
    Stream &stream = m_streams[source];
    const QByteArray stamp = m_timestamps ? localTimestamp(when).toUtf8() + ' ' : QByteArray();
    QByteArray out;
    if (m_hex) {
        out = dumpChunk(data, stream.offset, stamp, sourceName);
        stream.offset += quint64(data.size());
        return out;
    }
    // Timestamps alone: the bytes as they came, a stamp wherever a line begins.
    out.reserve(data.size() + stamp.size() * 2);
    for (const char c : data) {
        if (stream.atLineStart)
            out += stamp;
        out += c;
        stream.atLineStart = c == '\n';
    }
    stream.offset += quint64(data.size());
    return out;
}

} // namespace socketeer::cli
