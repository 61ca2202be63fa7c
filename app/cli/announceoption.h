#pragma once
// `socketeer serve --chat --announce NAME [--announce-via broadcast|multicast]`: the room tells the
// local network about itself (core/rooms/roomannouncer.h, docs/CHAT.md). Declared and wired here,
// so the serve command only adds the options and calls announceRoom().

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

namespace socketeer {
class TcpServer;
struct TcpServerConfig;
}

namespace socketeer::cli {

struct AnnounceOptions {
    QCommandLineOption announce;
    QCommandLineOption via;
    AnnounceOptions();
};

// What is wrong with the options for this server (empty: nothing): --announce without --chat, a
// name that cannot be a room's, a room that listens on loopback only, an unknown --announce-via.
QString checkAnnounceOptions(const QCommandLineParser &parser, const AnnounceOptions &options, const TcpServerConfig &config);

// With --announce: announces the room once `server` listens, with its count of clients, until it
// stops. Problems sending are warnings on stderr (the room works without being found).
void announceRoom(const QCommandLineParser &parser, const AnnounceOptions &options, const TcpServerConfig &config, TcpServer &server);

} // namespace socketeer::cli
