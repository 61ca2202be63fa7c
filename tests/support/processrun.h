#pragma once
// Runs a program to its end with a time limit, for the tests that call tools rather than talk to a
// peer (groff, man, zsh, cpack, dpkg, the validators): its exit code and both outputs. A program
// that does not finish in time is killed, and the result says "timed out" with exit code -1.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testsupport {

struct ProcessResult {
    int exitCode = -1;   // -1 as well when it did not start, crashed or timed out
    QByteArray out;
    QByteArray err;      // or why it did not run
};

// What to run it with: ProcessOptions().withEnvironment(e).withTimeout(240000)...
class ProcessOptions {
public:
    ProcessOptions &withEnvironment(const QProcessEnvironment &environment)
    {
        m_environment = environment;
        return *this;
    }
    ProcessOptions &withTimeout(int milliseconds)
    {
        m_timeoutMs = milliseconds;
        return *this;
    }
    ProcessOptions &inDirectory(const QString &directory)
    {
        m_directory = directory;
        return *this;
    }
    const QProcessEnvironment &environment() const { return m_environment; }
    int timeoutMs() const { return m_timeoutMs; }
    const QString &directory() const { return m_directory; }

private:
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    int m_timeoutMs = 60000;
    QString m_directory;   // empty: the test's
};

inline ProcessResult runProcess(const QString &program, const QStringList &arguments, const ProcessOptions &options = ProcessOptions())
{
    QProcess process;
    process.setProcessEnvironment(options.environment());
    if (!options.directory().isEmpty())
        process.setWorkingDirectory(options.directory());
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.closeWriteChannel();   // nothing to read: stdin at its end
    if (!process.waitForFinished(options.timeoutMs())) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace testsupport
