#include "chatinput.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextLayout>

namespace socketeer::ui {

ChatInput::ChatInput(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
}

QSize ChatInput::sizeHint() const
{
    // Three lines high: room for a short multi-line message without taking the conversation's space.
    const QSize base = QPlainTextEdit::sizeHint();
    return {base.width(), fontMetrics().lineSpacing() * 3 + 2 * frameWidth() + 8};
}

bool ChatInput::composing() const
{
    const QTextLayout *layout = textCursor().block().layout();
    return layout && !layout->preeditAreaText().isEmpty();
}

void ChatInput::submit()
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty() || !m_sendEnabled)
        return;
    if (m_history.isEmpty() || m_history.constLast() != text) {
        m_history.append(text);
        if (m_history.size() > kHistorySize)
            m_history.removeFirst();
    }
    m_recalled = -1;
    m_draft.clear();
    clear();
    emit submitted(text);
}

void ChatInput::recall(int step)
{
    if (m_history.isEmpty())
        return;
    if (m_recalled < 0) {
        if (step > 0)
            return;
        m_draft = toPlainText();
        m_recalled = static_cast<int>(m_history.size());
    }
    const int next = m_recalled + step;
    if (next < 0)
        return;
    m_recalled = next;
    if (next >= m_history.size()) {
        m_recalled = -1;
        setPlainText(m_draft);
    } else {
        setPlainText(m_history.at(next));
    }
    moveCursor(QTextCursor::End);
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & ~Qt::KeypadModifier);
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && composing())
        return;   // the input method's own Enter (it commits); neither a send nor a new line
    if (!composing()) {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && plain) {
            submit();
            return;
        }
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() & Qt::ShiftModifier) {
            textCursor().insertBlock();   // a new line, not a send
            return;
        }
        // Up on the first line, Down on the last: the history, as a shell does.
        // A recalled message not edited since walks on at once, wherever the cursor is in it.
        const QTextCursor cursor = textCursor();
        const bool unedited = m_recalled >= 0 && m_recalled < m_history.size() && toPlainText() == m_history.at(m_recalled);
        if (event->key() == Qt::Key_Up && plain
            && (unedited || (cursor.blockNumber() == 0 && !cursor.block().layout()->lineForTextPosition(cursor.positionInBlock()).lineNumber()))) {
            recall(-1);
            return;
        }
        if (event->key() == Qt::Key_Down && plain && m_recalled >= 0 && (unedited || cursor.blockNumber() == document()->blockCount() - 1)) {
            recall(+1);
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace socketeer::ui
