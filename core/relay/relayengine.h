#pragma once
// What both relay engines implement (TCP: tcprelayengine.*, UDP: udprelayengine.*). An engine starts
// its thread in its constructor and stops and joins it in its destructor; everything it has to say
// goes through the event sink, in order.

#include "relaytypes.h"

#include "net/error.h"
#include "net/mailbox.h"

#include <QByteArray>

#include <memory>
#include <utility>
#include <vector>

namespace socketeer {

// An impairment that acted, for the log and the timeline.
enum class RelayAction {
    Delayed, Throttled, Sliced, Stalled, Reset, HalfClosed, Limited, HeldClose,   // TCP (Delayed also UDP)
    Dropped, Duplicated, Corrupted, Truncated, Reordered                          // UDP
};

struct RelayEvent {
    enum class Type { Started, Opened, Forwarded, Impaired, Closed, Failed, Stopped };
    Type type = Type::Forwarded;
    quint64 id = 0;                 // the connection (TCP) or session (UDP); ids start at 1
    SocketAddress address;          // Started: the bound address; Opened: the client
    SocketAddress target;           // Opened: the target's address actually used
    RelayDirection direction = RelayDirection::Up;   // Forwarded, Impaired
    QByteArray data;                // Forwarded: the bytes as they left the relay (sent), only while
                                    // the front end reports them (someone listens to forwarded())
    RelayTraffic traffic;           // Forwarded: bytes sent and the recv()s (TCP) or datagrams (UDP)
                                    // they came in, counted whether or not `data` is kept
    RelayAction action = RelayAction::Delayed;       // Impaired
    QString detail;                 // Impaired: "103 ms", "1-byte pieces"; Closed: the reason
    Error error;                    // Failed
};

using RelayEventSink = Mailbox<RelayEvent>;

// A relay that could not start says why and then that it stopped, as one that failed later does.
inline void postFailedStart(RelayEventSink &sink, Error error)
{
    RelayEvent failed;
    failed.type = RelayEvent::Type::Failed;
    failed.error = std::move(error);
    RelayEvent stopped;
    stopped.type = RelayEvent::Type::Stopped;
    std::vector<RelayEvent> both;
    both.push_back(std::move(failed));
    both.push_back(std::move(stopped));
    sink.postAll(both);
}

class RelayEngine {
public:
    virtual ~RelayEngine() = default;
    // Thread-safe: queue a command and wake the engine. New impairments apply to open connections
    // from the next chunk on.
    virtual void setImpairments(const RelayImpairments &impairments) = 0;
    virtual void closeConnection(quint64 id) = 0;
    virtual void requestStop() = 0;
    virtual void resumeReading() = 0;   // the sink has room again
};

} // namespace socketeer
