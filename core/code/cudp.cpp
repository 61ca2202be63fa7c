// UDP in C: bind, then recvfrom (and with echo sendto back), or with a target each typed line
// one datagram, its answer awaited with poll() for a while: UDP may lose either.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void receiver(const CodeSettings &s, ProgramText &p)
{
    p.add(uR"(
int main(void)
{
    static char buf[65536];    /* the largest datagram: a smaller buffer would silently cut longer ones */
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
    int s = bound_socket(SOCK_DGRAM, SOCK_CLOEXEC);
    if (s < 0)
        return 1;
    print_bound(s);
    for (;;) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
        char name[NAME_SIZE], prefix[NAME_SIZE + 8];
        ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&peer, &length);    /* one whole datagram, and who sent it */ $$recvfrom
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            perror("recvfrom");
            break;
        }
        describe((struct sockaddr *)&peer, length, name, sizeof name);
        snprintf(prefix, sizeof prefix, "From %s: ", name);
        print_text(prefix, buf, (size_t)n);
)");
    if (s.echo)
        p.add(uR"(        if (sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&peer, length) < 0)    /* back to its sender */ $$sendto
            perror("sendto");
)");
    p.add(uR"(    }
    close(s);    $$close
    return 1;
}
)");
}

void sender(const CodeSettings &s, ProgramText &p)
{
    p.add(uR"(
static const char TARGET_HOST[] = @TARGET_HOST@;    /* where each line goes */
static const char TARGET_PORT[] = @TARGET_PORT@;
enum { TIMEOUT_MS = 5000 };    /* how long to wait for an answer: UDP does not say when a datagram was lost */

int main(void)
{
    static char buf[65536];    /* the largest datagram: a smaller buffer would silently cut longer ones */
    setvbuf(stdout, NULL, _IOLBF, 0);    /* each line out at once, into a pipe too */
    int s = bound_socket(SOCK_DGRAM, SOCK_CLOEXEC);
    if (s < 0)
        return 1;
    print_bound(s);
    struct addrinfo hints, *target;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = @FAMILY@;
    hints.ai_socktype = SOCK_DGRAM;
    int rc = getaddrinfo(TARGET_HOST, TARGET_PORT, &hints, &target);    $$getaddrinfo
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", TARGET_HOST, gai_strerror(rc));
        close(s);
        return 1;
    }
    char *typed = NULL;
    size_t typed_size = 0;
    ssize_t length;
    while ((length = getline(&typed, &typed_size, stdin)) > 0) {
        while (length > 0 && (typed[length - 1] == '\n' || typed[length - 1] == '\r'))
            length--;    /* one line, one datagram: without its line end */
)");
    if (s.encoding == TextEncoding::Utf8)
        p.add(uR"(        const char *wire = typed;
        size_t wire_size = (size_t)length;
)");
    else
        p.add(uR"(        size_t wire_size = 0;
        char *wire = convert(ENCODING, "UTF-8", typed, (size_t)length, &wire_size);
        if (wire == NULL) {
            fprintf(stderr, "this line cannot be written in %s\n", ENCODING);
            continue;
        }
)");
    p.add(uR"(        ssize_t sent = sendto(s, wire, wire_size, 0, target->ai_addr, target->ai_addrlen);    $$sendto
)");
    if (s.encoding != TextEncoding::Utf8)
        p.add(u"        free(wire);\n");
    p.add(uR"(        if (sent < 0) {
            perror("sendto");
            continue;
        }
        struct pollfd ready = {s, POLLIN, 0};
        if (poll(&ready, 1, TIMEOUT_MS) <= 0) {
            printf("No answer within %d seconds\n", TIMEOUT_MS / 1000);
            continue;
        }
        struct sockaddr_storage peer;
        socklen_t peer_length = sizeof peer;
        char name[NAME_SIZE], prefix[NAME_SIZE + 16];
        ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&peer, &peer_length);    $$recvfrom
        if (n < 0) {
            perror("recvfrom");
            continue;
        }
        describe((struct sockaddr *)&peer, peer_length, name, sizeof name);
        snprintf(prefix, sizeof prefix, "Received from %s: ", name);
        print_text(prefix, buf, (size_t)n);
    }
    free(typed);
    freeaddrinfo(target);
    close(s);    $$close
    return 0;
}
)");
}

} // namespace

void cUdp(const CodeSettings &settings, ProgramText &program)
{
    CNeeds needs;
    needs.poll = !settings.targetHost.isEmpty();
    needs.boundSocket = true;
    cCommon(settings, program, needs);
    if (settings.targetHost.isEmpty())
        receiver(settings, program);
    else
        sender(settings, program);
}

} // namespace socketeer::code
