#pragma once
// The "Labs" dock: a teacher's exercise, graded in the window. Choose a built-in lab or open a
// file, say where the student's program listens (for a server lab), Run: each step turns green or
// red as the core's LabRunner (on its own thread) reports it, with what was sent, what came back,
// what was expected and the hint; a hidden step shows only whether it passed. The score at the end
// is what `socketeer lab run` prints for the same lab.

#include "lab/labreport.h"

#include <QDockWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace socketeer {
class LabRunner;
}

namespace socketeer::ui {

class HostEdit;
class PortEdit;

class LabsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabsDock)
public:
    explicit LabsDock(QWidget *parent = nullptr);
    ~LabsDock() override;

    // A built-in lab by name ("echo-server") or a file; false: the reason is in statusText().
    bool openLab(const QString &pathOrName);
    bool run();     // false: not started, the reason is in statusText()
    void stop();
    bool isRunning() const;
    std::optional<LabRunResult> lastResult() const { return m_result; }
    QString statusText() const;
    QString language() const;   // the window's language, for the lab's own texts

    QComboBox *labCombo() const { return m_labs; }
    HostEdit *hostEdit() const { return m_host; }
    PortEdit *portEdit() const { return m_port; }
    QPushButton *runButton() const { return m_run; }
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
    void stepFinished(const socketeer::LabStepResult &result);
    void finished(const socketeer::LabRunResult &result);
    void showDetails();
    void updateControls();
    void setStatus(const QString &text, bool isError);

    QComboBox *m_labs;
    QPushButton *m_open;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_targetLabel;
    HostEdit *m_host;
    PortEdit *m_port;
    QPushButton *m_run;
    QTreeWidget *m_steps;
    QTextBrowser *m_details;
    QLabel *m_score;
    QLabel *m_status;
    LabRunner *m_runner;
    std::optional<LabSpec> m_lab;
    std::optional<LabRunResult> m_result;
    QList<std::optional<LabStepResult>> m_stepResults;
};

} // namespace socketeer::ui
