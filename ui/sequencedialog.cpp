#include "sequencedialog.h"

#include "net/limits.h"
#include "taborder.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace socketeer::ui {

SequenceDialog::SequenceDialog(const Sequence &sequence, const QStringList &messageNames, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent),
      m_taken(takenNames),
      m_steps(sequence.steps),
      m_name(new QLineEdit(sequence.name, this)),
      m_repeat(new QSpinBox(this)),
      m_list(new QListWidget(this)),
      m_kind(new QComboBox(this)),
      m_stepFields(new QStackedWidget(this)),
      m_message(new QComboBox(this)),
      m_delay(new QSpinBox(this)),
      m_pattern(new QLineEdit(this)),
      m_timeout(new QSpinBox(this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(sequence.name.isEmpty() ? tr("New sequence") : tr("Edit sequence"));
    setObjectName(QStringLiteral("sequenceDialog"));
    m_name->setObjectName(QStringLiteral("sequenceName"));
    m_repeat->setObjectName(QStringLiteral("sequenceRepeat"));
    m_repeat->setRange(0, 1000000);
    m_repeat->setSpecialValueText(tr("until stopped"));
    m_repeat->setSuffix(tr(" time(s)"));
    m_repeat->setValue(sequence.repeat);
    m_list->setObjectName(QStringLiteral("sequenceSteps"));

    m_kind->setObjectName(QStringLiteral("stepKind"));
    m_kind->addItem(tr("Send message"));
    m_kind->addItem(tr("Wait (delay)"));
    m_kind->addItem(tr("Wait for a reply"));
    m_message->setObjectName(QStringLiteral("stepMessage"));
    m_message->addItems(messageNames);
    m_delay->setObjectName(QStringLiteral("stepDelay"));
    m_delay->setRange(0, limits::kSequenceStepMaxMs);
    m_delay->setValue(500);
    m_delay->setSuffix(tr(" ms"));
    m_pattern->setObjectName(QStringLiteral("stepPattern"));
    m_pattern->setPlaceholderText(tr("Regular expression, e.g. ^OK"));
    m_timeout->setObjectName(QStringLiteral("stepTimeout"));
    m_timeout->setRange(1, limits::kSequenceStepMaxMs);
    m_timeout->setValue(2000);
    m_timeout->setPrefix(tr("within "));
    m_timeout->setSuffix(tr(" ms"));
    m_stepFields->addWidget(m_message);
    m_stepFields->addWidget(m_delay);
    auto *waitFields = new QWidget(this);
    auto *waitRow = new QHBoxLayout(waitFields);
    waitRow->setContentsMargins(0, 0, 0, 0);
    waitRow->addWidget(m_pattern, 1);
    waitRow->addWidget(m_timeout);
    m_stepFields->addWidget(waitFields);
    connect(m_kind, &QComboBox::currentIndexChanged, m_stepFields, &QStackedWidget::setCurrentIndex);

    auto *add = new QPushButton(tr("&Add step"), this);
    add->setObjectName(QStringLiteral("addStep"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *up = new QPushButton(tr("&Up"), this);
    auto *down = new QPushButton(tr("&Down"), this);
    connect(add, &QPushButton::clicked, this, &SequenceDialog::addStep);
    connect(remove, &QPushButton::clicked, this, &SequenceDialog::removeStep);
    connect(up, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveStep(+1); });

    m_problem->setStyleSheet(theme::textStyle(theme::Role::Error));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Run&s:"), m_repeat);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_kind);
    addRow->addWidget(m_stepFields, 1);
    addRow->addWidget(add);
    auto *listButtons = new QVBoxLayout;
    listButtons->addWidget(up);
    listButtons->addWidget(down);
    listButtons->addWidget(remove);
    listButtons->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(listButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(listRow, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SequenceDialog::check);
    resize(600, 420);
    refresh();
    setTabOrderFromLayout(this);
}

QString SequenceDialog::describe(const SequenceStep &step)
{
    switch (step.kind) {
    case SequenceStep::Kind::Send: return tr("Send \"%1\"").arg(step.message);
    case SequenceStep::Kind::Delay: return tr("Wait %1 ms").arg(step.delayMs);
    case SequenceStep::Kind::Wait: return tr("Wait for a reply matching /%1/ within %2 ms").arg(step.pattern).arg(step.timeoutMs);
    }
    return {};
}

Sequence SequenceDialog::sequence() const
{
    Sequence sequence;
    sequence.name = m_name->text().trimmed();
    sequence.repeat = m_repeat->value();
    sequence.steps = m_steps;
    return sequence;
}

void SequenceDialog::addStep()
{
    SequenceStep step;
    switch (m_kind->currentIndex()) {
    case 0:
        if (m_message->currentText().isEmpty()) {
            m_problem->setText(tr("Save a message first: a send step names one"));
            return;
        }
        step.kind = SequenceStep::Kind::Send;
        step.message = m_message->currentText();
        break;
    case 1:
        step.kind = SequenceStep::Kind::Delay;
        step.delayMs = m_delay->value();
        break;
    default:
        step.kind = SequenceStep::Kind::Wait;
        step.pattern = m_pattern->text();
        step.timeoutMs = m_timeout->value();
        break;
    }
    if (auto checked = validateStep(step, static_cast<int>(m_steps.size())); !checked) {
        m_problem->setText(checked.error().message());
        return;
    }
    const int at = m_list->currentRow() >= 0 ? m_list->currentRow() + 1 : static_cast<int>(m_steps.size());
    m_steps.insert(at, step);
    refresh();
    m_list->setCurrentRow(at);
}

void SequenceDialog::removeStep()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_steps.removeAt(row);
    refresh();
    m_list->setCurrentRow(std::min(row, static_cast<int>(m_steps.size()) - 1));
}

void SequenceDialog::moveStep(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_steps.size())
        return;
    m_steps.move(row, to);
    refresh();
    m_list->setCurrentRow(to);
}

void SequenceDialog::refresh()
{
    m_list->clear();
    for (int i = 0; i < m_steps.size(); ++i)
        m_list->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(describe(m_steps.at(i))));
    check();
}

void SequenceDialog::check()
{
    QString problem;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        problem = tr("A name is needed");
    else if (m_taken.contains(name))
        problem = tr("Another sequence is called \"%1\" already").arg(name);
    else if (m_steps.isEmpty())
        problem = tr("Add at least one step");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace socketeer::ui
