// socketeer udp: UDP on the command line. Datagrams are line-sized things here: each stdin line is
// one datagram, each datagram received is one stdout line, so the output can be read by a script
// even when the payload is binary (with --hex-lines) or contains newlines (escaped). --hex means
// what it means for serve and connect: a hex-and-text dump (receivedview.h), one per datagram.

#include "checksumoptions.h"
#include "cli.h"
#include "frameoption.h"
#include "receivedview.h"
#include "rulesoptions.h"
#include "sequenceoption.h"
#include "signalwatcher.h"
#include "traceoption.h"
#include "stdinreader.h"

#include "net/error.h"
#include "text/encoding.h"
#include "udp/udpendpoint.h"

#include <QCommandLineParser>
#include <QHostAddress>

#include <cerrno>
#include <cstring>
#include <memory>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("udp");

// Datagrams handed to the endpoint and not yet reported sent or failed: beyond the high mark stdin
// is not read, so a large file on stdin cannot pile up in the worker's queue.
constexpr qint64 kHighWater = 1024;
constexpr qint64 kLowWater = 256;

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

// One datagram on one line: the bytes as they are, except the three that would break the line or
// make it ambiguous, which become \\, \n and \r.
QByteArray escapeLine(const QByteArray &payload)
{
    QByteArray line;
    line.reserve(payload.size());
    for (const char c : payload) {
        switch (c) {
        case '\\': line += "\\\\"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c; break;
        }
    }
    return line;
}

} // namespace

int runUdp(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Sends and receives UDP datagrams.\n\n"
           "Once bound it prints one line to stdout: \"bound HOST PORT\". Then every datagram received\n"
           "is one line on stdout, \"SENDER PAYLOAD\": SENDER is 127.0.0.1:5000 or [::1]:5000 and\n"
           "PAYLOAD is the rest of the line. As text, the payload's bytes are written as they are,\n"
           "except backslash, newline and carriage return, written \\\\, \\n and \\r. With --hex-lines it\n"
           "is lowercase hex digits without spaces (empty for an empty datagram). With --hex each datagram\n"
           "is instead a hex-and-text dump, as serve and connect write it: a header line\n"
           "\"< SENDER length=N from=0 to=N-1\" (\"< SENDER length=0\" for an empty datagram) and the dump lines.\n\n"
           "Every line read from stdin is sent as one datagram, without its newline: to --to, or\n"
           "without --to as a reply to the sender of the last datagram received. With --hex-input each\n"
           "line is hex (spaces, colons and 0x allowed). The end of stdin does not stop the command: it runs\n"
           "until SIGINT or SIGTERM, then exits 0.\n\n"
           "With --append each datagram sent (each line) gets a check value after it; --echo sends back\n"
           "what came, unchanged. With --verify each datagram received is checked as ending with its\n"
           "check value: it is printed on stdout as always, and a bad one is also reported on stderr as\n"
           "\"socketeer udp: datagram from SENDER: bad crc16-modbus: expected 37 4B, found 00 00\"\n"
           "(or \"…: too short for its 2-byte check value\").\n\n"
           "With --frame each datagram must be exactly one message under the framing: what is printed\n"
           "is the message (without its length header or delimiter), and a datagram that is not one (a\n"
           "length header that disagrees with its size, two messages, no delimiter) is printed whole and\n"
           "reported on stderr. Each line of stdin is sent with the framing added. --verify checks the\n"
           "message.")
        + QStringLiteral("\n\n")
        + Cli::tr("With --timestamps each datagram's line begins with the local time it arrived at: \"TIME SENDER PAYLOAD\"\n"
                  "(with --hex: \"< TIME SENDER length=N ...\").\n\n"
                  "--broadcast lets datagrams go to a broadcast address (SO_BROADCAST). --join GROUP joins an IPv4 or IPv6\n"
                  "multicast group (GROUP%IFACE: on that interface; without one, where the route to the group leads);\n"
                  "to receive the group's datagrams bind the port on all interfaces (--bind :PORT, or [::]:PORT for\n"
                  "IPv6) or on the group's address. \"bound HOST PORT\" is printed once every group is joined, and a\n"
                  "group that cannot be joined is an error (exit 1)."));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        Cli::tr("Local address and port, HOST:PORT or [IPv6]:PORT (default 127.0.0.1:0: "
                                           "loopback only, any free port). :PORT binds all interfaces."),
                                        Cli::tr("address"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption toOption(QStringLiteral("to"), Cli::tr("Send stdin's lines to HOST:PORT or [IPv6]:PORT."), Cli::tr("address"));
    const QCommandLineOption echoOption(QStringLiteral("echo"), Cli::tr("Send every datagram received back to its sender."));
    const QCommandLineOption hexOption = hexDumpOption();
    const QCommandLineOption hexLinesOption(QStringLiteral("hex-lines"),
                                            Cli::tr("Print each datagram's payload as one line of lowercase hex instead of text."));
    const QCommandLineOption hexInputOption(QStringLiteral("hex-input"),
                                            Cli::tr("Read stdin's lines as hex (spaces, colons and 0x allowed): each line is one "
                                                    "datagram of those bytes."));
    const ChecksumOptions checksumOptions;
    const QCommandLineOption frameOption(QStringLiteral("frame"), frameOptionHelp(), Cli::tr("spec"), QStringLiteral("none"));
    const SequenceOptions sequenceOptions;
    const QCommandLineOption stampOption = timestampsOption();
    const QCommandLineOption broadcastOption(QStringLiteral("broadcast"), Cli::tr("Allow sending to a broadcast address (SO_BROADCAST)."));
    const QCommandLineOption joinOption(QStringLiteral("join"),
                                        Cli::tr("Join this IPv4 or IPv6 multicast group, on interface IFACE if given. May be repeated."),
                                        QStringLiteral("GROUP[%IFACE]"));
    parser.addOptions({stampOption, broadcastOption, joinOption});
    parser.addOptions({bindOption, toOption, echoOption, hexOption, hexLinesOption, hexInputOption, checksumOptions.append, checksumOptions.order, checksumOptions.range, checksumOptions.verify,
                       frameOption, sequenceOptions.messages, sequenceOptions.sequence, sequenceOptions.repeat});
    const RulesOptions rulesOptions;
    parser.addOptions(rulesOptions.list());
    const QCommandLineOption traceFileOption = traceOption();
    parser.addOption(traceFileOption);
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    // Before anything opens a socket, so the file has the whole story from socket() on.
    TraceToFile trace;
    trace.start(parser.value(traceFileOption));
    const auto checksums = checksumChoice(parser, checksumOptions, true);
    if (!checksums)
        return usageError(checksums.error().detail);
    if (!parser.positionalArguments().isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer udp --help)").arg(parser.positionalArguments().first()));
    const auto frameSpec = FrameSpec::parse(parser.value(frameOption));
    if (!frameSpec)
        return usageError(QStringLiteral("--frame: ") + frameSpec.error().detail);

    UdpConfig config;
    const auto bind = parseEndpoint(parser.value(bindOption));
    if (!bind)
        return usageError(QStringLiteral("--bind: ") + bind.error().detail);
    if (bind->isUnix())
        return usageError(Cli::tr("--bind: UDP binds a host and port, not the path \"%1\"").arg(bind->unixPath));
    config.bind = *bind;

    std::optional<Endpoint> to;
    if (parser.isSet(toOption)) {
        const auto parsed = parseEndpoint(parser.value(toOption));
        if (!parsed)
            return usageError(QStringLiteral("--to: ") + parsed.error().detail);
        if (parsed->isUnix() || parsed->host.isEmpty() || parsed->port == 0)
            return usageError(Cli::tr("--to: \"%1\" is not a HOST:PORT to send to").arg(parser.value(toOption)));
        to = *parsed;
    }
    const bool echo = parser.isSet(echoOption);
    const bool hexDump = parser.isSet(hexOption);
    const bool hexLines = parser.isSet(hexLinesOption);
    const bool hexInput = parser.isSet(hexInputOption);
    if (hexDump && hexLines)
        return usageError(Cli::tr("--hex and --hex-lines are two ways to print a datagram: choose one"));
    const bool timestamps = parser.isSet(stampOption);
    // GROUP or GROUP%IFACE: the last "%" parts them (an IPv6 group has colons, never a "%").
    struct Group {
        QString address;
        QString interfaceName;
    };
    QList<Group> groups;
    for (const QString &value : parser.values(joinOption)) {
        const qsizetype percent = value.lastIndexOf(QLatin1Char('%'));
        Group group{percent < 0 ? value : value.left(percent), percent < 0 ? QString() : value.mid(percent + 1)};
        if (!QHostAddress(group.address).isMulticast())
            return usageError(Cli::tr("--join: \"%1\" is not a multicast group address (224.0.0.0/4 or ff00::/8)").arg(value));
        if (percent >= 0 && group.interfaceName.isEmpty())
            return usageError(Cli::tr("--join: no interface after the \"%\" in \"%1\"").arg(value));
        groups.append(group);
    }
    if (const int done = loadRules(parser, rulesOptions, kCommand, *frameSpec, config.rules); done >= 0)
        return done;

    if (isAnyHost(config.bind.host))
        printWarning(kCommand, Cli::tr("bound to all interfaces: anyone who can reach this machine can send to it"));

    // A name that does not resolve would otherwise fail line by line; better to say so once and
    // stop. Blocking is harmless here: no event loop runs yet. Sends resolve again on the worker,
    // which picks the address family that matches the bound socket.
    if (to) {
        if (auto addresses = resolve(*to, {SocketType::Datagram, false}); !addresses) {
            printError(kCommand, QStringLiteral("--to: ") + addresses.error().message());
            return ExitFailure;
        }
    }

    // With --sequence: a saved sequence sent to --to, one datagram per message (sequenceoption.h).
    auto sequencePlan = sequenceChoice(parser, sequenceOptions);
    if (!sequencePlan)
        return usageError(sequencePlan.error().message());
    if (*sequencePlan && !to)
        return usageError(Cli::tr("--sequence needs --to HOST:PORT"));
    if (*sequencePlan && (frameSpec->kind != FrameKind::None || checksums->append || checksums->verify))
        return usageError(Cli::tr("--sequence cannot be combined with --frame, --append or --verify yet"));

    prepareProcess();
    SignalWatcher signalWatcher;
    UdpEndpoint endpoint;
    StdinReader input;
    LineSplitter lines;
    bool isBound = false;
    bool announced = false;   // "bound HOST PORT" printed: broadcast set and every group joined
    qsizetype pendingSetup = (parser.isSet(broadcastOption) ? 1 : 0) + groups.size();
    QString boundAddress;
    quint16 boundPort = 0;
    bool finishing = false;
    qint64 inFlight = 0;
    qint64 lineNumber = 0;

    auto finish = [&](int code) {
        if (finishing)
            return;
        finishing = true;
        input.pause();
        endpoint.closeAndWait();
        QCoreApplication::exit(code);
    };
    auto settled = [&] {
        if (inFlight > 0)
            --inFlight;
        if (inFlight < kLowWater && input.isPaused() && !finishing)
            input.resume();
    };
    auto sendLine = [&](const QByteArray &line) {
        ++lineNumber;
        QByteArray payload = line;
        if (hexInput) {
            auto decoded = parseHex(QString::fromUtf8(line));
            if (!decoded) {
                printError(kCommand, Cli::tr("line %1 not sent: %2").arg(lineNumber).arg(decoded.error().detail));
                return;
            }
            payload = std::move(decoded).value();
        }
        if (checksums->append)
            payload = appendChecksum(*checksums->append, payload);
        if (frameSpec->kind != FrameKind::None) {
            auto framed = frame(*frameSpec, payload);
            if (!framed) {
                printError(kCommand, Cli::tr("line %1 not sent: %2").arg(lineNumber).arg(framed.error().detail));
                return;
            }
            payload = std::move(framed).value();
        }
        if (to)
            endpoint.sendTo(*to, payload);
        else
            endpoint.replyToLast(payload);
        if (++inFlight > kHighWater)
            input.pause();
    };

    std::unique_ptr<SequenceSession> sequence;
    if (*sequencePlan) {
        sequence = std::make_unique<SequenceSession>(
            std::move(**sequencePlan), [&](const QByteArray &bytes) { endpoint.sendTo(*to, bytes); }, kCommand);
        QObject::connect(sequence.get(), &SequenceSession::ended, &endpoint, [&](bool ok) { finish(ok ? ExitSuccess : ExitFailure); });
    }

    QObject::connect(&signalWatcher, &SignalWatcher::received, &endpoint, [&] { finish(ExitSuccess); });
    auto announce = [&] {
        if (announced || !isBound || pendingSetup > 0 || finishing)
            return;
        announced = true;
        if (!writeStdout(QStringLiteral("bound %1 %2\n").arg(boundAddress).arg(boundPort).toLocal8Bit()))
            return finish(ExitFailure);
        if (sequence)
            return sequence->start();
        input.start();
    };
    QObject::connect(&endpoint, &UdpEndpoint::bound, &endpoint, [&](const QString &address, quint16 port) {
        isBound = true;
        boundAddress = address;
        boundPort = port;
        announce();
    });
    QObject::connect(&endpoint, &UdpEndpoint::broadcastChanged, &endpoint, [&] {
        --pendingSetup;
        announce();
    });
    QObject::connect(&endpoint, &UdpEndpoint::groupJoined, &endpoint, [&](const QString &group) {
        printLine(Cli::tr("joined group %1").arg(group));
        --pendingSetup;
        announce();
    });
    QObject::connect(&endpoint, &UdpEndpoint::datagramsReceived, &endpoint, [&](const QList<Datagram> &batch) {
        if (sequence) {
            for (const Datagram &datagram : batch)
                sequence->received(datagram.data);
            return;
        }
        QByteArray out;
        for (const Datagram &datagram : batch) {
            // Under framing a datagram is one message: printed without its framing, or whole and reported.
            QByteArray message = datagram.data;
            QString notOneMessage;
            if (frameSpec->kind != FrameKind::None) {
                if (auto deframed = deframeDatagram(*frameSpec, datagram.data))
                    message = std::move(deframed).value();
                else
                    notOneMessage = deframed.error().detail;
            }
            if (hexDump) {
                out += datagramDump(message, datagram.sender, timestamps);
            } else {
                if (timestamps)
                    out += localTimestamp().toUtf8() + ' ';
                out += datagram.sender.toUtf8() + ' ' + (hexLines ? message.toHex() : escapeLine(message)) + '\n';
            }
            if (!notOneMessage.isEmpty()) {
                if (!writeStdout(out))
                    break;   // reported below
                out.clear();
                printError(kCommand, Cli::tr("datagram from %1 is not one message: %2").arg(datagram.sender, notOneMessage));
            } else if (const auto &spec = checksums->verify) {
                const ChecksumVerdict verdict = verifyChecksum(*spec, message);
                if (!verdict.ok()) {
                    // Its line first, so that the report follows the datagram it is about.
                    if (!writeStdout(out))
                        break;   // reported below
                    out.clear();
                    printError(kCommand, Cli::tr("datagram from %1: %2").arg(datagram.sender, describeVerdict(*spec, verdict)));
                }
            }
            if (datagram.truncated)
                printWarning(kCommand, Cli::tr("the datagram from %1 was cut to %2 of its %3 bytes")
                                           .arg(datagram.sender).arg(datagram.data.size()).arg(datagram.fullSize));
            if (echo)
            {
                endpoint.sendTo({datagram.senderAddress.host(), datagram.senderAddress.port(), {}}, datagram.data);
                ++inFlight;
            }
        }
        if (!writeStdout(out)) {
            printError(kCommand, Cli::tr("cannot write to standard output: %1").arg(errnoText(errno)));
            finish(ExitFailure);
        }
    });
    QObject::connect(&endpoint, &UdpEndpoint::datagramSent, &endpoint, [&] { settled(); });
    QObject::connect(&endpoint, &UdpEndpoint::autoReplied, &endpoint, [&](const QString &peer, int rule, const QByteArray &data, const QString &error) {
        printLine(autoReplyLine(peer, rule, data, error));
        if (error.isEmpty())
            ++inFlight;   // its datagramSent (or error) follows
    });
    QObject::connect(&endpoint, &UdpEndpoint::errorOccurred, &endpoint, [&](const Error &error) {
        printError(kCommand, error.message());
        // Before "bound": the broadcast option or a group could not be set up, and the command
        // would not do what was asked.
        if (isBound && !announced)
            return finish(ExitFailure);
        // Once bound, an error is about one datagram (sends fail one by one, each reported once).
        if (isBound)
            settled();
    });
    QObject::connect(&endpoint, &UdpEndpoint::closed, &endpoint, [&] { finish(ExitFailure); });
    QObject::connect(&input, &StdinReader::chunkRead, &endpoint, [&](const QByteArray &data) { lines.feed(data, sendLine); });
    QObject::connect(&input, &StdinReader::failed, &endpoint, [&](const QString &message) { printWarning(kCommand, message); });
    QObject::connect(&input, &StdinReader::finished, &endpoint, [&] { lines.finish(sendLine); });

    endpoint.open(config);
    // Queued behind the bind, so they apply to the bound socket, before anything is sent.
    if (parser.isSet(broadcastOption))
        endpoint.setBroadcast(true);
    for (const Group &group : groups)
        endpoint.joinGroup(group.address, group.interfaceName);
    return trace.finish(kCommand, QCoreApplication::exec());
}

} // namespace socketeer::cli
