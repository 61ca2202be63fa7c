// The socketeer executable. With a subcommand (serve, connect, udp) it is a command-line tool on a
// QCoreApplication, so it runs without a display; without one it opens the desktop window. The
// choice is made before any application object exists, because the two need different ones.

#include "cli/cli.h"
#include "cli/faultsenv.h"
#include "gui/guimain.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Socketeer"));
    QCoreApplication::setApplicationName(QStringLiteral("socketeer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETEER_VERSION));

    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (const socketeer::cli::Command *command = socketeer::cli::findCommand(first)) {
        QCoreApplication app(argc, argv);
        if (!socketeer::cli::armFaultsFromEnvironment())
            return socketeer::cli::ExitUsage;
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);   // the subcommand's name: what is left is what its parser expects
        return command->run(arguments);
    }
    return socketeer::gui::run(argc, argv);
}
