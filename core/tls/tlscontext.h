#pragma once
// The settings every TLS connection of one side shares (OpenSSL's SSL_CTX): a server's certificate
// and key, or a client's trust (system store, optional CA file) and ALPN list. Made once, shared
// (shared_ptr) by every session of a server or client; immutable once made, so any thread may use it.
// TLS 1.2 is the oldest version spoken; renegotiation is refused.

#include "net/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace socketeer {

struct TlsClientOptions {
    QString caFile;          // PEM file of extra CA certificates; empty: the system's trust store only
    bool verify = true;      // false only for a user who explicitly asked (verification result still reported)
    QStringList alpn;        // offered protocols, in order of preference ("h2", "http/1.1"); empty: none
};

class TlsContext {
public:
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    // A server's: the certificate (the first PEM certificate in the file, any further ones sent as
    // its chain) and its private key (PEM, unencrypted). Errors name the file and say what is wrong:
    // missing, unreadable, not a certificate / key, the key does not match the certificate.
    static Result<std::shared_ptr<const TlsContext>> server(const QString &certificateFile, const QString &keyFile);
    // A client's: verification against the system's trust store plus `caFile`; the host name is
    // given per connection (TlsSession::client).
    static Result<std::shared_ptr<const TlsContext>> client(const TlsClientOptions &options);

    bool isServer() const { return m_server; }
    bool verifies() const { return m_verify; }
    // The server's own certificate (DER) and its SHA-256 as "AB:CD:…"; empty for a client context.
    const QByteArray &certificateDer() const { return m_certificateDer; }
    const QString &certificateSha256() const { return m_sha256; }

    struct Handle;   // the SSL_CTX, for tlssession.cpp only
    Handle &handle() const { return *m_handle; }

private:
    TlsContext();
    std::unique_ptr<Handle> m_handle;
    QByteArray m_certificateDer;
    QString m_sha256;
    bool m_server = false;
    bool m_verify = true;
};

// "AB:CD:…" of SHA-256(der), the format the mail client's trust store and certificate dialog use.
QString certificateFingerprint(const QByteArray &der);

} // namespace socketeer
