#include "chathistory.h"

#include "text/timetext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace socketeer::ui {

namespace {

// A file larger than this is read from its end only: the last lines are what is kept.
constexpr qint64 kReadAtMostBytes = 8 * 1024 * 1024;

QString kindKey(ChatLineKind kind)
{
    switch (kind) {
    case ChatLineKind::Plain: return QStringLiteral("plain");
    case ChatLineKind::Message: return QStringLiteral("message");
    case ChatLineKind::Action: return QStringLiteral("action");
    case ChatLineKind::PrivateIn: return QStringLiteral("private-in");
    case ChatLineKind::PrivateOut: return QStringLiteral("private-out");
    case ChatLineKind::Notice: return QStringLiteral("notice");
    }
    return QStringLiteral("plain");
}

std::optional<ChatLineKind> kindFromKey(const QString &key)
{
    for (ChatLineKind kind : {ChatLineKind::Plain, ChatLineKind::Message, ChatLineKind::Action, ChatLineKind::PrivateIn,
                              ChatLineKind::PrivateOut, ChatLineKind::Notice})
        if (kindKey(kind) == key)
            return kind;
    return std::nullopt;
}

QByteArray toJsonLine(const ChatEntry &entry)
{
    QJsonObject object{{QStringLiteral("t"), entry.time.toMSecsSinceEpoch()},
                       {QStringLiteral("k"), kindKey(entry.kind)},
                       {QStringLiteral("n"), entry.name},
                       {QStringLiteral("x"), entry.text}};
    if (entry.own)
        object.insert(QStringLiteral("o"), true);
    if (entry.local)
        object.insert(QStringLiteral("l"), true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<ChatEntry> fromJsonLine(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const auto kind = kindFromKey(object.value(QStringLiteral("k")).toString());
    if (!kind)
        return std::nullopt;
    ChatEntry entry;
    entry.time = QDateTime::fromMSecsSinceEpoch(object.value(QStringLiteral("t")).toInteger(), Qt::UTC);
    entry.kind = *kind;
    entry.own = object.value(QStringLiteral("o")).toBool();
    entry.local = object.value(QStringLiteral("l")).toBool();
    // Written by us already safe; passed through the same filter again, so an edited file cannot
    // bring a control character to the screen either.
    entry.name = chatDisplayText(object.value(QStringLiteral("n")).toString().left(kChatNameMaxBytes).toUtf8());
    entry.text = chatDisplayText(object.value(QStringLiteral("x")).toString().left(kChatLineMaxBytes).toUtf8());
    return entry;
}

QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    QFileInfo info(path);
    if (info.isSymLink() || !info.isFile() || !file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    if (size > kReadAtMostBytes)
        file.seek(size - kReadAtMostBytes);
    QList<QByteArray> lines = file.readAll().split('\n');
    if (size > kReadAtMostBytes && !lines.isEmpty())
        lines.removeFirst();   // begun in the middle
    lines.removeAll(QByteArray());
    return lines;
}

} // namespace

QString chatExportLine(const ChatEntry &entry, const QString &ownName)
{
    const QString when = localTimestampText(entry.time, TimePrecision::Seconds);
    const QString name = entry.name.isEmpty() && entry.own ? ownName : entry.name;
    QString line;
    switch (entry.kind) {
    case ChatLineKind::Message: line = name.isEmpty() ? entry.text : name + QStringLiteral(": ") + entry.text; break;
    case ChatLineKind::Action: line = QStringLiteral("* ") + name + QLatin1Char(' ') + entry.text; break;
    case ChatLineKind::PrivateIn: line = QLatin1Char('*') + entry.name + QStringLiteral("* ") + entry.text; break;
    case ChatLineKind::PrivateOut: line = QStringLiteral("-> *") + entry.name + QStringLiteral("* ") + entry.text; break;
    case ChatLineKind::Notice: line = QStringLiteral("*** ") + entry.text; break;
    case ChatLineKind::Plain: line = entry.own ? QStringLiteral("> ") + entry.text : entry.text; break;
    }
    return when + QLatin1Char(' ') + line;
}

ChatHistoryStore::ChatHistoryStore(QString folder) : m_folder(folder.isEmpty() ? defaultFolder() : std::move(folder)) {}

QString ChatHistoryStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/chat-history");
}

QString ChatHistoryStore::fileFor(const QString &roomKey) const
{
    const QByteArray digest = QCryptographicHash::hash(roomKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_folder + QLatin1Char('/') + QString::fromLatin1(digest) + QStringLiteral(".jsonl");
}

QList<ChatEntry> ChatHistoryStore::load(const QString &roomKey) const
{
    QList<ChatEntry> entries;
    QList<QByteArray> lines = readLines(fileFor(roomKey));
    if (lines.size() > kChatHistoryLines)
        lines.remove(0, lines.size() - kChatHistoryLines);
    entries.reserve(lines.size());
    for (const QByteArray &line : lines)
        if (auto entry = fromJsonLine(line))
            entries.append(std::move(*entry));
    return entries;
}

bool ChatHistoryStore::append(const QString &roomKey, const QList<ChatEntry> &entries)
{
    if (entries.isEmpty())
        return true;
    if (!QDir().mkpath(m_folder))
        return false;
    const QString path = fileFor(roomKey);
    if (QFileInfo(path).isSymLink())
        return false;
    auto counted = m_lineCounts.find(path);
    if (counted == m_lineCounts.end())
        counted = m_lineCounts.insert(path, readLines(path).size());
    const qsizetype first = std::max<qsizetype>(0, entries.size() - kChatHistoryLines);
    QByteArray bytes;
    for (qsizetype i = first; i < entries.size(); ++i)
        bytes += toJsonLine(entries.at(i));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(bytes) != bytes.size())
            return false;
    }
    // Compacted now and then, not at every append: the file holds at most twice the bound.
    *counted += entries.size() - first;
    if (*counted <= 2 * kChatHistoryLines)
        return true;
    QList<QByteArray> lines = readLines(path);
    if (lines.size() > kChatHistoryLines)
        lines.remove(0, lines.size() - kChatHistoryLines);
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray &line : lines) {
        save.write(line);
        save.write("\n", 1);
    }
    if (!save.commit())
        return false;
    *counted = lines.size();
    return true;
}

bool ChatHistoryStore::forget(const QString &roomKey)
{
    const QString path = fileFor(roomKey);
    m_lineCounts.remove(path);
    return !QFileInfo::exists(path) || QFile::remove(path);
}

} // namespace socketeer::ui
