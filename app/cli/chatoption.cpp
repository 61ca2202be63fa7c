#include "chatoption.h"

#include "cli.h"

#include "tcp/tcpservertypes.h"

#include <QCommandLineParser>

namespace socketeer::cli {

ChatOptions::ChatOptions()
    : chat(QStringLiteral("chat"),
           Cli::tr("Be a chat room: every line a client sends goes to all the other clients as \"NAME: TEXT\" (NAME is its "
                   "address, or with --nicknames its nickname), with \"*** NAME joined\" and \"*** NAME left\"; stdout shows "
                   "the room.")),
      nicknames(QStringLiteral("nicknames"),
                Cli::tr("With --chat: a client's first line is its nickname (at most %1 characters, no spaces, colons or "
                        "control characters; one already taken is refused and the client may send another).")
                    .arg(limits::kChatMaxNicknameChars))
{
}

QString chatHelp()
{
    return Cli::tr("With --chat the server is a chat room: the server itself relays every line (at most %1\n"
                   "bytes; a longer one is refused) to all the other clients, and a client that never reads is\n"
                   "disconnected once %2 MiB wait for it, so it cannot hold the room back. Stdout shows the\n"
                   "room as its members hear it, one line each; what is typed on stdin goes to every client\n"
                   "unchanged, but for a line that starts with / (a command for the room, below). Besides\n"
                   "plain lines a client may send /nick NAME, /me ACTION, /who, /msg NAME TEXT, /topic TEXT,\n"
                   "/quit and /help. The protocol is in docs/CHAT.md.")
        .arg(limits::kChatMaxLineBytes)
        .arg(limits::kServerQueueBytes / limits::MiB);
}

QString applyChatOptions(const QCommandLineParser &parser, const ChatOptions &options, TcpServerConfig &config)
{
    const bool chat = parser.isSet(options.chat);
    if (parser.isSet(options.nicknames) && !chat)
        return Cli::tr("--nicknames is a setting of the chat room: add --chat");
    if (chat && config.echo)
        return Cli::tr("--chat relays each line to the other clients and --echo sends it back to its sender: choose one");
    config.chat.enabled = chat;
    config.chat.nicknames = parser.isSet(options.nicknames);
    return {};
}

} // namespace socketeer::cli
