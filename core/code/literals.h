#pragma once
// Values typed by a person, written into a generated program as string literals: escaped so that
// no quote, backslash or line break can end the literal early or add code after it.

#include <QString>

namespace socketeer::code {

// '…' for Python 3: printable characters as they are (Chinese stays readable), everything else
// (controls, line and paragraph separators, quotes, backslashes) escaped.
QString pythonString(const QString &value);
// "…" for C: ASCII printables as they are, everything else as octal escapes of its UTF-8 bytes
// (octal, not \x, which would swallow a following hex digit; ? escaped against trigraphs).
QString cString(const QString &value);

} // namespace socketeer::code
