#pragma once
// Plain values shared by the TCP client's front end, its worker and its users.

#include "net/address.h"
#include "net/limits.h"

#include <QStringList>

#include <chrono>
#include <memory>

namespace socketeer {

class AutoReplier;
class TlsContext;

struct TcpClientConfig {
    Endpoint endpoint;   // host and port, or unixPath for AF_UNIX
    std::chrono::milliseconds connectTimeout = limits::kConnectTimeout;   // per address the name resolves to
    qint64 maxQueuedBytes = limits::kClientQueueBytes;                   // unsent bytes before a non-reading peer is dropped
    // TLS (a client context, TlsContext::client): the handshake follows connect(), before
    // connected() is reported. The certificate is checked for `tlsServerName` (sent as SNI; empty:
    // the host connected to); one that fails verification is refused unless its SHA-256 is in
    // `trustedFingerprints`. Null: plain TCP.
    std::shared_ptr<const TlsContext> tls;
    QString tlsServerName;
    QStringList trustedFingerprints;
    std::chrono::milliseconds tlsHandshakeTimeout = limits::kTlsHandshakeTimeout;
    // Auto-reply rules (core/text/autoreply.h), run by the worker on what arrives. Null: none.
    std::shared_ptr<const AutoReplier> rules;
};

} // namespace socketeer
