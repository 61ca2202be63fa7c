#pragma once
// For the tests of `socketeer inbox list|show|save|delete|wait`: a receiver (`socketeer inbox
// --port 0`) to deliver to, and one verb run to its end with its output and exit status.

#include "clipeer.h"

#include <QJsonDocument>
#include <QStringList>

namespace testsupport {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// `socketeer inbox VERB ARGS…` to its end.
inline CliRun runInbox(const QStringList &arguments, int timeoutMs = 30000)
{
    Cli cli;
    CliRun run;
    QStringList all{QStringLiteral("inbox")};
    all += arguments;
    if (!cli.start(all) || !cli.waitForFinished(timeoutMs))
        return run;
    run.exitCode = cli.exitCode();
    run.out = cli.process().readAllStandardOutput();
    run.err = cli.errors();
    return run;
}

// Starts `socketeer inbox --port 0 --dir DIR` and returns its port (0 on failure).
inline quint16 startReceiver(Cli &inbox, const QString &dir)
{
    if (!inbox.start({QStringLiteral("inbox"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--dir"), dir}))
        return 0;
    return inbox.readPortLine("listening on");
}

// The id in the receiver's next "received ID from …" line; empty when none came.
inline QString nextReceivedId(Cli &inbox, int timeoutMs = 20000)
{
    bool ok = false;
    const QByteArray line = inbox.readLine(timeoutMs, &ok);
    if (!ok || !line.startsWith("received "))
        return {};
    return QString::fromUtf8(line.split(' ').value(1));
}

// Sends a message file as it is with Python's smtplib (tests/peers/smtp_send_raw.py).
inline bool sendRaw(quint16 port, const QString &path, const QString &from = QStringLiteral("sender@example.com"))
{
    Peer client;
    return client.startPython(QStringLiteral("smtp_send_raw.py"), {QStringLiteral("127.0.0.1"), QString::number(port), path, from})
           && client.waitForFinished(30000) && client.exitCode() == 0;
}

} // namespace testsupport
