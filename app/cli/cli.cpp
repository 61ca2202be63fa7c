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

int parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    if (!parser.parse(arguments)) {
        printError(command, Cli::tr("%1 (see socketeer %2 --help)").arg(parser.errorText(), command));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the executable by argv[0] and knows nothing of subcommands.
        // The first line is "Usage: <argv[0]> [options] <positional syntax>": name it properly.
        QString text = parser.helpText();
        const qsizetype programStart = text.indexOf(QLatin1Char(' ')) + 1;
        const qsizetype programEnd = text.indexOf(QStringLiteral(" [options]"));
        if (programStart > 0 && programEnd > programStart)
            text.replace(programStart, programEnd - programStart, QStringLiteral("socketeer ") + command);
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
