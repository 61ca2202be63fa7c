// The socketeer executable: with a subcommand (serve, connect, udp) a command-line tool on a
// QCoreApplication, so it runs without a display; otherwise the overview of the commands. The
// desktop app will take the no-subcommand path here, on a QApplication, which is why the choice
// is made before any application object exists.

#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Socketeer"));
    QCoreApplication::setApplicationName(QStringLiteral("socketeer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETEER_VERSION));

    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (const socketeer::cli::Command *command = socketeer::cli::findCommand(first)) {
        QCoreApplication app(argc, argv);
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);   // the subcommand's name: what is left is what its parser expects
        return command->run(arguments);
    }

    QCoreApplication app(argc, argv);
    return socketeer::cli::runWithoutCommand(QCoreApplication::arguments());
}
