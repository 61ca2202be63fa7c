#pragma once
// A development certificate, so a newcomer can turn TLS on without knowing openssl's options:
// a self-signed certificate for localhost, 127.0.0.1 and ::1 (EC P-256, X.509 v3, a year) made with
// libcrypto (Qt 6.4 cannot make keys) on first use and kept in a folder the caller names (the app
// passes its data folder + "/tls"). The key file is the user's only (0600) from the moment it
// exists. Reused while valid; made anew when missing, broken, expired or about to expire.

#include "net/error.h"

#include <QDateTime>
#include <QString>

namespace socketeer {

struct DevCertificate {
    QString certificateFile;   // <folder>/dev-cert.pem
    QString keyFile;           // <folder>/dev-key.pem, mode 0600
    QString sha256;            // "AB:CD:…", what a client trusts
    QDateTime notBefore;
    QDateTime notAfter;
    bool created = false;      // made by this call (not reused)
};

struct DevCertificateOptions {
    // The time the certificate is made and checked at; invalid: now. Tests make expired ones.
    QDateTime now;
    int validDays = 365;
};

// The folder is created (mode 0700) if missing; only the two files named above (and a temporary
// "dev-key.pem.tmp") are ever written in it.
Result<DevCertificate> ensureDevCertificate(const QString &folder, const DevCertificateOptions &options = {});

// QStandardPaths' AppDataLocation + "/tls": where the window and `socketeer serve --tls-dev-cert`
// keep it, so both serve the same certificate and a client trusts it once.
QString defaultDevCertificateFolder();
// Where ensureDevCertificate keeps the two files in `folder`, without making them (the code view
// names them in the program it shows).
QString devCertificateFile(const QString &folder);
QString devKeyFile(const QString &folder);

} // namespace socketeer
