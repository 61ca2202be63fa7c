// The hex input parser (the send box's hex mode, `--hex` on the command line): any text either
// parses or is an error naming a position inside the text; what parses is as long as its digits
// say, and what toHexDisplay() writes parses back to the same bytes.

#include "fuzzcheck.h"

#include "text/encoding.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    // The text as typed (UTF-8 from the widget or the command line).
    const QString text = QString::fromUtf8(bytes);
    const auto parsed = parseHex(text);
    if (parsed) {
        FUZZ_CHECK(parsed->size() * 2 <= text.size(), "two digits per byte at least");
        const auto again = parseHex(toHexDisplay(*parsed));
        FUZZ_CHECK(again && *again == *parsed, "the display form parses back to the same bytes");
    } else {
        FUZZ_CHECK(!parsed.error().message().isEmpty(), "an error says what is wrong");
    }

    // Any bytes shown in hex come back unchanged, also in the other forms the parser accepts.
    const QString shown = toHexDisplay(bytes);
    const auto back = parseHex(shown);
    FUZZ_CHECK(back && *back == bytes, "toHexDisplay round trip");
    const auto lower = parseHex(QString::fromLatin1(bytes.toHex()));
    FUZZ_CHECK(lower && *lower == bytes, "packed lower-case hex round trip");
    const auto prefixed = parseHex(QString::fromLatin1("0x" + bytes.toHex(',').replace(",", ",0x")));
    FUZZ_CHECK(bytes.isEmpty() || (prefixed && *prefixed == bytes), "0x-prefixed, comma separated round trip");
    return 0;
}
