#pragma once
// A fault-injection seam under the socket calls that loop (send, recv, accept, connect): tests ask
// for EINTR, EAGAIN or short writes on demand and prove the loops above handle them. Off unless a
// test arms it; the check then costs one relaxed atomic load.

#include <atomic>
#include <cstddef>

namespace socketeer::faults {

struct Plan {
    int eintrOnSend = 0;        // the next N send() calls fail with EINTR
    int eagainOnSend = 0;       // the next N send() calls fail with EAGAIN
    std::size_t maxSendChunk = 0;  // while non-zero, every send() takes at most this many bytes
    int eintrOnRecv = 0;        // the next N recv()/recvfrom() calls fail with EINTR
    int eintrOnAccept = 0;
};

void arm(const Plan &plan);     // replaces the current plan
void disarm();

namespace detail {
extern std::atomic<bool> g_armed;
bool takeSendFault(int &err);
std::size_t clampSend(std::size_t length);
bool takeRecvFault(int &err);
bool takeAcceptFault(int &err);
}

} // namespace socketeer::faults
