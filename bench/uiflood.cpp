// The panels' flood benchmark (bench/run-ui.sh): the real ClientPanel, ServerPanel and UdpPanel
// on a QApplication, fed by python senders in the tutorial's style (bench/flood_peers.py). It
// measures what a user feels: how fast a panel takes data in, the longest the GUI thread went
// without running its event loop (a 1 ms timer's worst lateness), the peak RSS, and whether the
// counters end exact. Prints one "RESULT key=value ..." line.
//
//   uiflood client     BYTES
//   uiflood server     CLIENTS BYTES_PER_CLIENT
//   uiflood udp-paced  COUNT INTERVAL_MS
//   uiflood udp-flood  COUNT             (then the same sender against a plain python recvfrom loop)

#include "clientpanel.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "trafficcounters.h"
#include "udppanel.h"

#include "net/address.h"
#include "tcp/tcpserver.h"
#include "udp/udpendpoint.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

// How late the GUI thread runs a 1 ms timer: the worst of it is the longest freeze a user sees.
class StallMeter {
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last)
                m_gaps.push_back(now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    double worstMs() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()) / 1e6 - 1; }
    double p99Ms()
    {
        if (m_gaps.empty())
            return 0;
        std::sort(m_gaps.begin(), m_gaps.end());
        return m_gaps[m_gaps.size() * 99 / 100] / 1e6 - 1;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<qint64> m_gaps;
};

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return -1;
}

// Runs the event loop as the app does (exec, sleeping when idle), checking `done` every 5 ms.
template <typename Predicate>
bool runUntil(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(5);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

// The first paint of a window loads fonts and shapes text once (a hundred milliseconds or more);
// that is start-up, not the flood, so it happens before the stall meter starts.
void showSettled(QWidget &panel)
{
    panel.resize(1000, 700);
    panel.show();
    runUntil([] { return false; }, 500);
}

class Python {
public:
    void start(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(SOCKETEER_BENCH_DIR "/flood_peers.py")} + arguments);
        m_process.waitForStarted();
    }
    // The number after `word` on the peer's next line that has it, reading in the event loop.
    qint64 valueAfter(const QByteArray &word, int timeoutMs = 120000)
    {
        qint64 value = -1;
        runUntil([&] {
            while (m_process.canReadLine()) {
                const QList<QByteArray> parts = m_process.readLine().trimmed().split(' ');
                if (parts.size() >= 2 && parts.at(parts.size() - 2).endsWith(word))
                    value = parts.last().toLongLong();
            }
            return value >= 0 || m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
        return value;
    }
    bool finished(int timeoutMs = 120000)
    {
        return runUntil([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }

private:
    QProcess m_process;
};

void report(const char *mode, const QString &fields, StallMeter &stalls)
{
    std::printf("RESULT mode=%s %s max_stall_ms=%.1f p99_stall_ms=%.2f peak_rss_mb=%.1f\n", mode, qPrintable(fields),
                stalls.worstMs(), stalls.p99Ms(), peakRssMb());
    std::fflush(stdout);
}

int client(qint64 bytes)
{
    Python sender;
    sender.start({QStringLiteral("tcp-source"), QStringLiteral("-"), QString::number(bytes)});
    const qint64 port = sender.valueAfter("on");
    ClientPanel panel;
    showSettled(panel);
    StallMeter stalls;
    QElapsedTimer clock;
    bool closed = false;
    QObject::connect(&panel, &ClientPanel::connectionChanged, [&](bool connected) {
        if (connected)
            clock.start();
        else
            closed = true;
    });
    panel.connectTo(QStringLiteral("127.0.0.1"), quint16(port));
    runUntil([&] { return panel.counters()->bytesIn() >= bytes || closed; }, 600000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    runUntil([&] { return closed; }, 10000);
    sender.finished();
    const qint64 got = panel.counters()->bytesIn();
    report("client", QStringLiteral("bytes=%1 received=%2 exact=%3 seconds=%4 mib_per_s=%5")
                         .arg(bytes).arg(got).arg(got == bytes).arg(seconds, 0, 'f', 2).arg(got / 1048576.0 / seconds, 0, 'f', 1),
           stalls);
    return got == bytes ? 0 : 1;
}

int server(int clients, qint64 perClient)
{
    ServerPanel panel;
    showSettled(panel);
    bool listening = false;
    QObject::connect(&panel, &ServerPanel::listeningChanged, [&](bool on) { listening = on; });
    panel.startListening(0);
    runUntil([&] { return listening; }, 10000);
    const quint16 port = panel.server()->boundAddress().port();
    StallMeter stalls;
    Python senders;
    senders.start({QStringLiteral("tcp-many"), QString::number(port), QString::number(clients), QString::number(perClient)});
    senders.valueAfter("connected");
    QElapsedTimer clock;
    clock.start();
    const qint64 total = clients * perClient;
    runUntil([&] { return panel.counters()->bytesIn() >= total; }, 600000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    senders.finished();
    runUntil([&] { return panel.server()->clientCount() == 0; }, 10000);
    const qint64 got = panel.counters()->bytesIn();
    report("server", QStringLiteral("clients=%1 bytes=%2 received=%3 exact=%4 seconds=%5 mib_per_s=%6")
                         .arg(clients).arg(total).arg(got).arg(got == total).arg(seconds, 0, 'f', 2).arg(got / 1048576.0 / seconds, 0, 'f', 1),
           stalls);
    return got == total ? 0 : 1;
}

quint16 bindUdp(UdpPanel &panel)
{
    showSettled(panel);
    panel.bindPort(0);
    runUntil([&] { return panel.endpoint()->boundAddress().port() != 0; }, 10000);
    return panel.endpoint()->boundAddress().port();
}

int udpPaced(int count, int intervalMs)
{
    UdpPanel panel;
    const quint16 port = bindUdp(panel);
    StallMeter stalls;
    Python sender;
    sender.start({QStringLiteral("udp-paced"), QString::number(port), QString::number(count), QString::number(intervalMs)});
    sender.finished(count * intervalMs + 60000);
    runUntil([&] { return panel.counters()->messagesIn() >= count; }, 2000);
    const qint64 got = panel.counters()->messagesIn();
    panel.log()->visibleRowCount();   // shows what the view holds back between refreshes
    int listed = 0;
    for (int row = 0; row < panel.log()->model()->rowCount(); ++row)
        listed += panel.log()->model()->entry(row).direction == LogEntry::Direction::Received;
    report("udp-paced", QStringLiteral("sent=%1 interval_ms=%2 counted=%3 listed=%4 every_one=%5")
                            .arg(count).arg(intervalMs).arg(got).arg(listed).arg(got == count && listed == count),
           stalls);
    return got == count ? 0 : 1;
}

int udpFlood(qint64 count)
{
    qint64 panelSent = 0, panelGot = 0;
    {
        UdpPanel panel;
        const quint16 port = bindUdp(panel);
        StallMeter stalls;
        Python sender;
        QElapsedTimer clock;
        clock.start();
        sender.start({QStringLiteral("udp-flood"), QString::number(port), QString::number(count)});
        panelSent = sender.valueAfter("sent");
        const double seconds = clock.nsecsElapsed() / 1e9;
        // Drained: the count has not moved for 300 ms.
        qint64 before = -1;
        QElapsedTimer still;
        still.start();
        runUntil([&] {
            const qint64 now = panel.counters()->messagesIn();
            if (now != before) {
                before = now;
                still.restart();
            }
            return still.elapsed() > 300;
        }, 10000);
        panelGot = panel.counters()->messagesIn();
        report("udp-flood", QStringLiteral("sent=%1 send_seconds=%2 counted=%3 share=%4")
                                .arg(panelSent).arg(seconds, 0, 'f', 2).arg(panelGot).arg(double(panelGot) / double(std::max<qint64>(panelSent, 1)), 0, 'f', 3),
               stalls);
    }
    Python receiver;
    receiver.start({QStringLiteral("udp-recv")});
    const qint64 port = receiver.valueAfter("bound");
    Python sender;
    sender.start({QStringLiteral("udp-flood"), QString::number(port), QString::number(count)});
    const qint64 pythonSent = sender.valueAfter("sent");
    const qint64 pythonGot = receiver.valueAfter("received");
    std::printf("RESULT mode=udp-flood-python sent=%lld counted=%lld share=%.3f panel_vs_python=%.2f\n", static_cast<long long>(pythonSent),
                static_cast<long long>(pythonGot), double(pythonGot) / double(std::max<qint64>(pythonSent, 1)),
                double(panelGot) / double(std::max<qint64>(pythonGot, 1)));
    return 0;
}

// Finding 5's figure: Send file… from the server panel, MIB MiB to three clients, one of them
// reading at about 10 MB/s; every client must get the file byte for byte.
int sendFile(qint64 mib)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("send.bin"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 i = 0; i < mib; ++i) {
            for (qsizetype j = 0; j < block.size(); ++j)
                block[j] = static_cast<char>((i * 31 + j * 7 + j / 251) & 0xff);
            hash.addData(block);
            file.write(block);
        }
    }
    const QByteArray expected = hash.result().toHex();
    const qint64 size = mib * 1024 * 1024;

    ServerPanel panel;
    quint16 port = 0;
    QObject::connect(panel.server(), &TcpServer::started, [&port](const QString &, quint16 bound) { port = bound; });
    panel.startListening(0);
    if (!runUntil([&] { return port != 0; }, 5000))
        return 1;
    showSettled(panel);

    const QString reader = QStringLiteral(SOCKETEER_BENCH_DIR "/../tests/peers/tcp_slow_reader.py");
    // chunk, pause: two as fast as python reads, one about 10 MB/s (64 KiB every 6.5 ms).
    const QList<QStringList> paces = {{QStringLiteral("65536"), QStringLiteral("0")},
                                      {QStringLiteral("65536"), QStringLiteral("0")},
                                      {QStringLiteral("65536"), QStringLiteral("0.0065")}};
    std::vector<std::unique_ptr<QProcess>> readers;
    for (const QStringList &pace : paces) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral("/usr/bin/python3"),
                       {reader, QStringLiteral("127.0.0.1"), QString::number(port), pace.at(0), pace.at(1), QString::number(size),
                        QStringLiteral("0")});
        runUntil([&] { return process->canReadLine(); }, 10000);
        process->readLine();   // connected
        process->write("go\n");
        readers.push_back(std::move(process));
    }
    runUntil([&] { return panel.server()->clientCount() == 3; }, 10000);

    StallMeter stalls;
    QElapsedTimer clock;
    clock.start();
    panel.sendBox()->sendFile(path);
    QStringList results;
    runUntil([&] {
        for (auto &process : readers)
            while (process->canReadLine())
                results.append(QString::fromLatin1(process->readLine().trimmed()));
        return results.size() == 3;
    }, 1800 * 1000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    int identical = 0;
    for (const QString &line : results)
        identical += line == QStringLiteral("got %1 %2").arg(size).arg(QString::fromLatin1(expected)) ? 1 : 0;
    report("send-file", QStringLiteral("mib=%1 clients=3 identical=%2 seconds=%3").arg(mib).arg(identical).arg(seconds, 0, 'f', 1), stalls);
    return identical == 3 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    const QString mode = args.value(0);
    if (mode == QLatin1String("client") && args.size() == 2)
        return client(args.at(1).toLongLong());
    if (mode == QLatin1String("server") && args.size() == 3)
        return server(args.at(1).toInt(), args.at(2).toLongLong());
    if (mode == QLatin1String("udp-paced") && args.size() == 3)
        return udpPaced(args.at(1).toInt(), args.at(2).toInt());
    if (mode == QLatin1String("send-file") && args.size() == 2)
        return sendFile(args.at(1).toLongLong());
    if (mode == QLatin1String("udp-flood") && args.size() == 2)
        return udpFlood(args.at(1).toLongLong());
    std::fprintf(stderr, "usage: uiflood client BYTES | server CLIENTS BYTES_PER_CLIENT | udp-paced COUNT INTERVAL_MS | udp-flood COUNT\n");
    return 2;
}
