// socketeer inbox wait: returns as soon as a matching message is in the inbox — one that is there
// already, or one a receiver (this machine's socketeer inbox, the app's panel) stores while it
// waits. The folder is watched (QFileSystemWatcher, inotify) and looked at again on every change,
// with a slow poll behind it in case the watch is lost (the folder made or replaced meanwhile,
// inotify's watches used up). A message is considered only once its ID.eml exists, and the store
// creates that name by renaming a whole file into place (QSaveFile), so a half-written message is
// never read.

#include "inboxquery.h"

#include "cli.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

namespace socketeer::cli {

namespace {

// The folders whose changes can bring a message: the store's, the one the user named (the
// store's folder may yet be made inside it), and the nearest existing folder above a missing one.
QStringList foldersToWatch(const QString &requested, const QString &located)
{
    QStringList folders;
    for (QString path : {located, requested}) {
        while (!QFileInfo(path).isDir()) {
            const QString parent = QFileInfo(path).absolutePath();
            if (parent == path)
                break;
            path = parent;
        }
        if (QFileInfo(path).isDir() && !folders.contains(path))
            folders << path;
    }
    return folders;
}

} // namespace

int runInboxWait(const QStringList &arguments)
{
    const QString command = QStringLiteral("inbox wait");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Waits until a message that matches is in the inbox, prints its id (or with --json its list entry) and exits "
                "0; exits 1 when none came within --timeout. A message already there counts, the newest first, unless --new "
                "is given. Everything given must match: --from, --subject-contains and --search (the syntax of socketeer "
                "inbox list --search)."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), Cli::tr("Seconds to wait (default 30; 0: only look once)."),
                                           Cli::tr("seconds"), QStringLiteral("30"));
    const QCommandLineOption fromOption(QStringLiteral("from"), Cli::tr("The From header or the envelope sender contains this."),
                                        Cli::tr("address"));
    const QCommandLineOption subjectOption(QStringLiteral("subject-contains"), Cli::tr("The subject contains this (any case)."),
                                           Cli::tr("text"));
    const QCommandLineOption searchOption(QStringLiteral("search"), Cli::tr("A search the message must match."), Cli::tr("query"));
    const QCommandLineOption newOption(QStringLiteral("new"), Cli::tr("Only a message stored after the wait began."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Cli::tr("Print the message's list entry as JSON."));
    parser.addOptions({inboxDirOption(), timeoutOption, fromOption, subjectOption, searchOption, newOption, jsonOption});
    if (const int done = parseCommandLine(parser, command, arguments); done >= 0)
        return done;
    if (!parser.positionalArguments().isEmpty()) {
        printError(command, Cli::tr("unexpected argument \"%1\" (see socketeer inbox wait --help)").arg(parser.positionalArguments().first()));
        return ExitUsage;
    }
    bool numeric = false;
    const int seconds = parser.value(timeoutOption).toInt(&numeric);
    if (!numeric || seconds < 0 || seconds > 86400) {
        printError(command, Cli::tr("--timeout: \"%1\" is not a number of seconds from 0 to 86400").arg(parser.value(timeoutOption)));
        return ExitUsage;
    }
    auto query = parseMailQuery(parser.value(searchOption));
    if (!query) {
        printError(command, QStringLiteral("--search: ") + query.error().detail);
        return ExitUsage;
    }
    for (const auto &[option, kind] : {std::pair{&fromOption, MailSearchTerm::Kind::From}, std::pair{&subjectOption, MailSearchTerm::Kind::Subject}}) {
        if (!parser.isSet(*option))
            continue;
        if (parser.value(*option).isEmpty()) {
            printError(command, Cli::tr("--%1 needs some text").arg(option->names().first()));
            return ExitUsage;
        }
        MailSearchTerm term;
        term.kind = kind;
        term.text = parser.value(*option);
        query->terms.append(term);
    }

    const QString requested = inboxDirectory(parser);
    QSet<QString> looked;   // ids already looked at and not matching (or there before, with --new)
    if (parser.isSet(newOption)) {
        for (const StoredMessage &message : MailStore(requested).messages())
            looked.insert(message.id);
    }

    prepareProcess();
    SignalWatcher signalWatcher;
    QFileSystemWatcher watcher;
    QTimer poll;
    QTimer deadline;
    deadline.setSingleShot(true);
    // Never before --timeout: a coarse timer may fire up to 5 % early (50 ms of a second).
    deadline.setTimerType(Qt::PreciseTimer);
    bool finished = false;
    int exitCode = ExitFailure;
    const bool json = parser.isSet(jsonOption);
    const MailQuery &wanted = *query;

    const auto finish = [&finished, &exitCode](int code) {
        if (!finished) {
            finished = true;
            exitCode = code;
            QCoreApplication::exit(code);   // nothing yet, when the loop has not started
        }
    };
    const auto check = [&] {
        if (finished)
            return;
        const MailStore store(requested);
        const QStringList folders = foldersToWatch(requested, store.directory());
        const QStringList watched = watcher.directories();
        for (const QString &folder : folders)
            if (!watched.contains(folder))
                watcher.addPath(folder);
        for (const ListedMessage &row : store.list()) {
            if (looked.contains(row.message.id))
                continue;
            looked.insert(row.message.id);
            const MessageSummary summary = inboxSummary(store, row);
            if (!matchesMailQuery(wanted, inboxSearchFields(row.message, summary)))
                continue;
            const QByteArray out = json ? QJsonDocument(inboxListJson(row.message, summary)).toJson(QJsonDocument::Indented)
                                        : row.message.id.toUtf8() + '\n';
            finish(writeStdout(out) ? ExitSuccess : ExitFailure);
            return;
        }
    };
    QObject::connect(&watcher, &QFileSystemWatcher::directoryChanged, &watcher, check);
    QObject::connect(&poll, &QTimer::timeout, &poll, check);
    QObject::connect(&deadline, &QTimer::timeout, &deadline, [&] {
        if (finished)
            return;
        check();
        if (!finished) {
            printError(command, Cli::tr("no matching message in %1 within %n second(s)", nullptr, seconds)
                                    .arg(QDir::toNativeSeparators(MailStore(requested).directory())));
            finish(ExitFailure);
        }
    });
    QObject::connect(&signalWatcher, &SignalWatcher::received, &signalWatcher, [&] { finish(ExitFailure); });

    check();   // after the watch is in place: a message stored meanwhile is seen either way
    if (finished)
        return exitCode;
    if (seconds == 0) {
        printError(command, Cli::tr("no matching message in %1").arg(QDir::toNativeSeparators(MailStore(requested).directory())));
        return ExitFailure;
    }
    poll.start(1000);
    deadline.start(seconds * 1000);
    // Said once the watch is in place and the loop runs: a script (or a test) may send its mail,
    // or its SIGTERM, from here on, and the loop is there to take it.
    const QString waiting = Cli::tr("waiting for a message in %1").arg(QDir::toNativeSeparators(MailStore(requested).directory()));
    QTimer::singleShot(0, &poll, [waiting] { printLine(waiting); });
    return QCoreApplication::exec();
}

} // namespace socketeer::cli
