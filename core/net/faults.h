#pragma once
// A fault-injection seam under the socket calls that loop (send, recv, accept, connect): tests ask
// for EINTR, EAGAIN or short writes on demand and prove the loops above handle them. Off unless a
// test arms it; the check then costs one relaxed atomic load.

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace socketeer::faults {

struct Plan {
    int eintrOnSend = 0;        // the next N send() calls fail with EINTR
    int eagainOnSend = 0;       // the next N send() calls fail with EAGAIN
    std::size_t maxSendChunk = 0;  // while non-zero, every send() takes at most this many bytes
    int eintrOnRecv = 0;        // the next N recv()/recvfrom() calls fail with EINTR
    int eintrOnAccept = 0;
    int emfileOnAccept = 0;     // the next N accept() calls fail with EMFILE (out of descriptors)

    // Steady faults for long runs (scripts/soak.sh): while non-zero, one call in N of that kind
    // meets the fault, for as long as the plan is armed.
    int eintrEvery = 0;         // send, recv, recvfrom, accept: interrupted (EINTR), then retried
    int eagainSendEvery = 0;    // send() on a non-blocking socket: "not ready" (EAGAIN). Never on a
                                // blocking one, where EAGAIN would mean its send timeout expired.
    int shortSendEvery = 0;     // send() takes at most half of what it was given (at least 1 byte)
};

void arm(const Plan &plan);     // replaces the current plan
void disarm();

// A plan from text, for arming a whole program from outside (the CLI reads SOCKETEER_FAULTS):
// comma-separated NAME=N with NAME one of eintr-every, eagain-send-every, short-send-every,
// max-send-chunk. Empty on a mistake, with `error` naming it.
std::optional<Plan> parsePlan(std::string_view text, std::string *error);

namespace detail {
extern std::atomic<bool> g_armed;
bool takeSendFault(int &err, bool nonBlocking);
std::size_t clampSend(std::size_t length);
bool takeRecvFault(int &err);
bool takeAcceptFault(int &err);
}

} // namespace socketeer::faults
