#include "servertls.h"

#include "cli.h"

#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QString>

namespace socketeer::cli {

int loadServerTls(const ServerTlsFiles &files, bool development, const QString &command,
                  std::shared_ptr<const TlsContext> &context)
{
    if (files.certificate.isEmpty() != files.key.isEmpty()) {
        printError(command, Cli::tr("--tls-cert and --tls-key go together"));
        return ExitUsage;
    }
    QString certificateFile = files.certificate;
    QString keyFile = files.key;
    if (certificateFile.isEmpty()) {
        if (!development)
            return -1;   // no TLS
        auto made = ensureDevCertificate(defaultDevCertificateFolder());
        if (!made) {
            printError(command, made.error().message());
            return ExitFailure;
        }
        if (made->created)
            printLine(Cli::tr("made a development certificate for localhost, 127.0.0.1 and ::1: %1").arg(made->certificateFile));
        certificateFile = made->certificateFile;
        keyFile = made->keyFile;
    }
    auto loaded = TlsContext::server(certificateFile, keyFile);
    if (!loaded) {
        printError(command, loaded.error().message());
        return ExitFailure;
    }
    context = std::move(loaded).value();
    printLine(Cli::tr("TLS certificate %1, SHA-256 fingerprint %2").arg(certificateFile, context->certificateSha256()));
    return -1;
}

} // namespace socketeer::cli
