#include "savedmessagesdock.h"

#include "text/macros.h"
#include "theme.h"

#include "panelaccess.h"
#include "savedmessagedialog.h"
#include "savedstore.h"
#include "sendbox.h"
#include "sequencedialog.h"

#include "saved/sequencerunner.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace socketeer::ui {

namespace {

QPushButton *button(const QString &text, const char *name, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
}

} // namespace

SavedMessagesDock::SavedMessagesDock(SavedStore *store, QWidget *parent)
    : QDockWidget(tr("Saved messages"), parent),
      m_store(store),
      m_filter(new QLineEdit(this)),
      m_tree(new QTreeWidget(this)),
      m_status(new QLabel(this)),
      m_undo(new QPushButton(tr("&Undo"), this)),
      m_sequences(new QComboBox(this)),
      m_run(new QPushButton(tr("&Run"), this)),
      m_progress(new QProgressBar(this)),
      m_runner(new SequenceRunner(this))
{
    setObjectName(QStringLiteral("savedMessagesDock"));
    m_filter->setObjectName(QStringLiteral("savedFilter"));
    m_filter->setAccessibleName(tr("Filter saved messages"));
    m_filter->setPlaceholderText(tr("Search saved messages"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("savedTree"));
    m_tree->setAccessibleDescription(tr("Saved messages in folders: double-click one to send it"));
    m_tree->setAccessibleName(tr("Saved messages"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Message"), tr("Key")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("Double-click (or Ctrl+1…9) sends to the current tab"));
    m_status->setObjectName(QStringLiteral("savedStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_undo->setObjectName(QStringLiteral("savedUndo"));
    m_undo->setToolTip(tr("Undo the last change to the saved messages"));
    m_undo->hide();
    m_sequences->setObjectName(QStringLiteral("sequenceBox"));
    m_sequences->setToolTip(tr("A saved sequence of messages to send in order"));
    m_sequences->setAccessibleName(tr("Sequence"));
    m_sequences->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sequences->setMinimumContentsLength(16);
    m_run->setObjectName(QStringLiteral("runSequence"));
    m_progress->setObjectName(QStringLiteral("sequenceProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    m_progress->setTextVisible(true);

    auto *save = button(tr("&Save…"), "saveMessage", tr("Save what the current tab's send box holds"), this);
    auto *edit = button(tr("&Edit…"), "editMessage", tr("Edit or rename the selected message"), this);
    auto *remove = button(tr("&Delete"), "deleteMessage", tr("Delete the selected message (Undo brings it back)"), this);
    auto *up = button(QStringLiteral("↑"), "moveUp", tr("Move the selected message up in its folder"), this);
    auto *down = button(QStringLiteral("↓"), "moveDown", tr("Move the selected message down in its folder"), this);
    auto *import = button(tr("&Import…"), "importSaved", tr("Add the messages and sequences of a JSON file"), this);
    auto *exportButton = button(tr("E&xport…"), "exportSaved", tr("Write all saved messages and sequences to a JSON file"), this);
    auto *newSequence = button(tr("&New…"), "newSequence", tr("Make a sequence of saved messages, delays and reply waits"), this);
    auto *editSequenceButton = button(tr("Edi&t…"), "editSequence", tr("Edit the chosen sequence"), this);
    auto *removeSequence = button(tr("Re&move"), "deleteSequence", tr("Remove the chosen sequence"), this);
    m_run->setToolTip(tr("Run the chosen sequence against the current tab"));
    for (QPushButton *b : {up, down})
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("↑↑↑")) + 16);

    auto *messageButtons = new QHBoxLayout;
    messageButtons->addWidget(save);
    messageButtons->addWidget(edit);
    messageButtons->addWidget(remove);
    messageButtons->addWidget(up);
    messageButtons->addWidget(down);
    messageButtons->addStretch(1);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(import);
    fileButtons->addWidget(exportButton);
    fileButtons->addStretch(1);
    fileButtons->addWidget(m_undo);
    auto *sequenceRow = new QHBoxLayout;
    sequenceRow->addWidget(new QLabel(tr("Sequence:"), this));
    sequenceRow->addWidget(m_sequences, 1);
    auto *sequenceButtons = new QHBoxLayout;
    sequenceButtons->addWidget(newSequence);
    sequenceButtons->addWidget(editSequenceButton);
    sequenceButtons->addWidget(removeSequence);
    sequenceButtons->addStretch(1);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_progress, 1);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addLayout(messageButtons);
    layout->addLayout(fileButtons);
    layout->addLayout(sequenceRow);
    layout->addLayout(sequenceButtons);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    setWidget(body);

    connect(m_filter, &QLineEdit::textChanged, this, &SavedMessagesDock::applyFilter);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (const int index = item->data(0, kIndexRole).toInt(); index >= 0)
            sendMessage(index);
    });
    connect(save, &QPushButton::clicked, this, &SavedMessagesDock::saveFromSendBox);
    connect(edit, &QPushButton::clicked, this, [this] { editMessage(selectedMessage()); });
    connect(remove, &QPushButton::clicked, this, [this] { removeMessage(selectedMessage()); });
    connect(m_undo, &QPushButton::clicked, this, &SavedMessagesDock::undoRemove);
    connect(up, &QPushButton::clicked, this, [this] { moveMessage(selectedMessage(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveMessage(selectedMessage(), +1); });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import saved messages"), {}, tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export saved messages"), QStringLiteral("saved-messages.json"),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(newSequence, &QPushButton::clicked, this, [this] { editSequence(-1); });
    connect(editSequenceButton, &QPushButton::clicked, this, [this] { editSequence(m_sequences->currentIndex()); });
    connect(removeSequence, &QPushButton::clicked, this, [this] {
        const int index = m_sequences->currentIndex();
        if (index < 0)
            return;
        const QString name = m_store->library().sequences.at(index).name;
        if (QMessageBox::question(this, tr("Delete sequence"), tr("Delete the sequence \"%1\"?").arg(name)) != QMessageBox::Yes)
            return;
        if (auto done = m_store->removeSequence(index); !done)
            showStatus(done.error().message(), true);
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_runner->isRunning())
            stopSequence();
        else
            runSequence(m_sequences->currentText());
    });
    connect(m_runner, &SequenceRunner::progressChanged, this, [this](int step, int steps, int round, int rounds) {
        if (rounds == 0) {
            m_progress->setRange(0, steps);
            m_progress->setValue(step);
            m_progress->setFormat(tr("step %1 of %2 · round %3").arg(step).arg(steps).arg(round));
        } else {
            m_progress->setRange(0, steps * rounds);
            m_progress->setValue((round - 1) * steps + step);
            m_progress->setFormat(tr("step %1 of %2 · round %3 of %4").arg(step).arg(steps).arg(round).arg(rounds));
        }
    });
    connect(m_runner, &SequenceRunner::waiting, this, [this](const QString &pattern, int timeoutMs) {
        showStatus(tr("Waiting up to %1 ms for a reply matching /%2/").arg(timeoutMs).arg(pattern));
    });
    connect(m_runner, &SequenceRunner::finished, this, [this](SequenceRunner::Outcome outcome, const QString &reason) {
        onSequenceFinished(static_cast<int>(outcome), reason);
    });
    connect(m_store, &SavedStore::changed, this, &SavedMessagesDock::rebuild);

    rebuild();
    updateRunControls();
    if (!m_store->problem().isEmpty())
        showStatus(tr("Your saved messages could not be read: %1").arg(m_store->problem()), true);
}

SavedMessagesDock::~SavedMessagesDock() = default;

void SavedMessagesDock::setBytesFunction(SavedBytesFunction function)
{
    m_bytesFor = function;
    m_runner->setBytesFunction(std::move(function));
}

void SavedMessagesDock::installShortcuts(QWidget *window)
{
    for (int n = 1; n <= 9; ++n) {
        auto *action = new QAction(tr("Send saved message %1").arg(n), window);
        action->setObjectName(QStringLiteral("sendSaved%1").arg(n));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, n] {
            if (n - 1 < m_store->library().messages.size())
                sendMessage(n - 1);
        });
        window->addAction(action);
    }
}

QString SavedMessagesDock::statusText() const { return m_status->text(); }

void SavedMessagesDock::showStatus(const QString &text, bool isError)
{
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
    m_status->setText(text);
}

SendBox *SavedMessagesDock::currentSendBox(QString *why) const
{
    SendBox *box = m_currentPanel ? sendBoxOf(m_currentPanel()) : nullptr;
    if (!box) {
        *why = tr("This tab cannot send: choose the server, a client or the UDP tab");
        return nullptr;
    }
    if (!box->canSend()) {
        *why = tr("Nowhere to send to yet: connect (or listen, or bind) first");
        return nullptr;
    }
    return box;
}

bool SavedMessagesDock::sendMessage(int index)
{
    if (index < 0 || index >= m_store->library().messages.size())
        return false;
    const SavedMessage &message = m_store->library().messages.at(index);
    QString why;
    SendBox *box = currentSendBox(&why);
    if (!box) {
        showStatus(why, true);
        return false;
    }
    // Macros expand with the tab's counters: a saved {{counter}} and a typed one count together.
    const auto bytes = m_bytesFor ? m_bytesFor(message, box->encoding()) : savedMessageBytes(message, box->encoding(), *box->macroState());
    if (!bytes) {
        showStatus(tr("\"%1\": %2").arg(message.name, bytes.error().message()), true);
        return false;
    }
    if (!box->sendBytes(*bytes)) {
        showStatus(tr("\"%1\" was not sent: nothing to send, or nowhere to send to").arg(message.name), true);
        return false;
    }
    showStatus(tr("Sent \"%1\" (%n byte(s))", nullptr, static_cast<int>(bytes->size())).arg(message.name));
    return true;
}

bool SavedMessagesDock::saveCurrentInput(const QString &name, const QString &folder)
{
    SendBox *box = m_currentPanel ? sendBoxOf(m_currentPanel()) : nullptr;
    if (!box) {
        showStatus(tr("This tab has no send box to save from"), true);
        return false;
    }
    SavedMessage message;
    message.name = name.trimmed();
    message.folder = folder;
    if (box->hexMode()) {
        message.format = SavedMessage::Format::Hex;
        message.text = box->input()->text().trimmed();
    } else {
        message.text = escapeForSaving(box->input()->text());
        switch (box->lineEnding()) {
        case SendBox::LineEnding::None: break;
        case SendBox::LineEnding::Lf: message.text += QStringLiteral("\\n"); break;
        case SendBox::LineEnding::CrLf: message.text += QStringLiteral("\\r\\n"); break;
        }
    }
    if (auto done = m_store->addMessage(message); !done) {
        showStatus(done.error().message(), true);
        return false;
    }
    showStatus(tr("Saved \"%1\"").arg(message.name));
    return true;
}

void SavedMessagesDock::saveFromSendBox()
{
    SendBox *box = m_currentPanel ? sendBoxOf(m_currentPanel()) : nullptr;
    if (!box) {
        showStatus(tr("This tab has no send box to save from"), true);
        return;
    }
    const QString typed = box->input()->text();
    if (typed.trimmed().isEmpty()) {
        showStatus(tr("The send box is empty: type the message there first"), true);
        return;
    }
    // What the send box would send, as a message to edit; the name starts as its first words.
    SavedMessage proposal;
    proposal.name = typed.simplified().left(32);
    if (box->hexMode()) {
        proposal.format = SavedMessage::Format::Hex;
        proposal.text = typed.trimmed();
    } else {
        proposal.text = escapeForSaving(typed);
        if (box->lineEnding() == SendBox::LineEnding::Lf)
            proposal.text += QStringLiteral("\\n");
        else if (box->lineEnding() == SendBox::LineEnding::CrLf)
            proposal.text += QStringLiteral("\\r\\n");
    }
    if (const SavedMessage *selected = selectedMessage() >= 0 ? &m_store->library().messages.at(selectedMessage()) : nullptr)
        proposal.folder = selected->folder;
    QStringList taken;
    for (const SavedMessage &message : m_store->library().messages)
        taken.append(message.name);
    SavedMessageDialog dialog(proposal, taken, box->encoding(), this);
    dialog.nameEdit()->selectAll();
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SavedMessage message = dialog.message();
    if (auto done = m_store->addMessage(message); !done) {
        showStatus(done.error().message(), true);
        return;
    }
    showStatus(tr("Saved \"%1\"").arg(message.name));
}

void SavedMessagesDock::editMessage(int index)
{
    if (index < 0 || index >= m_store->library().messages.size())
        return;
    QStringList taken;
    for (int i = 0; i < m_store->library().messages.size(); ++i)
        if (i != index)
            taken.append(m_store->library().messages.at(i).name);
    SendBox *box = m_currentPanel ? sendBoxOf(m_currentPanel()) : nullptr;
    SavedMessageDialog dialog(m_store->library().messages.at(index), taken, box ? box->encoding() : TextEncoding::Utf8, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto done = m_store->replaceMessage(index, dialog.message()); !done)
        showStatus(done.error().message(), true);
}

bool SavedMessagesDock::removeMessage(int index)
{
    if (index < 0 || index >= m_store->library().messages.size())
        return false;
    const SavedMessage message = m_store->library().messages.at(index);
    if (auto done = m_store->removeMessage(index); !done) {
        showStatus(done.error().message(), true);
        return false;
    }
    m_removed = message;
    m_removedIndex = index;
    m_undo->show();
    showStatus(tr("Deleted \"%1\"").arg(message.name));
    return true;
}

void SavedMessagesDock::undoRemove()
{
    if (m_removedIndex < 0)
        return;
    SavedLibrary library = m_store->library();
    library.messages.insert(std::min<qsizetype>(m_removedIndex, library.messages.size()), m_removed);
    if (auto done = m_store->setLibrary(library); !done) {
        showStatus(done.error().message(), true);   // its name was taken meanwhile, say
        return;
    }
    showStatus(tr("\"%1\" is back").arg(m_removed.name));
    m_removedIndex = -1;
    m_undo->hide();
}

bool SavedMessagesDock::moveMessage(int index, int by)
{
    const QList<SavedMessage> &messages = m_store->library().messages;
    if (index < 0 || index >= messages.size())
        return false;
    // Past the neighbour in the same folder: that is what the tree shows next to it.
    const QString folder = messages.at(index).folder;
    int to = index + by;
    while (to >= 0 && to < messages.size() && messages.at(to).folder != folder)
        to += by;
    if (to < 0 || to >= messages.size())
        return false;
    if (auto done = m_store->moveMessage(index, to); !done) {
        showStatus(done.error().message(), true);
        return false;
    }
    if (QTreeWidgetItem *item = itemForMessage(to))
        m_tree->setCurrentItem(item);
    return true;
}

bool SavedMessagesDock::importFile(const QString &path)
{
    const qsizetype before = m_store->library().messages.size() + m_store->library().sequences.size();
    if (auto done = m_store->importFile(path); !done) {
        showStatus(tr("Nothing imported: %1").arg(done.error().message()), true);
        return false;
    }
    const qsizetype added = m_store->library().messages.size() + m_store->library().sequences.size() - before;
    showStatus(tr("Imported %n message(s) and sequence(s)", nullptr, static_cast<int>(added)));
    return true;
}

bool SavedMessagesDock::exportFile(const QString &path)
{
    if (auto done = m_store->exportFile(path); !done) {
        showStatus(done.error().message(), true);
        return false;
    }
    showStatus(tr("Exported to %1").arg(path));
    return true;
}

void SavedMessagesDock::editSequence(int index)
{
    const SavedLibrary &library = m_store->library();
    if (index >= library.sequences.size())
        return;
    QStringList messages, taken;
    for (const SavedMessage &message : library.messages)
        messages.append(message.name);
    for (int i = 0; i < library.sequences.size(); ++i)
        if (i != index)
            taken.append(library.sequences.at(i).name);
    SequenceDialog dialog(index >= 0 ? library.sequences.at(index) : Sequence{}, messages, taken, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Sequence sequence = dialog.sequence();
    if (auto done = m_store->setSequence(index, sequence); !done) {
        showStatus(done.error().message(), true);
        return;
    }
    m_sequences->setCurrentIndex(m_sequences->findText(sequence.name));
}

bool SavedMessagesDock::runSequence(const QString &name)
{
    if (m_runner->isRunning())
        return false;
    QString why;
    SendBox *box = currentSendBox(&why);
    if (!box) {
        showStatus(why, true);
        return false;
    }
    m_runBox = box;
    m_runner->setEncoding(box->encoding());
    m_runner->setMacroState(box->macroState());
    SequenceRunner *runner = m_runner;
    m_feed = connectReceived(m_currentPanel(), m_runner, [runner](const QByteArray &bytes) { runner->feed(bytes); });
    const auto started = m_runner->start(m_store->library(), name, [this](const QByteArray &bytes) -> QString {
        if (!m_runBox)
            return tr("the tab was closed");
        if (!m_runBox->sendBytes(bytes))
            return tr("nowhere to send to (disconnected?)");
        return {};
    });
    if (!started) {
        disconnect(m_feed);
        showStatus(started.error().message(), true);
        return false;
    }
    showStatus(tr("Running \"%1\"").arg(name));
    updateRunControls();
    return true;
}

void SavedMessagesDock::stopSequence() { m_runner->stop(); }

void SavedMessagesDock::onSequenceFinished(int outcome, const QString &reason)
{
    disconnect(m_feed);
    const QString name = m_runner->sequenceName();
    switch (static_cast<SequenceRunner::Outcome>(outcome)) {
    case SequenceRunner::Outcome::Completed:
        m_progress->setValue(m_progress->maximum());
        showStatus(tr("Sequence \"%1\" completed").arg(name));
        break;
    case SequenceRunner::Outcome::Stopped: showStatus(tr("Sequence \"%1\" stopped").arg(name)); break;
    case SequenceRunner::Outcome::Failed: showStatus(tr("Sequence \"%1\" failed: %2").arg(name, reason), true); break;
    }
    updateRunControls();
}

void SavedMessagesDock::updateRunControls()
{
    const bool running = m_runner->isRunning();
    m_run->setText(running ? tr("Sto&p") : tr("&Run"));
    m_run->setEnabled(running || m_sequences->count() > 0);
    m_sequences->setEnabled(!running);
}

int SavedMessagesDock::selectedMessage() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kIndexRole).toInt() : -1;
}

QTreeWidgetItem *SavedMessagesDock::itemForMessage(int index) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kIndexRole).toInt() == index && (*it)->childCount() == 0 && !(*it)->data(0, kIndexRole).isNull())
            return *it;
    return nullptr;
}

void SavedMessagesDock::rebuild()
{
    const int selected = selectedMessage();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    std::function<QTreeWidgetItem *(const QString &)> folderItem = [&](const QString &path) -> QTreeWidgetItem * {
        if (path.isEmpty())
            return nullptr;
        if (QTreeWidgetItem *found = folders.value(path))
            return found;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        QTreeWidgetItem *parent = slash < 0 ? nullptr : folderItem(path.left(slash));
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, path.mid(slash + 1));
        item->setData(0, kIndexRole, -1);
        item->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
        item->setExpanded(true);
        folders.insert(path, item);
        return item;
    };
    const QList<SavedMessage> &messages = m_store->library().messages;
    for (int i = 0; i < messages.size(); ++i) {
        const SavedMessage &message = messages.at(i);
        QTreeWidgetItem *parent = folderItem(message.folder);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, message.name);
        item->setText(1, message.format == SavedMessage::Format::Hex ? tr("hex: %1").arg(message.text) : message.text);
        if (i < 9)
            item->setText(2, QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)).toString(QKeySequence::NativeText));
        item->setData(0, kIndexRole, i);
        item->setToolTip(0, message.note.isEmpty() ? message.name : message.note);
        item->setToolTip(1, message.text);
        if (parent)
            parent->setExpanded(true);
    }
    m_tree->expandAll();
    if (QTreeWidgetItem *item = itemForMessage(selected))
        m_tree->setCurrentItem(item);

    const QString current = m_sequences->currentText();
    m_sequences->clear();
    for (const Sequence &sequence : m_store->library().sequences)
        m_sequences->addItem(sequence.name);
    if (const int again = m_sequences->findText(current); again >= 0)
        m_sequences->setCurrentIndex(again);
    applyFilter();
    updateRunControls();
}

void SavedMessagesDock::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    // Bottom-up: a folder stays visible while any message under it does.
    std::function<bool(QTreeWidgetItem *, bool)> visit = [&](QTreeWidgetItem *item, bool folderMatches) -> bool {
        const bool isFolder = item->data(0, kIndexRole).toInt() < 0;
        const bool matches = needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive)
                             || (!isFolder && item->text(1).contains(needle, Qt::CaseInsensitive));
        bool anyChild = false;
        for (int i = 0; i < item->childCount(); ++i)
            anyChild |= visit(item->child(i), folderMatches || (isFolder && matches));
        const bool visible = isFolder ? anyChild || (matches && !needle.isEmpty() && item->childCount() == 0) : matches || folderMatches;
        item->setHidden(!visible);
        return visible;
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        visit(m_tree->topLevelItem(i), false);
}

} // namespace socketeer::ui
