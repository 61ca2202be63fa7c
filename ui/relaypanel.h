#pragma once
// The relay panel: listen on a local port, forward every TCP connection or UDP sender to a target,
// misbehave on the way as the impairments say, and log both directions and every impairment that
// acted, so a class sees cause and effect.

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace socketeer {
class Relay;
struct Error;
enum class RelayDirection;
}

namespace socketeer::ui {

class HostEdit;
class ImpairmentFields;
class LocalAddressCombo;
class MessageLogView;
class PortEdit;
class Settings;
class TrafficCounters;

class RelayPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayPanel)
public:
    explicit RelayPanel(Settings &settings, QWidget *parent = nullptr);
    ~RelayPanel() override;

    Relay *relay() const { return m_relay; }
    MessageLogView *log() const { return m_log; }
    TrafficCounters *counters() const { return m_counters; }
    ImpairmentFields *impairments() const { return m_impairments; }
    LocalAddressCombo *listenAddress() const { return m_listenAddress; }
    PortEdit *listenPort() const { return m_listenPort; }
    HostEdit *targetHost() const { return m_targetHost; }
    PortEdit *targetPort() const { return m_targetPort; }
    QComboBox *protocol() const { return m_protocol; }
    QPushButton *startButton() const { return m_start; }
    QString statusText() const;
    bool isUdp() const;

private:
    void toggle();
    void apply();
    void onStarted(const QString &address, quint16 port);
    void onStopped();
    void onError(const socketeer::Error &error);
    void onForwarded(quint64 id, socketeer::RelayDirection direction, const QByteArray &bytes);
    void onImpaired(quint64 id, socketeer::RelayDirection direction, const QString &action, const QString &detail);
    QString connectionName(quint64 id) const;
    void updateControls();
    void setStatus(const QString &text, bool isError);

    Relay *m_relay;
    LocalAddressCombo *m_listenAddress;
    PortEdit *m_listenPort;
    HostEdit *m_targetHost;
    PortEdit *m_targetPort;
    QComboBox *m_protocol;
    QPushButton *m_start;
    ImpairmentFields *m_impairments;
    QLabel *m_status;
    MessageLogView *m_log;
    TrafficCounters *m_counters;
    bool m_starting = false;
    bool m_hadError = false;
};

} // namespace socketeer::ui
