#pragma once
// Reading a received message (RFC 5322 + MIME) with GMime 3, for the inbox: the decoded headers,
// the text, every leaf part with its decoded name, type and size, and the MIME tree. Lenient the
// way mail readers must be: RFC 2047 words (also inside quotes, as Outlook and QQ write file
// names), RFC 2231 names with continuations, raw 8-bit UTF-8 or GB18030 in headers, base64 and
// quoted-printable, nested multiparts and message/rfc822. A malformed message is read as far as it
// goes; nothing here throws or crashes on any input.
//
// Parsing reads the file through a stream in GMime's persistent mode: part contents stay on disk
// (their offsets are remembered), so a message with a 200 MB attachment is not loaded into memory.
// Every function is safe to call from any thread.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace socketeer {

// One node of the MIME tree, flattened in pre-order.
struct MimeNode {
    int depth = 0;                 // 0: the message's top-level part
    QString contentType;           // "multipart/mixed", "text/plain", "message/rfc822"…
    QString charset;               // the charset parameter, or empty
    QString transferEncoding;      // "base64", "quoted-printable"… or empty
    QString disposition;           // "attachment", "inline" or empty
    QString fileName;              // decoded, or empty
    qint64 decodedSize = -1;       // bytes after transfer decoding; -1 for containers (and PartSizes::Skipped)
    int partIndex = -1;            // leaves: the index into ParsedMail::parts
};

// Every leaf part, in order.
struct MailPart {
    QString contentType;
    QString fileName;
    QString disposition;
    QString charset;
    qint64 decodedSize = -1;       // -1 with PartSizes::Skipped
    // Shown as an attachment: it says so, or has a name, or is neither text nor the body.
    bool isAttachment = false;
};

struct ParsedMail {
    bool ok = false;       // false only when no message could be made of the input at all
    QString problem;       // why, then
    QString from, to, cc, replyTo, subject, messageId;   // decoded to Unicode
    QDateTime date;                                     // invalid when missing or unreadable
    QList<QPair<QString, QString>> headers;             // the top-level headers, decoded, in order
    QString textBody;      // the first text/plain part that is not an attachment
    QString htmlBody;      // the first text/html part that is not an attachment (its source)
    QList<MailPart> parts;
    QList<MimeNode> tree;

    int attachmentCount() const;
};

// Measuring a part's decoded size means decoding it: for a list of messages, which needs only the
// headers and the structure, Skipped leaves every decodedSize at -1 instead.
enum class PartSizes { Measured, Skipped };

ParsedMail parseMailFile(const QString &path, PartSizes sizes = PartSizes::Measured);
ParsedMail parseMail(const QByteArray &bytes, PartSizes sizes = PartSizes::Measured);

// Part `index` (ParsedMail::parts) of the message in the file at `path`, transfer-decoded, written
// to `destination` atomically (QSaveFile). Returns an empty string on success, else what failed.
QString saveMailPart(const QString &path, int index, const QString &destination);
// The same into memory, for small parts; empty when there is no such part.
QByteArray mailPartBytes(const QString &path, int index);

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::ParsedMail)
