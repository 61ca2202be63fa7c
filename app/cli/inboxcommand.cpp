// socketeer inbox: the local inbox's SMTP receiver without a window, like a tiny MailHog. It
// prints "listening on HOST PORT" on stdout once it listens (and, with --implicit-tls-port,
// "listening with TLS on HOST PORT" next), then one line per message stored
// ("received ID from … to … (N bytes)") — so a script can wait for both — and runs until SIGINT or
// SIGTERM. Messages go to --dir, the same folder the app's inbox panel shows by default.
// --auth, --require-tls and --fail set the SMTP session's security and failure injection
// (core/mail/smtpserversession.h); failure injection is announced on stderr, never silent.

#include "cli.h"
#include "inboxquery.h"
#include "servertls.h"
#include "signalwatcher.h"

#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"
#include "net/address.h"
#include "text/terminaltext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHostAddress>
#include <QLocale>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("inbox");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

} // namespace

int runInbox(const QStringList &arguments)
{
    // socketeer inbox list|show|save|delete|wait …: the inbox read from a script (inboxquery.h).
    if (arguments.size() > 1 && isInboxVerb(arguments.at(1)))
        return runInboxVerb(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Receives mail: an SMTP server that keeps every message it is sent (it relays nothing).\n"
                "Each message is written to the folder as ID.eml: a Received: line in front, then exactly\n"
                "what the client sent. Beside it, ID.json has its envelope (sender, recipients, the SMTP\n"
                "dialogue). A folder that already holds other files gets a folder socketeer-inbox of its\n"
                "own inside; nothing else in it is touched. Point a program you are testing, or\n"
                "socketeer mail, at it:\n"
                "  socketeer mail --server 127.0.0.1:2525 --security none --from a@example.com --to b@example.com ...\n\n"
                "Once listening it prints \"listening on HOST PORT\" to stdout (with --implicit-tls-port, then\n"
                "\"listening with TLS on HOST PORT\"), then one line per message received. It runs until SIGINT\n"
                "or SIGTERM.\n\n"
                "For testing mail clients: --auth makes it ask for SMTP AUTH (PLAIN or LOGIN), and --fail\n"
                "makes it answer chosen failures on purpose, for example --fail RCPT:451:50 answers half of\n"
                "the RCPT commands with 451."));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        Cli::tr("Address to listen on (default 127.0.0.1, loopback only: other machines cannot "
                                                "send to it). 0.0.0.0 or :: listens on all interfaces."),
                                        Cli::tr("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), Cli::tr("Port to listen on (default 2525; 0: any free port)."),
                                        Cli::tr("port"), QStringLiteral("2525"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       Cli::tr("Folder to store messages in (default: the app's inbox, %1).")
                                           .arg(QDir::toNativeSeparators(MailStore::defaultDirectory())),
                                       Cli::tr("folder"));
    const QCommandLineOption maxSizeOption(QStringLiteral("max-size"),
                                           Cli::tr("Largest message accepted, in MiB (default 64); larger ones are refused with 552."),
                                           Cli::tr("MiB"), QStringLiteral("64"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           Cli::tr("Seconds a client may stay silent before it is disconnected with 421 (default 300)."),
                                           Cli::tr("seconds"), QStringLiteral("300"));
    const QCommandLineOption authOption(
        QStringLiteral("auth"),
        Cli::tr("Offer SMTP AUTH (PLAIN and LOGIN). \"any\": every user name and password is accepted (a test inbox; the "
                "user is recorded with each message). Otherwise a file of user:password lines (one per line, '#' starts "
                "a comment), read once at start. AUTH is offered under STARTTLS, and without it only to clients on this machine "
                "(loopback); others get 538."),
        Cli::tr("any|file"));
    const QCommandLineOption startTlsOption(
        QStringLiteral("starttls"),
        Cli::tr("Offer STARTTLS (RFC 3207) after EHLO, with --tls-cert/--tls-key or else the development certificate for "
                "localhost, 127.0.0.1 and ::1 (made on first use, shared with socketeer serve --tls-dev-cert). Its SHA-256 "
                "fingerprint is printed on stderr."));
    const QCommandLineOption implicitTlsOption(
        QStringLiteral("implicit-tls-port"),
        Cli::tr("Also listen on this port for implicit TLS (SMTPS, RFC 8314: the TLS handshake comes first, as with port "
                "465; 0: any free port), with the certificate of --starttls, the same folder, AUTH and rules. Turns on "
                "--starttls for the plain port too."),
        Cli::tr("port"));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
                                           Cli::tr("The certificate STARTTLS and the implicit TLS port present (PEM; further "
                                                   "certificates in the file are sent as its chain). Needs --tls-key, and "
                                                   "--starttls or --implicit-tls-port."),
                                           Cli::tr("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"), Cli::tr("The private key of --tls-cert (PEM, not encrypted)."),
                                          Cli::tr("file"));
    const QCommandLineOption requireTlsOption(QStringLiteral("require-tls"),
                                              Cli::tr("Refuse MAIL with 530 until the client has said STARTTLS. Needs --starttls."));
    const QCommandLineOption failOption(
        QStringLiteral("fail"),
        Cli::tr("Failure injection: at STAGE (AUTH, MAIL, RCPT or DATA) answer CODE (400 to 599) instead of the normal "
                "reply, PERCENT (0 to 100) of the time. Repeatable. Off unless given; announced on stderr."),
        Cli::tr("STAGE:CODE:PERCENT"));
    parser.addPositionalArgument(QStringLiteral("[list|show|save|delete|wait]"),
                                 Cli::tr("Instead of receiving, read the inbox from a script (socketeer inbox list --help, and so on)."));
    parser.addOptions({bindOption, portOption, dirOption, maxSizeOption, timeoutOption, authOption, startTlsOption, implicitTlsOption,
                       tlsCertOption, tlsKeyOption, requireTlsOption, failOption});
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer inbox --help)").arg(parser.positionalArguments().first()));

    SmtpReceiverConfig config;
    const auto port = parsePort(parser.value(portOption));
    if (!port)
        return usageError(QStringLiteral("--port: ") + port.error().detail);
    const auto host = parseHost(parser.value(bindOption));
    if (!host)
        return usageError(QStringLiteral("--bind: ") + host.error().detail);
    config.endpoint = {*host, *port, {}};
    config.directory = parser.isSet(dirOption) ? QDir(parser.value(dirOption)).absolutePath() : MailStore::defaultDirectory();
    bool numeric = false;
    const qint64 maxMiB = parser.value(maxSizeOption).toLongLong(&numeric);
    if (!numeric || maxMiB < 1 || maxMiB > 4096)
        return usageError(Cli::tr("--max-size: \"%1\" is not a size in MiB from 1 to 4096").arg(parser.value(maxSizeOption)));
    config.limits.maxMessageBytes = maxMiB * 1024 * 1024;
    const int seconds = parser.value(timeoutOption).toInt(&numeric);
    if (!numeric || seconds < 1 || seconds > 86400)
        return usageError(Cli::tr("--timeout: \"%1\" is not a number of seconds from 1 to 86400").arg(parser.value(timeoutOption)));
    config.idleTimeout = std::chrono::seconds(seconds);
    if (parser.isSet(authOption)) {
        const QString auth = parser.value(authOption);
        if (auth.isEmpty())
            return usageError(Cli::tr("--auth: give \"any\" or a file of user:password lines"));
        if (auth == QLatin1String("any")) {
            config.authMode = SmtpAuthMode::Any;
        } else {
            config.authMode = SmtpAuthMode::File;   // read, and a bad one reported, when the receiver starts
            config.authFile = QDir(auth).absolutePath();
        }
    }
    for (const QString &text : parser.values(failOption)) {
        const auto rule = parseSmtpFailureRule(text);
        if (!rule)
            return usageError(QStringLiteral("--fail: ") + rule.error().detail);
        config.failures << *rule;
    }
    config.requireTls = parser.isSet(requireTlsOption);
    if (parser.isSet(implicitTlsOption)) {
        const auto implicitPort = parsePort(parser.value(implicitTlsOption));
        if (!implicitPort)
            return usageError(QStringLiteral("--implicit-tls-port: ") + implicitPort.error().detail);
        if (*implicitPort != 0 && *implicitPort == config.endpoint.port)
            return usageError(Cli::tr("--implicit-tls-port: %1 is the plain port already").arg(*implicitPort));
        config.implicitTlsPort = *implicitPort;
    }
    const bool startTls = parser.isSet(startTlsOption) || config.implicitTlsPort.has_value();
    if (!startTls && (parser.isSet(tlsCertOption) || parser.isSet(tlsKeyOption)))
        return usageError(Cli::tr("--tls-cert and --tls-key are the certificate of --starttls or --implicit-tls-port: give one "
                                  "of them too"));
    if (config.requireTls && !startTls)
        return usageError(Cli::tr("--require-tls needs --starttls: without it no message could ever arrive"));
    if (startTls) {
        if (const int done = loadServerTls({parser.value(tlsCertOption), parser.value(tlsKeyOption)}, true, kCommand, config.tls);
            done >= 0)
            return done;
    }

    if (isAnyHost(config.endpoint.host))
        printWarning(kCommand, Cli::tr("listening on all interfaces: anyone who can reach this machine can send mail to it"));
    if (config.authMode != SmtpAuthMode::Off && !isLoopbackHost(config.endpoint.host))
        printWarning(kCommand, Cli::tr("AUTH is refused (538) to clients on other machines: their password would cross the "
                                       "network in clear text"));
    if (!config.failures.isEmpty()) {
        QStringList rules;
        for (const SmtpFailureRule &rule : config.failures)
            rules << formatSmtpFailureRule(rule);
        printWarning(kCommand, Cli::tr("failure injection is on: %1").arg(rules.join(QStringLiteral(", "))));
    }

    prepareProcess();
    SignalWatcher signalWatcher;
    SmtpReceiver receiver;
    bool stopRequested = false;
    int exitCode = ExitSuccess;

    QObject::connect(&signalWatcher, &SignalWatcher::received, &receiver, [&] {
        stopRequested = true;
        receiver.stop();
    });
    QObject::connect(&receiver, &SmtpReceiver::started, &receiver, [&](const QString &address, quint16 listening) {
        printLine(Cli::tr("storing messages in %1").arg(QDir::toNativeSeparators(receiver.directory())));
        QString lines = QStringLiteral("listening on %1 %2\n").arg(address).arg(listening);
        if (receiver.implicitTlsPort() != 0)
            lines += QStringLiteral("listening with TLS on %1 %2\n").arg(address).arg(receiver.implicitTlsPort());
        if (!writeStdout(lines.toLocal8Bit())) {
            exitCode = ExitFailure;
            receiver.stop();
        }
    });
    QObject::connect(&receiver, &SmtpReceiver::errorOccurred, &receiver, [&](const Error &error) {
        printError(kCommand, error.message());
        if (!stopRequested)
            exitCode = ExitFailure;
    });
    QObject::connect(&receiver, &SmtpReceiver::messageReceived, &receiver, [&](const StoredMessage &message) {
        const QString line = Cli::tr("received %1 from <%2> to %3 (%4 bytes)")
                                 .arg(message.id, message.envelope.mailFrom,
                                      QLatin1Char('<') + message.envelope.recipients.join(QStringLiteral(">, <")) + QLatin1Char('>'),
                                      QLocale::c().toString(message.size));
        if (!writeStdout((terminalSafe(line) + QLatin1Char('\n')).toUtf8())) {
            exitCode = ExitFailure;
            receiver.stop();
        }
    });
    QObject::connect(&receiver, &SmtpReceiver::stopped, &receiver, [&] {
        // Only a receiver that could not start, or failed, stops on its own.
        QCoreApplication::exit(stopRequested ? exitCode : ExitFailure);
    });

    receiver.start(config);
    return QCoreApplication::exec();
}

} // namespace socketeer::cli
