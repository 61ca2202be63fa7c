#include "trace.h"

#include "limits.h"
#include "mailbox.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>
#include <vector>
#include <pthread.h>
#include <unistd.h>

namespace socketeer {

struct TraceRecorder::Sink {
    explicit Sink(TraceRecorder *owner)
        : mailbox(owner, [owner](std::vector<TraceEvent> &&batch) {
              emit owner->eventsRecorded(QList<TraceEvent>(batch.begin(), batch.end()));
          })
    {
    }
    Mailbox<TraceEvent> mailbox;
};

namespace trace {
namespace detail {

std::atomic<bool> g_enabled{false};
// Relaxed is enough: one atomic's modification order agrees with happens-before, and the kernel
// hand-off of the bytes orders a send's fetch before the receiving recv's.
std::atomic<quint64> g_sequence{0};

namespace {
std::mutex g_sinkMutex;
// Every recorder alive gets every call: the timeline and the code view listen at once.
std::vector<std::shared_ptr<TraceRecorder::Sink>> g_sinks; // guarded by g_sinkMutex
thread_local QString t_threadName;
} // namespace

void append(const char *call, QString arguments, QString result, int error, quint64 sequence,
            const char *data, qint64 moved, qint64 available)
{
    if (sequence == 0)
        sequence = g_sequence.fetch_add(1, std::memory_order_relaxed) + 1;
    TraceEvent event{QDateTime::currentMSecsSinceEpoch() * 1000, threadName(), QString::fromLatin1(call),
                     std::move(arguments), std::move(result), error, sequence};
    if (moved >= 0) {
        event.byteCount = moved;
        const qint64 kept = std::min({moved, available, qint64(limits::kTraceBytesKept)});
        if (data && kept > 0)
            event.bytes = QByteArray(data, static_cast<qsizetype>(kept));
    }
    std::lock_guard lock(g_sinkMutex);
    for (size_t i = 0; i < g_sinks.size(); ++i) {
        if (i + 1 == g_sinks.size())
            g_sinks[i]->mailbox.post(std::move(event));
        else
            g_sinks[i]->mailbox.post(TraceEvent(event));   // a copy: QStrings and bytes are shared, not copied
    }
}

void install(std::shared_ptr<TraceRecorder::Sink> sink)
{
    std::lock_guard lock(g_sinkMutex);
    g_sinks.push_back(std::move(sink));
    g_enabled.store(true, std::memory_order_relaxed);
}

void uninstall(const TraceRecorder::Sink *sink)
{
    std::lock_guard lock(g_sinkMutex);
    std::erase_if(g_sinks, [sink](const auto &installed) { return installed.get() == sink; });
    g_enabled.store(!g_sinks.empty(), std::memory_order_relaxed);
}

} // namespace detail

void setThreadName(const QString &name)
{
    detail::t_threadName = name;
    ::pthread_setname_np(::pthread_self(), name.left(15).toUtf8().constData());
}

QString threadName()
{
    if (detail::t_threadName.isEmpty() && ::gettid() == ::getpid()) {
        // The main thread's system name is the program's (renaming it would rename the process
        // in ps and pkill); the trace calls it what it is, the thread the window runs on.
        detail::t_threadName = QStringLiteral("main");
    } else if (detail::t_threadName.isEmpty()) {
        char buffer[16] = {};
        ::pthread_getname_np(::pthread_self(), buffer, sizeof buffer);
        detail::t_threadName = QString::fromUtf8(buffer);
    }
    return detail::t_threadName;
}

} // namespace trace

TraceRecorder::TraceRecorder(QObject *parent)
    : QObject(parent), m_sink(std::make_shared<Sink>(this))
{
    qRegisterMetaType<TraceEvent>();
    trace::detail::install(m_sink);
}

TraceRecorder::~TraceRecorder()
{
    trace::detail::uninstall(m_sink.get());
}

void TraceRecorder::flush()
{
    m_sink->mailbox.deliverPending();
}

} // namespace socketeer
