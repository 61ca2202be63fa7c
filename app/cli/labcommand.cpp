// socketeer lab run FILE: grades a student's program with a lab (core/lab/, docs/LABS.md). The
// report goes to stdout step by step as the steps finish (or as JSON at the end with --json); the
// exit status says whether every step passed, so a course's script can use it as it is.

#include "cli.h"

#include "lab/labrunner.h"
#include "languages.h"
#include "net/address.h"

#include <QCommandLineParser>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("lab");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

} // namespace

int runLab(const QStringList &arguments)
{
    prepareProcess();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Runs a lab (an exercise of steps: connect, send, expect, …) against a student's program and\n"
                "grades it. FILE is a lab file (docs/LABS.md) or the name of a built-in lab: %1.\n\n"
                "For each step the report shows PASS or FAIL, what was sent, what came back, what was\n"
                "expected and, when it failed, the lab's hint; hidden steps show only whether they passed.\n"
                "The last line is the score. With --json the whole result is printed as one JSON object\n"
                "instead (format \"socketeer-lab-result\", every step in full, hidden ones included).\n\n"
                "Exit status: 0 when every step passed, 1 when a step failed, 2 for a mistake on the\n"
                "command line or in the lab file.")
            .arg(builtInLabNames().join(QStringLiteral(", "))));
    parser.addPositionalArgument(QStringLiteral("run"), Cli::tr("The only action: run a lab."), QStringLiteral("run"));
    parser.addPositionalArgument(QStringLiteral("file"), Cli::tr("The lab file, or a built-in lab's name."), QStringLiteral("FILE"));
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          Cli::tr("The student's server, instead of the lab's own host and port."), Cli::tr("host:port"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Cli::tr("Print the result as JSON for a grading system."));
    // --language, which every subcommand takes (main.cpp), is the report's language too.
    parser.addOptions({targetOption, jsonOption});
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.first() != QLatin1String("run"))
        return usageError(Cli::tr("the action is missing or unknown: socketeer lab run FILE (see socketeer lab --help)"));
    if (positional.size() != 2)
        return usageError(Cli::tr("give one lab file: socketeer lab run FILE"));

    LabRunOptions options;
    options.language = ui::installedLanguage();
    if (parser.isSet(targetOption)) {
        const auto endpoint = parseEndpoint(parser.value(targetOption));
        if (!endpoint || !endpoint->unixPath.isEmpty() || endpoint->host.isEmpty() || endpoint->port == 0)
            return usageError(Cli::tr("--target: \"%1\" is not HOST:PORT").arg(parser.value(targetOption)));
        options.host = endpoint->host;
        options.port = endpoint->port;
    }

    const auto lab = readLab(positional.at(1));
    if (!lab)
        return usageError(lab.error().message());
    const bool needsTarget = lab->target == LabTargetKind::TcpServer || lab->target == LabTargetKind::UdpServer;
    if (needsTarget && lab->port == 0 && options.port == 0)
        return usageError(Cli::tr("the lab names no port for the student's program: give --target HOST:PORT"));

    const bool json = parser.isSet(jsonOption);
    if (!json) {
        QString head = lab->title.in(options.language) + QLatin1Char('\n');
        if (const QString description = lab->description.in(options.language); !description.isEmpty())
            head += description + QLatin1Char('\n');
        writeStdout((head + QLatin1Char('\n')).toUtf8());
    }
    LabCallbacks callbacks;
    if (!json)
        callbacks.stepFinished = [](const LabStepResult &result) { writeStdout(labStepReport(result).toUtf8()); };
    // The student's client is started now: say where, on stderr, so --json's stdout stays one object.
    callbacks.listening = [](const QString &host, quint16 port) {
        printLine(QStringLiteral("socketeer lab: ") + Cli::tr("listening on %1 %2: start the program now").arg(host).arg(port));
    };
    const LabRunResult result = socketeer::runLab(*lab, options, callbacks);
    if (json)
        writeStdout(labResultJson(result));
    else
        writeStdout((QLatin1Char('\n') + labScoreLine(result) + QLatin1Char('\n')).toUtf8());
    return result.passed() ? ExitSuccess : ExitFailure;
}

} // namespace socketeer::cli
