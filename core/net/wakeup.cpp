#include "wakeup.h"

#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace socketeer {

Result<Wakeup> Wakeup::create()
{
    const int fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0)
        return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("eventfd"));
    return Wakeup(OwnedFd(fd));
}

void Wakeup::signal() const
{
    const std::uint64_t one = 1;
    // EAGAIN means the counter is saturated: the worker is certain to wake anyway.
    while (::write(m_fd.get(), &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void Wakeup::drain() const
{
    std::uint64_t count;
    while (::read(m_fd.get(), &count, sizeof count) < 0 && errno == EINTR) {
    }
}

} // namespace socketeer
