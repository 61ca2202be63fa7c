#pragma once
// The server panel's view of its chat room while it runs (docs/CHAT.md, "The server's own
// commands"): who is in it (name, address, since when, muted), and what the server's user can do
// about it: mute or unmute members, remove them, set the topic, send a notice to everyone. It
// follows TcpServer's chatMember* signals and queues its commands through TcpServer; the room
// itself stays on the server's worker thread.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace socketeer {
class TcpServer;
}

namespace socketeer::ui {

class RoomAnnounceFields;

class ChatMemberModel;

class ChatParticipants final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatParticipants)
public:
    // The model's columns; Qt::UserRole of any column is the member's client id.
    enum Column { NameColumn, AddressColumn, SinceColumn, MutedColumn, ColumnCount };

    ChatParticipants(TcpServer *server, QWidget *parent = nullptr);
    ~ChatParticipants() override;

    QTreeView *view() const { return m_view; }
    QLabel *title() const { return m_title; }
    QPushButton *muteButton() const { return m_mute; }
    QPushButton *removeButton() const { return m_remove; }
    QLineEdit *topicEdit() const { return m_topic; }
    QPushButton *topicButton() const { return m_setTopic; }
    RoomAnnounceFields *announceFields() const { return m_announce; }
    QLineEdit *noticeEdit() const { return m_notice; }
    QPushButton *noticeButton() const { return m_sendNotice; }
    int memberCount() const;
    // The row of client `id`, or -1.
    int rowOf(quint64 id) const;

    // Mutes the selected members (unmutes them when all are muted already); removes them.
    void muteSelected();
    void removeSelected();
    void setTopic();
    void sendNotice();

signals:
    // What happened, for the panel's status line and log.
    void status(const QString &text, bool isError);

private:
    QList<quint64> selectedIds() const;
    void updateControls();
    void updateTitle();
    void showMenu(const QPoint &at);

    TcpServer *m_server;
    ChatMemberModel *m_model;
    QLabel *m_title;
    QTreeView *m_view;
    QPushButton *m_mute;
    QPushButton *m_remove;
    QLineEdit *m_topic;
    QPushButton *m_setTopic;
    QLineEdit *m_notice;
    QPushButton *m_sendNotice;
    RoomAnnounceFields *m_announce;   // the room told to the network, or not
};

} // namespace socketeer::ui
