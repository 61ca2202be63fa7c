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
