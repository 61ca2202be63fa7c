#pragma once
// The UDP panel: bind a local port, send datagrams to a target or back to the last sender,
// broadcast, join multicast groups, and see every datagram with its sender.

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace socketeer {
class UdpEndpoint;
struct Datagram;
struct Error;
}

namespace socketeer::ui {

class HostEdit;
class LocalAddressCombo;
class MessageLogView;
class PortEdit;
class SendBox;
class AutoReplyFields;
class FramingBar;
class TrafficCounters;

class UdpPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpPanel)
public:
    explicit UdpPanel(QWidget *parent = nullptr);
    ~UdpPanel() override;

    UdpEndpoint *endpoint() const { return m_endpoint; }
    MessageLogView *log() const { return m_log; }
    SendBox *sendBox() const { return m_sendBox; }
    FramingBar *framing() const { return m_framing; }
    TrafficCounters *counters() const { return m_counters; }
    LocalAddressCombo *bindAddress() const { return m_bindAddress; }
    PortEdit *bindPort() const { return m_bindPort; }
    HostEdit *targetHost() const { return m_targetHost; }
    PortEdit *targetPort() const { return m_targetPort; }
    QPushButton *bindButton() const { return m_bindButton; }
    QCheckBox *replyToLastCheck() const { return m_replyToLast; }
    QString statusText() const;

    void bindPort(quint16 port);   // as if typed and Bind pressed (used by --udp)

private:
    void toggle();
    void onBound(const QString &address, quint16 port);
    void onClosed();
    void onDatagrams(const QList<socketeer::Datagram> &batch);
    void onError(const socketeer::Error &error);
    void send(const QByteArray &message);
    void updateControls();
    void setStatus(const QString &text, bool isError);

    UdpEndpoint *m_endpoint;
    LocalAddressCombo *m_bindAddress;
    PortEdit *m_bindPort;
    QPushButton *m_bindButton;
    QCheckBox *m_broadcast;
    HostEdit *m_targetHost;
    PortEdit *m_targetPort;
    QCheckBox *m_replyToLast;
    QLineEdit *m_group;
    QPushButton *m_joinButton;
    QPushButton *m_leaveButton;
    QLabel *m_status;
    MessageLogView *m_log;
    SendBox *m_sendBox;
    FramingBar *m_framing;   // framing and check values of what is shown and sent
    TrafficCounters *m_counters;
    AutoReplyFields *m_rules;
    bool m_binding = false;
    bool m_hadError = false;
};

} // namespace socketeer::ui
