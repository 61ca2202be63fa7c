#pragma once
// The server's own commands on `socketeer serve --chat`'s stdin (docs/CHAT.md, "On the command
// line"): a line typed there that starts with "/" runs the room (/notice, /topic, /mute, /unmute,
// /kick, /who, /help) instead of going to the clients; "//TEXT" sends the line "/TEXT"; any other
// line goes to every client unchanged, as before.

#include <QByteArray>
#include <QString>

#include <functional>

namespace socketeer {
class TcpServer;
}

namespace socketeer::cli {

// Splits stdin, on its reading thread: what is not a command passes through at once, unchanged
// (a line that starts with "/" is held until its LF, at most a chat line's worth: a longer one is
// passed on as text); each command line (without its line end) is handed to `command`, which must
// be safe to call from that thread (it posts to the main thread).
struct ChatStdin {
    std::function<QByteArray(const QByteArray &)> transform;
    std::function<QByteArray()> flush;
};
ChatStdin chatStdin(std::function<void(const QByteArray &line)> command);

// Runs one command line on the server (the main thread). What it has to say (the answer to /who,
// /help, an unknown command or name) goes to stderr.
void runChatCommand(TcpServer &server, const QByteArray &line);

// The commands, for --help.
QString chatCommandsHelp();

} // namespace socketeer::cli
