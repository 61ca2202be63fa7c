#pragma once
// Standard input for the subcommands, read on a thread of its own so the event loop never blocks
// on it. A thread rather than a QSocketNotifier on fd 0 because stdin may be a regular file (no
// notifier works there) as well as a pipe, a terminal or /dev/null; poll() plus a wake-up eventfd
// lets the thread be stopped while it waits. O_NONBLOCK is never set on fd 0: that flag belongs
// to the open file description, which a parent shell shares.
//
// The chunks cross to the main thread through a Mailbox (net/mailbox.h), the way every worker's
// events reach a Qt thread; pause() and resume() reach the worker through a condition variable,
// the way a worker that waits for nothing but permission is told (docs/DESIGN.md, "Threads").

#include <QByteArray>
#include <QObject>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace socketeer {
class Wakeup;
template <typename Event>
class Mailbox;
}

namespace socketeer::cli {

class StdinReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdinReader)
public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;   // stops and joins the thread

    void start();
    // Flow control for a consumer that cannot keep up: no read() happens while paused.
    void pause();
    void resume();
    bool isPaused() const;

signals:
    // In the order read; delivered in the thread that owns this object.
    void chunkRead(const QByteArray &data);
    void failed(const QString &message);   // a read error; finished() follows
    void finished();                       // end of input (or no stdin at all)

private:
    struct Event {
        QByteArray chunk;
        QString error;
        bool atEnd = false;
    };
    void run();
    void stop();
    void hand(Event event);                  // worker → main thread
    void deliver(std::vector<Event> &&events);

    mutable std::mutex m_mutex;
    std::condition_variable m_resumed;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_finished = false;           // main thread only: finished() was emitted
    std::unique_ptr<Wakeup> m_stop;    // main → worker: stop waiting
    std::unique_ptr<Mailbox<Event>> m_events;
    std::thread m_thread;   // last: joined before the rest goes
};

// Splits a byte stream into lines (without their '\n'); what is left at the end is a last line.
class LineSplitter {
public:
    template <typename Sink>
    void feed(const QByteArray &data, Sink sink)
    {
        m_buffer.append(data);
        qsizetype start = 0;
        for (qsizetype newline; (newline = m_buffer.indexOf('\n', start)) >= 0; start = newline + 1)
            sink(m_buffer.mid(start, newline - start));
        m_buffer.remove(0, start);
    }
    template <typename Sink>
    void finish(Sink sink)
    {
        if (!m_buffer.isEmpty())
            sink(std::exchange(m_buffer, {}));
    }

private:
    QByteArray m_buffer;
};

} // namespace socketeer::cli
