#include "faults.h"

#include <cerrno>
#include <mutex>

namespace socketeer::faults {

namespace detail {
std::atomic<bool> g_armed{false};
namespace {
std::mutex g_mutex;
Plan g_plan; // guarded by g_mutex

// Calls seen per kind of steady fault since the plan was armed; guarded by g_mutex.
struct Tally {
    unsigned long eintr = 0, eagain = 0, shortSend = 0;
};
Tally g_tally;

bool take(int Plan::*counter, int value, int &err)
{
    std::lock_guard lock(g_mutex);
    if (g_plan.*counter <= 0)
        return false;
    --(g_plan.*counter);
    err = value;
    return true;
}

// One call in `every` (0: never) of the kind `seen` counts.
bool due(int every, unsigned long &seen)
{
    return every > 0 && ++seen % static_cast<unsigned long>(every) == 0;
}

bool takeSteadyEintr(int &err)
{
    std::lock_guard lock(g_mutex);
    if (!due(g_plan.eintrEvery, g_tally.eintr))
        return false;
    err = EINTR;
    return true;
}
} // namespace

bool takeSendFault(int &err, bool nonBlocking)
{
    if (take(&Plan::eintrOnSend, EINTR, err) || take(&Plan::eagainOnSend, EAGAIN, err) || takeSteadyEintr(err))
        return true;
    std::lock_guard lock(g_mutex);
    if (!nonBlocking || !due(g_plan.eagainSendEvery, g_tally.eagain))
        return false;
    err = EAGAIN;
    return true;
}

std::size_t clampSend(std::size_t length)
{
    std::lock_guard lock(g_mutex);
    if (g_plan.maxSendChunk && length > g_plan.maxSendChunk)
        length = g_plan.maxSendChunk;
    if (length > 1 && due(g_plan.shortSendEvery, g_tally.shortSend))
        length /= 2;
    return length;
}

bool takeRecvFault(int &err) { return take(&Plan::eintrOnRecv, EINTR, err) || takeSteadyEintr(err); }
bool takeAcceptFault(int &err)
{
    return take(&Plan::eintrOnAccept, EINTR, err) || take(&Plan::emfileOnAccept, EMFILE, err) || takeSteadyEintr(err);
}
} // namespace detail

void arm(const Plan &plan)
{
    std::lock_guard lock(detail::g_mutex);
    detail::g_plan = plan;
    detail::g_tally = {};
    detail::g_armed.store(true);
}

void disarm()
{
    std::lock_guard lock(detail::g_mutex);
    detail::g_plan = {};
    detail::g_armed.store(false);
}

std::optional<Plan> parsePlan(std::string_view text, std::string *error)
{
    Plan plan;
    const std::pair<std::string_view, int Plan::*> steady[] = {
        {"eintr-every", &Plan::eintrEvery}, {"eagain-send-every", &Plan::eagainSendEvery}, {"short-send-every", &Plan::shortSendEvery}};
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const std::size_t equals = item.find('=');
        const std::string_view name = item.substr(0, equals);
        unsigned long value = 0;
        bool number = equals != std::string_view::npos && equals + 1 < item.size() && item.size() - equals - 1 <= 9;
        for (std::size_t i = equals + 1; number && i < item.size(); ++i) {
            number = item[i] >= '0' && item[i] <= '9';
            value = value * 10 + static_cast<unsigned long>(item[i] - '0');
        }
        if (!number) {
            if (error)
                *error = "expected NAME=NUMBER, not \"" + std::string(item) + '"';
            return std::nullopt;
        }
        bool known = false;
        for (const auto &[key, field] : steady) {
            if (name == key) {
                plan.*field = static_cast<int>(value);
                known = true;
            }
        }
        if (name == "max-send-chunk") {
            plan.maxSendChunk = value;
            known = true;
        }
        if (!known) {
            if (error)
                *error = "unknown fault \"" + std::string(name) + "\" (eintr-every, eagain-send-every, short-send-every, max-send-chunk)";
            return std::nullopt;
        }
    }
    return plan;
}

} // namespace socketeer::faults
