#pragma once
// One TLS connection over a connected, non-blocking descriptor that the caller keeps owning (and
// closes). Every call is one non-blocking step: it returns what happened or what it waits for,
// so the event loop's epoll and a session thread's poll() drive it the same way a plain socket is
// driven. OpenSSL reads and writes the descriptor through a small BIO of ours (send() with
// MSG_NOSIGNAL, like every send in core: no SIGPIPE); the calls are recorded by the trace as
// SSL_do_handshake / SSL_read / SSL_write / SSL_shutdown.
//
// Writes are partial (SSL_MODE_ENABLE_PARTIAL_WRITE): a write returns the plaintext bytes taken as
// soon as one record is out, and after WantWrite the same bytes must be offered again, from any
// address (SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER) — exactly what SendQueue does.

#include "net/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <span>

namespace socketeer {

class TlsContext;

class TlsSession {
public:
    enum class Status {
        Done,        // the step finished (handshake complete, close_notify sent, bytes moved)
        WantRead,    // call again when the descriptor is readable
        WantWrite,   // call again when the descriptor is writable
        Closed,      // the peer ended the TLS connection (close_notify, or EOF: see errorString())
        Error,       // errorString() says why; the connection is unusable
    };
    struct Io {
        Status status = Status::Done;
        std::size_t bytes = 0;   // with Done
    };

    static Result<std::unique_ptr<TlsSession>> server(std::shared_ptr<const TlsContext> context, int fd);
    // `serverName`: sent as SNI (unless it is an IP address) and checked against the certificate
    // when the context verifies. A certificate that fails verification is refused unless its
    // SHA-256 is in `trustedFingerprints` (any spelling).
    static Result<std::unique_ptr<TlsSession>> client(std::shared_ptr<const TlsContext> context, int fd, const QString &serverName,
                                                      const QStringList &trustedFingerprints = {});
    ~TlsSession();
    TlsSession(const TlsSession &) = delete;
    TlsSession &operator=(const TlsSession &) = delete;

    Status handshake();
    bool isEstablished() const { return m_established; }
    Io read(std::span<char> buffer);
    Io write(std::span<const char> data);
    // read() and write() as the engines use a socket's recv()/send(): bytes moved, 0 when the peer
    // ended TLS, EAGAIN (ErrorKind Receive/Send) while OpenSSL waits for the descriptor, or an
    // ErrorKind::Tls error. `*readWantsWrite` is set when a read must wait until it is writable.
    Result<std::size_t> receive(std::span<char> buffer, bool *readWantsWrite);
    Result<std::size_t> send(std::span<const char> data);
    // Sends close_notify (once); Done when it is out. Reading may go on afterwards.
    Status shutdown();
    // Decrypted bytes (or a whole record) held inside OpenSSL: epoll will not say so.
    bool hasBufferedInput() const;

    // Why the last call returned Error (or Closed without close_notify), in readable words.
    const QString &errorString() const { return m_error; }
    bool closedWithoutNotify() const { return m_eofWithoutNotify; }

    // After the handshake.
    QString protocol() const;   // "TLSv1.3"
    QString cipher() const;     // "TLS_AES_256_GCM_SHA384"
    QByteArray peerCertificateDer() const;
    QString peerCertificateSha256() const;
    bool verified() const;      // the peer's certificate verified (chain and name)
    QString verifyResultText() const;   // "ok", or OpenSSL's reason ("self-signed certificate")
    QByteArray alpn() const;    // the protocol ALPN agreed on, empty if none

private:
    TlsSession();
    Status classify(int rc, const char *call);

    struct Impl;
    std::unique_ptr<Impl> d;
    QString m_error;
    bool m_established = false;
    bool m_eofWithoutNotify = false;
    bool m_shutdownSent = false;
};

} // namespace socketeer
