#pragma once
// The private test network of scripts/netns-run, as the tests inside it see it: this process is
// host A, and $TESTNET_B is the command prefix that runs a program on host B.

#include "peer.h"

#include <QByteArray>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testsupport::testnet {

inline const QString kHostA4 = QStringLiteral("10.99.0.1");
inline const QString kHostB4 = QStringLiteral("10.99.0.2");
inline const QString kBroadcast4 = QStringLiteral("10.99.0.255");
inline const QString kHostA6 = QStringLiteral("fd99::1");
inline const QString kHostB6 = QStringLiteral("fd99::2");
inline const QString kInterfaceA = QStringLiteral("v0");

// The nsenter command that runs a program on host B ($TESTNET_B split into words).
inline QStringList hostBPrefix()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("TESTNET_B")).split(u' ', Qt::SkipEmptyParts);
}

// Empty when this process runs inside the test network, else why not (for QFAIL: a test that
// needs the network must fail without it, never pass by skipping).
inline QString whyNotInside()
{
    if (hostBPrefix().isEmpty())
        return QStringLiteral("TESTNET_B is not set: run this test through scripts/netns-run (ctest does)");
    bool haveA = false;
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        haveA |= address == QHostAddress(kHostA4);
    if (!haveA)
        return QStringLiteral("%1 is not an address of this host: not inside scripts/netns-run's network").arg(kHostA4);
    return {};
}

// tests/peers/<script> run by /usr/bin/python3 on host B.
inline bool startPythonOnB(Peer &peer, const QString &script, const QStringList &arguments = {})
{
    const QStringList prefix = hostBPrefix();
    if (prefix.isEmpty())
        return false;
    return peer.startProgram(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral("/usr/bin/python3"), QStringLiteral("-u"),
                                                                          Peer::peersDir() + u'/' + script} + arguments);
}

// `socketeer ARGUMENTS` (a server) on host B; its port from its "listening on HOST PORT" line,
// 0 if it did not start.
inline quint16 startSocketeerOnB(Peer &peer, const QStringList &arguments)
{
    const QStringList prefix = hostBPrefix();
    if (prefix.isEmpty() || !peer.startProgram(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral(SOCKETEER_CLI_PATH)} + arguments))
        return 0;
    const QByteArray line = peer.readLine(20000);
    return line.startsWith("listening on ") ? static_cast<quint16>(line.split(' ').last().toUInt()) : 0;
}

// tests/peers/udp_sender.py: sends one datagram per call and says where from. On host B
// (SenderOnB) or here on host A (SenderOnA).
class UdpSenderPeer {
public:
    // The source "HOST PORT" the kernel used, empty on failure.
    QByteArray send(const QString &host, quint16 port, const QByteArray &data)
    {
        m_peer.write(host.toLatin1() + ' ' + QByteArray::number(port) + ' ' + data.toHex() + '\n');
        const QByteArray line = m_peer.readLine();
        const QByteArray expectedEnd = ' ' + QByteArray::number(data.size());
        if (!line.startsWith("sent ") || !line.endsWith(expectedEnd))
            return {};
        return line.mid(5, line.size() - 5 - expectedEnd.size());
    }

protected:
    Peer m_peer;
};

class SenderOnB : public UdpSenderPeer {
public:
    bool start() { return startPythonOnB(m_peer, QStringLiteral("udp_sender.py")) && m_peer.readLine(20000) == "ready"; }
};

class SenderOnA : public UdpSenderPeer {
public:
    bool start() { return m_peer.startPython(QStringLiteral("udp_sender.py")) && m_peer.readLine(20000) == "ready"; }
};

} // namespace testsupport::testnet
