#include "open.h"

#include "wakeup.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Open)
};

Result<Socket> bindOne(const SocketAddress &address, SocketType type, bool nonBlocking, DatagramSharing sharing = {})
{
    auto socket = Socket::create(address.family(), type, nonBlocking);
    if (!socket)
        return socket.error();
    // Stream sockets only: so a stopped server's port can be listened on again at once (no
    // TIME_WAIT refusal). A datagram socket has no TIME_WAIT, and on Linux SO_REUSEADDR would let a
    // second UDP socket bind the same port and quietly take its unicast traffic: "port in use"
    // must be reported instead.
    if (address.family() != AF_UNIX && type == SocketType::Stream) {
        if (auto r = socket->setOption(SOL_SOCKET, SO_REUSEADDR, 1); !r)
            return r.error();
    }
    if (sharing.shareAddress) {
        if (auto r = socket->setOption(SOL_SOCKET, SO_REUSEADDR, 1); !r)
            return r.error();
    }
    if (sharing.v6Only && address.family() == AF_INET6) {
        if (auto r = socket->setOption(IPPROTO_IPV6, IPV6_V6ONLY, 1); !r)
            return r.error();
    }
    if (auto r = socket->bind(address); !r)
        return r.error();
    return std::move(socket).value();
}

template <typename Attempt>
Result<Socket> firstThatWorks(const std::vector<SocketAddress> &addresses, Attempt attempt)
{
    std::optional<Error> firstError;
    for (const auto &address : addresses) {
        auto socket = attempt(address);
        if (socket)
            return socket;
        if (!firstError)
            firstError = socket.error();
    }
    return *firstError;
}

using Clock = std::chrono::steady_clock;

// One address: non-blocking connect, then poll for the answer, the deadline or the cancel.
// `timeout` is the caller's whole timeout, for the message; `deadline` what is left of it.
Result<Socket> connectOne(const SocketAddress &address, std::chrono::milliseconds timeout,
                          std::optional<Clock::time_point> deadline, const Wakeup *cancel)
{
    auto socket = Socket::create(address.family(), SocketType::Stream, true);
    if (!socket)
        return socket;
    const int err = socket->connectEx(address);
    if (err == 0)
        return socket;
    if (err != EINPROGRESS)
        return Error::fromErrno(ErrorKind::Connect, err, address.toString());
    pollfd fds[2] = {{socket->fd(), POLLOUT, 0}, {cancel ? cancel->fd() : -1, POLLIN, 0}};
    for (;;) {
        int wait = -1;
        if (deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
            wait = static_cast<int>(std::clamp<qint64>(left.count(), 0, 1 << 30));
        }
        const int ready = ::poll(fds, cancel ? 2 : 1, wait);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return Error::fromErrno(ErrorKind::Connect, errno, address.toString());
        if (ready == 0)
            return Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT,
                                    Text::tr("connecting to %1 (after %2 ms)").arg(address.toString()).arg(timeout.count()));
        if (cancel && (fds[1].revents & POLLIN))
            return Error::fromErrno(ErrorKind::Connect, ECANCELED, address.toString());
        break;
    }
    if (auto r = socket->finishConnect(address); !r)
        return r.error();
    return socket;
}

// How much a failed connect tells about the destination, to pick the one to report when every
// address failed. Most: the host answered (refused, reset). Then a timeout, or anything unusual
// (a firewall's EACCES, say). Then routing (unreachable). Least: this machine could not even try
// that family, which is what the IPv6 attempt says on a machine without IPv6.
int telling(const Error &error)
{
    if (error.code.category() != std::system_category())
        return 3;
    switch (error.code.value()) {
    case ECONNREFUSED:
    case ECONNRESET:
    case ECONNABORTED:
        return 4;
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
    case EHOSTDOWN:
        return 1;
    case EAFNOSUPPORT:
    case EPFNOSUPPORT:
    case EPROTONOSUPPORT:
    case EADDRNOTAVAIL:
        return 0;
    default:   // ETIMEDOUT among them
        return 3;
    }
}

} // namespace

Result<Socket> listenOn(const Endpoint &endpoint, int backlog, bool nonBlocking)
{
    auto addresses = resolve(endpoint, {SocketType::Stream, true});
    if (!addresses)
        return addresses.error();
    return firstThatWorks(*addresses, [&](const SocketAddress &address) -> Result<Socket> {
        auto socket = bindOne(address, SocketType::Stream, nonBlocking);
        if (!socket)
            return socket;
        if (auto r = socket->listen(backlog); !r)
            return r.error();
        return socket;
    });
}

Result<Socket> bindDatagram(const Endpoint &endpoint, bool nonBlocking, DatagramSharing sharing)
{
    auto addresses = resolve(endpoint, {SocketType::Datagram, true});
    if (!addresses)
        return addresses.error();
    return firstThatWorks(*addresses, [&](const SocketAddress &address) {
        return bindOne(address, SocketType::Datagram, nonBlocking, sharing);
    });
}

Result<Socket> connectTo(const Endpoint &endpoint, std::chrono::milliseconds timeout, const Wakeup *cancel)
{
    auto addresses = resolve(endpoint, {SocketType::Stream, false});
    if (!addresses)
        return addresses.error();
    return connectToAny(*addresses, timeout, cancel);
}

Result<Socket> connectToAny(const std::vector<SocketAddress> &addresses, std::chrono::milliseconds timeout,
                            const Wakeup *cancel)
{
    if (addresses.empty())
        return Error::invalid(QStringLiteral("connectToAny() without an address"));   // a caller's bug
    // One deadline for the whole attempt: a name with four silent addresses must not take four
    // timeouts. An address that fails at once (refused, unreachable) leaves the rest for the next.
    std::optional<Clock::time_point> deadline;
    if (timeout.count() >= 0)
        deadline = Clock::now() + timeout;
    std::optional<Error> best;
    for (const SocketAddress &address : addresses) {
        if (deadline && Clock::now() >= *deadline && best)
            break;   // nothing left to wait with: what we have is the answer
        auto socket = connectOne(address, timeout, deadline, cancel);
        if (socket)
            return socket;
        if (socket.error().code == std::errc::operation_canceled)
            return socket.error();   // the user gave up: no next address, no other error
        if (!best || telling(socket.error()) > telling(*best))
            best = socket.error();   // on a tie the earlier address's: the resolver's order
    }
    return *best;
}

} // namespace socketeer
