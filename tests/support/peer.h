#pragma once
// A peer this project did not write, run as a child process: a python3 script from tests/peers/
// in the tutorial's style, or a system tool such as nc or socat. The test talks to it over real
// sockets and reads what it prints.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

// A program a test talks to (swaks, nc, socat…) that scripts/install-deps.sh installs: missing, it
// is a broken test machine, so the test fails and says how to mend it (a skip would pass).
#define SOCKETEER_REQUIRE_PROGRAM(program) \
    QVERIFY2(testsupport::Peer::haveProgram(program), \
             qPrintable(QStringLiteral("%1 is not installed: scripts/install-deps.sh installs it").arg(program)))

namespace testsupport {

class Peer {
public:
    Peer() = default;
    ~Peer();   // kills the process if it is still running
    Peer(const Peer &) = delete;
    Peer &operator=(const Peer &) = delete;

    // /usr/bin/python3 tests/peers/<script> args… (Debian's interpreter, for Debian's modules).
    bool startPython(const QString &script, const QStringList &arguments = {});
    bool startProgram(const QString &program, const QStringList &arguments);

    // Waits for the next whole line on stdout (without its newline); empty optional-like: ok=false.
    QByteArray readLine(int timeoutMs = 10000, bool *ok = nullptr);
    // Waits until stdout has at least `count` bytes more than already taken, then takes them.
    QByteArray readBytes(qsizetype count, int timeoutMs = 10000);
    // The first line of the tutorial-style peers is "listening on PORT": returns PORT (0 on failure).
    quint16 readListeningPort(int timeoutMs = 10000);
    void write(const QByteArray &data);
    void closeWrite();
    bool waitForFinished(int timeoutMs = 10000);
    int exitCode() const { return m_process.exitCode(); }
    QByteArray standardError() { return m_process.readAllStandardError(); }
    QProcess &process() { return m_process; }

    static QString peersDir();
    static bool haveProgram(const QString &program);

private:
    QProcess m_process;
    QByteArray m_buffer;
};

} // namespace testsupport
