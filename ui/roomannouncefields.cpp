#include "roomannouncefields.h"

#include "fieldmemory.h"

#include "net/error.h"
#include "net/limits.h"
#include "rooms/roomannouncer.h"
#include "tcp/tcpserver.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace socketeer::ui {

RoomAnnounceFields::RoomAnnounceFields(TcpServer *server, QWidget *parent)
    : QWidget(parent),
      m_server(server),
      m_announcer(new RoomAnnouncer(this)),
      m_announce(new QCheckBox(tr("Announce on the net&work as"), this)),
      m_name(new QLineEdit(this))
{
    m_announce->setObjectName(QStringLiteral("announceCheck"));
    m_announce->setToolTip(tr("Every %1 seconds, tell the local network about this room (its name, port, TLS and how many "
                              "are in it) by IPv4 broadcast and IPv6 multicast to UDP port %2, so clients list it under "
                              "\"Rooms on this network\". Needs the server to listen beyond loopback (0.0.0.0, :: or an "
                              "address of this machine).")
                               .arg(limits::kRoomAnnounceInterval.count() / 1000)
                               .arg(kRoomDiscoveryPort));
    m_name->setObjectName(QStringLiteral("announceName"));
    m_name->setAccessibleName(tr("Room name"));
    m_name->setToolTip(tr("The room's name in the lists of those who look for rooms: up to %1 characters, spaces and "
                          "Chinese welcome")
                           .arg(limits::kRoomNameMaxChars));
    m_name->setPlaceholderText(tr("Room name"));
    m_name->setMaxLength(limits::kRoomNameMaxChars * 2);   // characters are checked properly on use
    m_name->setText(tr("Socketeer room"));
    rememberField(m_name);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_announce);
    layout->addWidget(m_name, 1);

    connect(m_announce, &QCheckBox::toggled, this, &RoomAnnounceFields::apply);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_announcer->isRunning() && m_name->text().trimmed() != m_announcer->room().name)
            apply();   // a new name is a new announcement, at once
    });
    connect(m_announcer, &RoomAnnouncer::errorOccurred, this,
            [this](const Error &error) { emit status(tr("announcing the room: %1").arg(error.message()), true); });
    connect(m_server, &TcpServer::started, this, [this](const QString &address, quint16 port) {
        m_listenHost = address;
        m_port = port;
        apply();
    });
    connect(m_server, &TcpServer::stopped, this, [this] {
        m_port = 0;
        m_announcer->stop();
    });
    connect(m_server, &TcpServer::chatMemberJoined, this, &RoomAnnounceFields::updateMembers);
    connect(m_server, &TcpServer::chatMemberLeft, this, &RoomAnnounceFields::updateMembers);
}

RoomAnnounceFields::~RoomAnnounceFields() = default;

void RoomAnnounceFields::apply()
{
    const bool was = m_announcer->isRunning();
    m_announcer->stop();
    if (!m_announce->isChecked() || m_port == 0) {
        if (was)
            emit status(tr("the room is no longer announced"), false);
        return;
    }
    RoomAnnouncer::Config config;
    config.room.name = m_name->text().trimmed();
    config.room.port = m_port;
    config.room.tls = m_server->config().tls != nullptr;
    config.room.members = static_cast<int>(m_server->chatMembers().size());
    config.listenHost = m_listenHost;
    if (const QString problem = m_announcer->start(config); !problem.isEmpty()) {
        emit status(tr("The room is not announced: %1").arg(problem), true);
        const QSignalBlocker block(m_announce);
        m_announce->setChecked(false);
        return;
    }
    emit status(tr("announcing the room as \"%1\" on the local network").arg(config.room.name), false);
}

void RoomAnnounceFields::updateMembers()
{
    m_announcer->setMembers(static_cast<int>(m_server->chatMembers().size()));
}

} // namespace socketeer::ui
