// Load generator for bench/run.sh: plain epoll, no Qt, so that whatever it costs is the same for
// every server it is pointed at. It only ever connects to 127.0.0.1.
//
//   loadgen pingpong     --port P [--clients 50] [--size 64] [--seconds 5] [--warmup 0.5] [--threads 1] [--line]
//   loadgen stream       --port P [--clients 4] [--size 16384] [--window 262144] [--seconds 5] ...
//   loadgen connect-many --port P [--clients 10000] [--size 64] [--in-flight 100] [--timeout 30]
//   loadgen handshakes   --port P [--in-flight 8] [--seconds 5] [--warmup 0.5]   (implies --tls)
//   common:              [--server-pid PID]   (reads its /proc status while every client is connected)
//                        [--tls]   every connection over TLS (OpenSSL's defaults: TLS 1.3)
//
// --tls: the server's certificate is not verified (the signature over the handshake is, as TLS
// always does), and no session is ever resumed, so every handshake is a full one. handshakes:
// each connection does the handshake, sends close_notify and reads until the server has closed,
// so neither side is left with a reset; handshakes/s counts those completed in the timed part.
//
// Prints one line starting with "RESULT" of key=value pairs; exit status 0 only if the run was
// complete (every client connected, no echo mismatched).

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string mode;
    int port = 0;
    int clients = 0;
    std::size_t size = 0;
    double seconds = 5.0;
    double warmup = 0.5;
    int threads = 1;
    std::size_t window = 256 * 1024;
    int inFlight = 100;
    double timeout = 30.0;
    long serverPid = 0;
    bool tls = false;
    bool line = false;   // pingpong: each message a line (letters, then LF), for servers that split lines
};

SSL_CTX *g_tls = nullptr;   // with --tls

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr, "loadgen: %s\nusage: loadgen pingpong|stream|connect-many|handshakes --port P [--clients N] [--size B] "
                         "[--seconds S] [--warmup S] [--threads T] [--window B] [--in-flight N] [--timeout S] "
                         "[--server-pid PID] [--tls]\n", why);
    std::exit(2);
}

Options parse(int argc, char **argv)
{
    if (argc < 2)
        usage("no mode");
    Options o;
    o.mode = argv[1];
    if (o.mode == "pingpong") {
        o.clients = 50;
        o.size = 64;
    } else if (o.mode == "stream") {
        o.clients = 4;
        o.size = 16 * 1024;
    } else if (o.mode == "connect-many") {
        o.clients = 10000;
        o.size = 64;
    } else if (o.mode == "handshakes") {
        o.clients = 1;   // unused
        o.size = 1;      // unused
        o.inFlight = 8;
        o.tls = true;
    } else {
        usage("unknown mode");
    }
    for (int i = 2; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--tls") {
            o.tls = true;
            continue;
        }
        if (key == "--line") {
            o.line = true;
            continue;
        }
        if (i + 1 >= argc)
            usage("an option without its value");
        const char *value = argv[++i];
        if (key == "--port") o.port = std::atoi(value);
        else if (key == "--clients") o.clients = std::atoi(value);
        else if (key == "--size") o.size = std::strtoul(value, nullptr, 10);
        else if (key == "--seconds") o.seconds = std::atof(value);
        else if (key == "--warmup") o.warmup = std::atof(value);
        else if (key == "--threads") o.threads = std::max(1, std::atoi(value));
        else if (key == "--window") o.window = std::strtoul(value, nullptr, 10);
        else if (key == "--in-flight") o.inFlight = std::max(1, std::atoi(value));
        else if (key == "--timeout") o.timeout = std::atof(value);
        else if (key == "--server-pid") o.serverPid = std::atol(value);
        else usage("unknown option");
    }
    if (o.port <= 0 || o.port > 65535 || o.clients <= 0 || o.size == 0)
        usage("need --port, and --clients and --size above 0");
    return o;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Returns the hard limit, having made it the soft one too.
rlim_t raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_max;
}

sockaddr_in loopback(int port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int connectNonBlocking(const sockaddr_in &address, bool *inProgress)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0) {
        *inProgress = false;
        return fd;
    }
    if (errno == EINPROGRESS) {
        *inProgress = true;
        return fd;
    }
    ::close(fd);
    return -1;
}

// Blocking connect, for the few long-lived clients of pingpong and stream; non-blocking after.
int connectNow(const sockaddr_in &address)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

void setEvents(int epfd, int op, int fd, uint32_t events, uint64_t tag)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = tag;
    ::epoll_ctl(epfd, op, fd, &ev);
}

bool transient(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

// --- TLS: the same calls as send()/recv() for the rest of the file --------------------------------

SSL_CTX *makeClientContext()
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx)
        return nullptr;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    // No session cache, and no session is ever offered: every handshake is a full one.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    // As send(): a write returns once a record is out; after a want the same bytes are offered
    // again, possibly from another address (pingpong regenerates its message).
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return ctx;
}

SSL *newSession(int fd)
{
    SSL *ssl = SSL_new(g_tls);
    if (ssl && SSL_set_fd(ssl, fd) == 1) {
        SSL_set_connect_state(ssl);
        return ssl;
    }
    SSL_free(ssl);
    return nullptr;
}

// Maps an SSL call's result to send()/recv()'s: -1 with errno EAGAIN for "wants more" (either
// direction), 0 for the peer's close, -1 with ECONNRESET for anything else.
ssize_t tlsResult(SSL *ssl, int rc)
{
    if (rc > 0)
        return rc;
    switch (SSL_get_error(ssl, rc)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        errno = EAGAIN;
        return -1;
    case SSL_ERROR_ZERO_RETURN:
        return 0;
    default:
        ERR_clear_error();
        errno = ECONNRESET;
        return -1;
    }
}

ssize_t ioSend(int fd, SSL *ssl, const void *data, std::size_t size)
{
    if (!ssl)
        return ::send(fd, data, size, MSG_NOSIGNAL);
    return tlsResult(ssl, SSL_write(ssl, data, static_cast<int>(std::min<std::size_t>(size, INT32_MAX))));
}

ssize_t ioRecv(int fd, SSL *ssl, void *data, std::size_t size)
{
    if (!ssl)
        return ::recv(fd, data, size, 0);
    return tlsResult(ssl, SSL_read(ssl, data, static_cast<int>(std::min<std::size_t>(size, INT32_MAX))));
}

void closeConnection(int fd, SSL *ssl)
{
    SSL_free(ssl);
    ::close(fd);
}

std::string serverStatus(long pid)
{
    if (pid <= 0)
        return {};
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::map<std::string, std::string> fields;
    for (std::string line; std::getline(status, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value = value.substr(0, value.find(' '));   // "123 kB" -> "123"
        fields[line.substr(0, colon)] = value;
    }
    return " server_threads=" + fields["Threads"] + " server_rss_kb=" + fields["VmRSS"] + " server_hwm_kb="
        + fields["VmHWM"];
}

// CPU seconds (user + system, all threads) the server has used so far; -1 if unknown.
double serverCpuSeconds(long pid)
{
    if (pid <= 0)
        return -1;
    char text[1024] = {};
    FILE *stat = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (!stat)
        return -1;
    const std::size_t length = std::fread(text, 1, sizeof text - 1, stat);
    std::fclose(stat);
    // The command name may hold spaces and parentheses: the fields that follow start after the last ')'.
    const char *p = std::strrchr(text, ')');
    if (length == 0 || !p)
        return -1;
    unsigned long long utime = 0, stime = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// --- pingpong and stream: a fixed set of clients, a fixed duration -------------------------------

struct Client {
    int fd = -1;
    SSL *ssl = nullptr;
    // pingpong: one message out, then its echo back, then the next
    std::size_t sendOffset = 0;
    std::size_t received = 0;
    unsigned char seq = 0;
    // stream: bytes sent and echoed; the difference is kept under the window
    uint64_t bytesSent = 0;
    uint64_t bytesEchoed = 0;
    bool watchingOut = false;
};

struct Totals {
    uint64_t messages = 0;      // pingpong: echoes received whole and correct
    uint64_t bytes = 0;         // echoed bytes
    uint64_t errors = 0;
};

class Worker {
public:
    Worker(const Options &options, std::vector<Client> clients)
        : m_o(options), m_pingpong(options.mode == "pingpong"), m_clients(std::move(clients))
    {
    }

    // Runs until `end`; counts only what completes after `countFrom`.
    Totals run(Clock::time_point countFrom, Clock::time_point end)
    {
        m_epfd = ::epoll_create1(EPOLL_CLOEXEC);
        m_out.assign(m_o.size, 0);
        m_expected.assign(m_o.size, 0);
        m_in.assign(std::max<std::size_t>(m_o.size, 256 * 1024), 0);
        for (std::size_t i = 0; i < m_clients.size(); ++i)
            setEvents(m_epfd, EPOLL_CTL_ADD, m_clients[i].fd, EPOLLIN, i);
        for (Client &c : m_clients)
            m_pingpong ? startMessage(c) : pump(c);

        std::vector<epoll_event> events(256);
        for (;;) {
            const auto now = Clock::now();
            if (now >= end)
                break;
            m_counting = now >= countFrom;
            const int timeoutMs = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(end - now).count()) + 1;
            const int n = ::epoll_wait(m_epfd, events.data(), static_cast<int>(events.size()), timeoutMs);
            for (int i = 0; i < n; ++i) {
                Client &c = m_clients[events[static_cast<std::size_t>(i)].data.u64];
                if (c.fd < 0)
                    continue;
                if (m_pingpong)
                    pingpongEvent(c, events[static_cast<std::size_t>(i)].events);
                else
                    streamEvent(c, events[static_cast<std::size_t>(i)].events);
            }
        }
        ::close(m_epfd);
        return m_totals;
    }

    // Closed only after the server's status has been read, so it still has every client then.
    void closeAll()
    {
        for (Client &c : m_clients)
            if (c.fd >= 0)
                closeConnection(c.fd, c.ssl);
    }

private:
    void fail(Client &c)
    {
        ++m_totals.errors;
        closeConnection(c.fd, c.ssl);
        c.fd = -1;
        c.ssl = nullptr;
    }

    void startMessage(Client &c)
    {
        ++c.seq;
        c.sendOffset = 0;
        c.received = 0;
        continueSending(c);
    }

    void continueSending(Client &c)
    {
        while (c.sendOffset < m_o.size) {
            // The message is regenerated from seq, so a partial send can resume from any client.
            fillMessage(m_out, c.seq);
            const ssize_t n = ioSend(c.fd, c.ssl, m_out.data() + c.sendOffset, m_o.size - c.sendOffset);
            if (n < 0) {
                if (!transient(errno))
                    return fail(c);
                if (errno == EINTR)
                    continue;
                watchOut(c, true);
                return;
            }
            c.sendOffset += static_cast<std::size_t>(n);
        }
        watchOut(c, false);
    }

    // The message for this seq: the byte itself, or with --line a letter and a final LF, so a
    // server that splits lines (auto-reply rules) sees one whole line per message.
    void fillMessage(std::vector<char> &message, unsigned char seq) const
    {
        if (!m_o.line) {
            std::memset(message.data(), seq, message.size());
            return;
        }
        std::memset(message.data(), 'a' + seq % 26, message.size());
        message.back() = '\n';
    }

    void watchOut(Client &c, bool on)
    {
        if (c.watchingOut == on)
            return;
        c.watchingOut = on;
        setEvents(m_epfd, EPOLL_CTL_MOD, c.fd, EPOLLIN | (on ? EPOLLOUT : 0u), static_cast<uint64_t>(&c - m_clients.data()));
    }

    void pingpongEvent(Client &c, uint32_t events)
    {
        if (events & EPOLLOUT) {
            continueSending(c);
            if (c.fd < 0)
                return;
        }
        if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            return;
        for (;;) {
            const ssize_t n = ioRecv(c.fd, c.ssl, m_in.data() + c.received, m_o.size - c.received);
            if (n < 0 && transient(errno)) {
                if (errno == EINTR)
                    continue;
                return;
            }
            if (n <= 0)
                return fail(c);
            c.received += static_cast<std::size_t>(n);
            if (c.received < m_o.size)
                continue;
            fillMessage(m_expected, c.seq);
            if (std::memcmp(m_in.data(), m_expected.data(), m_o.size) != 0)
                return fail(c);
            if (m_counting) {
                ++m_totals.messages;
                m_totals.bytes += m_o.size;
            }
            startMessage(c);
            return;   // the echo cannot be here yet; epoll will say when it is
        }
    }

    // Sends whole messages while fewer than `window` bytes are waiting to come back.
    void pump(Client &c)
    {
        while (c.bytesSent - c.bytesEchoed < m_o.window) {
            const std::size_t offset = c.bytesSent % m_o.size;
            const ssize_t n = ioSend(c.fd, c.ssl, m_out.data() + offset, m_o.size - offset);
            if (n < 0) {
                if (!transient(errno))
                    return fail(c);
                if (errno == EINTR)
                    continue;
                watchOut(c, true);
                return;
            }
            c.bytesSent += static_cast<uint64_t>(n);
        }
        watchOut(c, false);   // the window is full: the next echo reopens it
    }

    void streamEvent(Client &c, uint32_t events)
    {
        if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
            for (;;) {
                const ssize_t n = ioRecv(c.fd, c.ssl, m_in.data(), m_in.size());
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0 && transient(errno))
                    break;
                if (n <= 0)
                    return fail(c);
                c.bytesEchoed += static_cast<uint64_t>(n);
                if (m_counting)
                    m_totals.bytes += static_cast<uint64_t>(n);
                // A TLS read returns one record at most: read on until OpenSSL wants the socket,
                // or what it has decrypted already would wait for an epoll event that never comes.
                if (!c.ssl && static_cast<std::size_t>(n) < m_in.size())
                    break;
            }
        }
        pump(c);
    }

    const Options &m_o;
    const bool m_pingpong;   // not a string compare per event
    std::vector<Client> m_clients;
    std::vector<char> m_out, m_expected, m_in;
    int m_epfd = -1;
    bool m_counting = false;
    Totals m_totals;
};

// The handshake of a long-lived client, waiting with poll() for whatever OpenSSL wants.
SSL *handshakeNow(int fd)
{
    SSL *ssl = newSession(fd);
    while (ssl) {
        const int rc = SSL_do_handshake(ssl);
        if (rc == 1)
            return ssl;
        const int error = SSL_get_error(ssl, rc);
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
            break;
        pollfd p{fd, static_cast<short>(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
        ::poll(&p, 1, 10000);
    }
    ERR_print_errors_fp(stderr);
    SSL_free(ssl);
    return nullptr;
}

int runFixedClients(const Options &o)
{
    const sockaddr_in address = loopback(o.port);
    std::vector<std::vector<Client>> perThread(static_cast<std::size_t>(o.threads));
    for (int i = 0; i < o.clients; ++i) {
        Client c;
        c.fd = connectNow(address);
        if (c.fd < 0) {
            std::printf("RESULT mode=%s clients=%d error=connect:%s\n", o.mode.c_str(), o.clients, std::strerror(errno));
            return 1;
        }
        if (o.tls && !(c.ssl = handshakeNow(c.fd))) {
            std::printf("RESULT mode=%s clients=%d error=tls-handshake\n", o.mode.c_str(), o.clients);
            return 1;
        }
        perThread[static_cast<std::size_t>(i % o.threads)].push_back(c);
    }
    // Let the server finish accepting (the thread-per-client ones start a thread each) before
    // the clock starts; the warm-up then takes care of caches and the first scheduling.
    const auto start = Clock::now();
    const auto countFrom = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.warmup));
    const auto end = countFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));

    std::vector<Worker> workers;
    for (auto &clients : perThread)
        workers.emplace_back(o, std::move(clients));
    std::vector<Totals> totals(workers.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < workers.size(); ++t)
        threads.emplace_back([&, t] { totals[t] = workers[t].run(countFrom, end); });
    // Both sides' CPU over the counted interval: the figure that survives a noisy machine, since
    // it says what each message costs rather than how much CPU happened to be free.
    std::this_thread::sleep_until(countFrom);
    const double serverCpuFrom = serverCpuSeconds(o.serverPid), ownCpuFrom = ownCpuSeconds();
    for (auto &thread : threads)
        thread.join();
    const double serverCpu = serverCpuFrom < 0 ? -1 : serverCpuSeconds(o.serverPid) - serverCpuFrom;
    const double ownCpu = ownCpuSeconds() - ownCpuFrom;
    const std::string status = std::string(o.tls ? " tls=1" : "") + serverStatus(o.serverPid);
    for (Worker &worker : workers)
        worker.closeAll();

    Totals sum;
    for (const Totals &t : totals) {
        sum.messages += t.messages;
        sum.bytes += t.bytes;
        sum.errors += t.errors;
    }
    const double seconds = o.seconds;
    const double messages = static_cast<double>(sum.messages), megabytes = static_cast<double>(sum.bytes) / 1e6;
    if (o.mode == "pingpong")
        std::printf("RESULT mode=pingpong clients=%d size=%zu seconds=%.3f messages=%llu msgs_per_s=%.0f errors=%llu "
                    "server_cpu_s=%.2f server_cpu_us_per_msg=%.2f loadgen_cpu_s=%.2f%s\n",
                    o.clients, o.size, seconds, static_cast<unsigned long long>(sum.messages), messages / seconds,
                    static_cast<unsigned long long>(sum.errors), serverCpu, messages > 0 ? serverCpu * 1e6 / messages : 0.0,
                    ownCpu, status.c_str());
    else
        std::printf("RESULT mode=stream clients=%d size=%zu window=%zu seconds=%.3f bytes=%llu mb_per_s=%.1f errors=%llu "
                    "server_cpu_s=%.2f server_cpu_ms_per_mb=%.3f loadgen_cpu_s=%.2f%s\n",
                    o.clients, o.size, o.window, seconds, static_cast<unsigned long long>(sum.bytes), megabytes / seconds,
                    static_cast<unsigned long long>(sum.errors), serverCpu, megabytes > 0 ? serverCpu * 1e3 / megabytes : 0.0,
                    ownCpu, status.c_str());
    return sum.errors == 0 ? 0 : 1;
}

// --- connect-many: N clients open at once, each echoed once ------------------------------------

struct Pending {
    int fd = -1;
    SSL *ssl = nullptr;
    bool connecting = false;
    bool handshaking = false;
    bool closing = false;     // handshakes: close_notify sent, reading until the server closes
    std::size_t sent = 0;
    std::size_t received = 0;
};

// Connected (or failed) once the descriptor is writable: false if the connect failed.
bool finishConnect(Pending &p, uint32_t events, std::string &lastError)
{
    int err = 0;
    socklen_t length = sizeof err;
    ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &err, &length);
    if (err != 0 || (events & EPOLLERR)) {
        lastError = std::strerror(err);
        return false;
    }
    p.connecting = false;
    if (g_tls) {
        p.ssl = newSession(p.fd);
        if (!p.ssl) {
            lastError = "SSL_new";
            return false;
        }
        p.handshaking = true;
    }
    return true;
}

// One handshake step: 1 done, 0 waiting (epoll set for what it waits for), -1 failed.
int stepHandshake(int epfd, Pending &p, uint64_t tag, std::string &lastError)
{
    const int rc = SSL_do_handshake(p.ssl);
    if (rc == 1) {
        p.handshaking = false;
        return 1;
    }
    const int error = SSL_get_error(p.ssl, rc);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        setEvents(epfd, EPOLL_CTL_MOD, p.fd, error == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT, tag);
        return 0;
    }
    const char *reason = ERR_reason_error_string(ERR_get_error());
    lastError = reason ? reason : "TLS handshake failed (no OpenSSL reason)";
    ERR_clear_error();
    return -1;
}

int runConnectMany(const Options &o)
{
    const sockaddr_in address = loopback(o.port);
    std::vector<char> message(o.size, 'x'), in(o.size);
    std::vector<std::pair<int, SSL *>> open;   // echoed and held open until the end
    open.reserve(static_cast<std::size_t>(o.clients));
    std::vector<Pending> slots(static_cast<std::size_t>(std::min(o.inFlight, o.clients)));
    const int epfd = ::epoll_create1(EPOLL_CLOEXEC);
    int started = 0, echoed = 0, errors = 0;
    std::string lastError;

    const auto finishSlot = [&](Pending &p, bool ok) {
        ::epoll_ctl(epfd, EPOLL_CTL_DEL, p.fd, nullptr);
        if (ok) {
            open.emplace_back(p.fd, p.ssl);
            ++echoed;
        } else {
            closeConnection(p.fd, p.ssl);
            ++errors;
        }
        p = Pending{};
    };
    const auto startClient = [&](std::size_t slot) {
        Pending &p = slots[slot];
        bool inProgress = false;
        p.fd = connectNonBlocking(address, &inProgress);
        ++started;
        if (p.fd < 0) {
            lastError = std::strerror(errno);
            ++errors;
            return;
        }
        p.connecting = true;
        setEvents(epfd, EPOLL_CTL_ADD, p.fd, EPOLLOUT, slot);
    };
    // Sends the message once connected (and through the handshake), then waits for all of it to
    // come back.
    const auto onEvent = [&](std::size_t slot, uint32_t events) {
        Pending &p = slots[slot];
        if (p.connecting && !finishConnect(p, events, lastError))
            return finishSlot(p, false);
        if (p.handshaking) {
            const int step = stepHandshake(epfd, p, slot, lastError);
            if (step < 0)
                return finishSlot(p, false);
            if (step == 0)
                return;
        }
        if (p.sent < o.size) {
            const ssize_t n = ioSend(p.fd, p.ssl, message.data() + p.sent, o.size - p.sent);
            if (n < 0 && !transient(errno))
                return finishSlot(p, false);
            if (n > 0)
                p.sent += static_cast<std::size_t>(n);
            setEvents(epfd, EPOLL_CTL_MOD, p.fd, p.sent < o.size ? EPOLLOUT : EPOLLIN, slot);
            if (p.sent < o.size || !p.ssl)
                return;
            // TLS: the echo may be in OpenSSL already (read with the handshake's last flight).
        }
        for (;;) {
            const ssize_t n = ioRecv(p.fd, p.ssl, in.data() + p.received, o.size - p.received);
            if (n < 0 && transient(errno))
                return;
            if (n <= 0)
                return finishSlot(p, false);
            p.received += static_cast<std::size_t>(n);
            if (p.received == o.size)
                return finishSlot(p, std::memcmp(in.data(), message.data(), o.size) == 0);
        }
    };

    const auto start = Clock::now();
    for (std::size_t s = 0; s < slots.size(); ++s)
        startClient(s);
    std::vector<epoll_event> events(256);
    while (echoed + errors < o.clients && secondsSince(start) < o.timeout) {
        const int n = ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), 100);
        for (int i = 0; i < n; ++i) {
            const std::size_t slot = events[static_cast<std::size_t>(i)].data.u64;
            if (slots[slot].fd < 0)
                continue;
            onEvent(slot, events[static_cast<std::size_t>(i)].events);
            if (slots[slot].fd < 0 && started < o.clients)
                startClient(slot);
        }
        // A slot whose connect failed outright is free too.
        for (std::size_t s = 0; s < slots.size() && started < o.clients; ++s)
            if (slots[s].fd < 0)
                startClient(s);
    }
    const double seconds = secondsSince(start);
    const std::string status = serverStatus(o.serverPid);   // every client still connected
    std::printf("RESULT mode=connect-many clients=%d echoed=%d seconds=%.3f errors=%d%s%s%s%s\n", o.clients, echoed, seconds,
                errors, o.tls ? " tls=1" : "", status.c_str(), lastError.empty() ? "" : " last_error=",
                lastError.empty() ? "" : "see-stderr");
    if (!lastError.empty())
        std::fprintf(stderr, "loadgen: last error: %s\n", lastError.c_str());
    std::fflush(stdout);
    for (auto [fd, ssl] : open)
        closeConnection(fd, ssl);
    for (Pending &p : slots)
        if (p.fd >= 0)
            closeConnection(p.fd, p.ssl);
    ::close(epfd);
    return echoed == o.clients ? 0 : 1;
}

// --- handshakes: full TLS handshakes, `in-flight` at a time, for a fixed duration ----------------

int runHandshakes(const Options &o)
{
    const sockaddr_in address = loopback(o.port);
    std::vector<Pending> slots(static_cast<std::size_t>(o.inFlight));
    const int epfd = ::epoll_create1(EPOLL_CLOEXEC);
    uint64_t handshakes = 0, completed = 0, errors = 0;
    bool counting = false;
    std::string lastError;
    char sink[4096];

    const auto endSlot = [&](Pending &p, bool ok) {
        ::epoll_ctl(epfd, EPOLL_CTL_DEL, p.fd, nullptr);
        closeConnection(p.fd, p.ssl);
        if (!ok)
            ++errors;
        else if (counting)
            ++completed;
        p = Pending{};
    };
    const auto startClient = [&](std::size_t slot) {
        Pending &p = slots[slot];
        bool inProgress = false;
        p.fd = connectNonBlocking(address, &inProgress);
        if (p.fd < 0) {
            lastError = std::strerror(errno);
            ++errors;
            return;
        }
        p.connecting = true;
        setEvents(epfd, EPOLL_CTL_ADD, p.fd, EPOLLOUT, slot);
    };
    // Handshake; then close_notify, and read (the session tickets, the server's close_notify)
    // until the server has closed: the connection ends cleanly on both sides.
    const auto onEvent = [&](std::size_t slot, uint32_t events) {
        Pending &p = slots[slot];
        if (p.connecting && !finishConnect(p, events, lastError))
            return endSlot(p, false);
        if (p.handshaking) {
            const int step = stepHandshake(epfd, p, slot, lastError);
            if (step < 0)
                return endSlot(p, false);
            if (step == 0)
                return;
            if (counting)
                ++handshakes;
            SSL_shutdown(p.ssl);
            p.closing = true;
            setEvents(epfd, EPOLL_CTL_MOD, p.fd, EPOLLIN, slot);
        }
        for (;;) {
            const ssize_t n = ioRecv(p.fd, p.ssl, sink, sizeof sink);
            if (n < 0 && transient(errno))
                return;
            if (n <= 0)   // the server's close_notify, or its FIN
                return endSlot(p, true);
        }
    };

    const auto start = Clock::now();
    const auto countFrom = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.warmup));
    const auto end = countFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    double serverCpuFrom = -1, ownCpuFrom = 0;
    for (std::size_t s = 0; s < slots.size(); ++s)
        startClient(s);
    std::vector<epoll_event> events(256);
    for (;;) {
        const auto now = Clock::now();
        if (now >= end)
            break;
        if (!counting && now >= countFrom) {
            counting = true;
            serverCpuFrom = serverCpuSeconds(o.serverPid);
            ownCpuFrom = ownCpuSeconds();
        }
        const int n = ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), 10);
        for (int i = 0; i < n; ++i) {
            const std::size_t slot = events[static_cast<std::size_t>(i)].data.u64;
            if (slots[slot].fd < 0)
                continue;
            onEvent(slot, events[static_cast<std::size_t>(i)].events);
            if (slots[slot].fd < 0)
                startClient(slot);
        }
        for (std::size_t s = 0; s < slots.size(); ++s)
            if (slots[s].fd < 0)
                startClient(s);
    }
    const double serverCpu = serverCpuFrom < 0 ? -1 : serverCpuSeconds(o.serverPid) - serverCpuFrom;
    const double ownCpu = ownCpuSeconds() - ownCpuFrom;
    for (Pending &p : slots)
        if (p.fd >= 0)
            closeConnection(p.fd, p.ssl);
    ::close(epfd);
    const double count = static_cast<double>(handshakes);
    std::printf("RESULT mode=handshakes in_flight=%d seconds=%.3f handshakes=%llu handshakes_per_s=%.0f closed=%llu "
                "errors=%llu server_cpu_s=%.2f server_cpu_us_per_handshake=%.0f loadgen_cpu_s=%.2f tls=1%s\n",
                o.inFlight, o.seconds, static_cast<unsigned long long>(handshakes), count / o.seconds,
                static_cast<unsigned long long>(completed), static_cast<unsigned long long>(errors), serverCpu,
                count > 0 ? serverCpu * 1e6 / count : 0.0, ownCpu, serverStatus(o.serverPid).c_str());
    if (!lastError.empty())
        std::fprintf(stderr, "loadgen: last error: %s\n", lastError.c_str());
    return errors == 0 && handshakes > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    const rlim_t hard = raiseDescriptorLimit();
    if (hard != RLIM_INFINITY && hard < static_cast<rlim_t>(o.clients) + 32) {
        std::printf("RESULT mode=%s clients=%d error=fd-limit hard_limit=%llu\n", o.mode.c_str(), o.clients,
                    static_cast<unsigned long long>(hard));
        std::fprintf(stderr, "loadgen: the RLIMIT_NOFILE hard limit (%llu) is too low for %d clients: raise it "
                             "(ulimit -Hn, /etc/security/limits.conf or the container's nofile setting)\n",
                     static_cast<unsigned long long>(hard), o.clients);
        return 1;
    }
    if (o.tls) {
        // OpenSSL's socket BIO writes without MSG_NOSIGNAL.
        ::signal(SIGPIPE, SIG_IGN);
        g_tls = makeClientContext();
        if (!g_tls) {
            std::printf("RESULT mode=%s error=tls-context\n", o.mode.c_str());
            return 1;
        }
    }
    if (o.mode == "handshakes")
        return runHandshakes(o);
    return o.mode == "connect-many" ? runConnectMany(o) : runFixedClients(o);
}
