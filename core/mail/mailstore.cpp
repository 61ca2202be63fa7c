#include "mailstore.h"

#include "mail/tracefield.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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
const QString kMarker = QStringLiteral(".socketeer-inbox");
const QString kOwnFolder = QStringLiteral("socketeer-inbox");
const QString kSummaries = QStringLiteral(".socketeer-summaries");
constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPrivateFolder = kPrivateFile | QFileDevice::ExeOwner;

// [0-9], not \d: QRegularExpression's \d also matches other scripts' digits.
const QString kIdPattern = QStringLiteral("[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9]{4}-[0-9a-f]{4}");

// The names the store writes: ID.eml, ID.json, and QSaveFile's temporaries of them ("ID.eml.Ab12Cd",
// made when the file system has no unnamed temporary files).
enum class NameKind { Other, Message, Envelope, Temporary, Summaries };

NameKind kindOf(const QString &name, QString *id = nullptr)
{
    static const QRegularExpression summaries(QStringLiteral("^\\.socketeer-summaries(\\.[A-Za-z0-9]{6})?\\z"));
    if (const QRegularExpressionMatch match = summaries.match(name); match.hasMatch())
        return match.capturedLength(1) > 0 ? NameKind::Temporary : NameKind::Summaries;
    static const QRegularExpression pattern(QStringLiteral("^(%1)\\.(eml|json)(\\.[A-Za-z0-9]{6})?\\z").arg(kIdPattern));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return NameKind::Other;
    if (id)
        *id = match.captured(1);
    if (match.capturedLength(3) > 0)
        return NameKind::Temporary;
    return match.capturedView(2) == QLatin1String("eml") ? NameKind::Message : NameKind::Envelope;
}

// A regular file, not a symlink to one: the only kind of entry the store ever reads or deletes.
bool isPlainFile(const QFileInfo &info)
{
    return !info.isSymLink() && info.isFile();
}

// Taken, whatever it is: a dangling symlink counts too (QFileInfo::exists() says no to it).
bool isTaken(const QString &path)
{
    const QFileInfo info(path);
    return info.isSymLink() || info.exists();
}

bool isMarked(const QString &directory)
{
    return isPlainFile(QFileInfo(directory + QLatin1Char('/') + kMarker));
}

// Nothing in it but what a store writes (an empty folder included): a store of the version
// before the mark, or a folder made for the inbox.
bool holdsOnlyStoreFiles(const QString &directory)
{
    const QFileInfoList entries = QDir(directory).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (!isPlainFile(entry) || (kindOf(entry.fileName()) == NameKind::Other && entry.fileName() != kMarker))
            return false;
    }
    return true;
}

bool isDefaultDirectory(const QString &directory)
{
    return QDir::cleanPath(QDir(directory).absolutePath()) == QDir::cleanPath(QDir(MailStore::defaultDirectory()).absolutePath());
}

// Where the store's own files go for a folder the user chose.
QString locate(const QString &requested)
{
    if (isMarked(requested))
        return requested;
    const QString own = requested + QLatin1Char('/') + kOwnFolder;
    if (isMarked(own))
        return own;
    const QFileInfo info(requested);
    if (!info.exists() || !info.isDir())
        return requested;   // made by open(), or open() says it is not a folder
    if (isDefaultDirectory(requested) || holdsOnlyStoreFiles(requested))
        return requested;
    return own;
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
    // Absent in envelopes written before TLS and AUTH: plain, nobody logged in.
    envelope.tls = object.value(QLatin1String("tls")).toBool();
    envelope.tlsVersion = object.value(QLatin1String("tlsVersion")).toString();
    envelope.tlsCipher = object.value(QLatin1String("tlsCipher")).toString();
    envelope.authUser = sanitizedUserName(object.value(QLatin1String("authUser")).toString());
    return envelope;
}

// One line of the summary file: the envelope's listing part, and the parsed headers when known.
QByteArray summaryLine(const StoredMessage &message, const MessageSummary *summary)
{
    QJsonObject object;
    object.insert(QLatin1String("id"), message.id);
    object.insert(QLatin1String("size"), message.size);
    object.insert(QLatin1String("receivedAt"), message.envelope.receivedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QLatin1String("mailFrom"), message.envelope.mailFrom);
    object.insert(QLatin1String("to"), QJsonArray::fromStringList(message.envelope.recipients));
    if (message.envelope.tls)
        object.insert(QLatin1String("tls"), true);
    if (!message.envelope.authUser.isEmpty())
        object.insert(QLatin1String("authUser"), message.envelope.authUser);
    if (summary) {
        object.insert(QLatin1String("summary"), QJsonObject{{QLatin1String("from"), summary->from},
                                                            {QLatin1String("to"), summary->to},
                                                            {QLatin1String("subject"), summary->subject},
                                                            {QLatin1String("attachments"), summary->attachments}});
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Appends whole lines in one write() each: writers in other threads or processes interleave
// lines, never bytes of a line. Nothing is written through a symlink.
void appendSummaryLines(const QString &directory, const QByteArray &lines)
{
    const QString path = directory + QLatin1Char('/') + kSummaries;
    if (lines.isEmpty() || (isTaken(path) && !isPlainFile(QFileInfo(path))))
        return;
    QFile file(path);
    const bool created = !file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;   // only a cache: the next list() reads those messages afresh
    if (created)
        file.setPermissions(kPrivateFile);
    file.write(lines);
}

// Later lines win; a summary, once known, stays known. Torn or foreign lines are skipped.
QHash<QString, ListedMessage> readSummaries(const QString &directory, qsizetype *lineCount)
{
    QHash<QString, ListedMessage> rows;
    *lineCount = 0;
    const QString path = directory + QLatin1Char('/') + kSummaries;
    QFile file(path);
    if (!isPlainFile(QFileInfo(path)) || !file.open(QIODevice::ReadOnly))
        return rows;
    const QByteArray bytes = file.readAll();
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            break;   // a line still being written, or torn by a crash
        const QJsonObject object = QJsonDocument::fromJson(QByteArrayView(bytes).sliced(start, end - start).toByteArray()).object();
        start = end + 1;
        ++*lineCount;
        const QString id = object.value(QLatin1String("id")).toString();
        if (!MailStore::isValidId(id))
            continue;
        ListedMessage &row = rows[id];
        row.message.id = id;
        row.message.path = directory + QLatin1Char('/') + id + kMessageSuffix;
        row.message.size = object.value(QLatin1String("size")).toInteger();
        row.message.envelope.receivedAt = QDateTime::fromString(object.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs);
        row.message.envelope.mailFrom = object.value(QLatin1String("mailFrom")).toString();
        row.message.envelope.recipients.clear();
        for (const QJsonValue &value : object.value(QLatin1String("to")).toArray())
            row.message.envelope.recipients.append(value.toString());
        row.message.envelope.tls = object.value(QLatin1String("tls")).toBool();
        row.message.envelope.authUser = sanitizedUserName(object.value(QLatin1String("authUser")).toString());
        const QJsonValue summary = object.value(QLatin1String("summary"));
        if (summary.isObject()) {
            const QJsonObject s = summary.toObject();
            row.summary = MessageSummary{s.value(QLatin1String("from")).toString(), s.value(QLatin1String("to")).toString(),
                                         s.value(QLatin1String("subject")).toString(), s.value(QLatin1String("attachments")).toInt()};
        }
    }
    return rows;
}

bool newestFirst(const StoredMessage &a, const StoredMessage &b)
{
    if (a.envelope.receivedAt != b.envelope.receivedAt)
        return a.envelope.receivedAt > b.envelope.receivedAt;
    return a.id > b.id;
}

} // namespace

MailStore::MailStore(const QString &requested) : m_directory(locate(QDir::cleanPath(requested))) {}

QString MailStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/inbox");
}

QString MailStore::markerName()
{
    return kMarker;
}

QString MailStore::ownFolderName()
{
    return kOwnFolder;
}

QString MailStore::summaryFileName()
{
    return kSummaries;
}

bool MailStore::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^%1\\z").arg(kIdPattern));
    return pattern.match(id).hasMatch();
}

Result<void> MailStore::open() const
{
    const QString shown = QDir::toNativeSeparators(m_directory);
    const QFileInfo info(m_directory);
    if (!info.exists()) {
        // Mail is private: a folder the store makes is the user's alone from its first instant,
        // as a mail spool would be. Its parents are ordinary folders.
        const QString parent = info.absolutePath();
        if ((!QDir().mkpath(parent) || !QDir().mkdir(m_directory, kPrivateFolder)) && !QFileInfo(m_directory).isDir()) {
            return Error{ErrorKind::InvalidArgument, std::error_code(errno, std::system_category()),
                         Text::tr("cannot create the inbox folder %1").arg(shown), false};
        }
    } else if (!info.isDir()) {
        return Error::invalid(Text::tr("cannot use %1 as the inbox folder: it is not a folder").arg(shown));
    }
    if (!isMarked(m_directory)) {
        // Only a folder locate() chose for itself is adopted; one named like the store's own
        // folder that holds the user's files is not.
        if (!isDefaultDirectory(m_directory) && !holdsOnlyStoreFiles(m_directory))
            return Error::invalid(Text::tr("%1 holds files that are not the inbox's: choose another folder").arg(shown));
        QFile marker(m_directory + QLatin1Char('/') + kMarker);
        if (marker.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            marker.setPermissions(kPrivateFile);
            marker.write("This folder is a Socketeer inbox: Socketeer reads, writes and deletes its message files here\n"
                         "(NAME.eml and NAME.json) and nothing else.\n");
            marker.close();
        } else if (!isMarked(m_directory)) {   // another store marked it meanwhile: fine
            return fileError(ErrorKind::InvalidArgument, Text::tr("cannot create"), marker);
        }
    }
    // What an interrupted write left: QSaveFile's temporaries, and envelopes whose message never
    // arrived. Only regular files with the store's exact names.
    QDir dir(m_directory);
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo &entry : entries) {
        if (!isPlainFile(entry))
            continue;
        QString id;
        const NameKind kind = kindOf(entry.fileName(), &id);
        const bool orphan = kind == NameKind::Envelope && !isTaken(m_directory + QLatin1Char('/') + id + kMessageSuffix);
        if (kind == NameKind::Temporary || orphan)
            dir.remove(entry.fileName());
    }
    return {};
}

std::optional<StoredMessage> MailStore::load(const QString &id) const
{
    const QFileInfo info(m_directory + QLatin1Char('/') + id + kMessageSuffix);
    if (!isPlainFile(info))
        return std::nullopt;
    StoredMessage message;
    message.id = id;
    message.path = info.filePath();
    message.size = info.size();
    const QString envelopePath = m_directory + QLatin1Char('/') + id + kEnvelopeSuffix;
    QFile envelopeFile(envelopePath);
    if (isPlainFile(QFileInfo(envelopePath)) && envelopeFile.open(QIODevice::ReadOnly))
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
        QString id;
        if (kindOf(name, &id) != NameKind::Message)
            continue;
        if (auto message = load(id))
            result.append(std::move(*message));
    }
    std::sort(result.begin(), result.end(), newestFirst);
    return result;
}

QList<ListedMessage> MailStore::list() const
{
    qsizetype lines = 0;
    QHash<QString, ListedMessage> cached = readSummaries(m_directory, &lines);
    // Names only, no stat per file: the directory entry's type is enough to leave symlinks out.
    const QStringList names = QDir(m_directory).entryList({QStringLiteral("*") + kMessageSuffix}, QDir::Files | QDir::NoSymLinks, QDir::Unsorted);
    QList<ListedMessage> result;
    result.reserve(names.size());
    QByteArray learned;
    for (const QString &name : names) {
        QString id;
        if (kindOf(name, &id) != NameKind::Message)
            continue;
        if (auto it = cached.find(id); it != cached.end() && it->message.envelope.receivedAt.isValid()) {
            result.append(std::move(*it));
            continue;
        }
        if (auto message = load(id)) {
            message->envelope.transcript.clear();   // a list row needs none of it
            learned += summaryLine(*message, nullptr);
            result.append(ListedMessage{std::move(*message), std::nullopt});
        }
    }
    std::sort(result.begin(), result.end(), [](const ListedMessage &a, const ListedMessage &b) { return newestFirst(a.message, b.message); });
    if (lines > 2 * result.size() + 1000) {
        // Mostly deleted messages: written afresh. A line another writer appends meanwhile may be
        // lost, which costs that message one fresh read.
        QByteArray all;
        for (const ListedMessage &row : result)
            all += summaryLine(row.message, row.summary ? &*row.summary : nullptr);
        QSaveFile file(m_directory + QLatin1Char('/') + kSummaries);
        if (file.open(QIODevice::WriteOnly) && file.setPermissions(kPrivateFile) && file.write(all) == all.size())
            file.commit();
    } else {
        appendSummaryLines(m_directory, learned);
    }
    return result;
}

void MailStore::remember(const StoredMessage &message, const MessageSummary &summary) const
{
    if (isValidId(message.id))
        appendSummaryLines(m_directory, summaryLine(message, &summary));
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
    const QString messagePath = m_directory + QLatin1Char('/') + id + kMessageSuffix;
    const QString envelopePath = m_directory + QLatin1Char('/') + id + kEnvelopeSuffix;
    const QFileInfo messageInfo(messagePath);
    if (isTaken(messagePath) && !isPlainFile(messageInfo))
        return Error::invalid(Text::tr("\"%1\" is not a message of this inbox").arg(id));
    // The message first: if we stop between the two, an envelope alone is swept by open().
    QFile message(messagePath);
    if (isTaken(messagePath) && !message.remove())
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot delete"), message);
    if (isPlainFile(QFileInfo(envelopePath)))
        QFile::remove(envelopePath);
    return {};
}

Result<void> MailStore::clear() const
{
    const QFileInfoList entries = QDir(m_directory).entryInfoList({QStringLiteral("*") + kMessageSuffix}, QDir::Files);
    for (const QFileInfo &entry : entries) {
        QString id;
        if (!isPlainFile(entry) || kindOf(entry.fileName(), &id) != NameKind::Message)
            continue;
        if (auto removed = remove(id); !removed)
            return removed;
    }
    const QString summaries = m_directory + QLatin1Char('/') + kSummaries;
    if (isPlainFile(QFileInfo(summaries)))
        QFile::remove(summaries);
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
    object.insert(QLatin1String("tls"), envelope.tls);
    object.insert(QLatin1String("tlsVersion"), envelope.tlsVersion);
    object.insert(QLatin1String("tlsCipher"), envelope.tlsCipher);
    object.insert(QLatin1String("authUser"), envelope.authUser);
    object.insert(QLatin1String("transcript"), QJsonArray::fromStringList(envelope.transcript));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

MailStoreWriter::MailStoreWriter(QString directory, QString hostName) : m_directory(std::move(directory)), m_hostName(std::move(hostName)) {}

MailStoreWriter::~MailStoreWriter()
{
    abort();
}

Result<void> MailStoreWriter::begin(const SmtpEnvelope &envelope)
{
    abort();
    QString id;
    // Never over anything already there, whoever made it.
    do {
        id = newId();
    } while (isTaken(m_directory + QLatin1Char('/') + id + kMessageSuffix) || isTaken(m_directory + QLatin1Char('/') + id + kEnvelopeSuffix));
    auto file = std::make_unique<QSaveFile>(m_directory + QLatin1Char('/') + id + kMessageSuffix);
    if (!file->open(QIODevice::WriteOnly))
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot create"), *file);
    file->setPermissions(kPrivateFile);
    // The trace field first (RFC 5321 4.4: a receiver adds it at the top, and changes nothing
    // else); every byte after it is the client's.
    const QByteArray trace = receivedTraceField(envelope, m_hostName, id, QDateTime::currentDateTimeUtc());
    if (file->write(trace) != trace.size())
        return fileError(ErrorKind::InvalidArgument, Text::tr("cannot write"), *file);
    m_file = std::move(file);
    m_id = id;
    m_size = trace.size();
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
    if (!envelopeFile.open(QIODevice::WriteOnly) || !envelopeFile.setPermissions(kPrivateFile) || envelopeFile.write(MailStore::envelopeToJson(envelope, m_size).toUtf8()) < 0
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
    appendSummaryLines(m_directory, summaryLine(stored, nullptr));
    m_stored.append(std::move(stored));
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
