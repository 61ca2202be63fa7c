#pragma once
// The auto-reply rules of one panel in a table (docs/RULES.md): match kind, pattern, reply, reply
// format, delay, target (server only) and how often each fires; first match or all matches; a test
// field that runs a message through the core's own AutoReplier (so it answers exactly as the worker
// would); import and export of the rules file. Every change is compiled at once: the error names
// the rule and its field, and OK is refused while one is invalid.

#include "net/error.h"
#include "text/autoreply.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace socketeer::ui {

class RulesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesDialog)
public:
    enum Column { EnabledColumn, MatchColumn, PatternColumn, ReplyColumn, FormatColumn, DelayColumn, TargetColumn, FiresColumn, ColumnCount };

    RulesDialog(const ReplyRuleSet &set, bool server, QWidget *parent = nullptr);

    // The rules as the table holds them (whether valid or not), and whether they compile.
    ReplyRuleSet ruleSet() const;
    Result<void> check() const;
    void setRuleSet(const ReplyRuleSet &set);
    // While the panel runs the rules are the worker's: shown and tried, but OK is refused with `reason`
    // (empty: editable again).
    void setLocked(const QString &reason);

    void addRule(const ReplyRule &rule = {});
    void removeCurrent();
    void moveCurrent(int by);
    // The rules file: read (replacing the table) or written; errors are shown and returned.
    Result<void> importFile(const QString &path);
    Result<void> exportFile(const QString &path);

    QTableWidget *table() const { return m_table; }
    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *testEdit() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *okButton() const;

private:
    void setRow(int row, const ReplyRule &rule);
    ReplyRule ruleAt(int row) const;
    void changed();
    void runTest();
    void importClicked();
    void exportClicked();

    bool m_server;
    QTableWidget *m_table;
    QComboBox *m_mode;
    QLineEdit *m_test;
    QLabel *m_testResult;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    ReplyRuleSet m_base;   // what the table has no column for: encoding, framing, rule names
    bool m_filling = false;
    QString m_locked;
};

} // namespace socketeer::ui
