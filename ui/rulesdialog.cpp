#include "rulesdialog.h"

#include "net/limits.h"
#include "text/encoding.h"
#include "taborder.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace socketeer::ui {

namespace {
// Kept on the pattern cell: what a rule has that the table shows no column for.
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kCaseRole = Qt::UserRole + 2;

constexpr MatchKind kKinds[] = {MatchKind::Exact, MatchKind::Contains, MatchKind::StartsWith, MatchKind::EndsWith, MatchKind::Regex, MatchKind::Hex};
} // namespace

RulesDialog::RulesDialog(const ReplyRuleSet &set, bool server, QWidget *parent)
    : QDialog(parent),
      m_server(server),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_mode(new QComboBox(this)),
      m_test(new QLineEdit(this)),
      m_testResult(new QLabel(this)),
      m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Auto-reply rules"));
    setObjectName(QStringLiteral("rulesDialog"));
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setHorizontalHeaderLabels({tr("On"), tr("Match"), tr("Pattern"), tr("Reply"), tr("Reply as"), tr("Delay"), tr("To"), tr("Fires")});
    m_table->horizontalHeaderItem(PatternColumn)
        ->setToolTip(tr("Text with escapes (\\r \\n \\xNN), a regular expression, or hex bytes with ?? for any byte and * for any rest"));
    m_table->horizontalHeaderItem(ReplyColumn)
        ->setToolTip(tr("Text with escapes and macros ({{counter}}, {{time}}…); after a regular expression \\1 or ${name} insert its groups"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(true);
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PatternColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ReplyColumn, QHeaderView::Stretch);
    m_table->setColumnHidden(TargetColumn, !server);

    m_mode->setObjectName(QStringLiteral("rulesMode"));
    m_mode->addItem(tr("First matching rule answers"), false);
    m_mode->addItem(tr("Every matching rule answers"), true);
    m_test->setObjectName(QStringLiteral("rulesTest"));
    m_test->setPlaceholderText(tr("Try a message: which rule fires and what it replies"));
    m_testResult->setObjectName(QStringLiteral("rulesTestResult"));
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("rulesError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(theme::textStyle(theme::Role::Error));

    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *up = new QPushButton(tr("Move &up"), this);
    auto *down = new QPushButton(tr("Move do&wn"), this);
    auto *importButton = new QPushButton(tr("&Import…"), this);
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    add->setObjectName(QStringLiteral("addRule"));
    remove->setObjectName(QStringLiteral("removeRule"));
    up->setObjectName(QStringLiteral("ruleUp"));
    down->setObjectName(QStringLiteral("ruleDown"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, remove, up, down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_mode);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);

    auto *test = new QHBoxLayout;
    test->addWidget(new QLabel(tr("Test"), this));
    test->addWidget(m_test, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(test);
    layout->addWidget(m_testResult);
    layout->addWidget(m_buttons);
    resize(900, 420);

    connect(add, &QPushButton::clicked, this, [this] { addRule(); });
    connect(remove, &QPushButton::clicked, this, &RulesDialog::removeCurrent);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(importButton, &QPushButton::clicked, this, &RulesDialog::importClicked);
    connect(exportButton, &QPushButton::clicked, this, &RulesDialog::exportClicked);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &RulesDialog::changed);
    connect(m_table, &QTableWidget::itemChanged, this, &RulesDialog::changed);
    connect(m_test, &QLineEdit::textChanged, this, &RulesDialog::runTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_locked.isEmpty() && check())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRuleSet(set);
    setTabOrderFromLayout(this);
}

QPushButton *RulesDialog::okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }

void RulesDialog::setRuleSet(const ReplyRuleSet &set)
{
    m_base = set;
    m_filling = true;
    m_table->setRowCount(0);
    for (const ReplyRule &rule : set.rules) {
        m_table->insertRow(m_table->rowCount());
        setRow(m_table->rowCount() - 1, rule);
    }
    m_mode->setCurrentIndex(set.allMatches ? 1 : 0);
    m_filling = false;
    changed();
}

void RulesDialog::setRow(int row, const ReplyRule &rule)
{
    const bool filling = m_filling;
    m_filling = true;
    auto *on = new QTableWidgetItem;
    on->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    on->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, EnabledColumn, on);

    auto *match = new QComboBox;
    match->addItem(tr("exact"));
    match->addItem(tr("contains"));
    match->addItem(tr("starts with"));
    match->addItem(tr("ends with"));
    match->addItem(tr("regex"));
    match->addItem(tr("hex"));
    match->setCurrentIndex(static_cast<int>(std::find(std::begin(kKinds), std::end(kKinds), rule.match) - std::begin(kKinds)));
    m_table->setCellWidget(row, MatchColumn, match);

    auto *pattern = new QTableWidgetItem(rule.pattern);
    pattern->setData(kNameRole, rule.name);
    pattern->setData(kCaseRole, rule.caseInsensitive);
    m_table->setItem(row, PatternColumn, pattern);
    m_table->setItem(row, ReplyColumn, new QTableWidgetItem(rule.reply));

    auto *format = new QComboBox;
    format->addItem(tr("text"));
    format->addItem(tr("hex"));
    format->setCurrentIndex(rule.format == ReplyFormat::Hex ? 1 : 0);
    m_table->setCellWidget(row, FormatColumn, format);

    auto *delay = new QSpinBox;
    delay->setRange(0, static_cast<int>(limits::kReplyMaxDelayMs));
    delay->setSuffix(tr(" ms"));
    delay->setValue(static_cast<int>(rule.delay.count()));
    m_table->setCellWidget(row, DelayColumn, delay);

    auto *target = new QComboBox;
    target->addItem(tr("sender"));
    target->addItem(tr("all clients"));
    target->setCurrentIndex(rule.target == ReplyTarget::All ? 1 : 0);
    m_table->setCellWidget(row, TargetColumn, target);

    auto *fires = new QSpinBox;
    fires->setRange(0, 1000000);
    fires->setSpecialValueText(tr("always"));
    fires->setPrefix(tr("at most "));
    fires->setValue(rule.maxFires);
    fires->setToolTip(tr("always, once (1) or at most N times, counted from the start"));
    m_table->setCellWidget(row, FiresColumn, fires);

    connect(match, &QComboBox::currentIndexChanged, this, &RulesDialog::changed);
    connect(format, &QComboBox::currentIndexChanged, this, &RulesDialog::changed);
    connect(target, &QComboBox::currentIndexChanged, this, &RulesDialog::changed);
    connect(delay, &QSpinBox::valueChanged, this, &RulesDialog::changed);
    connect(fires, &QSpinBox::valueChanged, this, &RulesDialog::changed);
    m_filling = filling;
}

ReplyRule RulesDialog::ruleAt(int row) const
{
    ReplyRule rule;
    const QTableWidgetItem *pattern = m_table->item(row, PatternColumn);
    const QTableWidgetItem *reply = m_table->item(row, ReplyColumn);
    const QTableWidgetItem *on = m_table->item(row, EnabledColumn);
    if (pattern) {
        rule.pattern = pattern->text();
        rule.name = pattern->data(kNameRole).toString();
        rule.caseInsensitive = pattern->data(kCaseRole).toBool();
    }
    if (reply)
        rule.reply = reply->text();
    rule.enabled = !on || on->checkState() == Qt::Checked;
    if (auto *match = qobject_cast<QComboBox *>(m_table->cellWidget(row, MatchColumn)))
        rule.match = kKinds[std::clamp(match->currentIndex(), 0, 5)];
    if (auto *format = qobject_cast<QComboBox *>(m_table->cellWidget(row, FormatColumn)))
        rule.format = format->currentIndex() == 1 ? ReplyFormat::Hex : ReplyFormat::Text;
    if (auto *delay = qobject_cast<QSpinBox *>(m_table->cellWidget(row, DelayColumn)))
        rule.delay = std::chrono::milliseconds(delay->value());
    if (auto *target = qobject_cast<QComboBox *>(m_table->cellWidget(row, TargetColumn)))
        rule.target = target->currentIndex() == 1 ? ReplyTarget::All : ReplyTarget::Sender;
    if (auto *fires = qobject_cast<QSpinBox *>(m_table->cellWidget(row, FiresColumn)))
        rule.maxFires = fires->value();
    return rule;
}

ReplyRuleSet RulesDialog::ruleSet() const
{
    ReplyRuleSet set = m_base;
    set.rules.clear();
    for (int row = 0; row < m_table->rowCount(); ++row)
        set.rules.append(ruleAt(row));
    set.allMatches = m_mode->currentData().toBool();
    return set;
}

Result<void> RulesDialog::check() const
{
    auto compiled = AutoReplier::compile(ruleSet());
    if (!compiled)
        return compiled.error();
    return {};
}

void RulesDialog::setLocked(const QString &reason)
{
    m_locked = reason;
    changed();
}

void RulesDialog::addRule(const ReplyRule &rule)
{
    const int row = m_table->currentRow() < 0 ? m_table->rowCount() : m_table->currentRow() + 1;
    m_table->insertRow(row);
    setRow(row, rule);
    m_table->setCurrentCell(row, PatternColumn);
    changed();
}

void RulesDialog::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    changed();
}

void RulesDialog::moveCurrent(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_table->rowCount())
        return;
    const ReplyRule moving = ruleAt(row);
    const ReplyRule other = ruleAt(to);
    setRow(to, moving);
    setRow(row, other);
    m_table->setCurrentCell(to, m_table->currentColumn());
    changed();
}

void RulesDialog::changed()
{
    if (m_filling)
        return;
    const Result<void> ok = check();
    m_error->setText(ok ? QString() : ok.error().detail);
    m_error->setVisible(!ok);
    okButton()->setEnabled(ok && m_locked.isEmpty());
    okButton()->setToolTip(!m_locked.isEmpty() ? m_locked : ok ? QString() : tr("A rule is invalid: %1").arg(ok.error().detail));
    runTest();
}

// The core's own matching on a fresh copy of the rules: what the worker would answer to this message
// as the first one it sees (fire counts start from zero).
void RulesDialog::runTest()
{
    if (m_test->text().isEmpty()) {
        m_testResult->clear();
        return;
    }
    const ReplyRuleSet set = ruleSet();
    auto compiled = AutoReplier::compile(set);
    if (!compiled) {
        m_testResult->setText(tr("The rules cannot be tried until they are valid."));
        return;
    }
    auto message = encodeText(m_test->text(), set.encoding);
    if (!message) {
        m_testResult->setText(message.error().message());
        return;
    }
    const QList<AutoReply> replies = (*compiled)->respond(*message);
    if (replies.isEmpty()) {
        m_testResult->setText(tr("No rule matches: nothing is sent."));
        return;
    }
    QStringList lines;
    for (const AutoReply &reply : replies) {
        if (!reply.error.isEmpty()) {
            lines << tr("Rule %1 matches but its reply cannot be built: %2").arg(reply.rule + 1).arg(reply.error);
            continue;
        }
        const bool hex = set.rules.value(reply.rule).format == ReplyFormat::Hex;
        const QString shown = hex ? toHexDisplay(reply.bytes) : decodeForDisplay(reply.bytes, set.encoding, {true, false});
        lines << tr("Rule %1 replies: %2").arg(reply.rule + 1).arg(shown);
    }
    m_testResult->setText(lines.join(QLatin1Char('\n')));
}

Result<void> RulesDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const Error error = Error::invalid(tr("Cannot read %1: %2").arg(path, file.errorString()));
        m_error->setText(error.message());
        m_error->setVisible(true);
        return error;
    }
    auto set = ReplyRuleSet::fromJson(file.readAll());
    if (!set) {
        const Error error = Error::invalid(QStringLiteral("%1: %2").arg(path, set.error().detail));
        m_error->setText(error.message());
        m_error->setVisible(true);
        return error;
    }
    setRuleSet(*set);
    return {};
}

Result<void> RulesDialog::exportFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ruleSet().toJson()) < 0 || !file.commit()) {
        const Error error = Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()));
        m_error->setText(error.message());
        m_error->setVisible(true);
        return error;
    }
    return {};
}

void RulesDialog::importClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import rules"), {}, tr("Rules (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void RulesDialog::exportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export rules"), QStringLiteral("rules.json"), tr("Rules (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportFile(path);
}

} // namespace socketeer::ui
