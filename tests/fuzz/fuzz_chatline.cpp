// The Chat view's reading of a room (core/text/chatline.h), fed what a peer sends:
//  - every text a line carries (name and text) is safe to show: no control character but TAB, no
//    direction override or isolate, no line or paragraph separator;
//  - a name is never empty, never starts with '*' or '/', and has no space unless it is `client N`;
//  - the lines do not depend on how the stream was cut into pushes (one push, pieces of 1–17 bytes);
//  - my own name, once known, is a name by the same rules.
// Input: byte 0 bits 0-1 choose the encoding, byte 1 seeds the chunking; the rest is the stream.

#include "fuzzcheck.h"

#include "text/chatline.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

bool safe(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if ((c < 0x20 && c != u'\t') || c == 0x7F || (c >= 0x80 && c < 0xA0))
            return false;
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)
            return false;
    }
    return true;
}

bool nameShaped(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('*')) || name.startsWith(QLatin1Char('/')))
        return false;
    return !name.contains(QLatin1Char(' ')) || name.startsWith(QLatin1String("client "));
}

struct Seen {
    QList<ChatReader::Item> items;
    QString ownName;
};

Seen feed(TextEncoding encoding, QByteArrayView stream, uint32_t seed, bool whole)
{
    ChatReader reader;
    reader.setEncoding(encoding);
    Seen seen;
    qsizetype at = 0;
    uint32_t state = seed * 2654435761u + 1;
    while (at < stream.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype piece = whole ? stream.size() : 1 + static_cast<qsizetype>((state >> 16) % 17);
        const qsizetype n = std::min(piece, stream.size() - at);
        seen.items += reader.push(stream.sliced(at, n));
        at += n;
    }
    seen.ownName = reader.ownName();
    seen.items += reader.finish();
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const TextEncoding encoding = allEncodings().at(data[0] % allEncodings().size());
    const uint32_t seed = data[1];
    const QByteArrayView stream(reinterpret_cast<const char *>(data) + 2, static_cast<qsizetype>(size - 2));

    const Seen whole = feed(encoding, stream, seed, true);
    const Seen pieces = feed(encoding, stream, seed, false);
    FUZZ_CHECK(whole.items.size() == pieces.items.size(), "the same lines, however the stream was cut");
    FUZZ_CHECK(whole.ownName == pieces.ownName, "the same own name, however the stream was cut");
    for (qsizetype i = 0; i < whole.items.size(); ++i) {
        const ChatReader::Item &item = whole.items.at(i);
        const ChatReader::Item &other = pieces.items.at(i);
        FUZZ_CHECK(item.type == other.type && item.line == other.line && item.own == other.own, "the same line, however cut");
        FUZZ_CHECK(safe(item.line.text) && safe(item.line.name), "nothing raw reaches the screen");
        const bool named = item.line.kind != ChatLineKind::Plain && item.line.kind != ChatLineKind::Notice;
        FUZZ_CHECK(named == !item.line.name.isEmpty(), "a name exactly for the kinds that have one");
        if (named)
            FUZZ_CHECK(nameShaped(item.line.name), "a name is shaped as the room's names are");
    }
    if (!whole.ownName.isEmpty())
        FUZZ_CHECK(nameShaped(whole.ownName) && safe(whole.ownName), "my own name is a name");
    // One line on its own, parsed directly: the same rules.
    const ChatLine line = parseChatLine(stream, encoding);
    FUZZ_CHECK(safe(line.text) && safe(line.name), "a single line is safe to show");
    return 0;
}
