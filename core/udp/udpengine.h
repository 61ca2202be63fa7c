#pragma once
// The worker behind UdpEndpoint: one thread owns the datagram socket, resolves names, sends,
// drains what arrives and reports everything through the mailbox. It starts in the constructor
// and the destructor stops and joins it.

#include "udptypes.h"

#include "net/error.h"
#include "net/mailbox.h"

#include <atomic>
#include <memory>
#include <thread>

namespace socketeer {

struct UdpEvent {
    enum class Type { Bound, Received, Sent, BroadcastChanged, GroupJoined, GroupLeft, Failed, Closed, AutoReplied };
    Type type = Type::Received;
    SocketAddress address;   // Bound: the local address; Sent: where it went
    Datagram datagram;       // Received
    qint64 bytes = 0;        // Sent
    QString group;           // GroupJoined, GroupLeft
    bool enabled = false;    // BroadcastChanged
    Error error;             // Failed
    // AutoReplied: address is whom it answered, datagram.data what was sent, reason why nothing was.
    int rule = -1;
    QString reason;
};

using UdpEventSink = Mailbox<UdpEvent>;

// Bumped by the worker, read by anyone.
struct UdpCounters {
    std::atomic<quint64> datagramsIn{0};
    std::atomic<quint64> datagramsOut{0};
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
};

class UdpEngine {
public:
    UdpEngine(const UdpConfig &config, UdpEventSink &sink, UdpCounters &counters);
    ~UdpEngine();
    UdpEngine(const UdpEngine &) = delete;
    UdpEngine &operator=(const UdpEngine &) = delete;

    // All thread-safe: they queue a command and wake the worker.
    void sendTo(const Endpoint &to, const QByteArray &data);
    void sendTo(const SocketAddress &to, const QByteArray &data);
    void setBroadcast(bool on);
    void joinGroup(const QString &group, const QString &interfaceName);
    void leaveGroup(const QString &group, const QString &interfaceName);
    void setMulticastInterface(const QString &interfaceName);
    void requestStop();
    void resumeReading();   // the sink has room again

    struct Loop;

private:
    std::unique_ptr<Loop> m_loop;
    std::jthread m_thread;   // last: joined before the loop it runs is destroyed
};

} // namespace socketeer
