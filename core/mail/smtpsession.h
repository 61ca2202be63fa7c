#pragma once
// A blocking SMTP client (RFC 5321) for a worker thread, over the core's native socket: greeting,
// EHLO (HELO when EHLO is refused), MAIL FROM, RCPT TO for every envelope recipient, DATA with the
// message streamed through dot-stuffing as it is built, QUIT. Every wait — connecting, each reply,
// the server taking our bytes — has a timeout, and a signal on the cancel Wakeup ends any of them.
// Security: none, STARTTLS (refused, before anything else is sent, when the server does not offer
// it: no silent downgrade; a fresh EHLO after the handshake) or implicit TLS from the first byte
// (port 465). Certificates are verified (tlsstream.h). AUTH PLAIN, LOGIN or XOAUTH2 after that —
// never over an unencrypted connection to anything but loopback unless the caller allows it.
//
// The transcript gets every line sent and received. A line that carries a secret (AUTH) is given
// to it already masked: the command layer sends one text and shows another, so the secret never
// reaches the callback at all. Errors name the step that failed by a fixed label ("the password of
// AUTH LOGIN"), never by the line that was sent; the password itself is a Secret, which has no
// text form but "********".

#include "mail/mailmessage.h"
#include "mail/smtpreply.h"
#include "net/address.h"
#include "net/error.h"
#include "net/tlsstream.h"
#include "text/secret.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace socketeer {

class Wakeup;

struct SmtpTranscriptLine {
    // Note: what happened on the connection that is no SMTP line ("TLS 1.3 established").
    enum class Direction { Client, Server, Note };
    Direction direction = Direction::Client;
    QString text;          // the line without CRLF, as shown (masked when `masked`)
    bool masked = false;   // part of the line was replaced because it carried a secret
    // "C: EHLO example.org", "S: 250-SIZE 10240000", "* TLS 1.3, TLS_AES_256_GCM_SHA384"
    QString toString() const;
};

enum class SmtpSecurity { None, StartTls, Tls };
// How to log in. Auto: PLAIN when offered, else LOGIN. XOAuth2: the password is an OAuth 2 token.
enum class SmtpAuthMethod { Auto, Plain, Login, XOAuth2 };

struct SmtpSessionOptions {
    Endpoint server;                                      // host and port
    SmtpSecurity security = SmtpSecurity::None;
    QString caFile;                                       // extra CA certificates (PEM)
    QStringList trustedFingerprints;                      // SHA-256 of certificates the user trusted
    QString user;                                         // empty: no AUTH
    Secret password;                                      // or the token, for XOAuth2
    SmtpAuthMethod authMethod = SmtpAuthMethod::Auto;
    // AUTH over an unencrypted connection to a server that is not on loopback: refused unless set.
    bool allowUnencryptedAuth = false;
    // The name we give in EHLO/HELO; empty: our own address as an address literal ("[127.0.0.1]").
    QString clientName;
    std::chrono::milliseconds connectTimeout{15000};
    std::chrono::milliseconds timeout{60000};             // every other wait
    const Wakeup *cancel = nullptr;                       // signalled from another thread: give up
    std::function<void(const SmtpTranscriptLine &)> transcript;
    // Bytes of the message handed to the server so far, and the message's size (-1 when the size
    // was not measured: it is measured only when the server announces a SIZE limit).
    std::function<void(qint64 sent, qint64 total)> progress;
};

// The command layer's own check, whatever the layers above checked: no CR, LF or NUL in a command
// line (they would end it early and start another: command injection).
Result<void> validateSmtpCommand(QByteArrayView line);

class SmtpSession {
public:
    // How long the reply to QUIT is waited for, after the message was accepted: only politeness
    // is at stake then, so a server that never answers costs seconds, not `timeout`.
    static constexpr std::chrono::milliseconds QuitReplyTimeout{3000};

    explicit SmtpSession(SmtpSessionOptions options);
    ~SmtpSession();
    SmtpSession(const SmtpSession &) = delete;
    SmtpSession &operator=(const SmtpSession &) = delete;

    // Connects, sends the message and says QUIT. Success only when the server accepted the
    // message (250 after the final "."). Errors are in plain words, naming what the server
    // refused and quoting its reply.
    Result<void> send(const MailMessage &message);

    // What the server offered in its EHLO reply (empty after HELO), once send() got that far.
    const SmtpExtensions &extensions() const;
    // The certificate that failed verification, when send() failed for that reason: shown to the
    // user, who may trust it (its sha256 goes into trustedFingerprints for the next attempt).
    const std::optional<TlsCertificateInfo> &rejectedCertificate() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer
