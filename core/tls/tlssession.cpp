#include "tlssession.h"

#include "opensslerror.h"
#include "tlscontexthandle.h"

#include "net/error.h"
#include "net/trace.h"
#include "net/tlsstream.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/socket.h>

namespace socketeer {

namespace {

// The reasons OpenSSL gives when the first bytes it reads are not a TLS record at all.
bool spokePlainText(unsigned long error)
{
    switch (ERR_GET_REASON(error)) {
    case SSL_R_WRONG_VERSION_NUMBER:
    case SSL_R_HTTP_REQUEST:
    case SSL_R_HTTPS_PROXY_REQUEST:
    case SSL_R_PACKET_LENGTH_TOO_LONG:
        return ERR_GET_LIB(error) == ERR_LIB_SSL;
    default:
        return false;
    }
}

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Tls)
};

QString statusText(TlsSession::Status status)
{
    switch (status) {
    case TlsSession::Status::Done: return QStringLiteral("1");
    case TlsSession::Status::WantRead: return QStringLiteral("-1 (want read)");
    case TlsSession::Status::WantWrite: return QStringLiteral("-1 (want write)");
    case TlsSession::Status::Closed: return QStringLiteral("0 (closed)");
    case TlsSession::Status::Error: return QStringLiteral("-1");
    }
    return {};
}

// OpenSSL's own socket BIO writes with write(), which raises SIGPIPE on a connection the peer
// has reset and kills a process that does not ignore it (the GUI, a test). This one keeps
// socket.h's promise for every send (MSG_NOSIGNAL) and retries EINTR; it never closes the fd.
struct Transport {
    int fd = -1;
    bool eof = false;   // recv() said end of stream: OpenSSL asks (BIO_CTRL_EOF) to tell a cut from a stall
};

Transport *transportOf(BIO *bio)
{
    return static_cast<Transport *>(BIO_get_data(bio));
}

int transportWrite(BIO *bio, const char *data, size_t size, size_t *written)
{
    BIO_clear_retry_flags(bio);
    ssize_t n = -1;
    do {
        n = ::send(transportOf(bio)->fd, data, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            BIO_set_retry_write(bio);
        return 0;
    }
    *written = static_cast<size_t>(n);
    return 1;
}

int transportRead(BIO *bio, char *data, size_t size, size_t *read)
{
    BIO_clear_retry_flags(bio);
    ssize_t n = -1;
    do {
        n = ::recv(transportOf(bio)->fd, data, size, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            BIO_set_retry_read(bio);
        return 0;
    }
    if (n == 0) {
        transportOf(bio)->eof = true;
        return 0;
    }
    *read = static_cast<size_t>(n);
    return 1;
}

long transportControl(BIO *bio, int command, long, void *)
{
    switch (command) {
    case BIO_CTRL_FLUSH:
        return 1;   // nothing is buffered here
    case BIO_CTRL_EOF:
        return transportOf(bio)->eof ? 1 : 0;
    default:
        return 0;
    }
}

int transportCreate(BIO *bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

const BIO_METHOD *transportMethod()
{
    static const BIO_METHOD *method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "socketeer socket");
        BIO_meth_set_write_ex(m, transportWrite);
        BIO_meth_set_read_ex(m, transportRead);
        BIO_meth_set_ctrl(m, transportControl);
        BIO_meth_set_create(m, transportCreate);
        return m;
    }();
    return method;
}

} // namespace

struct TlsSession::Impl {
    std::shared_ptr<const TlsContext> context;
    SSL *ssl = nullptr;
    int fd = -1;
    bool client = false;
    QStringList trusted;
    Transport transport;
    ~Impl() { SSL_free(ssl); }

    // The SSL object reads and writes `socket` through the MSG_NOSIGNAL transport above.
    bool attach(int socket)
    {
        fd = socket;
        transport.fd = socket;
        BIO *bio = BIO_new(transportMethod());
        if (!bio)
            return false;
        BIO_set_data(bio, &transport);
        SSL_set_bio(ssl, bio, bio);   // one BIO both ways: SSL takes the one reference
        return true;
    }
};

TlsSession::TlsSession() : d(std::make_unique<Impl>()) {}
TlsSession::~TlsSession() = default;

Result<std::unique_ptr<TlsSession>> TlsSession::server(std::shared_ptr<const TlsContext> context, int fd)
{
    ERR_clear_error();
    std::unique_ptr<TlsSession> session(new TlsSession);
    session->d->ssl = SSL_new(context->handle().ctx);
    if (!session->d->ssl || !session->d->attach(fd))
        return Error{ErrorKind::Tls, {}, Text::tr("cannot start TLS: %1").arg(tlsdetail::takeErrors()), true};
    SSL_set_accept_state(session->d->ssl);
    session->d->context = std::move(context);
    return session;
}

Result<std::unique_ptr<TlsSession>> TlsSession::client(std::shared_ptr<const TlsContext> context, int fd, const QString &serverName,
                                                       const QStringList &trustedFingerprints)
{
    ERR_clear_error();
    std::unique_ptr<TlsSession> session(new TlsSession);
    SSL *ssl = SSL_new(context->handle().ctx);
    session->d->ssl = ssl;
    if (!ssl || !session->d->attach(fd))
        return Error{ErrorKind::Tls, {}, Text::tr("cannot start TLS: %1").arg(tlsdetail::takeErrors()), true};
    SSL_set_connect_state(ssl);
    const QByteArray name = serverName.toUtf8();
    if (!name.isEmpty()) {
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
        if (QHostAddress(serverName).isNull()) {
            // SNI is for names only (RFC 6066). The macro SSL_set_tlsext_host_name casts old-style.
            SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char *>(name.constData()));
            X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
            X509_VERIFY_PARAM_set1_host(param, name.constData(), 0);
        } else {
            X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());
        }
    }
    for (const QString &fingerprint : trustedFingerprints)
        if (const QString normal = normalizedFingerprint(fingerprint); !normal.isEmpty())
            session->d->trusted.append(normal);
    session->d->context = std::move(context);
    session->d->client = true;
    return session;
}

TlsSession::Status TlsSession::classify(int rc, const char *call)
{
    const int err = errno;
    const int code = SSL_get_error(d->ssl, rc);
    switch (code) {
    case SSL_ERROR_NONE:
        return Status::Done;
    case SSL_ERROR_WANT_READ:
        return Status::WantRead;
    case SSL_ERROR_WANT_WRITE:
        return Status::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        return Status::Closed;
    case SSL_ERROR_SYSCALL:
        if (ERR_peek_error() == 0) {
            if (err == 0) {
                m_eofWithoutNotify = true;
                m_error = Text::tr("the peer closed the connection without TLS close_notify");
                return Status::Closed;
            }
            m_error = errnoText(err);
            return Status::Error;
        }
        break;
    default:
        break;
    }
    if (ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        ERR_clear_error();
        m_eofWithoutNotify = true;
        m_error = Text::tr("the peer closed the connection without TLS close_notify");
        return Status::Closed;
    }
    m_error = tlsdetail::takeErrors();
    if (m_error.isEmpty())
        m_error = Text::tr("%1 failed (SSL error %2)").arg(QLatin1String(call)).arg(code);
    return Status::Error;
}

TlsSession::Status TlsSession::handshake()
{
    if (m_established)
        return Status::Done;
    ERR_clear_error();
    errno = 0;
    const int rc = SSL_do_handshake(d->ssl);
    const bool plainPeer = rc != 1 && spokePlainText(ERR_peek_error());
    Status status = classify(rc, "SSL_do_handshake");
    if (status == Status::Error && plainPeer) {
        // OpenSSL's words for it ("wrong version number") point at versions; the usual cause is a
        // peer without TLS (plain TCP, SMTP before STARTTLS, HTTP). Say that, and keep its words.
        m_error = (d->client ? Text::tr("the server does not speak TLS (its first bytes are no TLS record: %1)")
                             : Text::tr("the client does not speak TLS (its first bytes are no TLS record: %1)"))
                      .arg(m_error);
    }
    if (status == Status::Closed) {
        // An end before the handshake finished is a failed handshake, not a close.
        m_error = Text::tr("the peer closed the connection during the TLS handshake");
        status = Status::Error;
    }
    if (status == Status::Done) {
        m_established = true;
        if (d->client && d->context->verifies() && !verified() && !d->trusted.contains(peerCertificateSha256())) {
            m_error = Text::tr("the server's certificate was refused: %1 (SHA-256 %2)").arg(verifyResultText(), peerCertificateSha256());
            status = Status::Error;
        }
    }
    trace::record("SSL_do_handshake", [&] { return QStringLiteral("fd %1").arg(d->fd); }, [&] {
        if (status == Status::Done)
            return QStringLiteral("1 %1 %2").arg(protocol(), cipher());
        return status == Status::Error ? QStringLiteral("-1 ") + m_error : statusText(status);
    }, 0);
    return status;
}

TlsSession::Io TlsSession::read(std::span<char> buffer)
{
    ERR_clear_error();
    errno = 0;
    std::size_t n = 0;
    const int rc = SSL_read_ex(d->ssl, buffer.data(), buffer.size(), &n);
    const Status status = rc == 1 ? Status::Done : classify(0, "SSL_read");
    if (status != Status::WantRead)   // "nothing yet" is not a call worth drawing
        trace::recordBytes(0, "SSL_read", [&] { return QStringLiteral("fd %1, %2").arg(d->fd).arg(buffer.size()); }, [&] {
            return status == Status::Done ? QStringLiteral("%1 bytes").arg(n) : statusText(status);
        }, 0, buffer.data(), static_cast<qint64>(n), static_cast<qint64>(n));
    return {status, status == Status::Done ? n : 0};
}

TlsSession::Io TlsSession::write(std::span<const char> data)
{
    if (data.empty())
        return {Status::Done, 0};
    const quint64 place = trace::placeInOrder();
    ERR_clear_error();
    errno = 0;
    std::size_t n = 0;
    const int rc = SSL_write_ex(d->ssl, data.data(), data.size(), &n);
    const Status status = rc == 1 ? Status::Done : classify(0, "SSL_write");
    if (status != Status::WantWrite)
        trace::recordBytes(place, "SSL_write", [&] { return QStringLiteral("fd %1, %2").arg(d->fd).arg(data.size()); }, [&] {
            return status == Status::Done ? QStringLiteral("%1 bytes").arg(n) : statusText(status);
        }, 0, data.data(), static_cast<qint64>(n), static_cast<qint64>(n));
    return {status, status == Status::Done ? n : 0};
}

Result<std::size_t> TlsSession::receive(std::span<char> buffer, bool *readWantsWrite)
{
    const Io io = read(buffer);
    switch (io.status) {
    case Status::Done:
        return io.bytes;
    case Status::WantWrite:
        *readWantsWrite = true;
        return Error::fromErrno(ErrorKind::Receive, EAGAIN, {});
    case Status::WantRead:
        return Error::fromErrno(ErrorKind::Receive, EAGAIN, {});
    case Status::Closed:
        return std::size_t(0);
    case Status::Error:
        break;
    }
    return Error{ErrorKind::Tls, {}, m_error, true};
}

Result<std::size_t> TlsSession::send(std::span<const char> data)
{
    const Io io = write(data);
    switch (io.status) {
    case Status::Done:
        return io.bytes;
    case Status::WantWrite:
    case Status::WantRead:   // renegotiation is refused; a key update only needs a retry
        return Error::fromErrno(ErrorKind::Send, EAGAIN, {});
    case Status::Closed:
    case Status::Error:
        break;
    }
    return Error{ErrorKind::Tls, {}, m_error, true};
}

TlsSession::Status TlsSession::shutdown()
{
    if (m_shutdownSent)
        return Status::Done;
    ERR_clear_error();
    errno = 0;
    const int rc = SSL_shutdown(d->ssl);
    // 0: our close_notify is out, the peer's not yet seen; 1: both. Either way ours is done.
    const Status status = rc >= 0 ? Status::Done : classify(rc, "SSL_shutdown");
    if (status == Status::Done)
        m_shutdownSent = true;
    trace::record("SSL_shutdown", [&] { return QStringLiteral("fd %1").arg(d->fd); }, [&] { return statusText(status); }, 0);
    return status;
}

bool TlsSession::hasBufferedInput() const
{
    return SSL_has_pending(d->ssl) == 1;
}

QString TlsSession::protocol() const
{
    return QString::fromLatin1(SSL_get_version(d->ssl));
}

QString TlsSession::cipher() const
{
    return QString::fromLatin1(SSL_get_cipher_name(d->ssl));
}

QByteArray TlsSession::peerCertificateDer() const
{
    X509 *peer = SSL_get0_peer_certificate(d->ssl);
    if (!peer)
        return {};
    QByteArray der(i2d_X509(peer, nullptr), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(peer, &out);
    return der;
}

QString TlsSession::peerCertificateSha256() const
{
    const QByteArray der = peerCertificateDer();
    return der.isEmpty() ? QString() : certificateFingerprint(der);
}

bool TlsSession::verified() const
{
    return SSL_get0_peer_certificate(d->ssl) && SSL_get_verify_result(d->ssl) == X509_V_OK;
}

QString TlsSession::verifyResultText() const
{
    if (!SSL_get0_peer_certificate(d->ssl))
        return Text::tr("no certificate was presented");
    return QString::fromLatin1(X509_verify_cert_error_string(SSL_get_verify_result(d->ssl)));
}

QByteArray TlsSession::alpn() const
{
    const unsigned char *data = nullptr;
    unsigned length = 0;
    SSL_get0_alpn_selected(d->ssl, &data, &length);
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length));
}

} // namespace socketeer
