#pragma once
// Bytes as a hex-and-text dump, the way hexdump -C, xxd and socat -x show them, one shape for the
// timeline's details pane and the command line's --hex.

#include <QByteArray>
#include <QString>

namespace socketeer {

// "0000  68 65 6c 6c 6f 0a                                 hello." — 16 bytes a line, a gap after
// the eighth, every line ending in a newline; bytes outside printable ASCII are "." in the text
// column. `firstOffset` numbers the first byte (a chunk's place in its stream); the offset column
// is 4 hex digits, wider when it must be. Empty bytes: an empty dump.
QString hexDump(const QByteArray &bytes, quint64 firstOffset = 0);

} // namespace socketeer
