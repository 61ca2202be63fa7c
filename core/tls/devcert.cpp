#include "devcert.h"

#include <QStandardPaths>

#include "opensslerror.h"
#include "net/error.h"
#include "tlscontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Tls)
};

constexpr auto kCertificateName = "dev-cert.pem";
constexpr auto kKeyName = "dev-key.pem";
constexpr auto kKeyTemporaryName = "dev-key.pem.tmp";
// Made anew this long before it expires, so a running server is not left with an expired one.
constexpr qint64 kRenewBeforeSeconds = 24 * 3600;

struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct KeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

Error failure(QString sentence)
{
    return {ErrorKind::Tls, {}, std::move(sentence), true};
}

QDateTime fromAsn1(const ASN1_TIME *time)
{
    struct tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday), QTime(parts.tm_hour, parts.tm_min, parts.tm_sec),
                     Qt::UTC);
}

QByteArray der(X509 *certificate)
{
    QByteArray out(i2d_X509(certificate, nullptr), Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    i2d_X509(certificate, &p);
    return out;
}

QByteArray memoryText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, context, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

// The existing pair, if it is still good at `now`: both files there, the key the user's only, the
// key matching the certificate, the certificate valid for more than a day.
std::optional<DevCertificate> reuse(const QString &certificateFile, const QString &keyFile, const QDateTime &now)
{
    struct stat keyStat {};
    if (::lstat(QFile::encodeName(keyFile).constData(), &keyStat) != 0 || !S_ISREG(keyStat.st_mode) || (keyStat.st_mode & 077) != 0
        || keyStat.st_uid != ::geteuid())
        return std::nullopt;
    auto context = TlsContext::server(certificateFile, keyFile);
    if (!context)
        return std::nullopt;
    const QByteArray bytes = (*context)->certificateDer();
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    X509Ptr certificate(d2i_X509(nullptr, &p, bytes.size()));
    if (!certificate)
        return std::nullopt;
    DevCertificate found{certificateFile, keyFile, (*context)->certificateSha256(), fromAsn1(X509_get0_notBefore(certificate.get())),
                         fromAsn1(X509_get0_notAfter(certificate.get())), false};
    if (!found.notBefore.isValid() || !found.notAfter.isValid() || found.notBefore > now
        || found.notAfter.toSecsSinceEpoch() - now.toSecsSinceEpoch() <= kRenewBeforeSeconds)
        return std::nullopt;
    return found;
}

// Written so the key is never readable by anyone else, not even for an instant: created 0600 with
// O_EXCL (a name someone placed there is not followed or reused), then renamed over the old one.
Result<void> writeKeyFile(const QString &folder, const QByteArray &pem)
{
    const QByteArray temporary = QFile::encodeName(folder + QLatin1Char('/') + QLatin1String(kKeyTemporaryName));
    const QByteArray final = QFile::encodeName(folder + QLatin1Char('/') + QLatin1String(kKeyName));
    ::unlink(temporary.constData());   // a leftover of ours from an interrupted run
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return failure(Text::tr("cannot create %1: %2").arg(QFile::decodeName(temporary), errnoText(errno)));
    qsizetype done = 0;
    while (done < pem.size()) {
        const ssize_t n = ::write(fd, pem.constData() + done, static_cast<size_t>(pem.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temporary.constData());
            return failure(Text::tr("cannot write %1: %2").arg(QFile::decodeName(temporary), errnoText(err)));
        }
        done += n;
    }
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!synced || ::rename(temporary.constData(), final.constData()) != 0) {
        ::unlink(temporary.constData());
        return failure(Text::tr("cannot write %1: %2").arg(QFile::decodeName(final), errnoText(synced ? errno : err)));
    }
    return {};
}

} // namespace

Result<DevCertificate> ensureDevCertificate(const QString &folder, const DevCertificateOptions &options)
{
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const QString certificateFile = folder + QLatin1Char('/') + QLatin1String(kCertificateName);
    const QString keyFile = folder + QLatin1Char('/') + QLatin1String(kKeyName);

    if (!QFileInfo(folder).isDir()) {
        QDir().mkpath(QFileInfo(folder).absolutePath());
        if (::mkdir(QFile::encodeName(folder).constData(), 0700) != 0 && errno != EEXIST)
            return failure(Text::tr("cannot create the folder %1: %2").arg(folder, errnoText(errno)));
    }
    if (auto found = reuse(certificateFile, keyFile, now))
        return *found;

    ERR_clear_error();
    KeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr certificate(X509_new());
    if (!key || !certificate)
        return failure(Text::tr("cannot make a development key: %1").arg(tlsdetail::takeErrors()));
    X509 *x = certificate.get();
    X509_set_version(x, X509_VERSION_3);
    // A random positive 127-bit serial: two certificates made here never share one.
    unsigned char serialBytes[16];
    RAND_bytes(serialBytes, sizeof serialBytes);
    serialBytes[0] &= 0x7f;
    BIGNUM *serial = BN_bin2bn(serialBytes, sizeof serialBytes, nullptr);
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x));
    BN_free(serial);
    const time_t start = static_cast<time_t>(now.toSecsSinceEpoch() - 3600);   // an hour's leeway for clocks
    const time_t end = static_cast<time_t>(now.addDays(options.validDays).toSecsSinceEpoch());
    ASN1_TIME_set(X509_getm_notBefore(x), start);
    ASN1_TIME_set(X509_getm_notAfter(x), end);
    X509_set_pubkey(x, key.get());
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Socketeer"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Socketeer development certificate (localhost)"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX extensionContext;
    X509V3_set_ctx(&extensionContext, x, x, nullptr, nullptr, 0);
    const bool extended = addExtension(x, &extensionContext, NID_basic_constraints, "critical,CA:FALSE")
                          && addExtension(x, &extensionContext, NID_key_usage, "critical,digitalSignature")
                          && addExtension(x, &extensionContext, NID_ext_key_usage, "serverAuth")
                          && addExtension(x, &extensionContext, NID_subject_key_identifier, "hash")
                          && addExtension(x, &extensionContext, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    if (!extended || X509_sign(x, key.get(), EVP_sha256()) <= 0)
        return failure(Text::tr("cannot make a development certificate: %1").arg(tlsdetail::takeErrors()));

    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certificateBio || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certificateBio.get(), x) != 1)
        return failure(Text::tr("cannot make a development certificate: %1").arg(tlsdetail::takeErrors()));

    // The key first: a certificate on disk always has its key beside it.
    if (auto written = writeKeyFile(folder, memoryText(keyBio.get())); !written)
        return written.error();
    QSaveFile certificateOut(certificateFile);
    if (!certificateOut.open(QIODevice::WriteOnly) || certificateOut.write(memoryText(certificateBio.get())) < 0 || !certificateOut.commit())
        return failure(Text::tr("cannot write %1: %2").arg(certificateFile, certificateOut.errorString()));

    return DevCertificate{certificateFile, keyFile, certificateFingerprint(der(x)), fromAsn1(X509_get0_notBefore(x)),
                          fromAsn1(X509_get0_notAfter(x)), true};
}

QString defaultDevCertificateFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tls");
}

QString devCertificateFile(const QString &folder)
{
    return QDir(folder).filePath(QLatin1String(kCertificateName));
}

QString devKeyFile(const QString &folder)
{
    return QDir(folder).filePath(QLatin1String(kKeyName));
}

} // namespace socketeer
