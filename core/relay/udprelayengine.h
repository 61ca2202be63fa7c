#pragma once
// The UDP relay: one thread with epoll owns the listening socket and, for every source address
// that sends to it, a session socket connect()ed to the target, so the target's answers find
// their way back to that source (sent from the listening socket). Datagrams are impaired per
// direction (udpimpairer.h) and those that must wait sit in a min-heap of due times, woken by a
// timerfd with microsecond precision.

#include "relayengine.h"

#include <atomic>
#include <memory>
#include <thread>

namespace socketeer {

class UdpRelayEngine final : public RelayEngine {
public:
    // Starts the thread; `sink` and `reportData` must outlive the engine. Forwarded events carry
    // their bytes only while reportData is true (their counts always).
    UdpRelayEngine(const RelayConfig &config, RelayEventSink &sink, const std::atomic<bool> &reportData);
    ~UdpRelayEngine() override;   // stops and joins the thread
    UdpRelayEngine(const UdpRelayEngine &) = delete;
    UdpRelayEngine &operator=(const UdpRelayEngine &) = delete;

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
