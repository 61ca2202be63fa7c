#pragma once
// Records the socket calls the core makes — (time, thread, call, arguments, result, errno) — for the
// classroom timeline and for people debugging. With no TraceRecorder alive, record() costs one
// relaxed atomic load: the argument text is built only when someone is listening.

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <concepts>
#include <memory>

namespace socketeer {

struct TraceEvent {
    qint64 timeUs = 0;      // wall-clock microseconds since the epoch
    QString thread;         // the worker's name, e.g. "tcp-server"
    QString call;           // "accept"
    QString arguments;      // "fd 5"
    QString result;         // "fd 7 127.0.0.1:53314", "12 bytes", "-1"
    int error = 0;          // errno, 0 on success
    // The order of calls across threads: taken when a call returns, except for a send, which takes
    // it before the bytes leave, so the recv() that gets them always comes after it.
    quint64 sequence = 0;
    // For a call that moves bytes (send, recv, sendto, recvfrom, SSL_write, SSL_read): the first
    // limits::kTraceBytesKept of them, and how many it moved in all (a datagram's whole length,
    // even where the buffer cut it). -1: a call that moves no bytes.
    QByteArray bytes = {};
    qint64 byteCount = -1;
    bool operator==(const TraceEvent &) const = default;
};

namespace trace {

namespace detail {
extern std::atomic<bool> g_enabled;
extern std::atomic<quint64> g_sequence;
void append(const char *call, QString arguments, QString result, int error, quint64 sequence = 0,
            const char *data = nullptr, qint64 moved = -1, qint64 available = 0);
}

inline bool enabled() noexcept { return detail::g_enabled.load(std::memory_order_relaxed); }

// A place in the order of calls, for a call that passes bytes to another thread: take it before
// the call, give it to record() after. 0 while nobody records.
inline quint64 placeInOrder() noexcept
{
    return enabled() ? detail::g_sequence.fetch_add(1, std::memory_order_relaxed) + 1 : 0;
}

// The last place in the order given so far: a call recorded after this moment gets a later one.
// The lab runner takes it around each step, so a step's calls can be found on the timeline.
inline quint64 lastPlace() noexcept { return detail::g_sequence.load(std::memory_order_relaxed); }

// Names the calling thread for the trace and for debuggers (pthread_setname_np, 15 chars).
void setThreadName(const QString &name);
QString threadName();

template <std::invocable ArgsFn>
void record(const char *call, ArgsFn &&arguments, long result, int error)
{
    if (enabled())
        detail::append(call, arguments(), QString::number(result), error);
}

template <std::invocable ArgsFn, std::invocable ResultFn>
void record(const char *call, ArgsFn &&arguments, ResultFn &&result, int error)
{
    if (enabled())
        detail::append(call, arguments(), result(), error);
}

// A call whose place in the order was taken before it ran (placeInOrder()).
template <std::invocable ArgsFn, std::invocable ResultFn>
void record(quint64 place, const char *call, ArgsFn &&arguments, ResultFn &&result, int error)
{
    if (enabled())
        detail::append(call, arguments(), result(), error, place);
}

// A call that moved bytes: `moved` of them (negative when it failed), of which `available` are at
// `data` (a recvfrom's datagram may be longer than its buffer). A bounded copy is kept for the
// timeline's details; like the text, it is made only while someone records.
template <std::invocable ArgsFn, std::invocable ResultFn>
void recordBytes(quint64 place, const char *call, ArgsFn &&arguments, ResultFn &&result, int error,
                 const char *data, qint64 moved, qint64 available)
{
    if (enabled())
        detail::append(call, arguments(), result(), error, place, data, moved < 0 ? 0 : moved, available);
}

} // namespace trace

// While one of these exists, every socket call is recorded and delivered to it in batches. Every
// recorder alive gets every call (the timeline and the code view listen at once).
class TraceRecorder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceRecorder)
public:
    explicit TraceRecorder(QObject *parent = nullptr);
    ~TraceRecorder() override;

    void flush();   // deliver what is pending now, without waiting for the event loop

    struct Sink;   // where workers' events wait for delivery (trace.cpp)

signals:
    void eventsRecorded(const QList<socketeer::TraceEvent> &events);

private:
    std::shared_ptr<Sink> m_sink;
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::TraceEvent)
