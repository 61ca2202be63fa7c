#pragma once
// A timeline recording as a file, to open again later or on another machine and to hand in: JSON
// with the app's version, a format version, how many older calls were dropped, and the calls with
// their bytes in hex. Documented in docs/TIMELINE.md. The parser is a pure function of bytes with
// every size bounded (tests/fuzz/fuzz_timeline.cpp): a file is something a student sends a teacher.

#include "net/error.h"
#include "net/trace.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace socketeer {

struct TraceFile {
    static constexpr int kFormatVersion = 1;
    QString appVersion;                // of the Socketeer that saved it; informative
    qint64 dropped = 0;                // older calls the recording had dropped before these
    std::vector<TraceEvent> events;    // in the order of their sequence
    bool operator==(const TraceFile &) const = default;
};

QByteArray serializeTraceFile(const TraceFile &file);
// Refuses, with a sentence that says what and where: input over limits::kTraceFileMaxBytes, bad
// JSON, another format or a newer version, more than limits::kTraceRecordingEvents calls (claimed
// or present), a field of the wrong type, a number that is not a whole number in range, text
// longer than a trace ever makes, bytes that are not hex or more than limits::kTraceBytesKept.
Result<TraceFile> parseTraceFile(const QByteArray &json);

Result<TraceFile> readTraceFile(const QString &path);
Result<void> writeTraceFile(const QString &path, const TraceFile &file);

} // namespace socketeer
