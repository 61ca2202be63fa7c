#include "mailstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>
#include <cerrno>

namespace socketeer {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::MailStore)
};

const QString kMessageSuffix = QStringLiteral(".eml");
const QString kEnvelopeSuffix = QStringLiteral(".json");

// Ids are file names we made: nothing a caller passes may walk out of the folder.
bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z-]{1,80}$"));
    return pattern.match(id).hasMatch();
}

QString newId()
{
    static std::atomic<quint32> counter{0};
    const quint32 n = counter.fetch_add(1, std::memory_order_relaxed) % 10000;
    return QStringLiteral("%1-%2-%3")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
        .arg(n, 4, 10, QLatin1Char('0'))
        .arg(QRandomGenerator::global()->bounded(0x10000u), 4, 16, QLatin1Char('0'));
}

Error fileError(ErrorKind kind, const QString &what, const QFileDevice &file)
{
    return Error{kind, std::error_code(errno, std::system_category()), QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString()), false};
}

SmtpEnvelope envelopeFromJson(const QJsonObject &object)
{
    SmtpEnvelope envelope;
    envelope.heloName = object.value(QLatin1String("helo")).toString();
    envelope.mailFrom = object.value(QLatin1String("from")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("to")).toArray())
        envelope.recipients.append(value.toString());
    envelope.peer = object.value(QLatin1String("peer")).toString();
    envelope.receivedAt = QDateTime::fromString(object.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs);
    envelope.smtpUtf8 = object.value(QLatin1String("smtputf8")).toBool();
    envelope.body = object.value(QLatin1String("body")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("transcript")).toArray())
        envelope.transcript.append(value.toString());
    return envelope;
}

} // namespace

MailStore::MailStore(QString directory) : m_directory(std::move(directory)) {}

QString MailStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/inbox");
}

Result<void> MailStore::open() const
{
    QDir dir(m_directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        return Error{ErrorKind::InvalidArgument, std::error_code(errno, std::system_category()),
                     Text::tr("cannot create the inbox folder %1").arg(QDir::toNativeSeparators(m_directory)), false};
    }
    // Mail is private: the folder is the user's alone, as a mail spool would be.
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // QSaveFile names its temporary after the target ("x.eml.AbCdEf") when the file system cannot
    // give it an unnamed one; after a crash such a file is a half message.
    const QStringList entries = dir.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : entries) {
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        const QString id = dot < 0 ? name : name.left(dot);
        const QString suffix = dot < 0 ? QString() : name.mid(dot);
        if (!isValidId(id))
            continue;
        const bool temporary = suffix.startsWith(kMessageSuffix + QLatin1Char('.')) || suffix.startsWith(kEnvelopeSuffix + QLatin1Char('.'));
        const bool orphan = suffix == kEnvelopeSuffix && !dir.exists(id + kMessageSuffix);
        if (temporary || orphan)
            dir.remove(name);
    }
    return {};
}

std::optional<StoredMessage> MailStore::load(const QString &id) const
{
    const QFileInfo info(m_directory + QLatin1Char('/') + id + kMessageSuffix);
    if (!info.isFile())
        return std::nullopt;
    StoredMessage message;
    message.id = id;
    message.path = info.filePath();
    message.size = info.size();
    QFile envelopeFile(m_directory + QLatin1Char('/') + id + kEnvelopeSuffix);
    if (envelopeFile.open(QIODevice::ReadOnly))
        message.envelope = envelopeFromJson(QJsonDocument::fromJson(envelopeFile.readAll()).object());
    if (!message.envelope.receivedAt.isValid())
        message.envelope.receivedAt = info.lastModified().toUTC();
    return message;
}

QList<StoredMessage> MailStore::messages() const
{
    QList<StoredMessage> result;
    const QStringList names = QDir(m_directory).entryList({QStringLiteral("*") + kMessageSuffix}, QDir::Files);
    for (const QString &name : names) {
        const QString id = name.chopped(kMessageSuffix.size());
        if (!isValidId(id))
            continue;
        if (auto message = load(id))
            result.append(std::move(*message));
    }
    std::sort(result.begin(), result.end(), [](const StoredMessage &a, const StoredMessage &b) {
        if (a.envelope.receivedAt != b.envelope.receivedAt)
            return a.envelope.receivedAt > b.envelope.receivedAt;
        return a.id > b.id;
    });
    return result;
}

std::optional<StoredMessage> MailStore::message(const QString &id) const
{
    if (!isValidId(id))
        return std::nullopt;
    return load(id);
}

Result<void> MailStore::remove(const QString &id) const
{
    if (!isValidId(id))
        return Error::invalid(Text::tr("\"%1\" is not a message of this inbox").arg(id));
    // The message first: if we stop between the two, an envelope alone is swept by open().
    QFile message(m_directory + QLatin1Char('/') + id + kMessageSuffix);
    if (message.exists() && !message.remove())
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot delete"), message);
    QFile::remove(m_directory + QLatin1Char('/') + id + kEnvelopeSuffix);
    return {};
}

Result<void> MailStore::clear() const
{
    const QStringList names = QDir(m_directory).entryList({QStringLiteral("*") + kMessageSuffix}, QDir::Files);
    for (const QString &name : names) {
        if (auto removed = remove(name.chopped(kMessageSuffix.size())); !removed)
            return removed;
    }
    return {};
}

QString MailStore::envelopeToJson(const SmtpEnvelope &envelope, qint64 size)
{
    QJsonObject object;
    object.insert(QLatin1String("helo"), envelope.heloName);
    object.insert(QLatin1String("from"), envelope.mailFrom);
    object.insert(QLatin1String("to"), QJsonArray::fromStringList(envelope.recipients));
    object.insert(QLatin1String("peer"), envelope.peer);
    object.insert(QLatin1String("receivedAt"), envelope.receivedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QLatin1String("smtputf8"), envelope.smtpUtf8);
    object.insert(QLatin1String("body"), envelope.body);
    object.insert(QLatin1String("size"), size);
    object.insert(QLatin1String("transcript"), QJsonArray::fromStringList(envelope.transcript));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

MailStoreWriter::MailStoreWriter(QString directory) : m_directory(std::move(directory)) {}

MailStoreWriter::~MailStoreWriter()
{
    abort();
}

Result<void> MailStoreWriter::begin(const SmtpEnvelope &)
{
    abort();
    QString id;
    do {
        id = newId();
    } while (QFile::exists(m_directory + QLatin1Char('/') + id + kMessageSuffix));
    auto file = std::make_unique<QSaveFile>(m_directory + QLatin1Char('/') + id + kMessageSuffix);
    if (!file->open(QIODevice::WriteOnly))
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot create"), *file);
    m_file = std::move(file);
    m_id = id;
    m_size = 0;
    return {};
}

Result<void> MailStoreWriter::write(QByteArrayView bytes)
{
    if (!m_file)
        return Error::invalid(Text::tr("no message is being stored"));
    if (m_file->write(bytes.data(), bytes.size()) != bytes.size())
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot write"), *m_file);
    m_size += bytes.size();
    return {};
}

Result<QString> MailStoreWriter::finish(const SmtpEnvelope &envelope)
{
    if (!m_file)
        return Error::invalid(Text::tr("no message is being stored"));
    const QString envelopePath = m_directory + QLatin1Char('/') + m_id + kEnvelopeSuffix;
    QSaveFile envelopeFile(envelopePath);
    if (!envelopeFile.open(QIODevice::WriteOnly) || envelopeFile.write(MailStore::envelopeToJson(envelope, m_size).toUtf8()) < 0
        || !envelopeFile.commit()) {
        const Error error = fileError(ErrorKind::InvalidArgument, Text::tr("cannot write"), envelopeFile);
        abort();
        return error;
    }
    // The message last: once NAME.eml exists, it is whole.
    if (!m_file->commit()) {
        const Error error = fileError(ErrorKind::InvalidArgument, Text::tr("cannot write"), *m_file);
        m_file.reset();
        QFile::remove(envelopePath);
        return error;
    }
    m_file.reset();
    StoredMessage stored;
    stored.id = m_id;
    stored.path = m_directory + QLatin1Char('/') + m_id + kMessageSuffix;
    stored.size = m_size;
    stored.envelope = envelope;
    m_stored = std::move(stored);
    return m_id;
}

void MailStoreWriter::abort()
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();   // QSaveFile discards its temporary
    }
}

} // namespace socketeer
