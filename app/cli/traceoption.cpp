#include "traceoption.h"

#include "cli.h"

#include "net/trace.h"
#include "net/tracefile.h"
#include "net/tracerecording.h"

#include <QCoreApplication>

namespace socketeer::cli {

QCommandLineOption traceOption()
{
    return QCommandLineOption(QStringLiteral("trace"),
                              Cli::tr("Record the socket calls made (as the window's timeline does; the newest 100,000) and write "
                                      "them at the end to this file, which the window opens (docs/TIMELINE.md)."),
                              Cli::tr("FILE.json"));
}

TraceToFile::TraceToFile() = default;
TraceToFile::~TraceToFile() = default;

void TraceToFile::start(const QString &path)
{
    if (path.isEmpty())
        return;
    m_path = path;
    m_recording = std::make_unique<TraceRecording>();
    m_recorder = std::make_unique<TraceRecorder>();
    QObject::connect(m_recorder.get(), &TraceRecorder::eventsRecorded, m_recording.get(), &TraceRecording::append);
}

int TraceToFile::finish(const QString &command, int exitCode)
{
    if (!m_recorder)
        return exitCode;
    m_recorder->flush();   // what the workers recorded and the event loop had not delivered yet
    m_recorder.reset();
    TraceFile file;
    file.appVersion = QCoreApplication::applicationVersion();
    file.dropped = m_recording->droppedCount();
    file.events = m_recording->events();
    const auto written = writeTraceFile(m_path, file);
    if (!written) {
        printError(command, written.error().message());
        return exitCode == ExitSuccess ? ExitFailure : exitCode;
    }
    return exitCode;
}

} // namespace socketeer::cli
