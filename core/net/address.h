#pragma once
// Addresses in the tutorial's sense: (host, port) pairs for IPv4 and IPv6, and paths for AF_UNIX.
// Parsing is pure and cheap; resolve() calls getaddrinfo and blocks, so only workers call it.

#include "error.h"

#include <QString>

#include <sys/socket.h>
#include <vector>

namespace socketeer {

enum class SocketType { Stream, Datagram };

// A concrete socket address (sockaddr_storage and its length).
class SocketAddress {
public:
    SocketAddress() = default;
    static SocketAddress fromSockaddr(const sockaddr *address, socklen_t length);
    // A numeric IPv4 or IPv6 literal ("127.0.0.1", "::1", "fe80::1%lo"), no name lookup.
    static Result<SocketAddress> fromLiteral(const QString &ip, quint16 port);
    static Result<SocketAddress> fromUnixPath(const QString &path);

    bool isValid() const { return m_length > 0; }
    int family() const { return m_storage.ss_family; }
    quint16 port() const;
    QString host() const;      // "127.0.0.1", "::1", or the AF_UNIX path
    QString toString() const;  // "127.0.0.1:50007", "[::1]:50007", "/tmp/chat.sock"

    const sockaddr *data() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    sockaddr *data() { return reinterpret_cast<sockaddr *>(&m_storage); }
    socklen_t size() const { return m_length; }
    socklen_t *sizePointer() { return &m_length; }
    static constexpr socklen_t capacity() { return sizeof(sockaddr_storage); }

    friend bool operator==(const SocketAddress &a, const SocketAddress &b);

private:
    sockaddr_storage m_storage{};
    socklen_t m_length = 0;
};

// What a person typed, checked but not yet resolved.
struct Endpoint {
    QString host;      // empty means "any" for a server, an error for a client
    quint16 port = 0;
    QString unixPath;  // set for AF_UNIX endpoints instead of host and port

    bool isUnix() const { return !unixPath.isEmpty(); }
    QString toString() const;
};

// "0".."65535", nothing else; the error names the text that was wrong.
Result<quint16> parsePort(const QString &text);
// "host:port", "[v6]:port", ":port" (any host), "unix:/path" or "/path" (AF_UNIX).
Result<Endpoint> parseEndpoint(const QString &text);
// A host on its own: a name, an IPv4 literal, an IPv6 literal with or without brackets.
Result<QString> parseHost(const QString &text);

// True for "", "*", "0.0.0.0" and "::", which a server reads as "all interfaces".
bool isAnyHost(const QString &host);

struct ResolveOptions {
    SocketType type = SocketType::Stream;
    bool passive = false;   // for bind(): empty host means any address
};

// Blocking (getaddrinfo): call it from a worker, never the GUI thread.
Result<std::vector<SocketAddress>> resolve(const QString &host, quint16 port, const ResolveOptions &options);
Result<std::vector<SocketAddress>> resolve(const Endpoint &endpoint, const ResolveOptions &options);

} // namespace socketeer
