#pragma once
// Bytes waiting to go out on one non-blocking stream socket, in order, with one write in flight
// (Asio chat's write queue). It only grows to a cap: a peer that never reads cannot make us hold
// its data without bound.

#include "error.h"

#include <QByteArray>

#include <deque>
#include <span>

namespace socketeer {

class Socket;

class SendQueue {
public:
    enum class Flush { Drained, Blocked };

    bool empty() const { return m_chunks.empty(); }
    qint64 queuedBytes() const { return m_bytes; }

    void append(QByteArray data);
    // The echo path: with nothing queued, sends straight from `data` and copies into the queue
    // only what the socket did not take, so a message that fits costs no allocation. Behind
    // queued bytes it queues all of it (order first). Blocked: something is queued now.
    Result<Flush> sendOrQueue(Socket &socket, std::span<const char> data, quint64 *sent);
    // Sends until the queue is empty or the socket would block; counts what went out in *sent.
    Result<Flush> flush(Socket &socket, quint64 *sent);

private:
    std::deque<QByteArray> m_chunks;
    qsizetype m_offset = 0;   // into m_chunks.front()
    qint64 m_bytes = 0;
};

} // namespace socketeer
