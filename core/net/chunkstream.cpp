#include "chunkstream.h"

#include "error.h"
#include "wakeup.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace socketeer {

struct ChunkStream::Private {
    struct Reader {
        qint64 cursor = 0;   // index of the next chunk it takes
        const Wakeup *wake = nullptr;
        bool active = true;
        bool waiting = false;   // told Wait: signal it when something arrives
    };

    int fd = -1;
    bool owned = false;
    Options options;
    Wakeup stop;
    QString threadName;

    mutable std::mutex mutex;
    std::condition_variable room;   // the reading thread waits here for the window to open
    std::deque<QByteArray> chunks;
    qint64 base = 0;                // index of chunks.front()
    std::vector<Reader> readers;
    bool ended = false;
    bool cancelled = false;
    QString error;
    qint64 bytesRead = 0;
    int finished = 0;
    int left = 0;

    explicit Private(Wakeup stopWakeup) : stop(std::move(stopWakeup)) {}

    int activeReaders() const
    {
        int n = 0;
        for (const Reader &r : readers)
            n += r.active ? 1 : 0;
        return n;
    }
    // Drops the chunks every reader has passed (all of them, for a live feed nobody reads).
    void trim()
    {
        qint64 oldest = base + static_cast<qint64>(chunks.size());
        bool anyone = false;
        for (const Reader &r : readers) {
            if (r.active) {
                oldest = std::min(oldest, r.cursor);
                anyone = true;
            }
        }
        if (!anyone && !options.dropUnread)
            return;   // kept for readers still to come
        while (!chunks.empty() && base < oldest) {
            chunks.pop_front();
            ++base;
        }
    }
    void wakeWaiting()
    {
        for (Reader &r : readers) {
            if (r.active && r.waiting && r.wake) {
                r.waiting = false;
                r.wake->signal();
            }
        }
    }
    void run();
    void end(QString why)
    {
        std::lock_guard lock(mutex);
        ended = true;
        error = std::move(why);
        wakeWaiting();
    }
};

void ChunkStream::Private::run()
{
    const QByteArray name = threadName.toUtf8().left(15);
    pthread_setname_np(pthread_self(), name.constData());
    // SIGINT and SIGTERM are for the main thread's handler.
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigaddset(&blocked, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);

    for (;;) {
        {
            std::unique_lock lock(mutex);
            room.wait(lock, [this] {
                return cancelled || static_cast<int>(chunks.size()) < options.window || (options.dropUnread && activeReaders() == 0);
            });
            if (cancelled)
                return;
        }
        // poll() first, so that a cancel is heard while stdin has nothing to say.
        pollfd fds[2] = {{fd, POLLIN, 0}, {stop.fd(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return end(errnoText(errno));
        }
        if (fds[1].revents)
            return end({});   // cancelled
        if (fds[0].revents & POLLNVAL)
            return end({});   // no input at all (fd 0 closed before we started)
        if (!fds[0].revents)
            continue;
        QByteArray chunk(options.chunkBytes, Qt::Uninitialized);
        const ssize_t n = ::read(fd, chunk.data(), static_cast<size_t>(chunk.size()));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return end(errnoText(errno));
        }
        if (n == 0) {
            if (options.flush) {
                if (QByteArray rest = options.flush(); !rest.isEmpty()) {
                    std::lock_guard lock(mutex);
                    if (!options.dropUnread || activeReaders() > 0) {
                        chunks.push_back(std::move(rest));
                        wakeWaiting();
                    }
                }
            }
            return end({});
        }
        chunk.truncate(static_cast<qsizetype>(n));
        if (options.transform)
            chunk = options.transform(chunk);
        std::lock_guard lock(mutex);
        bytesRead += n;
        if (chunk.isEmpty() || (options.dropUnread && activeReaders() == 0))
            continue;   // nothing whole yet (a transform holds it), or a live feed with nobody listening
        chunks.push_back(std::move(chunk));
        wakeWaiting();
    }
}

Result<std::shared_ptr<ChunkStream>> ChunkStream::start(int fd, bool owned, const Options &options, const QString &threadName)
{
    auto stop = Wakeup::create();
    if (!stop) {
        if (owned)
            ::close(fd);
        return stop.error();
    }
    auto d = std::make_unique<Private>(std::move(stop).value());
    d->fd = fd;
    d->owned = owned;
    d->options = options;
    d->options.chunkBytes = std::max<qsizetype>(1, options.chunkBytes);
    d->options.window = std::max(1, options.window);
    d->threadName = threadName;
    d->readers.resize(static_cast<size_t>(std::max(0, options.readers)));
    std::shared_ptr<ChunkStream> stream(new ChunkStream(std::move(d)));
    stream->m_thread = std::thread([p = stream->d.get()] { p->run(); });
    return stream;
}

ChunkStream::ChunkStream(std::unique_ptr<Private> p) : d(std::move(p)) {}

ChunkStream::~ChunkStream()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
    if (d->owned)
        ::close(d->fd);
}

int ChunkStream::join()
{
    std::lock_guard lock(d->mutex);
    Private::Reader reader;
    reader.cursor = d->base;
    d->readers.push_back(reader);
    d->room.notify_all();   // a live feed with a reader again keeps what it reads
    return static_cast<int>(d->readers.size()) - 1;
}

void ChunkStream::attach(int reader, const Wakeup *wake)
{
    std::lock_guard lock(d->mutex);
    d->readers.at(static_cast<size_t>(reader)).wake = wake;
}

ChunkStream::Take ChunkStream::take(int index, QByteArray &chunk)
{
    std::lock_guard lock(d->mutex);
    Private::Reader &reader = d->readers.at(static_cast<size_t>(index));
    if (!reader.active)
        return Take::End;
    const qint64 head = d->base + static_cast<qint64>(d->chunks.size());
    if (reader.cursor < head) {
        chunk = d->chunks[static_cast<size_t>(reader.cursor - d->base)];
        ++reader.cursor;
        if (reader.cursor - 1 == d->base) {
            d->trim();
            d->room.notify_all();
        }
        return Take::Chunk;
    }
    if (d->ended) {
        reader.active = false;
        ++d->finished;
        d->trim();
        d->room.notify_all();
        return Take::End;
    }
    reader.waiting = true;
    return Take::Wait;
}

void ChunkStream::leave(int index)
{
    std::lock_guard lock(d->mutex);
    Private::Reader &reader = d->readers.at(static_cast<size_t>(index));
    if (!reader.active)
        return;
    reader.active = false;
    ++d->left;
    d->trim();
    d->room.notify_all();
}

void ChunkStream::cancel()
{
    {
        std::lock_guard lock(d->mutex);
        d->cancelled = true;
        if (!d->ended) {
            d->ended = true;
            d->wakeWaiting();
        }
    }
    d->room.notify_all();
    d->stop.signal();
}

ChunkStream::Progress ChunkStream::progress() const
{
    std::lock_guard lock(d->mutex);
    Progress p;
    p.bytesRead = d->bytesRead;
    p.readers = static_cast<int>(d->readers.size());
    p.finished = d->finished;
    p.left = d->left;
    p.ended = d->ended;
    p.error = d->error;
    return p;
}

} // namespace socketeer
