#include "ownedfd.h"

#include "trace.h"

#include <unistd.h>

namespace socketeer {

void OwnedFd::reset()
{
    if (m_fd < 0)
        return;
    const int fd = std::exchange(m_fd, -1);
    const int rc = ::close(fd);
    trace::record("close", [fd] { return QString::number(fd); }, rc, rc < 0 ? errno : 0);
}

} // namespace socketeer
