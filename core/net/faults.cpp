#include "faults.h"

#include <cerrno>
#include <mutex>

namespace socketeer::faults {

namespace detail {
std::atomic<bool> g_armed{false};
namespace {
std::mutex g_mutex;
Plan g_plan; // guarded by g_mutex

bool take(int Plan::*counter, int value, int &err)
{
    std::lock_guard lock(g_mutex);
    if (g_plan.*counter <= 0)
        return false;
    --(g_plan.*counter);
    err = value;
    return true;
}
} // namespace

bool takeSendFault(int &err)
{
    return take(&Plan::eintrOnSend, EINTR, err) || take(&Plan::eagainOnSend, EAGAIN, err);
}

std::size_t clampSend(std::size_t length)
{
    std::lock_guard lock(g_mutex);
    return g_plan.maxSendChunk && length > g_plan.maxSendChunk ? g_plan.maxSendChunk : length;
}

bool takeRecvFault(int &err) { return take(&Plan::eintrOnRecv, EINTR, err); }
bool takeAcceptFault(int &err) { return take(&Plan::eintrOnAccept, EINTR, err); }
} // namespace detail

void arm(const Plan &plan)
{
    std::lock_guard lock(detail::g_mutex);
    detail::g_plan = plan;
    detail::g_armed.store(true);
}

void disarm()
{
    std::lock_guard lock(detail::g_mutex);
    detail::g_plan = {};
    detail::g_armed.store(false);
}

} // namespace socketeer::faults
