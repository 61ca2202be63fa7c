#include "messagelogmodel.h"

#include "text/timetext.h"
#include "theme.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace socketeer::ui {

MessageLogModel::MessageLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void MessageLogModel::append(LogEntry entry)
{
    appendBatch({std::move(entry)});
}

void MessageLogModel::appendBatch(QList<LogEntry> entries)
{
    if (entries.isEmpty())
        return;
    // More than fit: only the newest can stay, so do not insert what would be removed at once.
    if (entries.size() > m_maximum)
        entries.remove(0, entries.size() - m_maximum);
    const int overflow = static_cast<int>(m_entries.size() + entries.size()) - m_maximum;
    if (overflow > 0)
        trimTo(m_maximum - static_cast<int>(entries.size()));
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
    for (LogEntry &entry : entries) {
        if (entry.size == 0)
            entry.size = entry.data.size();
        if (entry.data.size() > kKeptPerEntry)
            entry.data.truncate(kKeptPerEntry);
        m_keptBytes += entry.data.size();
        m_entries.push_back(std::move(entry));
    }
    endInsertRows();
    if (m_keptBytes > kKeptInAll) {
        int excess = 0;
        qsizetype freed = 0;
        while (m_keptBytes - freed > kKeptInAll && excess + 1 < rowCount())
            freed += m_entries[static_cast<size_t>(excess++)].data.size();
        removeOldest(excess);
    }
}

void MessageLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_keptBytes = 0;
    endResetModel();
}

void MessageLogModel::setMaximumEntries(int maximum)
{
    m_maximum = std::max(1, maximum);
    trimTo(m_maximum);
}

void MessageLogModel::trimTo(int maximum)
{
    removeOldest(static_cast<int>(m_entries.size()) - std::max(0, maximum));
}

void MessageLogModel::removeOldest(int count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_keptBytes -= m_entries[static_cast<size_t>(i)].data.size();
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    endRemoveRows();
}

void MessageLogModel::setEncoding(TextEncoding encoding)
{
    if (m_encoding == encoding)
        return;
    m_encoding = encoding;
    if (!m_entries.empty())
        emit dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn));
}

void MessageLogModel::setDisplayCharacters(int characters)
{
    characters = std::clamp(characters, 16, 2048);
    if (characters == m_displayCharacters)
        return;
    m_displayCharacters = characters;
    if (!m_entries.empty())
        emit dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn), {Qt::DisplayRole});
}

void MessageLogModel::setHexView(bool hex)
{
    if (m_hex == hex)
        return;
    m_hex = hex;
    if (!m_entries.empty())
        emit dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn));
}

QString MessageLogModel::payloadText(const LogEntry &entry, int maxChars) const
{
    if (entry.direction == LogEntry::Direction::Info || entry.direction == LogEntry::Direction::Error)
        return entry.text;
    QByteArray shown = entry.data;
    if (maxChars > 0 && shown.size() > maxChars)
        shown.truncate(maxChars);
    QString text = m_hex ? toHexDisplay(shown) : decodeForDisplay(shown, m_encoding, {true, false});
    if (shown.size() < entry.size)
        text += tr(" … (%n more byte(s))", nullptr, static_cast<int>(std::min<qint64>(entry.size - shown.size(), INT_MAX)));
    if (!entry.note.isEmpty())
        // A received message's note is a verdict (its check value); a sent one's says what sent it
        // (an auto-reply rule), which is no verdict to tick.
        text += (entry.bad ? QStringLiteral("   ✗ ")
                           : entry.direction == LogEntry::Direction::Sent ? QStringLiteral("   ↻ ") : QStringLiteral("   ✓ "))
                + entry.note;
    return text;
}

QString MessageLogModel::directionSymbol(LogEntry::Direction direction)
{
    switch (direction) {
    case LogEntry::Direction::Received: return QStringLiteral("←");
    case LogEntry::Direction::Sent: return QStringLiteral("→");
    case LogEntry::Direction::Info: return QStringLiteral("•");
    case LogEntry::Direction::Error: return QStringLiteral("!");
    }
    return {};
}

QString MessageLogModel::formatLine(const LogEntry &entry) const
{
    // Saved, logged and pasted elsewhere: the date and the zone's offset make it one instant.
    const QString time = localTimestampText(QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC));
    QString line = time + QLatin1Char(' ') + directionSymbol(entry.direction) + QLatin1Char(' ');
    if (!entry.peer.isEmpty())
        line += entry.peer + QLatin1Char(' ');
    if (entry.direction == LogEntry::Direction::Received || entry.direction == LogEntry::Direction::Sent)
        line += tr("(%n byte(s))", nullptr, static_cast<int>(std::min<qint64>(entry.size, INT_MAX))) + QLatin1Char(' ');
    return line + payloadText(entry);
}

int MessageLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int MessageLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LogEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn: return directionSymbol(e.direction);
        case PeerColumn: return e.peer;
        case SizeColumn:
            return e.direction == LogEntry::Direction::Received || e.direction == LogEntry::Direction::Sent ? QVariant(e.size) : QVariant();
        case DataColumn: return payloadText(e, m_displayCharacters);   // the tooltip and Save hold more
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DataColumn)
            return payloadText(e, 16 * 1024);
        if (index.column() == DirectionColumn) {
            switch (e.direction) {
            case LogEntry::Direction::Received: return tr("received");
            case LogEntry::Direction::Sent: return tr("sent");
            case LogEntry::Direction::Info: return tr("event");
            case LogEntry::Direction::Error: return tr("error");
            }
        }
        break;
    case Qt::ForegroundRole:
        if (e.direction == LogEntry::Direction::Error || (e.bad && index.column() == DataColumn))
            return theme::colour(theme::Role::Error);
        if (e.direction == LogEntry::Direction::Info)
            return theme::colour(theme::Role::Muted);
        if (index.column() == DirectionColumn)
            return theme::colour(e.direction == LogEntry::Direction::Received ? theme::Role::Received : theme::Role::Sent);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == DirectionColumn)
            return int(Qt::AlignCenter);
        break;
    case SearchTextRole:
        return e.peer + QLatin1Char(' ') + payloadText(e, 4096);
    case PeerRole:
        return e.peer;
    case DirectionRole:
        return static_cast<int>(e.direction);
    default:
        break;
    }
    return {};
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Dir");
    case PeerColumn: return tr("Peer");
    case SizeColumn: return tr("Bytes");
    case DataColumn: return tr("Data");
    }
    return {};
}

} // namespace socketeer::ui
