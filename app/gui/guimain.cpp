#include "guimain.h"

#include "cli/cli.h"

#include "languages.h"
#include "mainwindow.h"
#include "settings.h"
#include "theme.h"
#include "windowhost.h"

#include "net/address.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdlib>
#include <optional>

namespace socketeer::gui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Gui)
};

struct Parsed {
    ui::StartupOptions startup;
    QString language;
    int exitNow = -1;   // >= 0: answered already (help, version, a mistake)
};

QString usage(const QCommandLineParser &parser)
{
    QString text = cli::renameProgramInHelp(parser.helpText(), QStringLiteral("socketeer"));
    text += QLatin1Char('\n') + Text::tr("Without a command, Socketeer opens its window. With one, it runs on the command line:") + QLatin1Char('\n');
    text += cli::commandSummaries();
    text += QLatin1Char('\n') + Text::tr("Run \"socketeer COMMAND --help\" for a command's options.") + QLatin1Char('\n');
    return text;
}

Parsed parse(const QStringList &arguments)
{
    Parsed result;
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Chat over TCP and UDP with native sockets, and watch what the sockets do."));
    parser.addOption({QStringLiteral("listen"), Text::tr("Start with the TCP server listening on PORT (on loopback unless the panel says otherwise)."), QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("connect"), Text::tr("Start with a client connected to HOST:PORT (\"[::1]:PORT\" for IPv6)."), QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("udp"), Text::tr("Start with the UDP panel bound to PORT."), QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("language"), Text::tr("Use this language: en or zh_CN (default: the system's)."), QStringLiteral("LANG")});
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, Text::tr("Show the version."));
    parser.addOption(help);
    parser.addOption(version);

    auto fail = [&](const QString &message) {
        cli::printLine(QStringLiteral("socketeer: ") + message);
        result.exitNow = cli::ExitUsage;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText() + QLatin1Char(' ') + Text::tr("(see socketeer --help)"));
    // Before --help and --version, which answer in it.
    result.language = parser.value(QStringLiteral("language"));
    if (!result.language.isEmpty() && !ui::availableLanguages().contains(result.language))
        return fail(Text::tr("--language: \"%1\" is not one of %2").arg(result.language, ui::availableLanguages().join(QStringLiteral(", "))));
    if (parser.isSet(help)) {
        cli::writeStdout(usage(parser).toLocal8Bit());
        result.exitNow = cli::ExitSuccess;
        return result;
    }
    if (parser.isSet(version)) {
        cli::writeStdout(QStringLiteral("socketeer %1\n").arg(QCoreApplication::applicationVersion()).toLocal8Bit());
        result.exitNow = cli::ExitSuccess;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Text::tr("unknown command \"%1\" (commands: %2; see socketeer --help)")
                        .arg(parser.positionalArguments().first(), cli::commandNames().join(QStringLiteral(", "))));

    auto port = [&](const QString &option) -> std::optional<int> {
        if (!parser.isSet(option))
            return -1;
        const auto parsed = parsePort(parser.value(option));
        if (!parsed)
            return std::nullopt;
        return int(*parsed);
    };
    const auto listen = port(QStringLiteral("listen"));
    if (!listen)
        return fail(QStringLiteral("--listen: ") + parsePort(parser.value(QStringLiteral("listen"))).error().message());
    result.startup.listenPort = *listen;
    const auto udp = port(QStringLiteral("udp"));
    if (!udp)
        return fail(QStringLiteral("--udp: ") + parsePort(parser.value(QStringLiteral("udp"))).error().message());
    result.startup.udpPort = *udp;
    if (parser.isSet(QStringLiteral("connect"))) {
        const auto endpoint = parseEndpoint(parser.value(QStringLiteral("connect")));
        if (!endpoint)
            return fail(QStringLiteral("--connect: ") + endpoint.error().message());
        if (endpoint->isUnix())
            return fail(QStringLiteral("--connect: ") + Text::tr("the window's clients connect over TCP; use \"socketeer connect --unix\" for a local socket"));
        result.startup.connectHost = endpoint->host;
        result.startup.connectPort = endpoint->port;
    }
    return result;
}

// Qt aborts with a long trace when it cannot reach a display; say what to do instead.
bool displayAvailable()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;   // the user chose a platform (offscreen, vnc, …): let Qt judge
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

} // namespace

int run(int argc, char *argv[], const QString &language)
{
    Parsed parsed;
    {
        // A console application for as long as the options are read: the translations need an
        // application object, and a QApplication cannot be made where there is no display. It is
        // gone before the QApplication is made.
        QCoreApplication console(argc, argv);
        ui::installLanguage(ui::availableLanguages().contains(language) ? language : QString());
        parsed = parse(QCoreApplication::arguments());
        if (parsed.exitNow >= 0)
            return parsed.exitNow;

        if (!displayAvailable()) {
            cli::printLine(Text::tr("socketeer: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.\n"
                                    "  On a headless machine, give it a virtual display:  xvfb-run -a socketeer\n"
                                    "  Or use the command line, which needs no display:   socketeer --help"));
            return cli::ExitFailure;
        }
    }

    QApplication app(argc, argv);
    // Every size drawn, so a title bar at 200 % gets the 32 or 64 pixel drawing, not a blurred one.
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/socketeer-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setDesktopFileName(QStringLiteral("socketeer"));
    ui::Settings settings;
    ui::installLanguage(parsed.language.isEmpty() ? settings.language() : parsed.language);
    ui::theme::applyAppearance(ui::theme::appearanceFromKey(settings.appearance()));

    ui::WindowHost host(settings);   // rebuilds the window when the language is switched
    host.open();
    host.window()->apply(parsed.startup);
    return app.exec();
}

} // namespace socketeer::gui
