#include "encoding.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Encoding)
};

QString escapeByte(unsigned char byte)
{
    return QStringLiteral("\\x") + QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

// Length of the valid sequence starting at bytes[i], or 0 if the byte there cannot start one.
qsizetype utf8SequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto b = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = b(i);
    const qsizetype left = bytes.size() - i;
    if (lead < 0x80)
        return 1;
    auto cont = [&](qsizetype k) { return k < bytes.size() && (b(k) & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF)
        return left >= 2 && cont(i + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !cont(i + 1) || !cont(i + 2))
            return 0;
        if (lead == 0xE0 && b(i + 1) < 0xA0)
            return 0;   // overlong
        if (lead == 0xED && b(i + 1) >= 0xA0)
            return 0;   // surrogates
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3))
            return 0;
        if (lead == 0xF0 && b(i + 1) < 0x90)
            return 0;
        if (lead == 0xF4 && b(i + 1) >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

qsizetype gbSequenceLength(const QByteArray &bytes, qsizetype i, bool gb18030)
{
    const auto b = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = b(i);
    const qsizetype left = bytes.size() - i;
    if (lead < 0x80)
        return 1;
    if (lead == 0x80)
        return gb18030 ? 0 : 1;   // GBK as Windows writes it (CP936) has the euro sign here
    if (lead == 0xFF)
        return 0;
    if (left >= 2) {
        const unsigned char second = b(i + 1);
        if (second >= 0x40 && second <= 0xFE && second != 0x7F)
            return 2;
        if (gb18030 && second >= 0x30 && second <= 0x39 && left >= 4) {
            const unsigned char third = b(i + 2), fourth = b(i + 3);
            if (third >= 0x81 && third <= 0xFE && fourth >= 0x30 && fourth <= 0x39) {
                // Only two ranges of the four-byte space are mapped: 81308130..8431A439 (the rest
                // of the BMP) and 90308130..E3329A35 (U+10000..U+10FFFF). The decoder turns the
                // others into U+FFFD, which would hide the bytes: they are escaped instead.
                const int linear = (((lead - 0x81) * 10 + (second - 0x30)) * 126 + (third - 0x81)) * 10 + (fourth - 0x30);
                if (linear <= 39419 || (linear >= 189000 && linear <= 1237575))
                    return 4;
            }
        }
    }
    return 0;
}

QString decodeRun(const QByteArray &run, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QString::fromUtf8(run);
    case TextEncoding::Latin1: return QString::fromLatin1(run);
    case TextEncoding::Gbk:
    case TextEncoding::Gb18030: {
        QStringDecoder decoder(encoding == TextEncoding::Gbk ? "GBK" : "GB18030");
        if (!decoder.isValid())
            return QString::fromLatin1(run);   // no ICU: cannot happen on Debian's Qt
        return decoder.decode(run);
    }
    }
    return {};
}

void appendChar(QString &out, QChar c, const DecodeOptions &options)
{
    if (!options.escapeControls || c.unicode() >= 0x20 || c == QLatin1Char('\t')) {
        if (c.unicode() == 0x7F && options.escapeControls)
            out += QStringLiteral("\\x7F");
        else
            out += c;
        return;
    }
    switch (c.unicode()) {
    case '\n': out += options.keepNewlines ? QStringLiteral("\n") : QStringLiteral("\\n"); break;
    case '\r': out += QStringLiteral("\\r"); break;
    case 0: out += QStringLiteral("\\0"); break;
    default: out += escapeByte(static_cast<unsigned char>(c.unicode())); break;
    }
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringLiteral("UTF-8");
    case TextEncoding::Gbk: return QStringLiteral("GBK");
    case TextEncoding::Gb18030: return QStringLiteral("GB18030");
    case TextEncoding::Latin1: return QStringLiteral("Latin-1");
    }
    return {};
}

std::optional<TextEncoding> encodingFromName(const QString &name)
{
    for (TextEncoding e : allEncodings())
        if (encodingName(e).compare(name, Qt::CaseInsensitive) == 0)
            return e;
    if (name.compare(QLatin1String("utf8"), Qt::CaseInsensitive) == 0)
        return TextEncoding::Utf8;
    if (name.compare(QLatin1String("latin1"), Qt::CaseInsensitive) == 0 || name.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0)
        return TextEncoding::Latin1;
    return std::nullopt;
}

QList<TextEncoding> allEncodings()
{
    return {TextEncoding::Utf8, TextEncoding::Gbk, TextEncoding::Gb18030, TextEncoding::Latin1};
}

QString decodeForDisplay(const QByteArray &bytes, TextEncoding encoding, const DecodeOptions &options)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype runStart = 0;
    auto flush = [&](qsizetype end) {
        if (end > runStart) {
            const QString text = decodeRun(bytes.mid(runStart, end - runStart), encoding);
            for (QChar c : text)
                appendChar(out, c, options);
        }
    };
    qsizetype i = 0;
    while (i < bytes.size()) {
        qsizetype length = 1;
        switch (encoding) {
        case TextEncoding::Utf8: length = utf8SequenceLength(bytes, i); break;
        case TextEncoding::Gbk: length = gbSequenceLength(bytes, i, false); break;
        case TextEncoding::Gb18030: length = gbSequenceLength(bytes, i, true); break;
        case TextEncoding::Latin1: length = 1; break;
        }
        if (length == 0) {
            flush(i);
            out += escapeByte(static_cast<unsigned char>(bytes[i]));
            ++i;
            runStart = i;
        } else {
            i += length;
        }
    }
    flush(bytes.size());
    return out;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

Result<QByteArray> encodeText(const QString &text, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        for (qsizetype i = 0; i < text.size(); ++i) {
            // A lone surrogate has no UTF-8 form.
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            if (c.isSurrogate())
                return Error::invalid(Text::tr("the text contains a broken character at position %1").arg(i + 1));
        }
        return text.toUtf8();
    case TextEncoding::Latin1:
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text.at(i).unicode() > 0xFF)
                return Error::invalid(Text::tr("\"%1\" (position %2) cannot be written in Latin-1").arg(text.at(i)).arg(i + 1));
        return text.toLatin1();
    case TextEncoding::Gbk:
    case TextEncoding::Gb18030: {
        const char *name = encoding == TextEncoding::Gbk ? "GBK" : "GB18030";
        // Character by character, so the one that does not fit can be named.
        QByteArray out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            const QString piece = text.mid(i, length);
            QStringEncoder one(name, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInvalidToNull);
            QByteArray bytes = one.encode(piece);
            if (one.hasError())
                return Error::invalid(Text::tr("\"%1\" (position %2) cannot be written in %3").arg(piece).arg(i + 1).arg(QString::fromLatin1(name)));
            out += bytes;
            i += length - 1;
        }
        return out;
    }
    }
    return QByteArray();
}

Result<QByteArray> parseHex(const QString &text)
{
    QByteArray out;
    int pending = -1;
    qsizetype pendingAt = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':') || c == QLatin1Char('-')) {
            if (pending >= 0)
                return Error::invalid(Text::tr("hex digit \"%1\" at position %2 has no partner: write bytes as two digits (0A, not A)")
                                          .arg(text.at(pendingAt)).arg(pendingAt + 1));
            continue;
        }
        if (c == QLatin1Char('0') && i + 1 < text.size() && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))
            && pending < 0) {
            ++i;
            continue;
        }
        int value = -1;
        const char16_t u = c.unicode();
        if (u >= '0' && u <= '9') value = u - '0';
        else if (u >= 'a' && u <= 'f') value = u - 'a' + 10;
        else if (u >= 'A' && u <= 'F') value = u - 'A' + 10;
        if (value < 0)
            return Error::invalid(Text::tr("\"%1\" at position %2 is not a hex digit").arg(c).arg(i + 1));
        if (pending < 0) {
            pending = value;
            pendingAt = i;
        } else {
            out.append(static_cast<char>((pending << 4) | value));
            pending = -1;
        }
    }
    if (pending >= 0)
        return Error::invalid(Text::tr("hex digit \"%1\" at position %2 has no partner: write bytes as two digits (0A, not A)")
                                  .arg(text.at(pendingAt)).arg(pendingAt + 1));
    return out;
}

QString toHexDisplay(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

} // namespace socketeer
