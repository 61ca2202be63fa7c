// The timeline file (core/net/tracefile.h): JSON a student hands a teacher, opened on another
// machine. Properties: a refusal says something; what is accepted stays within the limits (calls,
// bytes kept, bytes no more than the call moved); written out it parses back to the same file,
// whose text is a fixed point; and a recording made of it steps from the first call to the last.

#include "fuzzcheck.h"

#include "net/limits.h"
#include "net/tracefile.h"
#include "net/tracerecording.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = parseTraceFile(json);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message().isEmpty(), "a refusal says what is wrong");
        return 0;
    }
    FUZZ_CHECK(static_cast<qsizetype>(parsed->events.size()) <= limits::kTraceRecordingEvents, "no more calls than a recording holds");
    for (const TraceEvent &event : parsed->events) {
        FUZZ_CHECK(event.bytes.size() <= limits::kTraceBytesKept, "no more bytes than a trace keeps");
        FUZZ_CHECK(event.byteCount < 0 ? event.bytes.isEmpty() : event.bytes.size() <= event.byteCount, "no more bytes than moved");
        FUZZ_CHECK(!event.call.isEmpty(), "every call has a name");
    }
    const QByteArray written = serializeTraceFile(*parsed);
    const auto again = parseTraceFile(written);
    FUZZ_CHECK(again.ok(), "what was written parses");
    FUZZ_CHECK(*again == *parsed, "and is the same file");
    FUZZ_CHECK(serializeTraceFile(*again) == written, "the written form is a fixed point");

    TraceRecording recording;
    recording.reset(parsed->events, parsed->dropped);
    FUZZ_CHECK(recording.size() == static_cast<qsizetype>(parsed->events.size()), "a recording keeps every call of a file");
    qsizetype steps = 0;
    while (recording.stepForward())
        ++steps;
    FUZZ_CHECK(steps == recording.shownCount(), "stepping visits every call once");
    return 0;
}
