#pragma once
// Runs a lab against the student's program, headless. The steps run with blocking native sockets
// and poll() deadlines on one worker thread (never the GUI's); each step's result is reported as it
// finishes. stop() wakes the worker through an eventfd at once, whatever it waits for.
//
// runLab() is the synchronous form the command line uses; LabRunner runs it on its own thread and
// reports through Qt signals (the window).

#include "labreport.h"

#include <QObject>

class QThread;

#include <atomic>
#include <functional>
#include <memory>

namespace socketeer {

class Wakeup;

struct LabRunOptions {
    QString host;               // the student's server; empty: the lab's own
    quint16 port = 0;           // 0: the lab's own
    QString language = QStringLiteral("en");
    QString listenHost = QStringLiteral("127.0.0.1");   // where listen steps listen
};

// Called on the running thread.
struct LabCallbacks {
    std::function<void(const LabStepResult &)> stepFinished;
    // A listen step is ready: the student's client should connect to HOST PORT now.
    std::function<void(const QString &host, quint16 port)> listening;
};

// Runs every step in order on the calling thread (the CLI's). `stopWakeup` and `stopRequested`,
// when given, end the run early: the step waiting fails as stopped and the rest are not run.
LabRunResult runLab(const LabSpec &lab, const LabRunOptions &options, const LabCallbacks &callbacks = {},
                    const Wakeup *stopWakeup = nullptr, const std::atomic_bool *stopRequested = nullptr);

class LabRunner : public QObject {
    Q_OBJECT
public:
    explicit LabRunner(QObject *parent = nullptr);
    ~LabRunner() override;   // stops and joins

    // False while a run is going on.
    bool start(const LabSpec &lab, const LabRunOptions &options);
    void stop();
    bool isRunning() const;

signals:
    void stepFinished(const socketeer::LabStepResult &result);
    void listening(const QString &host, quint16 port);
    void finished(const socketeer::LabRunResult &result);

private:
    void join();

    std::unique_ptr<Wakeup> m_wakeup;
    std::atomic_bool m_stop{false};
    std::atomic_bool m_running{false};
    // A QThread rather than a std::thread: a mail lab's inbox lives on it and needs Qt's socket
    // notifiers, which only work in threads Qt started.
    std::unique_ptr<QThread> m_thread;
};

} // namespace socketeer
