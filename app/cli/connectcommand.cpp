// socketeer connect: the TCP client on the command line, like `nc -N`: stdin goes to the socket,
// the socket to stdout, byte for byte. At stdin's end the sending side is shut down and the
// command waits for the peer to finish, so a request/response exchange can be piped through it.

#include "checksumoptions.h"
#include "cli.h"
#include "frameoption.h"
#include "receivedview.h"
#include "rulesoptions.h"
#include "sequenceoption.h"
#include "streamwatch.h"
#include "signalwatcher.h"
#include "traceoption.h"

#include "net/chunkstream.h"
#include "net/error.h"
#include "tcp/tcpclient.h"
#include "net/tlsstream.h"
#include "tls/tlscontext.h"

#include <QCommandLineParser>

#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("connect");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

} // namespace

int runConnect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Connects to a TCP server. The bytes read from stdin are sent exactly as read, and the bytes\n"
           "received are written to stdout exactly as received. At the end of stdin the sending side is\n"
           "shut down (the peer reads end-of-file) and the command keeps printing until the peer closes,\n"
           "then exits 0. It also exits when the peer closes first. Connecting and errors are reported\n"
           "on stderr.\n\n"
           "The server is HOST PORT, or one argument HOST:PORT or [IPv6]:PORT, or --unix PATH.\n\n"
           "With --append every message sent gets a check value after it. A message is each chunk read\n"
           "from stdin as it came (one write into a pipe, at most 64 KiB): printf '123456789' piped in\n"
           "with --append crc16-modbus sends the nine bytes and then 37 4B.\n\n"
           "With --frame and --verify each message received is checked as ending with its check value:\n"
           "it is written to stdout as always, and a bad one is reported after it on stderr, as\n"
           "\"socketeer connect: warning: message 3: bad crc16-modbus: expected 37 4B, found 00 00\";\n"
           "the command then exits 1.")
        + QStringLiteral("\n\n")
        + Cli::tr("With --messages FILE.json --sequence NAME a saved sequence is run instead of reading stdin."));
    parser.addPositionalArgument(QStringLiteral("host"), Cli::tr("Host name or IP address, or HOST:PORT."), QStringLiteral("HOST"));
    parser.addPositionalArgument(QStringLiteral("port"), Cli::tr("Port, 1-65535."), QStringLiteral("[PORT]"));
    const QCommandLineOption unixOption(QStringLiteral("unix"), Cli::tr("Connect to the AF_UNIX socket at this path instead."), Cli::tr("path"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           Cli::tr("Give up connecting after this many milliseconds, per address the name "
                                              "resolves to (default 10000)."),
                                           Cli::tr("ms"), QStringLiteral("10000"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
                                       Cli::tr("Speak TLS. The server's certificate is verified against the system's trust "
                                               "store (and --ca-file) for the host name (or --servername); a certificate that "
                                               "fails is refused with the reason and its SHA-256 fingerprint, exit 1."));
    const QCommandLineOption serverNameOption(QStringLiteral("servername"),
                                              Cli::tr("The name sent as SNI and checked against the certificate (default: HOST)."),
                                              Cli::tr("name"));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"), Cli::tr("Also trust the CA certificates in this PEM file."),
                                          Cli::tr("file"));
    const QCommandLineOption trustOption(QStringLiteral("trust-fingerprint"),
                                         Cli::tr("Accept the server's certificate although verification fails if its SHA-256 "
                                                 "fingerprint is this (\"AB:CD:…\", colons optional). May be repeated."),
                                         Cli::tr("sha256"));
    const QCommandLineOption alpnOption(QStringLiteral("alpn"), Cli::tr("Offer these ALPN protocols, comma-separated (h2,http/1.1)."),
                                        Cli::tr("list"));
    const ChecksumOptions checksumOptions;
    const QCommandLineOption frameOption(QStringLiteral("frame"), frameOptionHelp(), Cli::tr("spec"), QStringLiteral("none"));
    const SequenceOptions sequenceOptions;
    const QCommandLineOption hexOption = hexDumpOption();
    const QCommandLineOption stampOption = timestampsOption();
    parser.addOptions({unixOption, timeoutOption, tlsOption, serverNameOption, caFileOption, trustOption, alpnOption,
                       checksumOptions.append, checksumOptions.order, checksumOptions.range, checksumOptions.verify, frameOption,
                       sequenceOptions.messages, sequenceOptions.sequence, sequenceOptions.repeat, hexOption, stampOption});
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

    TcpClientConfig config;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(unixOption)) {
        if (!positional.isEmpty())
            return usageError(Cli::tr("--unix cannot be combined with a host and port"));
        const QString path = parser.value(unixOption);
        if (auto checked = SocketAddress::fromUnixPath(path); !checked)
            return usageError(QStringLiteral("--unix: ") + checked.error().detail);
        config.endpoint = {{}, 0, path};
    } else if (positional.size() == 1) {
        auto endpoint = parseEndpoint(positional.first());
        if (!endpoint)
            return usageError(endpoint.error().detail);
        config.endpoint = *endpoint;
    } else if (positional.size() == 2) {
        const auto host = parseHost(positional.at(0));
        if (!host)
            return usageError(host.error().detail);
        const auto port = parsePort(positional.at(1));
        if (!port)
            return usageError(port.error().detail);
        config.endpoint = {*host, *port, {}};
    } else if (positional.isEmpty()) {
        return usageError(Cli::tr("missing the server: HOST PORT, HOST:PORT or --unix PATH (see socketeer connect --help)"));
    } else {
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer connect --help)").arg(positional.at(2)));
    }
    if (!config.endpoint.isUnix()) {
        if (config.endpoint.host.isEmpty())
            return usageError(Cli::tr("no host given in \"%1\"").arg(positional.first()));
        if (config.endpoint.port == 0)
            return usageError(Cli::tr("cannot connect to port 0 of %1").arg(config.endpoint.host));
    }
    bool numeric = false;
    const int timeout = parser.value(timeoutOption).toInt(&numeric);
    if (!numeric || timeout <= 0)
        return usageError(Cli::tr("--timeout: \"%1\" is not a number of milliseconds (1 or more)").arg(parser.value(timeoutOption)));
    config.connectTimeout = std::chrono::milliseconds(timeout);
    const auto frameSpec = FrameSpec::parse(parser.value(frameOption));
    if (!frameSpec)
        return usageError(QStringLiteral("--frame: ") + frameSpec.error().detail);
    const bool framed = frameSpec->kind != FrameKind::None;
    if (checksums->verify && !framed)   // a stream has no messages to check until it is framed
        return usageError(Cli::tr("--verify needs --frame: TCP is a stream, so a check value ends a message only once framing says where messages end"));
    auto sequencePlan = sequenceChoice(parser, sequenceOptions);
    if (!sequencePlan)
        return usageError(sequencePlan.error().message());
    if (*sequencePlan && (framed || checksums->append || checksums->verify))
        return usageError(Cli::tr("--sequence cannot be combined with --frame, --append or --verify yet"));
    if (const int done = loadRules(parser, rulesOptions, kCommand, *frameSpec, config.rules); done >= 0)
        return done;
    ReceivedView view(parser.isSet(hexOption), parser.isSet(stampOption));
    if (view.changesBytes() && (framed || *sequencePlan))
        return usageError(Cli::tr("--hex and --timestamps show the stream as it came: they cannot be combined with --frame or --sequence yet"));

    const bool tlsDetail = parser.isSet(serverNameOption) || parser.isSet(caFileOption) || parser.isSet(trustOption) || parser.isSet(alpnOption);
    if (tlsDetail && !parser.isSet(tlsOption))
        return usageError(Cli::tr("--servername, --ca-file, --trust-fingerprint and --alpn need --tls"));
    if (parser.isSet(tlsOption)) {
        TlsClientOptions options;
        options.caFile = parser.value(caFileOption);
        if (parser.isSet(alpnOption))
            options.alpn = parser.value(alpnOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &fingerprint : parser.values(trustOption)) {
            if (normalizedFingerprint(fingerprint).isEmpty())
                return usageError(Cli::tr("--trust-fingerprint: \"%1\" is not a SHA-256 fingerprint (64 hex digits)").arg(fingerprint));
            config.trustedFingerprints.append(fingerprint);
        }
        auto context = TlsContext::client(options);
        if (!context) {
            printError(kCommand, context.error().message());
            return ExitFailure;
        }
        config.tls = std::move(context).value();
        config.tlsServerName = parser.value(serverNameOption);
    }

    prepareProcess();
    SignalWatcher signalWatcher;
    TcpClient client;
    // Stdin, read on a thread of its own only as fast as the connection takes it (a fast file on
    // stdin never fills the client's queue), then the sending side is shut down.
    std::shared_ptr<ChunkStream> input;
    std::function<void()> lookAtInput = [] {};
    // With --frame: messages out, lines in (app/cli/frameoption.h).
    std::optional<FramedStdout> framedOut;
    std::unique_ptr<FramedStdin> framedIn;
    if (framed)
        framedOut.emplace(*frameSpec, kCommand, checksums->verify);
    bool failed = false;
    bool finishing = false;
    // With --sequence: the saved sequence instead of stdin (app/cli/sequenceoption.h).
    std::unique_ptr<SequenceSession> sequence;
    if (*sequencePlan) {
        sequence = std::make_unique<SequenceSession>(
            std::move(**sequencePlan), [&client](const QByteArray &bytes) { client.send(bytes); }, kCommand);
        QObject::connect(sequence.get(), &SequenceSession::ended, &client, [&](bool ok) {
            failed = failed || !ok;
            client.disconnectFromHost();
        });
    }

    auto finish = [&](int code) {
        if (finishing)
            return;
        finishing = true;
        if (input)
            input->cancel();
        client.disconnectAndWait();
        QCoreApplication::exit(code);
    };

    QObject::connect(&signalWatcher, &SignalWatcher::received, &client, [&] { finish(ExitSuccess); });
    QObject::connect(&client, &TcpClient::autoReplied, &client, [](int rule, const QByteArray &data, const QString &error) {
        printLine(autoReplyLine(Cli::tr("the server"), rule, data, error));
    });
    QObject::connect(&client, &TcpClient::connected, &client, [&](const QString &local, const QString &peer) {
        printLine(Cli::tr("connected to %1 from %2").arg(peer, local));
        if (!client.security().isEmpty())
            printLine(Cli::tr("TLS: %1").arg(client.security()));
        if (sequence) {
            sequence->start();
            return;
        }
        if (framed) {
            std::function<QByteArray(const QByteArray &)> beforeFraming;
            if (const auto spec = checksums->append)   // the check value is part of the message
                beforeFraming = [spec = *spec](const QByteArray &message) { return appendChecksum(spec, message); };
            framedIn = std::make_unique<FramedStdin>(*frameSpec, &client, kCommand, std::move(beforeFraming));
            framedIn->start();
            return;
        }
        ChunkStream::Options options;
        options.readers = 1;
        if (const auto spec = checksums->append)
            options.transform = [spec = *spec](const QByteArray &message) { return appendChecksum(spec, message); };
        auto stream = ChunkStream::start(STDIN_FILENO, false, options, QStringLiteral("stdin-reader"));
        if (!stream) {
            printWarning(kCommand, stream.error().message());
            client.halfClose();
            return;
        }
        input = std::move(stream).value();
        lookAtInput = warnIfInputFails(&client, input, kCommand);
        client.sendStream(input);
        client.halfClose();   // once the stream has ended and gone out
    });
    QObject::connect(&client, &TcpClient::dataReceived, &client, [&](const QByteArray &data) {
        if (sequence) {
            sequence->received(data);
            return;
        }
        if (framedOut) {
            if (!finishing && !framedOut->push(data)) {
                failed = true;
                client.disconnectFromHost();
            }
            return;
        }
        if (!writeStdout(view.show(data))) {
            printError(kCommand, Cli::tr("cannot write to standard output: %1").arg(errnoText(errno)));
            failed = true;
            finish(ExitFailure);
        }
    });
    QObject::connect(&client, &TcpClient::errorOccurred, &client, [&](const Error &error) {
        printError(kCommand, error.message());
        failed = true;
    });
    QObject::connect(&client, &TcpClient::disconnected, &client, [&] {
        lookAtInput();   // the input's end may be why the peer closed
        if (framedOut && (!framedOut->finish() || framedOut->badMessages() > 0))
            failed = true;
        if (framedIn && framedIn->failed())
            failed = true;
        if (sequence && !sequence->succeeded())
            failed = true;
        if (!finishing) {
            finishing = true;
            QCoreApplication::exit(failed ? ExitFailure : ExitSuccess);
        }
    });

    client.connectToHost(config);
    return trace.finish(kCommand, QCoreApplication::exec());
}

} // namespace socketeer::cli
