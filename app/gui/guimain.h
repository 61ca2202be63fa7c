#pragma once
// `socketeer` without a subcommand: the desktop window.

namespace socketeer::gui {

// Parses the window's options (--listen, --connect, --udp, --language, --help, --version) before
// any application object exists, so --help and mistakes are answered even where no display is,
// then opens the main window. Returns the process's exit status.
int run(int argc, char *argv[]);

} // namespace socketeer::gui
