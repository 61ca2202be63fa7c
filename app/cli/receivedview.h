#pragma once
// How received bytes are written to stdout: exactly as they came, or with --hex as a dump of each
// chunk under a header line (its size and place in the stream), like socat -x; with --timestamps
// the header (--hex) or else each line's start carries the local time the bytes arrived at.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <map>

class QCommandLineParser;
class QCommandLineOption;

namespace socketeer::cli {

// The options as serve, connect and udp declare them.
QCommandLineOption hexDumpOption();
QCommandLineOption timestampsOption();

// "2026-12-05T17:43:54.123+08:00": the local time with its offset from UTC ("Z" in UTC), one
// word, so a script can split the line on spaces.
QString localTimestamp(const QDateTime &when = QDateTime::currentDateTime());

// One datagram under udp --hex: the same header, with the sender as its source ("127.0.0.1:5000",
// "[::1]:5000"), and the dump from offset 0; an empty datagram is the header "length=0" alone.
QByteArray datagramDump(const QByteArray &data, const QString &sender, bool timestamps,
                        const QDateTime &when = QDateTime::currentDateTime());

class ReceivedView {
public:
    ReceivedView(bool hex, bool timestamps) : m_hex(hex), m_timestamps(timestamps) {}

    bool changesBytes() const { return m_hex || m_timestamps; }
    // The text for `data` received from `source` (0 for connect's one peer, the client's id for
    // serve), named `sourceName` in --hex headers ("client 3"; empty: none). Each source has its
    // own offset and its own idea of where a line starts.
    QByteArray show(const QByteArray &data, quint64 source = 0, const QString &sourceName = {},
                    const QDateTime &when = QDateTime::currentDateTime());
    void forget(quint64 source) { m_streams.erase(source); }

private:
    struct Stream {
        quint64 offset = 0;
        bool atLineStart = true;
    };
    bool m_hex;
    bool m_timestamps;
    std::map<quint64, Stream> m_streams;
};

} // namespace socketeer::cli
