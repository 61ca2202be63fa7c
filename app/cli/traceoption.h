#pragma once
// --trace FILE.json for serve, connect and udp: the socket calls the command makes, recorded as the
// window's timeline records them and written at the end in the same file format
// (docs/TIMELINE.md), so the window opens a command-line run and steps through it.

#include <QCommandLineOption>
#include <QString>

#include <memory>

namespace socketeer {
class TraceRecorder;
class TraceRecording;
}

namespace socketeer::cli {

QCommandLineOption traceOption();

class TraceToFile {
public:
    TraceToFile();
    ~TraceToFile();
    TraceToFile(const TraceToFile &) = delete;
    TraceToFile &operator=(const TraceToFile &) = delete;

    // Starts recording when a path is given; nothing at all (not even the relaxed load's listener)
    // without one.
    void start(const QString &path);
    // Writes the file; the command's exit code, or ExitFailure if the file could not be written.
    int finish(const QString &command, int exitCode);

private:
    QString m_path;
    std::unique_ptr<TraceRecording> m_recording;
    std::unique_ptr<TraceRecorder> m_recorder;
};

} // namespace socketeer::cli
