#pragma once
// Where a chat message is typed: Enter sends, Shift+Enter starts a new line, Up on the first line
// and Down on the last walk through what was sent before. A QPlainTextEdit, so input methods
// (Pinyin, Wubi…) compose into it as usual: while one is composing, Enter is its own.

#include <QPlainTextEdit>
#include <QStringList>

namespace socketeer::ui {

class ChatInput final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatInput)
public:
    static constexpr int kHistorySize = 100;

    explicit ChatInput(QWidget *parent = nullptr);

    const QStringList &history() const { return m_history; }
    void setSendEnabled(bool enabled) { m_sendEnabled = enabled; }
    // Sends what is typed (as Enter does): submitted(text), remembered, the field cleared.
    void submit();

signals:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override;

private:
    bool composing() const;
    void recall(int step);

    QStringList m_history;
    int m_recalled = -1;   // index into m_history while walking it, else -1
    QString m_draft;       // what was typed before walking the history
    bool m_sendEnabled = false;
};

} // namespace socketeer::ui
