#include "panelaccess.h"

#include "clientpanel.h"
#include "serverpanel.h"
#include "udppanel.h"

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "udp/udpendpoint.h"

namespace socketeer::ui {

SendBox *sendBoxOf(QWidget *panel)
{
    if (auto *client = qobject_cast<ClientPanel *>(panel))
        return client->sendBox();
    if (auto *server = qobject_cast<ServerPanel *>(panel))
        return server->sendBox();
    if (auto *udp = qobject_cast<UdpPanel *>(panel))
        return udp->sendBox();
    return nullptr;
}

QMetaObject::Connection connectReceived(QWidget *panel, QObject *context, std::function<void(const QByteArray &)> received)
{
    if (auto *client = qobject_cast<ClientPanel *>(panel))
        return QObject::connect(client->client(), &TcpClient::dataReceived, context, received);
    if (auto *server = qobject_cast<ServerPanel *>(panel))
        return QObject::connect(server->server(), &TcpServer::dataReceived, context,
                                [received](quint64, const QByteArray &data) { received(data); });
    if (auto *udp = qobject_cast<UdpPanel *>(panel))
        return QObject::connect(udp->endpoint(), &UdpEndpoint::datagramsReceived, context, [received](const QList<Datagram> &batch) {
            for (const Datagram &datagram : batch)
                received(datagram.data);
        });
    return {};
}

} // namespace socketeer::ui
