#pragma once
// "Show me the code": the program, in Python (the tutorial's style, its mistakes fixed) or C
// (POSIX sockets), that does what a panel's settings do. Pure: settings in, text out.

#include "code/codesettings.h"
#include "net/error.h"

#include <optional>

namespace socketeer {

// The program, or why these settings cannot be generated (a value that cannot be written into
// the program, a combination not generated yet), as a translated sentence in the detail.
Result<GeneratedCode> generateCode(const CodeSettings &settings);

std::optional<CodeLanguage> codeLanguageFromName(const QString &name);   // "python", "c"
std::optional<CodeKind> codeKindFromName(const QString &name);           // "tcp-server", "tcp-client", "udp", "mail", "inbox"
QStringList codeLanguageNames();
QStringList codeKindNames();

} // namespace socketeer
