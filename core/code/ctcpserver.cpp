// The TCP server in C: POSIX sockets, one pthread per client or one epoll loop for all of them,
// lines reassembled from the stream when framing is on.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

const QString kTlsSetup = QStringLiteral(R"(    signal(SIGPIPE, SIG_IGN);    /* SSL_write to a client that left: an error, not the end of the server */
    if (load_tls() < 0)
        return 1;
)");

void clientStruct(const CodeSettings &s, ProgramText &p, bool eventLoop)
{
    p.add(uR"(
/* One connection. */
struct client {
    int fd;
    char name[NAME_SIZE];    /* its address, for messages */
)");
    if (s.tls)
        p.add(u"    SSL *ssl;    /* the TLS session over fd: everything is read and written through it */\n");
    if (s.tls && eventLoop)
        p.add(u"    int handshaking;    /* no application bytes until the TLS handshake is done */\n");
    if (eventLoop)
        p.add(uR"(    char *out;    /* bytes waiting to go out to it */
    size_t out_used, out_size;
)");
    switch (s.frame.kind) {
    case FrameKind::None: break;
    case FrameKind::Line:
    case FrameKind::Crlf:
        p.add(uR"(    size_t used;    /* the line so far: its end has not come yet */
    char line[MAX_LINE + 2];    /* room for the line end after the longest line */
)");
        break;
    case FrameKind::Delimiter:
        p.add(uR"(    size_t used;    /* the message so far: its delimiter has not come yet */
    char line[MAX_LINE + sizeof LINE_END - 1];    /* the longest message and its delimiter */
)");
        break;
    case FrameKind::Length:
        p.add(uR"(    size_t used;    /* the message so far, its header first */
    char line[HEADER + MAX_LINE];
)");
        break;
    case FrameKind::Fixed:
        p.add(uR"(    size_t used;    /* the message so far */
    char line[SIZE];
)");
        break;
    }
    p.add(u"};\n");
}

// reply(): what an answer does in each model.
void threadedReply(const CodeSettings &s, ProgramText &p)
{
    p.add(uR"(
/* This client's own thread may wait until the bytes are sent. */
static int reply(struct client *client, const char *data, size_t size)
{
)");
    p.add(s.tls ? u"    return send_all(client->ssl, data, size);\n}\n" : u"    return send_all(client->fd, data, size);\n}\n");
}

void eventLoopReply(const CodeSettings &s, ProgramText &p)
{
    if (s.tls) {
        p.add(uR"(
enum { MAX_OUTBOX = 1024 * 1024, MAX_EVENTS = 64 };
static int epfd;    /* the epoll set: the listening socket and every client */

/* Asks for EPOLLOUT only while bytes wait, and stops reading a client while too many wait for it. */
static void watch(struct client *client)
{
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = (client->out_used > 0 ? EPOLLOUT : 0) | (client->out_used < MAX_OUTBOX ? EPOLLIN : 0);
    event.data.ptr = client;
    epoll_ctl(epfd, EPOLL_CTL_MOD, client->fd, &event);
}

/* Sends what TLS takes now; the rest waits for EPOLLOUT. -1: the connection failed. */
static int flush_out(struct client *client)
{
    while (client->out_used > 0) {
        int piece = client->out_used > 65536 ? 65536 : (int)client->out_used;
        int n = SSL_write(client->ssl, client->out, piece);    $$SSL_write
        if (n <= 0) {
            int why = SSL_get_error(client->ssl, n);
            if (why == SSL_ERROR_WANT_WRITE || why == SSL_ERROR_WANT_READ)
                break;    /* never wait here, the others would wait too */
            return -1;
        }
        memmove(client->out, client->out + n, client->out_used - (size_t)n);
        client->out_used -= (size_t)n;
    }
    watch(client);
    return 0;
}
)");
        return;
    }
    p.add(uR"(
enum { MAX_OUTBOX = 1024 * 1024, MAX_EVENTS = 64 };
static int epfd;    /* the epoll set: the listening socket and every client */

/* Asks for EPOLLOUT only while bytes wait, and stops reading a client while too many wait for it. */
static void watch(struct client *client)
{
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = (client->out_used > 0 ? EPOLLOUT : 0) | (client->out_used < MAX_OUTBOX ? EPOLLIN : 0);
    event.data.ptr = client;
    epoll_ctl(epfd, EPOLL_CTL_MOD, client->fd, &event);
}

/* Sends what the socket takes now; the rest waits for EPOLLOUT. -1: the connection failed. */
static int flush_out(struct client *client)
{
    while (client->out_used > 0) {
        ssize_t n = send(client->fd, client->out, client->out_used, MSG_NOSIGNAL);    $$send
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;    /* the socket's buffer is full: never wait here, the others would wait too */
        if (n < 0)
            return -1;
        memmove(client->out, client->out + n, client->out_used - (size_t)n);
        client->out_used -= (size_t)n;
    }
    watch(client);
    return 0;
}
)");
}

void eventLoopQueue(ProgramText &p)
{
    p.add(uR"(
/* The loop never waits for one client: an answer is queued, and sent as the socket takes it. */
static int reply(struct client *client, const char *data, size_t size)
{
    if (client->out_used + size > client->out_size) {
        char *bigger = realloc(client->out, client->out_used + size);
        if (bigger == NULL)
            return -1;
        client->out = bigger;
        client->out_size = client->out_used + size;
    }
    memcpy(client->out + client->out_used, data, size);
    client->out_used += size;
    return flush_out(client);
}
)");
}

// take() for a delimiter, a length prefix and a fixed size: a byte at a time into the client's
// buffer, a message handed on as soon as it is whole.
void takeOther(const CodeSettings &s, ProgramText &p)
{
    p.add(uR"(
/* TCP keeps no message boundaries, so one recv() may hold part of a message, or several. Bytes
 * are collected until a message is whole; handle() gets each one. -1: a framing error, or
 * handle() failed. */
static int take(struct client *client, const char *bytes, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        client->line[client->used++] = bytes[i];
)");
    switch (s.frame.kind) {
    case FrameKind::Delimiter:
        p.add(uR"(        size_t end = sizeof LINE_END - 1;
        if (client->used >= end && memcmp(client->line + client->used - end, LINE_END, end) == 0) {
            size_t length = client->used - end;
            client->used = 0;
            if (handle(client, client->line, length) < 0)
                return -1;
        } else if (client->used == sizeof client->line) {
            fprintf(stderr, "%s: a message longer than %d bytes\n", client->name, MAX_LINE);
            return -1;
        }
)");
        break;
    case FrameKind::Length:
        p.add(uR"(        if (client->used < HEADER)
            continue;    /* the length itself is not all here yet */
        size_t length = read_length(client->line);
        if (COUNTS_HEADER && length < HEADER) {
            fprintf(stderr, "%s: a length of %zu, shorter than its own header\n", client->name, length);
            return -1;
        }
        if (COUNTS_HEADER)
            length -= HEADER;
        if (length > MAX_LINE) {
            fprintf(stderr, "%s: a message of %zu bytes (at most %d)\n", client->name, length, MAX_LINE);
            return -1;
        }
        if (client->used == HEADER + length) {
            client->used = 0;
            if (handle(client, client->line + HEADER, length) < 0)
                return -1;
        }
)");
        break;
    case FrameKind::Fixed:
        p.add(uR"(        if (client->used == SIZE) {
            client->used = 0;
            if (handle(client, client->line, SIZE) < 0)
                return -1;
        }
)");
        break;
    default:
        break;
    }
    p.add(uR"(    }
    return 0;
}
)");
}

void handle(const CodeSettings &s, ProgramText &p)
{
    if (framed(s))
        p.add(s.frame.kind == FrameKind::Delimiter ? u"\n/* One whole message from a client, without its delimiter (there is room for it after it). */\n"
              : delimited(s)                        ? u"\n/* One whole line from a client, without its line end (there is room for it after the line). */\n"
                                                    : u"\n/* One whole message from a client, without its framing. */\n");
    if (framed(s))
        p.add(uR"(static int handle(struct client *client, char *line, size_t length)
{
    char prefix[NAME_SIZE + 8];
    snprintf(prefix, sizeof prefix, "From %s: ", client->name);
    print_text(prefix, line, length);
)");
    else
        p.add(uR"(
/* Bytes from a client, as one recv() returned them: TCP keeps no message boundaries. */
static int handle(struct client *client, char *data, size_t size)
{
    char prefix[NAME_SIZE + 8];
    snprintf(prefix, sizeof prefix, "From %s: ", client->name);
    print_text(prefix, data, size);
)");
    if (!s.echo)
        p.add(u"    return 0;\n}\n");
    else if (delimited(s))
        p.add(uR"(    memcpy(line + length, LINE_END, sizeof LINE_END - 1);
    return reply(client, line, length + sizeof LINE_END - 1);
}
)");
    else if (s.frame.kind == FrameKind::Length)
        p.add(uR"(    char header[HEADER];
    write_length(header, length);
    if (reply(client, header, HEADER) < 0)
        return -1;
    return reply(client, line, length);
}
)");
    else if (s.frame.kind == FrameKind::Fixed)
        p.add(u"    return reply(client, line, length);\n}\n");
    else
        p.add(u"    return reply(client, data, size);\n}\n");
    if (!framed(s))
        return;
    if (s.frame.kind == FrameKind::Delimiter || s.frame.kind == FrameKind::Length || s.frame.kind == FrameKind::Fixed) {
        takeOther(s, p);
        return;
    }
    p.add(uR"(
/* Line framing: TCP keeps no message boundaries, so one recv() may hold part of a line, or
 * several lines. Bytes are collected until a line end; handle() gets each whole line.
 * -1: a line too long, or handle() failed. */
static int take(struct client *client, const char *bytes, size_t size)
{
    for (size_t i = 0; i < size; i++) {
)");
    if (s.frame.kind == FrameKind::Crlf)
        p.add(uR"(        if (bytes[i] == '\n' && client->used > 0 && client->line[client->used - 1] == '\r') {
            size_t length = client->used - 1;
)");
    else
        p.add(uR"(        if (bytes[i] == '\n') {
            size_t length = client->used;
            if (length > 0 && client->line[length - 1] == '\r')
                length--;    /* a CR LF line end counts too */
)");
    p.add(uR"(            client->used = 0;
            if (handle(client, client->line, length) < 0)
                return -1;
        } else if (client->used == MAX_LINE + 1) {
            fprintf(stderr, "%s: a line longer than %d bytes\n", client->name, MAX_LINE);
            return -1;
        } else {
            client->line[client->used++] = bytes[i];
        }
    }
    return 0;
}
)");
}


void threadPerClient(const CodeSettings &s, ProgramText &p)
{
    if (s.tls)
        cTlsServerContext(p);
    p.add(uR"(
/* Serves one client on a thread of its own until it closes: the other clients go on meanwhile. */
static void *link_handler(void *arg)
{
    struct client *client = arg;
    char buf[BUF_SIZE];
    printf("Connected by %s\n", client->name);
)");
    if (s.tls)
        p.add(uR"(    /* The TLS handshake, on this client's thread: a slow client holds up nobody else. */
    client->ssl = SSL_new(tls_context);
    int ready = client->ssl != NULL && SSL_set_fd(client->ssl, client->fd) == 1
                && SSL_accept(client->ssl) == 1;    $$SSL_do_handshake
    if (!ready) {
        fprintf(stderr, "%s: the TLS handshake failed\n", client->name);
        ERR_print_errors_fp(stderr);
    }
    while (ready) {
        int n = SSL_read(client->ssl, buf, sizeof buf);    $$SSL_read
        if (n <= 0) {    /* the client closed (with or without close_notify), or the session failed */
            if (SSL_get_error(client->ssl, n) != SSL_ERROR_ZERO_RETURN)
                ERR_print_errors_fp(stderr);
            break;
        }
)");
    else
        p.add(uR"(    for (;;) {
        ssize_t n = recv(client->fd, buf, sizeof buf, 0);    $$recv
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            perror("recv");
        if (n <= 0)    /* 0: the client closed its side */
            break;
)");
    p.add(framed(s) ? u"        if (take(client, buf, (size_t)n) < 0)\n" : u"        if (handle(client, buf, (size_t)n) < 0)\n");
    p.add(uR"(            break;
    }
    printf("Disconnected %s\n", client->name);
)");
    if (s.tls)
        p.add(uR"(    if (client->ssl != NULL) {
        SSL_shutdown(client->ssl);    /* says goodbye (close_notify) without waiting for the answer */
        SSL_free(client->ssl);
    }
)");
    p.add(uR"(    close(client->fd);    $$close
    free(client);
    return NULL;
}
)");
    CThreadedMain parts;
    if (s.tls)
        parts.setup = kTlsSetup;
    cThreadedMain(p, parts);
}

// The event loop's TLS: a handshake driven a step at a time by epoll, reads that empty what the
// SSL object holds (SSL_pending), and partial writes.
void eventLoopTls(ProgramText &p)
{
    p.add(uR"(
static void close_client(struct client *client)
{
    printf("Disconnected %s\n", client->name);
    SSL_free(client->ssl);
    close(client->fd);    /* also takes it out of the epoll set */ $$close
    free(client->out);
    free(client);
}

/* One step of the TLS handshake; it waits for whichever way the socket must be ready. -1: failed. */
static int handshake(struct client *client)
{
    int rc = SSL_do_handshake(client->ssl);    $$SSL_do_handshake
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.data.ptr = client;
    if (rc == 1) {
        client->handshaking = 0;
        printf("TLS with %s: %s\n", client->name, SSL_get_version(client->ssl));
        watch(client);
        return 0;
    }
    int why = SSL_get_error(client->ssl, rc);
    if (why != SSL_ERROR_WANT_READ && why != SSL_ERROR_WANT_WRITE) {
        fprintf(stderr, "%s: the TLS handshake failed\n", client->name);
        ERR_print_errors_fp(stderr);
        return -1;
    }
    event.events = why == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT;
    epoll_ctl(epfd, EPOLL_CTL_MOD, client->fd, &event);
    return 0;
}

/* What a ready client sent. TLS decrypts whole records, so bytes may wait inside the SSL object
 * where epoll cannot see them: read until it holds none. -1: it is gone. */
static int read_from(struct client *client)
{
    char buf[BUF_SIZE];
    do {
        int n = SSL_read(client->ssl, buf, sizeof buf);    $$SSL_read
        if (n <= 0) {
            int why = SSL_get_error(client->ssl, n);
            return why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE ? 0 : -1;    /* else closed, or failed */
        }
)");
    p.add(u"        if (@TAKE@(client, buf, (size_t)n) < 0)\n            return -1;\n");
    p.add(uR"(    } while (SSL_pending(client->ssl) > 0);
    return 0;
}

/* Accepts every client waiting: the listening socket is non-blocking, so this never waits. */
static void accept_clients(int s)
{
    for (;;) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
        int fd = accept4(s, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);    $$accept
        if (fd < 0 && (errno == EINTR || errno == ECONNABORTED))
            continue;
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                perror("accept");
            return;
        }
        struct client *client = calloc(1, sizeof *client);
        struct epoll_event event;
        memset(&event, 0, sizeof event);
        event.events = EPOLLIN;
        event.data.ptr = client;
        SSL *ssl = client != NULL ? SSL_new(tls_context) : NULL;
        if (ssl == NULL || SSL_set_fd(ssl, fd) != 1 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event) < 0) {
            SSL_free(ssl);
            close(fd);
            free(client);
            continue;
        }
        SSL_set_accept_state(ssl);    /* the server's side of the handshake, driven by handshake() */
        client->fd = fd;
        client->ssl = ssl;
        client->handshaking = 1;
        describe((struct sockaddr *)&peer, length, client->name, sizeof client->name);
        printf("Connected by %s\n", client->name);
        if (handshake(client) < 0)
            close_client(client);
    }
}
)");
    CEpollMain parts;
    parts.setup = kTlsSetup;
    parts.serve = QStringLiteral(R"(            int gone;
            if (client->handshaking) {
                gone = handshake(client) < 0;
            } else {
                gone = 0;
                if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    gone = read_from(client) < 0;
                if (!gone && (events[i].events & EPOLLOUT))
                    gone = flush_out(client) < 0;
            }
            if (gone)
                close_client(client);
)");
    cEpollMain(p, parts);
}

void eventLoop(const CodeSettings &s, ProgramText &p)
{
    if (s.tls) {
        cTlsServerContext(p);
        p.set(QStringLiteral("TAKE"), framed(s) ? QStringLiteral("take") : QStringLiteral("handle"));
        eventLoopTls(p);
        return;
    }
    p.add(uR"(
static void close_client(struct client *client)
{
    printf("Disconnected %s\n", client->name);
    close(client->fd);    /* also takes it out of the epoll set */ $$close
    free(client->out);
    free(client);
}

/* One recv() from a ready client. -1: it is gone (closed, failed, or sent too long a line). */
static int read_from(struct client *client)
{
    char buf[BUF_SIZE];
    ssize_t n = recv(client->fd, buf, sizeof buf, 0);    $$recv
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return 0;
    if (n <= 0)    /* 0: the client closed its side */
        return -1;
)");
    p.add(framed(s) ? u"    return take(client, buf, (size_t)n);\n}\n" : u"    return handle(client, buf, (size_t)n);\n}\n");
    p.add(uR"(
/* Accepts every client waiting: the listening socket is non-blocking, so this never waits. */
static void accept_clients(int s)
{
    for (;;) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
        int fd = accept4(s, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);    $$accept
        if (fd < 0 && (errno == EINTR || errno == ECONNABORTED))
            continue;
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                perror("accept");
            return;
        }
        struct client *client = calloc(1, sizeof *client);
        struct epoll_event event;
        memset(&event, 0, sizeof event);
        event.events = EPOLLIN;
        event.data.ptr = client;
        if (client == NULL || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event) < 0) {
            close(fd);
            free(client);
            continue;
        }
        client->fd = fd;
        describe((struct sockaddr *)&peer, length, client->name, sizeof client->name);
        printf("Connected by %s\n", client->name);
    }
}
)");
    CEpollMain parts;
    parts.serve = QStringLiteral(R"(            int gone = 0;
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                gone = read_from(client) < 0;
            if (!gone && (events[i].events & EPOLLOUT))
                gone = flush_out(client) < 0;
            if (gone)
                close_client(client);
)");
    cEpollMain(p, parts);
}

} // namespace

void cTcpServer(const CodeSettings &settings, ProgramText &program)
{
    const bool threads = settings.model == ServerModel::ThreadPerClient;
    CNeeds needs;
    needs.threads = threads;
    needs.epoll = !threads;
    needs.sendAll = threads && settings.echo;
    needs.boundSocket = true;
    needs.tls = settings.tls;
    cCommon(settings, program, needs);
    clientStruct(settings, program, !threads);
    if (!threads)
        eventLoopReply(settings, program);
    if (settings.echo)   // an unused function would be a warning
        threads ? threadedReply(settings, program) : eventLoopQueue(program);
    handle(settings, program);
    if (threads)
        threadPerClient(settings, program);
    else
        eventLoop(settings, program);
}

} // namespace socketeer::code
