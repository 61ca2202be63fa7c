#include "cli.h"

#include "text/terminaltext.h"

#include <QCommandLineParser>

#include <array>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace socketeer::cli {

namespace {

constexpr auto kCommands = std::to_array<Command>({
    {"serve", QT_TRANSLATE_NOOP("socketeer::Cli", "Listen for TCP connections: a chat or echo server"), &runServe},
    {"connect", QT_TRANSLATE_NOOP("socketeer::Cli", "Connect to a TCP server: stdin to the socket, the socket to stdout"), &runConnect},
    {"udp", QT_TRANSLATE_NOOP("socketeer::Cli", "Send and receive UDP datagrams, one per line"), &runUdp},
    {"mail", QT_TRANSLATE_NOOP("socketeer::Cli", "Send a mail with attachments over SMTP (STARTTLS or TLS, AUTH)"), &runMail},
    {"inbox", QT_TRANSLATE_NOOP("socketeer::Cli", "Receive mail: a local SMTP server that stores every message"), &runInbox},
    {"code", QT_TRANSLATE_NOOP("socketeer::Cli", "Print the equivalent program in Python or C for serve, connect, udp or mail"), &runCode},
    {"lab", QT_TRANSLATE_NOOP("socketeer::Cli", "Grade a student's program with a lab: steps, points, hints"), &runLab},
    {"rooms", QT_TRANSLATE_NOOP("socketeer::Cli", "List the chat rooms announced on the local network"), &runRooms},
    {"relay", QT_TRANSLATE_NOOP("socketeer::Cli", "Forward TCP or UDP between two endpoints, with latency, loss, slicing and resets"), &runRelay},
});

bool writeFd(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n >= 0) {
            data += n;
            size -= n;
            continue;
        }
        if (errno == EINTR)
            continue;
        // Someone else made the descriptor non-blocking (it may be shared with a parent): wait.
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            pollfd out{fd, POLLOUT, 0};
            ::poll(&out, 1, -1);
            continue;
        }
        return false;
    }
    return true;
}

QString exitStatusText()
{
    return Cli::tr("Exit status: 0 on success (and after SIGINT or SIGTERM), 1 for a network or runtime error\n"
              "(refused, unreachable, unknown host, port in use), 2 for a mistake on the command line.");
}

} // namespace

const Command *findCommand(const QString &name)
{
    for (const Command &command : kCommands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

QString commandSummaries()
{
    QString text;
    for (const Command &command : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name).leftJustified(8), QCoreApplication::translate("socketeer::Cli", command.summary));
    return text + QLatin1Char('\n') + exitStatusText() + QLatin1Char('\n');
}

QStringList commandNames()
{
    QStringList names;
    for (const Command &command : kCommands)
        names << QString::fromLatin1(command.name);
    return names;
}

void prepareProcess()
{
    std::signal(SIGPIPE, SIG_IGN);
}

bool writeStdout(const QByteArray &bytes)
{
    return writeFd(STDOUT_FILENO, bytes.constData(), bytes.size());
}

void printLine(const QString &line)
{
    // Lines quote what peers said: their controls are shown, never sent to the terminal.
    const QByteArray bytes = (terminalSafe(line, LineBreaks::Keep) + QLatin1Char('\n')).toLocal8Bit();
    writeFd(STDERR_FILENO, bytes.constData(), bytes.size());
}

void printError(const QString &command, const QString &message)
{
    // One line whatever the message quotes: a CR or LF typed into an argument is shown escaped.
    printLine(QStringLiteral("socketeer %1: %2").arg(command, terminalSafe(message)));
}

void printWarning(const QString &command, const QString &message)
{
    printLine(QStringLiteral("socketeer %1: %2").arg(command, Cli::tr("warning: %1").arg(message)));
}

QString takeLanguageOption(QStringList &arguments)
{
    const QString option = QStringLiteral("--language");
    QString language;
    for (qsizetype i = 1; i < arguments.size();) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == option && i + 1 < arguments.size()) {
            language = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (argument.startsWith(option + QLatin1Char('='))) {
            language = argument.mid(option.size() + 1);
            if (language.isNull())
                language = QLatin1String("");   // given, and empty: the system's
            arguments.remove(i);
        } else {
            ++i;
        }
    }
    return language;
}

QString renameProgramInHelp(QString helpText, const QString &name)
{
    const QStringList arguments = QCoreApplication::arguments();
    const QString program = arguments.isEmpty() ? QString() : arguments.constFirst();
    const qsizetype lineEnd = helpText.indexOf(QLatin1Char('\n'));
    for (const QString &placeholder : {program, QStringLiteral("<executable_name>")}) {
        if (placeholder.isEmpty())
            continue;
        const qsizetype at = helpText.indexOf(placeholder);
        if (at >= 0 && (lineEnd < 0 || at < lineEnd))
            return helpText.replace(at, placeholder.size(), name);
    }
    return helpText;
}

int parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    // Taken out of the arguments before parsing (takeLanguageOption): here for --help to show, and
    // for a "--language" without a value to be reported like any other option's.
    parser.addOption({QStringLiteral("language"),
                      QCoreApplication::translate("socketeer::Gui", "Use this language: en or zh_CN (default: the system's)."),
                      QStringLiteral("LANG")});
    if (!parser.parse(arguments)) {
        printError(command, Cli::tr("%1 (see socketeer %2 --help)").arg(parser.errorText(), command));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the executable by argv[0] and knows nothing of subcommands.
        QString text = renameProgramInHelp(parser.helpText(), QStringLiteral("socketeer ") + command);
        text += QLatin1Char('\n') + exitStatusText() + QLatin1Char('\n');
        writeStdout(text.toLocal8Bit());
        return ExitSuccess;
    }
    if (parser.isSet(version)) {
        writeStdout(QStringLiteral("socketeer %1\n").arg(QCoreApplication::applicationVersion()).toLocal8Bit());
        return ExitSuccess;
    }
    return -1;
}

} // namespace socketeer::cli
