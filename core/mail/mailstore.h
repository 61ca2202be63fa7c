#pragma once
// The local inbox on disk: one folder, each received message as NAME.eml (a Received: trace field,
// then exactly the bytes the client sent, dot-unstuffed) beside NAME.json (its envelope: sender, recipients, peer, time, the
// SMTP dialogue). Both are written through QSaveFile, the envelope first and the message last, so
// a NAME.eml exists only once it is whole: a crash leaves at most an envelope without a message,
// which open() sweeps away. Nothing that was answered 250 is ever lost.
//
// The store touches only what it wrote. Its folder is marked as its own by a file it created
// (".socketeer-inbox"); a folder the user points it at that already holds other things (a project,
// their home) gets a folder of the store's own inside it ("socketeer-inbox") instead. It reads,
// sweeps and deletes only regular files named exactly as it names them (NAME is
// "20261204-091502-123-0001-a3f9"), never follows a symlink, never changes the mode of a folder it
// did not make, and makes the folders and files it writes private (0700, 0600).
//
// What the message list needs of each message (envelope, size, and the headers a reader parsed)
// is also kept in one summary file, ".socketeer-summaries": a line of JSON per message, appended by
// the writer when a message is stored and by whoever parsed its headers. It is only a cache: a
// line that is missing, torn or stale costs one message a fresh read, nothing more. It lets a
// restart list 20,000 messages from one file instead of reading and parsing 20,000.
//
// Readers (the inbox panel, the command line) and the receiver's writer may work on the same
// folder from different threads: every call here is a fresh look at the folder, nothing shared.

#include "mail/smtpserversession.h"
#include "net/error.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSaveFile;

namespace socketeer {

struct StoredMessage {
    QString id;          // the file's base name: "20261204-091502-123-0001-a3f9"
    QString path;        // of the .eml
    qint64 size = 0;     // bytes of the .eml (the Received: field included)
    SmtpEnvelope envelope;
};

// What the message list shows of a message's headers, once something has parsed them.
struct MessageSummary {
    QString from, to, subject;
    int attachments = 0;
};

// A row of the message list: the envelope without its dialogue, and the summary when known.
struct ListedMessage {
    StoredMessage message;
    std::optional<MessageSummary> summary;
};

class MailStore {
public:
    // `requested`: the folder the user chose. Where the messages really are is decided from what
    // is on disk now (see directory()), the same way each time, so every MailStore made for the
    // same folder (the receiver's, the panel's, the command line's) agrees.
    explicit MailStore(const QString &requested);

    // QStandardPaths' AppDataLocation + "/inbox".
    static QString defaultDirectory();
    // A store's mark, and the folder it makes inside a folder that is not its own.
    static QString markerName();
    static QString ownFolderName();
    static QString summaryFileName();

    // Where the messages are: `requested` itself when it is marked as a store, does not exist yet,
    // is empty, is the default folder, or holds nothing but the store's own files (a store of an
    // earlier version, which had no mark); otherwise requested/socketeer-inbox.
    const QString &directory() const { return m_directory; }

    // Creates and marks the folder (a folder it creates is 0700; one that existed keeps its mode),
    // then removes what an interrupted write left: QSaveFile's temporaries and envelopes whose
    // message never arrived, by their exact names only.
    Result<void> open() const;
    // Every whole message, newest first. A damaged envelope still lists its message.
    QList<StoredMessage> messages() const;
    // The same messages for a list, from the summary file where it has them (their envelopes
    // then carry no transcript: message() reads the whole one); the rest read as messages() does,
    // and remembered. Rewrites the summary file when it is mostly lines of deleted messages.
    QList<ListedMessage> list() const;
    // Remembers what a reader parsed of a message's headers, for list().
    void remember(const StoredMessage &message, const MessageSummary &summary) const;
    std::optional<StoredMessage> message(const QString &id) const;
    Result<void> remove(const QString &id) const;
    Result<void> clear() const;

    static QString envelopeToJson(const SmtpEnvelope &envelope, qint64 size);
    // An id the store could have made: nothing else is ever read, written or deleted.
    static bool isValidId(const QString &id);

private:
    std::optional<StoredMessage> load(const QString &id) const;

    QString m_directory;
};

// The receiver's side: one message at a time, streamed to disk as it arrives, behind the
// Received: field (tracefield.h) that names `hostName` as the receiving host.
class MailStoreWriter final : public SmtpMessageSink {
public:
    explicit MailStoreWriter(QString directory, QString hostName = QStringLiteral("localhost"));
    ~MailStoreWriter() override;
    MailStoreWriter(const MailStoreWriter &) = delete;
    MailStoreWriter &operator=(const MailStoreWriter &) = delete;

    Result<void> begin(const SmtpEnvelope &envelope) override;
    Result<void> write(QByteArrayView bytes) override;
    Result<QString> finish(const SmtpEnvelope &envelope) override;
    void abort() override;

    // Every message finish() stored since the last call, in order, each handed out once: the
    // receiver announces them. A list, not a slot: one read can hold several whole transactions
    // (a client pipelining past DATA), and a slot would keep only the last.
    QList<StoredMessage> takeStored() { return std::exchange(m_stored, {}); }

private:
    QString m_directory;
    QString m_hostName;
    QString m_id;
    std::unique_ptr<QSaveFile> m_file;
    qint64 m_size = 0;
    QList<StoredMessage> m_stored;
};

} // namespace socketeer
