#pragma once
// The server side's certificate on the command line, one way for every subcommand that serves TLS
// (serve, inbox): a certificate and key given as files, or the development certificate. Loaded and
// checked before anything listens; the fingerprint is printed so a client can trust it.

#include <QString>

#include <memory>

namespace socketeer {
class TlsContext;
}

namespace socketeer::cli {

struct ServerTlsFiles {
    QString certificate;   // --tls-cert's value (empty: not given)
    QString key;           // --tls-key's value
};

// Exit code to return now (a usage error is ExitUsage, an unreadable or mismatched file ExitFailure,
// said on stderr naming the file), or -1 to go on with `context` (null when no TLS was asked for).
// `development`: use the development certificate (made on first use) when no files are given.
int loadServerTls(const ServerTlsFiles &files, bool development, const QString &command,
                  std::shared_ptr<const TlsContext> &context);

} // namespace socketeer::cli
