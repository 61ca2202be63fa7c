// The chat room in C (docs/CHAT.md without nicknames): every line a client sends goes to all the
// others as "NAME: TEXT", NAME its address, with "*** NAME joined" / "*** NAME left". One pthread
// per client with a mutex around the room, or one epoll loop for all of them.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void room(bool eventLoop, ProgramText &p)
{
    p.add(uR"(
enum { MAX_LINE = @CHAT_MAX_LINE@ };    /* a longer line is refused, not relayed */
static const char TOO_LONG[] = "*** line too long (more than @CHAT_MAX_LINE@ bytes): not relayed\n";

/* One member of the room. */
struct client {
    int fd;
    char name[NAME_SIZE];    /* its address, "127.0.0.1:53314": the name the others see */
    size_t used;    /* the line so far: its end has not come yet */
    int skipping;    /* the rest of a line too long is dropped, up to its end */
    char line[MAX_LINE + 1];
)");
    if (eventLoop)
        p.add(uR"(    char *out;    /* bytes waiting to go out to it */
    size_t out_used, out_size;
    int gone;    /* it left: freed once the loop is done with this round of events */
)");
    p.add(uR"(    struct client *next;    /* the room is a list, in the order they came */
};

/* The name of an address as Socketeer's chat room writes it: "127.0.0.1:53314", "[::1]:53314". */
static void chat_name(const struct sockaddr *address, socklen_t length, char *name, size_t size)
{
    char host[NI_MAXHOST], port[NI_MAXSERV];
    if (getnameinfo(address, length, host, sizeof host, port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        snprintf(name, size, "?");
    else
        snprintf(name, size, strchr(host, ':') ? "[%s]:%s" : "%s:%s", host, port);
}
)");
    p.add(eventLoop ? u"\nstatic struct client *members;    /* everyone in the room */\n"
                    : uR"(
static struct client *members;    /* everyone in the room: shared by every client's thread */
/* Held while members is read or changed, and while a line goes out: two lines never mix on one
 * socket. (A client that never reads holds everyone up here once its buffer is full: Socketeer
 * disconnects such a client, and so does the event-loop model of this program.) */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
)");
}

void threadedSend(ProgramText &p)
{
    p.add(uR"(
/* Sends bytes to one client. */
static void tell(struct client *client, const char *data, size_t size)
{
    pthread_mutex_lock(&lock);
    send_all(client->fd, data, size);    /* a failure: its own thread finds the connection broken */
    pthread_mutex_unlock(&lock);
}

/* Sends a line to everyone in the room but its sender: nobody hears its own lines back. */
static void say(struct client *sender, const char *line, size_t size)
{
    pthread_mutex_lock(&lock);
    print_text("", line, size - 1);    /* the room, on this screen (without the line end) */
    for (struct client *client = members; client != NULL; client = client->next)
        if (client != sender)
            send_all(client->fd, line, size);
    pthread_mutex_unlock(&lock);
}
)");
}

void eventLoopSend(ProgramText &p)
{
    p.add(uR"(
enum { MAX_OUTBOX = 1024 * 1024, MAX_EVENTS = 64 };    /* a client that reads nothing is dropped once this much waits */
static int epfd;    /* the epoll set: the listening socket and every client */

/* Asks for EPOLLOUT only while bytes wait. */
static void watch(struct client *client)
{
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN | (client->out_used > 0 ? EPOLLOUT : 0);
    event.data.ptr = client;
    epoll_ctl(epfd, EPOLL_CTL_MOD, client->fd, &event);
}

/* Sends what the socket takes now; the rest waits for EPOLLOUT. A failure: the client is gone. */
static void flush_out(struct client *client)
{
    while (client->out_used > 0) {
        ssize_t n = send(client->fd, client->out, client->out_used, MSG_NOSIGNAL);    $$send
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;    /* the socket's buffer is full: never wait here, the others would wait too */
        if (n < 0) {
            client->gone = 1;
            return;
        }
        memmove(client->out, client->out + n, client->out_used - (size_t)n);
        client->out_used -= (size_t)n;
    }
    watch(client);
}

/* The loop never waits for one client: bytes are queued, and sent as the socket takes them. */
static void tell(struct client *client, const char *data, size_t size)
{
    if (client->gone)
        return;
    if (client->out_used + size > MAX_OUTBOX) {
        fprintf(stderr, "%s reads nothing: disconnected\n", client->name);
        client->gone = 1;    /* it would hold the room back */
        return;
    }
    if (client->out_used + size > client->out_size) {
        char *bigger = realloc(client->out, client->out_used + size);
        if (bigger == NULL) {
            client->gone = 1;
            return;
        }
        client->out = bigger;
        client->out_size = client->out_used + size;
    }
    memcpy(client->out + client->out_used, data, size);
    client->out_used += size;
    flush_out(client);
}

/* Sends a line to everyone in the room but its sender: nobody hears its own lines back. */
static void say(struct client *sender, const char *line, size_t size)
{
    print_text("", line, size - 1);    /* the room, on this screen (without the line end) */
    for (struct client *client = members; client != NULL; client = client->next)
        if (client != sender)
            tell(client, line, size);
}
)");
}

void lines(ProgramText &p)
{
    p.add(uR"(
/* "*** NAME joined" and the like: the room's own lines. */
static void notice(struct client *client, const char *what)
{
    char line[NAME_SIZE + 32];
    int n = snprintf(line, sizeof line, "*** %s %s\n", client->name, what);
    say(client, line, (size_t)n);
}

/* One whole line from a client, without its line end: said to the room, its name first. Control
 * characters but TAB become '?', so nobody can paint over another line in a terminal. */
static void relay(struct client *client, const char *line, size_t length)
{
    char out[NAME_SIZE + MAX_LINE + 3];
    size_t n = strlen(client->name);
    int blank = 1;
    memcpy(out, client->name, n);
    out[n++] = ':';
    out[n++] = ' ';
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c != ' ' && c != '\t')
            blank = 0;
        out[n++] = (c < 0x20 && c != '\t') || c == 0x7f ? '?' : (char)c;
    }
    if (blank)    /* an empty line (someone pressing Enter) is nothing to tell the others */
        return;
    out[n++] = '\n';
    say(client, out, n);
}

/* TCP keeps no message boundaries: one recv() may hold part of a line, or several lines. Bytes
 * are collected until a line end, and each whole line is relayed. */
static void take(struct client *client, const char *bytes, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        if (bytes[i] == '\n') {
            size_t length = client->used;
            if (length > 0 && client->line[length - 1] == '\r')
                length--;    /* a CR LF line end counts too */
            if (!client->skipping)
                relay(client, client->line, length);
            client->skipping = 0;
            client->used = 0;
        } else if (client->skipping) {
            continue;
        } else if (client->used == MAX_LINE + 1) {
            tell(client, TOO_LONG, sizeof TOO_LONG - 1);
            client->skipping = 1;
            client->used = 0;
        } else {
            client->line[client->used++] = bytes[i];
        }
    }
}

/* A last line without its line end is still said, then the others hear it left. */
static void say_goodbye(struct client *client)
{
    if (client->used > 0 && !client->skipping)
        relay(client, client->line, client->used - (client->line[client->used - 1] == '\r'));
    notice(client, "left");
}
)");
}

void threadPerClient(ProgramText &p)
{
    p.add(uR"(
/* Serves one member on a thread of its own, from joining the room to leaving it. */
static void *link_handler(void *arg)
{
    struct client *client = arg;
    char buf[BUF_SIZE];
    int n = snprintf(buf, sizeof buf, "*** you are %s\n", client->name);
    pthread_mutex_lock(&lock);
    struct client **end = &members;
    while (*end != NULL)
        end = &(*end)->next;
    *end = client;    /* in the room */
    send_all(client->fd, buf, (size_t)n);
    pthread_mutex_unlock(&lock);
    notice(client, "joined");
    for (;;) {
        ssize_t got = recv(client->fd, buf, sizeof buf, 0);    $$recv
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            perror("recv");
        if (got <= 0)    /* 0: the client closed its side */
            break;
        take(client, buf, (size_t)got);
    }
    pthread_mutex_lock(&lock);
    for (end = &members; *end != client; end = &(*end)->next)
        ;
    *end = client->next;    /* out of the room: nobody sends to it any more */
    pthread_mutex_unlock(&lock);
    say_goodbye(client);
    close(client->fd);    $$close
    free(client);
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
    int s = bound_socket(SOCK_STREAM, SOCK_CLOEXEC);
    if (s < 0)
        return 1;
    print_bound(s);
    for (;;) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
        int fd = accept4(s, (struct sockaddr *)&peer, &length, SOCK_CLOEXEC);    /* waits for the next client */ $$accept
        if (fd < 0 && (errno == EINTR || errno == ECONNABORTED))
            continue;
        if (fd < 0) {
            perror("accept");
            break;
        }
        struct client *client = calloc(1, sizeof *client);
        pthread_t thread;
        if (client == NULL) {
            close(fd);
            continue;
        }
        client->fd = fd;
        chat_name((struct sockaddr *)&peer, length, client->name, sizeof client->name);
        /* One thread per client, detached: nobody waits for it to end. */
        if (pthread_create(&thread, NULL, link_handler, client) != 0) {
            fprintf(stderr, "no thread for %s\n", client->name);
            close(fd);
            free(client);
            continue;
        }
        pthread_detach(thread);
    }
    close(s);    $$close
    return 1;
}
)");
}

void eventLoop(ProgramText &p)
{
    p.add(uR"(
/* Takes out of the room, closes and frees the clients that left. Their goodbyes may make others
 * leave (a send failed): the list is walked again until nobody is left to go. */
static void sweep(void)
{
    struct client **at = &members;
    while (*at != NULL) {
        struct client *client = *at;
        if (!client->gone) {
            at = &client->next;
            continue;
        }
        *at = client->next;
        close(client->fd);    /* also takes it out of the epoll set */ $$close
        say_goodbye(client);
        free(client->out);
        free(client);
        at = &members;
    }
}

/* One recv() from a ready client. */
static void read_from(struct client *client)
{
    char buf[BUF_SIZE];
    ssize_t n = recv(client->fd, buf, sizeof buf, 0);    $$recv
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0)    /* 0: the client closed its side */
        client->gone = 1;
    else
        take(client, buf, (size_t)n);
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
        if (client == NULL || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event) < 0) {
            close(fd);
            free(client);
            continue;
        }
        client->fd = fd;
        chat_name((struct sockaddr *)&peer, length, client->name, sizeof client->name);
        struct client **end = &members;
        while (*end != NULL)
            end = &(*end)->next;
        *end = client;    /* in the room */
        char hello[NAME_SIZE + 16];
        int n = snprintf(hello, sizeof hello, "*** you are %s\n", client->name);
        tell(client, hello, (size_t)n);
        notice(client, "joined");
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
    int s = bound_socket(SOCK_STREAM, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (s < 0)
        return 1;
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN;
    event.data.ptr = NULL;    /* NULL: the listening socket */
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, s, &event) < 0) {
        perror("epoll");
        return 1;
    }
    print_bound(s);
    for (;;) {
        struct epoll_event events[MAX_EVENTS];
        /* One thread waits for every socket at once: whichever is ready is served, in turn. */
        int ready = epoll_wait(epfd, events, MAX_EVENTS, -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            perror("epoll_wait");
            break;
        }
        for (int i = 0; i < ready; i++) {
            struct client *client = events[i].data.ptr;
            if (client == NULL) {
                accept_clients(s);
                continue;
            }
            if (!client->gone && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                read_from(client);
            if (!client->gone && (events[i].events & EPOLLOUT))
                flush_out(client);
        }
        sweep();    /* only now: a later event of this round may still name a client that left */
    }
    close(epfd);
    close(s);    $$close
    return 1;
}
)");
}

} // namespace

void cChatServer(const CodeSettings &settings, ProgramText &program)
{
    const bool threads = settings.model == ServerModel::ThreadPerClient;
    CNeeds needs;
    needs.threads = threads;
    needs.epoll = !threads;
    needs.sendAll = threads;
    needs.boundSocket = true;
    cCommon(settings, program, needs);
    room(!threads, program);
    threads ? threadedSend(program) : eventLoopSend(program);
    lines(program);
    threads ? threadPerClient(program) : eventLoop(program);
}

} // namespace socketeer::code
