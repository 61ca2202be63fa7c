#pragma once
// The usual opening sequences, each tried over every address a name resolves to:
// server: socket → setsockopt(SO_REUSEADDR) → bind → listen; client: socket → connect.
// Blocking (they resolve names): worker threads only.

#include "socket.h"

#include <chrono>

namespace socketeer {

class Wakeup;

Result<Socket> listenOn(const Endpoint &endpoint, int backlog, bool nonBlocking);
Result<Socket> bindDatagram(const Endpoint &endpoint, bool nonBlocking);

// Connects with a timeout; a signal on `cancel` (if given) abandons the attempt at once.
// The socket comes back non-blocking.
Result<Socket> connectTo(const Endpoint &endpoint, std::chrono::milliseconds timeout, const Wakeup *cancel);

} // namespace socketeer
