#pragma once
// `socketeer` without a subcommand: the desktop window.

#include <QString>

namespace socketeer::gui {

// Parses the window's options (--listen, --connect, --udp, --language, --help, --version) on a
// console application object, so --help and mistakes are answered even where no display is, in
// `language` (the --language main() found; null: the system's), then opens the main window.
// Returns the process's exit status.
int run(int argc, char *argv[], const QString &language);

} // namespace socketeer::gui
