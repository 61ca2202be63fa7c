#pragma once
// `socketeer serve --chat [--nicknames]`: the TCP server as a chat room (core/tcp/chatroom.h,
// docs/CHAT.md). Declared and checked here so the serve command only adds them.

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

namespace socketeer {
struct TcpServerConfig;
}

namespace socketeer::cli {

struct ChatOptions {
    QCommandLineOption chat;
    QCommandLineOption nicknames;
    ChatOptions();
};

// The paragraph of `serve --help` that explains the room.
QString chatHelp();

// Sets config.chat from the options; a combination that cannot work is an error message (empty:
// none). Reads config.echo, so call it after that is set.
QString applyChatOptions(const QCommandLineParser &parser, const ChatOptions &options, TcpServerConfig &config);

} // namespace socketeer::cli
