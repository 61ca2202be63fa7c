#pragma once
// The usual opening sequences, each tried over every address a name resolves to:
// TCP server: socket → setsockopt(SO_REUSEADDR) → bind → listen; UDP: socket → bind (no
// SO_REUSEADDR on datagram sockets, see bindOne() in open.cpp: on Linux it would let a second
// socket share the port); client: socket → connect.
// Blocking (they resolve names): worker threads only.

#include "socket.h"

#include <chrono>
#include <vector>

namespace socketeer {

class Wakeup;

Result<Socket> listenOn(const Endpoint &endpoint, int backlog, bool nonBlocking);
Result<Socket> bindDatagram(const Endpoint &endpoint, bool nonBlocking);

// Connects with a timeout — one deadline across every address the name resolves to, not one
// each; a negative timeout waits as long as the system does. A signal on `cancel` (if given)
// abandons the attempt at once, without trying further addresses (the error is then ECANCELED).
// The socket comes back non-blocking.
Result<Socket> connectTo(const Endpoint &endpoint, std::chrono::milliseconds timeout, const Wakeup *cancel);
// The same over addresses already resolved, tried in order. When every one fails, the error that
// says most is reported: "refused" or "timed out" from one address rather than "network
// unreachable" or "address family not supported" from another (an IPv6 attempt on a machine
// without IPv6); among equals, the earliest.
Result<Socket> connectToAny(const std::vector<SocketAddress> &addresses, std::chrono::milliseconds timeout,
                            const Wakeup *cancel);

} // namespace socketeer
