#pragma once
// The "Labs" dock: a teacher's exercise, graded in the window. Choose a built-in lab or open a
// file, say where the student's program listens (for a server lab), Run: each step turns green or
// red as the core's LabRunner (on its own thread) reports it, with what was sent, what came back,
// what was expected and the hint; a hidden step shows only whether it passed. The score at the end
// is what `socketeer lab run` prints for the same lab.
// Step runs one step at a time (the next one is marked), Run the rest at once. The run's socket
// calls are drawn on the dock's own timeline (the app's TimelineView, fed only the calls of the
// lab's thread and its inbox, step by step as each reports); selecting a step selects its first
// call there.

#include "lab/labreport.h"
#include "net/trace.h"

#include <QDockWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace socketeer {
class LabRunner;
}

namespace socketeer::ui {

class HostEdit;
class PortEdit;
class TimelineView;

class LabsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabsDock)
public:
    explicit LabsDock(QWidget *parent = nullptr);
    ~LabsDock() override;

    // A built-in lab by name ("echo-server") or a file; false: the reason is in statusText().
    bool openLab(const QString &pathOrName);
    bool run();     // all at once, or the rest of a run being stepped; false: not started, the reason is in statusText()
    bool step();    // starts a run in step mode or runs its next step; false as run()
    void stop();
    bool isRunning() const;
    int nextStep() const { return m_waitingFor; }   // the step a stepped run waits to run, or -1
    std::optional<LabRunResult> lastResult() const { return m_result; }
    QString statusText() const;
    QString language() const;   // the window's language, for the lab's own texts

    QComboBox *labCombo() const { return m_labs; }
    HostEdit *hostEdit() const { return m_host; }
    PortEdit *portEdit() const { return m_port; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *stopButton() const { return m_stop; }
    TimelineView *timeline() const { return m_timeline; }
    QTabWidget *detailsTabs() const { return m_tabs; }
    QTreeWidget *stepList() const { return m_steps; }
    QTextBrowser *details() const { return m_details; }
    QLabel *scoreLabel() const { return m_score; }

signals:
    void runFinished(const socketeer::LabRunResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString kindTitle(LabStepKind kind);
    void retranslate();
    void chooseFile();
    void showLab();
    bool startRun(bool stepMode);
    void waitingForNext(int index);
    void markNextStep(int index);
    void stepFinished(const socketeer::LabStepResult &result);
    void finished(const socketeer::LabRunResult &result);
    void showDetails();
    void showStepOnTimeline();
    void takeCalls(const QList<socketeer::TraceEvent> &events);
    void passCallsToTimeline(const socketeer::LabStepResult *upTo);
    void updateControls();
    void setStatus(const QString &text, bool isError);

    QComboBox *m_labs;
    QPushButton *m_open;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_targetLabel;
    HostEdit *m_host;
    PortEdit *m_port;
    QPushButton *m_step;
    QPushButton *m_run;
    QPushButton *m_stop;
    QTreeWidget *m_steps;
    QTabWidget *m_tabs;
    QTextBrowser *m_details;
    TimelineView *m_timeline;
    QLabel *m_score;
    QLabel *m_status;
    LabRunner *m_runner;
    // Alive while a run goes on, so recording costs nothing between runs. Its calls wait in
    // m_calls until the step they belong to reports: a hidden step's never reach the timeline.
    TraceRecorder *m_recorder = nullptr;
    QList<TraceEvent> m_calls;
    bool m_stepMode = false;
    int m_waitingFor = -1;
    std::optional<LabSpec> m_lab;
    std::optional<LabRunResult> m_result;
    QList<std::optional<LabStepResult>> m_stepResults;
};

} // namespace socketeer::ui
