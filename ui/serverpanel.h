#pragma once
// The TCP server panel: listen on an address, see the clients come and go, read what they send,
// send to the selected ones or to all, echo, choose the concurrency model and watch its threads.

#include "tcp/tcpservertypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace socketeer {
class TcpServer;
struct Error;
}

namespace socketeer::ui {

class FileSendWatch;

class LocalAddressCombo;
class MessageLogView;
class PortEdit;
class SendBox;
class FramingBar;
class TrafficCounters;
class TlsServerFields;
class AutoReplyFields;
class ChatRoomFields;
class ChatParticipants;

class ServerPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)
public:
    explicit ServerPanel(QWidget *parent = nullptr);
    ~ServerPanel() override;

    TcpServer *server() const { return m_server; }
    MessageLogView *log() const { return m_log; }
    SendBox *sendBox() const { return m_sendBox; }
    FramingBar *framing() const { return m_framing; }
    TrafficCounters *counters() const { return m_counters; }
    QTreeWidget *clientList() const { return m_clients; }
    LocalAddressCombo *addressCombo() const { return m_address; }
    PortEdit *portEdit() const { return m_port; }
    QComboBox *modelCombo() const { return m_model; }
    QCheckBox *echoCheck() const { return m_echo; }
    QPushButton *startButton() const { return m_startButton; }
    TlsServerFields *tlsFields() const { return m_tls; }
    ChatRoomFields *chatFields() const { return m_chat; }
    // Who is in the chat room, and the server's commands for it: shown while a chat room runs.
    ChatParticipants *chatParticipants() const { return m_participants; }
    QString statusText() const;

    // Starts listening as if the user pressed Start (used by --listen).
    void startListening(quint16 port);
    void stopListening();

signals:
    void listeningChanged(bool listening);

protected:
    void changeEvent(QEvent *event) override;

private:
    void sizeClientColumns();
    void toggle();
    void onStarted(const QString &address, quint16 port);
    void onStopped();
    void onClientConnected(const socketeer::ClientInfo &client);
    void onClientDisconnected(quint64 id, const QString &reason);
    void onDataReceived(quint64 id, const QByteArray &bytes);
    void onError(const socketeer::Error &error);
    void send(const QByteArray &message);
    void sendFile(const QString &path);
    QList<quint64> sendTargets();
    void disconnectSelected();
    void refreshClientCounters();
    void updateControls();
    void setStatus(const QString &text, bool isError);
    QList<quint64> selectedIds() const;
    QString peerOf(quint64 id) const;

    TcpServer *m_server;
    LocalAddressCombo *m_address;
    PortEdit *m_port;
    QComboBox *m_model;
    QCheckBox *m_echo;
    QSpinBox *m_maxClients;
    QPushButton *m_startButton;
    QLabel *m_openWarning;
    QLabel *m_status;
    QLabel *m_threads;
    QTreeWidget *m_clients;
    QPushButton *m_disconnectButton;
    QComboBox *m_target;
    MessageLogView *m_log;
    SendBox *m_sendBox;
    FramingBar *m_framing;   // framing and check values of what is shown and sent
    TrafficCounters *m_counters;
    FileSendWatch *m_fileSend;
    QSpinBox *m_stallTimeout;
    TlsServerFields *m_tls;
    ChatRoomFields *m_chat;
    AutoReplyFields *m_rules;
    ChatParticipants *m_participants;
    QHash<quint64, QTreeWidgetItem *> m_items;
    bool m_starting = false;
};

} // namespace socketeer::ui
