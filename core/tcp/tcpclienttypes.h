#pragma once
// Plain values shared by the TCP client's front end, its worker and its users.

#include "net/address.h"
#include "net/limits.h"

#include <chrono>

namespace socketeer {

struct TcpClientConfig {
    Endpoint endpoint;   // host and port, or unixPath for AF_UNIX
    std::chrono::milliseconds connectTimeout = limits::kConnectTimeout;   // per address the name resolves to
    qint64 maxQueuedBytes = limits::kClientQueueBytes;                   // unsent bytes before a non-reading peer is dropped
};

} // namespace socketeer
