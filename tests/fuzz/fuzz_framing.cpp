// Message framing (core/text/framing.h), two parsers of untrusted input:
//  - the spec text (`--frame`, settings): any text is a spec whose canonical form parses back to
//    it, or an error that says something;
//  - the Deframer, fed a peer's bytes: the messages do not depend on how the stream was cut into
//    pushes, the buffer never holds more than the spec's bound, no message is longer than the
//    maximum, and what frame() makes of a message the Deframer gives back;
//  - deframeDatagram(), fed a datagram: one whole message exactly when the Deframer finds one
//    and nothing else in it, or an error that says why not.
// Input: byte 0 chooses the mode (bit 7: spec text) and the spec, byte 1 the maximum, byte 2 seeds
// the chunking; the rest is the stream (or the text).

#include "fuzzcheck.h"

#include "text/framing.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

const char *const kSpecs[] = {"line", "crlf", "delim:00", "delim:0d0a", "delim:aaab", "delim:616161", "len:1",
                              "len:2be", "len:2le", "len:4be", "len:4le", "len:1,header", "len:2be,header",
                              "len:4le,header", "fixed:1", "fixed:5"};

QList<FrameItem> feed(const FrameSpec &spec, QByteArrayView stream, uint32_t seed, bool oneByte)
{
    Deframer deframer(spec);
    QList<FrameItem> items;
    qsizetype at = 0;
    uint32_t state = seed * 2654435761u + 1;
    while (at < stream.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype piece = oneByte ? 1 : 1 + static_cast<qsizetype>((state >> 16) % 17);
        const qsizetype n = std::min(piece, stream.size() - at);
        items += deframer.push(stream.sliced(at, n));
        FUZZ_CHECK(deframer.buffered() <= spec.bufferBound(), "the buffer stays within its bound");
        at += n;
    }
    items += deframer.finish();
    FUZZ_CHECK(deframer.buffered() == 0, "finish() leaves nothing behind");
    return items;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 3, static_cast<qsizetype>(size - 3));

    if (data[0] & 0x80) {
        const QString text = QString::fromUtf8(rest);
        const auto parsed = FrameSpec::parse(text);
        if (parsed) {
            const auto again = FrameSpec::parse(parsed->toString());
            FUZZ_CHECK(again && *again == *parsed, "the canonical form parses back to the same spec");
            FUZZ_CHECK(parsed->maxMessage >= 1 && parsed->bufferBound() >= 0, "a usable spec");
        } else {
            FUZZ_CHECK(!parsed.error().message().isEmpty(), "an error says what is wrong");
        }
        return 0;
    }

    QString text = QString::fromLatin1(kSpecs[data[0] % std::size(kSpecs)]);
    if (data[1] != 0 && !text.startsWith(QLatin1String("fixed")))
        text += QStringLiteral(",max=%1").arg(1 + data[1] % 16);
    if (data[1] & 0x40)
        text += QStringLiteral(",close");
    const auto spec = FrameSpec::parse(text);
    FUZZ_CHECK(spec.ok(), "the target's own specs parse");

    const QList<FrameItem> whole = feed(*spec, rest, 0, false);
    // Whole: one push of everything.
    Deframer once(*spec);
    QList<FrameItem> single = once.push(rest);
    single += once.finish();
    FUZZ_CHECK(single == whole, "pieces of 1 to 17 bytes give what one push gives");
    FUZZ_CHECK(feed(*spec, rest, data[2], false) == whole, "another chunking gives the same");
    if (rest.size() <= 256)
        FUZZ_CHECK(feed(*spec, rest, 0, true) == whole, "a byte at a time gives the same");

    // Any bytes as one message: frame() either refuses them or the receiver gets them back whole
    // (a delimiter overlapping the message's end once slipped through).
    // (Over the maximum the receiver refuses it, by design: max= is the receiver's limit.)
    if (const auto framed = frame(*spec, rest); framed && spec->kind != FrameKind::None && rest.size() <= spec->maxMessage) {
        Deframer back(*spec);
        const QList<FrameItem> got = back.push(*framed);
        FUZZ_CHECK(got.size() == 1 && got.first().type == FrameItem::Type::Message && got.first().bytes == rest.toByteArray(),
                   "what frame() accepts comes back as that one message");
    }

    // The same bytes as one datagram: a message only where the stream reading finds exactly one.
    if (const auto datagram = deframeDatagram(*spec, rest)) {
        FUZZ_CHECK(whole.size() == 1 && whole.first().type == FrameItem::Type::Message && whole.first().bytes == *datagram,
                   "a datagram's message is the one message its bytes hold");
    } else {
        FUZZ_CHECK(!datagram.error().detail.isEmpty(), "a datagram that is not one message says why");
        FUZZ_CHECK(!(whole.size() == 1 && whole.first().type == FrameItem::Type::Message) || spec->kind == FrameKind::Length,
                   "one whole message is refused only for a length that disagrees with the size");
    }

    for (const FrameItem &item : whole) {
        if (item.type == FrameItem::Type::Message) {
            FUZZ_CHECK(item.bytes.size() <= spec->maxMessage || spec->kind == FrameKind::Fixed, "no message over the maximum");
            const auto framed = frame(*spec, item.bytes);
            if (framed) {
                Deframer back(*spec);
                const QList<FrameItem> got = back.push(*framed);
                FUZZ_CHECK(got.size() == 1 && got.first().type == FrameItem::Type::Message && got.first().bytes == item.bytes,
                           "frame() then push() gives the message back");
                const auto datagram = deframeDatagram(*spec, *framed);
                FUZZ_CHECK(datagram && *datagram == item.bytes, "a framed message is one datagram's message");
            }
        } else if (item.type == FrameItem::Type::Error) {
            FUZZ_CHECK(!item.errorText(*spec).isEmpty(), "an error says what happened");
        }
    }
    return 0;
}
