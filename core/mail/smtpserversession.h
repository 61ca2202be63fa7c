#pragma once
// The server side of one SMTP connection (RFC 5321), as a pure state machine: bytes in, replies
// out, the message handed to a sink as it streams past. No sockets and no threads here — the
// receiver (smtpreceiver.h) feeds it what a client sent and sends back what it answers — so every
// rule below holds the same for any transport.
//
// What it enforces: commands in order (503 otherwise), a command line limit (500 past it, without
// buffering the rest), the message size limit (552, after reading to the end of DATA so the
// connection stays usable), a recipient limit (452), SMTPUTF8 before any non-ASCII address, a cap
// on errors (421 and close). DATA ends only at CRLF "." CRLF: a bare LF "." LF is message text, so
// the receiver cannot be used for SMTP smuggling. Pipelined commands are answered in order.
//
// Security (SmtpSessionPolicy): STARTTLS (RFC 3207) when the receiver can upgrade the connection —
// the session answers 220 and asks for the upgrade (startTlsRequested()); whatever the client
// pipelined behind the STARTTLS line is thrown away, never read as a command after the upgrade
// (CVE-2011-0411's class); after tlsStarted() the client starts again with EHLO. AUTH PLAIN and
// LOGIN (RFC 4954), only under TLS or from a loopback peer (538 otherwise); the password never
// reaches the transcript. "Require TLS" refuses MAIL with 530 until STARTTLS. Failure injection
// answers a chosen code at AUTH, MAIL, RCPT or DATA instead of the normal reply.

#include "mail/smtpfailures.h"
#include "mail/smtpinboxauth.h"
#include "net/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace socketeer {

// Who sent a message and to whom, as the SMTP dialogue said (not the headers: Bcc lives only here).
struct SmtpEnvelope {
    QString heloName;          // what the client called itself in EHLO/HELO
    bool extended = false;     // it said EHLO, not HELO: ESMTP
    QString mailFrom;          // empty for the null reverse-path "<>"
    QStringList recipients;
    QString peer;              // "127.0.0.1:53314"
    QDateTime receivedAt;      // when DATA ended (UTC)
    bool smtpUtf8 = false;     // MAIL FROM … SMTPUTF8
    QString body;              // "7BIT", "8BITMIME" or empty (not said)
    QStringList transcript;    // the dialogue of this transaction: "C: MAIL FROM:<a@b>", "S: 250 2.1.0 OK"
    bool tls = false;          // the message came under TLS (STARTTLS or implicit)
    QString tlsVersion;        // "TLSv1.3"; empty without TLS
    QString tlsCipher;         // "TLS_AES_256_GCM_SHA384"; empty without TLS
    QString authUser;          // who logged in with AUTH (control characters replaced); empty: nobody
};

// The connection's TLS, as the receiver's TLS engine describes it.
struct SmtpTlsInfo {
    bool active = false;
    QString version;
    QString cipher;
};

// How one session treats security; the receiver fills it from its config and the connection.
struct SmtpSessionPolicy {
    // The receiver can upgrade this connection (it has a certificate and a TLS engine): STARTTLS
    // is offered after EHLO while the connection is plain.
    bool startTlsAvailable = false;
    // MAIL (and AUTH) answered 530 5.7.0 until the connection is under TLS.
    bool requireTls = false;
    SmtpAuthPolicy auth;
    SmtpFailurePolicy failures;
    // The peer is on this machine: AUTH is offered without TLS (nobody else can read the line).
    bool peerIsLoopback = false;
    // Implicit TLS: the connection was under TLS from its first byte.
    SmtpTlsInfo tls;
};

struct SmtpReceiverLimits {
    qint64 maxMessageBytes = 64 * 1024 * 1024;
    int maxRecipients = 100;
    // RFC 5321 4.5.3.1.4 allows 512 octets and more for extensions' parameters; Postfix takes 2048.
    int maxCommandLineBytes = 2048;
    int maxErrors = 20;             // bad commands before the connection is closed
};

// Where a session puts a message while it arrives: the mail store (mailstore.h) in the app.
class SmtpMessageSink {
public:
    virtual ~SmtpMessageSink() = default;
    // DATA was accepted: a message starts. An error is answered 451 and the message refused.
    virtual Result<void> begin(const SmtpEnvelope &envelope) = 0;
    // The message's bytes, dot-unstuffed, in order. After an error the session stops writing and
    // answers 451 at the end of DATA.
    virtual Result<void> write(QByteArrayView bytes) = 0;
    // The end of DATA: make the message durable before the session says 250. Returns the id the
    // 250 reply names. `envelope` is the begin() one with receivedAt and the transcript filled in.
    virtual Result<QString> finish(const SmtpEnvelope &envelope) = 0;
    // The message will not be kept (too large, connection lost): leave nothing of it behind.
    virtual void abort() = 0;
};

class SmtpServerSession {
public:
    enum class Direction { Client, Server };
    // Every line of the dialogue as it happens, for a live view; message text is summarised.
    using TranscriptHook = std::function<void(Direction, const QString &line)>;

    SmtpServerSession(QString hostName, SmtpReceiverLimits limits, SmtpMessageSink &sink, QString peer,
                      SmtpSessionPolicy policy = {});
    SmtpServerSession(const SmtpServerSession &) = delete;
    SmtpServerSession &operator=(const SmtpServerSession &) = delete;
    ~SmtpServerSession();   // a message still arriving is aborted

    void setTranscriptHook(TranscriptHook hook) { m_hook = std::move(hook); }

    QByteArray greeting();
    // What the client sent, in any pieces; returns the replies to send, in order (maybe none).
    // After a STARTTLS it accepted, the rest of `bytes` and everything given before tlsStarted()
    // is discarded unread.
    QByteArray receive(QByteArrayView bytes);
    // The client went quiet for too long: the 421 to send before closing.
    QByteArray timedOut();
    // The connection is gone: a message half received is dropped.
    void connectionLost();

    // Send what receive() returned, then close: after QUIT, or after too many errors.
    bool closeRequested() const { return m_close; }
    // Send what receive() returned (it ends with the 220 to STARTTLS), then start the TLS
    // handshake as the server, then call tlsStarted(); a failed handshake closes the connection.
    bool startTlsRequested() const { return m_startTlsRequested; }
    // While startTlsRequested(): the 220 line (with its CRLF) that ends what receive() returned,
    // for a transport that sends the STARTTLS reply itself before its handshake
    // (TcpServer::startTls(id, reply, context)): send the rest, then hand it this.
    const QByteArray &startTlsReply() const { return m_startTlsReply; }
    // Bytes thrown away after the STARTTLS line (pipelined by the client, or given before
    // tlsStarted()), counted since the STARTTLS. Never interpreted.
    qsizetype discardedAfterStartTls() const { return m_discarded; }
    // The handshake is done: the session is back where it was after the greeting (the client must
    // EHLO again), has forgotten what the client told it (RFC 3207 4.2: EHLO name, AUTH, any
    // transaction) and no longer offers STARTTLS.
    void tlsStarted(const SmtpTlsInfo &tls);
    const SmtpTlsInfo &tls() const { return m_tls; }
    // Who logged in with AUTH on this connection; empty: nobody (yet).
    const QString &authenticatedUser() const { return m_authUser; }
    bool receivingMessage() const { return m_state == State::Data; }
    const SmtpReceiverLimits &limits() const { return m_limits; }

private:
    enum class State { Command, Data };
    // Inside an AUTH exchange the next line is the client's base64 answer, not a command.
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };

    qsizetype receiveCommands(QByteArrayView bytes, QByteArray &out);
    qsizetype receiveData(QByteArrayView bytes, QByteArray &out);
    void command(QByteArrayView line, QByteArray &out);
    void hello(const QByteArray &verb, QByteArrayView argument, QByteArray &out);
    void mailFrom(QByteArrayView argument, QByteArray &out);
    void rcptTo(QByteArrayView argument, QByteArray &out);
    void data(QByteArrayView argument, QByteArray &out);
    void startTls(QByteArrayView argument, QByteArray &out);
    void auth(QByteArrayView argument, QByteArray &out);
    void authResponse(QByteArrayView line, QByteArray &out);
    void plainResponse(const QByteArray &decoded, QByteArray &out);
    void authenticate(const QString &user, const QString &password, QByteArray &out);
    bool injectFailure(SmtpStage stage, QByteArray &out);
    bool authAllowedHere() const;
    void endOfData(QByteArray &out);
    void messageBytes(QByteArrayView bytes);
    void resetTransaction();
    void reply(QByteArray &out, int code, const char *enhanced, const QString &text);
    void replyLines(QByteArray &out, int code, const QStringList &lines);
    void error(QByteArray &out, int code, const char *enhanced, const QString &text);
    void note(Direction direction, const QString &line);

    const QString m_hostName;
    const SmtpReceiverLimits m_limits;
    SmtpMessageSink &m_sink;
    const QString m_peer;
    const SmtpSessionPolicy m_policy;
    TranscriptHook m_hook;

    SmtpTlsInfo m_tls;
    bool m_startTlsRequested = false;
    QByteArray m_startTlsReply;
    qsizetype m_discarded = 0;
    AuthStep m_authStep = AuthStep::None;
    QString m_loginUser;        // AUTH LOGIN: the user, while the password is asked for
    QString m_authUser;

    State m_state = State::Command;
    bool m_close = false;
    int m_errors = 0;
    QString m_helo;
    bool m_extended = false;    // EHLO (not HELO): the extensions apply
    bool m_haveSender = false;
    SmtpEnvelope m_envelope;

    QByteArray m_line;          // a command line not yet ended
    bool m_lineTooLong = false; // discarding up to the next LF

    // DATA: the message streams to the sink; only a possible "." line start waits here.
    QByteArray m_pending;
    bool m_atLineStart = true;  // just after CRLF (or at the start of the message)
    bool m_lastWasCr = false;
    qint64 m_messageBytes = 0;
    bool m_tooLarge = false;
    bool m_sinkOpen = false;
    std::optional<Error> m_writeError;
};

} // namespace socketeer
