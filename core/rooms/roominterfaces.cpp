#include "roominterfaces.h"

#include <QHostAddress>
#include <QNetworkAddressEntry>
#include <QNetworkInterface>

namespace socketeer {

QList<RoomInterface> roomInterfaces()
{
    QList<RoomInterface> out;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        const auto flags = interface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning) || (flags & QNetworkInterface::IsLoopBack))
            continue;
        RoomInterface room;
        room.name = interface.name();
        room.multicast = flags.testFlag(QNetworkInterface::CanMulticast);
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol) {
                room.ipv4.append(ip.toString());
                if (flags.testFlag(QNetworkInterface::CanBroadcast) && !entry.broadcast().isNull())
                    room.broadcast4.append(entry.broadcast().toString());
            } else if (ip.protocol() == QAbstractSocket::IPv6Protocol) {
                room.ipv6.append(ip.toString());
            }
        }
        if (room.multicast || !room.broadcast4.isEmpty())
            out.append(room);
    }
    return out;
}

} // namespace socketeer
