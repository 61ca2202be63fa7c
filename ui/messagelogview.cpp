#include "messagelogview.h"

#include "fieldmemory.h"
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QResizeEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace socketeer::ui {

MessageLogView::MessageLogView(QWidget *parent)
    : QWidget(parent),
      m_model(new MessageLogModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_hexButton(new QToolButton(this)),
      m_encodingCombo(new QComboBox(this)),
      m_filterEdit(new QLineEdit(this)),
      m_logCheck(new QCheckBox(tr("Log to file"), this)),
      m_maxEntries(new QSpinBox(this)),
      m_refresh(new QTimer(this))
{
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (!m_held.isEmpty()) {
            showHeld();
            m_refresh->start();   // still busy: keep the pace
        }
    });
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(MessageLogModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(MessageLogModel::DataColumn);

    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("messageLog"));
    m_table->setAccessibleDescription(tr("Everything sent and received, newest last; filter it above, copy or save it from its menu"));
    m_table->setAccessibleName(tr("Message log"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    // The model already ends a cut payload with "… (N more bytes)"; eliding again would lay out
    // every cell twice per paint, which under a flood is most of the GUI thread's time.
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths from the font, not ResizeToContents: that would measure every row again on
    // each insert, which under a flood is most of what the GUI thread does.
    sizeColumns();
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == MessageLogModel::DataColumn)
            fitPayloadsToTheirColumn();
    });

    m_hexButton->setText(tr("Hex"));
    m_hexButton->setCheckable(true);
    m_hexButton->setToolTip(tr("Show payloads as hex bytes instead of text (Ctrl+H)"));
    m_hexButton->setShortcut(QKeySequence(tr("Ctrl+H")));
    m_hexButton->setObjectName(QStringLiteral("hexViewButton"));

    for (TextEncoding e : allEncodings())
        m_encodingCombo->addItem(encodingName(e), static_cast<int>(e));
    m_encodingCombo->setToolTip(tr("How received and sent bytes are shown as text; bytes that do not decode appear as \\xNN"));
    m_encodingCombo->setObjectName(QStringLiteral("logEncoding"));

    m_filterEdit->setPlaceholderText(tr("Filter by text or peer…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    m_filterEdit->setAccessibleName(tr("Filter the log"));

    m_maxEntries->setRange(100, 1000000);
    m_maxEntries->setSingleStep(1000);
    m_maxEntries->setValue(m_model->maximumEntries());
    m_maxEntries->setToolTip(tr("Most messages kept in the log; counters stay exact whatever is dropped here"));
    m_maxEntries->setObjectName(QStringLiteral("logMaxEntries"));
    m_maxEntries->setAccessibleName(tr("Lines kept in the log"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_hexButton, m_encodingCombo, m_maxEntries})
        rememberField(field);

    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Clear the log"));
    auto *saveButton = new QToolButton(this);
    saveButton->setText(tr("Save…"));
    saveButton->setToolTip(tr("Save the log to a text file"));
    m_logCheck->setToolTip(tr("Append every message, in full, to a file as it happens"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_hexButton);
    bar->addWidget(m_encodingCombo);
    bar->addWidget(new QLabel(tr("Keep"), this));
    bar->addWidget(m_maxEntries);
    bar->addWidget(m_logCheck);
    bar->addWidget(saveButton);
    bar->addWidget(clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    layout->addWidget(m_splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &MessageLogView::applyFilter);
    connect(m_hexButton, &QToolButton::toggled, this, &MessageLogView::setHexView);
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, this, [this](int i) {
        setEncoding(static_cast<TextEncoding>(m_encodingCombo->itemData(i).toInt()));
    });
    connect(m_maxEntries, &QSpinBox::valueChanged, this, &MessageLogView::setMaximumEntries);
    connect(clearButton, &QToolButton::clicked, this, [this] {
        m_held.clear();
        m_model->clear();
    });
    connect(saveButton, &QToolButton::clicked, this, &MessageLogView::saveAs);
    connect(m_logCheck, &QCheckBox::toggled, this, &MessageLogView::toggleLogging);
}

MessageLogView::~MessageLogView() = default;

void MessageLogView::sizeColumns()
{
    const QFontMetrics metrics(m_table->font());
    const int padding = 2 * metrics.averageCharWidth();
    m_table->setColumnWidth(MessageLogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + padding);
    m_table->setColumnWidth(MessageLogModel::DirectionColumn, metrics.horizontalAdvance(QStringLiteral("←")) + 2 * padding);
    m_table->setColumnWidth(MessageLogModel::PeerColumn, metrics.horizontalAdvance(QStringLiteral("[::ffff:255.255.255.255]:65535")) + padding);
    m_table->setColumnWidth(MessageLogModel::SizeColumn, metrics.horizontalAdvance(QStringLiteral("000000000")) + padding);
}

void MessageLogView::fitPayloadsToTheirColumn()
{
    const QFontMetrics metrics(m_table->font());
    // Narrow characters (digits, "\\x") fit more than the average; a little slack covers them.
    // The Data column stretches to the view's edge, and Qt does not always report that as a
    // section resize: take whichever is wider, the section or the room the view leaves it.
    int others = 0;
    for (int column = 0; column < MessageLogModel::DataColumn; ++column)
        others += m_table->columnWidth(column);
    const int width = std::max(m_table->columnWidth(MessageLogModel::DataColumn), m_table->viewport()->width() - others);
    m_model->setDisplayCharacters(width * 5 / (4 * std::max(1, metrics.averageCharWidth())) + 8);
}

void MessageLogView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitPayloadsToTheirColumn();
}

void MessageLogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        sizeColumns();   // presentation mode
        fitPayloadsToTheirColumn();
    }
}

void MessageLogView::append(LogEntry entry)
{
    appendBatch({std::move(entry)});
}

void MessageLogView::appendBatch(QList<LogEntry> entries)
{
    for (LogEntry &entry : entries) {
        if (entry.timeMs == 0)
            entry.timeMs = QDateTime::currentMSecsSinceEpoch();
        if (m_logFile)
            writeToLog(entry);   // before the model keeps only the beginning of big payloads
        if (entry.size == 0)
            entry.size = entry.data.size();
        if (entry.data.size() > MessageLogModel::kKeptPerEntry)
            entry.data.truncate(MessageLogModel::kKeptPerEntry);   // the rest is counted, not held
    }
    // A message in a quiet moment shows at once; under a flood the rows go in at most every
    // kRefreshMs, so the table is laid out and painted a few times a second rather than after
    // every delivery (painting the rows is what would otherwise take the GUI thread's time).
    m_held.append(std::move(entries));
    if (m_held.size() > m_model->maximumEntries())   // older ones would be trimmed on arrival anyway
        m_held.remove(0, m_held.size() - m_model->maximumEntries());
    if (!m_refresh->isActive()) {
        showHeld();
        m_refresh->start();
    }
}

void MessageLogView::showHeld()
{
    if (m_held.isEmpty())
        return;
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool follow = scroll->value() >= scroll->maximum() - 2;
    m_model->appendBatch(std::exchange(m_held, {}));
    if (follow)
        m_table->scrollToBottom();
}

void MessageLogView::info(const QString &text, const QString &peer)
{
    append({0, LogEntry::Direction::Info, peer, {}, 0, text});
}

void MessageLogView::error(const QString &text, const QString &peer)
{
    append({0, LogEntry::Direction::Error, peer, {}, 0, text});
}

void MessageLogView::setEncoding(TextEncoding encoding)
{
    const int index = m_encodingCombo->findData(static_cast<int>(encoding));
    if (index >= 0 && index != m_encodingCombo->currentIndex())
        m_encodingCombo->setCurrentIndex(index);
    if (m_model->encoding() != encoding) {
        m_model->setEncoding(encoding);
        emit encodingChanged(encoding);
    }
}

void MessageLogView::setHexView(bool hex)
{
    if (m_hexButton->isChecked() != hex)
        m_hexButton->setChecked(hex);
    if (m_model->hexView() != hex) {
        m_model->setHexView(hex);
        applyFilter();
        emit hexViewChanged(hex);
    }
}

void MessageLogView::setMaximumEntries(int maximum)
{
    if (m_maxEntries->value() != maximum)
        m_maxEntries->setValue(maximum);
    m_model->setMaximumEntries(maximum);
}

int MessageLogView::visibleRowCount() const
{
    const_cast<MessageLogView *>(this)->showHeld();   // what is held is already "in" the log
    return m_proxy->rowCount();
}

void MessageLogView::addSidePane(QWidget *pane)
{
    m_splitter->addWidget(pane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(m_splitter->indexOf(pane), 2);
}

void MessageLogView::applyFilter()
{
    m_proxy->setFilterFixedString(m_filterEdit->text());
}

bool MessageLogView::saveTo(const QString &path, QString *errorMessage) const
{
    const_cast<MessageLogView *>(this)->showHeld();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    QTextStream out(&file);
    for (int row = 0; row < m_model->rowCount(); ++row)
        out << m_model->formatLine(m_model->entry(row)) << '\n';
    out.flush();
    if (!file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

void MessageLogView::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), QString(), tr("Text files (*.txt *.log);;All files (*)"));
    if (path.isEmpty())
        return;
    QString message;
    if (!saveTo(path, &message))
        QMessageBox::warning(this, tr("Save log"), tr("Could not save the log to %1: %2").arg(path, message));
}

bool MessageLogView::startLoggingTo(const QString &path, QString *errorMessage)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = file->errorString();
        return false;
    }
    m_logFile = std::move(file);
    if (!m_logCheck->isChecked()) {
        const QSignalBlocker blocker(m_logCheck);
        m_logCheck->setChecked(true);
    }
    m_logCheck->setToolTip(tr("Logging to %1").arg(path));
    return true;
}

void MessageLogView::stopLogging()
{
    m_logFile.reset();
    const QSignalBlocker blocker(m_logCheck);
    m_logCheck->setChecked(false);
    m_logCheck->setToolTip(tr("Append every message, in full, to a file as it happens"));
}

void MessageLogView::toggleLogging(bool on)
{
    if (!on) {
        stopLogging();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Log to file"), QString(), tr("Log files (*.log *.txt);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    QString message;
    if (path.isEmpty() || !startLoggingTo(path, &message)) {
        if (!path.isEmpty())
            QMessageBox::warning(this, tr("Log to file"), tr("Could not open %1: %2").arg(path, message));
        const QSignalBlocker blocker(m_logCheck);
        m_logCheck->setChecked(false);
    }
}

void MessageLogView::writeToLog(const LogEntry &entry)
{
    // The full payload, as the model would show it but without its display cut.
    LogEntry full = entry;
    if (full.size == 0)
        full.size = full.data.size();
    const QByteArray line = m_model->formatLine(full).toUtf8() + '\n';
    if (m_logFile->write(line) != line.size()) {
        const QString reason = m_logFile->errorString();
        stopLogging();
        error(tr("Logging to file stopped: %1").arg(reason));
        return;
    }
    m_logFile->flush();
}

} // namespace socketeer::ui
