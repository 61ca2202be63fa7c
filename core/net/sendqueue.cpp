#include "sendqueue.h"

#include "socket.h"

namespace socketeer {

void SendQueue::append(QByteArray data)
{
    if (data.isEmpty())
        return;
    m_bytes += data.size();
    m_chunks.push_back(std::move(data));
}

Result<SendQueue::Flush> SendQueue::sendOrQueue(Socket &socket, std::span<const char> data, quint64 *sent)
{
    std::size_t done = 0;
    if (m_chunks.empty()) {
        if (data.empty())
            return Flush::Drained;
        auto n = socket.send(data);
        if (n) {
            done = *n;
            *sent += *n;
            if (done == data.size())
                return Flush::Drained;
        } else if (n.error().code != std::errc::operation_would_block) {
            return n.error();
        }
    }
    // Behind queued bytes, or the socket buffer is full (a short send says so too): the rest
    // waits for writability; trying again now would mostly cost a send() that says EAGAIN.
    append(QByteArray(data.data() + done, static_cast<qsizetype>(data.size() - done)));
    return m_chunks.empty() ? Flush::Drained : Flush::Blocked;
}

Result<SendQueue::Flush> SendQueue::flush(Socket &socket, quint64 *sent)
{
    while (!m_chunks.empty()) {
        const QByteArray &front = m_chunks.front();
        auto n = socket.send(std::span<const char>(front.constData() + m_offset, front.size() - m_offset));
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
