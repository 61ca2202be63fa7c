#include "tlscontext.h"

#include "opensslerror.h"
#include "tlscontexthandle.h"

#include "net/tlsstream.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Tls)
};

Error tlsError(QString sentence)
{
    return {ErrorKind::Tls, {}, std::move(sentence), true};
}

// The whole file, or an error naming it: missing, not a file, unreadable, empty.
Result<QByteArray> readPemFile(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return tlsError(Text::tr("no %1 file given").arg(what));
    if (!info.exists())
        return tlsError(Text::tr("%1 file %2 does not exist").arg(what, path));
    if (!info.isFile())
        return tlsError(Text::tr("%1 file %2 is not a regular file").arg(what, path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(Text::tr("cannot read %1 file %2: %3").arg(what, path, file.errorString()));
    // A certificate or key is a few KiB; a chain a few dozen. Anything far larger is not one.
    QByteArray data = file.read(1024 * 1024);
    if (data.isEmpty())
        return tlsError(Text::tr("%1 file %2 is empty").arg(what, path));
    return data;
}

struct BioFree { void operator()(BIO *bio) const { BIO_free(bio); } };
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct KeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

// Never prompt on the terminal for a pass phrase (OpenSSL's default): an encrypted key is refused.
int noPassword(char *, int, int, void *)
{
    return -1;
}

SSL_CTX *newContext(const SSL_METHOD *method)
{
    SSL_CTX *ctx = SSL_CTX_new(method);
    if (!ctx)
        return nullptr;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
    // The send queue gives SSL_write the rest of a chunk after a partial write, from wherever the
    // chunk now lives (the echo path moves unsent bytes from the read buffer into the queue).
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    return ctx;
}

} // namespace

TlsContext::TlsContext() : m_handle(std::make_unique<Handle>()) {}
TlsContext::~TlsContext() = default;

QString certificateFingerprint(const QByteArray &der)
{
    return normalizedFingerprint(QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex()));
}

Result<std::shared_ptr<const TlsContext>> TlsContext::server(const QString &certificateFile, const QString &keyFile)
{
    const QString certificateWhat = Text::tr("certificate");
    const QString keyWhat = Text::tr("key");
    auto certificatePem = readPemFile(certificateFile, certificateWhat);
    if (!certificatePem)
        return certificatePem.error();
    auto keyPem = readPemFile(keyFile, keyWhat);
    if (!keyPem)
        return keyPem.error();

    ERR_clear_error();
    std::shared_ptr<TlsContext> context(new TlsContext);
    context->m_server = true;
    context->m_handle->ctx = newContext(TLS_server_method());
    if (!context->m_handle->ctx)
        return tlsError(Text::tr("cannot set up TLS: %1").arg(tlsdetail::takeErrors()));
    SSL_CTX *ctx = context->m_handle->ctx;

    auto bio = memoryBio(*certificatePem);
    std::unique_ptr<X509, X509Free> leaf(PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr));
    if (!leaf) {
        tlsdetail::takeErrors();
        return tlsError(Text::tr("certificate file %1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\")").arg(certificateFile));
    }
    if (SSL_CTX_use_certificate(ctx, leaf.get()) != 1)
        return tlsError(Text::tr("certificate file %1: %2").arg(certificateFile, tlsdetail::takeErrors()));
    // The rest of the file: intermediate certificates, sent along so clients can build the chain.
    while (X509 *extra = PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr)) {
        if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) {
            X509_free(extra);
            return tlsError(Text::tr("certificate file %1: %2").arg(certificateFile, tlsdetail::takeErrors()));
        }
    }
    ERR_clear_error();   // the end of the file reads as "no start line"

    auto keyBio = memoryBio(*keyPem);
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr));
    if (!key) {
        const QString reason = tlsdetail::takeErrors();
        if (keyPem->contains("ENCRYPTED"))
            return tlsError(Text::tr("key file %1 is encrypted with a pass phrase; give an unencrypted key").arg(keyFile));
        return tlsError(Text::tr("key file %1 holds no PEM private key (%2)").arg(keyFile, reason));
    }
    if (SSL_CTX_use_PrivateKey(ctx, key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        tlsdetail::takeErrors();
        return tlsError(Text::tr("key file %1 does not match the certificate in %2").arg(keyFile, certificateFile));
    }

    const int size = i2d_X509(leaf.get(), nullptr);
    if (size > 0) {
        context->m_certificateDer.resize(size);
        auto *out = reinterpret_cast<unsigned char *>(context->m_certificateDer.data());
        i2d_X509(leaf.get(), &out);
    }
    context->m_sha256 = certificateFingerprint(context->m_certificateDer);
    return std::shared_ptr<const TlsContext>(std::move(context));
}

Result<std::shared_ptr<const TlsContext>> TlsContext::client(const TlsClientOptions &options)
{
    ERR_clear_error();
    std::shared_ptr<TlsContext> context(new TlsContext);
    context->m_verify = options.verify;
    context->m_handle->ctx = newContext(TLS_client_method());
    if (!context->m_handle->ctx)
        return tlsError(Text::tr("cannot set up TLS: %1").arg(tlsdetail::takeErrors()));
    SSL_CTX *ctx = context->m_handle->ctx;
    if (SSL_CTX_set_default_verify_paths(ctx) != 1)
        tlsdetail::takeErrors();   // no system store: only the CA file (if any) can verify
    if (!options.caFile.isEmpty()) {
        auto pem = readPemFile(options.caFile, Text::tr("CA"));
        if (!pem)
            return pem.error();
        const QByteArray path = QFile::encodeName(options.caFile);
        if (SSL_CTX_load_verify_locations(ctx, path.constData(), nullptr) != 1)
            return tlsError(Text::tr("CA file %1 holds no usable PEM certificate: %2").arg(options.caFile, tlsdetail::takeErrors()));
    }
    // Verification failures are decided by the session (a trusted fingerprint may override one),
    // so OpenSSL records the result instead of aborting the handshake.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    for (const QString &protocol : options.alpn) {
        const QByteArray name = protocol.toLatin1();
        if (name.isEmpty() || name.size() > 255)
            return tlsError(Text::tr("ALPN protocol \"%1\" must be 1 to 255 characters").arg(protocol));
        context->m_handle->alpnWire.append(static_cast<char>(name.size())).append(name);
    }
    if (!context->m_handle->alpnWire.isEmpty()
        && SSL_CTX_set_alpn_protos(ctx, reinterpret_cast<const unsigned char *>(context->m_handle->alpnWire.constData()),
                                   static_cast<unsigned>(context->m_handle->alpnWire.size())) != 0)
        return tlsError(Text::tr("cannot set the ALPN list: %1").arg(tlsdetail::takeErrors()));
    return std::shared_ptr<const TlsContext>(std::move(context));
}

} // namespace socketeer
