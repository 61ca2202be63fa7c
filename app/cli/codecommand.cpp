// socketeer code: the program that does what serve, connect, udp or mail would do with the same
// options, printed on stdout in Python or C (core/code/codegen.h, docs/CODE.md).

#include "chatoption.h"
#include "cli.h"

#include "code/codegen.h"
#include "net/address.h"
#include "tls/devcert.h"

#include <QCommandLineParser>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("code");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

// IPv6 when the address typed is an IPv6 literal, unless --family says otherwise.
std::optional<CodeFamily> familyFor(const QString &option, const QString &host)
{
    if (option.isEmpty())
        return host.contains(u':') ? CodeFamily::Ipv6 : CodeFamily::Ipv4;
    if (option == QLatin1String("ipv4") || option == QLatin1String("4"))
        return CodeFamily::Ipv4;
    if (option == QLatin1String("ipv6") || option == QLatin1String("6"))
        return CodeFamily::Ipv6;
    return std::nullopt;
}

} // namespace

int runCode(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Prints a complete program, in Python 3 or C, that does what the other commands do with the same\n"
                "options: tcp-server as serve, tcp-client as connect, udp as udp, mail as mail, inbox as inbox.\n"
                "Save it and run it:\n"
                "  socketeer code python tcp-server --port 0 --model thread-per-client --echo > tcp_server.py\n"
                "  socketeer code c tcp-client 127.0.0.1 50007 --frame line > tcp_client.c\n"
                "  socketeer code python tcp-server --port 0 --chat > chat_server.py\n\n"
                "A server generated with --port 0 binds any free port and prints \"listening on HOST PORT\", like\n"
                "serve. The C programs build with gcc -Wall -Wextra (add -pthread for thread-per-client, and\n"
                "-lssl -lcrypto for TLS and mail). Not generated: the inbox's --auth, --fail, --require-tls and\n"
                "--implicit-tls-port."));
    parser.addPositionalArgument(QStringLiteral("language"), Cli::tr("python or c."), QStringLiteral("python|c"));
    parser.addPositionalArgument(QStringLiteral("kind"), Cli::tr("tcp-server, tcp-client, udp, mail or inbox."),
                                 QStringLiteral("tcp-server|tcp-client|udp|mail|inbox"));
    parser.addPositionalArgument(QStringLiteral("server"), Cli::tr("tcp-client: the server, HOST PORT or HOST:PORT."),
                                 QStringLiteral("[HOST PORT]"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        Cli::tr("tcp-server, inbox: the address to listen on (default 127.0.0.1). udp: HOST:PORT to "
                                                "bind (default 127.0.0.1:0)."),
                                        Cli::tr("address"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        Cli::tr("tcp-server: the port, 0-65535 (0: any free port). Required. inbox: the port (default 2525)."),
                                        Cli::tr("port"));
    const QCommandLineOption modelOption(QStringLiteral("model"), Cli::tr("tcp-server: event-loop (selectors, epoll) or thread-per-client."),
                                         Cli::tr("model"), QStringLiteral("event-loop"));
    const QCommandLineOption echoOption(QStringLiteral("echo"), Cli::tr("tcp-server, udp: send what comes back to its sender."));
    const QCommandLineOption chatOption(QStringLiteral("chat"),
                                        Cli::tr("tcp-server: the chat room, as serve --chat: each line a client sends goes to all "
                                                "the others as \"NAME: TEXT\" (NAME is its address, or with --nicknames its nickname), with "
                                                "\"*** NAME joined\" and \"*** NAME left\"; over TLS with --tls-cert and --tls-key."));
    // The same option as serve's, with the same words: the program's room asks for nicknames as serve's does.
    const QCommandLineOption nicknamesOption = ChatOptions().nicknames;
    const QCommandLineOption familyOption(QStringLiteral("family"),
                                          Cli::tr("ipv4 or ipv6 (default: ipv6 for an IPv6 address, else ipv4)."), Cli::tr("family"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"),
                                            Cli::tr("The text's encoding on the wire: UTF-8 (default), GBK, GB18030 or Latin-1."),
                                            Cli::tr("name"), QStringLiteral("UTF-8"));
    const QCommandLineOption frameOption(QStringLiteral("frame"),
                                         Cli::tr("tcp-server, tcp-client: none (default), line or crlf, with ,max=BYTES if wanted."),
                                         Cli::tr("spec"), QStringLiteral("none"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"), Cli::tr("tcp-client: speak TLS, the server's certificate verified."));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"), Cli::tr("tcp-server: serve TLS with this certificate (PEM). inbox: the certificate of --starttls."),
                                           Cli::tr("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"), Cli::tr("tcp-server, inbox: the private key of --tls-cert (PEM)."),
                                          Cli::tr("file"));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"), Cli::tr("tcp-client, mail: also trust the CA certificates in this file."),
                                          Cli::tr("file"));
    const QCommandLineOption toOption(QStringLiteral("to"), Cli::tr("udp: send each typed line to HOST:PORT. mail: a recipient (repeatable)."),
                                      Cli::tr("address"));
    const QCommandLineOption serverOption(QStringLiteral("server"), Cli::tr("mail: the SMTP server, HOST:PORT."), Cli::tr("host:port"));
    const QCommandLineOption securityOption(QStringLiteral("security"), Cli::tr("mail: none, starttls (default) or tls."),
                                            Cli::tr("mode"), QStringLiteral("starttls"));
    const QCommandLineOption userOption(QStringLiteral("user"), Cli::tr("mail: log in as this user."), Cli::tr("user"));
    const QCommandLineOption passwordEnvOption(QStringLiteral("password-env"),
                                               Cli::tr("mail: the environment variable the program reads the password from "
                                                       "(default SMTP_PASSWORD)."),
                                               Cli::tr("var"), QStringLiteral("SMTP_PASSWORD"));
    const QCommandLineOption fromOption(QStringLiteral("from"), Cli::tr("mail: the sender."), Cli::tr("address"));
    const QCommandLineOption subjectOption(QStringLiteral("subject"), Cli::tr("mail: the subject."), Cli::tr("text"));
    const QCommandLineOption attachOption(QStringLiteral("attach"), Cli::tr("mail: attach this file (repeatable)."), Cli::tr("file"));
    const QCommandLineOption ccOption(QStringLiteral("cc"), Cli::tr("mail: a copy recipient (repeatable)."), Cli::tr("address"));
    const QCommandLineOption bccOption(QStringLiteral("bcc"), Cli::tr("mail: a blind copy recipient, in no header (repeatable)."),
                                       Cli::tr("address"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), Cli::tr("inbox: the folder each message is saved in (default: inbox, "
                                                                      "beside where the program runs)."),
                                       Cli::tr("folder"));
    const QCommandLineOption maxSizeOption(QStringLiteral("max-size"), Cli::tr("inbox: the largest message accepted, in MiB (default 64)."),
                                           Cli::tr("MiB"), QStringLiteral("64"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           Cli::tr("inbox: seconds a client may stay silent before it is sent away with 421 (default 300)."),
                                           Cli::tr("seconds"), QStringLiteral("300"));
    const QCommandLineOption startTlsOption(QStringLiteral("starttls"),
                                            Cli::tr("inbox: offer STARTTLS, with --tls-cert/--tls-key or else the development "
                                                    "certificate (made now if missing, as socketeer inbox --starttls does)."));
    parser.addOptions({bindOption, portOption, modelOption, echoOption, chatOption, nicknamesOption, familyOption, encodingOption, frameOption, tlsOption,
                       tlsCertOption, tlsKeyOption, caFileOption, toOption, serverOption, securityOption, userOption,
                       passwordEnvOption, fromOption, ccOption, bccOption, subjectOption, attachOption, dirOption, maxSizeOption,
                       timeoutOption, startTlsOption});
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;

    QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usageError(Cli::tr("say which language and which program: socketeer code python|c tcp-server|tcp-client|udp|mail|inbox"));
    CodeSettings settings;
    const auto language = codeLanguageFromName(positional.takeFirst());
    if (!language)
        return usageError(Cli::tr("unknown language \"%1\" (use %2)").arg(parser.positionalArguments().at(0), codeLanguageNames().join(u", ")));
    const auto kind = codeKindFromName(positional.takeFirst());
    if (!kind)
        return usageError(Cli::tr("unknown program \"%1\" (use %2)").arg(parser.positionalArguments().at(1), codeKindNames().join(u", ")));
    settings.language = *language;
    settings.kind = *kind;

    // An option another kind of program takes is a mistake here, not something to ignore.
    QList<const QCommandLineOption *> applies{&familyOption, &encodingOption};
    switch (settings.kind) {
    case CodeKind::TcpServer:
        applies << &bindOption << &portOption << &modelOption << &echoOption << &chatOption << &nicknamesOption << &frameOption << &tlsCertOption << &tlsKeyOption;
        break;
    case CodeKind::TcpClient: applies << &frameOption << &tlsOption << &caFileOption; break;
    case CodeKind::Udp: applies << &bindOption << &toOption << &echoOption; break;
    case CodeKind::Mail:
        applies = {&serverOption, &securityOption, &userOption, &passwordEnvOption, &caFileOption, &toOption, &fromOption,
                   &subjectOption, &attachOption};
        break;
    case CodeKind::Inbox:
        applies = {&familyOption, &bindOption, &portOption, &dirOption, &maxSizeOption, &timeoutOption, &startTlsOption, &tlsCertOption,
                   &tlsKeyOption};
        break;
    }
    for (const QCommandLineOption *option : {&bindOption, &portOption, &modelOption, &echoOption, &chatOption, &nicknamesOption, &familyOption, &encodingOption,
                                             &frameOption, &tlsOption, &tlsCertOption, &tlsKeyOption, &caFileOption, &toOption,
                                             &serverOption, &securityOption, &userOption, &passwordEnvOption, &fromOption,
                                             &subjectOption, &attachOption, &dirOption, &maxSizeOption, &timeoutOption,
                                             &startTlsOption}) {
        if (parser.isSet(*option) && !applies.contains(option))
            return usageError(Cli::tr("--%1 does not apply to %2").arg(option->names().constFirst(), codeKindNames().at(static_cast<int>(settings.kind))));
    }
    if (settings.kind != CodeKind::TcpClient && !positional.isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer code --help)").arg(positional.first()));

    const auto encoding = encodingFromName(parser.value(encodingOption));
    if (!encoding)
        return usageError(Cli::tr("--encoding: unknown encoding \"%1\" (use UTF-8, GBK, GB18030 or Latin-1)").arg(parser.value(encodingOption)));
    settings.encoding = *encoding;
    const auto frame = FrameSpec::parse(parser.value(frameOption));
    if (!frame)
        return usageError(QStringLiteral("--frame: ") + frame.error().detail);
    settings.frame = *frame;
    settings.echo = parser.isSet(echoOption);
    settings.chat = parser.isSet(chatOption);
    settings.nicknames = parser.isSet(nicknamesOption);
    if (settings.nicknames && !settings.chat)
        return usageError(Cli::tr("--nicknames is a setting of the chat room: add --chat"));

    switch (settings.kind) {
    case CodeKind::TcpServer: {
        if (!parser.isSet(portOption))
            return usageError(Cli::tr("missing --port PORT (0 picks any free port; see socketeer code --help)"));
        const auto port = parsePort(parser.value(portOption));
        if (!port)
            return usageError(QStringLiteral("--port: ") + port.error().detail);
        const auto host = parseHost(parser.isSet(bindOption) ? parser.value(bindOption) : QStringLiteral("127.0.0.1"));
        if (!host)
            return usageError(QStringLiteral("--bind: ") + host.error().detail);
        settings.host = *host;
        settings.port = *port;
        const auto model = modelFromName(parser.value(modelOption));
        if (!model)
            return usageError(Cli::tr("--model: unknown model \"%1\" (use event-loop or thread-per-client)").arg(parser.value(modelOption)));
        settings.model = *model;
        if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
            return usageError(Cli::tr("--tls-cert and --tls-key go together"));
        settings.tls = parser.isSet(tlsCertOption);
        settings.tlsCertFile = parser.value(tlsCertOption);
        settings.tlsKeyFile = parser.value(tlsKeyOption);
        break;
    }
    case CodeKind::TcpClient: {
        Result<Endpoint> endpoint = Error::invalid(Cli::tr("missing the server: HOST PORT or HOST:PORT (see socketeer code --help)"));
        if (positional.size() == 1) {
            endpoint = parseEndpoint(positional.first());
        } else if (positional.size() == 2) {
            const auto host = parseHost(positional.at(0));
            const auto port = parsePort(positional.at(1));
            endpoint = !host ? Result<Endpoint>(host.error()) : !port ? Result<Endpoint>(port.error()) : Result<Endpoint>(Endpoint{*host, *port, {}});
        } else if (positional.size() > 2) {
            return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer code --help)").arg(positional.at(2)));
        }
        if (!endpoint)
            return usageError(endpoint.error().detail);
        if (endpoint->isUnix() || endpoint->host.isEmpty() || endpoint->port == 0)
            return usageError(Cli::tr("the server must be a host and a port from 1 to 65535"));
        settings.host = endpoint->host;
        settings.port = endpoint->port;
        settings.tls = parser.isSet(tlsOption);
        if (parser.isSet(caFileOption) && !settings.tls)
            return usageError(Cli::tr("--ca-file needs --tls"));
        settings.caFile = parser.value(caFileOption);
        break;
    }
    case CodeKind::Udp: {
        const auto bind = parseEndpoint(parser.isSet(bindOption) ? parser.value(bindOption) : QStringLiteral("127.0.0.1:0"));
        if (!bind || bind->isUnix())
            return usageError(QStringLiteral("--bind: ") + (bind ? Cli::tr("UDP binds a host and port, not a path") : bind.error().detail));
        settings.host = bind->host;
        settings.port = bind->port;
        if (parser.isSet(toOption)) {
            const auto to = parseEndpoint(parser.value(toOption));
            if (!to || to->isUnix() || to->host.isEmpty() || to->port == 0)
                return usageError(Cli::tr("--to: \"%1\" is not a HOST:PORT to send to").arg(parser.value(toOption)));
            settings.targetHost = to->host;
            settings.targetPort = to->port;
            if (settings.echo)
                return usageError(Cli::tr("--echo answers what comes, and with --to the program asks instead"));
        }
        break;
    }
    case CodeKind::Mail: {
        const QString security = parser.value(securityOption);
        if (security == QLatin1String("none"))
            settings.mail.security = CodeMailSecurity::None;
        else if (security == QLatin1String("starttls"))
            settings.mail.security = CodeMailSecurity::StartTls;
        else if (security == QLatin1String("tls"))
            settings.mail.security = CodeMailSecurity::Tls;
        else
            return usageError(Cli::tr("--security: \"%1\" is not none, starttls or tls").arg(security));
        if (!parser.isSet(serverOption))
            return usageError(Cli::tr("missing --server HOST:PORT"));
        const auto server = parseEndpoint(parser.value(serverOption));
        if (!server || server->isUnix() || server->host.isEmpty() || server->port == 0)
            return usageError(Cli::tr("--server: \"%1\" is not HOST:PORT").arg(parser.value(serverOption)));
        settings.host = server->host;
        settings.port = server->port;
        settings.caFile = parser.value(caFileOption);
        settings.mail.user = parser.value(userOption);
        settings.mail.passwordEnv = parser.value(passwordEnvOption);
        settings.mail.from = parser.value(fromOption);
        settings.mail.to = parser.values(toOption);
        settings.mail.cc = parser.values(ccOption);
        settings.mail.bcc = parser.values(bccOption);
        settings.mail.subject = parser.value(subjectOption);
        settings.mail.attachments = parser.values(attachOption);
        break;
    }
    case CodeKind::Inbox: {
        const auto port = parsePort(parser.isSet(portOption) ? parser.value(portOption) : QStringLiteral("2525"));
        if (!port)
            return usageError(QStringLiteral("--port: ") + port.error().detail);
        const auto host = parseHost(parser.isSet(bindOption) ? parser.value(bindOption) : QStringLiteral("127.0.0.1"));
        if (!host)
            return usageError(QStringLiteral("--bind: ") + host.error().detail);
        settings.host = *host;
        settings.port = *port;
        if (parser.isSet(dirOption))
            settings.inbox.folder = parser.value(dirOption);
        bool numeric = false;
        const qint64 maxMiB = parser.value(maxSizeOption).toLongLong(&numeric);
        if (!numeric || maxMiB < 1 || maxMiB > 4096)
            return usageError(Cli::tr("--max-size: \"%1\" is not a size in MiB from 1 to 4096").arg(parser.value(maxSizeOption)));
        settings.inbox.maxMessageBytes = maxMiB * 1024 * 1024;
        const int seconds = parser.value(timeoutOption).toInt(&numeric);
        if (!numeric || seconds < 1 || seconds > 86400)
            return usageError(Cli::tr("--timeout: \"%1\" is not a number of seconds from 1 to 86400").arg(parser.value(timeoutOption)));
        settings.inbox.idleTimeoutSeconds = seconds;
        if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
            return usageError(Cli::tr("--tls-cert and --tls-key go together"));
        if (parser.isSet(tlsCertOption) && !parser.isSet(startTlsOption))
            return usageError(Cli::tr("--tls-cert and --tls-key are the certificate of --starttls: give it too"));
        settings.tls = parser.isSet(startTlsOption);
        if (settings.tls && parser.isSet(tlsCertOption)) {
            settings.tlsCertFile = parser.value(tlsCertOption);
            settings.tlsKeyFile = parser.value(tlsKeyOption);
        } else if (settings.tls) {
            // The program loads these files when it runs: they must be there.
            const auto made = ensureDevCertificate(defaultDevCertificateFolder());
            if (!made)
                return usageError(made.error().message());
            settings.tlsCertFile = made->certificateFile;
            settings.tlsKeyFile = made->keyFile;
        }
        break;
    }
    }
    // The family follows the address typed: the one bound, or for a UDP client its target.
    const bool sendsTo = settings.kind == CodeKind::Udp && !settings.targetHost.isEmpty() && !parser.isSet(bindOption);
    const auto family = familyFor(parser.value(familyOption), sendsTo ? settings.targetHost : settings.host);
    if (!family)
        return usageError(Cli::tr("--family: \"%1\" is not ipv4 or ipv6").arg(parser.value(familyOption)));
    settings.family = *family;
    // The default loopback address of the family asked for, when none was typed.
    const bool defaultBind = (settings.kind == CodeKind::TcpServer || settings.kind == CodeKind::Udp || settings.kind == CodeKind::Inbox)
                             && !parser.isSet(bindOption);
    if (defaultBind && settings.family == CodeFamily::Ipv6)
        settings.host = QStringLiteral("::1");

    const auto generated = generateCode(settings);
    if (!generated)
        return usageError(generated.error().detail);
    prepareProcess();
    return writeStdout(generated->text.toUtf8()) ? ExitSuccess : ExitFailure;
}

} // namespace socketeer::cli
