#pragma once

#include "serverengine.h"

#include <atomic>
#include <thread>

namespace socketeer {

// The tutorial's threaded server made safe to stop: an acceptor thread, and one thread per
// connection that owns that connection's socket. Commands go to the acceptor, which owns the
// table of sessions and forwards them to the session they are for.
class ThreadPerClientServer final : public ServerEngine {
public:
    ThreadPerClientServer(const TcpServerConfig &config, ServerEventSink &sink, const std::atomic<bool> &echo,
                          const std::atomic<bool> &reportData);
    ~ThreadPerClientServer() override;

    void sendTo(quint64 id, const QByteArray &data) override;
    void sendToAll(const QByteArray &data) override;
    void sendStream(std::shared_ptr<ChunkStream> stream, std::vector<quint64> targets) override;
    void disconnectClient(quint64 id) override;
    void startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context) override;
    void chatCommand(ChatCommand command) override;
    void requestStop() override;
    void resumeReading() override;
    int threadCount() const override;

    struct Acceptor;

private:
    std::unique_ptr<Acceptor> m_acceptor;
    std::jthread m_thread;   // last: joined before the acceptor it runs is destroyed
};

} // namespace socketeer
