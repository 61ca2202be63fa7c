#pragma once
// Text from a peer (a server's reply, a certificate's subject, an address in an envelope) printed
// on a terminal must not drive the terminal: an ESC or a C1 control in it could set the window
// title, move the cursor over earlier lines, or on some terminals answer back. What the command
// line prints goes through here first; controls are shown as escapes a person can read.

#include <QString>
#include <QStringView>

namespace socketeer {

enum class LineBreaks { Keep, Escape };

// C0 controls but tab (and, with LineBreaks::Keep, LF), DEL, C1 controls and the bidirectional
// overrides and isolates (which reorder what follows them on the screen) as \xNN or \u{NNNN};
// a backslash stays a backslash. Everything else, Chinese included, is left as it is.
QString terminalSafe(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

} // namespace socketeer
