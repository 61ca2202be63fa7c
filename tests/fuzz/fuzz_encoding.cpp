// The text decoders that show received bytes to people (the message log, the inbox): UTF-8, GBK,
// GB18030 and Latin-1, with what does not decode shown as \xNN. The promise (encoding.h) is that no
// byte is dropped or hidden, so beyond "no crash" this checks:
//  - with control escapes on, no control character reaches the display (only \n and \t);
//  - U+FFFD never appears unless the input itself encoded U+FFFD (a replacement character would
//    hide which bytes came);
//  - for input without a backslash, the display converts back to exactly the input bytes: the
//    \xNN escapes to their byte, the rest encoded again in the same encoding.
// The first input byte chooses the encoding and the options; the rest is the text.

#include "fuzzcheck.h"

#include "text/encoding.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// The bytes a display (made with escapeControls off) stands for.
QByteArray undisplay(const QString &shown, TextEncoding encoding)
{
    QByteArray out;
    QString run;
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        const auto encoded = encodeText(run, encoding);
        FUZZ_CHECK(encoded.ok(), "every decoded character encodes again");
        out += *encoded;
        run.clear();
    };
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown.at(i) == QLatin1Char('\\') && i + 3 < shown.size() && shown.at(i + 1) == QLatin1Char('x')
            && hexValue(shown.at(i + 2)) >= 0 && hexValue(shown.at(i + 3)) >= 0) {
            flush();
            out += static_cast<char>(hexValue(shown.at(i + 2)) * 16 + hexValue(shown.at(i + 3)));
            i += 3;
        } else {
            run += shown.at(i);
        }
    }
    flush();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QList<TextEncoding> encodings = allEncodings();
    const TextEncoding encoding = encodings.at(data[0] % encodings.size());
    DecodeOptions options;
    options.escapeControls = (data[0] & 0x10) != 0;
    options.keepNewlines = (data[0] & 0x20) != 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    const QString shown = decodeForDisplay(bytes, encoding, options);

    if (options.escapeControls) {
        for (QChar c : shown) {
            const bool control = c.unicode() < 0x20 || c.unicode() == 0x7f;
            FUZZ_CHECK(!control || c == QLatin1Char('\t') || (c == QLatin1Char('\n') && options.keepNewlines),
                       "control characters are escaped");
        }
    }

    if (shown.contains(QChar(QChar::ReplacementCharacter))) {
        const auto replacement = encodeText(QString(QChar(QChar::ReplacementCharacter)), encoding);
        FUZZ_CHECK(replacement.ok() && bytes.contains(*replacement), "U+FFFD only where the input encoded it");
    }

    if (!bytes.contains('\\')) {
        DecodeOptions raw;
        raw.escapeControls = false;
        const QString plain = decodeForDisplay(bytes, encoding, raw);
        FUZZ_CHECK(undisplay(plain, encoding) == bytes, "the display stands for exactly the input bytes");
    }
    return 0;
}
