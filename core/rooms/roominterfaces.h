#pragma once
// The network interfaces rooms are announced on and listened for on: up, running, not loopback
// (a room on loopback is for this machine only, and needs no finding), able to multicast or to
// broadcast. Read from the system each time, so an interface that comes up later is used then.

#include <QString>
#include <QList>

namespace socketeer {

struct RoomInterface {
    QString name;                 // "eth0", "v0"
    QList<QString> ipv4;          // its IPv4 addresses
    QList<QString> broadcast4;    // their broadcast addresses ("10.99.0.255"), if it can broadcast
    bool multicast = false;
    QList<QString> ipv6;          // its IPv6 addresses (a link-local one at least, with its %scope)
};

QList<RoomInterface> roomInterfaces();

} // namespace socketeer
