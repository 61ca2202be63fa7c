// Socketeer's TcpServer as a stand-alone echo server, so bench/run.sh can drive it exactly like
// the Python and C servers: start it, read "listening on PORT", load it, SIGTERM it.
//
// Usage: socketeer_bench_server event-loop|thread-per-client [--tls-cert PEM --tls-key PEM] [--rules FILE.json] [PORT [HOST]]
//
// With --tls-cert/--tls-key every client is served over TLS, with the context `socketeer serve
// --tls-cert/--tls-key` loads (TlsContext::server).
//
// Nothing is connected to dataReceived on purpose: that is the server as a headless user gets
// it. TcpServer notices (connectNotify) and its engines then echo without handing every received
// chunk to the Qt thread; the byte counters are kept all the same.

#include "tcp/tcpserver.h"
#include "text/autoreply.h"
#include "tls/tlscontext.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace socketeer;

namespace {

int g_signalFd = -1;

// Only async-signal-safe work here: the Qt side does the rest when the eventfd turns readable.
void onSignal(int)
{
    const uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFd, &one, sizeof one);
}

// Ten thousand clients need ten thousand descriptors; the soft limit is often 1024.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
        std::perror("setrlimit(RLIMIT_NOFILE)");
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < 10100)
        std::fprintf(stderr, "warning: RLIMIT_NOFILE hard limit is %llu: not enough for 10,000 clients\n",
                     static_cast<unsigned long long>(limit.rlim_max));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString certificateFile, keyFile, rulesFile;
    for (qsizetype i = 2; i + 1 < args.size();) {
        if (args.at(i) == QLatin1String("--tls-cert"))
            certificateFile = args.takeAt(i + 1);
        else if (args.at(i) == QLatin1String("--tls-key"))
            keyFile = args.takeAt(i + 1);
        else if (args.at(i) == QLatin1String("--rules"))
            rulesFile = args.takeAt(i + 1);
        else {
            ++i;
            continue;
        }
        args.removeAt(i);
    }
    const auto model = args.size() > 1 ? modelFromName(args.at(1)) : std::nullopt;
    if (!model || certificateFile.isEmpty() != keyFile.isEmpty()) {
        std::fprintf(stderr, "usage: socketeer_bench_server event-loop|thread-per-client [--tls-cert PEM --tls-key PEM] "
                             "[PORT [HOST]]\n");
        return 2;
    }
    std::shared_ptr<const TlsContext> tls;
    if (!certificateFile.isEmpty()) {
        auto loaded = TlsContext::server(certificateFile, keyFile);
        if (!loaded) {
            std::fprintf(stderr, "error: %s\n", qPrintable(loaded.error().message()));
            return 1;
        }
        tls = std::move(loaded).value();
    }
    raiseDescriptorLimit();

    g_signalFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (g_signalFd < 0) {
        std::perror("eventfd");
        return 1;
    }
    struct sigaction action {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    TcpServer server;
    QSocketNotifier notifier(g_signalFd, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        notifier.setEnabled(false);
        server.stopAndWait();
        app.quit();
    });
    QObject::connect(&server, &TcpServer::started, &app, [](const QString &, quint16 port) {
        std::printf("listening on %u\n", static_cast<unsigned>(port));
        std::fflush(stdout);
    });
    QObject::connect(&server, &TcpServer::errorOccurred, &app, [](const Error &error) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error.message()));
    });
    // A failed start ends with stopped() and no started(): leave with an error then.
    bool startedOk = false;
    QObject::connect(&server, &TcpServer::started, &app, [&] { startedOk = true; });
    QObject::connect(&server, &TcpServer::stopped, &app, [&] {
        if (!startedOk)
            app.exit(1);
    });

    TcpServerConfig config;
    config.model = *model;
    config.echo = true;
    config.tls = tls;
    if (!rulesFile.isEmpty()) {
        // Auto-reply rules instead of the echo (bench/run-rules.sh): the worker answers each line.
        QFile file(rulesFile);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "error: cannot read %s\n", qPrintable(rulesFile));
            return 1;
        }
        auto set = ReplyRuleSet::fromJson(file.readAll());
        auto compiled = set ? AutoReplier::compile(*set) : Result<std::shared_ptr<const AutoReplier>>(set.error());
        if (!compiled) {
            std::fprintf(stderr, "error: %s\n", qPrintable(compiled.error().detail));
            return 1;
        }
        config.rules = std::move(compiled).value();
        config.echo = false;
    }
    config.endpoint.port = static_cast<quint16>(args.size() > 2 ? args.at(2).toUInt() : 0);
    if (args.size() > 3)
        config.endpoint.host = args.at(3);
    // The C reference uses 4096 (the kernel caps it at somaxconn); a backlog of 128 would make a
    // burst of 10,000 connects wait for SYN retransmits and measure the kernel, not the server.
    config.backlog = 4096;
    // Thread per client refuses clients past 256 unless told otherwise (limits.h); the benchmark
    // asks for the 1,000 it opens, as a user would with `socketeer serve --max-clients`.
    config.maxClients = 20000;
    server.start(config);

    const int code = app.exec();
    ::close(g_signalFd);
    return code;
}
