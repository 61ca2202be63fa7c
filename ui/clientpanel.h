#pragma once
// A TCP client panel: connect to host:port, chat, half-close, disconnect; refused, unreachable,
// timed out and closed-by-peer each told apart in plain words.

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace socketeer {
class TcpClient;
struct Error;
}

namespace socketeer::ui {

class ChatView;
class FileSendWatch;

class HostEdit;
class MessageLogView;
class RoomsFoundList;
class PortEdit;
class SendBox;
class AutoReplyFields;
class FramingBar;
class TrafficCounters;

class ClientPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPanel)
public:
    explicit ClientPanel(QWidget *parent = nullptr);
    ~ClientPanel() override;

    TcpClient *client() const { return m_client; }
    MessageLogView *log() const { return m_log; }
    SendBox *sendBox() const { return m_sendBox; }
    FramingBar *framing() const { return m_framing; }
    TrafficCounters *counters() const { return m_counters; }
    HostEdit *hostEdit() const { return m_host; }
    PortEdit *portEdit() const { return m_port; }
    QPushButton *connectButton() const { return m_connectButton; }
    QPushButton *halfCloseButton() const { return m_halfCloseButton; }
    QCheckBox *tlsCheck() const { return m_tls; }
    ChatView *chat() const { return m_chat; }
    QPushButton *logButton() const { return m_logButton; }
    QPushButton *chatButton() const { return m_chatButton; }
    // The central area: the raw message log, or the Chat view (the conversation as people read it).
    void showChat(bool chat);
    // What Join in "Rooms on this network" does: connect to the room, in the Chat view.
    void joinRoom(const QString &host, quint16 port, bool tls);
    RoomsFoundList *roomsList() const { return m_rooms; }
    bool chatShown() const;
    QString statusText() const;

    void connectTo(const QString &host, quint16 port);   // as if typed and Connect pressed

signals:
    void connectionChanged(bool connected);
    // Lines of the conversation that arrived while the Chat view was not in sight.
    void chatUnreadChanged(int count);

private:
    void toggle();
    void onConnected(const QString &local, const QString &peer);
    void onDisconnected(const QString &reason);
    void onData(const QByteArray &bytes);
    void onError(const socketeer::Error &error);
    bool send(const QByteArray &message);
    bool sendChatLine(const QByteArray &line);
    void sendFile(const QString &path);
    void updateControls();
    void setStatus(const QString &text, bool isError);
    void askToTrust(const QString &server);

    TcpClient *m_client;
    HostEdit *m_host;
    PortEdit *m_port;
    QSpinBox *m_timeout;
    QCheckBox *m_tls;
    QPushButton *m_connectButton;
    QPushButton *m_halfCloseButton;
    QLabel *m_status;
    MessageLogView *m_log;
    ChatView *m_chat;
    QPushButton *m_logButton;
    QPushButton *m_chatButton;
    QStackedWidget *m_views;   // the log or the chat
    RoomsFoundList *m_rooms;   // rooms announced on the network, with Join
    SendBox *m_sendBox;
    FramingBar *m_framing;   // framing and check values of what is shown and sent
    TrafficCounters *m_counters;
    AutoReplyFields *m_rules;
    FileSendWatch *m_fileSend;
    QString m_peer;
    QString m_room;   // host:port as typed: the key of the chat history
    bool m_halfClosed = false;
    bool m_hadError = false;
    bool m_connectWhenIdle = false;   // the user trusted a certificate: connect again once disconnected
};

} // namespace socketeer::ui
