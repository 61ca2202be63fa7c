// The inbox at scale (issue 9, finding 11; bench/run-inbox-scale.sh): the real MainWindow opened
// on a store of N messages, measuring what a user feels. Prints one "RESULT key=value ..." line.
//
//   inboxscale generate DIR COUNT   writes COUNT messages (ID.eml + ID.json, as the store writes
//                                   them, each with a small attachment) into DIR, no summary file
//   inboxscale open DIR             opens the window on DIR and measures, in this process:
//     open_ms      the MainWindow made and shown, its first tab painted (the event loop runs)
//     listed_ms    every message in the Inbox list
//     summaries_ms every row with its decoded subject (parsed now, or read from the summary file)
//     stall_ms     the longest the GUI thread went without running its event loop meanwhile
//                  (a 1 ms timer's worst lateness), and p99_ms
//     rss_mb       peak resident memory (VmHWM)
//     idle_stall_ms the same meter over 3 s of an idle event loop before the window: the machine's
//                  own noise, to read stall_ms against

#include "inboxmodel.h"
#include "inboxpanel.h"
#include "mainwindow.h"
#include "settings.h"

#include "mail/mailstore.h"
#include "mail/smtpserversession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

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
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    return -1;
}

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

int generate(const QString &directory, int count)
{
    QDir().mkpath(directory);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    const QByteArray attachment = QByteArray(1500, 'A').toBase64();
    for (int i = 0; i < count; ++i) {
        const QDateTime at = start.addMSecs(qint64(i) * 37);
        const QString id = QStringLiteral("%1-%2-%3")
                               .arg(at.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                               .arg(i % 10000, 4, 10, QLatin1Char('0'))
                               .arg(i % 0x10000, 4, 16, QLatin1Char('0'));
        const QByteArray eml = "Received: from client.example ([127.0.0.1])\r\n\tby localhost (Socketeer) with ESMTP id " + id.toLatin1()
                               + "\r\n\tfor <zhang@example.com>; " + at.toString(Qt::RFC2822Date).toLatin1()
                               + "\r\nFrom: =?utf-8?b?546L5aSn6ZSk?= <wang@example.com>\r\nTo: zhang@example.com\r\n"
                                 "Subject: =?utf-8?b?5pyI5bqm5rGH5oC7?= #"
                               + QByteArray::number(i)
                               + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                                 "Content-Type: text/plain; charset=utf-8\r\n\r\nSee the attachment.\r\n--b\r\n"
                                 "Content-Type: application/octet-stream; name=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                               + attachment + "\r\n--b--\r\n";
        SmtpEnvelope envelope;
        envelope.heloName = QStringLiteral("client.example");
        envelope.mailFrom = QStringLiteral("wang@example.com");
        envelope.recipients = {QStringLiteral("zhang@example.com")};
        envelope.peer = QStringLiteral("127.0.0.1:40000");
        envelope.receivedAt = at;
        envelope.transcript = {QStringLiteral("C: EHLO client.example"), QStringLiteral("S: 250 localhost greets client.example"),
                               QStringLiteral("C: MAIL FROM:<wang@example.com>"), QStringLiteral("S: 250 2.1.0 Sender OK"),
                               QStringLiteral("C: RCPT TO:<zhang@example.com>"), QStringLiteral("S: 250 2.1.5 Recipient OK"),
                               QStringLiteral("C: DATA"), QStringLiteral("S: 354 Send the message"), QStringLiteral("C: ."),
                               QStringLiteral("S: 250 2.0.0 OK")};
        QFile json(directory + QLatin1Char('/') + id + QStringLiteral(".json"));
        QFile file(directory + QLatin1Char('/') + id + QStringLiteral(".eml"));
        if (!json.open(QIODevice::WriteOnly) || json.write(MailStore::envelopeToJson(envelope, eml.size()).toUtf8()) < 0
            || !file.open(QIODevice::WriteOnly) || file.write(eml) != eml.size()) {
            std::fprintf(stderr, "cannot write into %s\n", qPrintable(directory));
            return 1;
        }
    }
    std::printf("generated %d messages in %s\n", count, qPrintable(directory));
    return 0;
}

int open(const QString &directory)
{
    QTemporaryDir config;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SocketeerBench"));
    QCoreApplication::setApplicationName(QStringLiteral("inboxscale"));
    Settings settings;
    settings.setInboxDirectory(directory);
    settings.setInboxPort(0);

    // The machine's own noise first: the longest an idle event loop waits for a 1 ms timer.
    double idleStallMs = 0;
    {
        StallMeter idle;
        runUntil([] { return false; }, 3000);
        idleStallMs = idle.worstMs();
    }

    QElapsedTimer clock;
    clock.start();
    MainWindow window(settings);
    window.resize(1200, 800);
    window.show();
    InboxPanel *inbox = window.inboxPanel();
    // The first paint loads fonts and shapes text once: that is opening, counted in open_ms; the
    // stall meter runs from then on.
    QCoreApplication::processEvents();
    const qint64 openMs = clock.elapsed();
    StallMeter meter;

    InboxModel *model = inbox->model();
    qint64 listedMs = -1;
    runUntil([&] { return !inbox->isListing(); }, 600000);
    listedMs = clock.elapsed();
    const int rows = model->rowCount();
    const QString pending = QStringLiteral("…");
    runUntil([&] { return rows == 0 || model->index(rows - 1, InboxModel::Subject).data().toString() != pending; }, 1800000);
    const qint64 summariesMs = clock.elapsed();
    // A look at the newest and the oldest message, as a user would, while it is all there.
    const bool complete = rows > 0 && model->index(0, InboxModel::Subject).data().toString() != pending;
    std::printf("RESULT rows=%d open_ms=%lld listed_ms=%lld summaries_ms=%lld stall_ms=%.1f p99_ms=%.1f rss_mb=%.0f complete=%d "
                "idle_stall_ms=%.1f\n",
                rows, static_cast<long long>(openMs), static_cast<long long>(listedMs), static_cast<long long>(summariesMs), meter.worstMs(),
                meter.p99Ms(), peakRssMb(), complete ? 1 : 0, idleStallMs);
    std::fflush(stdout);
    return complete ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.value(0) == QLatin1String("generate") && args.size() == 3)
        return generate(args.at(1), args.at(2).toInt());
    if (args.value(0) == QLatin1String("open") && args.size() == 2)
        return open(args.at(1));
    std::fprintf(stderr, "usage: inboxscale generate DIR COUNT | inboxscale open DIR\n");
    return 2;
}
