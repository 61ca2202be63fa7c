#include "mailtestutil.h"

#include "peer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace testsupport {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject inspectMail(const QString &path)
{
    Peer peer;
    if (!peer.startPython(QStringLiteral("mail_inspect.py"), {path}))
        return {};
    bool ok = false;
    const QByteArray line = peer.readLine(30000, &ok);
    peer.waitForFinished(30000);
    if (!ok || peer.exitCode() != 0) {
        qWarning("mail_inspect.py failed: %s", peer.standardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(line).object();
}

socketeer::MailAddress mailAddress(const char *text)
{
    auto parsed = socketeer::parseMailAddress(u(text));
    if (!parsed)
        qFatal("test address %s: %s", text, qPrintable(parsed.error().message()));
    return *parsed;
}

} // namespace testsupport
