#include "address.h"

#include "trace.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cstring>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>

namespace socketeer {

namespace {
// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Address)
};
} // namespace

SocketAddress SocketAddress::fromSockaddr(const sockaddr *address, socklen_t length)
{
    SocketAddress result;
    if (address && length > 0 && length <= sizeof(sockaddr_storage)) {
        std::memcpy(&result.m_storage, address, length);
        result.m_length = length;
    }
    return result;
}

Result<SocketAddress> SocketAddress::fromLiteral(const QString &ip, quint16 port)
{
    SocketAddress result;
    QString text = ip;
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    const QByteArray bytes = text.toLatin1();
    auto *v4 = reinterpret_cast<sockaddr_in *>(&result.m_storage);
    if (::inet_pton(AF_INET, bytes.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        result.m_length = sizeof(sockaddr_in);
        return result;
    }
    // IPv6, with an optional %scope (interface name or index).
    const qsizetype percent = bytes.indexOf('%');
    const QByteArray addressPart = percent < 0 ? bytes : bytes.left(percent);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&result.m_storage);
    if (::inet_pton(AF_INET6, addressPart.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        if (percent >= 0) {
            const QByteArray scope = bytes.mid(percent + 1);
            bool numeric = false;
            unsigned index = scope.toUInt(&numeric);
            if (!numeric)
                index = ::if_nametoindex(scope.constData());
            if (index == 0)
                return Error::invalid(Text::tr("unknown IPv6 scope \"%1\"").arg(QString::fromLatin1(scope)));
            v6->sin6_scope_id = index;
        }
        result.m_length = sizeof(sockaddr_in6);
        return result;
    }
    return Error::invalid(Text::tr("\"%1\" is not an IPv4 or IPv6 address").arg(ip));
}

Result<SocketAddress> SocketAddress::fromUnixPath(const QString &path)
{
    SocketAddress result;
    auto *un = reinterpret_cast<sockaddr_un *>(&result.m_storage);
    const QByteArray bytes = path.toLocal8Bit();
    if (bytes.isEmpty())
        return Error::invalid(Text::tr("the socket path is empty"));
    if (static_cast<size_t>(bytes.size()) >= sizeof(un->sun_path))
        return Error::invalid(Text::tr("the socket path \"%1\" is longer than %2 bytes").arg(path).arg(sizeof(un->sun_path) - 1));
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, bytes.constData(), bytes.size());
    result.m_length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + bytes.size() + 1);
    return result;
}

quint16 SocketAddress::port() const
{
    switch (family()) {
    case AF_INET: return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    case AF_INET6: return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    default: return 0;
    }
}

QString SocketAddress::host() const
{
    char buffer[INET6_ADDRSTRLEN + IF_NAMESIZE + 2] = {};
    switch (family()) {
    case AF_INET:
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_addr, buffer, sizeof buffer);
        return QString::fromLatin1(buffer);
    case AF_INET6: {
        const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
        ::inet_ntop(AF_INET6, &v6->sin6_addr, buffer, sizeof buffer);
        QString text = QString::fromLatin1(buffer);
        if (v6->sin6_scope_id) {
            char name[IF_NAMESIZE] = {};
            text += QLatin1Char('%') + (::if_indextoname(v6->sin6_scope_id, name)
                                            ? QString::fromLatin1(name) : QString::number(v6->sin6_scope_id));
        }
        return text;
    }
    case AF_UNIX: {
        const auto *un = reinterpret_cast<const sockaddr_un *>(&m_storage);
        const socklen_t pathLength = m_length > offsetof(sockaddr_un, sun_path) ? m_length - offsetof(sockaddr_un, sun_path) : 0;
        if (pathLength == 0)
            return Text::tr("(unnamed)");
        return QString::fromLocal8Bit(un->sun_path, qstrnlen(un->sun_path, pathLength));
    }
    default:
        return {};
    }
}

QString SocketAddress::toString() const
{
    switch (family()) {
    case AF_INET: return host() + QLatin1Char(':') + QString::number(port());
    case AF_INET6: return QLatin1Char('[') + host() + QStringLiteral("]:") + QString::number(port());
    case AF_UNIX: return host();
    default: return Text::tr("(no address)");
    }
}

bool operator==(const SocketAddress &a, const SocketAddress &b)
{
    return a.m_length == b.m_length && std::memcmp(&a.m_storage, &b.m_storage, a.m_length) == 0;
}

QString Endpoint::toString() const
{
    if (isUnix())
        return unixPath;
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

Result<quint16> parsePort(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(Text::tr("no port given"));
    bool ok = false;
    const uint value = trimmed.toUInt(&ok, 10);
    if (!ok || trimmed.startsWith(QLatin1Char('+')))
        return Error::invalid(Text::tr("port \"%1\" is not a number").arg(text));
    if (value > 65535)
        return Error::invalid(Text::tr("port %1 is out of range (0–65535)").arg(trimmed));
    return static_cast<quint16>(value);
}

Result<QString> parseHost(const QString &text)
{
    QString host = text.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    for (QChar c : host) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('/') || c == QLatin1Char('[')
            || c == QLatin1Char(']'))
            return Error::invalid(Text::tr("host \"%1\" contains a character no host name may have").arg(text));
    }
    if (host.size() > 253)
        return Error::invalid(Text::tr("host name is longer than 253 characters"));
    return host;
}

Result<Endpoint> parseEndpoint(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error::invalid(Text::tr("no address given"));
    if (text.startsWith(QStringLiteral("unix:")) || text.startsWith(QLatin1Char('/'))) {
        Endpoint endpoint;
        endpoint.unixPath = text.startsWith(QLatin1Char('/')) ? text : text.mid(5);
        if (auto checked = SocketAddress::fromUnixPath(endpoint.unixPath); !checked)
            return checked.error();
        return endpoint;
    }
    QString hostPart;
    QString portPart;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error::invalid(Text::tr("\"%1\": missing \"]\" after the IPv6 address").arg(input));
        hostPart = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.startsWith(QLatin1Char(':')))
            return Error::invalid(Text::tr("\"%1\": expected \":port\" after \"]\"").arg(input));
        portPart = rest.mid(1);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return Error::invalid(Text::tr("\"%1\" has no port: write host:port").arg(input));
        hostPart = text.left(colon);
        portPart = text.mid(colon + 1);
        if (hostPart.contains(QLatin1Char(':')))
            return Error::invalid(Text::tr("\"%1\": write an IPv6 address in brackets, as [::1]:50007").arg(input));
    }
    auto port = parsePort(portPart);
    if (!port)
        return port.error();
    auto host = parseHost(hostPart);
    if (!host)
        return host.error();
    return Endpoint{*host, *port, {}};
}

bool isAnyHost(const QString &host)
{
    return host.isEmpty() || host == QLatin1String("*") || host == QLatin1String("0.0.0.0") || host == QLatin1String("::");
}

Result<std::vector<SocketAddress>> resolve(const QString &host, quint16 port, const ResolveOptions &options)
{
    std::vector<SocketAddress> addresses;
    if (options.passive && (host.isEmpty() || host == QLatin1String("*")))
        return resolve(QStringLiteral("0.0.0.0"), port, options);
    if (host.isEmpty())
        return Error::invalid(Text::tr("no host given"));

    // Literals need no lookup (and must not be sent to DNS).
    if (auto literal = SocketAddress::fromLiteral(host, port)) {
        addresses.push_back(*literal);
        return addresses;
    }

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = options.type == SocketType::Stream ? SOCK_STREAM : SOCK_DGRAM;
    hints.ai_flags = AI_ADDRCONFIG | (options.passive ? AI_PASSIVE : 0);
    addrinfo *list = nullptr;
    const QByteArray name = host.toUtf8();
    const QByteArray service = QByteArray::number(port);
    const int rc = ::getaddrinfo(name.constData(), service.constData(), &hints, &list);
    const int savedErrno = errno;
    if (rc != 0) {
        trace::record("getaddrinfo", [&] { return host; }, [rc] { return QString::fromUtf8(gai_strerror(rc)); }, rc == EAI_SYSTEM ? savedErrno : 0);
        if (rc == EAI_SYSTEM)
            return Error::fromErrno(ErrorKind::Resolve, savedErrno, host);
        return Error{ErrorKind::Resolve, std::error_code(rc, resolverCategory()), host};
    }
    for (addrinfo *info = list; info; info = info->ai_next)
        addresses.push_back(SocketAddress::fromSockaddr(info->ai_addr, info->ai_addrlen));
    ::freeaddrinfo(list);
    trace::record("getaddrinfo", [&] { return host; }, [&] {
        QStringList names;
        for (const auto &a : addresses)
            names << a.host();
        return names.join(QStringLiteral(", "));
    }, 0);
    if (addresses.empty())
        return Error{ErrorKind::Resolve, std::error_code(EAI_NONAME, resolverCategory()), host};
    return addresses;
}

Result<std::vector<SocketAddress>> resolve(const Endpoint &endpoint, const ResolveOptions &options)
{
    if (endpoint.isUnix()) {
        auto address = SocketAddress::fromUnixPath(endpoint.unixPath);
        if (!address)
            return address.error();
        return std::vector<SocketAddress>{*address};
    }
    return resolve(endpoint.host, endpoint.port, options);
}

} // namespace socketeer
