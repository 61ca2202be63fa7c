#pragma once
// The TCP client's worker: one thread per connection attempt, which resolves, connects, then
// polls its socket and its wake-up fds until the connection ends. It owns the socket; everything
// it has to say goes through the event sink, and its last word is always Disconnected.

#include "tcpclienttypes.h"

#include "net/error.h"
#include "net/mailbox.h"

#include <QByteArray>

#include <atomic>
#include <memory>
#include <thread>

namespace socketeer {

class ChunkStream;

struct ClientEvent {
    enum class Type { Connected, Data, Sent, PeerClosed, Failed, Disconnected, AutoReplied };
    Type type = Type::Data;
    QByteArray data;   // Data
    qint64 count = 0;  // Sent
    QString local;     // Connected
    QString peer;      // Connected
    QString reason;    // Disconnected
    Error error;       // Failed
    QString tls;       // Connected over TLS: "TLSv1.3 TLS_AES_256_GCM_SHA384, certificate SHA-256 AB:CD:…" (last: the
                       // positional initialisers above stay as they were)
    // Failed because the server's certificate did not verify: the certificate (DER) and why, so the
    // user can look at it and trust exactly it. Default-initialised, so the positional initialisers
    // elsewhere need not name them.
    QByteArray refusedCertificate{};
    QString refusedBecause{};
    // AutoReplied: data is what was sent, reason why nothing was (empty: sent), rule its index.
    int rule = -1;
};

using ClientEventSink = Mailbox<ClientEvent>;

// Bumped by the worker, read by anyone: exact byte counts of one connection.
struct ClientCounters {
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
};

class TcpClientEngine {
public:
    // Starts the thread at once; the sink and the counters must outlive the engine.
    TcpClientEngine(const TcpClientConfig &config, ClientEventSink &sink, ClientCounters &counters);
    ~TcpClientEngine();   // aborts and joins
    TcpClientEngine(const TcpClientEngine &) = delete;
    TcpClientEngine &operator=(const TcpClientEngine &) = delete;

    // All thread-safe: they queue a command, in order, and wake the worker.
    void send(const QByteArray &data);
    // What `stream` reads (as its reader 0), in order after what was sent before, taken as the
    // queue drains: the peer's pace sets the stream's.
    void sendStream(std::shared_ptr<ChunkStream> stream);
    void halfClose();       // shutdown(SHUT_WR) once everything queued before it is sent
    void close();           // close once everything queued before it is sent
    void resumeReading();   // the sink has room again
    // Now: cancels a connection attempt or drops the connection, discarding unsent bytes.
    void abort();

    struct Worker;

private:
    std::unique_ptr<Worker> m_worker;
    std::jthread m_thread;   // last: joined before the worker it runs is destroyed
};

} // namespace socketeer
