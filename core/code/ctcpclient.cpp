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
static int send_line(int s, const char *text, size_t size)
{
)");
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
    p.set(QStringLiteral("LINE_END_C"), lineEnd);
    p.add(uR"(    memcpy(wire + wire_size, @LINE_END_C@, sizeof @LINE_END_C@ - 1);
    int rc = send_all(s, wire, wire_size + sizeof @LINE_END_C@ - 1);
    free(wire);
    return rc < 0 ? -1 : 1;
}
)");
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

void readAnswer(const CodeSettings &s, ProgramText &p)
{
    p.add(uR"(
static char answer[MAX_LINE + 2];    /* what came of the server's answers, not printed yet */
static size_t answer_used;

/* An answer may come in pieces: reads until a whole line is there. Its length (its line end
 * ends at *consumed), or -1 when the server closed or the line is too long. */
static long read_answer(int s, size_t *consumed)
{
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
        ssize_t n = recv(s, answer + answer_used, sizeof answer - answer_used, 0);    $$recv
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            perror("recv");
        if (n == 0)
            printf("The server closed the connection\n");
        if (n <= 0)
            return -1;
        answer_used += (size_t)n;
    }
}
)");
}

} // namespace

void cTcpClient(const CodeSettings &settings, ProgramText &p)
{
    CNeeds needs;
    needs.sendAll = true;
    cCommon(settings, p, needs);
    sendLine(settings, p);
    connectTo(p);
    if (framed(settings))
        readAnswer(settings, p);
    p.add(uR"(
int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
    int s = connect_to();
    if (s < 0)
        return 1;
    printf("connected to %s %s\n", HOST, PORT);
    char *typed = NULL;
    size_t typed_size = 0;
    ssize_t length;
    int status = 0;
    while ((length = getline(&typed, &typed_size, stdin)) > 0) {
        while (length > 0 && (typed[length - 1] == '\n' || typed[length - 1] == '\r'))
            length--;    /* the line as typed; its line end is added when sent */
        int sent = send_line(s, typed, (size_t)length);
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
        long got = read_answer(s, &consumed);
        if (got < 0)
            break;
        print_text("Received ", answer, (size_t)got);
        memmove(answer, answer + consumed, answer_used - consumed);    /* what came after it stays */
        answer_used -= consumed;
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
    p.add(uR"(    }
    free(typed);
    close(s);    $$close
    return status;
}
)");
}

} // namespace socketeer::code
