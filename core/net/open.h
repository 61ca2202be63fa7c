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
// How a datagram socket shares its port. By default it does not: a second bind is "in use".
struct DatagramSharing {
    // SO_REUSEADDR: several listeners on one machine (two windows, a window and `socketeer
    // rooms`) each get every broadcast and multicast datagram to the port. Only for a port that
    // nobody sends unicast to, since Linux would hand unicast to one of them.
    bool shareAddress = false;
    // IPV6_V6ONLY: an IPv6 socket takes IPv6 only, so an IPv4 one can be bound beside it without
    // both getting each IPv4 datagram.
    bool v6Only = false;
};
Result<Socket> bindDatagram(const Endpoint &endpoint, bool nonBlocking, DatagramSharing sharing = {});

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
