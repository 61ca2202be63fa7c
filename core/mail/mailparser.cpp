#include "gmimesupport.h"   // first: GMime before Qt, see there

#include "mailparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>
#include <QTimeZone>

#include <fcntl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace socketeer {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::MailParser)
};

// Deeper than any real mail; past it a hostile message's nesting is not followed.
constexpr int kMaxDepth = 64;

// GLib's type-check macros cast the C way; they are not ours to rewrite.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
bool isMultipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
bool isMessagePart(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
bool isPart(GMimeObject *object) { return GMIME_IS_PART(object); }
bool isTextPart(GMimeObject *object) { return GMIME_IS_TEXT_PART(object); }
GMimeMultipart *asMultipart(GMimeObject *object) { return GMIME_MULTIPART(object); }
GMimeMessagePart *asMessagePart(GMimeObject *object) { return GMIME_MESSAGE_PART(object); }
GMimePart *asPart(GMimeObject *object) { return GMIME_PART(object); }
GMimeTextPart *asTextPart(GMimeObject *object) { return GMIME_TEXT_PART(object); }
GMimeObject *asObject(GMimeMessage *message) { return GMIME_OBJECT(message); }
gint64 nullStreamWritten(GMimeStream *stream) { return static_cast<gint64>(GMIME_STREAM_NULL(stream)->written); }
#pragma GCC diagnostic pop

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// Takes ownership of a g_malloc'd string.
QString takeUtf8(gchar *text)
{
    const QString result = fromUtf8(text);
    g_free(text);
    return result;
}

struct ParserOptionsFree {
    void operator()(GMimeParserOptions *options) const { g_mime_parser_options_free(options); }
};

std::unique_ptr<GMimeParserOptions, ParserOptionsFree> lenientOptions()
{
    std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    // Raw 8-bit headers: UTF-8 when they are valid UTF-8, else what Chinese mail clients send.
    static const char *fallback[] = {"utf-8", "gb18030", "iso-8859-1", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    return options;
}

gmime::Ref<GMimeMessage> parseStream(GMimeStream *stream)
{
    gmime::Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
    g_mime_parser_set_persist_stream(parser.get(), TRUE);   // contents stay in the file
    const auto options = lenientOptions();
    return gmime::Ref<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options.get()));
}

gmime::Ref<GMimeStream> openFile(const QString &path, QString *problem)
{
    GError *error = nullptr;
    GMimeStream *stream = g_mime_stream_fs_open(QFile::encodeName(path).constData(), O_RDONLY, 0, &error);
    if (!stream) {
        *problem = Text::tr("cannot read %1: %2").arg(path, error ? fromUtf8(error->message) : Text::tr("unknown error"));
        if (error)
            g_error_free(error);
    }
    return gmime::Ref<GMimeStream>(stream);
}

QString addresses(InternetAddressList *list)
{
    if (!list || internet_address_list_length(list) == 0)
        return {};
    return takeUtf8(internet_address_list_to_string(list, nullptr, FALSE));
}

QDateTime toQDateTime(GDateTime *date)
{
    if (!date)
        return {};
    const qint64 offsetSeconds = g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND;
    return QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), QTimeZone(static_cast<int>(offsetSeconds)));
}

qint64 decodedSize(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return 0;
    gmime::Ref<GMimeStream> counter(g_mime_stream_null_new());
    if (g_mime_data_wrapper_write_to_stream(content, counter.get()) < 0)
        return 0;
    return nullStreamWritten(counter.get());
}

// Calls `leaf` for every leaf part in order (with its index), and `node` for every node.
void walk(GMimeObject *object, int depth, const std::function<void(GMimeObject *, int depth)> &visit)
{
    if (!object || depth > kMaxDepth)
        return;
    visit(object, depth);
    if (isMultipart(object)) {
        GMimeMultipart *multipart = asMultipart(object);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i)
            walk(g_mime_multipart_get_part(multipart, i), depth + 1, visit);
    } else if (isMessagePart(object)) {
        GMimeMessage *inner = g_mime_message_part_get_message(asMessagePart(object));
        if (inner)
            walk(g_mime_message_get_mime_part(inner), depth + 1, visit);
    }
}

QString mimeType(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    return type ? takeUtf8(g_mime_content_type_get_mime_type(type)).toLower() : QStringLiteral("text/plain");
}

// One RFC 2047 word's payload as bytes, still in its charset.
QByteArray decodeWordPayload(QChar encoding, const QByteArray &payload)
{
    if (encoding.toUpper() == u'B')
        return QByteArray::fromBase64(payload);
    QByteArray bytes;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const char c = payload.at(i);
        if (c == '_') {
            bytes += ' ';
        } else if (c == '=' && i + 2 < payload.size() && isxdigit(static_cast<uchar>(payload.at(i + 1)))
                   && isxdigit(static_cast<uchar>(payload.at(i + 2)))) {
            bytes += static_cast<char>(payload.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            bytes += c;
        }
    }
    return bytes;
}

// Whether a B word's payload can be decoded at all. Characters outside the base64 alphabet are
// skipped and missing padding is mended, as GMime, Qt and Python's email package all do; but when
// the alphabet characters leave one over a multiple of four, a stray 6 bits remain that no decoder
// agrees on (GMime made "??[jǺ" of "not*base64"): such a word is shown as written, as Python does.
// One pass over the payload: linear however many words a header holds.
bool isDecodableBase64(QByteArrayView payload)
{
    qsizetype alphabet = 0;
    for (const char c : payload)   // ASCII, whatever the C locale says of bytes above 0x7f
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')
            ++alphabet;
    return alphabet % 4 != 1;
}

// Whether a B payload is already in the form every decoder reads alike (alphabet and final
// padding only, whole quads); a lenient one is handed to GMime re-encoded from what Qt decoded,
// so that what was judged valid below is exactly what is shown.
bool isCanonicalBase64(const QByteArray &payload)
{
    return payload.size() % 4 == 0 && QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors).decodingStatus
                                         == QByteArray::Base64DecodingStatus::Ok;
}

// Whether bytes are text in the declared charset, as far as Qt knows the charset; one it does
// not know is left to GMime (as before). The RFC 2231 language suffix ("utf-8*en") is no part of
// the name. One decoder per charset name per header.
class CharsetJudge {
public:
    bool accepts(const QString &charset, const QByteArray &bytes)
    {
        const QString name = charset.section(u'*', 0, 0).toLower();
        auto found = m_decoders.find(name);
        if (found == m_decoders.end())
            found = m_decoders.try_emplace(name, name.toLatin1().constData(), QStringDecoder::Flag::Stateless).first;
        QStringDecoder &decoder = found->second;
        if (!decoder.isValid())
            return true;
        decoder.resetState();
        const QString text = decoder.decode(bytes);   // the conversion happens here
        Q_UNUSED(text);
        const bool ok = !decoder.hasError();
        decoder.resetState();
        return ok;
    }

private:
    std::map<QString, QStringDecoder> m_decoders;
};

// Rewrites a header's encoded words where GMime alone would show something other than the text:
// - Foxmail and older Outlook split a long header into encoded words at byte boundaries, not at
//   character boundaries, so no single word decodes on its own ("测试邮件" came out as "测试??").
//   RFC 2047 says each word stands alone; readers (Thunderbird, Python's email) join them anyway.
//   Adjacent words in the same charset are joined here into one word, which GMime then decodes.
// - A B word that cannot be decoded (see isDecodableBase64), or whose bytes are not text in its
//   charset, is shown as written (its payload) instead of as bytes that are not text.
//   Python's email shows such a word the same way when it cannot decode it, and U+FFFD for bytes
//   that are not text.
// Q words are decoded as before. Returns the rewritten raw value (unfolded), or nothing when
// there was nothing to rewrite.
std::optional<QByteArray> rewriteEncodedWords(const char *rawValue)
{
    if (!rawValue || !strstr(rawValue, "=?"))
        return std::nullopt;
    static const QRegularExpression wordPattern(QStringLiteral(R"(=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=)"));
    const QString raw = QString::fromLatin1(rawValue);   // Latin-1: every byte survives the round trip
    struct Word {
        qsizetype start = 0;
        qsizetype end = 0;
        bool base64 = false;
        QByteArray payload;   // as written
        QByteArray bytes;     // decoded, still in the charset
        bool decodable = true;
    };
    CharsetJudge judge;
    QString out;
    qsizetype copied = 0;
    bool rewritten = false;
    const auto replace = [&](qsizetype start, qsizetype end, const QString &with) {
        out += QStringView(raw).mid(copied, start - copied);
        out += with;
        copied = end;
        rewritten = true;
    };
    QList<Word> run;   // adjacent words in one charset
    QString runCharset;
    const auto wordIn = [&](const QByteArray &bytes) {
        return QStringLiteral("=?%1?B?%2?=").arg(runCharset, QString::fromLatin1(bytes.toBase64()));
    };
    // A run becomes one word (GMime reads adjacent words in one charset as one base64 stream, so
    // they cannot be handed over apart): their bytes joined, or, when that is not text, each B word
    // that cannot be read on its own replaced by its payload as written (ASCII, which every charset
    // a header uses reads as itself).
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        QByteArray bytes;
        bool canonical = true;
        bool decodable = true;
        bool hasBase64 = false;
        for (const Word &w : std::as_const(run)) {
            bytes += w.bytes;
            decodable = decodable && w.decodable;
            hasBase64 = hasBase64 || w.base64;
            canonical = canonical && (!w.base64 || isCanonicalBase64(w.payload));
        }
        if (decodable && (!hasBase64 || judge.accepts(runCharset, bytes))) {
            if (run.size() >= 2 || !canonical)
                replace(run.first().start, run.last().end, wordIn(bytes));
        } else {
            bytes.clear();
            for (const Word &w : std::as_const(run))
                bytes += w.base64 && (!w.decodable || !judge.accepts(runCharset, w.bytes)) ? w.payload : w.bytes;
            replace(run.first().start, run.last().end, wordIn(bytes));
        }
        run.clear();
    };
    for (auto matches = wordPattern.globalMatch(raw); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        Word word;
        word.start = match.capturedStart();
        word.end = match.capturedEnd();
        word.base64 = match.capturedView(2).compare(u"B", Qt::CaseInsensitive) == 0;
        word.payload = match.capturedView(3).toLatin1();
        word.decodable = !word.base64 || isDecodableBase64(word.payload);
        if (word.decodable)
            word.bytes = decodeWordPayload(word.base64 ? u'B' : u'Q', word.payload);
        const bool continues = !run.isEmpty() && match.capturedView(1).compare(runCharset, Qt::CaseInsensitive) == 0
                               && QStringView(raw).mid(run.last().end, word.start - run.last().end).trimmed().isEmpty();
        if (!continues) {
            flush();
            runCharset = match.captured(1);
        }
        run.append(std::move(word));
    }
    flush();
    if (!rewritten)
        return std::nullopt;
    out += QStringView(raw).mid(copied);
    out.remove(u'\r').remove(u'\n');   // unfold: a fold is a line break before white space
    return out.trimmed().toLatin1();
}

GMimeHeader *findHeader(GMimeMessage *message, const char *name)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(asObject(message));
    return headers ? g_mime_header_list_get_header(headers, name) : nullptr;
}

// The header's text decoded, with its encoded words rewritten (see rewriteEncodedWords); nothing
// when that changes nothing.
std::optional<QString> joinedText(GMimeHeader *header, GMimeParserOptions *options)
{
    const auto joined = rewriteEncodedWords(header ? g_mime_header_get_raw_value(header) : nullptr);
    if (!joined)
        return std::nullopt;
    return takeUtf8(g_mime_utils_header_decode_text(options, joined->constData()));
}

QString addressHeader(GMimeMessage *message, const char *name, InternetAddressList *parsed, GMimeParserOptions *options)
{
    GMimeHeader *header = findHeader(message, name);
    const auto joined = rewriteEncodedWords(header ? g_mime_header_get_raw_value(header) : nullptr);
    if (!joined)
        return addresses(parsed);
    InternetAddressList *list = internet_address_list_parse(options, joined->constData());
    const QString text = list ? addresses(list) : addresses(parsed);
    if (list)
        g_object_unref(list);
    return text;
}

// Text as a reader shows it: line ends as "\n", whatever the wire used.
QString withUnixLineEnds(QString text)
{
    return text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

ParsedMail read(GMimeMessage *message, PartSizes sizes)
{
    ParsedMail mail;
    if (!message) {
        mail.problem = Text::tr("no message could be read from it");
        return mail;
    }
    mail.ok = true;
    const auto options = lenientOptions();
    mail.from = addressHeader(message, "From", g_mime_message_get_from(message), options.get());
    mail.to = addressHeader(message, "To", g_mime_message_get_to(message), options.get());
    mail.cc = addressHeader(message, "Cc", g_mime_message_get_cc(message), options.get());
    mail.replyTo = addressHeader(message, "Reply-To", g_mime_message_get_reply_to(message), options.get());
    mail.subject = joinedText(findHeader(message, "Subject"), options.get())
                       .value_or(fromUtf8(g_mime_message_get_subject(message)));
    mail.messageId = fromUtf8(g_mime_message_get_message_id(message));
    mail.date = toQDateTime(g_mime_message_get_date(message));
    if (GMimeHeaderList *headers = g_mime_object_get_header_list(asObject(message))) {
        const int count = g_mime_header_list_get_count(headers);
        for (int i = 0; i < count; ++i) {
            GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
            const QString value =
                joinedText(header, options.get()).value_or(fromUtf8(g_mime_header_get_value(header)));
            mail.headers.append({fromUtf8(g_mime_header_get_name(header)), value.trimmed()});
        }
    }

    walk(g_mime_message_get_mime_part(message), 0, [&mail, sizes](GMimeObject *object, int depth) {
        MimeNode node;
        node.depth = depth;
        node.contentType = mimeType(object);
        if (GMimeContentType *type = g_mime_object_get_content_type(object))
            node.charset = fromUtf8(g_mime_content_type_get_parameter(type, "charset"));
        node.disposition = fromUtf8(g_mime_object_get_disposition(object)).toLower();
        if (isPart(object)) {
            GMimePart *part = asPart(object);
            node.fileName = fromUtf8(g_mime_part_get_filename(part));
            const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(part);
            if (encoding != GMIME_CONTENT_ENCODING_DEFAULT)
                node.transferEncoding = fromUtf8(g_mime_content_encoding_to_string(encoding));
            if (sizes == PartSizes::Measured)
                node.decodedSize = decodedSize(part);

            MailPart leaf;
            leaf.contentType = node.contentType;
            leaf.fileName = node.fileName;
            leaf.disposition = node.disposition;
            leaf.charset = node.charset;
            leaf.decodedSize = node.decodedSize;
            const bool text = node.contentType.startsWith(QLatin1String("text/"));
            const bool plain = node.contentType == QLatin1String("text/plain");
            const bool html = node.contentType == QLatin1String("text/html");
            leaf.isAttachment = node.disposition == QLatin1String("attachment") || !node.fileName.isEmpty() || !text;
            if (!leaf.isAttachment && isTextPart(object)) {
                if (plain && mail.textBody.isEmpty())
                    mail.textBody = withUnixLineEnds(takeUtf8(g_mime_text_part_get_text(asTextPart(object))));
                else if (html && mail.htmlBody.isEmpty())
                    mail.htmlBody = withUnixLineEnds(takeUtf8(g_mime_text_part_get_text(asTextPart(object))));
            }
            node.partIndex = static_cast<int>(mail.parts.size());
            mail.parts.append(leaf);
        }
        mail.tree.append(node);
    });
    return mail;
}

// The leaf part `index` of a parsed message, as walk() counts them; null when there is none.
GMimePart *findPart(GMimeMessage *message, int index)
{
    GMimePart *found = nullptr;
    int seen = 0;
    walk(g_mime_message_get_mime_part(message), 0, [&](GMimeObject *object, int) {
        if (isPart(object) && seen++ == index && !found)
            found = asPart(object);
    });
    return found;
}

} // namespace

int ParsedMail::attachmentCount() const
{
    return static_cast<int>(std::count_if(parts.begin(), parts.end(), [](const MailPart &part) { return part.isAttachment; }));
}

ParsedMail parseMailFile(const QString &path, PartSizes sizes)
{
    gmime::ensureInitialized();
    QString problem;
    const gmime::Ref<GMimeStream> stream = openFile(path, &problem);
    if (!stream) {
        ParsedMail mail;
        mail.problem = problem;
        return mail;
    }
    const gmime::Ref<GMimeMessage> message = parseStream(stream.get());
    return read(message.get(), sizes);
}

ParsedMail parseMail(const QByteArray &bytes, PartSizes sizes)
{
    gmime::ensureInitialized();
    const gmime::Ref<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<gsize>(bytes.size())));
    const gmime::Ref<GMimeMessage> message = parseStream(stream.get());
    return read(message.get(), sizes);
}

QString saveMailPart(const QString &path, int index, const QString &destination)
{
    gmime::ensureInitialized();
    QString problem;
    const gmime::Ref<GMimeStream> stream = openFile(path, &problem);
    if (!stream)
        return problem;
    const gmime::Ref<GMimeMessage> message = parseStream(stream.get());
    GMimePart *part = message ? findPart(message.get(), index) : nullptr;
    GMimeDataWrapper *content = part ? g_mime_part_get_content(part) : nullptr;
    if (!content)
        return Text::tr("the message has no part %1 any more").arg(index);

    QSaveFile file(destination);
    if (!file.open(QIODevice::WriteOnly))
        return Text::tr("cannot write %1: %2").arg(destination, file.errorString());
    const gmime::Ref<GMimeStream> out = gmime::newDeviceStream(&file);
    if (g_mime_data_wrapper_write_to_stream(content, out.get()) < 0 || gmime::deviceStreamFailed(out.get())) {
        const QString error = file.errorString();
        file.cancelWriting();
        return Text::tr("cannot write %1: %2").arg(destination, error);
    }
    if (!file.commit())
        return Text::tr("cannot write %1: %2").arg(destination, file.errorString());
    return {};
}

QByteArray mailPartBytes(const QString &path, int index)
{
    gmime::ensureInitialized();
    QString problem;
    const gmime::Ref<GMimeStream> stream = openFile(path, &problem);
    if (!stream)
        return {};
    const gmime::Ref<GMimeMessage> message = parseStream(stream.get());
    GMimePart *part = message ? findPart(message.get(), index) : nullptr;
    GMimeDataWrapper *content = part ? g_mime_part_get_content(part) : nullptr;
    if (!content)
        return {};
    const gmime::Ref<GMimeStream> memory(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(content, memory.get()) < 0)
        return {};
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem *>(memory.get()));
    return bytes ? QByteArray(reinterpret_cast<const char *>(bytes->data), static_cast<qsizetype>(bytes->len)) : QByteArray();
}

} // namespace socketeer
