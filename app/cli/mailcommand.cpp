// socketeer mail: the compose window's SMTP client on the command line, like swaks. The body
// comes from --body-file or stdin; the SMTP dialogue goes to stderr (secrets masked) unless
// --quiet. The password never appears on the command line: --password-env names a variable,
// --password-file a file. Exit status 0 only when the server accepted the message.

#include "cli.h"
#include "signalwatcher.h"

#include "mail/mailaddress.h"
#include "mail/mailmessage.h"
#include "mail/mailsender.h"
#include "mail/smtpsession.h"
#include "text/timetext.h"

#include <QCommandLineParser>
#include <QFile>
#include <QLocale>

#include <unistd.h>

namespace socketeer::cli {

namespace {

const QString kCommand = QStringLiteral("mail");

int usageError(const QString &message)
{
    printError(kCommand, message);
    return ExitUsage;
}

quint16 defaultPort(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::None: return 25;
    case SmtpSecurity::StartTls: return 587;
    case SmtpSecurity::Tls: return 465;
    }
    return 25;
}

// Every value of a repeatable address option, each checked; the first bad one is the error.
Result<QList<MailAddress>> addresses(const QStringList &values, const QString &option)
{
    QList<MailAddress> list;
    for (const QString &value : values) {
        auto address = parseMailAddress(value);
        if (!address)
            return Error::invalid(QStringLiteral("--%1 \"%2\": %3").arg(option, value, address.error().detail));
        list << *address;
    }
    return list;
}

void printCertificate(const TlsCertificateInfo &certificate)
{
    printLine(Cli::tr("  subject:     %1").arg(certificate.subject));
    printLine(Cli::tr("  issuer:      %1").arg(certificate.issuer));
    // Local time with its offset, as everywhere on the command line (the dates themselves are UTC).
    printLine(Cli::tr("  valid:       %1 to %2")
                  .arg(localTimestampText(certificate.notBefore, TimePrecision::Seconds),
                       localTimestampText(certificate.notAfter, TimePrecision::Seconds)));
    printLine(Cli::tr("  SHA-256:     %1").arg(certificate.sha256));
    printLine(Cli::tr("If you know this is your server's certificate, trust it with --trust-fingerprint %1")
                  .arg(certificate.sha256));
}

} // namespace

int runMail(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Sends one mail over SMTP: EHLO, STARTTLS or TLS, AUTH, MAIL FROM, RCPT TO for every To, Cc and\n"
                "Bcc address, DATA, QUIT. The body is read from --body-file, or else from stdin, as UTF-8 text.\n"
                "Addresses are ADDR or \"Name <ADDR>\" ('王大锤 <a@example.com>'). The SMTP dialogue is printed\n"
                "on stderr with the password masked. Server certificates are verified against the system's\n"
                "trust store (and --ca-file). Exit status 0 only when the server accepted the message.\n\n"
                "Example: socketeer mail --server smtp.126.com:465 --security tls --user me@126.com\n"
                "         --password-env SMTP_CODE --from '王大锤 <me@126.com>' --to you@example.com\n"
                "         --subject 月报 --attach 汇总数据.xlsx < body.txt"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          Cli::tr("The SMTP server, HOST:PORT or HOST (port 25, 587 or 465 by --security)."),
                                          Cli::tr("host:port"));
    const QCommandLineOption securityOption(QStringLiteral("security"),
                                            Cli::tr("none, starttls (default) or tls (implicit TLS, port 465)."),
                                            Cli::tr("mode"), QStringLiteral("starttls"));
    const QCommandLineOption userOption(QStringLiteral("user"), Cli::tr("Log in (AUTH) as this user."), Cli::tr("user"));
    const QCommandLineOption passwordEnvOption(QStringLiteral("password-env"),
                                               Cli::tr("Read the password (or authorization code, or token) from this "
                                                       "environment variable."),
                                               Cli::tr("var"));
    const QCommandLineOption passwordFileOption(QStringLiteral("password-file"),
                                                Cli::tr("Read the password from the first line of this file."), Cli::tr("file"));
    const QCommandLineOption authOption(QStringLiteral("auth"),
                                        Cli::tr("auto (default: PLAIN, else LOGIN), plain, login or xoauth2 (the password is "
                                                "an OAuth 2 access token)."),
                                        Cli::tr("method"), QStringLiteral("auto"));
    const QCommandLineOption allowClearOption(QStringLiteral("allow-unencrypted-auth"),
                                              Cli::tr("Allow logging in without encryption to a server that is not on "
                                                      "this machine (refused otherwise)."));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
                                          Cli::tr("Also trust the CA certificates in this PEM file."), Cli::tr("pem"));
    const QCommandLineOption trustOption(QStringLiteral("trust-fingerprint"),
                                         Cli::tr("Trust the server certificate with this SHA-256 fingerprint even though "
                                                 "it cannot be verified (repeatable)."),
                                         Cli::tr("sha256"));
    const QCommandLineOption fromOption(QStringLiteral("from"), Cli::tr("The sender."), Cli::tr("address"));
    const QCommandLineOption toOption(QStringLiteral("to"), Cli::tr("A recipient (repeatable)."), Cli::tr("address"));
    const QCommandLineOption ccOption(QStringLiteral("cc"), Cli::tr("A copy recipient (repeatable)."), Cli::tr("address"));
    const QCommandLineOption bccOption(QStringLiteral("bcc"),
                                       Cli::tr("A blind copy recipient (repeatable): in the envelope only, never in a "
                                               "header."),
                                       Cli::tr("address"));
    const QCommandLineOption subjectOption(QStringLiteral("subject"), Cli::tr("The subject."), Cli::tr("text"));
    const QCommandLineOption bodyFileOption(QStringLiteral("body-file"),
                                            Cli::tr("Read the body from this file (UTF-8) instead of stdin."), Cli::tr("file"));
    const QCommandLineOption attachOption(QStringLiteral("attach"), Cli::tr("Attach this file (repeatable)."), Cli::tr("file"));
    const QCommandLineOption heloOption(QStringLiteral("helo"),
                                        Cli::tr("The name to give in EHLO (default: our address, as [127.0.0.1])."),
                                        Cli::tr("name"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           Cli::tr("Give up on any single wait after this many milliseconds (default 60000)."),
                                           Cli::tr("ms"), QStringLiteral("60000"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), Cli::tr("Do not print the SMTP dialogue."));
    parser.addOptions({serverOption, securityOption, userOption, passwordEnvOption, passwordFileOption, authOption,
                       allowClearOption, caFileOption, trustOption, fromOption, toOption, ccOption, bccOption,
                       subjectOption, bodyFileOption, attachOption, heloOption, timeoutOption, quietOption});
    if (const int done = parseCommandLine(parser, kCommand, arguments); done >= 0)
        return done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(Cli::tr("unexpected argument \"%1\" (see socketeer mail --help)").arg(parser.positionalArguments().first()));

    SmtpSessionOptions options;
    const QString security = parser.value(securityOption);
    if (security == QLatin1String("none"))
        options.security = SmtpSecurity::None;
    else if (security == QLatin1String("starttls"))
        options.security = SmtpSecurity::StartTls;
    else if (security == QLatin1String("tls") || security == QLatin1String("ssl"))
        options.security = SmtpSecurity::Tls;
    else
        return usageError(Cli::tr("--security: \"%1\" is not none, starttls or tls").arg(security));

    if (!parser.isSet(serverOption))
        return usageError(Cli::tr("missing --server HOST:PORT"));
    const QString serverText = parser.value(serverOption);
    // HOST:PORT, [IPv6]:PORT, or a host alone (an IPv6 literal has two colons or more).
    const bool hostAlone = serverText.count(u':') != 1 && !serverText.startsWith(u'[');
    if (!hostAlone) {
        auto endpoint = parseEndpoint(serverText);
        if (!endpoint || endpoint->isUnix())
            return usageError(QStringLiteral("--server: ") +
                              (endpoint ? Cli::tr("\"%1\" is not HOST:PORT").arg(serverText) : endpoint.error().detail));
        options.server = *endpoint;
    } else if (auto host = parseHost(serverText)) {
        options.server = {*host, defaultPort(options.security), {}};
    } else {
        return usageError(QStringLiteral("--server: ") + host.error().detail);
    }
    if (options.server.host.isEmpty() || options.server.port == 0)
        return usageError(Cli::tr("--server: \"%1\" needs a host and a port from 1 to 65535").arg(serverText));

    const QString auth = parser.value(authOption);
    if (auth == QLatin1String("auto"))
        options.authMethod = SmtpAuthMethod::Auto;
    else if (auth == QLatin1String("plain"))
        options.authMethod = SmtpAuthMethod::Plain;
    else if (auth == QLatin1String("login"))
        options.authMethod = SmtpAuthMethod::Login;
    else if (auth == QLatin1String("xoauth2"))
        options.authMethod = SmtpAuthMethod::XOAuth2;
    else
        return usageError(Cli::tr("--auth: \"%1\" is not auto, plain, login or xoauth2").arg(auth));

    options.user = parser.value(userOption);
    if (parser.isSet(passwordEnvOption) && parser.isSet(passwordFileOption))
        return usageError(Cli::tr("give the password one way: --password-env or --password-file"));
    if (parser.isSet(passwordEnvOption)) {
        const QByteArray name = parser.value(passwordEnvOption).toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData()))
            return usageError(Cli::tr("--password-env: the environment variable %1 is not set").arg(parser.value(passwordEnvOption)));
        options.password = qEnvironmentVariable(name.constData());
    } else if (parser.isSet(passwordFileOption)) {
        QFile file(parser.value(passwordFileOption));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(Cli::tr("--password-file: cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        options.password = QString::fromUtf8(line);
    }
    if (options.user.isEmpty() && !options.password.isEmpty())
        return usageError(Cli::tr("a password was given but no --user"));
    if (!options.user.isEmpty() && options.password.isEmpty())
        return usageError(Cli::tr("--user needs a password: --password-env VAR or --password-file FILE"));
    options.allowUnencryptedAuth = parser.isSet(allowClearOption);
    options.caFile = parser.value(caFileOption);
    for (const QString &fingerprint : parser.values(trustOption)) {
        if (normalizedFingerprint(fingerprint).isEmpty())
            return usageError(Cli::tr("--trust-fingerprint: \"%1\" is not a SHA-256 fingerprint (64 hex digits)").arg(fingerprint));
        options.trustedFingerprints << fingerprint;
    }
    options.clientName = parser.value(heloOption);
    bool numeric = false;
    const int timeout = parser.value(timeoutOption).toInt(&numeric);
    if (!numeric || timeout <= 0)
        return usageError(Cli::tr("--timeout: \"%1\" is not a number of milliseconds (1 or more)").arg(parser.value(timeoutOption)));
    options.timeout = std::chrono::milliseconds(timeout);
    options.connectTimeout = std::min(options.timeout, options.connectTimeout);

    MailMessage message;
    if (!parser.isSet(fromOption))
        return usageError(Cli::tr("missing --from ADDRESS"));
    auto from = parseMailAddress(parser.value(fromOption));
    if (!from)
        return usageError(QStringLiteral("--from: ") + from.error().detail);
    message.from = *from;
    for (auto [option, list] : {std::pair{&toOption, &message.to}, std::pair{&ccOption, &message.cc},
                                std::pair{&bccOption, &message.bcc}}) {
        auto parsed = addresses(parser.values(*option), option->names().first());
        if (!parsed)
            return usageError(parsed.error().detail);
        *list = *parsed;
    }
    if (message.to.isEmpty() && message.cc.isEmpty() && message.bcc.isEmpty())
        return usageError(Cli::tr("missing a recipient: --to, --cc or --bcc"));
    message.subject = parser.value(subjectOption);
    message.attachments = parser.values(attachOption);

    QFile body;
    if (parser.isSet(bodyFileOption) && parser.value(bodyFileOption) != QLatin1String("-")) {
        body.setFileName(parser.value(bodyFileOption));
        if (!body.open(QIODevice::ReadOnly))
            return usageError(Cli::tr("--body-file: cannot read %1: %2").arg(body.fileName(), body.errorString()));
    } else {
        if (::isatty(STDIN_FILENO))
            printLine(Cli::tr("Type the body, then Ctrl-D on a line of its own."));
        if (!body.open(stdin, QIODevice::ReadOnly))
            return usageError(Cli::tr("cannot read the body from stdin: %1").arg(body.errorString()));
    }
    message.body = QString::fromUtf8(body.readAll());
    // Everything is checked before connecting: a typo costs no connection.
    if (auto valid = validateMailMessage(message); !valid)
        return usageError(valid.error().detail);

    prepareProcess();
    SignalWatcher signalWatcher;
    MailSender sender;
    const bool quiet = parser.isSet(quietOption);
    int status = ExitFailure;
    QObject::connect(&signalWatcher, &SignalWatcher::received, &sender, [&] { sender.cancel(); });
    QObject::connect(&sender, &MailSender::transcriptLine, &sender, [quiet](const SmtpTranscriptLine &line) {
        if (!quiet)
            printLine(line.toString());
    });
    QObject::connect(&sender, &MailSender::finished, &sender, [&](const MailSendResult &result) {
        if (result.accepted) {
            printLine(Cli::tr("The server accepted the message."));
            status = ExitSuccess;
        } else {
            printError(kCommand, result.error.message());
            if (result.rejectedCertificate)
                printCertificate(*result.rejectedCertificate);
        }
        QCoreApplication::exit(status);
    });
    sender.send(message, options);
    QCoreApplication::exec();
    return status;
}

} // namespace socketeer::cli
