#pragma once
// The local inbox's SMTP server: the core's TcpServer with an SmtpServerSession per connection,
// messages streamed into a MailStore. It runs on a thread of its own (the TcpServer's engine
// thread does the socket work; this one speaks SMTP and writes files), so neither a slow disk nor
// a 200 MB message ever holds up the thread that owns the receiver. The destructor stops and joins.

#include "mail/mailstore.h"
#include "mail/smtpserversession.h"
#include "net/address.h"
#include "net/error.h"
#include "net/limits.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

namespace socketeer {

class TlsContext;

struct SmtpReceiverConfig {
    Endpoint endpoint{QStringLiteral("127.0.0.1"), 2525, {}};   // loopback unless told otherwise
    QString directory;                                          // the MailStore's folder
    QString hostName = QStringLiteral("localhost");             // named in the greeting
    SmtpReceiverLimits limits;
    std::chrono::milliseconds idleTimeout{std::chrono::minutes(5)};   // RFC 5321 4.5.3.2.7
    int maxClients = limits::kSmtpMaxClients;   // on each port (the implicit TLS one has as many)
    // The trace's name for its thread (the timeline's lane); empty: "smtp-inbox" ("smtps-inbox"
    // with TLS). A lab's inbox is "lab-inbox", so the Labs dock tells it from the window's.
    QString threadName;

    // SMTP AUTH (RFC 4954): Off (not offered), Any (every login taken: a developer's test inbox)
    // or File (the user:password lines of authFile, read once when the receiver starts; a bad
    // file stops it with an error naming the file and the line). Offered only under TLS or to a
    // loopback peer.
    SmtpAuthMode authMode = SmtpAuthMode::Off;
    QString authFile;
    // STARTTLS (RFC 3207) is offered after EHLO with this server context (a certificate and its
    // key, or the development certificate); null: not offered.
    std::shared_ptr<const TlsContext> tls;
    // Implicit TLS (SMTPS, RFC 8314) on a port of its own beside the plain one, same host, same
    // certificate (`tls`, required), store and rules: every connection there starts with the TLS
    // handshake, and its session with TLS on (no STARTTLS offered). Unset: no such port; 0: any free.
    std::optional<quint16> implicitTlsPort;
    // MAIL refused with 530 5.7.0 until the client said STARTTLS. Needs `tls`: without it no
    // message could ever arrive, so the receiver refuses to start.
    bool requireTls = false;
    // Failure injection ("chaos"): off while empty.
    QList<SmtpFailureRule> failures;
    // The same failures on every run (tests); unset: QRandomGenerator::global().
    std::optional<quint32> failureSeed;
};

class SmtpReceiver : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpReceiver)
public:
    explicit SmtpReceiver(QObject *parent = nullptr);
    ~SmtpReceiver() override;

    // Opens the store and starts listening: started() or errorOccurred() then stopped() follows.
    // False, and nothing happens, while running.
    bool start(const SmtpReceiverConfig &config);
    // Closes every connection (a message still arriving is dropped, its sender never got a 250)
    // and the listener; stopped() follows.
    void stop();
    bool isRunning() const;
    const SmtpReceiverConfig &config() const;
    // Set once started(): where it listens (the real port when the config asked for port 0).
    quint16 port() const;
    // Set once started(): the implicit TLS port (the real one), 0 when there is none.
    quint16 implicitTlsPort() const;
    // Set once started(): the folder the messages go to, MailStore::directory() of the config's.
    QString directory() const;

signals:
    // Once every port listens: `port` is the plain one (implicitTlsPort() the other).
    void started(const QString &address, quint16 port);
    void messageReceived(const socketeer::StoredMessage &message);
    void clientConnected(const QString &peer);
    // After the client's session ended and anything half received was thrown away.
    void clientDisconnected(const QString &peer);
    void errorOccurred(const socketeer::Error &error);
    void stopped();

private:
    class Worker;
    void setListening(quint16 port, quint16 implicitTlsPort, const QString &directory);
    void finishStop();
    void join();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::StoredMessage)
