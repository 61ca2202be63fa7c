#pragma once
// What the UDP suites (loopback and the netns network) say the same way: a config bound to a host,
// opening and waiting for the port, and the datagrams a spy collected.

#include "udp/udpendpoint.h"

#include <QByteArrayList>
#include <QSignalSpy>

namespace testsupport {

inline socketeer::UdpConfig udpConfigFor(const QString &host, quint16 port = 0)
{
    socketeer::UdpConfig config;
    config.bind = socketeer::Endpoint{host, port, {}};
    return config;
}

// Opens and waits for bound(); the port it got, 0 on failure.
inline quint16 openUdpOn(socketeer::UdpEndpoint &endpoint, const socketeer::UdpConfig &config, int timeoutMs = 10000)
{
    QSignalSpy bound(&endpoint, &socketeer::UdpEndpoint::bound);
    if (!endpoint.open(config) || !bound.wait(timeoutMs))
        return 0;
    return bound.at(0).at(1).value<quint16>();
}

// Every datagram a datagramsReceived spy saw, in order (they arrive in batches).
inline QList<socketeer::Datagram> datagramsIn(const QSignalSpy &spy)
{
    QList<socketeer::Datagram> all;
    for (const auto &args : spy)
        all += args.at(0).value<QList<socketeer::Datagram>>();
    return all;
}

inline QByteArrayList payloadsIn(const QSignalSpy &spy)
{
    QByteArrayList all;
    for (const socketeer::Datagram &datagram : datagramsIn(spy))
        all << datagram.data;
    return all;
}

} // namespace testsupport
