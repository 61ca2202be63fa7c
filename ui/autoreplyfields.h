#pragma once
// A panel's auto-reply rules (core/text/autoreply.h, docs/RULES.md): an "Auto-reply" check box, a
// badge that says at a glance that rules are on and how many, and "Rules…" opening RulesDialog.
// The rules are compiled when the panel starts (listen, connect, bind) and handed to the worker
// through the config; the core takes them only then, so they are locked while the panel runs.
// Saved with the panel's other fields: the rule set as JSON in a hidden remembered field.

#include "messagelogmodel.h"

#include "net/error.h"
#include "text/autoreply.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace socketeer::ui {

class FramingBar;
class RulesDialog;

class AutoReplyFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoReplyFields)
public:
    // `server`: rules may answer every client ("to all"); the client and UDP answer the sender.
    explicit AutoReplyFields(bool server, QWidget *parent = nullptr);

    const ReplyRuleSet &ruleSet() const { return m_set; }
    void setRuleSet(const ReplyRuleSet &set);
    bool isOn() const;
    // What the panel's config takes when it starts: null when auto-reply is off or has no rules;
    // an error naming the rule when one is invalid. Without framing of their own the rules split
    // the stream as the panel's receive framing does (as `--frame` does on the command line).
    Result<std::shared_ptr<const AutoReplier>> replier(const FramingBar *panelFraming) const;
    // The core takes the rules when the panel starts: while it runs they are shown, not edited.
    void setRunning(bool running);

    // The log rows of one automatic reply: a sent row noted with the rule, or an error row.
    LogEntry replyEntry(const QString &peer, int rule, const QByteArray &bytes, const QString &error) const;

    QCheckBox *enableCheck() const { return m_enable; }
    QLabel *badge() const { return m_badge; }
    QPushButton *rulesButton() const { return m_edit; }
    // The dialog "Rules…" opened (non-modal, so tests and screenshots can reach it), or null.
    RulesDialog *dialog() const { return m_dialog; }

public slots:
    void editRules();

signals:
    void rulesChanged();

private:
    void storeChanged();
    void updateBadge();

    bool m_server;
    QCheckBox *m_enable;
    QLabel *m_badge;
    QPushButton *m_edit;
    QPlainTextEdit *m_store;   // hidden: the JSON that fieldmemory saves and restores
    RulesDialog *m_dialog = nullptr;
    ReplyRuleSet m_set;
    bool m_running = false;
    bool m_storing = false;
};

} // namespace socketeer::ui
