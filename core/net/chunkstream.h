#pragma once
// A file or standard input sent to one or many peers without ever being held whole (finding 5):
// a thread of its own reads it in chunks, at most a window of chunks ahead of its slowest reader,
// and each reader (a server's client, the client's connection) takes the chunks at its own pace.
// The stream therefore goes as fast as its slowest reader; a reader that stops taking altogether
// is the stall timeout's business, not the stream's.
//
// Readers are reserved when the stream starts (they begin at its first byte) or join later (they
// begin at the oldest chunk still held). A reader is told of new chunks through a Wakeup of its
// own choosing, the fd its worker already polls.

#include "error.h"
#include "limits.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace socketeer {

class Wakeup;

class ChunkStream {
public:
    struct Options {
        qsizetype chunkBytes = limits::kStreamChunkBytes;
        int window = limits::kStreamReadAheadChunks;
        int readers = 0;           // reserved readers 0..readers-1, starting at the first byte
        bool dropUnread = false;   // while no reader is there, what is read is dropped (a live feed)
        // Each chunk as read, made into what the readers take (a check value appended to each
        // message, say). Runs on the reading thread: it must be a pure function of its argument.
        std::function<QByteArray(const QByteArray &)> transform;
        // At the end of the input: what the transform still holds (a last line without its
        // newline, say), taken as one more chunk. Runs on the reading thread, once.
        std::function<QByteArray()> flush;
    };
    struct Progress {
        qint64 bytesRead = 0;
        int readers = 0;    // reserved or joined
        int finished = 0;   // took the last chunk
        int left = 0;       // went before the end (their connection ended)
        bool ended = false; // end of input, an error, or cancelled
        QString error;
        bool done() const { return ended && finished + left == readers; }
    };
    enum class Take { Chunk, Wait, End };

    // Reads `fd` (closed at the end when `owned`) on a new thread named `threadName`.
    static Result<std::shared_ptr<ChunkStream>> start(int fd, bool owned, const Options &options,
                                                      const QString &threadName = QStringLiteral("stream-reader"));
    ~ChunkStream();   // cancels and joins
    ChunkStream(const ChunkStream &) = delete;
    ChunkStream &operator=(const ChunkStream &) = delete;

    // Readers' side, any thread (each reader used by one thread at a time).
    int join();
    void attach(int reader, const Wakeup *wake);   // wake: signalled when a chunk or the end arrives for it
    Take take(int reader, QByteArray &chunk);
    void leave(int reader);

    // The owner's side, any thread.
    void cancel();
    Progress progress() const;

    struct Private;

private:
    explicit ChunkStream(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
    std::thread m_thread;   // last: joined before the rest goes
};

} // namespace socketeer
