/* The TLS yardstick: the smallest correct epoll echo server over OpenSSL — one thread, non-blocking
 * sockets, level-triggered, OpenSSL's defaults (TLS 1.3, its default ciphers and groups, session
 * tickets as OpenSSL sends them). Socketeer's event-loop server over TLS does the same job plus its
 * bookkeeping, so the gap between the two is that cost.
 *
 * Usage: c_tls_echo CERT.pem KEY.pem [PORT [HOST]]
 * Prints "listening on PORT" once it accepts connections; SIGTERM/SIGINT end it.
 *
 * Per connection: one SSL, and what SSL_write could not take yet (as c_epoll_echo.c). While some
 * is pending the connection is not read from, so a fast sender stalls in TCP flow control. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

enum { kBufferSize = 64 * 1024, kMaxEvents = 256 };

struct Connection {
    SSL *ssl;
    unsigned events; /* what epoll watches for now */
    char *data; /* not yet taken by SSL_write */
    size_t size;
    size_t offset;
};

static struct Connection *connections; /* indexed by fd */
static size_t connectionCount;

/* Epoll is told only when what the connection waits for changes. */
static void watch(int epfd, int fd, unsigned events)
{
    if (connections[fd].events == events)
        return;
    connections[fd].events = events;
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}

static void dropConnection(int epfd, int fd)
{
    struct Connection *c = &connections[fd];
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    SSL_free(c->ssl);
    close(fd);
    free(c->data);
    memset(c, 0, sizeof *c);
    ERR_clear_error();
}

/* What an SSL call that returned `rc` waits for: EPOLLIN, EPOLLOUT, or 0 for a finished connection. */
static unsigned waitsFor(SSL *ssl, int rc)
{
    switch (SSL_get_error(ssl, rc)) {
    case SSL_ERROR_WANT_READ:
        return EPOLLIN;
    case SSL_ERROR_WANT_WRITE:
        return EPOLLOUT;
    case SSL_ERROR_ZERO_RETURN:
        SSL_shutdown(ssl); /* the peer's close_notify: answer it (once, best effort) before closing */
        return 0;
    default:
        return 0;
    }
}

/* Writes the pending bytes. Returns 0 once all went out, else what to wait for (EPOLLIN/EPOLLOUT),
 * or -1 on error. With SSL_MODE_ENABLE_PARTIAL_WRITE each SSL_write returns after a record; after
 * a WANT_* the same bytes are offered again, as OpenSSL requires. */
static int flush(struct Connection *c)
{
    while (c->offset < c->size) {
        int n = SSL_write(c->ssl, c->data + c->offset, (int)(c->size - c->offset));
        if (n <= 0) {
            unsigned wait = waitsFor(c->ssl, n);
            return wait ? (int)wait : -1;
        }
        c->offset += (size_t)n;
    }
    free(c->data);
    c->data = NULL;
    c->size = c->offset = 0;
    return 0;
}

/* Handshake (if not done), then read and echo until OpenSSL wants more from the socket: decrypted
 * bytes OpenSSL holds are read in the same loop, since epoll would not report them. Returns what
 * to wait for next (EPOLLIN/EPOLLOUT), or 0 when the connection is over. */
static unsigned serve(struct Connection *c, char *buffer)
{
    if (!SSL_is_init_finished(c->ssl)) {
        int rc = SSL_do_handshake(c->ssl);
        if (rc != 1)
            return waitsFor(c->ssl, rc);
    }
    for (;;) {
        if (c->size > 0) {
            int left = flush(c);
            if (left != 0)
                return left < 0 ? 0 : (unsigned)left;
        }
        int n = SSL_read(c->ssl, buffer, kBufferSize);
        if (n <= 0)
            return waitsFor(c->ssl, n);
        c->data = malloc((size_t)n);
        if (!c->data)
            return 0;
        memcpy(c->data, buffer, (size_t)n);
        c->size = (size_t)n;
        c->offset = 0;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: c_tls_echo CERT.pem KEY.pem [PORT [HOST]]\n");
        return 2;
    }
    const int port = argc > 3 ? atoi(argv[3]) : 0;
    const char *host = argc > 4 ? argv[4] : "127.0.0.1";

    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx || SSL_CTX_use_certificate_chain_file(ctx, argv[1]) != 1
        || SSL_CTX_use_PrivateKey_file(ctx, argv[2], SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        ERR_print_errors_fp(stderr);
        return 1;
    }
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    signal(SIGPIPE, SIG_IGN); /* OpenSSL's socket BIO writes without MSG_NOSIGNAL */

    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    connectionCount = limit.rlim_cur == RLIM_INFINITY ? 1u << 20 : (size_t)limit.rlim_cur;
    connections = calloc(connectionCount, sizeof *connections);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (!connections || listener < 0 || inet_pton(AF_INET, host, &address.sin_addr) != 1
        || bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 4096) < 0) {
        perror("c_tls_echo");
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
            if (fd != listener) {
                if (!connections[fd].ssl)
                    continue;
                unsigned wait = serve(&connections[fd], buffer);
                if (wait)
                    watch(epfd, fd, wait);
                else
                    dropConnection(epfd, fd);
                continue;
            }
            int client;
            while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                SSL *ssl = (size_t)client < connectionCount ? SSL_new(ctx) : NULL;
                if (!ssl || SSL_set_fd(ssl, client) != 1) {
                    SSL_free(ssl);
                    close(client);
                    continue;
                }
                SSL_set_accept_state(ssl);
                connections[client].ssl = ssl;
                connections[client].events = EPOLLIN;
                struct epoll_event cev = {.events = EPOLLIN, .data.fd = client};
                epoll_ctl(epfd, EPOLL_CTL_ADD, client, &cev);
            }
        }
    }
}
