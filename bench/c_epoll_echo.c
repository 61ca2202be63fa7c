/* The yardstick: the smallest reasonable epoll echo server — one thread, non-blocking sockets,
 * level-triggered, no framework. Socketeer's event-loop server does the same job plus its
 * bookkeeping (ids, counters, events to the Qt thread), so the gap between the two is that cost.
 *
 * Usage: c_epoll_echo [PORT [HOST]]   (like tests/peers/tcp_threaded_echo_server.py)
 * Prints "listening on PORT" once it accepts connections; SIGTERM/SIGINT end it. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

enum { kBufferSize = 64 * 1024, kMaxEvents = 256 };

/* What could not be sent yet. While a connection has some, it is not read from: the peer's
 * own sending then stalls in TCP flow control instead of growing our memory. */
struct Pending {
    char *data;
    size_t size;
    size_t offset;
};

static struct Pending *pending; /* indexed by fd: fds are unique while open, which is all we need */
static size_t pendingCount;

static void watch(int epfd, int fd, unsigned events)
{
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}

static void dropConnection(int epfd, int fd)
{
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    free(pending[fd].data);
    memset(&pending[fd], 0, sizeof pending[fd]);
}

/* Returns 0 when everything went out, 1 when some is left in pending[fd], -1 on error. */
static int sendOrKeep(int fd, const char *data, size_t size)
{
    size_t done = 0;
    while (done < size) {
        ssize_t n = send(fd, data + done, size - done, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                return -1;
            struct Pending *p = &pending[fd];
            p->data = malloc(size - done);
            if (!p->data)
                return -1;
            memcpy(p->data, data + done, size - done);
            p->size = size - done;
            p->offset = 0;
            return 1;
        }
        done += (size_t)n;
    }
    return 0;
}

static void onReadable(int epfd, int fd, char *buffer)
{
    for (;;) {
        ssize_t n = recv(fd, buffer, kBufferSize, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            dropConnection(epfd, fd);
            return;
        }
        int sent = sendOrKeep(fd, buffer, (size_t)n);
        if (sent < 0) {
            dropConnection(epfd, fd);
            return;
        }
        if (sent > 0) {
            watch(epfd, fd, EPOLLOUT);
            return;
        }
        if ((size_t)n < kBufferSize)
            return; /* the kernel had no more; saves the recv that would say EAGAIN */
    }
}

static void onWritable(int epfd, int fd)
{
    struct Pending *p = &pending[fd];
    while (p->offset < p->size) {
        ssize_t n = send(fd, p->data + p->offset, p->size - p->offset, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0) {
            dropConnection(epfd, fd);
            return;
        }
        p->offset += (size_t)n;
    }
    free(p->data);
    memset(p, 0, sizeof *p);
    watch(epfd, fd, EPOLLIN);
}

int main(int argc, char **argv)
{
    const int port = argc > 1 ? atoi(argv[1]) : 0;
    const char *host = argc > 2 ? argv[2] : "127.0.0.1";

    /* Thousands of clients need thousands of descriptors: take all the hard limit allows. */
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    pendingCount = limit.rlim_cur == RLIM_INFINITY ? 1u << 20 : (size_t)limit.rlim_cur;
    pending = calloc(pendingCount, sizeof *pending);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (!pending || listener < 0 || inet_pton(AF_INET, host, &address.sin_addr) != 1
        || bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 4096) < 0) {
        perror("c_epoll_echo");
        return 1;
    }
    socklen_t length = sizeof address;
    getsockname(listener, (struct sockaddr *)&address, &length);

    int epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &ev);
    printf("listening on %d\n", ntohs(address.sin_port));
    fflush(stdout);

    static char buffer[kBufferSize];
    struct epoll_event events[kMaxEvents];
    for (;;) {
        int n = epoll_wait(epfd, events, kMaxEvents, -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                int client;
                while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    if ((size_t)client >= pendingCount) {
                        close(client);
                        continue;
                    }
                    struct epoll_event cev = {.events = EPOLLIN, .data.fd = client};
                    epoll_ctl(epfd, EPOLL_CTL_ADD, client, &cev);
                }
            } else if (events[i].events & EPOLLOUT) {
                onWritable(epfd, fd);
            } else if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                onReadable(epfd, fd, buffer);
            }
        }
    }
}
