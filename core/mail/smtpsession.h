#pragma once
// A blocking SMTP client (RFC 5321) for a worker thread, over the core's native socket: greeting,
// EHLO (HELO when EHLO is refused), MAIL FROM, RCPT TO for every envelope recipient, DATA with the
// message streamed through dot-stuffing as it is built, QUIT. Every wait — connecting, each reply,
// the server taking our bytes — has a timeout, and a signal on the cancel Wakeup ends any of them.
// Plain TCP only in this slice: STARTTLS, implicit TLS and AUTH come next.
//
// The transcript gets every line sent and received. A line that carries a secret (AUTH, later) is
// given to it already masked: the command layer sends one text and shows another, so the secret
// never reaches the callback at all.

#include "mail/mailmessage.h"
#include "mail/smtpreply.h"
#include "net/address.h"
#include "net/error.h"

#include <QByteArrayView>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace socketeer {

class Wakeup;

struct SmtpTranscriptLine {
    enum class Direction { Client, Server };
    Direction direction = Direction::Client;
    QString text;          // the line without CRLF, as shown (masked when `masked`)
    bool masked = false;   // part of the line was replaced because it carried a secret
    // "C: EHLO example.org", "S: 250-SIZE 10240000"
    QString toString() const;
};

struct SmtpSessionOptions {
    Endpoint server;                                      // host and port
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

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer
