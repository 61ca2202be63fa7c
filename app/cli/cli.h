#pragma once
// What every subcommand shares: exit codes, the way it talks on stderr and stdout, and option
// parsing that reports a mistake in one line instead of letting QCommandLineParser exit().

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace socketeer {

// The translation context of the command line's strings ("socketeer::Cli"). A class, because
// lupdate files a bare tr() under the enclosing namespace, not under the context used at run time.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Cli)
};

} // namespace socketeer

namespace socketeer::cli {

// Documented in the top-level --help; scripts rely on them.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1,   // a network or runtime error: refused, unreachable, port in use, unknown host
    ExitUsage = 2,     // the command line itself was wrong
};

// A subcommand: "serve", "connect", "udp". `arguments` is the program path followed by the
// subcommand's own arguments (the subcommand's name removed), the shape QCommandLineParser wants.
struct Command {
    const char *name;
    const char *summary;   // untranslated; translated when shown
    int (*run)(const QStringList &arguments);
};

const Command *findCommand(const QString &name);
// For `socketeer --help`: one line per subcommand, then what the exit statuses mean.
QString commandSummaries();
QStringList commandNames();

int runServe(const QStringList &arguments);
int runConnect(const QStringList &arguments);
int runUdp(const QStringList &arguments);
int runMail(const QStringList &arguments);
int runInbox(const QStringList &arguments);
int runCode(const QStringList &arguments);
int runLab(const QStringList &arguments);
int runRelay(const QStringList &arguments);
int runRooms(const QStringList &arguments);

// Process-wide settings for a subcommand: SIGPIPE ignored so a closed stdout is an error we report
// rather than a silent death (sockets already use MSG_NOSIGNAL).
void prepareProcess();

// Binary-exact, unbuffered, every byte or an error (errno kept).
bool writeStdout(const QByteArray &bytes);
// One line on stderr; the line ending is added.
void printLine(const QString &line);
// "socketeer serve: <message>" on stderr.
void printError(const QString &command, const QString &message);
void printWarning(const QString &command, const QString &message);

// --language LANG and --language=LANG, which every subcommand accepts before or after its name
// (up to a "--"): taken out of `arguments` (argv as a list, the program first) and returned, so
// that the translations can be installed before any parser speaks. Absent: a null string. A bare
// "--language" at the end stays, for the parser to report its missing value.
QString takeLanguageOption(QStringList &arguments);

// QCommandLineParser's help begins "Usage: <argv[0]> [options] …" (in the installed language):
// names the program `name` ("socketeer serve") instead.
QString renameProgramInHelp(QString helpText, const QString &name);

// Parses, and answers --help and --version itself. Returns -1 when the command should go on, or
// the exit code to return now (after printing help, the version or a one-line usage error).
int parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments);

} // namespace socketeer::cli
