#pragma once
// Running `socketeer lab run` against a student program from tests/peers/students/, for the lab
// suites (tst_clilab, tst_clilabchat).

#include "clipeer.h"

#include <QString>
#include <QStringList>

namespace testsupport {

// Each failing step of a shipped lab waits at most 5 s; a wrong program fails up to ten.
inline constexpr int kLabWait = 120000;

struct LabOutcome {
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

// Starts the student's server on port 0 and runs the lab against it.
// `studentArguments` follow the port (0) on the student's command line.
inline LabOutcome runLabAgainstServer(const QString &lab, const QString &student, const QStringList &extra = {},
                                      const QStringList &studentArguments = {})
{
    LabOutcome outcome;
    Peer server;
    if (!server.startPython(QStringLiteral("students/") + student, QStringList{QStringLiteral("0")} + studentArguments))
        return outcome;
    const quint16 port = server.readListeningPort();
    if (!port)
        return outcome;
    Cli cli;
    if (!cli.start(QStringList{QStringLiteral("lab"), QStringLiteral("run"), lab, QStringLiteral("--target"),
                               QStringLiteral("127.0.0.1:%1").arg(port)} + extra)
        || !cli.waitForFinished(kLabWait))
        return outcome;
    outcome.exit = cli.exitCode();
    outcome.out = cli.process().readAllStandardOutput();
    outcome.err = cli.errors();
    return outcome;
}

} // namespace testsupport
