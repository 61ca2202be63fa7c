#include "udpengine.h"

#include "text/autoreply.h"

#include "net/commandqueue.h"
#include "net/limits.h"
#include "net/open.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Udp)
};

struct SendToEndpoint { Endpoint to; QByteArray data; };
struct SendToAddress { SocketAddress to; QByteArray data; };
struct SetBroadcast { bool on; };
struct Membership { QString group; QString interfaceName; bool join; };
struct MulticastInterface { QString interfaceName; };
struct Stop {};
struct Resume {};
using Command = std::variant<SendToEndpoint, SendToAddress, SetBroadcast, Membership, MulticastInterface, Stop, Resume>;

// Per wake-up: enough to empty the socket buffer of a fast sender in a few rounds, few enough that
// a close() or a send waiting behind a flood is seen promptly.
constexpr int kDrainBudget = 256;

struct PendingSend {
    SocketAddress to;
    QByteArray data;
};

bool isV4Mapped(const SocketAddress &address)
{
    if (address.family() != AF_INET6)
        return false;
    // ::ffff:0:0/96, spelled out: the libc macro's casts trip -Wold-style-cast.
    const std::uint8_t *bytes = reinterpret_cast<const sockaddr_in6 *>(address.data())->sin6_addr.s6_addr;
    static constexpr std::uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(bytes, prefix, sizeof prefix) == 0;
}

// An IPv4 destination for a dual-stack IPv6 socket: ::ffff:a.b.c.d, same port.
SocketAddress v4Mapped(const SocketAddress &v4)
{
    sockaddr_in6 v6{};
    v6.sin6_family = AF_INET6;
    v6.sin6_port = reinterpret_cast<const sockaddr_in *>(v4.data())->sin_port;
    v6.sin6_addr.s6_addr[10] = 0xff;
    v6.sin6_addr.s6_addr[11] = 0xff;
    std::memcpy(&v6.sin6_addr.s6_addr[12], &reinterpret_cast<const sockaddr_in *>(v4.data())->sin_addr, 4);
    return SocketAddress::fromSockaddr(reinterpret_cast<const sockaddr *>(&v6), sizeof v6);
}

// setsockopt with a struct, which Socket::setOption (ints only) cannot pass; recorded like the
// calls Socket makes so the timeline shows group changes too.
template <typename Value>
Result<void> setStructOption(const Socket &socket, int level, int name, const char *nameText, const Value &value,
                             const QString &what)
{
    const int rc = ::setsockopt(socket.fd(), level, name, &value, sizeof value);
    const int err = rc < 0 ? errno : 0;
    trace::record("setsockopt", [&] { return QStringLiteral("fd %1, %2, %3").arg(socket.fd()).arg(QLatin1String(nameText), what); },
                  rc, err);
    if (rc < 0)
        return Error::fromErrno(ErrorKind::Socket, err, what);
    return {};
}

// An interface by name ("eth0") or index ("2"); 0 if there is none.
unsigned interfaceIndex(const QString &name)
{
    bool numeric = false;
    const unsigned index = name.toUInt(&numeric);
    return numeric ? index : ::if_nametoindex(name.toLocal8Bit().constData());
}

} // namespace

struct UdpEngine::Loop {
    Loop(const UdpConfig &endpointConfig, UdpEventSink &eventSink, UdpCounters &endpointCounters, Wakeup wakeup)
        : config(endpointConfig), sink(eventSink), counters(endpointCounters), commands(std::move(wakeup))
    {
        if (config.rules) {
            replies = std::make_unique<AutoReplyStream>(config.rules);
            const FrameKind kind = config.rules->framing().kind;
            stripLineEnd = kind == FrameKind::Line || kind == FrameKind::Crlf;
        }
    }

    const UdpConfig config;
    UdpEventSink &sink;
    UdpCounters &counters;
    CommandQueue<Command> commands;

    Socket socket;
    std::vector<char> buffer;
    std::vector<UdpEvent> batch;     // one drain's datagrams, handed over under one lock
    SocketAddress lastSender;        // formatting an address per datagram would cost more than
    QString lastSenderText;          // receiving it; a flood mostly comes from one sender
    std::deque<PendingSend> pending;
    qint64 pendingBytes = 0;   // with each datagram's overhead
    bool stopping = false;
    // Auto-reply rules: whom each reply answers, by the cookie its message was given, until the
    // last reply of that message is sent.
    std::unique_ptr<AutoReplyStream> replies;
    bool stripLineEnd = false;
    quint64 nextCookie = 0;
    std::unordered_map<quint64, SocketAddress> replyTo;

    void run();
    void answer(const SocketAddress &from, QByteArrayView message);
    void sendReplies(QList<AutoReply> list);
    int pollTimeout(bool reading) const;
    bool setUp();
    void serve();
    void tearDown();
    void runCommands();
    void drain();
    void sendTo(const Endpoint &to, QByteArray data);
    void send(const SocketAddress &to, QByteArray data);
    void flushPending();
    void setBroadcast(bool on);
    void changeMembership(const Membership &membership);
    void setMulticastInterface(const QString &interfaceName);

    void post(UdpEvent event) { sink.post(std::move(event)); }
    void fail(Error error)
    {
        UdpEvent event;
        event.type = UdpEvent::Type::Failed;
        event.error = std::move(error);
        post(std::move(event));
    }
    void sent(const SocketAddress &to, std::size_t bytes)
    {
        counters.datagramsOut.fetch_add(1, std::memory_order_relaxed);
        counters.bytesOut.fetch_add(bytes, std::memory_order_relaxed);
        UdpEvent event;
        event.type = UdpEvent::Type::Sent;
        event.address = to;
        event.bytes = static_cast<qint64>(bytes);
        post(std::move(event));
    }
};

void UdpEngine::Loop::run()
{
    trace::setThreadName(config.threadName);
    if (setUp())
        serve();
    tearDown();
}

bool UdpEngine::Loop::setUp()
{
    if (config.bind.isUnix()) {
        fail(Error::invalid(Text::tr("UDP binds a host and port, not the socket path \"%1\"").arg(config.bind.unixPath)));
        return false;
    }
    if (config.receiveBufferSize <= 0) {
        fail(Error::invalid(Text::tr("a receive buffer of %1 bytes").arg(config.receiveBufferSize)));
        return false;
    }
    auto bound = bindDatagram(config.bind, true, DatagramSharing{config.shareAddress, config.shareAddress});
    if (!bound) {
        fail(bound.error());
        return false;
    }
    socket = std::move(bound).value();
    // Our own multicast comes back to us, so one machine can test a group on its own. Linux's
    // default already, but a default is not a promise.
    const bool v6 = socket.family() == AF_INET6;
    if (auto r = socket.setOption(v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_MULTICAST_LOOP : IP_MULTICAST_LOOP, 1); !r) {
        fail(r.error());
        return false;
    }
    if (config.broadcast) {
        if (auto r = socket.setOption(SOL_SOCKET, SO_BROADCAST, 1); !r) {
            fail(r.error());
            return false;
        }
    }
    // Room for a burst: the default (about 200 KiB, some 270 small datagrams) overflows within a
    // millisecond of a fast sender whenever this thread waits for a core. The kernel caps the
    // request at net.core.rmem_max; failing to get it is not an error.
    (void)socket.setOption(SOL_SOCKET, SO_RCVBUF, limits::kUdpReceiveBufferBytes);
    // Anything larger than the largest datagram would never be filled.
    buffer.resize(static_cast<std::size_t>(std::min<qsizetype>(config.receiveBufferSize, 65536)));
    auto local = socket.sockName();
    if (!local) {
        fail(local.error());
        return false;
    }
    UdpEvent event;
    event.type = UdpEvent::Type::Bound;
    event.address = *local;
    post(std::move(event));
    return true;
}

void UdpEngine::Loop::serve()
{
    while (!stopping) {
        // While the receiver is behind, leave datagrams in the kernel (it drops what overflows:
        // that is UDP) and look only for commands; the sink wakes us once it has caught up.
        const bool reading = !sink.congested();
        const short socketEvents = static_cast<short>((reading ? POLLIN : 0) | (pending.empty() ? 0 : POLLOUT));
        pollfd fds[2] = {{commands.fd(), POLLIN, 0}, {socket.fd(), socketEvents, 0}};
        const int ready = ::poll(fds, 2, pollTimeout(reading));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            fail(Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll")));
            return;
        }
        if (fds[0].revents & POLLIN)
            runCommands();
        if (stopping)
            return;
        if (replies)
            sendReplies(replies->due(AutoReplyStream::Clock::now()));
        if (fds[1].revents & POLLOUT)
            flushPending();
        if (reading && (fds[1].revents & (POLLIN | POLLERR))) {
            drain();
        } else if (fds[1].revents & POLLERR) {
            // Not reading, so recvfrom() will not collect the error: take it, or poll spins.
            if (auto err = socket.option(SOL_SOCKET, SO_ERROR); err && *err)
                fail(Error::fromErrno(ErrorKind::Receive, *err, {}));
        }
    }
}

void UdpEngine::Loop::tearDown()
{
    if (!pending.empty())
        fail(Error::fromErrno(ErrorKind::Send, ECANCELED,
                              Text::tr("%n datagram(s) still waiting when the endpoint closed", nullptr, static_cast<int>(pending.size()))));
    pending.clear();
    socket.close();   // leaves every multicast group with it
    UdpEvent event;
    event.type = UdpEvent::Type::Closed;
    post(std::move(event));
}

void UdpEngine::Loop::runCommands()
{
    for (Command &command : commands.take()) {
        if (stopping)
            break;   // close() means close: what was queued behind it is dropped
        if (auto *toEndpoint = std::get_if<SendToEndpoint>(&command))
            sendTo(toEndpoint->to, std::move(toEndpoint->data));
        else if (auto *toAddress = std::get_if<SendToAddress>(&command))
            send(toAddress->to, std::move(toAddress->data));
        else if (auto *broadcast = std::get_if<SetBroadcast>(&command))
            setBroadcast(broadcast->on);
        else if (auto *membership = std::get_if<Membership>(&command))
            changeMembership(*membership);
        else if (auto *multicast = std::get_if<MulticastInterface>(&command))
            setMulticastInterface(multicast->interfaceName);
        else if (std::holds_alternative<Stop>(command))
            stopping = true;
        // Resume needs nothing: having woken up is the point.
    }
}

void UdpEngine::Loop::drain()
{
    for (int i = 0; i < kDrainBudget && !sink.congested(); ++i) {
        auto received = socket.recvFrom(std::span<char>(buffer.data(), buffer.size()));
        if (!received) {
            // Not ready: drained. Anything else (an ICMP error queued on the socket, say) is
            // reported, after what came before it; the socket stays usable, and the next
            // wake-up tries again.
            if (received.error().code != std::errc::operation_would_block) {
                sink.postAll(batch);
                fail(received.error());
            }
            break;
        }
        counters.datagramsIn.fetch_add(1, std::memory_order_relaxed);
        counters.bytesIn.fetch_add(received->fullSize, std::memory_order_relaxed);
        if (lastSenderText.isEmpty() || !(received->from == lastSender)) {
            lastSender = received->from;
            lastSenderText = received->from.toString();
        }
        UdpEvent event;
        event.type = UdpEvent::Type::Received;
        Datagram &datagram = event.datagram;
        datagram.data = QByteArray(buffer.data(), static_cast<qsizetype>(received->size));
        datagram.senderAddress = received->from;
        datagram.sender = lastSenderText;
        datagram.fullSize = static_cast<qint64>(received->fullSize);
        datagram.truncated = received->truncated();
        // UTC: cheap on a hot path (no time-zone lookup); the UI shows it in local time.
        datagram.receivedAt = QDateTime::currentDateTimeUtc();
        batch.push_back(std::move(event));
        if (replies && !received->truncated())
            answer(received->from, QByteArrayView(buffer.data(), static_cast<qsizetype>(received->size)));
    }
    sink.postAll(batch);
}

void UdpEngine::Loop::answer(const SocketAddress &from, QByteArrayView message)
{
    if (stripLineEnd && message.endsWith('\n'))
        message.chop(message.endsWith("\r\n") ? 2 : 1);
    const quint64 cookie = ++nextCookie;
    QList<AutoReply> list = replies->pushMessage(message, AutoReplyStream::Clock::now(), cookie);
    if (list.isEmpty() && !replies->nextDue())
        return;   // no rule matched
    // Every reply of this message, now and later, finds its address here until the last is sent.
    replyTo.emplace(cookie, from);
    sink.postAll(batch);   // the datagram (and those before it) before the reply it caused
    sendReplies(std::move(list));
}

void UdpEngine::Loop::sendReplies(QList<AutoReply> list)
{
    for (AutoReply &reply : list) {
        auto it = replyTo.find(reply.cookie);
        if (it == replyTo.end())
            continue;
        const SocketAddress to = it->second;
        UdpEvent event;
        event.type = UdpEvent::Type::AutoReplied;
        event.address = to;
        event.rule = reply.rule;
        event.reason = reply.error;
        event.datagram.data = reply.bytes;
        // Announced before its Sent (or send error), so a front end counting sends in flight can
        // count this one first.
        post(std::move(event));
        if (reply.error.isEmpty())
            send(to, std::move(reply.bytes));
    }
    // A message's address is kept while any of its replies still waits.
    if (replyTo.empty())
        return;
    std::unordered_set<quint64> waiting;
    for (const quint64 cookie : replies->pendingCookies())
        waiting.insert(cookie);
    std::erase_if(replyTo, [&](const auto &entry) { return !waiting.contains(entry.first); });
}

int UdpEngine::Loop::pollTimeout(bool reading) const
{
    int timeout = reading ? -1 : 100;
    if (const auto at = replies ? replies->nextDue() : std::nullopt) {
        const auto now = AutoReplyStream::Clock::now();
        const int ms = *at <= now ? 0
                                  : static_cast<int>(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(*at - now).count(), 60 * 1000));
        timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
    return timeout;
}

void UdpEngine::Loop::sendTo(const Endpoint &to, QByteArray data)
{
    if (to.isUnix()) {
        fail(Error::invalid(Text::tr("UDP sends to a host and port, not to the socket path \"%1\"").arg(to.unixPath)));
        return;
    }
    if (to.port == 0) {
        fail(Error::invalid(Text::tr("%1: a datagram cannot be sent to port 0").arg(to.toString())));
        return;
    }
    // Blocking (getaddrinfo), which is why it happens here and never in the caller's thread.
    auto addresses = resolve(to, {SocketType::Datagram, false});
    if (!addresses) {
        fail(addresses.error());
        return;
    }
    // A socket can only send to its own family; a dual-stack IPv6 socket reaches IPv4 too.
    const SocketAddress *sameFamily = nullptr;
    const SocketAddress *ipv4 = nullptr;
    for (const SocketAddress &address : *addresses) {
        if (!sameFamily && address.family() == socket.family())
            sameFamily = &address;
        if (!ipv4 && address.family() == AF_INET)
            ipv4 = &address;
    }
    if (sameFamily) {
        send(*sameFamily, std::move(data));
    } else if (ipv4 && socket.family() == AF_INET6) {
        send(v4Mapped(*ipv4), std::move(data));
    } else {
        fail(Error::invalid(Text::tr("%1 has no %2 address, and this endpoint is bound to %3")
                                .arg(to.toString(), socket.family() == AF_INET ? QStringLiteral("IPv4") : QStringLiteral("IPv6"),
                                     socket.sockName() ? socket.sockName()->toString() : QString())));
    }
}

void UdpEngine::Loop::send(const SocketAddress &to, QByteArray data)
{
    // Refuse what cannot fit in one datagram ourselves, with the limit in the message; the
    // kernel's EMSGSIZE (also ErrorKind::Limit, from Socket::sendTo) backs this up.
    const bool overIPv4 = to.family() == AF_INET || isV4Mapped(to);
    const qsizetype limit = overIPv4 ? kMaxUdpPayloadIPv4 : kMaxUdpPayloadIPv6;
    if (data.size() > limit) {
        fail(Error::fromErrno(ErrorKind::Limit, EMSGSIZE,
                              Text::tr("sending %1 bytes to %2: one UDP datagram over %3 carries at most %4 bytes")
                                  .arg(data.size())
                                  .arg(to.toString(), overIPv4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6"))
                                  .arg(limit)));
        return;
    }
    if (pending.empty()) {
        auto n = socket.sendTo(std::span<const char>(data.constData(), static_cast<std::size_t>(data.size())), to);
        if (n) {
            sent(to, *n);
            return;
        }
        if (n.error().code != std::errc::operation_would_block) {
            fail(n.error());
            return;
        }
    }
    // The send buffer is full (or others already wait): queue it behind them, in order.
    const qint64 weight = data.size() + limits::kDatagramOverheadBytes;
    if (pendingBytes + weight > limits::kUdpPendingSendBytes) {
        fail(Error::fromErrno(ErrorKind::Limit, ENOBUFS,
                              Text::tr("sending %1 bytes to %2: the send queue is full (%3 datagrams wait)").arg(data.size()).arg(to.toString()).arg(pending.size())));
        return;
    }
    pendingBytes += weight;
    pending.push_back({to, std::move(data)});
}

void UdpEngine::Loop::flushPending()
{
    while (!pending.empty()) {
        PendingSend &next = pending.front();
        auto n = socket.sendTo(std::span<const char>(next.data.constData(), static_cast<std::size_t>(next.data.size())), next.to);
        if (!n && n.error().code == std::errc::operation_would_block)
            return;
        if (n)
            sent(next.to, *n);
        else
            fail(n.error());
        pendingBytes -= next.data.size() + limits::kDatagramOverheadBytes;
        pending.pop_front();
    }
}

void UdpEngine::Loop::setBroadcast(bool on)
{
    if (auto r = socket.setOption(SOL_SOCKET, SO_BROADCAST, on ? 1 : 0); !r) {
        fail(r.error());
        return;
    }
    UdpEvent event;
    event.type = UdpEvent::Type::BroadcastChanged;
    event.enabled = on;
    post(std::move(event));
}

void UdpEngine::Loop::changeMembership(const Membership &membership)
{
    const QString &group = membership.group;
    auto address = SocketAddress::fromLiteral(group.trimmed(), 0);
    if (!address) {
        fail(Error::invalid(Text::tr("\"%1\" is not a multicast group address").arg(group)));
        return;
    }
    const QString action = (membership.join ? Text::tr("joining group %1") : Text::tr("leaving group %1")).arg(address->host());
    const QString what = membership.interfaceName.isEmpty() ? action : Text::tr("%1 on %2").arg(action, membership.interfaceName);
    unsigned index = 0;
    if (!membership.interfaceName.isEmpty()) {
        index = interfaceIndex(membership.interfaceName);
        if (index == 0) {
            fail(Error::invalid(Text::tr("%1: there is no network interface \"%2\"").arg(action, membership.interfaceName)));
            return;
        }
    }

    Result<void> result;
    if (address->family() == AF_INET) {
        const in_addr group4 = reinterpret_cast<const sockaddr_in *>(address->data())->sin_addr;
        if ((ntohl(group4.s_addr) & 0xf0000000u) != 0xe0000000u) {
            fail(Error::invalid(Text::tr("%1 is not a multicast address (224.0.0.0/4)").arg(group)));
            return;
        }
        ip_mreqn request{};
        request.imr_multiaddr = group4;
        request.imr_address.s_addr = htonl(INADDR_ANY);
        request.imr_ifindex = static_cast<int>(index);
        result = membership.join ? setStructOption(socket, IPPROTO_IP, IP_ADD_MEMBERSHIP, "IP_ADD_MEMBERSHIP", request, what)
                                 : setStructOption(socket, IPPROTO_IP, IP_DROP_MEMBERSHIP, "IP_DROP_MEMBERSHIP", request, what);
        // Sends to the group leave by the interface it was joined on, not wherever the routing
        // table points (which may be nowhere on a machine without a default route).
        if (result && membership.join && index)
            result = setStructOption(socket, IPPROTO_IP, IP_MULTICAST_IF, "IP_MULTICAST_IF", request, what);
    } else {
        if (socket.family() != AF_INET6) {
            fail(Error::invalid(Text::tr("the IPv6 group %1 needs an IPv6 endpoint (bind to :: or ::1)").arg(group)));
            return;
        }
        const in6_addr group6 = reinterpret_cast<const sockaddr_in6 *>(address->data())->sin6_addr;
        if (group6.s6_addr[0] != 0xff) {
            fail(Error::invalid(Text::tr("%1 is not a multicast address (ff00::/8)").arg(group)));
            return;
        }
        ipv6_mreq request{};
        request.ipv6mr_multiaddr = group6;
        request.ipv6mr_interface = index;
        result = membership.join ? setStructOption(socket, IPPROTO_IPV6, IPV6_JOIN_GROUP, "IPV6_JOIN_GROUP", request, what)
                                 : setStructOption(socket, IPPROTO_IPV6, IPV6_LEAVE_GROUP, "IPV6_LEAVE_GROUP", request, what);
        if (result && membership.join && index)
            result = setStructOption(socket, IPPROTO_IPV6, IPV6_MULTICAST_IF, "IPV6_MULTICAST_IF", static_cast<int>(index), what);
    }
    if (!result) {
        fail(result.error());
        return;
    }
    UdpEvent event;
    event.type = membership.join ? UdpEvent::Type::GroupJoined : UdpEvent::Type::GroupLeft;
    event.group = group;
    post(std::move(event));
}

// Where datagrams to a multicast group leave from now on (IP_MULTICAST_IF / IPV6_MULTICAST_IF),
// without joining: an announcer sends to one group on each interface in turn.
void UdpEngine::Loop::setMulticastInterface(const QString &interfaceName)
{
    const QString what = Text::tr("multicast out of %1").arg(interfaceName);
    const unsigned index = interfaceIndex(interfaceName);
    if (index == 0) {
        fail(Error::invalid(Text::tr("%1: there is no network interface \"%2\"").arg(what, interfaceName)));
        return;
    }
    Result<void> result;
    if (socket.family() == AF_INET) {
        ip_mreqn request{};
        request.imr_ifindex = static_cast<int>(index);
        result = setStructOption(socket, IPPROTO_IP, IP_MULTICAST_IF, "IP_MULTICAST_IF", request, what);
    } else {
        result = setStructOption(socket, IPPROTO_IPV6, IPV6_MULTICAST_IF, "IPV6_MULTICAST_IF", static_cast<int>(index), what);
    }
    if (!result)
        fail(result.error());
}

UdpEngine::UdpEngine(const UdpConfig &config, UdpEventSink &sink, UdpCounters &counters)
{
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        UdpEvent failed;
        failed.type = UdpEvent::Type::Failed;
        failed.error = wakeup.error();
        sink.post(std::move(failed));
        UdpEvent closed;
        closed.type = UdpEvent::Type::Closed;
        sink.post(std::move(closed));
        return;
    }
    m_loop = std::make_unique<Loop>(config, sink, counters, std::move(wakeup).value());
    m_thread = std::jthread([loop = m_loop.get()] { loop->run(); });
}

UdpEngine::~UdpEngine()
{
    requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void UdpEngine::sendTo(const Endpoint &to, const QByteArray &data)
{
    if (m_loop)
        m_loop->commands.push(SendToEndpoint{to, data});
}

void UdpEngine::sendTo(const SocketAddress &to, const QByteArray &data)
{
    if (m_loop)
        m_loop->commands.push(SendToAddress{to, data});
}

void UdpEngine::setBroadcast(bool on)
{
    if (m_loop)
        m_loop->commands.push(SetBroadcast{on});
}

void UdpEngine::joinGroup(const QString &group, const QString &interfaceName)
{
    if (m_loop)
        m_loop->commands.push(Membership{group, interfaceName, true});
}

void UdpEngine::leaveGroup(const QString &group, const QString &interfaceName)
{
    if (m_loop)
        m_loop->commands.push(Membership{group, interfaceName, false});
}

void UdpEngine::setMulticastInterface(const QString &interfaceName)
{
    if (m_loop)
        m_loop->commands.push(MulticastInterface{interfaceName});
}

void UdpEngine::requestStop()
{
    if (m_loop)
        m_loop->commands.push(Stop{});
}

void UdpEngine::resumeReading()
{
    if (m_loop)
        m_loop->commands.push(Resume{});
}

} // namespace socketeer
