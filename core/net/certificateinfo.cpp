#include "certificateinfo.h"

#include <QCryptographicHash>
#include <QSslCertificate>

#include <cctype>

namespace socketeer {

TlsCertificateInfo describeCertificate(const QByteArray &der, const QStringList &problems)
{
    const QSslCertificate certificate(der, QSsl::Der);
    TlsCertificateInfo info;
    info.problems = problems;
    if (certificate.isNull())
        return info;
    info.subject = certificate.subjectDisplayName();
    info.issuer = certificate.issuerDisplayName();
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        info.names << it.value();
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    info.sha256 = normalizedFingerprint(QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()));
    info.pem = certificate.toPem();
    return info;
}

QString normalizedFingerprint(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        if (!isxdigit(c.toLatin1()) || c.unicode() >= 0x80)
            return {};
        hex += c.toUpper();
    }
    if (hex.size() != 64)
        return {};
    QString out;
    for (int i = 0; i < hex.size(); i += 2) {
        if (i)
            out += u':';
        out += QStringView(hex).mid(i, 2);
    }
    return out;
}

} // namespace socketeer
