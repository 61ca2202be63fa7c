#pragma once
// The socketeer command line run as a peer, the way a script runs it, with its stderr collected
// (Peer reads only stdout).

#include "peer.h"

#include <QDeadlineTimer>

#include <csignal>

namespace testsupport {

// The CLI as a peer, with its stderr collected (Peer reads only stdout).
class Cli : public Peer {
public:
    bool start(const QStringList &arguments) { return startProgram(QStringLiteral(SOCKETEER_CLI_PATH), arguments); }

    // Waits until stderr has shown `needle` (or the process ended, or time ran out).
    bool waitForError(const QByteArray &needle, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            m_errors += process().readAllStandardError();
            if (m_errors.contains(needle))
                return true;
            if (deadline.hasExpired() || process().state() == QProcess::NotRunning)
                return false;
            // waitForReadyRead watches the current channel only; Peer reads stdout, so switch back.
            process().setReadChannel(QProcess::StandardError);
            process().waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 200)));
            process().setReadChannel(QProcess::StandardOutput);
        }
    }
    // The exit status, and on a crash (a sanitizer's abort, say) what the CLI said on stderr, so that
    // the test log shows why rather than only a signal number.
    int exitCode()
    {
        if (process().state() == QProcess::NotRunning && process().exitStatus() == QProcess::CrashExit) {
            qWarning("socketeer crashed (signal %d); its stderr:\n%s", Peer::exitCode(), errors().constData());
            return -1;
        }
        return Peer::exitCode();
    }
    QByteArray errors()
    {
        m_errors += process().readAllStandardError();
        return m_errors;
    }
    // "<prefix> HOST PORT" as the first stdout line: returns PORT, 0 on failure.
    quint16 readPortLine(const QByteArray &prefix, QByteArray *host = nullptr)
    {
        bool ok = false;
        const QByteArray line = readLine(10000, &ok);
        const QList<QByteArray> words = line.split(' ');
        if (!ok || !line.startsWith(prefix) || words.size() < 2)
            return 0;
        if (host)
            *host = words.at(words.size() - 2);
        return static_cast<quint16>(words.constLast().toUInt());
    }
    // Sends `signalNumber` and expects a clean, prompt exit 0.
    bool stopsCleanlyOn(int signalNumber)
    {
        ::kill(static_cast<pid_t>(process().processId()), signalNumber);
        return waitForFinished(5000) && process().exitStatus() == QProcess::NormalExit && exitCode() == 0;
    }

private:
    QByteArray m_errors;
};

} // namespace testsupport
