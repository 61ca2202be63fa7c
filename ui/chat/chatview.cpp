#include "chatview.h"

#include "chatinput.h"
#include "../theme.h"

#include "text/timetext.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace socketeer::ui {

namespace {

// A nickname's colour: the same person (as the room compares names) always gets the same one, on
// every run (a fixed hash, not qHash's per-process seed), from hues that read on a light base in
// a dark shade and on a dark base in a light one. A look-alike name (Cyrillic а for a) is another
// key, so most likely another colour.
QColor nameColour(const QString &name, const QPalette &palette)
{
    static constexpr int kHues[] = {0, 28, 50, 95, 140, 170, 195, 215, 240, 270, 295, 325};
    quint32 hash = 2166136261u;
    for (QChar c : chatNameKey(name)) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    const int hue = kHues[hash % std::size(kHues)];
    return theme::isDark(palette) ? QColor::fromHsl(hue, 170, 178) : QColor::fromHsl(hue, 200, 80);
}

QString shortTime(const QDateTime &when) { return when.toLocalTime().toString(QStringLiteral("HH:mm")); }

bool countsAsUnread(const ChatEntry &entry)
{
    return !entry.own && !entry.local && entry.kind != ChatLineKind::Notice && entry.kind != ChatLineKind::PrivateOut;
}

} // namespace

ChatView::ChatView(QWidget *parent)
    : QWidget(parent),
      m_reader(std::make_unique<ChatReader>()),
      m_findEdit(new QLineEdit(this)),
      m_findPrevious(new QPushButton(tr("Previous"), this)),
      m_findNext(new QPushButton(tr("Next"), this)),
      m_findCount(new QLabel(this)),
      m_export(new QPushButton(tr("E&xport…"), this)),
      m_transcript(new QTextBrowser(this)),
      m_input(new ChatInput(this)),
      m_send(new QPushButton(tr("&Send"), this)),
      m_status(new QLabel(this)),
      m_flushTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chatView"));
    m_findEdit->setObjectName(QStringLiteral("chatFind"));
    m_findEdit->setAccessibleName(tr("Find in the conversation"));
    m_findEdit->setToolTip(tr("Highlights every line that contains this text; Enter jumps to the next one"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_findPrevious->setObjectName(QStringLiteral("chatFindPrevious"));
    m_findPrevious->setAccessibleName(tr("Previous match"));
    m_findPrevious->setToolTip(tr("Jump to the previous line that contains the text"));
    m_findNext->setObjectName(QStringLiteral("chatFindNext"));
    m_findNext->setAccessibleName(tr("Next match"));
    m_findNext->setToolTip(tr("Jump to the next line that contains the text"));
    m_findCount->setObjectName(QStringLiteral("chatFindCount"));
    m_export->setObjectName(QStringLiteral("chatExport"));
    m_export->setToolTip(tr("Save the conversation as a UTF-8 text file, one line per message with its time"));
    m_transcript->setObjectName(QStringLiteral("chatTranscript"));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setToolTip(tr("The conversation: your messages on the right, the others' on the left. Text can be selected and copied."));
    m_transcript->setOpenLinks(false);
    m_transcript->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_transcript->document()->setUndoRedoEnabled(false);
    m_transcript->document()->setMaximumBlockCount(kChatHistoryLines);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setAccessibleName(tr("Message"));
    m_input->setToolTip(tr("Enter sends, Shift+Enter starts a new line (each line is sent as a line of its own); "
                           "Up and Down recall what you sent. In a chat room: /nick NAME, /me ACTION, /who, "
                           "/msg NAME TEXT, /topic TEXT, /quit, /help."));
    m_input->setPlaceholderText(tr("Type a message"));
    m_send->setObjectName(QStringLiteral("chatSend"));
    m_send->setToolTip(tr("Send the message (Enter)"));
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();

    auto *findLabel = new QLabel(tr("Fi&nd"), this);
    findLabel->setBuddy(m_findEdit);
    auto *top = new QHBoxLayout;
    top->addWidget(findLabel);
    top->addWidget(m_findEdit, 1);
    top->addWidget(m_findPrevious);
    top->addWidget(m_findNext);
    top->addWidget(m_findCount);
    top->addStretch();
    top->addWidget(m_export);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_input, 1);
    bottom->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_transcript, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_status);

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &ChatView::flush);
    connect(m_input, &ChatInput::submitted, this, &ChatView::sendTyped);
    connect(m_send, &QPushButton::clicked, m_input, &ChatInput::submit);
    connect(m_findEdit, &QLineEdit::textChanged, this, &ChatView::applyFind);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { findStep(false); });
    connect(m_findNext, &QPushButton::clicked, this, [this] { findStep(false); });
    connect(m_findPrevious, &QPushButton::clicked, this, [this] { findStep(true); });
    connect(m_export, &QPushButton::clicked, this, &ChatView::saveAs);
    setSendEnabled(false);
    applyFind();
}

ChatView::~ChatView()
{
    flush();   // what arrived last is in the room's history too
}

void ChatView::setEncoding(TextEncoding encoding) { m_reader->setEncoding(encoding); }

void ChatView::setHistoryFolder(const QString &folder) { m_store = ChatHistoryStore(folder); }

QString ChatView::ownName() const { return m_reader->ownName(); }

QString ChatView::statusText() const { return m_status->text(); }

void ChatView::setSendEnabled(bool enabled)
{
    m_sendEnabled = enabled;
    m_input->setSendEnabled(enabled);
    m_send->setEnabled(enabled);
}

void ChatView::joined(const QString &roomKey, const QString &peer)
{
    flush();
    m_reader->reset();
    m_echoExpected.clear();
    m_peer = peer;
    if (roomKey != m_roomKey) {
        m_roomKey = roomKey;
        m_entries = m_store.load(roomKey);
        rerender();
    }
    m_connected = true;
    note(tr("connected to %1").arg(peer));
    flush();
}

void ChatView::received(const QByteArray &bytes)
{
    take(m_reader->push(bytes));
}

void ChatView::ended(const QString &reason)
{
    if (!std::exchange(m_connected, false))
        return;   // a connection that never came up: nothing was said, and no room to note it in
    take(m_reader->finish());
    note(tr("disconnected: %1").arg(reason));
    flush();
}

void ChatView::take(const QList<ChatReader::Item> &items)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ChatReader::Item &item : items) {
        if (item.type == ChatReader::Item::Type::TooLong) {
            note(tr("a line longer than %1 bytes arrived: not shown (the log has its bytes)").arg(kChatLineMaxBytes));
            continue;
        }
        if (item.own && item.line.kind == ChatLineKind::Message) {
            // The room echoed what I said: it is on the screen already.
            if (const qsizetype at = m_echoExpected.indexOf(item.line.text); at >= 0) {
                m_echoExpected.remove(0, at + 1);
                continue;
            }
        }
        add({now, item.line.kind, item.own, false, item.line.name, item.line.text});
    }
}

void ChatView::note(const QString &text)
{
    add({QDateTime::currentDateTimeUtc(), ChatLineKind::Notice, false, true, {}, text});
}

void ChatView::add(ChatEntry entry)
{
    if (countsAsUnread(entry) && !seen()) {
        ++m_unread;
        emit unreadChanged(m_unread);
    }
    m_pending.append(std::move(entry));
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ChatView::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    QList<ChatEntry> batch = std::move(m_pending);
    m_pending.clear();
    if (!m_roomKey.isEmpty())
        m_store.append(m_roomKey, batch);
    // Only what stays is laid out: of 100,000 lines in one batch, the last kChatHistoryLines.
    if (batch.size() > kChatHistoryLines)
        batch.remove(0, batch.size() - kChatHistoryLines);
    QScrollBar *bar = m_transcript->verticalScrollBar();
    // A hidden transcript is not laid out, so its scroll bar says nothing: then whether the reader
    // was following the end is what it was when last seen.
    const bool atEnd = m_transcript->isVisible() ? bar->value() >= bar->maximum() - 4 : m_followEnd;
    m_followEnd = atEnd;
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    bool first = m_transcript->document()->isEmpty();
    for (const ChatEntry &entry : std::as_const(batch)) {
        render(cursor, entry, first);
        first = false;
    }
    cursor.endEditBlock();
    m_entries += batch;
    if (m_entries.size() > kChatHistoryLines)
        m_entries.remove(0, m_entries.size() - kChatHistoryLines);
    if (atEnd)
        bar->setValue(bar->maximum());
    if (!m_findEdit->text().isEmpty())
        applyFind();
}

void ChatView::render(QTextCursor &cursor, const ChatEntry &entry, bool first)
{
    const QPalette palette = m_transcript->palette();
    const int margin = fontMetrics().averageCharWidth() * 10;
    QTextBlockFormat block;
    block.setTopMargin(3);
    block.setNonBreakableLines(false);
    QTextCharFormat plain;
    plain.setForeground(palette.color(QPalette::Text));
    QTextCharFormat muted = plain;
    muted.setForeground(theme::colour(theme::Role::Muted, palette));
    QTextCharFormat time = muted;
    time.setFontPointSize(std::max(6.0, font().pointSizeF() * 0.85));
    QTextCharFormat name = plain;
    name.setFontWeight(QFont::Bold);
    name.setForeground(nameColour(entry.name, palette));
    QTextCharFormat marker = plain;
    marker.setForeground(theme::colour(theme::Role::Accent, palette));
    marker.setFontWeight(QFont::Bold);
    QTextCharFormat italic = plain;
    italic.setFontItalic(true);
    QTextCharFormat italicName = name;
    italicName.setFontItalic(true);

    const bool mine = entry.own || entry.kind == ChatLineKind::PrivateOut;
    if (entry.kind == ChatLineKind::Notice) {
        block.setAlignment(Qt::AlignHCenter);
    } else if (mine) {
        block.setAlignment(Qt::AlignRight);
        block.setLeftMargin(margin);
    } else {
        block.setAlignment(Qt::AlignLeft);
        block.setRightMargin(margin);
    }
    if (first)
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block);
    // The peer's text is inserted as text, never as markup: nothing it sends is interpreted.
    const QString separator(QChar::LineSeparator);
    switch (entry.kind) {
    case ChatLineKind::Notice:
        if (entry.local)
            muted.setFontItalic(true);
        cursor.insertText(entry.local ? QStringLiteral("— %1 —").arg(entry.text) : QStringLiteral("*** ") + entry.text, muted);
        cursor.insertText(QStringLiteral("  ") + shortTime(entry.time), time);
        break;
    case ChatLineKind::Action:
        cursor.insertText(shortTime(entry.time) + QStringLiteral("  "), time);
        cursor.insertText(QStringLiteral("* "), italic);
        cursor.insertText(entry.name, italicName);
        cursor.insertText(QLatin1Char(' ') + entry.text, italic);
        break;
    case ChatLineKind::PrivateIn:
        cursor.insertText(entry.name, name);
        cursor.insertText(QLatin1Char(' ') + tr("(private)"), marker);
        cursor.insertText(QStringLiteral("  ") + shortTime(entry.time) + separator, time);
        cursor.insertText(entry.text, plain);
        break;
    case ChatLineKind::PrivateOut:
        cursor.insertText(tr("(private)") + QStringLiteral(" → "), marker);
        cursor.insertText(entry.name, name);
        cursor.insertText(QStringLiteral("  ") + shortTime(entry.time) + separator, time);
        cursor.insertText(entry.text, plain);
        break;
    case ChatLineKind::Message:
    case ChatLineKind::Plain:
        if (!mine && !entry.name.isEmpty()) {
            cursor.insertText(entry.name, name);
            if (chatNameMixesScripts(entry.name)) {
                QTextCharFormat warning = plain;
                warning.setForeground(theme::colour(theme::Role::Warning, palette));
                cursor.insertText(QLatin1Char(' ') + tr("(mixed scripts: may imitate another name)"), warning);
            }
            cursor.insertText(QStringLiteral("  "), plain);
        }
        cursor.insertText(shortTime(entry.time) + separator, time);
        cursor.insertText(entry.text, plain);
        break;
    }
}

void ChatView::rerender()
{
    m_transcript->document()->clear();
    QTextCursor cursor(m_transcript->document());
    cursor.beginEditBlock();
    bool first = true;
    for (const ChatEntry &entry : std::as_const(m_entries)) {
        render(cursor, entry, first);
        first = false;
    }
    cursor.endEditBlock();
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
    applyFind();
}

void ChatView::sendTyped(const QString &typed)
{
    if (!m_sendEnabled || !m_sender)
        return;
    QStringList lines = typed.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    setStatus({}, false);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &line : std::as_const(lines)) {
        const auto bytes = encodeText(line, m_reader->encoding());
        if (!bytes) {
            setStatus(tr("Not sent: %1").arg(bytes.error().message()), true);
            return;
        }
        if (!m_sender(*bytes)) {
            setStatus(tr("Not sent: the framing or check value refused it (the send box of the Log view says why)"), true);
            return;
        }
        // Shown as the room will show it to the others. A command's answer comes from the room;
        // /me is told to the others only, so it is shown here.
        const QString shown = chatDisplayText(*bytes, m_reader->encoding());
        const bool protocol = m_reader->speaksProtocol();
        const QString me = m_reader->ownName();
        QStringView trimmed = QStringView(shown).trimmed();
        if (protocol && trimmed.startsWith(QLatin1Char('/')) && !trimmed.startsWith(QLatin1String("//"))) {
            const qsizetype end = std::min(trimmed.indexOf(QLatin1Char(' ')) < 0 ? trimmed.size() : trimmed.indexOf(QLatin1Char(' ')),
                                           trimmed.indexOf(QLatin1Char('\t')) < 0 ? trimmed.size() : trimmed.indexOf(QLatin1Char('\t')));
            const QString word = trimmed.first(end).toString().toLower();
            const QString argument = trimmed.sliced(end).trimmed().toString();
            if (word == QLatin1String("/me") && !argument.isEmpty())
                add({now, ChatLineKind::Action, true, false, me, argument});
            continue;
        }
        if (protocol) {
            if (trimmed.isEmpty())
                continue;   // the room ignores a blank line
            const QString text = trimmed.startsWith(QLatin1String("//")) ? shown.mid(shown.indexOf(QLatin1Char('/')) + 1) : shown;
            m_echoExpected.append(text);
            if (m_echoExpected.size() > 64)
                m_echoExpected.removeFirst();
            add({now, ChatLineKind::Message, true, false, me, text});
        } else {
            add({now, ChatLineKind::Plain, true, false, {}, shown});
        }
    }
    flush();
}

void ChatView::applyFind()
{
    const QString needle = m_findEdit->text();
    QList<QTextEdit::ExtraSelection> selections;
    m_findMatches = 0;
    if (!needle.isEmpty()) {
        QTextCharFormat found;
        found.setBackground(theme::colour(theme::Role::Found, m_transcript->palette()));
        QTextDocument *document = m_transcript->document();
        QTextCursor at(document);
        while (true) {
            at = document->find(needle, at);
            if (at.isNull())
                break;
            ++m_findMatches;
            if (selections.size() < kMaxFindHighlights)
                selections.append({at, found});
        }
    }
    m_transcript->setExtraSelections(selections);
    m_findCount->setText(needle.isEmpty() ? QString() : tr("%n match(es)", nullptr, m_findMatches));
    m_findPrevious->setEnabled(m_findMatches > 0);
    m_findNext->setEnabled(m_findMatches > 0);
}

void ChatView::findStep(bool backwards)
{
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return;
    QTextDocument *document = m_transcript->document();
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = document->find(needle, m_transcript->textCursor(), flags);
    if (found.isNull()) {   // round again from the other end
        QTextCursor start(document);
        if (backwards)
            start.movePosition(QTextCursor::End);
        found = document->find(needle, start, flags);
    }
    if (found.isNull())
        return;
    m_transcript->setTextCursor(found);
    m_transcript->ensureCursorVisible();
}

bool ChatView::exportTo(const QString &path, QString *errorMessage)
{
    flush();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        const QString me = ownName();
        for (const ChatEntry &entry : std::as_const(m_entries))
            file.write((chatExportLine(entry, me) + QLatin1Char('\n')).toUtf8());
        if (file.commit())
            return true;
    }
    if (errorMessage)
        *errorMessage = file.errorString();
    return false;
}

void ChatView::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the conversation"), QString(), tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        setStatus(tr("Exported %n line(s) to %1", nullptr, static_cast<int>(m_entries.size())).arg(path), false);
    else
        setStatus(tr("Could not export to %1: %2").arg(path, error), true);
}

void ChatView::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
    m_status->setVisible(!text.isEmpty());
}

bool ChatView::seen() const
{
    return isVisible() && window()->isActiveWindow();
}

void ChatView::markSeen()
{
    if (m_unread > 0 && seen()) {
        m_unread = 0;
        emit unreadChanged(0);
    }
}

void ChatView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markSeen();
    // What came while hidden is at the end: shown once the transcript is laid out at its size.
    if (m_followEnd)
        QTimer::singleShot(0, this, [this] { m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum()); });
}

void ChatView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ActivationChange)
        markSeen();
    else if (event->type() == QEvent::PaletteChange)
        rerender();   // the names' colours are chosen for the palette in use
}

} // namespace socketeer::ui
