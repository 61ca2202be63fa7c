// socketeer inbox list and delete, and what every inbox verb shares (inboxquery.h).

#include "inboxquery.h"

#include "cli.h"

#include "mail/mailparser.h"
#include "text/terminaltext.h"
#include "text/timetext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace socketeer::cli {

namespace {

struct Verb {
    const char *name;
    int (*run)(const QStringList &arguments);
};

constexpr Verb kVerbs[] = {
    {"list", &runInboxList}, {"show", &runInboxShow}, {"save", &runInboxSave}, {"delete", &runInboxDelete}, {"wait", &runInboxWait},
};

} // namespace

bool isInboxVerb(const QString &word)
{
    for (const Verb &verb : kVerbs)
        if (word == QLatin1String(verb.name))
            return true;
    return false;
}

int runInboxVerb(const QStringList &arguments)
{
    for (const Verb &verb : kVerbs) {
        if (arguments.value(1) == QLatin1String(verb.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.value(0));
            return verb.run(rest);
        }
    }
    return ExitUsage;
}

QCommandLineOption inboxDirOption()
{
    return QCommandLineOption(QStringLiteral("dir"),
                              Cli::tr("The folder socketeer inbox stores messages in (default: the app's inbox, %1).")
                                  .arg(QDir::toNativeSeparators(MailStore::defaultDirectory())),
                              Cli::tr("folder"));
}

QString inboxDirectory(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("dir")) ? QDir(parser.value(QStringLiteral("dir"))).absolutePath() : MailStore::defaultDirectory();
}

MessageSummary inboxSummary(const MailStore &store, const ListedMessage &row)
{
    if (row.summary)
        return *row.summary;
    const ParsedMail mail = parseMailFile(row.message.path, PartSizes::Skipped);
    const MessageSummary summary{mail.from, mail.to, mail.subject, mail.attachmentCount()};
    store.remember(row.message, summary);
    return summary;
}

MailSearchFields inboxSearchFields(const StoredMessage &message, const MessageSummary &summary)
{
    MailSearchFields fields;
    fields.from = summary.from;
    fields.to = summary.to;
    fields.subject = summary.subject;
    fields.mailFrom = message.envelope.mailFrom;
    fields.recipients = message.envelope.recipients;
    fields.receivedAt = message.envelope.receivedAt;
    fields.size = message.size;
    fields.attachments = summary.attachments;
    return fields;
}

QJsonObject inboxListJson(const StoredMessage &message, const MessageSummary &summary)
{
    return QJsonObject{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("receivedAt"), message.envelope.receivedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("size"), message.size},
        {QStringLiteral("mailFrom"), message.envelope.mailFrom},
        {QStringLiteral("rcptTo"), QJsonArray::fromStringList(message.envelope.recipients)},
        {QStringLiteral("from"), summary.from},
        {QStringLiteral("to"), summary.to},
        {QStringLiteral("subject"), summary.subject},
        {QStringLiteral("attachments"), summary.attachments},
        {QStringLiteral("tls"), message.envelope.tls},
        {QStringLiteral("authUser"), message.envelope.authUser},
    };
}

QString inboxListLine(const StoredMessage &message, const MessageSummary &summary)
{
    // Local time with its offset ("+08:00"), never an abbreviation: "CST" is China or US Central.
    const QString when = localTimestampText(message.envelope.receivedAt, TimePrecision::Seconds);
    const QString from = summary.from.isEmpty() ? message.envelope.mailFrom : summary.from;
    return QStringList{message.id, when, terminalSafe(from), terminalSafe(summary.subject)}.join(QLatin1Char('\t'));
}

int inboxFindMessage(const QString &command, const MailStore &store, const QString &id, StoredMessage *message)
{
    if (!MailStore::isValidId(id)) {
        printError(command, Cli::tr("\"%1\" is not a message id (they look like 20261204-091502-123-0001-a3f9)").arg(terminalSafe(id)));
        return ExitUsage;
    }
    auto found = store.message(id);
    if (!found) {
        printError(command, Cli::tr("no message %1 in %2").arg(id, QDir::toNativeSeparators(store.directory())));
        return ExitFailure;
    }
    *message = std::move(*found);
    return -1;
}

int runInboxList(const QStringList &arguments)
{
    const QString command = QStringLiteral("inbox list");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Lists the messages socketeer inbox stored, newest first: one line each (id, time received, From, Subject, "
                "separated by tabs), or with --json an array of objects. --search takes the Inbox panel's search: from:, "
                "to:, subject:, has:attachment, after:/before:YYYY-MM-DD, larger:/smaller:SIZE, free text, \"a phrase\", "
                "-TERM to exclude."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Cli::tr("Print a JSON array instead of lines."));
    const QCommandLineOption searchOption(QStringLiteral("search"), Cli::tr("Only the messages this search matches."), Cli::tr("query"));
    parser.addOptions({inboxDirOption(), jsonOption, searchOption});
    if (const int done = parseCommandLine(parser, command, arguments); done >= 0)
        return done;
    if (!parser.positionalArguments().isEmpty()) {
        printError(command, Cli::tr("unexpected argument \"%1\" (see socketeer inbox list --help)").arg(terminalSafe(parser.positionalArguments().first())));
        return ExitUsage;
    }
    const auto query = parseMailQuery(parser.value(searchOption));
    if (!query) {
        printError(command, QStringLiteral("--search: ") + query.error().detail);
        return ExitUsage;
    }
    const MailStore store(inboxDirectory(parser));
    QJsonArray rows;
    QString lines;
    for (const ListedMessage &row : store.list()) {
        const MessageSummary summary = inboxSummary(store, row);
        if (!matchesMailQuery(*query, inboxSearchFields(row.message, summary)))
            continue;
        if (parser.isSet(jsonOption))
            rows.append(inboxListJson(row.message, summary));
        else
            lines += inboxListLine(row.message, summary) + QLatin1Char('\n');
    }
    const QByteArray out = parser.isSet(jsonOption) ? QJsonDocument(rows).toJson(QJsonDocument::Indented) : lines.toUtf8();
    return writeStdout(out) ? ExitSuccess : ExitFailure;
}

int runInboxDelete(const QStringList &arguments)
{
    const QString command = QStringLiteral("inbox delete");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Deletes a stored message (its ID.eml and ID.json), or with --all every message. Only in a folder socketeer "
                "inbox marked as its own (it holds %1), and only files named as the inbox names them: nothing else in the "
                "folder is touched.").arg(MailStore::markerName()));
    const QCommandLineOption allOption(QStringLiteral("all"), Cli::tr("Delete every message."));
    parser.addOptions({inboxDirOption(), allOption});
    parser.addPositionalArgument(QStringLiteral("ID"), Cli::tr("The message to delete."));
    if (const int done = parseCommandLine(parser, command, arguments); done >= 0)
        return done;
    const QStringList ids = parser.positionalArguments();
    if (parser.isSet(allOption) == !ids.isEmpty() || ids.size() > 1) {
        printError(command, Cli::tr("give one message ID or --all (see socketeer inbox delete --help)"));
        return ExitUsage;
    }
    const MailStore store(inboxDirectory(parser));
    if (!QFileInfo(store.directory() + QLatin1Char('/') + MailStore::markerName()).isFile()
        || QFileInfo(store.directory() + QLatin1Char('/') + MailStore::markerName()).isSymLink()) {
        printError(command, Cli::tr("%1 is not a folder socketeer inbox made (it has no %2): nothing deleted")
                                .arg(QDir::toNativeSeparators(store.directory()), MailStore::markerName()));
        return ExitFailure;
    }
    if (parser.isSet(allOption)) {
        const qsizetype count = store.messages().size();
        if (const auto cleared = store.clear(); !cleared) {
            printError(command, cleared.error().message());
            return ExitFailure;
        }
        printLine(Cli::tr("deleted %n message(s)", nullptr, static_cast<int>(count)));
        return ExitSuccess;
    }
    StoredMessage message;
    if (const int done = inboxFindMessage(command, store, ids.first(), &message); done >= 0)
        return done;
    if (const auto removed = store.remove(message.id); !removed) {
        printError(command, removed.error().message());
        return ExitFailure;
    }
    printLine(Cli::tr("deleted %1").arg(message.id));
    return ExitSuccess;
}

} // namespace socketeer::cli
