#pragma once
// Plain values shared by the TCP client's front end, its worker and its users.

#include "net/address.h"

#include <chrono>

namespace socketeer {

struct TcpClientConfig {
    Endpoint endpoint;   // host and port, or unixPath for AF_UNIX
    std::chrono::milliseconds connectTimeout{10000};   // per address the name resolves to
    qint64 maxQueuedBytes = 64 * 1024 * 1024;          // unsent bytes before a non-reading peer is dropped
};

} // namespace socketeer
