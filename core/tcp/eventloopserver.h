#pragma once

#include "serverengine.h"

#include <thread>

namespace socketeer {

// One thread, one epoll set: the listener, the wake-up fd and every client. A client's fd is
// watched for EPOLLOUT only while its send queue is non-empty. What one epoll_wait round produces
// for the front end is posted to the sink in one go at the end of the round.
class EventLoopServer final : public ServerEngine {
public:
    EventLoopServer(const TcpServerConfig &config, ServerEventSink &sink, const std::atomic<bool> &echo,
                    const std::atomic<bool> &reportData);
    ~EventLoopServer() override;

    void sendTo(quint64 id, const QByteArray &data) override;
    void sendToAll(const QByteArray &data) override;
    void sendStream(std::shared_ptr<ChunkStream> stream, std::vector<quint64> targets) override;
    void disconnectClient(quint64 id) override;
    void startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context) override;
    void chatCommand(ChatCommand command) override;
    void requestStop() override;
    void resumeReading() override;
    int threadCount() const override { return 1; }

    struct Loop;

private:
    std::unique_ptr<Loop> m_loop;
    std::jthread m_thread;   // last: joined before the loop it runs is destroyed
};

} // namespace socketeer
