// The saved-messages file (core/saved/savedlibrary.h): JSON a user imports from anywhere, and the
// escapes in its messages. Properties: a refusal says something; an accepted library is valid,
// every message makes bytes, and writing it out parses back to the same library, whose text is a
// fixed point.

#include "fuzzcheck.h"

#include "saved/savedlibrary.h"
#include "text/macros.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = parseSavedLibrary(json);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message().isEmpty(), "a refusal says what is wrong");
        return 0;
    }
    FUZZ_CHECK(validateLibrary(*parsed).ok(), "what the parser accepts is a valid library");
    for (const SavedMessage &message : parsed->messages)
        FUZZ_CHECK(savedMessageTemplate(message, TextEncoding::Utf8).ok(), "every accepted message parses as a template");
    const QByteArray written = serializeSavedLibrary(*parsed);
    const auto again = parseSavedLibrary(written);
    FUZZ_CHECK(again.ok(), "what was written parses");
    FUZZ_CHECK(*again == *parsed, "and is the same library");
    FUZZ_CHECK(serializeSavedLibrary(*again) == written, "the written form is a fixed point");
    const SavedLibrary merged = mergeLibraries(*parsed, *parsed);
    FUZZ_CHECK(validateLibrary(merged).ok(), "a library merged with itself stays valid");
    return 0;
}
