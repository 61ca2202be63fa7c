#include "mail/gmimesupport.h"   // first: GMime before Qt, see there

#include "mail/mailmessage.h"
#include "text/encoding.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QSet>
#include <QUrl>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace socketeer {

namespace {
// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Mail)
};

using gmime::Ref;

QString attachmentWhat(const QString &path) { return Text::tr("attachment \"%1\"").arg(path); }

Result<void> validateAttachment(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::fromErrno(ErrorKind::InvalidArgument, ENOENT, attachmentWhat(path));
    if (!info.isFile())
        return Error::invalid(Text::tr("%1 is not a regular file").arg(attachmentWhat(path)));
    return validateHeaderText(info.fileName(), attachmentWhat(path));
}

// Text line ends in their canonical MIME form, CRLF, before any encoding (RFC 2045 2.10).
QByteArray canonicalText(const QString &text)
{
    QString crlf = text;
    crlf.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    crlf.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    return crlf.toUtf8();
}

// The domain part of Message-ID: the sender's domain, in ASCII (punycode) form.
QByteArray messageIdDomain(const QString &address)
{
    QString domain = address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
    if (domain.startsWith(QLatin1Char('[')))
        return QByteArrayLiteral("localhost");
    const QByteArray ace = QUrl::toAce(domain);
    return ace.isEmpty() ? QByteArrayLiteral("localhost") : ace;
}

// The RFC 2047 form of a file name for the name= fallback, as ASCII: UTF-8 "B" words of whole
// characters, each within the 75 characters RFC 2047 (section 2) allows, separated by spaces
// (which a decoder drops between words). Neither of GMime's encoders keeps that limit for Chinese
// text: its parameter encoder writes one word of any length, g_mime_utils_header_encode_text
// one of 130 characters for a 30-character name (tst_mailmessage checks the limit).
QByteArray encodedWords(const QString &text)
{
    constexpr qsizetype kBytesPerWord = 45;   // base64: 60 characters, 72 with "=?UTF-8?B?" and "?="
    QByteArrayList words;
    QByteArray chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty())
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = QStringView(text).mid(i, length).toUtf8();
        if (chunk.size() + character.size() > kBytesPerWord)
            flush();
        chunk += character;
        i += length;
    }
    flush();
    return words.join(' ');
}

// The Subject header. GMime's encoder leaves text that looks like an encoded word ("=?utf-8?B?")
// as it is, so readers decode what the user typed into something else (and it broke the words
// after it), and it writes Chinese as one encoded word longer than RFC 2047's 75 characters. So a
// subject that is not plain ASCII, or holds "=?", is written as encodedWords(), one per line.
void setSubject(GMimeMessage *message, const QString &subject)
{
    g_mime_message_set_subject(message, subject.toUtf8().constData(), "utf-8");
    if (isAscii(subject) && !subject.contains(QLatin1String("=?")))
        return;   // GMime writes and folds plain ASCII well
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    if (GMimeHeader *header = headers ? g_mime_header_list_get_header(headers, "Subject") : nullptr)
        g_mime_header_set_raw_value(header, (' ' + encodedWords(subject).replace(' ', "\n ") + '\n').constData());
}

void addMailboxes(GMimeMessage *message, GMimeAddressType type, const QList<MailAddress> &addresses)
{
    for (const MailAddress &address : addresses) {
        const QByteArray name = address.name.toUtf8();
        g_mime_message_add_mailbox(message, type, address.name.isEmpty() ? nullptr : name.constData(),
                                   address.address.toUtf8().constData());
    }
}

Ref<GMimeObject> textPart(const QString &body)
{
    GMimeTextPart *text = g_mime_text_part_new_with_subtype("plain");
    Ref<GMimeObject> object(GMIME_OBJECT(text));
    // Not g_mime_text_part_set_text(): it would pick (and convert to) the "best" charset, Latin-1
    // for "café". We promise UTF-8.
    g_mime_object_set_content_type_parameter(object.get(), "charset", "utf-8");
    const QByteArray bytes = canonicalText(body);
    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size())));
    Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    GMimePart *part = GMIME_PART(text);
    g_mime_part_set_content(part, content.get());
    // 7bit when it is short-lined ASCII, otherwise quoted-printable or base64 (whichever is
    // shorter): never 8bit, and never a line over 998 octets.
    g_mime_part_set_content_encoding(part, g_mime_part_get_best_content_encoding(part, GMIME_ENCODING_CONSTRAINT_7BIT));
    return object;
}

Result<Ref<GMimeObject>> attachmentPart(const QString &path)
{
    const QFileInfo info(path);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error::fromErrno(ErrorKind::InvalidArgument, errno, attachmentWhat(path));
    Ref<GMimeStream> stream(g_mime_stream_fs_new(fd));   // owns fd from here

    QString type = QMimeDatabase().mimeTypeForFile(info).name();   // by content and name
    if (type.count(QLatin1Char('/')) != 1)
        type = QStringLiteral("application/octet-stream");
    const QByteArray mediaType = type.section(QLatin1Char('/'), 0, 0).toLatin1();
    const QByteArray subType = type.section(QLatin1Char('/'), 1, 1).toLatin1();

    GMimePart *part = g_mime_part_new_with_type(mediaType.constData(), subType.constData());
    Ref<GMimeObject> object(GMIME_OBJECT(part));
    GMimeContentDisposition *disposition = g_mime_content_disposition_new();
    g_mime_content_disposition_set_disposition(disposition, GMIME_DISPOSITION_ATTACHMENT);
    g_mime_object_set_content_disposition(object.get(), disposition);
    g_object_unref(disposition);

    // Content-Disposition filename= and Content-Type name=. The write options encode parameters
    // the RFC 2231 way (filename*=UTF-8''..., in continuations when long); name= carries RFC 2047
    // encoded words instead, the fallback Outlook and QQ Mail read.
    g_mime_part_set_filename(part, info.fileName().toUtf8().constData());
    if (!isAscii(info.fileName())) {
        GMimeParamList *typeParams = g_mime_content_type_get_parameters(g_mime_object_get_content_type(object.get()));
        g_mime_param_list_set_parameter(typeParams, "name", encodedWords(info.fileName()).constData());
        // ASCII now; left to itself GMime would split a long value into RFC 2231 continuations.
        if (GMimeParam *name = g_mime_param_list_get_parameter(typeParams, "name"))
            g_mime_param_set_encoding_method(name, GMIME_PARAM_ENCODING_METHOD_RFC2047);
    }

    Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, content.get());
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);   // lines of 76
    return object;
}

Result<Ref<GMimeMessage>> buildMessage(const MailMessage &mail)
{
    gmime::ensureInitialized();
    Ref<GMimeMessage> message(g_mime_message_new(TRUE));
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_FROM, {mail.from});
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_TO, mail.to);
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_CC, mail.cc);
    // mail.bcc: envelope only.
    setSubject(message.get(), mail.subject);

    GDateTime *now = g_date_time_new_now_local();
    g_mime_message_set_date(message.get(), now);
    g_date_time_unref(now);
    char *id = g_mime_utils_generate_message_id(messageIdDomain(mail.from.address).constData());
    g_mime_message_set_message_id(message.get(), id);
    g_free(id);

    Ref<GMimeObject> body = textPart(mail.body);
    if (mail.attachments.isEmpty()) {
        g_mime_message_set_mime_part(message.get(), body.get());
        return message;
    }
    Ref<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
    g_mime_multipart_add(mixed.get(), body.get());
    for (const QString &path : mail.attachments) {
        auto part = attachmentPart(path);
        if (!part)
            return part.error();
        g_mime_multipart_add(mixed.get(), part->get());
    }
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
    return message;
}

} // namespace

QStringList envelopeRecipients(const MailMessage &message)
{
    QStringList recipients;
    QSet<QString> seen;
    for (const QList<MailAddress> *list : {&message.to, &message.cc, &message.bcc}) {
        for (const MailAddress &address : *list) {
            const QString key = address.address.toCaseFolded();
            if (!seen.contains(key)) {
                seen.insert(key);
                recipients.append(address.address);
            }
        }
    }
    return recipients;
}

Result<void> validateMailMessage(const MailMessage &message)
{
    if (auto checked = validateMailAddress(message.from, Text::tr("From")); !checked)
        return checked;
    const std::pair<const QList<MailAddress> *, QString> lists[] = {
        {&message.to, Text::tr("To")}, {&message.cc, Text::tr("Cc")}, {&message.bcc, Text::tr("Bcc")}};
    for (const auto &[list, what] : lists) {
        for (const MailAddress &address : *list) {
            if (auto checked = validateMailAddress(address, what); !checked)
                return checked;
        }
    }
    if (message.to.isEmpty() && message.cc.isEmpty() && message.bcc.isEmpty())
        return Error::invalid(Text::tr("the message has no recipient (To, Cc or Bcc)"));
    if (auto checked = validateHeaderText(message.subject, Text::tr("Subject")); !checked)
        return checked;
    for (const QString &path : message.attachments) {
        if (auto checked = validateAttachment(path); !checked)
            return checked;
    }
    return {};
}

Result<void> writeMailMessage(const MailMessage &message, QIODevice *device)
{
    if (!device || !device->isWritable())
        return Error::invalid(QStringLiteral("writeMailMessage() to a device not open for writing"));   // a caller's bug
    if (auto checked = validateMailMessage(message); !checked)
        return checked;
    auto built = buildMessage(message);   // opens every attachment: a failure here writes nothing
    if (!built)
        return built.error();

    gmime::FormatOptions options(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
    g_mime_format_options_set_param_encoding_method(options.get(), GMIME_PARAM_ENCODING_METHOD_RFC2231);

    Ref<GMimeStream> out = gmime::newDeviceStream(device);
    const ssize_t written = g_mime_object_write_to_stream(GMIME_OBJECT(built->get()), options.get(), out.get());
    if (written < 0 || gmime::deviceStreamFailed(out.get())) {
        const QString reason = gmime::deviceStreamFailed(out.get())
            ? device->errorString()
            : Text::tr("an attachment could not be read");
        return Error{ErrorKind::Send, {}, Text::tr("writing the message: %1").arg(reason)};
    }
    return {};
}

Result<void> writeMailMessage(const MailMessage &message, const QString &path)
{
    if (auto checked = validateMailMessage(message); !checked)
        return checked;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorKind::Send, {}, Text::tr("writing the message to \"%1\": %2").arg(path, file.errorString())};
    if (auto written = writeMailMessage(message, &file); !written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error{ErrorKind::Send, {}, Text::tr("writing the message to \"%1\": %2").arg(path, file.errorString())};
    return {};
}

} // namespace socketeer
