// Message templates (core/text/macros.h): text with escapes and macros, in text or hex mode, with or
// without rule captures. Byte 0: bit 0 hex mode, bit 1 captures allowed, bits 2-3 the encoding; the
// rest is the template (UTF-8). Every refusal names a position; a template parses to parts whose
// expansion never fails except for what the reply may not carry; a constant template expands to its
// constant; counters count. {{file:…}} is parsed but never expanded here (the fuzzer must not read
// the machine's files).

#include "fuzzcheck.h"

#include "text/macros.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned char control = data[0];
    const auto mode = (control & 1)      ? MessageTemplate::Mode::Hex
                      : (control & 0x10) ? MessageTemplate::Mode::Plain   // the send box's text
                                         : MessageTemplate::Mode::Text;
    const bool captures = (control & 2) != 0;
    const TextEncoding encoding = allEncodings().value((control >> 2) & 3, TextEncoding::Utf8);
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const QString text = QString::fromUtf8(bytes);

    const auto parsed = MessageTemplate::parse(text, mode, encoding, captures);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().detail.startsWith(QLatin1String("position ")), "every refusal names a position");
        return 0;
    }
    if (!captures) {
        FUZZ_CHECK(parsed->highestCaptureIndex() == -1 && parsed->captureNames().isEmpty(), "no captures unless allowed");
    }
    if (mode == MessageTemplate::Mode::Plain && !captures && !text.contains(QLatin1String("{{"))) {
        FUZZ_CHECK(parsed->isConstant() && parsed->constant() == *encodeText(text, encoding), "plain text without macros is sent as typed");
    }
    // Any {{file:…}}, as the parser reads it: the name is trimmed (of Unicode spaces too) and
    // case-blind, so "{{ File  :/etc/passwd}}" is one. A plain "file:" test let that through, and
    // the fuzzer read the machine's files.
    static const QRegularExpression fileMacro(QStringLiteral("\\{\\{\\s*file\\s*:"),
                                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (text.contains(fileMacro))
        return 0;
    MacroState state;
    const QRegularExpression re(QStringLiteral("^(?<first>.)(.*)$"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = re.match(QStringLiteral("xyz"));
    const auto first = parsed->expand(state, captures ? &match : nullptr);
    const auto second = parsed->expand(state, captures ? &match : nullptr);
    // Captures ("xyz") are ASCII, which every encoding carries: expansion cannot fail.
    FUZZ_CHECK(first.ok() && second.ok(), "a parsed template without files always expands");
    if (parsed->isConstant()) {
        FUZZ_CHECK(*first == parsed->constant() && *second == parsed->constant(), "a constant expands to itself");
    }
    return 0;
}
