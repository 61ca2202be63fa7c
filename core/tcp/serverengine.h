#pragma once
// What both concurrency models implement. An engine starts its threads in its constructor and
// stops and joins them in its destructor; everything it has to say goes through the event sink.

#include "tcpservertypes.h"

#include "net/error.h"
#include "net/mailbox.h"

#include <QByteArray>

#include <memory>

namespace socketeer {

class ChunkStream;
class TlsContext;

struct ServerEvent {
    enum class Type { Started, Connected, Rejected, Disconnected, Data, Failed, Stopped, TlsStarted, Chat, AutoReplied, ChatMember };
    Type type = Type::Data;
    quint64 id = 0;
    std::shared_ptr<const ClientRecord> client;   // Connected, TlsStarted
    SocketAddress address;                        // Started: bound address; Rejected: peer
    QByteArray data;                              // Data; Chat: lines of the room's transcript
    QString reason;                               // Rejected, Disconnected
    Error error;                                  // Failed
    // AutoReplied: data is what was sent (to the client `id`, or to every client when toAll), reason
    // is why nothing was sent (the reply could not be built) or empty; rule is its index in the set.
    int rule = -1;
    bool toAll = false;
    ChatMemberEvent member{};   // ChatMember: the room's membership changed
};

using ServerEventSink = Mailbox<ServerEvent>;

class ServerEngine {
public:
    virtual ~ServerEngine() = default;
    // All thread-safe; they queue a command and wake the engine.
    virtual void sendTo(quint64 id, const QByteArray &data) = 0;
    virtual void sendToAll(const QByteArray &data) = 0;
    // `targets[i]` is the stream's reserved reader i; no targets: every client, and every client
    // that connects while the stream lasts, joins it.
    virtual void sendStream(std::shared_ptr<ChunkStream> stream, std::vector<quint64> targets) = 0;
    virtual void disconnectClient(quint64 id) = 0;
    // STARTTLS: sends `reply` (queued behind what waits already), and once all of it is out starts
    // the server handshake with `context` on that plain connection. From the moment the engine takes
    // the command it reads nothing more from the client until the handshake has begun, so bytes the
    // client pipelined after its STARTTLS either were delivered before (the front end discards them)
    // or are handed to TLS, which refuses them as no ClientHello (CVE-2011-0411's class). TlsStarted
    // follows when the handshake is done; a failed one ends the connection (Disconnected, reason).
    virtual void startTls(quint64 id, const QByteArray &reply, std::shared_ptr<const TlsContext> context) = 0;
    // Chat mode: a command of the server's own user for the room, run by the thread that owns it.
    virtual void chatCommand(ChatCommand command) = 0;
    virtual void requestStop() = 0;
    virtual void resumeReading() = 0;   // the sink, or one client's share of it, has room again
    virtual int threadCount() const = 0;

    // The switches are the front end's, flipped while the engine runs and read (relaxed) by its
    // workers on every recv: `echo` sends what came back to its sender; `reportData` posts it to
    // the sink as a Data event. Off when nothing is connected to dataReceived, so a headless echo
    // server does not wake the receiver's thread for every message. The clients' byte counters
    // are exact either way: the workers keep them in the ClientRecord.
    static std::unique_ptr<ServerEngine> create(const TcpServerConfig &config, ServerEventSink &sink,
                                                const std::atomic<bool> &echo, const std::atomic<bool> &reportData);
};

} // namespace socketeer
