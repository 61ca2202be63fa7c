#pragma once
// One relayed TCP connection, on the relay engine's thread: the accepted client socket, the socket
// to the target (connected without blocking), and a RelayPipe each way. The engine tells it what
// epoll and the timer saw; it reads, schedules, sends, passes FINs on, cuts and resets, and says
// what it waits for next (interest(), nextWake()) until finished().

#include "relaypipe.h"

#include "net/socket.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace socketeer {

// What a connection needs from the engine that runs it.
class RelayConnectionHost {
public:
    virtual const RelayImpairments &impairments() const = 0;
    virtual bool reportData() const = 0;   // Forwarded events carry the bytes (someone listens)
    virtual bool congested() const = 0;    // the front end is behind: read nothing
    virtual void post(RelayEvent event) = 0;
    virtual std::span<char> readBuffer() = 0;

protected:
    ~RelayConnectionHost() = default;
};

class RelayConnection {
public:
    using Clock = RelayPipe::Clock;
    enum Side { Client = 0, Target = 1 };

    RelayConnection(quint64 id, Accepted client, const std::vector<SocketAddress> &targets, Clock::time_point now,
                    std::uint64_t seed, RelayConnectionHost &host);
    RelayConnection(const RelayConnection &) = delete;
    RelayConnection &operator=(const RelayConnection &) = delete;

    quint64 id() const { return m_id; }
    // Begins connecting to the target (the first address that does not fail at once).
    void start(Clock::time_point now);
    // epoll reported `events` on one side's socket.
    void handle(Side side, std::uint32_t events, Clock::time_point now);
    // The time from nextWake() has come (or any time: it does what is due).
    void tick(Clock::time_point now);
    // The user closed it: both sides get a FIN, what they still send is read and dropped.
    void close(const QString &reason, Clock::time_point now);
    // The relay stops: both sockets close now.
    void stop(const QString &reason);

    bool finished() const { return m_finished; }
    const QString &reason() const { return m_reason; }
    int fd(Side side) const;
    std::uint32_t interest(Side side) const;   // what epoll should watch for now (0: nothing)
    std::optional<Clock::time_point> nextWake() const;

private:
    enum class State { Connecting, Open, Draining };
    struct End {
        Socket socket;
        SocketAddress address;
        bool eof = false;        // the peer closed its sending side (recv gave 0)
        bool shut = false;       // we shut our sending side towards it (FIN passed on)
        bool blocked = false;    // a send towards it would block: wait for EPOLLOUT
        quint64 chunks = 0;      // recv()s from it not yet reported in a Forwarded
    };

    End &end(Side side) { return side == Client ? m_client : m_target; }
    const End &end(Side side) const { return side == Client ? m_client : m_target; }
    // The pipe that carries what `side` sends.
    RelayPipe &from(Side side) { return side == Client ? m_up : m_down; }
    const RelayPipe &from(Side side) const { return side == Client ? m_up : m_down; }
    static Side other(Side side) { return side == Client ? Target : Client; }
    static RelayDirection wayFrom(Side side) { return side == Client ? RelayDirection::Up : RelayDirection::Down; }

    void connectNext(Clock::time_point now);
    void connected(Clock::time_point now);
    bool wantsRead(Side side) const;
    void read(Side side, Clock::time_point now);
    // Sends what is due from `side`'s pipe to the other side.
    void pump(Side side, Clock::time_point now);
    bool sendData(Side side, RelayPiece &piece);
    void flushForwarded();
    void passShutdown(End &to);
    void resetWhenSent(Side side, Clock::time_point now);
    void report(Side side, std::vector<RelayActed> &acted);
    void impaired(RelayDirection way, RelayAction action, const QString &detail, const char *call);
    void beginDrain(const QString &reason, Clock::time_point now);
    void abort(const QString &reason);   // RST to both sides
    void finish(const QString &reason);
    void checkDone();

    const quint64 m_id;
    RelayConnectionHost &m_host;
    const std::vector<SocketAddress> &m_targets;
    std::size_t m_nextTarget = 0;
    std::optional<Error> m_connectError;
    const Clock::time_point m_openedAt;
    Clock::time_point m_connectDeadline;
    Clock::time_point m_drainDeadline;
    std::optional<Clock::time_point> m_resetWaitUntil;   // a byte-count reset waits for the send queue
    std::optional<Clock::time_point> m_resetRetryAt;     // ...and looks again then
    State m_state = State::Connecting;
    End m_client;
    End m_target;
    RelayPipe m_up;     // client → target
    RelayPipe m_down;   // target → client
    std::vector<RelayActed> m_acted;
    std::optional<RelayEvent> m_forwarding;   // sends of this round, reported together
    bool m_finished = false;
    QString m_reason;
    QString m_drainReason;
};

} // namespace socketeer
