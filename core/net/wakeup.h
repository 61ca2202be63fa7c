#pragma once
// An eventfd that other threads write to so a worker blocked in poll()/epoll_wait() wakes up, the
// way Asio's eventfd interrupter and libuv's uv_async_send do. Many wake-ups before the worker
// looks collapse into one.

#include "error.h"
#include "ownedfd.h"

namespace socketeer {

class Wakeup {
public:
    static Result<Wakeup> create();

    int fd() const { return m_fd.get(); }
    void signal() const;   // any thread
    void drain() const;    // the owning worker, after poll says readable

private:
    explicit Wakeup(OwnedFd fd) : m_fd(std::move(fd)) {}
    OwnedFd m_fd;
};

} // namespace socketeer
