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
    return sendOrQueueWith([&socket](std::span<const char> bytes) { return socket.send(bytes); }, data, sent);
}

Result<SendQueue::Flush> SendQueue::flush(Socket &socket, quint64 *sent)
{
    return flushWith([&socket](std::span<const char> bytes) { return socket.send(bytes); }, sent);
}

} // namespace socketeer
