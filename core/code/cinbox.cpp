// The inbox in C: the Python inbox's SMTP receiver with POSIX sockets and a pthread per client —
// the same dialogue, limits and replies, each message written whole under a name the program
// makes (O_EXCL, then rename), never one a client sent.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void settings(ProgramText &p, bool tls)
{
    p.add(uR"(
static const char FOLDER[] = @FOLDER@;    /* each message is saved here as NAME.eml, NAME made by this program */
static const char HOSTNAME[] = "localhost";    /* how the server names itself in its replies */
enum {
    MAX_LINE = 1000,    /* RFC 5321: a line is at most 1000 bytes with its CR LF */
    MAX_RECIPIENTS = 100,
    TIMEOUT = @TIMEOUT@    /* seconds a client may stay silent before it is sent away with 421 */
};
static const size_t MAX_MESSAGE = @MAX_MESSAGE@;    /* bytes; a larger message is refused with 552 */

static pthread_mutex_t name_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long stored;    /* messages stored so far: part of each file's name */

/* One connection. */
struct client {
    int fd;
    char name[NAME_SIZE];    /* its address, for messages */
    char in[MAX_LINE + BUF_SIZE];    /* bytes received that are not read as lines yet */
    size_t used;
    char line[MAX_LINE + 1];    /* the line read last, without its line end, NUL after it */
    size_t length;
)");
    if (tls)
        p.add(u"    SSL *ssl;    /* after STARTTLS: everything is read and written through it */\n");
    p.add(uR"(};

enum { CLOSED = -1, TOO_LONG = -2, SILENT = -3 };
)");
}

void lines(ProgramText &p, bool tls)
{
    p.add(uR"(
/* Sends one reply line and its CR LF. */
static int reply(struct client *client, const char *text)
{
    char out[MAX_LINE + 3];
    int n = snprintf(out, sizeof out, "%s\r\n", text);
    if (n < 0 || (size_t)n >= sizeof out)
        return -1;
)");
    if (tls)
        p.add(uR"(    if (client->ssl != NULL)    /* a blocking SSL_write sends all of it or fails */
        return SSL_write(client->ssl, out, n) == n ? 0 : -1;    $$SSL_write
)");
    p.add(uR"(    return send_all(client->fd, out, (size_t)n);
}

/* The next line into client->line (without its line end): 0, or CLOSED (the client closed or the
 * connection failed), TOO_LONG (no line end within MAX_LINE bytes) or SILENT (TIMEOUT passed).
 * TCP keeps no lines: one recv() may hold half a line, or many, so bytes wait in client->in. */
static int read_line(struct client *client)
{
    for (;;) {
        char *end = memchr(client->in, '\n', client->used);
        if (end != NULL) {
            size_t taken = (size_t)(end - client->in) + 1;    /* with its line end */
            if (taken > MAX_LINE)
                return TOO_LONG;
            size_t length = taken - 1;
            if (length > 0 && client->in[length - 1] == '\r')
                length--;
            memcpy(client->line, client->in, length);
            client->line[length] = '\0';
            client->length = length;
            memmove(client->in, client->in + taken, client->used - taken);
            client->used -= taken;
            return 0;
        }
        if (client->used >= MAX_LINE)    /* never an ever-growing buffer */
            return TOO_LONG;
)");
    if (tls)
        p.add(uR"(        if (client->ssl != NULL) {
            int n = SSL_read(client->ssl, client->in + client->used, (int)(sizeof client->in - client->used));    $$SSL_read
            if (n <= 0) {
                int why = SSL_get_error(client->ssl, n);
                /* SO_RCVTIMEO runs out under TLS too: a read that would wait longer. */
                if (why == SSL_ERROR_WANT_READ || (why == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK)))
                    return SILENT;
                return CLOSED;
            }
            client->used += (size_t)n;
            continue;
        }
)");
    p.add(uR"(        ssize_t n = recv(client->fd, client->in + client->used, sizeof client->in - client->used, 0);    $$recv
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return SILENT;    /* SO_RCVTIMEO ran out */
        if (n <= 0)    /* 0: the client closed its side */
            return CLOSED;
        client->used += (size_t)n;
    }
}
)");
}

void parsing(ProgramText &p)
{
    p.add(uR"(
/* Is the line the command `verb`, alone or followed by a space? (Commands are not case sensitive.) */
static int is_command(const char *line, const char *verb)
{
    size_t n = strlen(verb);
    return strncasecmp(line, verb, n) == 0 && (line[n] == '\0' || line[n] == ' ');
}

/* "MAIL FROM:<a@example.com> SIZE=123": copies the address into `address` (room for MAX_LINE + 1)
 * and points *parameters after it. -1 if it is not written so, or holds a control character
 * (which would reach the terminal and the file). */
static int parse_path(const char *argument, const char *prefix, char *address, const char **parameters)
{
    size_t n = strlen(prefix);
    if (strncasecmp(argument, prefix, n) != 0)
        return -1;
    const char *open = argument + n;
    while (*open == ' ')
        open++;
    const char *close = strchr(open, '>');
    if (*open != '<' || close == NULL)
        return -1;
    for (const char *c = open + 1; c < close; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return -1;
    }
    memcpy(address, open + 1, (size_t)(close - open - 1));
    address[close - open - 1] = '\0';
    *parameters = close + 1;
    return 0;
}

/* MAIL FROM's SIZE=, the size the client says its message has (RFC 1870). */
static int too_big(const char *parameters)
{
    const char *size = strcasestr(parameters, " SIZE=");
    return size != NULL && strtoull(size + 6, NULL, 10) > MAX_MESSAGE;
}
)");
}

void message(ProgramText &p)
{
    p.add(uR"(
/* The lines after DATA up to the one that is only ".", each line's doubled first dot made single
 * again, into a buffer to free(): 0, or 1 if it was too big (read to its end all the same, so the
 * dialogue goes on; *message is then NULL), or read_line()'s error: a client that goes before the
 * "." leaves nothing stored. */
static int read_message(struct client *client, char **message, size_t *size)
{
    size_t used = 0, capacity = 0;
    int too_big = 0;
    char *data = NULL;
    for (;;) {
        int rc = read_line(client);
        if (rc < 0) {
            free(data);
            return rc;
        }
        const char *line = client->line;
        size_t length = client->length;
        if (length == 1 && line[0] == '.')
            break;
        if (length > 0 && line[0] == '.') {    /* dot-stuffing: doubled so that it is not the end */
            line++;
            length--;
        }
        if (too_big || used + length + 2 > MAX_MESSAGE) {
            too_big = 1;
            continue;
        }
        if (used + length + 2 > capacity) {
            capacity = (used + length + 2) * 2;
            char *bigger = realloc(data, capacity);
            if (bigger == NULL) {
                too_big = 1;
                continue;
            }
            data = bigger;
        }
        memcpy(data + used, line, length);
        memcpy(data + used + length, "\r\n", 2);
        used += length + 2;
    }
    if (too_big) {
        free(data);
        data = NULL;
    }
    *message = data;
    *size = used;
    return too_big;
}

/* Saves a whole message; its file name goes into `name`. The name is made here (time, process,
 * count), never taken from the client: no name a client sends can reach outside FOLDER.
 * Written under another name first and renamed when whole: nobody ever sees half a message. */
static int save(const char *message, size_t size, char *name, size_t name_size)
{
    char stamp[32], path[4096], part[4200];
    time_t now = time(NULL);
    struct tm local;
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &local));
    pthread_mutex_lock(&name_lock);
    unsigned long number = ++stored;
    pthread_mutex_unlock(&name_lock);
    snprintf(name, name_size, "%s-%ld-%04lu.eml", stamp, (long)getpid(), number);
    snprintf(path, sizeof path, "%s/%s", FOLDER, name);
    snprintf(part, sizeof part, "%s.part", path);
    int fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);    /* O_EXCL: never over a file that is there */
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, message + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        done += (size_t)n;
    }
    if (close(fd) < 0 || done < size || rename(part, path) < 0) {
        unlink(part);
        return -1;
    }
    return 0;
}
)");
}

void session(ProgramText &p, bool tls)
{
    p.add(uR"(
/* The SMTP dialogue with one client (RFC 5321), until QUIT or until it goes: 0, or read_line()'s error. */
static int session(struct client *client)
{
    char sender[MAX_LINE + 1];    /* MAIL FROM's address */
    char *recipients[MAX_RECIPIENTS];
    char text[MAX_LINE + 1];
    const char *parameters;
    int greeted = 0, has_sender = 0, count = 0, rc = 0;
    snprintf(text, sizeof text, "220 %s ESMTP ready", HOSTNAME);
    if (reply(client, text) < 0)
        return CLOSED;
    while (rc == 0 && (rc = read_line(client)) == 0) {
        const char *line = client->line;
        const char *argument = client->length > 5 ? line + 5 : "";
        if (is_command(line, "EHLO") || is_command(line, "HELO")) {
            greeted = 1;
            has_sender = 0;
            while (count > 0)
                free(recipients[--count]);
            if (is_command(line, "HELO")) {
                snprintf(text, sizeof text, "250 %s", HOSTNAME);
                rc = reply(client, text);
                continue;
            }
            /* '-': more lines of this reply follow. */
)");
    if (tls)
        p.add(uR"(            snprintf(text, sizeof text, "250-%s at your service\r\n250-8BITMIME\r\n%s250 SIZE %zu", HOSTNAME,
                     client->ssl == NULL ? "250-STARTTLS\r\n" : "", MAX_MESSAGE);
)");
    else
        p.add(uR"(            snprintf(text, sizeof text, "250-%s at your service\r\n250-8BITMIME\r\n250 SIZE %zu", HOSTNAME, MAX_MESSAGE);
)");
    p.add(uR"(            rc = reply(client, text);
        } else if (is_command(line, "MAIL")) {
            char address[MAX_LINE + 1];
            int bad = parse_path(argument, "FROM:", address, &parameters) < 0;
            if (!greeted) {
                rc = reply(client, "503 5.5.1 Say EHLO or HELO first");
            } else if (has_sender) {
                rc = reply(client, "503 5.5.1 A mail is under way already: RSET first");
            } else if (bad) {
                rc = reply(client, "501 5.5.4 Syntax: MAIL FROM:<address>");
            } else if (too_big(parameters)) {
                snprintf(text, sizeof text, "552 5.3.4 Message too big: the limit is %zu bytes", MAX_MESSAGE);
                rc = reply(client, text);
            } else {
                memcpy(sender, address, strlen(address) + 1);
                has_sender = 1;
                rc = reply(client, "250 2.1.0 OK");
            }
        } else if (is_command(line, "RCPT")) {
            char address[MAX_LINE + 1];
            int bad = parse_path(argument, "TO:", address, &parameters) < 0 || address[0] == '\0';
            if (!has_sender) {
                rc = reply(client, "503 5.5.1 MAIL FROM first");
            } else if (bad) {
                rc = reply(client, "501 5.5.4 Syntax: RCPT TO:<address>");
            } else if (count == MAX_RECIPIENTS || (recipients[count] = strdup(address)) == NULL) {
                rc = reply(client, "452 4.5.3 Too many recipients");
            } else {
                count++;
                rc = reply(client, "250 2.1.5 OK");
            }
        } else if (is_command(line, "DATA")) {
            char *message;
            size_t size;
            char name[256];
            if (count == 0) {
                rc = reply(client, "503 5.5.1 RCPT TO first");
                continue;
            }
            if ((rc = reply(client, "354 End data with <CR><LF>.<CR><LF>")) < 0)
                break;
            rc = read_message(client, &message, &size);
            if (rc < 0)    /* gone in the middle of the message: nothing stored */
                break;
            if (rc == 1) {
                snprintf(text, sizeof text, "552 5.3.4 Message too big: the limit is %zu bytes", MAX_MESSAGE);
            } else if (save(message, size, name, sizeof name) < 0) {
                fprintf(stderr, "Could not store a message from %s: %s\n", client->name, strerror(errno));
                snprintf(text, sizeof text, "451 4.3.0 Could not store the message");
            } else {
                flockfile(stdout);    /* the whole line at once, whichever thread prints */
                printf("received %s from <%s> to ", name, sender);
                for (int i = 0; i < count; i++)
                    printf("%s<%s>", i > 0 ? ", " : "", recipients[i]);
                printf(" (%zu bytes)\n", size);
                funlockfile(stdout);
                snprintf(text, sizeof text, "250 2.0.0 OK: stored as %s", name);
            }
            free(message);
            has_sender = 0;
            while (count > 0)
                free(recipients[--count]);
            rc = reply(client, text);
)");
    if (tls)
        p.add(uR"(        } else if (is_command(line, "STARTTLS")) {
            if (client->ssl != NULL) {
                rc = reply(client, "503 5.5.1 TLS is on already");
                continue;
            }
            if ((rc = reply(client, "220 2.0.0 Ready to start TLS")) < 0)
                break;
            /* Whatever came behind STARTTLS in plain text was sent before TLS, by anyone on the
             * way: it is thrown away, never read as commands of the encrypted session. */
            client->used = 0;
            client->ssl = SSL_new(tls_context);
            if (client->ssl == NULL || SSL_set_fd(client->ssl, client->fd) != 1 || SSL_accept(client->ssl) != 1) {    $$SSL_do_handshake
                fprintf(stderr, "%s: the TLS handshake failed\n", client->name);
                ERR_print_errors_fp(stderr);
                rc = CLOSED;
                break;
            }
            /* RFC 3207: everything said before is forgotten; the client says EHLO again. */
            greeted = 0;
            has_sender = 0;
            while (count > 0)
                free(recipients[--count]);
)");
    p.add(uR"(        } else if (is_command(line, "RSET")) {
            has_sender = 0;
            while (count > 0)
                free(recipients[--count]);
            rc = reply(client, "250 2.0.0 OK");
        } else if (is_command(line, "NOOP")) {
            rc = reply(client, "250 2.0.0 OK");
        } else if (is_command(line, "QUIT")) {
            reply(client, "221 2.0.0 Bye");
            break;
        } else {
            rc = reply(client, "500 5.5.2 Command not recognized");
        }
    }
    while (count > 0)
        free(recipients[--count]);
    return rc < 0 ? rc : 0;
}
)");
}

void serve(ProgramText &p, bool tls)
{
    p.add(uR"(
/* A last reply, then the connection closed gently: the client may still be sending, and closing
 * with its bytes unread would reset the connection (RST), which can throw the reply away before
 * the client reads it. So "no more from me" (shutdown), and what still comes is read and dropped
 * until the client closes too (at most MAX_MESSAGE bytes). */
static void goodbye(struct client *client, const char *text)
{
    char buf[BUF_SIZE];
    size_t dropped = 0;
    if (reply(client, text) < 0 || shutdown(client->fd, SHUT_WR) < 0)
        return;
    while (dropped <= MAX_MESSAGE) {
)");
    if (tls)
        p.add(uR"(        ssize_t n = client->ssl != NULL ? SSL_read(client->ssl, buf, sizeof buf) : recv(client->fd, buf, sizeof buf, 0);
)");
    else
        p.add(uR"(        ssize_t n = recv(client->fd, buf, sizeof buf, 0);
)");
    p.add(uR"(
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        dropped += (size_t)n;
    }
}

/* Serves one client on a thread of its own: the other clients go on meanwhile. */
static void *link_handler(void *arg)
{
    struct client *client = arg;
    struct timeval timeout = {TIMEOUT, 0};
    printf("Connected by %s\n", client->name);
    /* recv() fails with EAGAIN after TIMEOUT seconds of silence. */
    setsockopt(client->fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);    $$setsockopt
    char text[128];
    switch (session(client)) {
    case TOO_LONG:
        snprintf(text, sizeof text, "500 5.5.0 Line too long: the limit is %d bytes", MAX_LINE);
        goodbye(client, text);
        break;
    case SILENT:
        snprintf(text, sizeof text, "421 4.4.2 %s Silent for too long: closing", HOSTNAME);
        reply(client, text);    /* it sends nothing: no need to wait for it */
        break;
    default:
        break;
    }
    printf("Disconnected %s\n", client->name);
)");
    if (tls)
        p.add(uR"(    if (client->ssl != NULL) {
        SSL_shutdown(client->ssl);    /* close_notify, without waiting for the answer */
        SSL_free(client->ssl);
    }
)");
    p.add(uR"(    close(client->fd);    $$close
    free(client);
    return NULL;
}
)");
    CThreadedMain parts;
    if (tls)
        parts.setup = QStringLiteral(R"(    signal(SIGPIPE, SIG_IGN);    /* SSL_write to a client that left: an error, not the end of the inbox */
    if (load_tls() < 0)
        return 1;
)");
    parts.setup += QStringLiteral(R"(    if (mkdir(FOLDER, 0700) < 0 && errno != EEXIST) {    /* the messages are for this user only */
        perror(FOLDER);
        return 1;
    }
)");
    parts.afterBound = QStringLiteral("    printf(\"storing messages in %s\\n\", FOLDER);\n");
    cThreadedMain(p, parts);
}

} // namespace

void cInbox(const CodeSettings &settings_, ProgramText &program)
{
    CNeeds needs;
    needs.threads = true;
    needs.sendAll = true;
    needs.boundSocket = true;
    needs.files = true;
    needs.openssl = settings_.tls;
    cCommon(settings_, program, needs);
    settings(program, settings_.tls);
    if (settings_.tls)
        cTlsServerContext(program);
    lines(program, settings_.tls);
    parsing(program);
    message(program);
    session(program, settings_.tls);
    serve(program, settings_.tls);
}

} // namespace socketeer::code
