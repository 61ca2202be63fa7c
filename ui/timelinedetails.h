#pragma once
// The details pane's text for one call: everything the trace has of it, including its errno's
// name and text and the bytes it moved as hex and as text.

#include <QString>

class QByteArray;

namespace socketeer {
struct TraceEvent;
}

namespace socketeer::ui {

// "0000  68 65 6c 6c 6f 0a                                 hello." — 16 bytes a line.
QString timelineHexDump(const QByteArray &bytes);
// errno 111 → "ECONNREFUSED (111): Connection refused".
QString timelineErrnoText(int error);
// Plain text, one field a line, for a read-only text box (and a test to read).
QString timelineDetailsText(const TraceEvent &event);

} // namespace socketeer::ui
