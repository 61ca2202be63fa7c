#pragma once
// TLS over a TCP connection the core already made, for a worker that works in blocking steps
// (the SMTP client): QSslSocket takes the connected descriptor over (setSocketDescriptor), then
// does the client handshake, verifying the server's certificate against the system's trust store
// (plus a CA file, if named) and the server's name. Each call waits in a local event loop of the
// calling thread until it is done, its deadline passes, or the cancel Wakeup is signalled.
//
// A certificate that fails verification is refused, and described (TlsCertificateInfo) so a
// person can look at it; it is accepted only when its SHA-256 fingerprint is in the trusted list
// the caller passes — trust is given to one certificate, never to "anything".

#include "certificateinfo.h"
#include "error.h"
#include "ownedfd.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>
#include <span>

namespace socketeer {

class Wakeup;

struct TlsOptions {
    QString peerName;                  // checked against the certificate: the host we were asked for
    QString caFile;                    // PEM file of extra CA certificates; empty: system store only
    QStringList trustedFingerprints;   // SHA-256 of certificates trusted although verification fails
};

class TlsStream {
public:
    using Deadline = std::chrono::steady_clock::time_point;
    explicit TlsStream(const Wakeup *cancel = nullptr);
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    // Takes `connected` over (it is closed by the stream from now on) and completes the client
    // handshake. A timeout is ErrorKind::Timeout, a cancel carries ECANCELED, a refused
    // certificate is ErrorKind::Tls with rejectedCertificate() set.
    Result<void> startClient(OwnedFd connected, const TlsOptions &options, Deadline deadline);

    // Hands `bytes` to the TLS layer and waits until no more than a bounded amount (256 KiB)
    // is still queued, so a long stream never piles up in memory.
    Result<void> write(QByteArrayView bytes, Deadline deadline);
    // Waits for at least one decrypted byte; 0 when the server closed the connection.
    Result<std::size_t> read(std::span<char> buffer, Deadline deadline);
    // "TLS 1.3, TLS_AES_256_GCM_SHA384": what was negotiated, for the transcript.
    QString sessionDescription() const;
    const std::optional<TlsCertificateInfo> &rejectedCertificate() const;
    void close();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer
