#pragma once
// socketeer inbox list|show|save|delete|wait: the local inbox read from a script, as Mailpit's
// API is. Each verb reads the folder `socketeer inbox` writes (MailStore, the same folder rules and
// the same parser as the Inbox panel), while a receiver may be writing it: a message's .eml appears
// only once it is whole (QSaveFile's rename), so whatever is listed can be read. Only delete
// writes, and only the store's own files in a folder marked as a store.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "mail/mailsearch.h"
#include "mail/mailstore.h"

class QCommandLineOption;
class QCommandLineParser;

namespace socketeer::cli {

bool isInboxVerb(const QString &word);
// `arguments`: the program, the verb, then the verb's own arguments.
int runInboxVerb(const QStringList &arguments);

int runInboxList(const QStringList &arguments);
int runInboxShow(const QStringList &arguments);
int runInboxSave(const QStringList &arguments);
int runInboxDelete(const QStringList &arguments);
int runInboxWait(const QStringList &arguments);

// --dir, with the same default as socketeer inbox.
QCommandLineOption inboxDirOption();
QString inboxDirectory(const QCommandLineParser &parser);
// The decoded headers a list shows, from the store's summary file or parsed now (and remembered).
MessageSummary inboxSummary(const MailStore &store, const ListedMessage &row);
MailSearchFields inboxSearchFields(const StoredMessage &message, const MessageSummary &summary);
// A message as list --json and wait --json print it (field names in README's command-line section).
QJsonObject inboxListJson(const StoredMessage &message, const MessageSummary &summary);
// One line of the text list: id, local time, From, Subject, tab-separated, terminal-safe.
QString inboxListLine(const StoredMessage &message, const MessageSummary &summary);
// The same, for show and save: the message by its id, or a one-line error and the exit code.
int inboxFindMessage(const QString &command, const MailStore &store, const QString &id, StoredMessage *message);

} // namespace socketeer::cli
