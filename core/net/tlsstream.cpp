#include "tlsstream.h"

#include "wakeup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include <cctype>
#include <cerrno>
#include <functional>
#include <poll.h>

namespace socketeer {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Tls)
};

// Enough queued to keep the connection busy between two wake-ups, little enough that a 200 MB
// attachment never sits in memory.
constexpr qint64 MaxQueued = 256 * 1024;

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2: return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLS 1.3");
    default: return QStringLiteral("TLS");
    }
}
} // namespace


class TlsStream::Private {
public:
    explicit Private(const Wakeup *c) : cancel(c)
    {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::readyRead, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::bytesWritten, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::encryptedBytesWritten, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, [this](QAbstractSocket::SocketError error) {
            if (!failure) {
                failure = error;
                failureText = socket.errorString();
            }
            loop.quit();
        });
        QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [this](const QList<QSslError> &errors) {
            onSslErrors(errors);
        });
        if (cancel) {
            cancelNotifier = std::make_unique<QSocketNotifier>(cancel->fd(), QSocketNotifier::Read);
            QObject::connect(cancelNotifier.get(), &QSocketNotifier::activated, &loop, &QEventLoop::quit);
        }
    }

    const Wakeup *cancel;
    QSslSocket socket;
    QEventLoop loop;
    QTimer timer;
    std::unique_ptr<QSocketNotifier> cancelNotifier;
    QStringList trusted;
    std::optional<TlsCertificateInfo> rejected;
    std::optional<QAbstractSocket::SocketError> failure;
    QString failureText;

    bool cancelled() const
    {
        if (!cancel)
            return false;
        pollfd fd{cancel->fd(), POLLIN, 0};
        return ::poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);
    }

    qint64 queued() const { return socket.bytesToWrite() + socket.encryptedBytesToWrite(); }

    void onSslErrors(const QList<QSslError> &errors)
    {
        const QSslCertificate certificate = socket.peerCertificate();
        const QString fingerprint =
            certificate.isNull() ? QString() : normalizedFingerprint(QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()));
        if (!fingerprint.isEmpty() && trusted.contains(fingerprint)) {
            socket.ignoreSslErrors(errors);
            return;
        }
        QStringList problems;
        for (const QSslError &error : errors)
            problems << error.errorString();
        rejected = describeCertificate(certificate.toDer(), problems);
    }

    // Runs this thread's events until `done`, the deadline, a cancel or a failure.
    Result<void> waitUntil(const std::function<bool()> &done, Deadline deadline)
    {
        for (;;) {
            if (done())
                return {};
            if (cancelled())
                return Error::fromErrno(ErrorKind::Tls, ECANCELED, {});
            if (failure)
                return failed();
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT, {});
            timer.start(static_cast<int>(std::min<qint64>(left.count() + 1, 1 << 30)));
            loop.exec();
            timer.stop();
        }
    }

    Error failed() const
    {
        if (*failure == QAbstractSocket::RemoteHostClosedError)
            return {ErrorKind::PeerClosed, {}, failureText};
        return {ErrorKind::Tls, {}, failureText};
    }
};

TlsStream::TlsStream(const Wakeup *cancel) : d(std::make_unique<Private>(cancel)) {}
TlsStream::~TlsStream() = default;

Result<void> TlsStream::startClient(OwnedFd connected, const TlsOptions &options, Deadline deadline)
{
    if (!QSslSocket::supportsSsl())
        return Error{ErrorKind::Tls, {},
                     Text::tr("TLS is not available: Qt found no TLS library (%1)").arg(QSslSocket::activeBackend())};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::SecureProtocols);
    if (!options.caFile.isEmpty()) {
        const QList<QSslCertificate> authorities =
            QSslCertificate::fromPath(options.caFile, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
        if (authorities.isEmpty())
            return Error::invalid(Text::tr("The CA file %1 could not be read or holds no PEM certificate").arg(options.caFile));
        configuration.addCaCertificates(authorities);
    }
    for (const QString &fingerprint : options.trustedFingerprints)
        if (const QString normal = normalizedFingerprint(fingerprint); !normal.isEmpty())
            d->trusted << normal;

    if (!d->socket.setSocketDescriptor(connected.get(), QAbstractSocket::ConnectedState))
        return Error{ErrorKind::Tls, {}, d->socket.errorString()};   // `connected` still closes it
    (void)connected.release();
    d->socket.setSslConfiguration(configuration);
    d->socket.setPeerVerifyName(options.peerName);
    d->socket.startClientEncryption();
    auto handshake = d->waitUntil([this] { return d->socket.isEncrypted(); }, deadline);
    if (handshake)
        return {};
    if (d->rejected) {
        return Error{ErrorKind::Tls, {},
                     Text::tr("the server's certificate could not be verified (%1); nothing was sent over this "
                              "connection")
                         .arg(d->rejected->problems.join(QStringLiteral("; ")))};
    }
    return handshake;
}

Result<void> TlsStream::write(QByteArrayView bytes, Deadline deadline)
{
    if (d->failure)
        return d->failed();
    if (d->socket.write(bytes.data(), bytes.size()) != bytes.size())
        return Error{ErrorKind::Send, {}, d->socket.errorString()};
    return d->waitUntil([this] { return d->queued() <= MaxQueued; }, deadline);
}

Result<std::size_t> TlsStream::read(std::span<char> buffer, Deadline deadline)
{
    auto ready = d->waitUntil(
        [this] {
            return d->socket.bytesAvailable() > 0 || d->socket.state() != QAbstractSocket::ConnectedState;
        },
        deadline);
    if (d->socket.bytesAvailable() > 0) {
        const qint64 got = d->socket.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (got > 0)
            return static_cast<std::size_t>(got);
    }
    if (!ready)
        return ready.error().kind == ErrorKind::PeerClosed ? Result<std::size_t>(std::size_t{0}) : ready.error();
    if (d->failure && *d->failure != QAbstractSocket::RemoteHostClosedError)
        return d->failed();
    return std::size_t{0};   // closed by the server
}

QString TlsStream::sessionDescription() const
{
    const QSslCipher cipher = d->socket.sessionCipher();
    return cipher.isNull() ? protocolName(d->socket.sessionProtocol())
                           : QStringLiteral("%1, %2").arg(protocolName(d->socket.sessionProtocol()), cipher.name());
}

const std::optional<TlsCertificateInfo> &TlsStream::rejectedCertificate() const { return d->rejected; }

void TlsStream::close() { d->socket.abort(); }

} // namespace socketeer
