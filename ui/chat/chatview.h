#pragma once
// The Chat view of a client panel: the conversation as people read it. Lines from the room are
// classified by the core (text/chatline.h): my messages on the right, others' on the left with
// their names in stable colours, notices centred and muted, actions in italics, private messages
// marked; times local. Without the protocol (nc, the tutorial's server) lines are simply the
// peer's, and mine. What is typed goes out through the panel's own send path, one line per line.
//
// Bounded everywhere: lines are split by a Deframer (a 1 MB line is never held), kept to the last
// kChatHistoryLines (the document too), and added in batches at most every kFlushMs, so 100,000
// lines in a second cost one layout per batch, not one per line. The history of each room
// (host:port) is kept on disk (chathistory.h) and shown again when that room is joined again.

#include "chathistory.h"

#include "text/encoding.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTextCursor;
class QTimer;

namespace socketeer::ui {

class ChatInput;

class ChatView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)
public:
    static constexpr int kFlushMs = 50;
    static constexpr int kMaxFindHighlights = 1000;

    explicit ChatView(QWidget *parent = nullptr);
    ~ChatView() override;

    // Sends one line (without its terminator) through the panel; false if it was not sent.
    using Sender = std::function<bool(const QByteArray &line)>;
    void setSender(Sender sender) { m_sender = std::move(sender); }
    void setEncoding(TextEncoding encoding);
    // Where each room's history is kept (tests use a temporary folder); empty: the default.
    void setHistoryFolder(const QString &folder);

    // A connection to `roomKey` (host:port as typed) is up: its history is shown if it is another
    // room than the one on screen, then a note that the connection is there.
    void joined(const QString &roomKey, const QString &peer);
    void received(const QByteArray &bytes);
    // The connection ended: a last line without its LF counts, and a note says why it ended.
    void ended(const QString &reason);
    void setSendEnabled(bool enabled);

    // Adds what is waiting now, instead of at the next batch (tests, export).
    void flush();

    const QList<ChatEntry> &entries() const { return m_entries; }
    QString roomKey() const { return m_roomKey; }
    QString ownName() const;
    int unreadCount() const { return m_unread; }
    bool exportTo(const QString &path, QString *errorMessage = nullptr);
    int findMatchCount() const { return m_findMatches; }

    QTextBrowser *transcript() const { return m_transcript; }
    ChatInput *input() const { return m_input; }
    QPushButton *sendButton() const { return m_send; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QPushButton *exportButton() const { return m_export; }
    QString statusText() const;

signals:
    void unreadChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void add(ChatEntry entry);
    void note(const QString &text);
    void take(const QList<ChatReader::Item> &items);
    void sendTyped(const QString &text);
    void render(QTextCursor &cursor, const ChatEntry &entry, bool first);
    void rerender();
    void applyFind();
    void findStep(bool backwards);
    void saveAs();
    void setStatus(const QString &text, bool isError);
    bool seen() const;
    void markSeen();

    std::unique_ptr<ChatReader> m_reader;
    ChatHistoryStore m_store;
    Sender m_sender;
    QString m_roomKey;
    QString m_peer;
    QList<ChatEntry> m_entries;    // what is shown, oldest first, at most kChatHistoryLines
    QList<ChatEntry> m_pending;    // received since the last batch
    QStringList m_echoExpected;    // what I said, should the room echo it back to me
    int m_unread = 0;
    bool m_followEnd = true;   // the reader was at the end when it last looked: new lines keep it there
    int m_findMatches = 0;
    bool m_sendEnabled = false;
    bool m_connected = false;   // between joined() and ended()

    QLineEdit *m_findEdit;
    QPushButton *m_findPrevious;
    QPushButton *m_findNext;
    QLabel *m_findCount;
    QPushButton *m_export;
    QTextBrowser *m_transcript;
    ChatInput *m_input;
    QPushButton *m_send;
    QLabel *m_status;
    QTimer *m_flushTimer;
};

} // namespace socketeer::ui
