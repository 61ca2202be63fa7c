// What every generated C program starts with: the includes it needs, its settings as constants,
// and the small helpers the tutorial's Python gets from its library (sendall, printing an
// address, text in another encoding, a bound socket).

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void includes(const CodeSettings &s, ProgramText &p, const CNeeds &needs)
{
    QStringList headers{QStringLiteral("errno.h"), QStringLiteral("netdb.h"), QStringLiteral("stdio.h"), QStringLiteral("stdlib.h"),
                        QStringLiteral("string.h"), QStringLiteral("sys/socket.h"), QStringLiteral("sys/types.h"), QStringLiteral("unistd.h")};
    if (s.encoding != TextEncoding::Utf8)
        headers << QStringLiteral("iconv.h");
    if (needs.threads)
        headers << QStringLiteral("pthread.h");
    if (needs.epoll)
        headers << QStringLiteral("sys/epoll.h");
    if (needs.poll)
        headers << QStringLiteral("poll.h");
    if (needs.tls || needs.openssl)
        headers << QStringLiteral("openssl/err.h") << QStringLiteral("openssl/ssl.h") << QStringLiteral("signal.h");
    if (needs.files)
        headers << QStringLiteral("fcntl.h") << QStringLiteral("strings.h") << QStringLiteral("sys/stat.h") << QStringLiteral("sys/time.h")
                << QStringLiteral("time.h");
    if (needs.wide)
        headers << QStringLiteral("locale.h") << QStringLiteral("wctype.h");
    headers.sort();
    for (const QString &header : std::as_const(headers))
        p.add(QStringLiteral("#include <%1>\n").arg(header));
}

void printText(const CodeSettings &s, ProgramText &p)
{
    if (s.encoding == TextEncoding::Utf8) {
        p.add(uR"(
/* Prints bytes received as text (UTF-8, like this terminal). */
static void print_text(const char *prefix, const char *bytes, size_t size)
{
    printf("%s%.*s\n", prefix, (int)size, bytes);
}
)");
        return;
    }
    p.add(uR"(
/* Text is ENCODING on the wire and UTF-8 on this terminal: iconv converts between them. Returns a
 * buffer to free() with room for 4 more bytes after the result, or NULL if the text cannot be
 * converted (a byte sequence that is not text in `from`, or a character `to` has not got). */
static char *convert(const char *to, const char *from, const char *in, size_t size, size_t *out_size)
{
    size_t capacity = size * 4 + 4;
    char *out = malloc(capacity);
    char *next_in = (char *)in;
    char *next_out = out;
    size_t in_left = size;
    size_t out_left = capacity - 4;
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1 || out == NULL || iconv(cd, &next_in, &in_left, &next_out, &out_left) == (size_t)-1) {
        free(out);
        out = NULL;
    } else {
        *out_size = (size_t)(next_out - out);
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return out;
}

/* Prints bytes received as text: ENCODING turned into this terminal's UTF-8. */
static void print_text(const char *prefix, const char *bytes, size_t size)
{
    size_t length = 0;
    char *text = convert("UTF-8", ENCODING, bytes, size, &length);
    if (text == NULL)
        printf("%s(%zu bytes that are not %s text)\n", prefix, size, ENCODING);
    else
        printf("%s%.*s\n", prefix, (int)length, text);
    free(text);
}
)");
}

void sendAll(ProgramText &p, bool tls)
{
    if (tls) {
        p.add(uR"(
/* Sends every byte over TLS. A blocking SSL_write() sends all it is given or fails; the loop only
 * keeps each piece within an int. */
static int send_all(SSL *ssl, const char *data, size_t size)
{
    while (size > 0) {
        int piece = size > 65536 ? 65536 : (int)size;
        int n = SSL_write(ssl, data, piece);    $$SSL_write
        if (n <= 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}
)");
        return;
    }
    p.add(uR"(
/* send() may take only part of the bytes: this sends the rest until all are gone. */
static int send_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = send(fd, data, size, MSG_NOSIGNAL);    /* MSG_NOSIGNAL: a closed peer is an error, not SIGPIPE */ $$send
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}
)");
}

void boundSocket(const CodeSettings &s, ProgramText &p)
{
    const bool listens = s.kind == CodeKind::TcpServer || s.kind == CodeKind::Inbox;
    p.add(listens ? u"\n/* getaddrinfo, socket, bind, listen: the server's socket, or -1 (and why, on stderr). */\n"
                                        : u"\n/* getaddrinfo, socket, bind: the server's socket, or -1 (and why, on stderr). */\n");
    p.add(uR"(static int bound_socket(int type, int flags)
{
    struct addrinfo hints, *found;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = @FAMILY@;
    hints.ai_socktype = type;
    hints.ai_flags = AI_PASSIVE;    /* an empty HOST: every interface */
    int rc = getaddrinfo(HOST[0] ? HOST : NULL, PORT, &hints, &found);    $$getaddrinfo
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", HOST, gai_strerror(rc));
        return -1;
    }
    int s = socket(found->ai_family, found->ai_socktype | flags, found->ai_protocol);    $$socket
    int on = 1;
    if (s < 0) {
        perror("socket");
    } else if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0) {    /* bind again at once after a restart */ $$setsockopt
        perror("setsockopt");
    } else if (bind(s, found->ai_addr, found->ai_addrlen) < 0) {    $$bind
        perror("bind");
)");
    if (listens)
        p.add(uR"(    } else if (listen(s, SOMAXCONN) < 0) {    $$listen
        perror("listen");
)");
    p.add(uR"(    } else {
        freeaddrinfo(found);
        return s;
    }
    if (s >= 0)
        close(s);
    freeaddrinfo(found);
    return -1;
}

/* Prints "listening on HOST PORT": the port really bound, if PORT was "0". */
static void print_bound(int s)
{
    struct sockaddr_storage bound;
    socklen_t length = sizeof bound;
    char name[NAME_SIZE] = "?";
    if (getsockname(s, (struct sockaddr *)&bound, &length) == 0)
        describe((struct sockaddr *)&bound, length, name, sizeof name);
    printf("listening on %s\n", name);
}
)");
}

} // namespace

// A TLS server's context: made once, shared by every client's thread (SSL_new is thread-safe).
void cTlsServerContext(ProgramText &p)
{
    p.add(uR"(
static SSL_CTX *tls_context;

/* The certificate and key every client's handshake uses. 0: loaded; -1: why not is on stderr. */
static int load_tls(void)
{
    tls_context = SSL_CTX_new(TLS_server_method());
    if (tls_context == NULL)
        return -1;
    SSL_CTX_set_min_proto_version(tls_context, TLS1_2_VERSION);
    /* A client that closes without TLS's goodbye (close_notify) has just closed, as over TCP. */
    SSL_CTX_set_options(tls_context, SSL_OP_IGNORE_UNEXPECTED_EOF);
    /* SSL_write may take part of the bytes, as send() does, and the rest is offered again later
     * from wherever the buffer has moved to. */
    SSL_CTX_set_mode(tls_context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_CTX_use_certificate_chain_file(tls_context, CERTFILE) != 1
        || SSL_CTX_use_PrivateKey_file(tls_context, KEYFILE, SSL_FILETYPE_PEM) != 1
        || SSL_CTX_check_private_key(tls_context) != 1) {
        fprintf(stderr, "cannot use the certificate %s with the key %s:\n", CERTFILE, KEYFILE);
        ERR_print_errors_fp(stderr);
        return -1;
    }
    return 0;
}
)");
}

namespace {

// A part of a program that may be empty: then it adds nothing, not an empty line.
void addLines(ProgramText &p, const QString &lines)
{
    if (!lines.isEmpty())
        p.add(lines);
}

} // namespace

void cThreadedMain(ProgramText &p, const CThreadedMain &parts)
{
    p.add(uR"(
int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
)");
    addLines(p, parts.setup);
    p.add(uR"(    int s = bound_socket(SOCK_STREAM, SOCK_CLOEXEC);
    if (s < 0)
        return 1;
    print_bound(s);
)");
    addLines(p, parts.afterBound);
    p.add(uR"(    for (;;) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
)");
    p.add(!parts.acceptLine.isEmpty()
              ? QStringView(parts.acceptLine)
              : u"        int fd = accept4(s, (struct sockaddr *)&peer, &length, SOCK_CLOEXEC);    /* waits for the next client */ $$accept\n");
    p.add(uR"(        if (fd < 0 && (errno == EINTR || errno == ECONNABORTED))
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
)");
    addLines(p, parts.named);
    p.add(QStringLiteral(R"(        /* One thread per client, detached: nobody waits for it to end. */
        if (pthread_create(&thread, NULL, link_handler, client) != 0) {
            fprintf(stderr, "no thread for %s\n", %1);
            close(fd);
)").arg(parts.who));
    addLines(p, parts.release);
    p.add(uR"(            free(client);
            continue;
        }
        pthread_detach(thread);
    }
    close(s);    $$close
    return 1;
}
)");
}

void cEpollMain(ProgramText &p, const CEpollMain &parts)
{
    p.add(uR"(
int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
)");
    addLines(p, parts.setup);
    p.add(uR"(    int s = bound_socket(SOCK_STREAM, SOCK_NONBLOCK | SOCK_CLOEXEC);
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
)");
    addLines(p, parts.serve);
    p.add(u"        }\n");
    addLines(p, parts.afterRound);
    p.add(uR"(    }
    close(epfd);
    close(s);    $$close
    return 1;
}
)");
}

QString cBytesLiteral(const QByteArray &bytes)
{
    // Octal, never \x: a hex escape would swallow a following hex digit.
    QString text = QStringLiteral("\"");
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            text += QStringLiteral("\\n");
        else if (c == '\r')
            text += QStringLiteral("\\r");
        else if (u >= 0x20 && u < 0x7f && c != '\\' && c != '"' && c != '?')
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\%1").arg(u, 3, 8, QLatin1Char('0'));
    }
    return text + QLatin1Char('"');
}

void cFramingConstants(const CodeSettings &s, ProgramText &p)
{
    const FrameSpec &spec = s.frame;
    // A server without echo sends nothing, so it needs no line end (an unused constant is a warning).
    const bool sends = s.kind == CodeKind::TcpClient || s.echo;
    switch (spec.kind) {
    case FrameKind::None:
        return;
    case FrameKind::Line:
    case FrameKind::Crlf:
        if (sends)
            p.add(u"static const char LINE_END[] = @DELIMITER@;    /* where one message (a line) ends */\n");
        p.add(u"enum { MAX_LINE = @MAX_LINE@ };    /* a longer line is an error, not an ever-growing buffer */\n");
        return;
    case FrameKind::Delimiter:
        p.set(QStringLiteral("DELIMITER_C"), cBytesLiteral(spec.delimiter));
        p.add(uR"(static const char LINE_END[] = @DELIMITER_C@;    /* where one message ends (sizeof - 1 counts a NUL in it) */
enum { MAX_LINE = @MAX_LINE@ };    /* a longer message is an error, not an ever-growing buffer */
)");
        return;
    case FrameKind::Length:
        p.set(QStringLiteral("HEADER"), QString::number(spec.lengthBytes));
        p.set(QStringLiteral("BIG_ENDIAN_LENGTH"), spec.bigEndian ? QStringLiteral("1") : QStringLiteral("0"));
        p.set(QStringLiteral("COUNTS_HEADER"), spec.lengthCountsHeader ? QStringLiteral("1") : QStringLiteral("0"));
        p.add(uR"(enum {
    HEADER = @HEADER@,    /* each message starts with its length in this many bytes */
    BIG_ENDIAN_LENGTH = @BIG_ENDIAN_LENGTH@,    /* 1: network order, the most significant byte first */
    COUNTS_HEADER = @COUNTS_HEADER@,    /* 1: the length counts the header's own bytes too */
    MAX_LINE = @MAX_LINE@    /* a longer message is an error, not an ever-growing buffer */
};

/* The length a header holds. */
static size_t read_length(const char *header)
{
    size_t length = 0;
    for (int i = 0; i < HEADER; i++)
        length = length << 8 | (unsigned char)header[BIG_ENDIAN_LENGTH ? i : HEADER - 1 - i];
    return length;
}
)");
        if (sends)
            p.add(uR"(
/* The header in front of a message of `length` bytes. */
static void write_length(char *header, size_t length)
{
    if (COUNTS_HEADER)
        length += HEADER;
    for (int i = 0; i < HEADER; i++)
        header[BIG_ENDIAN_LENGTH ? HEADER - 1 - i : i] = (char)(length >> (8 * i) & 0xff);
}
)");
        return;
    case FrameKind::Fixed:
        p.set(QStringLiteral("SIZE"), QString::number(spec.fixedSize));
        p.add(u"enum { SIZE = @SIZE@ };    /* every message is exactly this many bytes */\n");
        return;
    }
}

void cCommon(const CodeSettings &s, ProgramText &p, const CNeeds &needs)
{
    p.add(u"/* @TITLE@\n");
    p.add(QStringLiteral(" * Build: gcc -Wall -Wextra -O2%1 -o @STEM@ @FILE@%2 */\n")
              .arg(needs.threads ? QStringLiteral(" -pthread") : QString(),
                   needs.tls || needs.openssl ? QStringLiteral(" -lssl -lcrypto") : QString()));
    p.add(u"#define _GNU_SOURCE    /* accept4, memmem, NI_MAXHOST */\n");
    includes(s, p, needs);
    p.add(uR"(
static const char HOST[] = @HOST@;
static const char PORT[] = @PORT@;    /* "0" for a server: any free port (the one bound is printed) */
)");
    if (s.encoding != TextEncoding::Utf8)
        p.add(u"static const char ENCODING[] = @ENCODING@;    /* text on the wire */\n");
    // A server without echo sends nothing, so it needs no line end (an unused constant is a warning).
    cFramingConstants(s, p);
    if ((needs.tls || needs.openssl) && (s.kind == CodeKind::TcpServer || s.kind == CodeKind::Inbox))
        p.add(uR"(static const char CERTFILE[] = @CERTFILE@;    /* the server's certificate chain (PEM) */
static const char KEYFILE[] = @KEYFILE@;    /* its private key (PEM) */
)");
    if (needs.tls && s.kind == CodeKind::TcpClient)
        p.add(u"static const char CAFILE[] = @CAFILE@;    /* also trust these CAs (PEM); \"\": the system's only */\n");
    p.add(u"enum { BUF_SIZE = 4096, NAME_SIZE = NI_MAXHOST + NI_MAXSERV + 1 };\n");
    if (s.kind != CodeKind::TcpClient)   // a client names no address but the one it was given
        p.add(uR"(
/* "HOST PORT" of an address, as numbers. */
static void describe(const struct sockaddr *address, socklen_t length, char *name, size_t size)
{
    char host[NI_MAXHOST], port[NI_MAXSERV];
    if (getnameinfo(address, length, host, sizeof host, port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        snprintf(name, size, "?");
    else
        snprintf(name, size, "%s %s", host, port);
}
)");
    if (s.kind != CodeKind::Inbox)   // the inbox prints addresses it checked, not text as it came
        printText(s, p);
    if (needs.sendAll)
        sendAll(p, needs.tls);
    if (needs.boundSocket)
        boundSocket(s, p);
}

} // namespace socketeer::code
