#pragma once
// The TCP client as the GUI and the command line see it: a QObject in the caller's thread whose
// methods queue work for a worker thread (which resolves, connects and owns the socket) and whose
// signals report what happened, in order.
//
// One connection's signals: connected() or errorOccurred(), then any number of dataReceived() /
// dataSent(), at most one peerClosed(), at most one errorOccurred(), and always exactly one
// disconnected() last. After disconnected() the client is Unconnected and may connect again.
//
// When the peer finishes sending (recv() returns 0), peerClosed() is emitted and reading stops.
// The client then sends whatever was queued before that moment and closes itself, with
// disconnected("the peer closed the connection"). It does not stay half-open for more sending: a
// chat peer that hangs up means the conversation is over. The other direction is supported: after
// halfClose() the client keeps reading until the peer closes (nc's behaviour at the end of stdin).

#include "tcpclienttypes.h"

#include "net/error.h"
#include "net/certificateinfo.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace socketeer {

class ChunkStream;
class TcpClientEngine;
struct ClientCounters;
struct ClientEvent;
template <typename Event> class Mailbox;

class TcpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpClient)
public:
    // Closing: a close was asked for (or a connection attempt cancelled) and disconnected() has
    // not come yet. Connected and Unconnected change only when the worker reports them.
    enum class State { Unconnected, Connecting, Connected, Closing };
    Q_ENUM(State)

    explicit TcpClient(QObject *parent = nullptr);
    ~TcpClient() override;   // drops the connection (no signals) and joins the worker

    State state() const { return m_state; }
    const TcpClientConfig &config() const { return m_config; }
    QString localAddress() const { return m_local; }   // "127.0.0.1:53314", empty until connected
    QString peerAddress() const { return m_peer; }     // "127.0.0.1:5555", "[::1]:5555", "/tmp/chat.sock"
    // Over TLS, once connected: "TLSv1.3 TLS_AES_256_GCM_SHA384, certificate SHA-256 AB:CD:…"; else empty.
    QString security() const { return m_security; }
    // The last connection failed because the server's certificate did not verify: what it was and
    // why (net/tlsstream.h's description, the mail client's too). Cleared by connectToHost().
    const std::optional<TlsCertificateInfo> &refusedCertificate() const { return m_refused; }

    // Starts resolving and connecting on a worker thread; connected() or errorOccurred() and
    // disconnected() follow. Refused (false) unless Unconnected.
    bool connectToHost(const TcpClientConfig &config);
    // Queued in order behind everything sent before; allowed while connecting (it goes out once
    // connected). Ignored when unconnected or after halfClose().
    void send(const QByteArray &data);
    // What `stream` reads (as its reader 0; a stream started with one reader), in order after
    // what was sent before it, at the peer's pace. dataSent() counts it as it goes out.
    void sendStream(std::shared_ptr<ChunkStream> stream);
    // shutdown(SHUT_WR) once everything queued before it has gone out; reading goes on.
    void halfClose();
    // While connecting: cancels at once. While connected: sends what was queued before it, then
    // closes. While already closing: drops the connection at once, unsent bytes and all (a peer
    // that never reads cannot hold a close up forever). disconnected() follows in every case.
    void disconnectFromHost();
    // Drops the connection at once and joins the worker; the remaining signals, disconnected()
    // last, are emitted before it returns.
    void disconnectAndWait();

    // Exact byte counts of the current (or last) connection, safe from any thread.
    quint64 bytesIn() const;
    quint64 bytesOut() const;

signals:
    void stateChanged(socketeer::TcpClient::State state);
    void connected(const QString &localAddress, const QString &peerAddress);
    // Batched: one signal may carry many recv()s' worth.
    void dataReceived(const QByteArray &data);
    // Bytes the kernel accepted, batched like dataReceived.
    void dataSent(qint64 bytes);
    void peerClosed();
    // An auto-reply rule (TcpClientConfig::rules) fired: `data` was queued to the server; a
    // non-empty `error` says why nothing was sent. `rule` is the rule's index.
    void autoReplied(int rule, const QByteArray &data, const QString &error);
    void errorOccurred(const socketeer::Error &error);
    void disconnected(const QString &reason);

private:
    void deliver(std::vector<ClientEvent> &&events);
    void setState(State state);

    State m_state = State::Unconnected;
    TcpClientConfig m_config;
    QString m_local;
    QString m_peer;
    QString m_security;
    std::optional<TlsCertificateInfo> m_refused;
    bool m_halfClosed = false;
    bool m_delivering = false;
    std::unique_ptr<ClientCounters> m_counters;
    std::unique_ptr<Mailbox<ClientEvent>> m_mailbox;
    std::unique_ptr<TcpClientEngine> m_engine;   // last: destroyed (joined) first
};

} // namespace socketeer
