// The TCP client in C: getaddrinfo and connect to each address in turn, then the tutorial's
// dialogue — a line typed is sent whole, the server's answer printed.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void sendLine(const CodeSettings &s, ProgramText &p)
{
    const QString lineEnd = framed(s) ? QStringLiteral("LINE_END") : QStringLiteral("\"\\n\"");
    p.add(uR"(
/* Sends one typed line with its line end. 1: sent, 0: it cannot be sent as ENCODING, -1: failed. */
)");
    p.add(s.tls ? u"static int send_line(SSL *ssl, const char *text, size_t size)\n{\n" : u"static int send_line(int s, const char *text, size_t size)\n{\n");
    if (s.encoding == TextEncoding::Utf8)
        p.add(uR"(    size_t wire_size = size;
    char *wire = malloc(size + 2);
    if (wire == NULL)
        return -1;
    memcpy(wire, text, size);
)");
    else
        p.add(uR"(    size_t wire_size = 0;
    char *wire = convert(ENCODING, "UTF-8", text, size, &wire_size);
    if (wire == NULL) {
        fprintf(stderr, "this line cannot be written in %s\n", ENCODING);
        return 0;
    }
)");
    switch (s.frame.kind) {
    case FrameKind::None:
    case FrameKind::Line:
    case FrameKind::Crlf:
        p.set(QStringLiteral("LINE_END_C"), lineEnd);
        p.add(uR"(    memcpy(wire + wire_size, @LINE_END_C@, sizeof @LINE_END_C@ - 1);
    int rc = send_all(@CONNECTION@, wire, wire_size + sizeof @LINE_END_C@ - 1);
    free(wire);
    return rc < 0 ? -1 : 1;
}
)");
        return;
    case FrameKind::Delimiter:
        p.add(uR"(    /* The message and its delimiter, sent at once. */
    char *message = malloc(wire_size + sizeof LINE_END - 1);
    if (message == NULL) {
        free(wire);
        return -1;
    }
    memcpy(message, wire, wire_size);
    memcpy(message + wire_size, LINE_END, sizeof LINE_END - 1);
    int rc = send_all(@CONNECTION@, message, wire_size + sizeof LINE_END - 1);
    free(message);
    free(wire);
    return rc < 0 ? -1 : 1;
}
)");
        return;
    case FrameKind::Length:
        p.add(uR"(    /* The length in front, then the message, sent at once; one the header cannot count is not sent. */
    size_t largest = ((size_t)1 << (8 * HEADER)) - 1 - (COUNTS_HEADER ? HEADER : 0);
    if (wire_size > MAX_LINE || wire_size > largest) {
        printf("Not sent: a message of %zu bytes, over the most a %d-byte length allows here\n", wire_size, HEADER);
        free(wire);
        return 0;
    }
    char *message = malloc(HEADER + wire_size);
    if (message == NULL) {
        free(wire);
        return -1;
    }
    write_length(message, wire_size);
    memcpy(message + HEADER, wire, wire_size);
    int rc = send_all(@CONNECTION@, message, HEADER + wire_size);
    free(message);
    free(wire);
    return rc < 0 ? -1 : 1;
}
)");
        return;
    case FrameKind::Fixed:
        p.add(uR"(    /* Every message is SIZE bytes: another size would be cut wrong by the other side. */
    if (wire_size != SIZE) {
        printf("Not sent: a message of %zu bytes, not %d\n", wire_size, SIZE);
        free(wire);
        return 0;
    }
    int rc = send_all(@CONNECTION@, wire, wire_size);
    free(wire);
    return rc < 0 ? -1 : 1;
}
)");
        return;
    }
}

void connectTo(ProgramText &p)
{
    p.add(uR"(
/* getaddrinfo, then socket and connect to each address it gives until one answers. */
static int connect_to(void)
{
    struct addrinfo hints, *found, *ai;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = @FAMILY@;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(HOST, PORT, &hints, &found);    $$getaddrinfo
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", HOST, gai_strerror(rc));
        return -1;
    }
    int s = -1;
    int error = 0;
    for (ai = found; ai != NULL && s < 0; ai = ai->ai_next) {
        s = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);    $$socket
        if (s >= 0 && connect(s, ai->ai_addr, ai->ai_addrlen) < 0) {    $$connect
            error = errno;
            close(s);
            s = -1;
        } else if (s < 0) {
            error = errno;
        }
    }
    freeaddrinfo(found);
    if (s < 0)
        fprintf(stderr, "cannot connect to %s %s: %s\n", HOST, PORT, strerror(error));
    return s;
}
)");
}

// TLS: the context that verifies the server (the system's CAs and CAFILE, and its name), then
// the handshake over the connected socket.
void tlsConnect(ProgramText &p)
{
    p.add(uR"(
/* TLS over the connected socket: the server's certificate must chain to a trusted CA and be
 * for HOST, or there is no connection. NULL: why is on stderr. */
static SSL *start_tls(int s)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (context == NULL)
        return NULL;
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);    /* a close without close_notify is a close */
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL);
    if (SSL_CTX_set_default_verify_paths(context) != 1
        || (CAFILE[0] != '\0' && SSL_CTX_load_verify_locations(context, CAFILE, NULL) != 1)) {
        fprintf(stderr, "cannot read the CA certificates %s\n", CAFILE);
        ERR_print_errors_fp(stderr);
        SSL_CTX_free(context);
        return NULL;
    }
    SSL *ssl = SSL_new(context);
    SSL_CTX_free(context);    /* the session keeps its own reference */
    if (ssl == NULL)
        return NULL;
    /* The name to check the certificate for: an IP address against its IP entries, a host name
     * against its DNS names (and sent as SNI, so a server with many names picks the right one). */
    if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), HOST) != 1) {
        SSL_set_tlsext_host_name(ssl, HOST);
        SSL_set1_host(ssl, HOST);
    }
    if (SSL_set_fd(ssl, s) != 1 || SSL_connect(ssl) != 1) {    $$SSL_do_handshake
        long verified = SSL_get_verify_result(ssl);
        if (verified != X509_V_OK)
            fprintf(stderr, "the server's certificate is not trusted: %s\n", X509_verify_cert_error_string(verified));
        else
            ERR_print_errors_fp(stderr);
        SSL_free(ssl);
        return NULL;
    }
    return ssl;
}
)");
}

// read_answer() for a length prefix and a fixed size: the answer starts at @ANSWER@.
void readAnswerHead(const CodeSettings &s, ProgramText &p)
{
    if (s.frame.kind == FrameKind::Length)
        p.add(uR"(
static char answer[HEADER + MAX_LINE];    /* what came of the server's answers, not printed yet */
static size_t answer_used;

/* An answer may come in pieces: reads until a whole message is there. Its length (it starts
 * HEADER bytes into answer and ends at *consumed), or -1 when the server closed or sent a bad length. */
)");
    else
        p.add(uR"(
static char answer[SIZE];    /* what came of the server's answer, not printed yet */
static size_t answer_used;

/* An answer may come in pieces: reads until a whole message is there. Its length (it ends at
 * *consumed), or -1 when the server closed. */
)");
    p.add(s.tls ? u"static long read_answer(SSL *ssl, size_t *consumed)\n" : u"static long read_answer(int s, size_t *consumed)\n");
    if (s.frame.kind == FrameKind::Length)
        p.add(uR"({
    for (;;) {
        if (answer_used >= HEADER) {
            size_t length = read_length(answer);
            if (COUNTS_HEADER && length < HEADER) {
                fprintf(stderr, "an answer with a length of %zu, shorter than its own header\n", length);
                return -1;
            }
            if (COUNTS_HEADER)
                length -= HEADER;
            if (length > MAX_LINE) {
                fprintf(stderr, "an answer of %zu bytes (at most %d)\n", length, MAX_LINE);
                return -1;
            }
            if (answer_used >= HEADER + length) {
                *consumed = HEADER + length;
                return (long)length;
            }
        }
)");
    else
        p.add(uR"({
    for (;;) {
        if (answer_used == SIZE) {
            *consumed = SIZE;
            return SIZE;
        }
)");
}

// read_answer() for a line end or a delimiter: the answer starts at the start of `answer`.
void readAnswerDelimitedHead(const CodeSettings &s, ProgramText &p)
{
    p.add(s.frame.kind == FrameKind::Delimiter
              ? u"\nstatic char answer[MAX_LINE + sizeof LINE_END - 1];    /* what came of the server's answers, not printed yet */\n"
              : u"\nstatic char answer[MAX_LINE + 2];    /* what came of the server's answers, not printed yet */\n");
    p.add(uR"(static size_t answer_used;

/* An answer may come in pieces: reads until a whole line is there. Its length (its line end
 * ends at *consumed), or -1 when the server closed or the line is too long. */
)");
    p.add(s.tls ? u"static long read_answer(SSL *ssl, size_t *consumed)\n" : u"static long read_answer(int s, size_t *consumed)\n");
    p.add(uR"({
    for (;;) {
        const char *end = memmem(answer, answer_used, LINE_END, sizeof LINE_END - 1);
        if (end != NULL) {
            size_t length = (size_t)(end - answer);
            *consumed = length + sizeof LINE_END - 1;
)");
    if (s.frame.kind == FrameKind::Line)
        p.add(uR"(            if (length > 0 && answer[length - 1] == '\r')
                length--;    /* a CR LF line end counts too */
)");
    p.add(uR"(            return (long)length;
        }
        if (answer_used == sizeof answer) {
            fprintf(stderr, "an answer longer than %d bytes\n", MAX_LINE);
            return -1;
        }
)");
}

void readAnswer(const CodeSettings &s, ProgramText &p)
{
    if (delimited(s))
        readAnswerDelimitedHead(s, p);
    else
        readAnswerHead(s, p);
    if (s.tls)
        p.add(uR"(        int n = SSL_read(ssl, answer + answer_used, (int)(sizeof answer - answer_used));    $$SSL_read
        if (n <= 0) {
            if (SSL_get_error(ssl, n) == SSL_ERROR_ZERO_RETURN)
                printf("The server closed the connection\n");
            else
                ERR_print_errors_fp(stderr);
            return -1;
        }
)");
    else
        p.add(uR"(        ssize_t n = recv(s, answer + answer_used, sizeof answer - answer_used, 0);    $$recv
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            perror("recv");
        if (n == 0)
            printf("The server closed the connection\n");
        if (n <= 0)
            return -1;
)");
    p.add(uR"(        answer_used += (size_t)n;
    }
}
)");
}

} // namespace

void cTcpClient(const CodeSettings &settings, ProgramText &p)
{
    CNeeds needs;
    needs.sendAll = true;
    needs.tls = settings.tls;
    p.set(QStringLiteral("CONNECTION"), settings.tls ? QStringLiteral("ssl") : QStringLiteral("s"));
    p.set(QStringLiteral("ANSWER"), settings.frame.kind == FrameKind::Length ? QStringLiteral("answer + HEADER") : QStringLiteral("answer"));
    cCommon(settings, p, needs);
    sendLine(settings, p);
    connectTo(p);
    if (settings.tls)
        tlsConnect(p);
    if (framed(settings))
        readAnswer(settings, p);
    p.add(uR"(
int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
)");
    if (settings.tls)
        p.add(u"    signal(SIGPIPE, SIG_IGN);    /* SSL_write to a server that left: an error, not a silent end */\n");
    p.add(uR"(    int s = connect_to();
    if (s < 0)
        return 1;
)");
    if (settings.tls)
        p.add(uR"(    SSL *ssl = start_tls(s);
    if (ssl == NULL) {
        close(s);
        return 1;
    }
    printf("connected to %s %s over %s\n", HOST, PORT, SSL_get_version(ssl));
)");
    else
        p.add(u"    printf(\"connected to %s %s\\n\", HOST, PORT);\n");
    p.add(uR"(
    char *typed = NULL;
    size_t typed_size = 0;
    ssize_t length;
    int status = 0;
    while ((length = getline(&typed, &typed_size, stdin)) > 0) {
        while (length > 0 && (typed[length - 1] == '\n' || typed[length - 1] == '\r'))
            length--;    /* the line as typed; its line end is added when sent */
        int sent = send_line(@CONNECTION@, typed, (size_t)length);
        if (sent < 0) {
            perror("send");
            status = 1;
            break;
        }
        if (sent == 0)
            continue;
)");
    if (framed(settings))
        p.add(uR"(        size_t consumed = 0;
        long got = read_answer(@CONNECTION@, &consumed);
        if (got < 0)
            break;
        print_text("Received ", @ANSWER@, (size_t)got);
        memmove(answer, answer + consumed, answer_used - consumed);    /* what came after it stays */
        answer_used -= consumed;
)");
    else if (settings.tls)
        p.add(uR"(        char buf[BUF_SIZE];
        int n = SSL_read(ssl, buf, sizeof buf);    /* what has arrived so far: TLS keeps no message boundaries either */ $$SSL_read
        if (n <= 0) {
            if (SSL_get_error(ssl, n) == SSL_ERROR_ZERO_RETURN) {
                printf("The server closed the connection\n");
            } else {
                ERR_print_errors_fp(stderr);
                status = 1;
            }
            break;
        }
        print_text("Received ", buf, (size_t)n);
)");
    else
        p.add(uR"(        char buf[BUF_SIZE];
        ssize_t n;
        do
            n = recv(s, buf, sizeof buf, 0);    /* what has arrived so far: TCP keeps no message boundaries */ $$recv
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            perror("recv");
            status = 1;
            break;
        }
        if (n == 0) {
            printf("The server closed the connection\n");
            break;
        }
        print_text("Received ", buf, (size_t)n);
)");
    p.add(u"    }\n    free(typed);\n");
    if (settings.tls)
        p.add(u"    SSL_shutdown(ssl);    /* close_notify: the server knows nothing was cut off */\n    SSL_free(ssl);\n");
    p.add(uR"(    close(s);    $$close
    return status;
}
)");
}

} // namespace socketeer::code
