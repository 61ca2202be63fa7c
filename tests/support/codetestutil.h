#pragma once
// What the tests of generated programs share: `socketeer code …` run and its program saved, gcc
// run on it as a student would, and the "listening on HOST PORT" line every generated server and
// `socketeer serve` print first.

#include "peer.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace testsupport {

// `socketeer code ARGUMENTS`, its stdout saved as dir/name: the path, or empty (and a warning).
inline QString generateProgram(const QString &dir, const QString &name, const QStringList &arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(SOCKETEER_CLI_PATH), QStringList{QStringLiteral("code")} + arguments);
    if (!cli.waitForFinished(30000) || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
        qWarning("socketeer code %s failed: %s", qPrintable(arguments.join(u' ')), cli.readAllStandardError().constData());
        return {};
    }
    const QString path = dir + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(cli.readAllStandardOutput()) < 0)
        return {};
    return path;
}

// gcc -Wall -Wextra -Werror, as docs/CODE.md promises (and `extra` flags: a sanitizer): the
// executable's path, or empty (and gcc's words).
inline QString compileC(const QString &source, const QStringList &extra = {})
{
    QString binary = source;
    binary.chop(2);   // ".c"
    QProcess gcc;
    gcc.setProcessChannelMode(QProcess::MergedChannels);
    QStringList flags{QStringLiteral("-Wall"), QStringLiteral("-Wextra"), QStringLiteral("-Werror"), QStringLiteral("-pthread"),
                      QStringLiteral("-o"), binary, source};
    // A TLS program links OpenSSL, as its "Build:" line says.
    QFile text(source);
    if (text.open(QIODevice::ReadOnly) && text.readAll().contains("#include <openssl/ssl.h>"))
        flags << QStringLiteral("-lssl") << QStringLiteral("-lcrypto");
    gcc.start(QStringLiteral("gcc"), flags + extra);
    if (!gcc.waitForFinished(120000) || gcc.exitCode() != 0) {
        qWarning("gcc %s: %s", qPrintable(source), gcc.readAll().constData());
        return {};
    }
    return binary;
}

// The port of the first line, "listening on HOST PORT"; 0 if it did not come.
inline quint16 readListening(Peer &peer)
{
    bool ok = false;
    const QByteArray line = peer.readLine(20000, &ok);
    if (!ok || !line.startsWith("listening on ")) {
        qWarning("expected \"listening on HOST PORT\", got \"%s\"; stderr: %s", line.constData(), peer.standardError().constData());
        return 0;
    }
    return static_cast<quint16>(line.mid(line.lastIndexOf(' ') + 1).toUInt());
}

// Reads lines until one starts with `prefix` (a server's "Connected by" lines come in between);
// that line, or empty.
inline QByteArray readLineStartingWith(Peer &peer, const QByteArray &prefix)
{
    for (;;) {
        bool ok = false;
        const QByteArray line = peer.readLine(20000, &ok);
        if (!ok)
            return {};
        if (line.startsWith(prefix))
            return line;
    }
}

} // namespace testsupport
