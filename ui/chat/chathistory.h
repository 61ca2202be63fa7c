#pragma once
// What a chat looked like, kept per room (host:port) so it is there again when the room is joined
// again: bounded (the last kChatHistoryLines lines), one small file per room under the
// application's data folder. The room's name never becomes a path: the file is named by the
// SHA-256 of host:port, in a folder of its own, and only names of exactly that form are touched.

#include "text/chatline.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace socketeer::ui {

inline constexpr int kChatHistoryLines = 5000;

struct ChatEntry {
    QDateTime time;   // UTC
    ChatLineKind kind = ChatLineKind::Plain;
    bool own = false;   // I said it (Message, Action, PrivateOut; a Plain line I sent)
    bool local = false; // Socketeer's own note (connected, disconnected), not from the peer
    QString name;
    QString text;
    friend bool operator==(const ChatEntry &, const ChatEntry &) = default;
};

// One line of an exported conversation: "2026-12-05 21:30:01 +08:00 alice: hello", in the
// protocol's own forms (`* NAME ACTION`, `*NAME* TEXT`, `-> *NAME* TEXT`, `*** TEXT`).
QString chatExportLine(const ChatEntry &entry, const QString &ownName);

class ChatHistoryStore {
public:
    // `folder` empty: QStandardPaths::AppDataLocation/chat-history.
    explicit ChatHistoryStore(QString folder = {});

    static QString defaultFolder();
    // The file of a room: FOLDER/<sha256 of the key>.jsonl.
    QString fileFor(const QString &roomKey) const;

    // The last kChatHistoryLines entries of the room, oldest first. A torn or foreign line is skipped.
    QList<ChatEntry> load(const QString &roomKey) const;
    // Adds entries to the room's file; past twice the bound, the file is rewritten with the last
    // kChatHistoryLines only (QSaveFile), so it never grows without end.
    bool append(const QString &roomKey, const QList<ChatEntry> &entries);
    bool forget(const QString &roomKey);

private:
    QString m_folder;
    QHash<QString, qsizetype> m_lineCounts;   // lines in each file written, to know when to compact
};

} // namespace socketeer::ui
