// socketeer relay: the relay on the command line, between a client and a server, misbehaving as
// told. stdout carries only the "listening on HOST PORT" line (as serve); what happens to the
// connections, and every impairment that acted, goes to stderr, so a class watching a terminal sees
// cause and effect ("connection 1 up: dropped datagram of 12 bytes").

#include "cli.h"
#include "signalwatcher.h"
#include "traceoption.h"

#include "relay/impairmentspec.h"
#include "relay/relay.h"

#include <QCommandLineParser>

#include <array>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("relay");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

// One option per impairment key, named after it, taking the key's value as written in a profile.
struct ImpairmentOption {
    const char *key;
    const char *valueName;
    const char *help;
};

constexpr auto kImpairmentOptions = std::to_array<ImpairmentOption>({
    {"latency", "ms[:jitter[:dist]]", QT_TRANSLATE_NOOP("socketeer::Cli", "Delay every chunk (TCP) or datagram (UDP) by MS ± JITTER milliseconds, uniform or normal (JITTER is then σ). TCP bytes are never reordered.")},
    {"bandwidth", "bytes/s[:burst]", QT_TRANSLATE_NOOP("socketeer::Cli", "Limit the rate to BYTES per second (K, M: ×1024), letting at most BURST through at once.")},
    {"slice", "bytes[:var[:delay-us]]", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: cut every write into pieces of BYTES ± VAR, DELAY_US microseconds apart: the peer's recv() sees the pieces.")},
    {"reset-after", "bytes|time", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: reset the connection (RST) after BYTES have passed, or after a time (500ms, 2s).")},
    {"half-close", "bytes", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: after BYTES, shut that direction down (FIN); the other goes on.")},
    {"limit", "bytes", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: after BYTES, close the connection (toxiproxy's limit_data).")},
    {"stall", "ms[:after]", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: forward nothing for MS milliseconds (after AFTER bytes).")},
    {"slow-close", "ms", QT_TRANSLATE_NOOP("socketeer::Cli", "TCP: hold a FIN for MS milliseconds before passing it on.")},
    {"drop", "pct", QT_TRANSLATE_NOOP("socketeer::Cli", "UDP: drop this percentage of datagrams.")},
    {"duplicate", "pct", QT_TRANSLATE_NOOP("socketeer::Cli", "UDP: send this percentage of datagrams twice.")},
    {"corrupt", "pct", QT_TRANSLATE_NOOP("socketeer::Cli", "UDP: flip one bit in this percentage of datagrams.")},
    {"truncate", "pct", QT_TRANSLATE_NOOP("socketeer::Cli", "UDP: cut this percentage of datagrams short.")},
    {"reorder", "pct[:gap]", QT_TRANSLATE_NOOP("socketeer::Cli", "UDP: hold this percentage of datagrams back until GAP later ones have passed.")},
});

QString directionWord(RelayDirection direction)
{
    return direction == RelayDirection::Down ? Cli::tr("down") : Cli::tr("up");
}

} // namespace

int runRelay(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Listens on --listen and forwards every TCP connection (with --udp: every UDP sender, each its\n"
                "own session) to --to, impaired as the options say. \"Up\" is what clients send towards the\n"
                "target, \"down\" the target's answers; every impairment applies to --direction (default both)\n"
                "unless its value ends in @up, @down or @both (--latency 100@down).\n\n"
                "Once listening it prints one line to stdout, \"listening on HOST PORT\". Connections opening\n"
                "and closing, and every impairment that acted, are reported on stderr (--quiet: only the\n"
                "connections). It runs until SIGINT or SIGTERM, then closes every connection and exits 0.\n\n"
                "Profiles (--profile): %1. The same impairments as one text: --impair \"latency=100:20 drop=5@up\".")
            .arg([] {
                QStringList ids;
                for (const RelayProfile &profile : builtinRelayProfiles())
                    ids << QStringLiteral("%1 (%2)").arg(profile.id, profile.spec);
                return ids.join(QStringLiteral(", "));
            }()));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          Cli::tr("Where to listen: PORT (on 127.0.0.1, loopback only), HOST:PORT or [IPv6]:PORT. "
                                                  "0.0.0.0:PORT listens on all interfaces. Required."),
                                          Cli::tr("address"));
    const QCommandLineOption toOption(QStringLiteral("to"), Cli::tr("Where to forward: HOST:PORT or [IPv6]:PORT. Required."), Cli::tr("address"));
    const QCommandLineOption udpOption(QStringLiteral("udp"), Cli::tr("Relay UDP datagrams instead of TCP connections."));
    const QCommandLineOption directionOption(QStringLiteral("direction"), Cli::tr("Which way the impairments act: up, down or both."),
                                             Cli::tr("way"), QStringLiteral("both"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), Cli::tr("Start from a profile (see above); options given as well override it."),
                                           Cli::tr("name"));
    const QCommandLineOption impairOption(QStringLiteral("impair"), Cli::tr("Impairments as one text of KEY=VALUE words (docs/RELAY.md)."),
                                          Cli::tr("text"));
    const QCommandLineOption maxOption(QStringLiteral("max-connections"),
                                       Cli::tr("Refuse connections (UDP: new senders) beyond this many (default %1).").arg(limits::kRelayMaxConnections),
                                       Cli::tr("n"), QString::number(limits::kRelayMaxConnections));
    const QCommandLineOption idleOption(QStringLiteral("idle-timeout"),
                                        Cli::tr("UDP: forget a sender that sent nothing for this many seconds (default %1).")
                                            .arg(std::chrono::duration_cast<std::chrono::seconds>(limits::kUdpRelayIdleTimeout).count()),
                                        Cli::tr("seconds"),
                                        QString::number(std::chrono::duration_cast<std::chrono::seconds>(limits::kUdpRelayIdleTimeout).count()));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), Cli::tr("Do not report each impairment that acted, only connections."));
    parser.addOptions({listenOption, toOption, udpOption, directionOption, profileOption, impairOption, maxOption, idleOption, quietOption});
    std::vector<QCommandLineOption> impairmentOptions;
    for (const ImpairmentOption &option : kImpairmentOptions) {
        impairmentOptions.emplace_back(QString::fromLatin1(option.key), QCoreApplication::translate("socketeer::Cli", option.help),
                                       QString::fromLatin1(option.valueName));
        parser.addOption(impairmentOptions.back());
    }
    const QCommandLineOption traceFileOption = traceOption();
    parser.addOption(traceFileOption);
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    TraceToFile trace;
    trace.start(parser.value(traceFileOption));
    if (!parser.positionalArguments().isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer relay --help)").arg(parser.positionalArguments().first()));

    RelayConfig config;
    config.udp = parser.isSet(udpOption);
    if (!parser.isSet(listenOption))
        return usageError(Cli::tr("--listen is required: the port (or HOST:PORT) clients connect to"));
    {
        QString text = parser.value(listenOption);
        if (parsePort(text))   // a port alone listens on loopback
            text = QStringLiteral("127.0.0.1:") + text;
        auto listen = parseEndpoint(text);
        if (!listen)
            return usageError(QStringLiteral("--listen: ") + listen.error().detail);
        if (listen->isUnix())
            return usageError(Cli::tr("--listen: the relay listens on a host and port, not the path \"%1\"").arg(listen->unixPath));
        config.listen = *listen;
    }
    if (!parser.isSet(toOption))
        return usageError(Cli::tr("--to is required: the HOST:PORT to forward to"));
    {
        auto to = parseEndpoint(parser.value(toOption));
        if (!to)
            return usageError(QStringLiteral("--to: ") + to.error().detail);
        if (to->isUnix() || to->host.isEmpty() || to->port == 0)
            return usageError(Cli::tr("--to: \"%1\" is not a HOST:PORT to forward to").arg(parser.value(toOption)));
        config.target = *to;
    }
    const auto direction = parseRelayDirection(parser.value(directionOption));
    if (!direction)
        return usageError(QStringLiteral("--direction: ") + direction.error().detail);
    bool ok = false;
    config.maxConnections = parser.value(maxOption).toInt(&ok);
    if (!ok || config.maxConnections < 1)
        return usageError(Cli::tr("--max-connections: \"%1\" is not a number of connections (1 or more)").arg(parser.value(maxOption)));
    const qint64 idleSeconds = parser.value(idleOption).toLongLong(&ok);
    if (!ok || idleSeconds < 1 || idleSeconds > 24 * 3600)
        return usageError(Cli::tr("--idle-timeout: \"%1\" is not a number of seconds (1 to 86400)").arg(parser.value(idleOption)));
    config.udpIdleTimeout = std::chrono::seconds(idleSeconds);

    // A profile first, then the text, then each option: the more specific wins.
    RelayImpairments impairments;
    if (parser.isSet(profileOption)) {
        const RelayProfile *profile = findBuiltinRelayProfile(parser.value(profileOption));
        if (!profile) {
            QStringList ids;
            for (const RelayProfile &known : builtinRelayProfiles())
                ids << known.id;
            return usageError(Cli::tr("--profile: \"%1\" is not a profile: %2").arg(parser.value(profileOption), ids.join(QStringLiteral(", "))));
        }
        auto parsed = parseImpairments(profile->spec, *direction);
        if (!parsed)   // a built-in profile always parses (tst_impairmentspec)
            return usageError(QStringLiteral("--profile: ") + parsed.error().detail);
        const QStringList skipped = inapplicableImpairments(*parsed, config.udp);
        if (!skipped.isEmpty())
            printWarning(kCommand, Cli::tr("profile %1: %2 does not apply to a %3 relay, left out")
                                       .arg(profile->id, skipped.join(QStringLiteral(", ")), config.udp ? QStringLiteral("UDP") : QStringLiteral("TCP")));
        impairments = applicableImpairments(*parsed, config.udp);
    }
    QStringList given;   // what the user asked for in so many words: refused, not skipped, if it cannot apply
    if (parser.isSet(impairOption)) {
        auto parsed = parseImpairments(parser.value(impairOption), *direction);
        if (!parsed)
            return usageError(QStringLiteral("--impair: ") + parsed.error().detail);
        given << inapplicableImpairments(*parsed, config.udp);
        // Merged key by key over the profile: re-applied from the canonical text, which leaves
        // "both" unwritten, so it is read with "both" as the default, not --direction.
        for (const QString &word : impairmentsToSpec(*parsed).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const qsizetype equals = word.indexOf(QLatin1Char('='));
            if (auto applied = applyImpairment(impairments, QStringView(word).left(equals), QStringView(word).mid(equals + 1)); !applied)
                return usageError(QStringLiteral("--impair: ") + applied.error().detail);
        }
    }
    for (const QCommandLineOption &option : impairmentOptions) {
        const QString key = option.names().constFirst();
        for (const QString &value : parser.values(option)) {
            if (auto applied = applyImpairment(impairments, key, value, *direction); !applied)
                return usageError(QStringLiteral("--") + applied.error().detail);
            RelayImpairments one;
            (void)applyImpairment(one, key, value, *direction);
            given << inapplicableImpairments(one, config.udp);
        }
    }
    if (!given.isEmpty()) {
        given.removeDuplicates();
        return usageError(config.udp ? Cli::tr("%1 acts on TCP connections, not on UDP datagrams").arg(given.join(QStringLiteral(", ")))
                                     : Cli::tr("%1 acts on UDP datagrams (add --udp): TCP itself never loses, repeats or reorders bytes")
                                           .arg(given.join(QStringLiteral(", "))));
    }
    // Round trip through the text: what runs is exactly what a profile of it would say.
    config.impairments = *parseImpairments(impairmentsToSpec(impairments));

    if (isAnyHost(config.listen.host))
        printWarning(kCommand, Cli::tr("listening on all interfaces: anyone who can reach this machine can use the relay"));
    if (config.impairments.any())
        printLine(Cli::tr("impairments: %1").arg(impairmentsToSpec(config.impairments)));

    prepareProcess();
    SignalWatcher signalWatcher;
    Relay relay;
    bool stopRequested = false;
    const bool quiet = parser.isSet(quietOption);
    auto finish = [&](int code) {
        stopRequested = true;
        relay.stopAndWait();
        QCoreApplication::exit(code);
    };
    QObject::connect(&signalWatcher, &SignalWatcher::received, &relay, [&] { finish(ExitSuccess); });
    QObject::connect(&relay, &Relay::started, &relay, [&](const QString &address, quint16 port) {
        if (!writeStdout(QStringLiteral("listening on %1 %2\n").arg(address).arg(port).toLocal8Bit()))
            finish(ExitFailure);
    });
    QObject::connect(&relay, &Relay::errorOccurred, &relay, [](const Error &error) { printError(kCommand, error.message()); });
    QObject::connect(&relay, &Relay::stopped, &relay, [&] {
        if (!stopRequested)
            finish(ExitFailure);
    });
    QObject::connect(&relay, &Relay::connectionOpened, &relay, [&](quint64 id, const QString &client, const QString &target) {
        printLine(config.udp ? Cli::tr("session %1 from %2 to %3").arg(id).arg(client, target)
                             : Cli::tr("connection %1 from %2 to %3").arg(id).arg(client, target));
    });
    QObject::connect(&relay, &Relay::connectionClosed, &relay, [&](quint64 id, const QString &reason) {
        printLine(config.udp ? Cli::tr("session %1 closed: %2").arg(id).arg(reason) : Cli::tr("connection %1 closed: %2").arg(id).arg(reason));
    });
    if (!quiet) {
        QObject::connect(&relay, &Relay::impaired, &relay, [&](quint64 id, RelayDirection way, const QString &action, const QString &detail) {
            printLine((config.udp ? Cli::tr("session %1 %2: %3 %4") : Cli::tr("connection %1 %2: %3 %4")).arg(id).arg(directionWord(way), action, detail));
        });
    }

    if (!relay.start(config))
        return ExitFailure;
    return trace.finish(kCommand, QCoreApplication::exec());
}

} // namespace socketeer::cli
