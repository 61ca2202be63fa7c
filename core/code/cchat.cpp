// The chat room in C (docs/CHAT.md): every line a client sends goes to all the others as
// "NAME: TEXT", with "*** NAME joined" / "*** NAME left". NAME is the client's address, or with
// nicknames the name it sends first (checked by the rules of Socketeer's ChatRoom). One pthread per
// client with a mutex around the room, or one epoll loop for all of them; over TLS (OpenSSL) too.

#include "generators.h"
#include "programtext.h"

#include "net/limits.h"

namespace socketeer::code {

namespace {

struct Room {
    bool threads = false;
    bool nicknames = false;
    bool tls = false;
};

void room(const Room &r, ProgramText &p)
{
    p.add(uR"(
enum { MAX_LINE = @CHAT_MAX_LINE@ };    /* a longer line is refused, not relayed */
static const char TOO_LONG[] = "*** line too long (more than @CHAT_MAX_LINE@ bytes): not relayed\n";
)");
    if (r.nicknames)
        p.add(u"enum { MAX_NICKNAME = @CHAT_MAX_NICKNAME@ };    /* characters, not bytes: a Chinese name of 2 is 6 bytes */\n");
    p.add(uR"(
/* One member of the room. */
struct client {
    int fd;
)");
    if (r.tls)
        p.add(u"    SSL *ssl;    /* the TLS session over fd: everything is read and written through it */\n");
    if (r.tls && r.threads)
        p.add(u"    pthread_mutex_t tls_lock;    /* a TLS session is used by one thread at a time */\n");
    if (r.tls && !r.threads)
        p.add(u"    int handshaking;    /* not in the room until the TLS handshake is done */\n");
    p.add(uR"(    char address[NAME_SIZE];    /* "127.0.0.1:53314" */
)");
    p.add(r.nicknames ? u"    char name[NAME_SIZE];    /* the nickname the others see; empty until chosen, and until then it is not in the room */\n"
          : r.tls     ? u"    char name[NAME_SIZE];    /* its address, the name the others see; empty until its handshake is done */\n"
                      : u"    char name[NAME_SIZE];    /* its address, the name the others see */\n");
    p.add(uR"(    size_t used;    /* the line so far: its end has not come yet */
    int skipping;    /* the rest of a line too long is dropped, up to its end */
    char line[MAX_LINE + 1];
)");
    if (!r.threads)
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
    if (!r.threads)
        p.add(r.tls || r.nicknames ? u"\nstatic struct client *members;    /* everyone connected; the room is those with a name */\n"
                                   : u"\nstatic struct client *members;    /* everyone in the room */\n");
    else
        p.add(uR"(
static struct client *members;    /* everyone in the room: shared by every client's thread */
/* Held while members is read or changed, and while a line goes out: two lines never mix on one
 * socket. (A client that never reads holds everyone up here once its buffer is full: Socketeer
 * disconnects such a client, and so does the event-loop model of this program.) */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
)");
}

// wait_tls(): what every blocking step of TLS on a non-blocking socket does in thread per client.
void waitTls(ProgramText &p)
{
    p.add(uR"(
/* The socket is non-blocking (see send_to): after an SSL call could not go on (SSL_ERROR_WANT_READ
 * or _WRITE), waits until it can. -1: any other error, or the client closed: the session is over. */
static int wait_tls(int fd, int why)
{
    struct pollfd ready;
    if (why != SSL_ERROR_WANT_READ && why != SSL_ERROR_WANT_WRITE)
        return -1;
    ready.fd = fd;
    ready.events = why == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
    ready.revents = 0;
    while (poll(&ready, 1, -1) < 0)
        if (errno != EINTR)
            return -1;
    return 0;
}

/* Sends every byte to one client over TLS. Other threads send to a client while its own thread
 * reads, and a TLS session may be used by one thread at a time: each call holds its tls_lock, and
 * none waits while holding it but this one, until the socket takes the bytes. */
static int send_to(struct client *client, const char *data, size_t size)
{
    int failed = 0;
    pthread_mutex_lock(&client->tls_lock);
    while (size > 0 && !failed) {
        int n = SSL_write(client->ssl, data, size > 65536 ? 65536 : (int)size);    $$SSL_write
        if (n > 0) {
            data += n;
            size -= (size_t)n;
        } else {
            failed = wait_tls(client->fd, SSL_get_error(client->ssl, n)) < 0;    /* the same bytes again once it can */
        }
    }
    pthread_mutex_unlock(&client->tls_lock);
    return failed ? -1 : 0;
}
)");
}

void threadedSend(const Room &r, ProgramText &p)
{
    if (r.tls)
        waitTls(p);
    else
        p.add(uR"(
static int send_to(struct client *client, const char *data, size_t size)
{
    return send_all(client->fd, data, size);
}
)");
    p.add(uR"(
/* Sends bytes to one client. */
static void tell(struct client *client, const char *data, size_t size)
{
    pthread_mutex_lock(&lock);
    send_to(client, data, size);    /* a failure: its own thread finds the connection broken */
    pthread_mutex_unlock(&lock);
}

/* Sends a line to everyone in the room but its sender (nobody hears its own lines back); the
 * caller holds the lock. */
static void say_locked(struct client *sender, const char *line, size_t size)
{
    print_text("", line, size - 1);    /* the room, on this screen (without the line end) */
    for (struct client *client = members; client != NULL; client = client->next)
        if (client != sender && client->name[0] != '\0')
            send_to(client, line, size);
}

static void say(struct client *sender, const char *line, size_t size)
{
    pthread_mutex_lock(&lock);
    say_locked(sender, line, size);
    pthread_mutex_unlock(&lock);
}
)");
}

void eventLoopSend(const Room &r, ProgramText &p)
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
)");
    if (r.tls)
        p.add(uR"(
/* Sends what TLS takes now; the rest waits for EPOLLOUT. A failure: the client is gone. */
static void flush_out(struct client *client)
{
    while (client->out_used > 0) {
        int piece = client->out_used > 65536 ? 65536 : (int)client->out_used;
        int n = SSL_write(client->ssl, client->out, piece);    $$SSL_write
        if (n <= 0) {
            int why = SSL_get_error(client->ssl, n);
            if (why == SSL_ERROR_WANT_WRITE || why == SSL_ERROR_WANT_READ)
                break;    /* never wait here, the others would wait too */
            client->gone = 1;
            return;
        }
        memmove(client->out, client->out + n, client->out_used - (size_t)n);
        client->out_used -= (size_t)n;
    }
    watch(client);
}
)");
    else
        p.add(uR"(
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
)");
    p.add(uR"(
/* The loop never waits for one client: bytes are queued, and sent as the socket takes them. */
static void tell(struct client *client, const char *data, size_t size)
{
    if (client->gone)
        return;
    if (client->out_used + size > MAX_OUTBOX) {
        fprintf(stderr, "%s reads nothing: disconnected\n", client->address);
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
        if (client != sender && client->name[0] != '\0')
            tell(client, line, size);
}
)");
}

// The nickname's rules, word for word those of Socketeer's ChatRoom::nicknameProblem(), and how
// a client chooses one.
void nicknames(const Room &r, ProgramText &p)
{
    p.add(uR"(
/* The next character of UTF-8 text, moving *at past it; -1 if the bytes are not UTF-8 (strictly:
 * no overlong forms, no surrogates, nothing over U+10FFFF). */
static long next_char(const unsigned char **at, const unsigned char *end)
{
    static const long smallest[] = {0, 0x80, 0x800, 0x10000};
    const unsigned char *p = *at;
    unsigned char c = *p++;
    int more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0 || end - p < more)
        return -1;
    long ch = more == 0 ? c : c & (0x3f >> more);
    for (int i = 0; i < more; i++, p++) {
        if ((*p & 0xc0) != 0x80)
            return -1;
        ch = ch << 6 | (*p & 0x3f);
    }
    if (ch < smallest[more] || ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff))
        return -1;
    *at = p;
    return ch;
}

/* Unicode's white space (the separators Zs, Zl, Zp, and TAB to CR, NEL). */
static int is_space(long ch)
{
    return ch == ' ' || (ch >= 0x09 && ch <= 0x0d) || ch == 0x85 || ch == 0xa0 || ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200a)
           || ch == 0x2028 || ch == 0x2029 || ch == 0x202f || ch == 0x205f || ch == 0x3000;
}

/* Where a name's characters start: after a byte order mark, which Socketeer does not count. */
static const unsigned char *after_bom(const char *name, size_t size)
{
    return (const unsigned char *)name + (size >= 3 && memcmp(name, "\357\273\277", 3) == 0 ? 3 : 0);
}

/* Why name (trimmed already) cannot be a nickname, or NULL if it can (taken or not). */
static const char *nickname_problem(const char *name, size_t size)
{
    const unsigned char *end = (const unsigned char *)name + size;
    const unsigned char *at = (const unsigned char *)name;
    const unsigned char *start = after_bom(name, size);
    size_t count = 0;
    if (size == 0)
        return "empty";
    while (at < end)
        if (next_char(&at, end) < 0)
            return "not UTF-8";
    for (at = start; at < end; count++)
        next_char(&at, end);
    if (count > MAX_NICKNAME)
        return "longer than @CHAT_MAX_NICKNAME@ characters";
    for (at = start; at < end;) {
        long ch = next_char(&at, end);
        if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f))
            return "control character";
        if (is_space(ch))
            return "space inside";    /* "/msg NAME TEXT" could not be split */
        if (ch == ':')
            return "colon";    /* "NAME: TEXT" could not be split back */
    }
    if (start < end && (*start == '*' || *start == '/'))
        return "starts with * or /";    /* the room's notices and commands start so */
    return NULL;
}

/* A character in one case, as Socketeer compares nicknames (Unicode's simple case folding):
 * upper then lower, so that final sigma and sigma, or the micro sign and mu, are one letter.
 * towupper() and towlower() know every script in a UTF-8 locale (main() sets one). */
static wint_t folded(long ch)
{
    return towlower(towupper((wint_t)ch));
}

/* Whether two names are the same in any case: "Alice" cannot pass for "alice". Both are UTF-8
 * already; a byte order mark in front does not count. */
static int same_name(const char *a, const char *b, size_t b_size)
{
    const unsigned char *p = after_bom(a, strlen(a)), *p_end = (const unsigned char *)a + strlen(a);
    const unsigned char *q = after_bom(b, b_size), *q_end = (const unsigned char *)b + b_size;
    while (p < p_end && q < q_end)
        if (folded(next_char(&p, p_end)) != folded(next_char(&q, q_end)))
            return 0;
    return p == p_end && q == q_end;
}

/* Whether someone in the room has this name already. */
static int taken(const char *name, size_t size)
{
    for (struct client *other = members; other != NULL; other = other->next)
        if (other->name[0] != '\0' && same_name(other->name, name, size))
            return 1;
    return 0;
}

/* A line from a client without a nickname: the one it wants ("/nick NAME" is taken too), trimmed
 * of spaces and tabs at both ends. */
static void choose_name(struct client *client, const char *line, size_t length)
{
    char reply[NAME_SIZE + 64];
    while (length > 0 && (line[0] == ' ' || line[0] == '\t'))
        line++, length--;
    while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
        length--;
    if (length >= 6 && memcmp(line, "/nick", 5) == 0 && (line[5] == ' ' || line[5] == '\t')) {
        line += 6, length -= 6;
        while (length > 0 && (line[0] == ' ' || line[0] == '\t'))
            line++, length--;
    }
    const char *problem = nickname_problem(line, length);
    if (problem != NULL) {
        int n = snprintf(reply, sizeof reply, "*** nickname refused (%s): send another\n", problem);
        tell(client, reply, (size_t)n);
        return;
    }
)");
    p.add(r.threads ? uR"(    pthread_mutex_lock(&lock);    /* nobody else takes the name between the look and the taking */
    if (taken(line, length)) {
        int n = snprintf(reply, sizeof reply, "*** nickname %.*s is taken: send another\n", (int)length, line);
        send_to(client, reply, (size_t)n);
    } else {
        memcpy(client->name, line, length);    /* in the room from now on; at most 4 bytes a character */
        client->name[length] = '\0';
        int n = snprintf(reply, sizeof reply, "*** you are %s\n", client->name);
        send_to(client, reply, (size_t)n);
        n = snprintf(reply, sizeof reply, "*** %s joined\n", client->name);
        say_locked(client, reply, (size_t)n);
    }
    pthread_mutex_unlock(&lock);
}
)"
                    : uR"(    if (taken(line, length)) {
        int n = snprintf(reply, sizeof reply, "*** nickname %.*s is taken: send another\n", (int)length, line);
        tell(client, reply, (size_t)n);
        return;
    }
    memcpy(client->name, line, length);    /* in the room from now on; at most 4 bytes a character */
    client->name[length] = '\0';
    int n = snprintf(reply, sizeof reply, "*** you are %s\n", client->name);
    tell(client, reply, (size_t)n);
    n = snprintf(reply, sizeof reply, "*** %s joined\n", client->name);
    say(client, reply, (size_t)n);
}
)");
}

void lines(const Room &r, ProgramText &p)
{
    p.add(uR"(
/* "*** NAME joined" and the like: the room's own lines. */
static void notice(struct client *client, const char *what)
{
    char line[NAME_SIZE + 32];
    int n = snprintf(line, sizeof line, "*** %s %s\n", client->name, what);
    say(client, line, (size_t)n);
}
)");
    if (r.nicknames)
        nicknames(r, p);
    p.add(uR"(
/* One whole line from a client, without its line end: said to the room, its name first. Control
 * characters but TAB become '?', so nobody can paint over another line in a terminal. */
static void relay(struct client *client, const char *line, size_t length)
{
    char out[NAME_SIZE + MAX_LINE + 3];
)");
    if (r.nicknames)
        p.add(uR"(    if (client->name[0] == '\0') {    /* its first lines choose its nickname */
        choose_name(client, line, length);
        return;
    }
)");
    p.add(uR"(    size_t n = strlen(client->name);
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

/* A last line without its line end is still said, then the others hear it left. One that never
 * had a name was never in the room: nobody is told. */
static void say_goodbye(struct client *client)
{
    if (client->name[0] == '\0')
        return;
    if (client->used > 0 && !client->skipping)
        relay(client, client->line, client->used - (client->line[client->used - 1] == '\r'));
    notice(client, "left");
}
)");
}

// What main() does before it binds: a locale for the nicknames, the certificate for TLS.
QString setup(const Room &r)
{
    QString lines;
    if (r.nicknames)
        lines += QStringLiteral("    setlocale(LC_CTYPE, \"C.UTF-8\");    /* towupper() and towlower() for every script, not ASCII only */\n");
    if (r.tls)
        lines += QStringLiteral(R"(    signal(SIGPIPE, SIG_IGN);    /* SSL_write to a client that left: an error, not the end of the server */
    if (load_tls() < 0)
        return 1;
)");
    return lines;
}

void threadPerClient(const Room &r, ProgramText &p)
{
    p.add(uR"(
/* Serves one member on a thread of its own, from joining the room to leaving it. */
static void *link_handler(void *arg)
{
    struct client *client = arg;
    char buf[BUF_SIZE];
)");
    if (r.tls)
        p.add(uR"(    /* The TLS handshake, on this client's thread: a slow client holds up nobody else. */
    int ready = client->ssl != NULL && SSL_set_fd(client->ssl, client->fd) == 1;
    while (ready) {
        int rc = SSL_accept(client->ssl);    $$SSL_do_handshake
        if (rc == 1)
            break;
        ready = wait_tls(client->fd, SSL_get_error(client->ssl, rc)) == 0;    /* a step at a time on the non-blocking socket */
    }
    if (!ready) {
        fprintf(stderr, "%s: the TLS handshake failed\n", client->address);
        ERR_print_errors_fp(stderr);
        SSL_free(client->ssl);
        close(client->fd);    $$close
        pthread_mutex_destroy(&client->tls_lock);
        free(client);
        return NULL;
    }
)");
    p.add(uR"(    pthread_mutex_lock(&lock);
    struct client **end = &members;
    while (*end != NULL)
        end = &(*end)->next;
    *end = client;    /* in the list: told what the room says once it has a name */
)");
    p.add(r.nicknames ? uR"(    static const char WELCOME[] = "*** welcome: send your nickname on the first line\n";
    send_to(client, WELCOME, sizeof WELCOME - 1);
    pthread_mutex_unlock(&lock);
)"
                      : uR"(    strcpy(client->name, client->address);    /* in the room */
    int n = snprintf(buf, sizeof buf, "*** you are %s\n", client->name);
    send_to(client, buf, (size_t)n);
    pthread_mutex_unlock(&lock);
    notice(client, "joined");
)");
    if (r.tls)
        p.add(uR"(    for (;;) {
        pthread_mutex_lock(&client->tls_lock);
        int got = SSL_read(client->ssl, buf, sizeof buf);    $$SSL_read
        int why = got > 0 ? SSL_ERROR_NONE : SSL_get_error(client->ssl, got);
        pthread_mutex_unlock(&client->tls_lock);
        if (got > 0)
            take(client, buf, (size_t)got);
        else if (wait_tls(client->fd, why) < 0)    /* nothing yet: wait without the lock, so the others can send */
            break;    /* the client closed (with or without close_notify), or the session failed */
    }
)");
    else
        p.add(uR"(    for (;;) {
        ssize_t got = recv(client->fd, buf, sizeof buf, 0);    $$recv
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            perror("recv");
        if (got <= 0)    /* 0: the client closed its side */
            break;
        take(client, buf, (size_t)got);
    }
)");
    p.add(uR"(    pthread_mutex_lock(&lock);
    for (end = &members; *end != client; end = &(*end)->next)
        ;
    *end = client->next;    /* out of the room: nobody sends to it any more */
    pthread_mutex_unlock(&lock);
    say_goodbye(client);
)");
    if (r.tls)
        p.add(uR"(    SSL_free(client->ssl);    /* nobody else uses it now */
    pthread_mutex_destroy(&client->tls_lock);
)");
    p.add(uR"(    close(client->fd);    $$close
    free(client);
    return NULL;
}
)");
    CThreadedMain parts;
    parts.setup = setup(r);
    if (r.tls)
        parts.acceptLine = QStringLiteral(R"(        /* Non-blocking: two threads use its TLS session, and neither may wait inside a call (see send_to). */
        int fd = accept4(s, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);    /* waits for the next client */ $$accept
)");
    parts.named = QStringLiteral("        chat_name((struct sockaddr *)&peer, length, client->address, sizeof client->address);\n");
    if (r.tls) {
        parts.named += QStringLiteral(R"(        client->ssl = SSL_new(tls_context);
        pthread_mutex_init(&client->tls_lock, NULL);
)");
        parts.release = QStringLiteral(R"(            SSL_free(client->ssl);
            pthread_mutex_destroy(&client->tls_lock);
)");
    }
    parts.who = QStringLiteral("client->address");
    cThreadedMain(p, parts);
}

void eventLoop(const Room &r, ProgramText &p)
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
)");
    if (r.tls)
        p.add(u"        SSL_free(client->ssl);\n");
    p.add(uR"(        close(client->fd);    /* also takes it out of the epoll set */ $$close
        say_goodbye(client);
        free(client->out);
        free(client);
        at = &members;
    }
}

/* A new member: it is told who it is (or asked for its nickname), the others hear it came. */
static void join(struct client *client)
{
)");
    p.add(r.nicknames ? uR"(    static const char WELCOME[] = "*** welcome: send your nickname on the first line\n";
    tell(client, WELCOME, sizeof WELCOME - 1);
}
)"
                      : uR"(    char hello[NAME_SIZE + 16];
    strcpy(client->name, client->address);    /* in the room */
    int n = snprintf(hello, sizeof hello, "*** you are %s\n", client->name);
    tell(client, hello, (size_t)n);
    notice(client, "joined");
}
)");
    if (r.tls)
        p.add(uR"(
/* One step of the TLS handshake; it waits for whichever way the socket must be ready. */
static void handshake(struct client *client)
{
    int rc = SSL_do_handshake(client->ssl);    $$SSL_do_handshake
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.data.ptr = client;
    if (rc == 1) {
        client->handshaking = 0;
        watch(client);
        join(client);
        return;
    }
    int why = SSL_get_error(client->ssl, rc);
    if (why != SSL_ERROR_WANT_READ && why != SSL_ERROR_WANT_WRITE) {
        fprintf(stderr, "%s: the TLS handshake failed\n", client->address);
        ERR_print_errors_fp(stderr);
        client->gone = 1;
        return;
    }
    event.events = why == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT;
    epoll_ctl(epfd, EPOLL_CTL_MOD, client->fd, &event);
}

/* What a ready client sent. TLS decrypts whole records, so bytes may wait inside the SSL object
 * where epoll cannot see them: read until it holds none. */
static void read_from(struct client *client)
{
    char buf[BUF_SIZE];
    do {
        int n = SSL_read(client->ssl, buf, sizeof buf);    $$SSL_read
        if (n <= 0) {
            int why = SSL_get_error(client->ssl, n);
            if (why != SSL_ERROR_WANT_READ && why != SSL_ERROR_WANT_WRITE)
                client->gone = 1;    /* closed (with or without close_notify), or failed */
            return;
        }
        take(client, buf, (size_t)n);
    } while (!client->gone && SSL_pending(client->ssl) > 0);
}
)");
    else
        p.add(uR"(
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
)");
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
)");
    if (r.tls)
        p.add(uR"(        SSL *ssl = client != NULL ? SSL_new(tls_context) : NULL;
        if (ssl == NULL || SSL_set_fd(ssl, fd) != 1 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event) < 0) {
            SSL_free(ssl);
            close(fd);
            free(client);
            continue;
        }
        SSL_set_accept_state(ssl);    /* the server's side of the handshake, driven by handshake() */
        client->ssl = ssl;
        client->handshaking = 1;
)");
    else
        p.add(uR"(        if (client == NULL || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event) < 0) {
            close(fd);
            free(client);
            continue;
        }
)");
    p.add(uR"(        client->fd = fd;
        chat_name((struct sockaddr *)&peer, length, client->address, sizeof client->address);
        struct client **end = &members;
        while (*end != NULL)
            end = &(*end)->next;
        *end = client;
)");
    p.add(r.tls ? u"        handshake(client);    /* it joins the room once this is done */\n    }\n}\n" : u"        join(client);\n    }\n}\n");
    CEpollMain parts;
    parts.setup = setup(r);
    if (r.tls)
        parts.serve = QStringLiteral(R"(            if (!client->gone && client->handshaking) {
                handshake(client);
                continue;
            }
)");
    parts.serve += QStringLiteral(R"(            if (!client->gone && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                read_from(client);
            if (!client->gone && (events[i].events & EPOLLOUT))
                flush_out(client);
)");
    parts.afterRound = QStringLiteral("        sweep();    /* only now: a later event of this round may still name a client that left */\n");
    cEpollMain(p, parts);
}

} // namespace

void cChatServer(const CodeSettings &settings, ProgramText &program)
{
    Room r;
    r.threads = settings.model == ServerModel::ThreadPerClient;
    r.nicknames = settings.nicknames;
    r.tls = settings.tls;
    program.set(QStringLiteral("CHAT_MAX_NICKNAME"), QString::number(limits::kChatMaxNicknameChars));
    CNeeds needs;
    needs.threads = r.threads;
    needs.epoll = !r.threads;
    needs.sendAll = r.threads && !r.tls;
    needs.poll = r.threads && r.tls;
    needs.openssl = r.tls;
    needs.wide = r.nicknames;
    needs.boundSocket = true;
    cCommon(settings, program, needs);
    room(r, program);
    if (r.tls)
        cTlsServerContext(program);
    r.threads ? threadedSend(r, program) : eventLoopSend(r, program);
    lines(r, program);
    r.threads ? threadPerClient(r, program) : eventLoop(r, program);
}

} // namespace socketeer::code
