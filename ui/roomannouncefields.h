#pragma once
// "Announce on the network as NAME" for a running chat room (core/rooms/roomannouncer.h): one click
// tells the local network the room exists, so the class finds it in "Rooms on this network"
// without typing an address. Off until ticked; refused, with the reason, for a room that listens on
// loopback only. It follows the server on its own (started, stopped, who is in the room), so the
// panel only places it.

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace socketeer {
class RoomAnnouncer;
class TcpServer;
}

namespace socketeer::ui {

class RoomAnnounceFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomAnnounceFields)
public:
    RoomAnnounceFields(TcpServer *server, QWidget *parent = nullptr);
    ~RoomAnnounceFields() override;

    QCheckBox *announceCheck() const { return m_announce; }
    QLineEdit *nameEdit() const { return m_name; }
    RoomAnnouncer *announcer() const { return m_announcer; }

signals:
    // What happened, for the panel's status line and log.
    void status(const QString &text, bool isError);

private:
    void apply();
    void updateMembers();

    TcpServer *m_server;
    RoomAnnouncer *m_announcer;
    QCheckBox *m_announce;
    QLineEdit *m_name;
    QString m_listenHost;
    quint16 m_port = 0;
};

} // namespace socketeer::ui
