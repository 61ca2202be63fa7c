// The timeline at scale (bench/run-timeline.sh, issue 12): 100,000 recorded calls saved to a file,
// opened in the real TimelineView and scrolled and stepped through on the offscreen platform.
// Measures what a user feels: how long the file takes to open until its first paint, and the
// longest single scroll step or call step (each including its synchronous repaint). Prints one
// "RESULT key=value ..." line.
//
//   timelinebench [CALLS]     (default 100000)

#include "net/tracefile.h"
#include "net/tracefilewriter.h"
#include "net/tracerecording.h"
#include "timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

// A plausible classroom flood: a server's accept and echo loop with four clients, bytes included,
// one call in fifty failing, the time advancing 50 µs a call.
std::vector<TraceEvent> makeCalls(qsizetype count)
{
    std::vector<TraceEvent> calls;
    calls.reserve(static_cast<size_t>(count));
    const QStringList clients{QStringLiteral("client-1"), QStringLiteral("client-2"), QStringLiteral("client-3"), QStringLiteral("client-4")};
    const QByteArray line = QByteArrayLiteral("hello from a student's client, line number 000000\n");
    const qint64 start = 1733380000000000;
    for (qsizetype i = 0; i < count; ++i) {
        TraceEvent event;
        event.timeUs = start + i * 50;
        event.sequence = static_cast<quint64>(i + 1);
        const qsizetype kind = i % 4;
        event.thread = kind % 2 ? clients.at((i / 4) % clients.size()) : QStringLiteral("tcp-server");
        event.call = kind < 2 ? QStringLiteral("send") : QStringLiteral("recv");
        event.arguments = QStringLiteral("fd %1, %2").arg(7 + i % 5).arg(kind < 2 ? line.size() : 65536);
        if (i % 50 == 49) {
            event.result = QStringLiteral("-1");
            event.error = 104;
            event.byteCount = 0;
        } else {
            event.result = QStringLiteral("%1 bytes").arg(line.size());
            event.byteCount = line.size();
            event.bytes = line;
        }
        calls.push_back(std::move(event));
    }
    return calls;
}

struct Worst {
    std::vector<qint64> ns;
    void add(qint64 value) { ns.push_back(value); }
    double maxMs() const { return ns.empty() ? 0 : *std::max_element(ns.begin(), ns.end()) / 1e6; }
    double p99Ms()
    {
        if (ns.empty())
            return 0;
        std::sort(ns.begin(), ns.end());
        return ns[ns.size() * 99 / 100] / 1e6;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const qsizetype count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.json"));
    QElapsedTimer clock;
    clock.start();
    TraceFile file;
    file.appVersion = QStringLiteral("bench");
    file.events = makeCalls(count);
    if (!writeTraceFile(path, file)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        return 1;
    }
    const double saveMs = clock.nsecsElapsed() / 1e6;
    const double fileMb = QFile(path).size() / 1048576.0;

    TimelineView view;
    view.resize(1200, 500);
    view.show();
    QApplication::processEvents();   // fonts and the first paint of an empty view: start-up, not the file
    auto *scroll = view.findChild<QScrollArea *>();

    clock.restart();
    QString error;
    if (!view.openFrom(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    view.canvas()->repaint();
    const double openMs = clock.nsecsElapsed() / 1e6;
    if (view.canvas()->eventCount() != count) {
        std::fprintf(stderr, "opened %d calls of %lld\n", view.canvas()->eventCount(), static_cast<long long>(count));
        return 1;
    }

    // Scrolling: a page at a time across the whole recording, then 2,000 single-column jumps to
    // random places (a scroll bar dragged), each with its repaint.
    QScrollBar *bar = scroll->horizontalScrollBar();
    Worst scrollSteps;
    for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->pageStep())) {
        clock.restart();
        bar->setValue(value);
        view.canvas()->repaint();
        scrollSteps.add(clock.nsecsElapsed());
    }
    quint32 seed = 12345;
    for (int i = 0; i < 2000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        clock.restart();
        bar->setValue(static_cast<int>(seed % static_cast<quint32>(bar->maximum() + 1)));
        view.canvas()->repaint();
        scrollSteps.add(clock.nsecsElapsed());
    }
    // Stepping: 2,000 calls forward from the middle, each selecting, filling the details pane,
    // scrolling the call into view and repainting.
    view.recording()->setCursor(count / 2);
    Worst callSteps;
    for (int i = 0; i < 2000; ++i) {
        clock.restart();
        view.stepForward();
        view.canvas()->repaint();
        callSteps.add(clock.nsecsElapsed());
    }
    // A filter over all 100,000 calls (hide one lane), with its repaint.
    clock.restart();
    view.recording()->setLaneShown(QStringLiteral("client-1"), false);
    view.canvas()->repaint();
    const double filterMs = clock.nsecsElapsed() / 1e6;

    // Live: the ring full (its 100,000 calls), a flood adding batches of 500 calls (the oldest
    // dropped) while the view follows; each batch with its repaint, as the recorder delivers it.
    view.recording()->setLaneShown(QStringLiteral("client-1"), true);
    view.setFollowing(true);   // leaves the file: live again, empty
    view.canvas()->addEvents(QList<TraceEvent>(file.events.begin(), file.events.end()));
    Worst liveBatches;
    quint64 sequence = static_cast<quint64>(count);
    for (int batch = 0; batch < 200; ++batch) {
        QList<TraceEvent> more;
        for (const TraceEvent &event : makeCalls(500)) {
            more.append(event);
            more.last().sequence = ++sequence;
        }
        clock.restart();
        view.canvas()->addEvents(more);
        scroll->horizontalScrollBar()->setValue(scroll->horizontalScrollBar()->maximum());
        view.canvas()->repaint();
        liveBatches.add(clock.nsecsElapsed());
    }

    // File → Save: what the window's thread spends (taking the events), and the whole write on
    // the writer's thread, while the window's event loop keeps running.
    clock.restart();
    QString saveError;
    if (!view.saveInBackground(dir.filePath(QStringLiteral("saved.json")), &saveError)) {
        std::fprintf(stderr, "%s\n", qPrintable(saveError));
        return 1;
    }
    const double saveGuiMs = clock.nsecsElapsed() / 1e6;
    QEventLoop wait;
    QObject::connect(view.fileWriter(), &TraceFileWriter::finished, &wait, &QEventLoop::quit);
    wait.exec();
    const double saveBackgroundMs = clock.nsecsElapsed() / 1e6;

    std::printf("RESULT mode=timeline calls=%lld file_mb=%.1f save_ms=%.0f open_ms=%.0f scroll_steps=%zu scroll_max_ms=%.2f "
                "scroll_p99_ms=%.2f step_max_ms=%.2f step_p99_ms=%.2f filter_ms=%.1f live_batch_max_ms=%.2f live_batch_p99_ms=%.2f painted_per_paint=%d "
                "save_gui_ms=%.1f save_background_ms=%.0f\n",
                static_cast<long long>(count), fileMb, saveMs, openMs, scrollSteps.ns.size(), scrollSteps.maxMs(), scrollSteps.p99Ms(),
                callSteps.maxMs(), callSteps.p99Ms(), filterMs, liveBatches.maxMs(), liveBatches.p99Ms(), view.canvas()->paintedCalls(),
                saveGuiMs, saveBackgroundMs);
    return 0;
}
