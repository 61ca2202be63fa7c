// socketeer serve: the TCP server on the command line, like `nc -lk` with more than one client.
// stdout carries only the "listening on" line and the clients' bytes, so it can be piped; what
// happens to the connections goes to stderr.

#include "announceoption.h"
#include "chatcommands.h"
#include "chatoption.h"
#include "checksumoptions.h"
#include "cli.h"
#include "frameoption.h"
#include "receivedview.h"
#include "rulesoptions.h"
#include "servertls.h"
#include "streamwatch.h"
#include "signalwatcher.h"
#include "traceoption.h"

#include "net/chunkstream.h"
#include "net/error.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QCommandLineParser>
#include <QFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <unistd.h>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("serve");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Listens for TCP connections. Without --echo, the bytes clients send are written to stdout\n"
           "exactly as received, and the bytes read from stdin go to every connected client (bytes\n"
           "read while no client is connected are dropped). Stdin is read only as fast as the slowest\n"
           "client takes it; a client that takes nothing for the stall timeout is disconnected. The\n"
           "end of stdin does not stop the server: it runs until SIGINT or SIGTERM, then closes every\n"
           "connection and exits 0.\n\n"
           "Once listening it prints one line to stdout, \"listening on HOST PORT\" (for --unix:\n"
           "\"listening on unix:PATH\"). Clients connecting and leaving are reported on stderr.\n\n"
           "With --append every message read from stdin (each chunk as it came, at most 64 KiB) goes\n"
           "out with a check value after it.\n\n"
           "With --frame each client's bytes are split into messages, written whole, one per line (the\n"
           "messages of different clients never mixed inside a line), and each line of stdin is sent to\n"
           "every client as one message with the framing added. With --verify (needs --frame) each\n"
           "message received is checked as ending with its check value; a bad one is reported after it\n"
           "on stderr: \"socketeer serve: warning: client 2: message 3: bad crc16-modbus: expected 37 4B,\n"
           "found 00 00\"."));
    parser.setApplicationDescription(parser.applicationDescription() + QStringLiteral("\n\n") + chatHelp() + QStringLiteral("\n")
                                     + chatCommandsHelp());
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        Cli::tr("Address to listen on (default 127.0.0.1, loopback only: other machines cannot "
                                           "connect). 0.0.0.0 or :: listens on all interfaces."),
                                        Cli::tr("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), Cli::tr("Port to listen on, 0-65535 (0: any free port). Required."),
                                        Cli::tr("port"));
    const QCommandLineOption echoOption(QStringLiteral("echo"),
                                        Cli::tr("Send every client's bytes back to it; nothing of the data is printed and stdin "
                                           "is not read."));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         Cli::tr("Concurrency model: event-loop (one thread, epoll) or thread-per-client."),
                                         Cli::tr("model"), QStringLiteral("event-loop"));
    const QCommandLineOption maxClientsOption(QStringLiteral("max-clients"),
                                              Cli::tr("Refuse connections beyond this many clients (default 0: no limit for "
                                                      "event-loop, %1 for thread-per-client).")
                                                  .arg(limits::kThreadPerClientMaxClients),
                                              Cli::tr("n"), QStringLiteral("0"));
    const QCommandLineOption unixOption(QStringLiteral("unix"),
                                        Cli::tr("Listen on an AF_UNIX socket at this path instead of a TCP port; the file is "
                                           "removed on exit."),
                                        Cli::tr("path"));
    const QCommandLineOption stallOption(QStringLiteral("stall-timeout"),
                                         Cli::tr("Disconnect a client that takes no data at all for this many seconds while "
                                                 "data waits for it (default %1; 0: never). A slower client is waited for.")
                                             .arg(std::chrono::duration_cast<std::chrono::seconds>(limits::kStallTimeout).count()),
                                         Cli::tr("seconds"),
                                         QString::number(std::chrono::duration_cast<std::chrono::seconds>(limits::kStallTimeout).count()));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
                                           Cli::tr("Serve TLS with this certificate (PEM; further certificates in the file are sent "
                                                   "as its chain). Needs --tls-key."),
                                           Cli::tr("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"), Cli::tr("The private key of --tls-cert (PEM, not encrypted)."),
                                          Cli::tr("file"));
    const QCommandLineOption tlsDevCertOption(
        QStringLiteral("tls-dev-cert"),
        Cli::tr("Serve TLS with the development certificate for localhost, 127.0.0.1 and ::1, made on first use and kept "
                "(key readable by you only) in %1. Its SHA-256 fingerprint is printed on stderr; a client trusts it with "
                "that fingerprint or with the certificate file as CA.")
            .arg(defaultDevCertificateFolder()));
    parser.addOptions({bindOption, portOption, echoOption, modelOption, maxClientsOption, unixOption, stallOption, tlsCertOption,
                       tlsKeyOption, tlsDevCertOption});
    const ChecksumOptions checksumOptions;
    const QCommandLineOption frameOption(QStringLiteral("frame"), frameOptionHelp(), Cli::tr("spec"), QStringLiteral("none"));
    parser.addOptions({checksumOptions.append, checksumOptions.order, checksumOptions.range, checksumOptions.verify, frameOption});
    const ChatOptions chatOptions;
    parser.addOptions({chatOptions.chat, chatOptions.nicknames});
    const AnnounceOptions announceOptions;
    parser.addOptions({announceOptions.announce, announceOptions.via});
    const QCommandLineOption hexOption = hexDumpOption();
    const QCommandLineOption stampOption = timestampsOption();
    parser.addOptions({hexOption, stampOption});
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
    const auto frameSpec = FrameSpec::parse(parser.value(frameOption));
    if (!frameSpec)
        return usageError(QStringLiteral("--frame: ") + frameSpec.error().detail);
    const bool framed = frameSpec->kind != FrameKind::None;
    if (checksums->verify && !framed)   // a stream has no messages to check until it is framed
        return usageError(Cli::tr("--verify needs --frame: TCP is a stream, so a check value ends a message only once framing says where messages end"));
    if ((framed || checksums->verify) && parser.isSet(echoOption))
        return usageError(Cli::tr("--frame and --verify work on what is printed and read, and with --echo nothing is"));
    if (checksums->append && parser.isSet(echoOption))
        return usageError(Cli::tr("--append adds to what stdin sends, and with --echo stdin sends nothing"));

    if (!parser.positionalArguments().isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer serve --help)").arg(parser.positionalArguments().first()));

    TcpServerConfig config;
    if (parser.isSet(unixOption)) {
        if (parser.isSet(portOption) || parser.isSet(bindOption))
            return usageError(Cli::tr("--unix cannot be combined with --port or --bind"));
        const QString path = parser.value(unixOption);
        if (auto checked = SocketAddress::fromUnixPath(path); !checked)
            return usageError(QStringLiteral("--unix: ") + checked.error().detail);
        config.endpoint = {{}, 0, path};
    } else {
        if (!parser.isSet(portOption))
            return usageError(Cli::tr("missing --port PORT (0 picks any free port; see socketeer serve --help)"));
        const auto port = parsePort(parser.value(portOption));
        if (!port)
            return usageError(QStringLiteral("--port: ") + port.error().detail);
        const auto host = parseHost(parser.value(bindOption));
        if (!host)
            return usageError(QStringLiteral("--bind: ") + host.error().detail);
        config.endpoint = {*host, *port, {}};
    }
    const auto model = modelFromName(parser.value(modelOption));
    if (!model)
        return usageError(Cli::tr("--model: unknown model \"%1\" (use event-loop or thread-per-client)").arg(parser.value(modelOption)));
    config.model = *model;
    bool numeric = false;
    config.maxClients = parser.value(maxClientsOption).toInt(&numeric);
    if (!numeric || config.maxClients < 0)
        return usageError(Cli::tr("--max-clients: \"%1\" is not a number of clients (0 or more)").arg(parser.value(maxClientsOption)));
    config.echo = parser.isSet(echoOption);
    if (const QString wrong = applyChatOptions(parser, chatOptions, config); !wrong.isEmpty())
        return usageError(wrong);
    if (const QString wrong = checkAnnounceOptions(parser, announceOptions, config); !wrong.isEmpty())
        return usageError(wrong);
    if (config.chat.enabled && (framed || checksums->verify))   // the room has its own line framing
        return usageError(Cli::tr("--chat splits what clients send into lines itself: --frame and --verify do not apply"));
    const double stall = parser.value(stallOption).toDouble(&numeric);
    if (!numeric || stall < 0 || stall > 24 * 3600)
        return usageError(Cli::tr("--stall-timeout: \"%1\" is not a number of seconds (0 to 86400)").arg(parser.value(stallOption)));
    config.stallTimeout = std::chrono::milliseconds(static_cast<qint64>(stall * 1000));

    // TLS: the certificate is loaded (and checked) before anything listens.
    if (parser.isSet(tlsDevCertOption) && (parser.isSet(tlsCertOption) || parser.isSet(tlsKeyOption)))
        return usageError(Cli::tr("--tls-dev-cert cannot be combined with --tls-cert or --tls-key"));
    if (const int done = loadServerTls({parser.value(tlsCertOption), parser.value(tlsKeyOption)}, parser.isSet(tlsDevCertOption),
                                       kCommand, config.tls);
        done >= 0)
        return done;

    if (const int done = loadRules(parser, rulesOptions, kCommand, *frameSpec, config.rules); done >= 0)
        return done;
    ReceivedView view(parser.isSet(hexOption), parser.isSet(stampOption));
    if (view.changesBytes() && (config.echo || config.chat.enabled || framed))
        return usageError(Cli::tr("--hex and --timestamps show what clients send as it came: they cannot be combined with --echo, --chat or --frame"));

    if (!config.endpoint.isUnix() && isAnyHost(config.endpoint.host))
        printWarning(kCommand, Cli::tr("listening on all interfaces: anyone who can reach this machine can connect"));

    prepareProcess();
    SignalWatcher signalWatcher;
    TcpServer server;
    // Stdin, read on a thread of its own a few chunks ahead of the slowest client (never whole).
    std::shared_ptr<ChunkStream> input;
    bool listening = false;
    bool stopRequested = false;
    // With --frame: each client's messages, split on this thread (app/cli/frameoption.h).
    std::map<quint64, std::unique_ptr<FramedStdout>> framedOut;

    // Every way out goes through here, so descriptors are closed and threads joined first.
    auto finish = [&](int code) {
        stopRequested = true;
        if (input)
            input->cancel();
        server.stopAndWait();
        if (listening && config.endpoint.isUnix())
            QFile::remove(config.endpoint.unixPath);
        QCoreApplication::exit(code);
    };

    QObject::connect(&signalWatcher, &SignalWatcher::received, &server, [&] { finish(ExitSuccess); });
    QObject::connect(&server, &TcpServer::started, &server, [&](const QString &address, quint16 port) {
        listening = true;
        // The feed is queued to the engine before the port is told: no client can connect before
        // the engine knows that every client joins stdin, so none misses what is typed once it is
        // announced.
        if (!config.echo) {
            ChunkStream::Options options;
            options.dropUnread = true;   // what is read while nobody is connected goes nowhere, as before
            std::function<QByteArray(const QByteArray &)> addCheckValue;
            if (const auto spec = checksums->append)
                addCheckValue = [spec = *spec](const QByteArray &message) { return appendChecksum(spec, message); };
            if (config.chat.enabled) {
                // The teacher's /commands run the room; every other line goes out as typed.
                ChatStdin chat = chatStdin([&server](const QByteArray &line) {
                    QMetaObject::invokeMethod(&server, [&server, line] { runChatCommand(server, line); }, Qt::QueuedConnection);
                });
                options.flush = std::move(chat.flush);
                if (addCheckValue) {
                    options.transform = [split = std::move(chat.transform), addCheckValue](const QByteArray &chunk) {
                        const QByteArray out = split(chunk);
                        return out.isEmpty() ? out : addCheckValue(out);
                    };
                } else {
                    options.transform = std::move(chat.transform);
                }
            } else if (framed) {   // lines become messages; the check value is part of each
                FramedLines lines = framedLines(*frameSpec, kCommand, addCheckValue);
                options.transform = std::move(lines.transform);
                options.flush = std::move(lines.flush);
            } else {
                options.transform = addCheckValue;
            }
            auto stream = ChunkStream::start(STDIN_FILENO, false, options, QStringLiteral("stdin-reader"));
            if (stream) {
                input = std::move(stream).value();
                warnIfInputFails(&server, input, kCommand);
                server.sendStream(input);
            } else {
                printWarning(kCommand, stream.error().message());
            }
        }
        const QString line = config.endpoint.isUnix() ? QStringLiteral("listening on unix:%1\n").arg(address)
                                                      : QStringLiteral("listening on %1 %2\n").arg(address).arg(port);
        if (!writeStdout(line.toLocal8Bit()))
            return finish(ExitFailure);
    });
    QObject::connect(&server, &TcpServer::errorOccurred, &server, [&](const Error &error) {
        printError(kCommand, error.message());
    });
    QObject::connect(&server, &TcpServer::stopped, &server, [&] {
        // Only a server that could not start, or failed while running, stops on its own.
        if (!stopRequested)
            finish(ExitFailure);
    });
    QObject::connect(&server, &TcpServer::clientConnected, &server, [&](const ClientInfo &client) {
        if (client.tlsProtocol.isEmpty())
            printLine(Cli::tr("client %1 connected from %2").arg(client.id).arg(client.peer));
        else
            printLine(Cli::tr("client %1 connected from %2 over %3 (%4)").arg(client.id).arg(client.peer, client.tlsProtocol, client.tlsCipher));
        if (framed)
            framedOut[client.id] = std::make_unique<FramedStdout>(*frameSpec, kCommand, checksums->verify, Cli::tr("client %1").arg(client.id));
    });
    QObject::connect(&server, &TcpServer::clientDisconnected, &server, [&](quint64 id, const QString &reason) {
        if (const auto found = framedOut.find(id); found != framedOut.end()) {
            found->second->finish();   // an unfinished message is written, with a warning
            framedOut.erase(found);
        }
        view.forget(id);
        printLine(Cli::tr("client %1 disconnected: %2").arg(id).arg(reason));
    });
    QObject::connect(&server, &TcpServer::autoReplied, &server, [](quint64 id, int rule, const QByteArray &data, bool toAll, const QString &error) {
        printLine(autoReplyLine(toAll ? Cli::tr("every client") : Cli::tr("client %1").arg(id), rule, data, error));
    });
    QObject::connect(&server, &TcpServer::clientRejected, &server, [&](const QString &peer, const QString &reason) {
        printLine(Cli::tr("refused %1: %2").arg(peer, reason));
    });
    // An echo server's stdout stays quiet, so it does not listen for the data at all: then the
    // worker echoes without handing every message to this thread.
    // A chat room's stdout is the room (the engine relays; it does not hand over the raw bytes).
    if (config.chat.enabled) {
        // What a /mute or /unmute typed on stdin did (the room tells only that member).
        QObject::connect(&server, &TcpServer::chatMemberMuted, &server, [&](quint64 id, bool muted) {
            for (const ChatMember &member : server.chatMembers())
                if (member.id == id)
                    printLine(muted ? Cli::tr("%1 is muted").arg(member.name) : Cli::tr("%1 may speak again").arg(member.name));
        });
        QObject::connect(&server, &TcpServer::chatTranscript, &server, [&](const QByteArray &lines) {
            if (!writeStdout(lines)) {
                printError(kCommand, Cli::tr("cannot write to standard output: %1").arg(errnoText(errno)));
                finish(ExitFailure);
            }
        });
    } else if (!config.echo) {
        QObject::connect(&server, &TcpServer::dataReceived, &server, [&](quint64 id, const QByteArray &data) {
            if (framed) {
                auto &out = framedOut[id];
                if (!out)   // its clientConnected came first; this is only in case
                    out = std::make_unique<FramedStdout>(*frameSpec, kCommand, checksums->verify, Cli::tr("client %1").arg(id));
                if (!out->push(data)) {
                    if (out->outputFailed())   // as without --frame: nowhere left to write
                        return finish(ExitFailure);
                    server.disconnectClient(id);   // a framing error, and the choice is to close
                }
                return;
            }
            if (!writeStdout(view.show(data, id, Cli::tr("client %1").arg(id)))) {
                printError(kCommand, Cli::tr("cannot write to standard output: %1").arg(errnoText(errno)));
                finish(ExitFailure);
            }
        });
    }

    announceRoom(parser, announceOptions, config, server);
    server.start(config);
    return trace.finish(kCommand, QCoreApplication::exec());
}

} // namespace socketeer::cli
