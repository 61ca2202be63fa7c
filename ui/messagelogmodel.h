#pragma once
// The rows of a message log: time to the millisecond, direction, peer and payload. Bounded twice
// — a number of rows and a number of bytes kept for display — while the panel's counters stay
// exact elsewhere. A payload kept only in part says so in its row; nothing is cut silently.

#include "text/encoding.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>

#include <deque>

namespace socketeer::ui {

struct LogEntry {
    enum class Direction { Received, Sent, Info, Error };
    qint64 timeMs = 0;          // since the epoch
    Direction direction = Direction::Info;
    QString peer;               // "127.0.0.1:53314", or empty
    QByteArray data;            // payload (Received/Sent) — possibly only its beginning
    qint64 size = 0;            // the payload's real size
    QString text;               // Info/Error messages
    QString note{};             // Received: a verdict on the message (its check value); Sent: what sent it (a rule)
    bool bad = false;           // the note is a failure: the row is marked
};

class MessageLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageLogModel)
public:
    enum Column { TimeColumn, DirectionColumn, PeerColumn, SizeColumn, DataColumn, ColumnCount };
    enum Role { SearchTextRole = Qt::UserRole + 1, PeerRole, DirectionRole };
    static constexpr qsizetype kKeptPerEntry = 16 * 1024;   // bytes of one payload kept for display (and Save)
    // Payload bytes the whole log keeps: past it the oldest entries go, as past the maximum number
    // of entries, so 10,000 entries of a flood cannot hold 640 MB. The counters stay exact.
    static constexpr qsizetype kKeptInAll = 32 * 1024 * 1024;

    explicit MessageLogModel(QObject *parent = nullptr);

    void append(LogEntry entry);
    void appendBatch(QList<LogEntry> entries);
    void clear();

    void setMaximumEntries(int maximum);
    int maximumEntries() const { return m_maximum; }
    void setEncoding(TextEncoding encoding);
    TextEncoding encoding() const { return m_encoding; }
    void setHexView(bool hex);
    bool hexView() const { return m_hex; }
    // How many characters of a payload a row shows: what its cell can hold, no more (laying out
    // text nobody can see is what slows painting under a flood). The tooltip shows more.
    void setDisplayCharacters(int characters);

    const LogEntry &entry(int row) const { return m_entries[static_cast<size_t>(row)]; }
    QString payloadText(const LogEntry &entry, int maxChars = -1) const;
    // "12:03:04.517  →  127.0.0.1:5000  (5 bytes)  hello" — for saving and copying.
    QString formatLine(const LogEntry &entry) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString directionSymbol(LogEntry::Direction direction);

private:
    void trimTo(int maximum);
    void removeOldest(int count);

    std::deque<LogEntry> m_entries;
    qsizetype m_keptBytes = 0;
    int m_maximum = 10000;
    TextEncoding m_encoding = TextEncoding::Utf8;
    bool m_hex = false;
    int m_displayCharacters = 160;
};

} // namespace socketeer::ui
