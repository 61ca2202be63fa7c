#pragma once
// One BSD socket, in the tutorial's vocabulary (socket, bind, listen, accept, connect, connect_ex,
// recv, recvfrom, send, sendall, sendto, getpeername, getsockname, shutdown, close). Descriptors
// are close-on-exec and closed exactly once; EINTR is retried inside; sends never raise SIGPIPE;
// on a non-blocking socket "not ready" is the error code std::errc::operation_would_block.
// Every call is recorded by the trace when a TraceRecorder listens.

#include "address.h"
#include "error.h"
#include "ownedfd.h"

#include <chrono>
#include <cstddef>
#include <span>

namespace socketeer {

class Socket;

struct Accepted;
struct ReceivedDatagram {
    std::size_t size = 0;        // bytes stored in the buffer
    std::size_t fullSize = 0;    // the datagram's real length: larger than size when truncated
    SocketAddress from;
    bool truncated() const { return fullSize > size; }
};

class Socket {
public:
    Socket() = default;
    Socket(Socket &&) noexcept = default;
    Socket &operator=(Socket &&) noexcept = default;

    // socket(family, type): AF_INET, AF_INET6 or AF_UNIX; stream or datagram.
    static Result<Socket> create(int family, SocketType type, bool nonBlocking = false);

    bool isValid() const { return m_fd.valid(); }
    int fd() const { return m_fd.get(); }
    // Gives the descriptor away (to QSslSocket, for TLS): this Socket is empty afterwards.
    OwnedFd release() { return std::move(m_fd); }
    int family() const { return m_family; }
    SocketType type() const { return m_type; }

    Result<void> bind(const SocketAddress &address);
    Result<void> listen(int backlog);
    // accept(): the new socket inherits this one's blocking mode.
    Result<Accepted> accept();

    // Blocking connect with a timeout (negative: the system's own); the socket keeps its mode.
    Result<void> connect(const SocketAddress &address, std::chrono::milliseconds timeout = std::chrono::milliseconds(-1));
    // connect_ex(): 0 on success, otherwise the error code (EINPROGRESS on a non-blocking socket).
    int connectEx(const SocketAddress &address);
    // After a non-blocking connect reported writable: SO_ERROR as a Result.
    Result<void> finishConnect(const SocketAddress &address);

    // 0 bytes from a stream socket means the peer closed its side.
    Result<std::size_t> recv(std::span<char> buffer, int flags = 0);
    Result<ReceivedDatagram> recvFrom(std::span<char> buffer, int flags = 0);
    Result<std::size_t> send(std::span<const char> data, int flags = 0);
    // Loops over partial sends until everything is gone or an error (EAGAIN included) stops it;
    // *sent tells how far it got either way.
    Result<void> sendAll(std::span<const char> data, std::size_t *sent = nullptr);
    Result<std::size_t> sendTo(std::span<const char> data, const SocketAddress &to, int flags = 0);

    Result<SocketAddress> peerName() const;
    Result<SocketAddress> sockName() const;
    Result<void> shutdown(int how);   // SHUT_RD, SHUT_WR, SHUT_RDWR
    void close();

    Result<void> setNonBlocking(bool nonBlocking);
    // SO_RCVTIMEO and SO_SNDTIMEO: a blocked recv/send gives up with ErrorKind::Timeout.
    Result<void> setTimeout(std::chrono::milliseconds timeout);
    Result<void> setOption(int level, int name, int value);
    Result<int> option(int level, int name) const;

private:
    Socket(OwnedFd fd, int family, SocketType type) : m_fd(std::move(fd)), m_family(family), m_type(type) {}
    QString describe() const;

    OwnedFd m_fd;
    int m_family = 0;
    SocketType m_type = SocketType::Stream;
    bool m_nonBlocking = false;
};

struct Accepted {
    Socket socket;
    SocketAddress peer;
};

// A stable name for an address family, for messages and the trace.
QString familyName(int family);

} // namespace socketeer
