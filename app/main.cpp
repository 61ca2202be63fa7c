// The socketeer executable. With a subcommand (serve, connect, udp) it is a command-line tool on a
// QCoreApplication, so it runs without a display; without one it opens the desktop window. The
// choice is made before any application object exists, because the two need different ones.
//
// Both speak the user's language: --language (before or after the subcommand's name), or else the
// system's, which QLocale::system() reads the way gettext does (LC_ALL, then LC_MESSAGES, then
// LANG; LANGUAGE when the locale is not C). The translations are installed before any parser runs,
// so help, usage errors and Qt's own QCommandLineParser texts are in that language too.

#include "cli/cli.h"
#include "cli/faultsenv.h"
#include "gui/guimain.h"

#include "languages.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Socketeer"));
    QCoreApplication::setApplicationName(QStringLiteral("socketeer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETEER_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString language = socketeer::cli::takeLanguageOption(arguments);
    const QString first = arguments.size() > 1 ? arguments.at(1) : QString();
    if (const socketeer::cli::Command *command = socketeer::cli::findCommand(first)) {
        QCoreApplication app(argc, argv);
        const bool known = language.isEmpty() || socketeer::ui::availableLanguages().contains(language);
        socketeer::ui::installLanguage(known ? language : QString());
        if (!known) {
            socketeer::cli::printError(first, socketeer::Cli::tr("--language: \"%1\" is not en or zh_CN").arg(language));
            return socketeer::cli::ExitUsage;
        }
        if (!socketeer::cli::armFaultsFromEnvironment())
            return socketeer::cli::ExitUsage;
        arguments.removeAt(1);   // the subcommand's name: what is left is what its parser expects
        return command->run(arguments);
    }
    return socketeer::gui::run(argc, argv, language);
}
