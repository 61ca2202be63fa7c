#include "error.h"

#include <QCoreApplication>

#include <array>
#include <cerrno>
#include <clocale>
#include <cstring>
#include <locale.h>
#include <netdb.h>

namespace socketeer {

namespace {

struct CodeText {
    int code;
    const char *text;   // glibc's English words; translated in "socketeer::Error"
};

// The codes sockets, name resolution and files meet. The English is glibc's own (a test compares
// it), so an English user sees exactly what strerror() would say.
const auto kErrnoTexts = std::to_array<CodeText>({
    {ECONNREFUSED, QT_TRANSLATE_NOOP("socketeer::Error", "Connection refused")},
    {EADDRINUSE, QT_TRANSLATE_NOOP("socketeer::Error", "Address already in use")},
    {EADDRNOTAVAIL, QT_TRANSLATE_NOOP("socketeer::Error", "Cannot assign requested address")},
    {ETIMEDOUT, QT_TRANSLATE_NOOP("socketeer::Error", "Connection timed out")},
    {ENETUNREACH, QT_TRANSLATE_NOOP("socketeer::Error", "Network is unreachable")},
    {EHOSTUNREACH, QT_TRANSLATE_NOOP("socketeer::Error", "No route to host")},
    {ENETDOWN, QT_TRANSLATE_NOOP("socketeer::Error", "Network is down")},
    {EHOSTDOWN, QT_TRANSLATE_NOOP("socketeer::Error", "Host is down")},
    {ECONNRESET, QT_TRANSLATE_NOOP("socketeer::Error", "Connection reset by peer")},
    {ECONNABORTED, QT_TRANSLATE_NOOP("socketeer::Error", "Software caused connection abort")},
    {EPIPE, QT_TRANSLATE_NOOP("socketeer::Error", "Broken pipe")},
    {ENOTCONN, QT_TRANSLATE_NOOP("socketeer::Error", "Transport endpoint is not connected")},
    {EISCONN, QT_TRANSLATE_NOOP("socketeer::Error", "Transport endpoint is already connected")},
    {ESHUTDOWN, QT_TRANSLATE_NOOP("socketeer::Error", "Cannot send after transport endpoint shutdown")},
    {EDESTADDRREQ, QT_TRANSLATE_NOOP("socketeer::Error", "Destination address required")},
    {EMSGSIZE, QT_TRANSLATE_NOOP("socketeer::Error", "Message too long")},
    {ENOBUFS, QT_TRANSLATE_NOOP("socketeer::Error", "No buffer space available")},
    {EAFNOSUPPORT, QT_TRANSLATE_NOOP("socketeer::Error", "Address family not supported by protocol")},
    {EPROTONOSUPPORT, QT_TRANSLATE_NOOP("socketeer::Error", "Protocol not supported")},
    {ENOPROTOOPT, QT_TRANSLATE_NOOP("socketeer::Error", "Protocol not available")},
    {EPROTO, QT_TRANSLATE_NOOP("socketeer::Error", "Protocol error")},
    {EOPNOTSUPP, QT_TRANSLATE_NOOP("socketeer::Error", "Operation not supported")},
    {ENOTSOCK, QT_TRANSLATE_NOOP("socketeer::Error", "Socket operation on non-socket")},
    {EINPROGRESS, QT_TRANSLATE_NOOP("socketeer::Error", "Operation now in progress")},
    {EALREADY, QT_TRANSLATE_NOOP("socketeer::Error", "Operation already in progress")},
    {EAGAIN, QT_TRANSLATE_NOOP("socketeer::Error", "Resource temporarily unavailable")},
    {EINTR, QT_TRANSLATE_NOOP("socketeer::Error", "Interrupted system call")},
    {EBADF, QT_TRANSLATE_NOOP("socketeer::Error", "Bad file descriptor")},
    {EINVAL, QT_TRANSLATE_NOOP("socketeer::Error", "Invalid argument")},
    {EACCES, QT_TRANSLATE_NOOP("socketeer::Error", "Permission denied")},
    {EPERM, QT_TRANSLATE_NOOP("socketeer::Error", "Operation not permitted")},
    {ENOENT, QT_TRANSLATE_NOOP("socketeer::Error", "No such file or directory")},
    {EEXIST, QT_TRANSLATE_NOOP("socketeer::Error", "File exists")},
    {EISDIR, QT_TRANSLATE_NOOP("socketeer::Error", "Is a directory")},
    {ENOTDIR, QT_TRANSLATE_NOOP("socketeer::Error", "Not a directory")},
    {ENOTEMPTY, QT_TRANSLATE_NOOP("socketeer::Error", "Directory not empty")},
    {ENAMETOOLONG, QT_TRANSLATE_NOOP("socketeer::Error", "File name too long")},
    {ELOOP, QT_TRANSLATE_NOOP("socketeer::Error", "Too many levels of symbolic links")},
    {ENOSPC, QT_TRANSLATE_NOOP("socketeer::Error", "No space left on device")},
    {EDQUOT, QT_TRANSLATE_NOOP("socketeer::Error", "Disk quota exceeded")},
    {EFBIG, QT_TRANSLATE_NOOP("socketeer::Error", "File too large")},
    {EROFS, QT_TRANSLATE_NOOP("socketeer::Error", "Read-only file system")},
    {EIO, QT_TRANSLATE_NOOP("socketeer::Error", "Input/output error")},
    {EMFILE, QT_TRANSLATE_NOOP("socketeer::Error", "Too many open files")},
    {ENFILE, QT_TRANSLATE_NOOP("socketeer::Error", "Too many open files in system")},
    {ENOMEM, QT_TRANSLATE_NOOP("socketeer::Error", "Cannot allocate memory")},
    {ENODEV, QT_TRANSLATE_NOOP("socketeer::Error", "No such device")},
    {ENXIO, QT_TRANSLATE_NOOP("socketeer::Error", "No such device or address")},
});

const auto kResolverTexts = std::to_array<CodeText>({
    {EAI_NONAME, QT_TRANSLATE_NOOP("socketeer::Error", "Name or service not known")},
    {EAI_AGAIN, QT_TRANSLATE_NOOP("socketeer::Error", "Temporary failure in name resolution")},
    {EAI_FAIL, QT_TRANSLATE_NOOP("socketeer::Error", "Non-recoverable failure in name resolution")},
    {EAI_NODATA, QT_TRANSLATE_NOOP("socketeer::Error", "No address associated with hostname")},
    {EAI_ADDRFAMILY, QT_TRANSLATE_NOOP("socketeer::Error", "Address family for hostname not supported")},
    {EAI_FAMILY, QT_TRANSLATE_NOOP("socketeer::Error", "ai_family not supported")},
    {EAI_SOCKTYPE, QT_TRANSLATE_NOOP("socketeer::Error", "ai_socktype not supported")},
    {EAI_SERVICE, QT_TRANSLATE_NOOP("socketeer::Error", "Servname not supported for ai_socktype")},
    {EAI_MEMORY, QT_TRANSLATE_NOOP("socketeer::Error", "Memory allocation failure")},
    {EAI_SYSTEM, QT_TRANSLATE_NOOP("socketeer::Error", "System error")},
});

const char *find(const CodeText *begin, const CodeText *end, int code)
{
    for (const CodeText *row = begin; row != end; ++row) {
        if (row->code == code)
            return row->text;
    }
    return nullptr;
}

// glibc's English whatever LC_MESSAGES says: strerror_l() in the C locale.
QString englishStrerror(int err)
{
    static const locale_t c = ::newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return QString::fromUtf8(c ? ::strerror_l(err, c) : ::strerror(err));
}
class ResolverCategory final : public std::error_category {
public:
    const char *name() const noexcept override { return "resolver"; }
    std::string message(int code) const override { return resolverText(code).toStdString(); }
};
} // namespace

const std::error_category &resolverCategory()
{
    static const ResolverCategory category;
    return category;
}

QString errnoText(int err)
{
    if (const char *text = find(kErrnoTexts.data(), kErrnoTexts.data() + kErrnoTexts.size(), err))
        return QCoreApplication::translate("socketeer::Error", text);
    // strerrorname_np: glibc 2.32 and later (Debian 12 has 2.36); null for a number it does not
    // know, whose text ("Unknown error 1234") names the number already.
    const char *name = ::strerrorname_np(err);
    return name ? QStringLiteral("%1 (%2)").arg(englishStrerror(err), QString::fromLatin1(name)) : englishStrerror(err);
}

QString resolverText(int code)
{
    if (const char *text = find(kResolverTexts.data(), kResolverTexts.data() + kResolverTexts.size(), code))
        return QCoreApplication::translate("socketeer::Error", text);
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(::gai_strerror(code))).arg(code);   // no names for EAI_*
}

QString errorCodeText(const std::error_code &code)
{
    if (!code)
        return {};
    if (code.category() == resolverCategory())
        return resolverText(code.value());
    if (code.category() == std::system_category() || code.category() == std::generic_category())
        return errnoText(code.value());
    return QString::fromStdString(code.message());
}

Error Error::fromErrno(ErrorKind kind, int err, QString detail)
{
    return {kind, std::error_code(err, std::system_category()), std::move(detail)};
}

QString Error::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument: return QCoreApplication::translate("socketeer::Error", "Invalid input");
    case ErrorKind::Resolve: return QCoreApplication::translate("socketeer::Error", "Could not resolve");
    case ErrorKind::Socket: return QCoreApplication::translate("socketeer::Error", "Socket error");
    case ErrorKind::Bind: return QCoreApplication::translate("socketeer::Error", "Could not bind");
    case ErrorKind::Listen: return QCoreApplication::translate("socketeer::Error", "Could not listen");
    case ErrorKind::Accept: return QCoreApplication::translate("socketeer::Error", "Could not accept");
    case ErrorKind::Connect: return QCoreApplication::translate("socketeer::Error", "Could not connect");
    case ErrorKind::Timeout: return QCoreApplication::translate("socketeer::Error", "Timed out");
    case ErrorKind::Send: return QCoreApplication::translate("socketeer::Error", "Could not send");
    case ErrorKind::Receive: return QCoreApplication::translate("socketeer::Error", "Could not receive");
    case ErrorKind::PeerClosed: return QCoreApplication::translate("socketeer::Error", "Peer closed the connection");
    case ErrorKind::Limit: return QCoreApplication::translate("socketeer::Error", "Limit reached");
    case ErrorKind::Protocol: return QCoreApplication::translate("socketeer::Error", "Protocol error");
    case ErrorKind::Tls: return QCoreApplication::translate("socketeer::Error", "TLS error");
    }
    return {};
}

QString Error::message() const
{
    if (whole && !detail.isEmpty())
        return detail;
    QString text = kindName(kind);
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + detail;
    if (code)
        text += QStringLiteral(": ") + errorCodeText(code);
    return text;
}

} // namespace socketeer
