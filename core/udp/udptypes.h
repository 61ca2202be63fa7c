#pragma once
// Plain values shared by the UDP endpoint's front end, its worker and its users.

#include "net/address.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <memory>

namespace socketeer {

class AutoReplier;

struct UdpConfig {
    Endpoint bind{QStringLiteral("127.0.0.1"), 0, {}};   // loopback unless told otherwise; port 0: any free
    bool broadcast = false;                              // SO_BROADCAST from the start
    // Share the port with other listeners on this machine (SO_REUSEADDR), and for IPv6 take IPv6
    // only: for a well-known port that only broadcast and multicast arrive on (room discovery).
    bool shareAddress = false;
    // The worker's name on the timeline (its lane): what it is for, when it is not the UDP panel's.
    QString threadName = QStringLiteral("udp");
    // Bytes kept of each datagram. The default holds the largest IPv4 or IPv6 datagram; a smaller
    // one cuts longer datagrams, and they arrive flagged `truncated`, never silently short.
    qsizetype receiveBufferSize = 65536;
    // Auto-reply rules (core/text/autoreply.h): each datagram is one message (with line framing, the
    // default, one LF or CR LF at its end is not part of it: what `nc -u` sends), answered to its
    // sender ("to all" too: UDP has no clients). Null: none.
    std::shared_ptr<const AutoReplier> rules;
};

// The largest payload one UDP datagram can carry: 65535 minus the UDP header (8) and, for IPv4,
// the smallest IP header (20). IPv6's fixed header is not counted in its payload length.
inline constexpr qsizetype kMaxUdpPayloadIPv4 = 65507;
inline constexpr qsizetype kMaxUdpPayloadIPv6 = 65527;

struct Datagram {
    QByteArray data;             // as received: at most the receive buffer's size
    QString sender;              // "127.0.0.1:50007", "[::1]:50007"
    SocketAddress senderAddress;
    qint64 fullSize = 0;         // the datagram's real length (MSG_TRUNC)
    bool truncated = false;      // fullSize > data.size(): the buffer was too small
    QDateTime receivedAt;        // UTC, taken on the worker as recvfrom() returned
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::Datagram)
