#include "labsdock.h"

#include "addressinputs.h"
#include "languages.h"
#include "theme.h"
#include "timelineview.h"

#include "lab/labrunner.h"
#include "net/tracerecording.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace socketeer::ui {

namespace {

enum Column { StatusColumn, TitleColumn, PointsColumn };


} // namespace

// A step the lab gave no title, named by what it does.
QString LabsDock::kindTitle(LabStepKind kind)
{
    switch (kind) {
    case LabStepKind::Connect: return tr("Connect to the student's server");
    case LabStepKind::Listen: return tr("Wait for the student's client");
    case LabStepKind::Send: return tr("Send");
    case LabStepKind::Expect: return tr("Expect a reply");
    case LabStepKind::ExpectClose: return tr("Expect the connection to close");
    case LabStepKind::Close: return tr("Close the connection");
    case LabStepKind::Concurrent: return tr("Several clients at once");
    case LabStepKind::UdpSend: return tr("Send a datagram");
    case LabStepKind::UdpExpect: return tr("Expect a datagram");
    case LabStepKind::Inbox: return tr("Start the inbox");
    case LabStepKind::ExpectMail: return tr("Expect a mail in the inbox");
    }
    return labStepKindName(kind);
}

LabsDock::LabsDock(QWidget *parent)
    : QDockWidget(parent),
      m_labs(new QComboBox),
      m_open(new QPushButton),
      m_title(new QLabel),
      m_description(new QLabel),
      m_targetLabel(new QLabel),
      m_host(new HostEdit),
      m_port(new PortEdit),
      m_step(new QPushButton),
      m_run(new QPushButton),
      m_stop(new QPushButton),
      m_steps(new QTreeWidget),
      m_tabs(new QTabWidget),
      m_details(new QTextBrowser),
      m_timeline(new TimelineView),
      m_score(new QLabel),
      m_status(new QLabel),
      m_runner(new LabRunner(this))
{
    setObjectName(QStringLiteral("labsDock"));
    m_labs->setObjectName(QStringLiteral("labCombo"));
    m_labs->setToolTip(tr("The lab to run against the program under test"));
    for (const QString &name : builtInLabNames())
        m_labs->addItem(name, name);   // named by their titles in retranslate()
    m_open->setObjectName(QStringLiteral("labOpen"));
    m_title->setObjectName(QStringLiteral("labTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_host->setObjectName(QStringLiteral("labHost"));
    m_host->setText(QStringLiteral("127.0.0.1"));
    m_host->setMinimumWidth(m_host->fontMetrics().horizontalAdvance(QStringLiteral("255.255.255.255__")));
    m_port->setMinimumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("65535")) + 24);
    m_port->setObjectName(QStringLiteral("labPort"));
    m_port->setAccessibleName(tr("Port of the program under test"));
    m_targetLabel->setBuddy(m_host);
    m_step->setObjectName(QStringLiteral("labStep"));
    m_run->setObjectName(QStringLiteral("labRun"));
    m_stop->setObjectName(QStringLiteral("labStop"));
    m_steps->setObjectName(QStringLiteral("labSteps"));
    m_steps->setAccessibleDescription(tr("The lab's steps, with the points each one earned"));
    m_steps->setAccessibleName(tr("Lab steps"));
    m_steps->setColumnCount(3);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_steps->header()->setStretchLastSection(false);
    m_details->setObjectName(QStringLiteral("labDetails"));
    m_details->setToolTip(tr("What the selected step sent, expected and received"));
    m_details->setAccessibleName(tr("Step details"));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QTextEdit::WidgetWidth);   // a hint is a sentence: read whole, not scrolled
    m_timeline->setFedByOwner(true);   // this run's calls only, not every socket in the window
    m_tabs->setObjectName(QStringLiteral("labDetailsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, QString());
    m_tabs->addTab(m_timeline, QString());
    m_score->setObjectName(QStringLiteral("labScore"));
    m_score->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("labStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *choose = new QHBoxLayout;
    choose->addWidget(m_labs, 1);
    choose->addWidget(m_open);
    auto *target = new QHBoxLayout;
    target->addWidget(m_targetLabel);
    target->addWidget(m_host, 3);
    target->addWidget(m_port);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_step);
    buttons->addWidget(m_run);
    buttons->addWidget(m_stop);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_steps);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(choose);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addLayout(target);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(m_score);
    layout->addWidget(m_status);
    setWidget(content);

    connect(m_labs, &QComboBox::activated, this, [this] { openLab(m_labs->currentData().toString()); });
    connect(m_open, &QPushButton::clicked, this, &LabsDock::chooseFile);
    connect(m_step, &QPushButton::clicked, this, &LabsDock::step);
    connect(m_run, &QPushButton::clicked, this, &LabsDock::run);
    connect(m_stop, &QPushButton::clicked, this, &LabsDock::stop);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &LabsDock::showDetails);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &LabsDock::showStepOnTimeline);
    connect(m_host, &QLineEdit::textChanged, this, &LabsDock::updateControls);
    connect(m_port, &PortEdit::validityChanged, this, &LabsDock::updateControls);
    connect(m_runner, &LabRunner::stepFinished, this, &LabsDock::stepFinished);
    connect(m_runner, &LabRunner::finished, this, &LabsDock::finished);
    connect(m_runner, &LabRunner::waitingForNext, this, &LabsDock::waitingForNext);
    connect(m_runner, &LabRunner::listening, this, [this](const QString &host, quint16 port) {
        setStatus(tr("Waiting for the student's client: connect it to %1 port %2.").arg(host).arg(port), false);
    });
    retranslate();
    if (m_labs->count() > 0)
        openLab(m_labs->itemData(0).toString());
    updateControls();
}

LabsDock::~LabsDock() = default;

QString LabsDock::language() const
{
    const QString installed = installedLanguage();
    return installed.isEmpty() ? systemLanguage() : installed;
}

QString LabsDock::statusText() const
{
    return m_status->text();
}

bool LabsDock::isRunning() const
{
    return m_runner->isRunning();
}

bool LabsDock::openLab(const QString &pathOrName)
{
    if (isRunning()) {
        setStatus(tr("Stop the lab that is running first."), true);
        return false;
    }
    auto lab = readLab(pathOrName);
    if (!lab) {
        setStatus(tr("Could not open the lab %1: %2").arg(pathOrName, lab.error().message()), true);
        return false;
    }
    m_lab = std::move(lab).value();
    m_result.reset();
    int index = m_labs->findData(pathOrName);
    if (index < 0) {
        m_labs->addItem(QFileInfo(pathOrName).fileName(), pathOrName);
        index = m_labs->count() - 1;
    }
    m_labs->setCurrentIndex(index);
    if (m_lab->port != 0)
        m_port->setPort(m_lab->port);
    if (!m_lab->host.isEmpty())
        m_host->setText(m_lab->host);
    showLab();
    setStatus({}, false);
    return true;
}

void LabsDock::showLab()
{
    m_steps->clear();
    m_details->clear();
    m_score->clear();
    m_stepResults.clear();
    if (!m_lab) {
        m_title->clear();
        m_description->clear();
        updateControls();
        return;
    }
    const QString lang = language();
    m_title->setText(m_lab->title.in(lang));
    m_description->setText(m_lab->description.in(lang));
    m_description->setVisible(!m_description->text().isEmpty());
    for (qsizetype i = 0; i < m_lab->steps.size(); ++i) {
        const LabStep &step = m_lab->steps.at(i);
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(StatusColumn, QString::number(i + 1));
        const QString title = step.hidden ? tr("hidden step") : step.title.in(lang);
        item->setText(TitleColumn, title.isEmpty() ? kindTitle(step.kind) : title);
        item->setText(PointsColumn, QString::number(step.points));
        m_stepResults.append(std::nullopt);
    }
    m_steps->resizeColumnToContents(StatusColumn);
    m_steps->resizeColumnToContents(PointsColumn);
    updateControls();
}

bool LabsDock::run()
{
    if (isRunning()) {
        if (!m_stepMode)
            return false;
        // The rest of a stepped run, at once.
        m_stepMode = false;
        markNextStep(-1);
        m_runner->runRest();
        setStatus(tr("Running…"), false);
        updateControls();
        return true;
    }
    return startRun(false);
}

bool LabsDock::step()
{
    if (!isRunning()) {
        if (!startRun(true))
            return false;
    } else if (!m_stepMode || m_waitingFor < 0) {
        return false;   // a step is running: Step is enabled again when it is done
    }
    setStatus(tr("Running step %1…").arg(std::max(m_waitingFor, 0) + 1), false);
    markNextStep(-1);
    m_runner->next();
    updateControls();
    return true;
}

bool LabsDock::startRun(bool stepMode)
{
    if (!m_lab) {
        setStatus(tr("Choose a lab first."), true);
        return false;
    }
    if (isRunning())
        return false;
    LabRunOptions options;
    options.language = language();
    if (m_lab->target != LabTargetKind::TcpClient) {
        if (!m_host->isValid() || m_host->host().isEmpty()) {
            setStatus(m_host->isValid() ? tr("Type the host the student's program runs on.") : m_host->errorText(), true);
            return false;
        }
        if (!m_port->isValid() || m_port->port() == 0) {
            setStatus(m_port->isValid() ? tr("Type the port the student's program listens on.") : m_port->errorText(), true);
            return false;
        }
        options.host = m_host->host();
        options.port = m_port->port();
    }
    showLab();   // every step back to "not run yet"
    m_result.reset();
    // This run's calls from the start: a recorder alive while the run is, its calls to the
    // timeline as each step reports.
    m_timeline->clear();
    m_calls.clear();
    delete m_recorder;
    m_recorder = new TraceRecorder(this);
    connect(m_recorder, &TraceRecorder::eventsRecorded, this, &LabsDock::takeCalls);
    if (!m_runner->start(*m_lab, options, stepMode)) {
        delete m_recorder;
        m_recorder = nullptr;
        setStatus(tr("A lab is already running."), true);
        return false;
    }
    m_stepMode = stepMode;
    setStatus(tr("Running…"), false);
    updateControls();
    return true;
}

void LabsDock::waitingForNext(int index)
{
    m_waitingFor = index;
    markNextStep(index);
    setStatus(tr("Step %1 is next: Step runs it, Run runs the rest.").arg(index + 1), false);
    updateControls();
}

// The step a stepped run waits to run: "▶ 3" in bold; -1 takes the mark away.
void LabsDock::markNextStep(int index)
{
    if (index < 0)
        m_waitingFor = -1;
    for (int row = 0; row < m_steps->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_steps->topLevelItem(row);
        const bool next = row == index;
        if (row < m_stepResults.size() && !m_stepResults.at(row))
            item->setText(StatusColumn, next ? QStringLiteral("▶ %1").arg(row + 1) : QString::number(row + 1));
        QFont font = item->font(TitleColumn);
        font.setBold(next);
        for (int column = 0; column < m_steps->columnCount(); ++column)
            item->setFont(column, font);
    }
    if (index >= 0)
        m_steps->scrollToItem(m_steps->topLevelItem(index));
    m_steps->resizeColumnToContents(StatusColumn);
}

void LabsDock::takeCalls(const QList<TraceEvent> &events)
{
    for (const TraceEvent &event : events)
        if (LabRunner::isLabThread(event.thread))
            m_calls.append(event);
}

// The calls that came up to the end of `upTo` go to the timeline, except a hidden step's (what it
// sent and expected is the teacher's secret); nullptr: every call left (the run ended).
void LabsDock::passCallsToTimeline(const LabStepResult *upTo)
{
    if (!m_recorder)
        return;
    m_recorder->flush();   // the worker recorded the step's calls before it reported the step
    QList<TraceEvent> shown, later;
    for (const TraceEvent &event : std::as_const(m_calls)) {
        if (upTo && event.sequence > upTo->traceTo)
            later.append(event);
        else if (!(upTo && upTo->hidden && event.sequence > upTo->traceFrom))
            shown.append(event);
    }
    m_calls = later;
    if (!shown.isEmpty())
        m_timeline->addLiveEvents(shown);
}

// The selected step's first call, selected on the timeline too.
void LabsDock::showStepOnTimeline()
{
    const int row = m_steps->indexOfTopLevelItem(m_steps->currentItem());
    if (row < 0 || row >= m_stepResults.size() || !m_stepResults.at(row))
        return;
    const LabStepResult &result = *m_stepResults.at(row);
    TraceRecording *recording = m_timeline->recording();
    for (qsizetype i = 0; i < recording->shownCount(); ++i) {
        const TraceEvent &event = recording->shown(i);
        if (event.sequence > result.traceFrom && event.sequence <= result.traceTo && LabRunner::isLabThread(event.thread)) {
            recording->setCursor(i);
            return;
        }
    }
}

void LabsDock::stop()
{
    m_runner->stop();
}

void LabsDock::stepFinished(const LabStepResult &result)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(result.index);
    if (!item)
        return;
    passCallsToTimeline(&result);
    m_stepResults[result.index] = result;
    item->setText(StatusColumn, result.passed ? QStringLiteral("✔ %1").arg(result.index + 1) : QStringLiteral("✘ %1").arg(result.index + 1));
    // A step the lab titled is shown by the runner's title in the report's language; an untitled
    // one keeps the dock's own description (the runner names it by its kind, in English).
    if (!result.hidden && !result.title.isEmpty() && m_lab && result.index < m_lab->steps.size()
        && !m_lab->steps.at(result.index).title.isEmpty())
        item->setText(TitleColumn, result.title);
    item->setText(PointsColumn, QStringLiteral("%1/%2").arg(result.points).arg(result.maxPoints));
    m_steps->resizeColumnToContents(StatusColumn);   // "✘ 11" is wider than the "11" it replaces
    m_steps->resizeColumnToContents(PointsColumn);
    for (int column = 0; column < m_steps->columnCount(); ++column)
        item->setForeground(column, theme::colour(result.passed ? theme::Role::Success : theme::Role::Error));
    item->setToolTip(TitleColumn, result.passed ? tr("Passed") : tr("Failed: %1").arg(result.hidden ? tr("details hidden") : result.problem));
    // The first failure is where a student looks: show it; otherwise follow the run.
    const bool failedBefore = std::any_of(m_stepResults.cbegin(), m_stepResults.cbegin() + result.index,
                                          [](const std::optional<LabStepResult> &r) { return r && !r->passed; });
    if (!failedBefore)
        m_steps->setCurrentItem(item);
    showDetails();
}

void LabsDock::finished(const LabRunResult &result)
{
    passCallsToTimeline(nullptr);   // the connections closed as the run ended
    delete m_recorder;
    m_recorder = nullptr;
    m_stepMode = false;
    markNextStep(-1);
    m_result = result;
    m_score->setText(labScoreLine(result));
    m_score->setStyleSheet(result.passed() ? theme::textStyle(theme::Role::Success) : theme::textStyle(theme::Role::Error));
    setStatus(result.passed() ? tr("Every step passed.") : result.aborted ? tr("Stopped.") : tr("Some steps failed: select one to see why."), false);
    updateControls();
    emit runFinished(result);
}

void LabsDock::showDetails()
{
    const int row = m_steps->indexOfTopLevelItem(m_steps->currentItem());
    if (row < 0 || row >= m_stepResults.size() || !m_stepResults.at(row)) {
        m_details->setPlainText(row >= 0 ? tr("Not run yet.") : QString());
        return;
    }
    m_details->setPlainText(labStepReport(*m_stepResults.at(row)));
}

void LabsDock::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a lab"), QDir::homePath(), tr("Labs (*.json);;All files (*)"));
    if (!path.isEmpty())
        openLab(path);
}

void LabsDock::updateControls()
{
    const bool running = isRunning();
    const bool needsTarget = m_lab && m_lab->target != LabTargetKind::TcpClient;
    m_targetLabel->setVisible(needsTarget);
    m_host->setVisible(needsTarget);
    m_port->setVisible(needsTarget);
    m_host->setEnabled(!running);
    m_port->setEnabled(!running);
    m_labs->setEnabled(!running);
    m_open->setEnabled(!running);
    m_step->setEnabled(m_lab.has_value() && (!running || (m_stepMode && m_waitingFor >= 0)));
    m_run->setEnabled(m_lab.has_value() && (!running || m_stepMode));
    m_stop->setEnabled(running);
}

void LabsDock::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

void LabsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!isRunning())
            showLab();   // the lab's own texts in the new language
    }
    QDockWidget::changeEvent(event);
}

void LabsDock::retranslate()
{
    setWindowTitle(tr("Labs"));
    m_open->setText(tr("&Open…"));
    m_open->setToolTip(tr("Open a lab file a teacher wrote (docs/LABS.md)"));
    m_step->setText(tr("S&tep"));
    m_step->setToolTip(tr("Run the next step, then wait (the connections stay open)"));
    m_run->setText(tr("&Run"));
    m_run->setToolTip(tr("Run every step at once, or the rest of the steps"));
    m_stop->setText(tr("&Stop"));
    m_stop->setToolTip(tr("Stop the run now"));
    m_tabs->setTabText(m_tabs->indexOf(m_details), tr("Details"));
    m_tabs->setTabText(m_tabs->indexOf(m_timeline), tr("Timeline"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_timeline), tr("The socket calls of this run; selecting a step selects its first call"));
    m_targetLabel->setText(tr("Student's &program:"));
    m_host->setToolTip(tr("The host the student's server runs on"));
    m_port->setToolTip(tr("The port the student's server listens on"));
    m_steps->setHeaderLabels({tr("Step"), tr("What it checks"), tr("Points")});
    // The built-in labs by their titles in the window's language; the file name in the tooltip.
    const QStringList builtIn = builtInLabNames();
    for (int i = 0; i < m_labs->count(); ++i) {
        const QString name = m_labs->itemData(i).toString();
        if (!builtIn.contains(name))
            continue;
        const auto lab = readLab(name);
        if (lab && !lab->title.isEmpty())
            m_labs->setItemText(i, lab->title.in(language()));
        m_labs->setItemData(i, name, Qt::ToolTipRole);
    }
    updateControls();
}

} // namespace socketeer::ui
