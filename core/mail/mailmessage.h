#pragma once
// A message as the compose window and `socketeer mail` describe it, and the RFC 5322/MIME text
// built from it (with GMime): From, To, Cc, Subject, Date, Message-ID and MIME-Version headers,
// never a Bcc header; non-ASCII names and subject as RFC 2047 encoded words; the body as
// text/plain; charset=utf-8; each attachment as a base64 part of multipart/mixed, its type found
// by QMimeDatabase and its name given both as RFC 2231 filename*= and as an RFC 2047 name=
// fallback; CRLF line ends throughout, no line over 998 octets. Attachments are streamed from
// disk while the message is written, never read into memory whole.

#include "mail/mailaddress.h"
#include "net/error.h"

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace socketeer {

struct MailMessage {
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc;        // only in the envelope (envelopeRecipients()), never a header
    QString subject;
    QString body;                  // plain text; line ends become CRLF whatever they were
    QStringList attachments;       // paths of files, attached under their own file names
};

// Every address the message goes to, for RCPT TO: To, then Cc, then Bcc, each address once
// (compared case-insensitively), in that order.
QStringList envelopeRecipients(const MailMessage &message);

// The checks writeMailMessage() makes before writing a byte: valid From and recipient addresses
// (at least one recipient), no CR/LF or control characters in the subject, names and addresses,
// and every attachment an existing, readable regular file.
Result<void> validateMailMessage(const MailMessage &message);

// Writes the message to `device` (open for writing). Nothing is written when the message is
// invalid or an attachment cannot be opened; a write that fails half-way leaves what was written.
Result<void> writeMailMessage(const MailMessage &message, QIODevice *device);
// Writes the message to a file, atomically: on any error the file is not created or replaced.
Result<void> writeMailMessage(const MailMessage &message, const QString &path);

} // namespace socketeer
