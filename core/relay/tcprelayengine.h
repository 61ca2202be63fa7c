#pragma once
// The TCP relay's worker: one thread ("relay") with epoll owns the listener and both sockets of
// every relayed connection (RelayConnection); one timerfd, armed for the earliest due time of a
// min-heap, wakes it when a delayed, sliced or throttled piece may leave. Commands come through a
// CommandQueue and its eventfd; events leave through the sink, in order. It starts in the
// constructor; the destructor stops and joins it.

#include "relayengine.h"

#include <atomic>
#include <memory>
#include <thread>

namespace socketeer {

class TcpRelayEngine final : public RelayEngine {
public:
    // `reportData`: whether Forwarded events carry the bytes (someone listens); read on every send.
    TcpRelayEngine(const RelayConfig &config, RelayEventSink &sink, const std::atomic<bool> &reportData);
    ~TcpRelayEngine() override;
    TcpRelayEngine(const TcpRelayEngine &) = delete;
    TcpRelayEngine &operator=(const TcpRelayEngine &) = delete;

    void setImpairments(const RelayImpairments &impairments) override;
    void closeConnection(quint64 id) override;
    void requestStop() override;
    void resumeReading() override;

    struct Loop;

private:
    std::unique_ptr<Loop> m_loop;
    std::jthread m_thread;   // last: joined before the loop it runs is destroyed
};

} // namespace socketeer
