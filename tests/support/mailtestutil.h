#pragma once
// What the mail tests share: files with known bytes, and Python's email package as the
// independent reader of what we built or sent (tests/peers/mail_inspect.py).

#include "mail/mailaddress.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace testsupport {

inline QString u(const char *utf8) { return QString::fromUtf8(utf8); }

QByteArray sha256Hex(const QByteArray &bytes);
QByteArray randomBytes(qsizetype size);
bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);

// mail_inspect.py's JSON for the .eml at `path`; an empty object (and a warning) on failure.
QJsonObject inspectMail(const QString &path);

// Certificates made by the openssl command for one test run, all for "localhost" and 127.0.0.1:
// a CA and a server certificate it signed, and a self-signed one no CA vouches for.
struct TestCertificates {
    QString caPem;
    QString serverPem, serverKey;
    QString selfSignedPem, selfSignedKey;
};
// Made in `dir`; fails (with a warning) when openssl is missing or refuses.
bool makeTestCertificates(const QString &dir, TestCertificates *out);
// The SHA-256 fingerprint of the first certificate in a PEM file, as "AB:CD:…".
QString pemFingerprint(const QString &path);

// A test's own address literal, parsed; a typo in a test stops it at once.
socketeer::MailAddress mailAddress(const char *text);

} // namespace testsupport
