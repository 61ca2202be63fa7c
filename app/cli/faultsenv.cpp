#include "faultsenv.h"

#include "cli.h"

#include "net/faults.h"

namespace socketeer::cli {

bool armFaultsFromEnvironment()
{
    if (!qEnvironmentVariableIsSet("SOCKETEER_FAULTS"))
        return true;
    const QByteArray text = qgetenv("SOCKETEER_FAULTS");
    std::string error;
    const auto plan = faults::parsePlan(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), &error);
    if (!plan) {
        printLine(Cli::tr("socketeer: SOCKETEER_FAULTS: %1").arg(QString::fromStdString(error)));
        return false;
    }
    faults::arm(*plan);
    // Never silently: a run with faults armed is a test, and says so.
    printLine(Cli::tr("socketeer: injecting socket faults as SOCKETEER_FAULTS asks (%1); a testing aid")
                  .arg(QString::fromLocal8Bit(text)));
    return true;
}

} // namespace socketeer::cli
