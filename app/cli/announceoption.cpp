#include "announceoption.h"

#include "cli.h"

#include "net/limits.h"
#include "rooms/roomannouncer.h"
#include "tcp/tcpserver.h"
#include "tcp/tcpservertypes.h"

#include <QCommandLineParser>


namespace socketeer::cli {

namespace {

constexpr auto kCommand = "serve";

} // namespace

AnnounceOptions::AnnounceOptions()
    : announce(QStringLiteral("announce"),
               Cli::tr("With --chat: announce the room on the local network as NAME every %1 seconds (room name, port, TLS, "
                       "number of members), so `socketeer rooms` and the client panel find it. Needs --bind 0.0.0.0, :: or "
                       "an address of this machine: a room on loopback cannot be joined from elsewhere.")
                   .arg(limits::kRoomAnnounceInterval.count() / 1000),
               Cli::tr("name")),
      via(QStringLiteral("announce-via"),
          Cli::tr("How --announce reaches IPv4 hosts: broadcast (to each interface's broadcast address, the default) or "
                  "multicast (to the group %1). IPv6 hosts are reached by the link-local group %2 when the room listens on IPv6.")
              .arg(QLatin1String(kRoomGroupIPv4), QLatin1String(kRoomGroupIPv6)),
          Cli::tr("how"), QStringLiteral("broadcast"))
{
}

QString checkAnnounceOptions(const QCommandLineParser &parser, const AnnounceOptions &options, const TcpServerConfig &config)
{
    if (parser.isSet(options.via) && !parser.isSet(options.announce))
        return Cli::tr("--announce-via says how to announce: add --announce NAME");
    if (!parser.isSet(options.announce))
        return {};
    if (!config.chat.enabled)
        return Cli::tr("--announce announces a chat room: add --chat");
    const QString via = parser.value(options.via);
    if (via != QLatin1String("broadcast") && via != QLatin1String("multicast"))
        return Cli::tr("--announce-via is broadcast or multicast, not \"%1\"").arg(via);
    if (config.endpoint.isUnix())
        return Cli::tr("--announce tells the network about a TCP port: a room on --unix cannot be announced");
    if (const QString problem = roomNameProblem(parser.value(options.announce).trimmed()); !problem.isEmpty())
        return Cli::tr("--announce: %1").arg(problem);
    if (const QString problem = RoomAnnouncer::listenProblem(config.endpoint.host); !problem.isEmpty())
        return Cli::tr("--announce: %1").arg(problem);
    return {};
}

void announceRoom(const QCommandLineParser &parser, const AnnounceOptions &options, const TcpServerConfig &config, TcpServer &server)
{
    if (!parser.isSet(options.announce))
        return;
    auto *announcer = new RoomAnnouncer(&server);
    QObject::connect(announcer, &RoomAnnouncer::errorOccurred, announcer,
                     [](const Error &error) { printWarning(QLatin1String(kCommand), Cli::tr("announcing the room: %1").arg(error.message())); });
    QObject::connect(&server, &TcpServer::started, announcer, [=, &parser, &options](const QString &address, quint16 port) {
        RoomAnnouncer::Config announce;
        announce.room.name = parser.value(options.announce).trimmed();
        announce.room.port = port;
        announce.room.tls = config.tls != nullptr;
        announce.listenHost = address;
        announce.via = parser.value(options.via) == QLatin1String("multicast") ? RoomAnnouncer::Via::Multicast : RoomAnnouncer::Via::Broadcast;
        if (const QString problem = announcer->start(announce); !problem.isEmpty())
            printWarning(QLatin1String(kCommand), Cli::tr("the room is not announced: %1").arg(problem));
    });
    // The members of the room (with --nicknames, those that have chosen a name), as /who counts them.
    auto count = [announcer, &server] { announcer->setMembers(static_cast<int>(server.chatMembers().size())); };
    QObject::connect(&server, &TcpServer::chatMemberJoined, announcer, count);
    QObject::connect(&server, &TcpServer::chatMemberLeft, announcer, count);
    QObject::connect(&server, &TcpServer::stopped, announcer, &RoomAnnouncer::stop);
}

} // namespace socketeer::cli
