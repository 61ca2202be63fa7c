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
template <typename Command>
class CommandQueue;

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
    // Step mode: the run waits for a command before step `nextIndex`.
    std::function<void(int nextIndex)> waitingForNext;
};

// Runs every step in order on the calling thread (the CLI's). `stopWakeup` and `stopRequested`,
// when given, end the run early: the step waiting fails as stopped and the rest are not run.
LabRunResult runLab(const LabSpec &lab, const LabRunOptions &options, const LabCallbacks &callbacks = {},
                    const Wakeup *stopWakeup = nullptr, const std::atomic_bool *stopRequested = nullptr);

// Step mode (the window's "Step"): before each step the worker waits for a command — next() runs
// exactly one step, runRest() the rest at once — with the lab's connections left open between
// steps. Commands go through a locked queue and the worker's eventfd; stop() ends any wait at once.
enum class LabCommand { Next, RunRest };

class LabRunner : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabRunner)
public:
    // The trace names the worker's thread so: every socket call of a run is in this one lane.
    static const QString kThreadName;
    static const QString kInboxThreadName;   // a mail lab's inbox: "lab-inbox"
    static bool isLabThread(const QString &thread) { return thread == kThreadName || thread == kInboxThreadName; }

    explicit LabRunner(QObject *parent = nullptr);
    ~LabRunner() override;   // stops and joins

    // False while a run is going on. With `stepMode`, nothing runs until next() or runRest().
    bool start(const LabSpec &lab, const LabRunOptions &options, bool stepMode = false);
    // Both are queued: a next() given while a step runs runs the one after it. No effect when idle.
    // Like start() and stop(), called from the thread the runner lives on (the window's).
    void next();
    void runRest();
    void stop();
    bool isRunning() const;

signals:
    void stepFinished(const socketeer::LabStepResult &result);
    void listening(const QString &host, quint16 port);
    // Step mode: the worker waits for next() or runRest() before step `nextIndex` (0-based).
    void waitingForNext(int nextIndex);
    void finished(const socketeer::LabRunResult &result);

private:
    void command(LabCommand command);
    void join();

    std::unique_ptr<CommandQueue<LabCommand>> m_commands;   // the queue and the worker's wake-up
    std::atomic_bool m_stop{false};
    std::atomic_bool m_running{false};
    // A QThread rather than a std::thread: a mail lab's inbox lives on it and needs Qt's socket
    // notifiers, which only work in threads Qt started. Declared last: joined before the rest goes.
    std::unique_ptr<QThread> m_thread;
};

} // namespace socketeer
