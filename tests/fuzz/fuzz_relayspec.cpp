// The relay's impairment text (--latency, --profile files, the panel): any text either parses or is
// an error that says what is wrong; what parses stays inside the limits the engines rely on (no
// delay beyond kRelayMaxDelayMs, no percentage outside 0..100, a slice variation below the piece);
// and the canonical text of what parsed gives back exactly the same impairments.

#include "fuzzcheck.h"

#include "net/limits.h"
#include "relay/impairmentspec.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

bool percentOk(double p)
{
    return p >= 0 && p <= 100;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the default direction; the rest is the text.
    const auto direction = static_cast<RelayDirection>(1 + data[0] % 3);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const auto parsed = parseImpairments(text, direction);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().detail.isEmpty(), "an error says what is wrong");
        return 0;
    }
    const RelayImpairments &i = *parsed;
    FUZZ_CHECK(i.latency.ms >= 0 && i.latency.jitterMs >= 0 && i.latency.ms + i.latency.jitterMs <= limits::kRelayMaxDelayMs,
               "latency stays within the longest delay");
    FUZZ_CHECK(i.stall.ms >= 0 && i.stall.ms <= limits::kRelayMaxDelayMs, "a stall stays within the longest delay");
    FUZZ_CHECK(i.slowClose.ms >= 0 && i.slowClose.ms <= limits::kRelayMaxDelayMs, "a slow close stays within the longest delay");
    FUZZ_CHECK(i.slicer.bytes >= 0 && (i.slicer.bytes == 0 || i.slicer.variation < i.slicer.bytes), "a slice variation is below the piece");
    FUZZ_CHECK(i.slicer.delayUs >= 0 && i.slicer.delayUs <= limits::kRelayMaxDelayMs * 1000, "a slice delay stays within the longest delay");
    FUZZ_CHECK(i.bandwidth.bytesPerSecond >= 0 && i.bandwidth.burstBytes >= 0, "no negative rate");
    FUZZ_CHECK(percentOk(i.drop.percent) && percentOk(i.duplicate.percent) && percentOk(i.corrupt.percent)
                   && percentOk(i.truncate.percent) && percentOk(i.reorder.percent),
               "every chance is a percentage");
    FUZZ_CHECK(i.reorder.gap >= 1, "a reorder gap of at least one");

    // The canonical text writes every direction but "both", the parser's own default: read back
    // with that default, whatever the first reading's was.
    const QString canonical = impairmentsToSpec(i);
    const auto again = parseImpairments(canonical);
    FUZZ_CHECK(static_cast<bool>(again), "the canonical text parses");
    FUZZ_CHECK(*again == i, "the canonical text gives back the same impairments");
    FUZZ_CHECK(impairmentsToSpec(*again) == canonical, "the canonical text is stable");
    FUZZ_CHECK(i.any() == !canonical.isEmpty(), "something is switched on exactly when there is something to write");
    return 0;
}
