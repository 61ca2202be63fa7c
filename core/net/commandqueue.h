#pragma once
// UI → worker: any thread pushes a command and wakes the worker; the worker swaps the whole queue
// out under the lock and runs the commands outside it.

#include "wakeup.h"

#include <mutex>
#include <utility>
#include <vector>

namespace socketeer {

template <typename Command>
class CommandQueue {
public:
    explicit CommandQueue(Wakeup wakeup) : m_wakeup(std::move(wakeup)) {}

    void push(Command command)
    {
        {
            std::lock_guard lock(m_mutex);
            m_commands.push_back(std::move(command));
        }
        m_wakeup.signal();
    }

    // The worker, once poll says the wake-up fd is readable.
    std::vector<Command> take()
    {
        m_wakeup.drain();
        std::vector<Command> taken;
        std::lock_guard lock(m_mutex);
        taken.swap(m_commands);
        return taken;
    }

    int fd() const { return m_wakeup.fd(); }
    const Wakeup &wakeup() const { return m_wakeup; }

private:
    Wakeup m_wakeup;
    std::mutex m_mutex;
    std::vector<Command> m_commands;
};

} // namespace socketeer
