#pragma once
// The OpenSSL side of TlsContext: for core/tls's own .cpp files only.

#include "tlscontext.h"

#include <openssl/ssl.h>

namespace socketeer {

struct TlsContext::Handle {
    SSL_CTX *ctx = nullptr;
    QByteArray alpnWire;   // the client's ALPN list in wire format (length-prefixed names)
    ~Handle() { SSL_CTX_free(ctx); }
};

} // namespace socketeer
