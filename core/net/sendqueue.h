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

    // The same over any byte transport (a TLS session): `write(span)` returns the bytes taken, or
    // an Error whose code is std::errc::operation_would_block for "not now". After a would-block
    // the same bytes are offered again first (what a TLS write needs after WantWrite).
    template <typename Write>
    Result<Flush> sendOrQueueWith(Write &&write, std::span<const char> data, quint64 *sent);
    template <typename Write>
    Result<Flush> flushWith(Write &&write, quint64 *sent);

private:
    std::deque<QByteArray> m_chunks;
    qsizetype m_offset = 0;   // into m_chunks.front()
    qint64 m_bytes = 0;
};

template <typename Write>
Result<SendQueue::Flush> SendQueue::sendOrQueueWith(Write &&write, std::span<const char> data, quint64 *sent)
{
    std::size_t done = 0;
    if (m_chunks.empty()) {
        if (data.empty())
            return Flush::Drained;
        Result<std::size_t> n = write(data);
        if (n) {
            done = *n;
            *sent += *n;
            if (done == data.size())
                return Flush::Drained;
        } else if (n.error().code != std::errc::operation_would_block) {
            return n.error();
        }
    }
    // Behind queued bytes, or the transport is full (a short write says so too): the rest waits
    // for writability; trying again now would mostly cost a call that says EAGAIN.
    append(QByteArray(data.data() + done, static_cast<qsizetype>(data.size() - done)));
    return m_chunks.empty() ? Flush::Drained : Flush::Blocked;
}

template <typename Write>
Result<SendQueue::Flush> SendQueue::flushWith(Write &&write, quint64 *sent)
{
    while (!m_chunks.empty()) {
        const QByteArray &front = m_chunks.front();
        Result<std::size_t> n = write(std::span<const char>(front.constData() + m_offset, front.size() - m_offset));
        if (!n) {
            if (n.error().code == std::errc::operation_would_block)
                return Flush::Blocked;
            return n.error();
        }
        *sent += *n;
        m_bytes -= static_cast<qint64>(*n);
        m_offset += static_cast<qsizetype>(*n);
        if (m_offset == front.size()) {
            m_chunks.pop_front();
            m_offset = 0;
        }
    }
    return Flush::Drained;
}

} // namespace socketeer
