#include "error.h"

#include <QCoreApplication>

#include <netdb.h>

namespace socketeer {

namespace {
class ResolverCategory final : public std::error_category {
public:
    const char *name() const noexcept override { return "resolver"; }
    std::string message(int code) const override { return gai_strerror(code); }
};
} // namespace

const std::error_category &resolverCategory()
{
    static const ResolverCategory category;
    return category;
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
        text += QStringLiteral(": ") + QString::fromStdString(code.message());
    return text;
}

} // namespace socketeer
