#include "mailtestutil.h"

#include "peer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QtDebug>

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

namespace {
bool openssl(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning() << "openssl" << arguments << "failed:" << process.readAll();
        return false;
    }
    return true;
}
} // namespace

bool makeTestCertificates(const QString &dir, TestCertificates *out)
{
    const QString names = QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1");
    if (!writeFile(dir + QStringLiteral("/server.ext"), names.toLatin1() + '\n'))
        return false;
    // EC keys: made in milliseconds, where RSA keys would take a noticeable part of a second each.
    const QStringList key = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const QString days = QStringLiteral("2");
    const bool made =
        openssl(dir, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + key +
                         QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                     QStringLiteral("ca.pem"), QStringLiteral("-days"), days, QStringLiteral("-subj"),
                                     QStringLiteral("/CN=Socketeer Test CA")})
        && openssl(dir, QStringList{QStringLiteral("req")} + key +
                            QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                        QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")})
        && openssl(dir, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                         QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                         QStringLiteral("-days"), days, QStringLiteral("-extfile"), QStringLiteral("server.ext")})
        && openssl(dir, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + key +
                            QStringList{QStringLiteral("-keyout"), QStringLiteral("self.key"), QStringLiteral("-out"),
                                        QStringLiteral("self.pem"), QStringLiteral("-days"), days, QStringLiteral("-subj"),
                                        QStringLiteral("/CN=localhost"), QStringLiteral("-addext"), names});
    if (!made)
        return false;
    const QDir d(dir);
    out->caPem = d.filePath(QStringLiteral("ca.pem"));
    out->serverPem = d.filePath(QStringLiteral("server.pem"));
    out->serverKey = d.filePath(QStringLiteral("server.key"));
    out->selfSignedPem = d.filePath(QStringLiteral("self.pem"));
    out->selfSignedKey = d.filePath(QStringLiteral("self.key"));
    return true;
}

QString pemFingerprint(const QString &path)
{
    const auto certificates = QSslCertificate::fromPath(path, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (certificates.isEmpty())
        return {};
    const QByteArray hex = certificates.first().digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(u':');
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
