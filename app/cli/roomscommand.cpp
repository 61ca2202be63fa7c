// socketeer rooms: the chat rooms announced on the local network (core/rooms/roomfinder.h), one
// line each as it is heard, until --timeout; then a summary on stderr. Like `avahi-browse -t`,
// for the rooms `socketeer serve --chat --announce NAME` and the server panel announce.

#include "cli.h"
#include "signalwatcher.h"

#include "net/limits.h"
#include "rooms/roomannouncement.h"
#include "rooms/roomfinder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("rooms");

} // namespace

int runRooms(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Lists the chat rooms announced on the local network (socketeer serve --chat --announce NAME, or the server\n"
                "panel's Announce), listening on UDP port %1 for IPv4 broadcast, the IPv4 group %2 and the IPv6\n"
                "group %3. Each room is one line on stdout as soon as it is heard, with tab-separated columns:\n"
                "NAME, HOST, PORT, the number of members in it, and \"tls\" or \"plain\". Join it with\n"
                "socketeer connect HOST PORT (add --tls for a TLS room). With --json each room is instead one JSON\n"
                "object per line. After --timeout it exits: 0 if a room was found, 1 if none was.")
            .arg(kRoomDiscoveryPort)
            .arg(QLatin1String(kRoomGroupIPv4), QLatin1String(kRoomGroupIPv6)));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           Cli::tr("Listen this many seconds (rooms announce themselves every %1 s).")
                                               .arg(limits::kRoomAnnounceInterval.count() / 1000),
                                           Cli::tr("seconds"), QStringLiteral("5"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        Cli::tr("One JSON object per room: name, host, hosts, port, members, tls, id."));
    parser.addOptions({timeoutOption, jsonOption});
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    if (!parser.positionalArguments().isEmpty()) {
        printError(kCommand, Cli::tr("rooms takes no arguments, only options: \"%1\"").arg(parser.positionalArguments().first()));
        return ExitUsage;
    }
    bool numeric = false;
    const double seconds = parser.value(timeoutOption).toDouble(&numeric);
    if (!numeric || !std::isfinite(seconds) || seconds <= 0 || seconds > 24 * 3600) {
        printError(kCommand, Cli::tr("--timeout: \"%1\" is not a number of seconds (more than 0, at most 86400)").arg(parser.value(timeoutOption)));
        return ExitUsage;
    }
    const bool json = parser.isSet(jsonOption);

    prepareProcess();
    SignalWatcher signalWatcher;
    RoomFinder finder;
    int found = 0;
    bool listening = false;
    auto finish = [&](int code) {
        finder.stop();
        QCoreApplication::exit(code);
    };
    QObject::connect(&signalWatcher, &SignalWatcher::received, &finder, [&] { finish(found > 0 ? ExitSuccess : ExitFailure); });
    QObject::connect(&finder, &RoomFinder::errorOccurred, &finder, [](const Error &error) { printWarning(kCommand, error.message()); });
    QObject::connect(&finder, &RoomFinder::stopped, &finder, [&] {
        if (!listening)   // neither IPv4 nor IPv6 could listen: nothing can be found
            finish(ExitFailure);
    });
    QObject::connect(&finder, &RoomFinder::listening, &finder, [&](quint16 port) {
        listening = true;
        printLine(Cli::tr("listening for rooms on UDP port %1 for %2 s").arg(port).arg(seconds));
    });
    QObject::connect(&finder, &RoomFinder::roomFound, &finder, [&](const FoundRoom &room) {
        ++found;
        QByteArray line;
        if (json) {
            QJsonObject object{{QStringLiteral("name"), room.name},
                               {QStringLiteral("host"), room.hosts.value(0)},
                               {QStringLiteral("hosts"), QJsonArray::fromStringList(room.hosts)},
                               {QStringLiteral("port"), room.port},
                               {QStringLiteral("members"), room.members},
                               {QStringLiteral("tls"), room.tls},
                               {QStringLiteral("id"), QString::fromLatin1(room.id)}};
            line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        } else {
            // A name has no TAB (nor any control character): the parser refused it.
            line = QStringList{room.name, room.hosts.value(0), QString::number(room.port), QString::number(room.members),
                               room.tls ? QStringLiteral("tls") : QStringLiteral("plain")}
                       .join(QLatin1Char('\t'))
                       .toUtf8()
                   + '\n';
        }
        if (!writeStdout(line))
            finish(ExitFailure);
    });
    QTimer::singleShot(static_cast<int>(seconds * 1000), &finder, [&] {
        if (found == 0)
            printLine(Cli::tr("no room announced itself in %1 s").arg(seconds));
        if (finder.ignoredDatagrams() > 0)
            printLine(Cli::tr("ignored %n datagram(s) that were not a room's announcement", nullptr, static_cast<int>(finder.ignoredDatagrams())));
        finish(found > 0 ? ExitSuccess : ExitFailure);
    });
    finder.start();
    return QCoreApplication::exec();
}

} // namespace socketeer::cli
