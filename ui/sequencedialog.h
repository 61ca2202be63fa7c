#pragma once
// Editing a sequence: its name, how many rounds, and its steps (send a saved message, wait a
// number of milliseconds, wait for a reply matching a regular expression within a timeout),
// added, removed and moved in a list.

#include "saved/savedlibrary.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace socketeer::ui {

class SequenceDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDialog)
public:
    SequenceDialog(const Sequence &sequence, const QStringList &messageNames, const QStringList &takenNames, QWidget *parent = nullptr);

    Sequence sequence() const;
    static QString describe(const SequenceStep &step);

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *repeatBox() const { return m_repeat; }
    QListWidget *stepList() const { return m_list; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *messageBox() const { return m_message; }
    QSpinBox *delayBox() const { return m_delay; }
    QLineEdit *patternEdit() const { return m_pattern; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    void addStep();   // what the "Add step" row describes

private:
    void removeStep();
    void moveStep(int by);
    void refresh();
    void check();

    QStringList m_taken;
    QList<SequenceStep> m_steps;
    QLineEdit *m_name;
    QSpinBox *m_repeat;
    QListWidget *m_list;
    QComboBox *m_kind;
    QStackedWidget *m_stepFields;
    QComboBox *m_message;
    QSpinBox *m_delay;
    QLineEdit *m_pattern;
    QSpinBox *m_timeout;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace socketeer::ui
