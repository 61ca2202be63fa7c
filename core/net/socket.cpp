#include "socket.h"

#include "faults.h"
#include "trace.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Socket)
};

QString fdText(int fd) { return QStringLiteral("fd %1").arg(fd); }

QString bytesText(long n) { return QStringLiteral("%1 bytes").arg(n); }

bool wouldBlock(int err) { return err == EAGAIN || err == EWOULDBLOCK; }

// A blocked call that gave up because of SO_RCVTIMEO/SO_SNDTIMEO is a timeout, not "not ready".
Error ioError(ErrorKind kind, int err, bool nonBlocking, const QString &detail)
{
    if (wouldBlock(err) && !nonBlocking)
        return Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT, detail);
    return Error::fromErrno(kind, err, detail);
}

} // namespace

QString familyName(int family)
{
    switch (family) {
    case AF_INET: return QStringLiteral("AF_INET");
    case AF_INET6: return QStringLiteral("AF_INET6");
    case AF_UNIX: return QStringLiteral("AF_UNIX");
    default: return QString::number(family);
    }
}

QString Socket::describe() const { return fdText(m_fd.get()); }

Result<Socket> Socket::create(int family, SocketType type, bool nonBlocking)
{
    const int kind = (type == SocketType::Stream ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0);
    const int fd = ::socket(family, kind, 0);
    const int err = fd < 0 ? errno : 0;
    trace::record("socket", [&] {
        return familyName(family) + (type == SocketType::Stream ? QStringLiteral(", SOCK_STREAM") : QStringLiteral(", SOCK_DGRAM"));
    }, [fd] { return fd < 0 ? QStringLiteral("-1") : fdText(fd); }, err);
    if (fd < 0)
        return Error::fromErrno(ErrorKind::Socket, err, QStringLiteral("socket(%1)").arg(familyName(family)));
    Socket socket(OwnedFd(fd), family, type);
    socket.m_nonBlocking = nonBlocking;
    return socket;
}

Result<void> Socket::bind(const SocketAddress &address)
{
    const int rc = ::bind(fd(), address.data(), address.size());
    const int err = rc < 0 ? errno : 0;
    trace::record("bind", [&] { return describe() + QStringLiteral(", ") + address.toString(); }, rc, err);
    if (rc < 0)
        return Error::fromErrno(ErrorKind::Bind, err, address.toString());
    return {};
}

Result<void> Socket::listen(int backlog)
{
    const int rc = ::listen(fd(), backlog);
    const int err = rc < 0 ? errno : 0;
    trace::record("listen", [&] { return describe() + QStringLiteral(", backlog %1").arg(backlog); }, rc, err);
    if (rc < 0)
        return Error::fromErrno(ErrorKind::Listen, err, {});
    return {};
}

Result<Accepted> Socket::accept()
{
    SocketAddress peer;
    *peer.sizePointer() = SocketAddress::capacity();
    int newFd = -1;
    int err = 0;
    do {
        if (faults::detail::g_armed.load(std::memory_order_relaxed) && faults::detail::takeAcceptFault(err)) {
            if (err == EINTR)
                continue;
            break;
        }
        newFd = ::accept4(fd(), peer.data(), peer.sizePointer(), SOCK_CLOEXEC | (m_nonBlocking ? SOCK_NONBLOCK : 0));
        err = newFd < 0 ? errno : 0;
    } while (err == EINTR);
    if (newFd < 0 && wouldBlock(err) && m_nonBlocking)
        return Error::fromErrno(ErrorKind::Accept, err, {}); // not ready: not worth a trace line
    trace::record("accept", [&] { return describe(); }, [&] {
        return newFd < 0 ? QStringLiteral("-1") : fdText(newFd) + QLatin1Char(' ') + peer.toString();
    }, err);
    if (newFd < 0)
        return ioError(ErrorKind::Accept, err, m_nonBlocking, {});
    Socket socket(OwnedFd(newFd), m_family, m_type);
    socket.m_nonBlocking = m_nonBlocking;
    return Accepted{std::move(socket), peer};
}

int Socket::connectEx(const SocketAddress &address)
{
    int rc = ::connect(fd(), address.data(), address.size());
    int err = rc < 0 ? errno : 0;
    // An interrupted connect carries on in the background: wait for it as for EINPROGRESS.
    if (err == EINTR)
        err = EINPROGRESS;
    trace::record("connect", [&] { return describe() + QStringLiteral(", ") + address.toString(); }, rc, err);
    return err;
}

Result<void> Socket::finishConnect(const SocketAddress &address)
{
    auto soError = option(SOL_SOCKET, SO_ERROR);
    if (!soError)
        return soError.error();
    if (*soError != 0) {
        trace::record("connect", [&] { return describe() + QStringLiteral(", ") + address.toString() + QStringLiteral(" (completed)"); },
                      -1L, *soError);
        return Error::fromErrno(ErrorKind::Connect, *soError, address.toString());
    }
    return {};
}

Result<void> Socket::connect(const SocketAddress &address, std::chrono::milliseconds timeout)
{
    if (timeout.count() < 0 && !m_nonBlocking) {
        const int err = connectEx(address);
        if (err == EINPROGRESS) { // interrupted: the kernel finishes it; wait without a limit
            pollfd p{fd(), POLLOUT, 0};
            while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
            }
            return finishConnect(address);
        }
        if (err)
            return Error::fromErrno(ErrorKind::Connect, err, address.toString());
        return {};
    }
    // cpp-httplib's way: non-blocking connect, poll for writable, then SO_ERROR.
    const bool wasNonBlocking = m_nonBlocking;
    if (!wasNonBlocking)
        if (auto r = setNonBlocking(true); !r)
            return r;
    Result<void> result;
    const int err = connectEx(address);
    if (err == EINPROGRESS) {
        pollfd p{fd(), POLLOUT, 0};
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        int ready = 0;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            ready = ::poll(&p, 1, timeout.count() < 0 ? -1 : std::max<int>(0, static_cast<int>(left.count())));
            if (ready >= 0 || errno != EINTR)
                break;
        }
        if (ready == 0) {
            trace::record("connect", [&] { return describe() + QStringLiteral(", ") + address.toString(); }, -1L, ETIMEDOUT);
            result = Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT,
                                      Text::tr("connecting to %1 (after %2 ms)").arg(address.toString()).arg(timeout.count()));
        } else if (ready < 0) {
            result = Error::fromErrno(ErrorKind::Connect, errno, address.toString());
        } else {
            result = finishConnect(address);
        }
    } else if (err) {
        result = Error::fromErrno(ErrorKind::Connect, err, address.toString());
    }
    if (!wasNonBlocking)
        setNonBlocking(false);
    return result;
}

Result<std::size_t> Socket::recv(std::span<char> buffer, int flags)
{
    ssize_t n = -1;
    int err = 0;
    do {
        if (faults::detail::g_armed.load(std::memory_order_relaxed) && faults::detail::takeRecvFault(err))
            continue;
        n = ::recv(fd(), buffer.data(), buffer.size(), flags);
        err = n < 0 ? errno : 0;
    } while (err == EINTR);
    if (n < 0 && wouldBlock(err) && m_nonBlocking)
        return Error::fromErrno(ErrorKind::Receive, err, {});
    trace::recordBytes(0, "recv", [&] { return describe() + QStringLiteral(", %1").arg(buffer.size()); },
                       [n] { return n < 0 ? QStringLiteral("-1") : n == 0 ? Text::tr("0 (peer closed)") : bytesText(n); }, err,
                       buffer.data(), n, n);
    if (n < 0)
        return ioError(ErrorKind::Receive, err, m_nonBlocking, {});
    return static_cast<std::size_t>(n);
}

Result<ReceivedDatagram> Socket::recvFrom(std::span<char> buffer, int flags)
{
    ReceivedDatagram datagram;
    *datagram.from.sizePointer() = SocketAddress::capacity();
    ssize_t n = -1;
    int err = 0;
    do {
        if (faults::detail::g_armed.load(std::memory_order_relaxed) && faults::detail::takeRecvFault(err))
            continue;
        *datagram.from.sizePointer() = SocketAddress::capacity();
        // MSG_TRUNC makes Linux return the datagram's real length, so a cut is seen, not hidden.
        n = ::recvfrom(fd(), buffer.data(), buffer.size(), flags | MSG_TRUNC, datagram.from.data(), datagram.from.sizePointer());
        err = n < 0 ? errno : 0;
    } while (err == EINTR);
    if (n < 0 && wouldBlock(err) && m_nonBlocking)
        return Error::fromErrno(ErrorKind::Receive, err, {});
    trace::recordBytes(0, "recvfrom", [&] { return describe() + QStringLiteral(", %1").arg(buffer.size()); },
                       [&] { return n < 0 ? QStringLiteral("-1") : bytesText(n) + QStringLiteral(" ") + datagram.from.toString(); }, err,
                       buffer.data(), n, static_cast<qint64>(buffer.size()));
    if (n < 0)
        return ioError(ErrorKind::Receive, err, m_nonBlocking, {});
    datagram.fullSize = static_cast<std::size_t>(n);
    datagram.size = std::min(datagram.fullSize, buffer.size());
    return datagram;
}

Result<std::size_t> Socket::send(std::span<const char> data, int flags)
{
    const quint64 place = trace::placeInOrder();
    ssize_t n = -1;
    int err = 0;
    do {
        std::size_t length = data.size();
        if (faults::detail::g_armed.load(std::memory_order_relaxed)) {
            if (faults::detail::takeSendFault(err, m_nonBlocking)) {
                if (err == EINTR)
                    continue;
                break;
            }
            length = faults::detail::clampSend(length);
        }
        n = ::send(fd(), data.data(), length, flags | MSG_NOSIGNAL);
        err = n < 0 ? errno : 0;
    } while (err == EINTR);
    if (n < 0 && wouldBlock(err) && m_nonBlocking)
        return Error::fromErrno(ErrorKind::Send, err, {});
    trace::recordBytes(place, "send", [&] { return describe() + QStringLiteral(", %1").arg(data.size()); },
                       [n] { return n < 0 ? QStringLiteral("-1") : bytesText(n); }, err, data.data(), n, n);
    if (n < 0)
        return ioError(ErrorKind::Send, err, m_nonBlocking, {});
    return static_cast<std::size_t>(n);
}

Result<void> Socket::sendAll(std::span<const char> data, std::size_t *sent)
{
    std::size_t done = 0;
    Result<void> result;
    while (done < data.size()) {
        auto n = send(data.subspan(done));
        if (!n) {
            result = n.error();
            break;
        }
        done += *n;
    }
    if (sent)
        *sent = done;
    return result;
}

Result<std::size_t> Socket::sendTo(std::span<const char> data, const SocketAddress &to, int flags)
{
    const quint64 place = trace::placeInOrder();
    ssize_t n = -1;
    int err = 0;
    do {
        // A datagram is sent whole or not at all: EINTR and EAGAIN, never a short write.
        if (faults::detail::g_armed.load(std::memory_order_relaxed) && faults::detail::takeSendFault(err, m_nonBlocking)) {
            if (err == EINTR)
                continue;
            break;
        }
        n = ::sendto(fd(), data.data(), data.size(), flags | MSG_NOSIGNAL, to.data(), to.size());
        err = n < 0 ? errno : 0;
    } while (err == EINTR);
    if (n < 0 && wouldBlock(err) && m_nonBlocking)
        return Error::fromErrno(ErrorKind::Send, err, to.toString());
    trace::recordBytes(place, "sendto", [&] { return describe() + QStringLiteral(", %1, ").arg(data.size()) + to.toString(); },
                       [n] { return n < 0 ? QStringLiteral("-1") : bytesText(n); }, err, data.data(), n, n);
    if (n < 0) {
        if (err == EMSGSIZE)
            return Error::fromErrno(ErrorKind::Limit, err, Text::tr("a datagram of %1 bytes to %2").arg(data.size()).arg(to.toString()));
        return ioError(ErrorKind::Send, err, m_nonBlocking, to.toString());
    }
    return static_cast<std::size_t>(n);
}

Result<SocketAddress> Socket::peerName() const
{
    SocketAddress address;
    *address.sizePointer() = SocketAddress::capacity();
    if (::getpeername(fd(), address.data(), address.sizePointer()) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("getpeername"));
    return address;
}

Result<SocketAddress> Socket::sockName() const
{
    SocketAddress address;
    *address.sizePointer() = SocketAddress::capacity();
    if (::getsockname(fd(), address.data(), address.sizePointer()) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("getsockname"));
    return address;
}

Result<void> Socket::shutdown(int how)
{
    const int rc = ::shutdown(fd(), how);
    const int err = rc < 0 ? errno : 0;
    trace::record("shutdown", [&] {
        return describe() + (how == SHUT_WR ? QStringLiteral(", SHUT_WR") : how == SHUT_RD ? QStringLiteral(", SHUT_RD") : QStringLiteral(", SHUT_RDWR"));
    }, rc, err);
    if (rc < 0)
        return Error::fromErrno(ErrorKind::Socket, err, QStringLiteral("shutdown"));
    return {};
}

void Socket::close()
{
    m_fd.reset();
}

Result<void> Socket::setNonBlocking(bool nonBlocking)
{
    const int flags = ::fcntl(fd(), F_GETFL);
    if (flags < 0 || ::fcntl(fd(), F_SETFL, nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("fcntl(O_NONBLOCK)"));
    m_nonBlocking = nonBlocking;
    return {};
}

Result<void> Socket::setTimeout(std::chrono::milliseconds timeout)
{
    timeval tv{};
    if (timeout.count() > 0) {
        tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
        tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    }
    if (::setsockopt(fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0
        || ::setsockopt(fd(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("setsockopt(SO_RCVTIMEO)"));
    return {};
}

Result<void> Socket::setOption(int level, int name, int value)
{
    if (::setsockopt(fd(), level, name, &value, sizeof value) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("setsockopt(%1, %2)").arg(level).arg(name));
    return {};
}

Result<int> Socket::option(int level, int name) const
{
    int value = 0;
    socklen_t length = sizeof value;
    if (::getsockopt(fd(), level, name, &value, &length) < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("getsockopt(%1, %2)").arg(level).arg(name));
    return value;
}

} // namespace socketeer
