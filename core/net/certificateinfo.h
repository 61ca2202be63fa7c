#pragma once
// A server certificate as a person is shown it when it cannot be verified, and the fingerprint
// form trust is given by. One description for both TLS paths (the mail client's QSslSocket, the
// engines' OpenSSL), so one dialog and one trust store serve the compose window and the panels.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace socketeer {

struct TlsCertificateInfo {
    QString subject;
    QString issuer;
    QStringList names;     // the subject alternative names it is valid for ("localhost", "127.0.0.1")
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256;        // upper-case hex, colon-separated: "AB:CD:…", as browsers show it
    QStringList problems;  // why verification failed, in the TLS library's words
    QByteArray pem;
};

// "AB:CD:…" from any spelling of a SHA-256 fingerprint (with or without colons, any case);
// empty when it is not 32 bytes of hex.
QString normalizedFingerprint(const QString &text);

// What a person is shown of a certificate (DER) that could not be verified, with the reasons: the
// one description both TLS paths use (the mail client's QSslSocket, the engines' OpenSSL), so the
// same dialog and trust store serve both.
TlsCertificateInfo describeCertificate(const QByteArray &der, const QStringList &problems);

} // namespace socketeer
