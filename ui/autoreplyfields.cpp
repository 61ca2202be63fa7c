#include "autoreplyfields.h"

#include "fieldmemory.h"
#include "framingbar.h"
#include "framingfields.h"
#include "rulesdialog.h"
#include "theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace socketeer::ui {

AutoReplyFields::AutoReplyFields(bool server, QWidget *parent)
    : QWidget(parent),
      m_server(server),
      m_enable(new QCheckBox(tr("Auto-re&ply"), this)),
      m_badge(new QLabel(this)),
      m_edit(new QPushButton(tr("R&ules…"), this)),
      m_store(new QPlainTextEdit(this))
{
    m_enable->setObjectName(QStringLiteral("autoReplyCheck"));
    m_enable->setToolTip(tr("Answer received messages by the rules, on the worker thread that reads them"));
    m_badge->setObjectName(QStringLiteral("autoReplyBadge"));
    m_badge->setTextFormat(Qt::PlainText);
    m_edit->setObjectName(QStringLiteral("rulesButton"));
    m_edit->setToolTip(tr("Edit the rules that answer incoming messages by themselves"));
    m_store->setObjectName(QStringLiteral("autoReplyRules"));
    m_store->setToolTip(tr("One rule per line: when a message matches, the reply is sent by itself"));
    m_store->setAccessibleName(tr("Auto-reply rules"));
    m_store->hide();
    rememberField(m_enable);
    rememberField(m_store);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enable);
    layout->addWidget(m_badge);
    layout->addWidget(m_edit);
    layout->addStretch(1);
    connect(m_enable, &QCheckBox::toggled, this, [this] {
        updateBadge();
        emit rulesChanged();
    });
    connect(m_edit, &QPushButton::clicked, this, &AutoReplyFields::editRules);
    // A restored panel sets the JSON text: the rules follow it.
    connect(m_store, &QPlainTextEdit::textChanged, this, &AutoReplyFields::storeChanged);
    updateBadge();
}

bool AutoReplyFields::isOn() const { return m_enable->isChecked(); }

void AutoReplyFields::setRuleSet(const ReplyRuleSet &set)
{
    m_set = set;
    m_storing = true;
    m_store->setPlainText(set.rules.isEmpty() ? QString() : QString::fromUtf8(set.toJson()));
    m_storing = false;
    updateBadge();
    emit rulesChanged();
}

void AutoReplyFields::storeChanged()
{
    if (m_storing)
        return;
    const QByteArray json = m_store->toPlainText().toUtf8();
    // Saved by this very widget, so it reads back; a hand-edited file that does not is dropped
    // rather than half applied.
    auto set = json.trimmed().isEmpty() ? Result<ReplyRuleSet>(ReplyRuleSet{}) : ReplyRuleSet::fromJson(json);
    m_set = set ? *set : ReplyRuleSet{};
    updateBadge();
    emit rulesChanged();
}

Result<std::shared_ptr<const AutoReplier>> AutoReplyFields::replier(const FramingBar *panelFraming) const
{
    if (!isOn() || m_set.rules.isEmpty())
        return std::shared_ptr<const AutoReplier>();
    ReplyRuleSet set = m_set;
    if (!set.framing && panelFraming) {
        // A framing that is wrong is said by the framing fields themselves; the rules then keep lines.
        const Result<FrameSpec> spec = panelFraming->framing()->spec();
        if (spec && spec->kind != FrameKind::None)
            set.framing = *spec;
    }
    auto compiled = AutoReplier::compile(set);
    if (!compiled)
        return Error::invalid(tr("Auto-reply: %1").arg(compiled.error().detail));
    return std::move(compiled).value();
}

void AutoReplyFields::setRunning(bool running)
{
    m_running = running;
    m_enable->setEnabled(!running);
    const QString why = running ? tr("The rules are given to the worker when it starts: stop to change them.") : QString();
    m_enable->setToolTip(running ? why : tr("Answer received messages by the rules, on the worker thread that reads them"));
    m_edit->setToolTip(running ? why : tr("Edit the rules that answer incoming messages by themselves"));
    if (m_dialog)
        m_dialog->setLocked(why);
}

void AutoReplyFields::editRules()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new RulesDialog(m_set, m_server, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_running)
        m_dialog->setLocked(tr("The rules are given to the worker when it starts: stop to change them."));
    connect(m_dialog, &QDialog::accepted, this, [this] {
        if (m_running)
            return;
        setRuleSet(m_dialog->ruleSet());
        // Editing rules means wanting them: a first rule turns auto-reply on.
        if (!m_set.rules.isEmpty() && !m_enable->isChecked())
            m_enable->setChecked(true);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void AutoReplyFields::updateBadge()
{
    const int count = static_cast<int>(m_set.rules.size());
    if (isOn() && count > 0) {
        m_badge->setText(tr("Auto-reply: %n rule(s)", nullptr, count));
        m_badge->setStyleSheet(QStringLiteral("color: white; background: #1a73e8; border-radius: 3px; padding: 1px 6px; font-weight: bold;"));
    } else {
        m_badge->setText(isOn() ? tr("no rules") : (count > 0 ? tr("off (%n rule(s))", nullptr, count) : QString()));
        m_badge->setStyleSheet(theme::textStyle(theme::Role::Muted));
    }
    m_badge->setVisible(!m_badge->text().isEmpty());
}

LogEntry AutoReplyFields::replyEntry(const QString &peer, int rule, const QByteArray &bytes, const QString &error) const
{
    if (!error.isEmpty())
        return {0, LogEntry::Direction::Error, peer, {}, 0, tr("auto reply (rule %1) not sent: %2").arg(rule + 1).arg(error)};
    return {0, LogEntry::Direction::Sent, peer, bytes, bytes.size(), {}, tr("auto reply (rule %1)").arg(rule + 1)};
}

} // namespace socketeer::ui
