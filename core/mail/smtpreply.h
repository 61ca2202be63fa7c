#pragma once
// SMTP replies read strictly (RFC 5321 4.2): every line is a three-digit code, then "-" when more
// lines follow or a space (or nothing) on the last one, then text. All lines of one reply carry
// the same code. Anything else — a short line, a letter in the code, another separator, a control
// character in the text, a change of code half-way — is an error, never guessed at.
// And the EHLO reply's keywords (RFC 5321 4.1.1.1, 2.2.2): SIZE, 8BITMIME, SMTPUTF8, PIPELINING,
// STARTTLS, AUTH. Pure functions: no sockets here.

#include "net/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace socketeer {

struct SmtpReplyLine {
    int code = 0;          // 200..599
    bool last = true;      // false for "250-...", true for "250 ..." and a bare "250"
    QByteArray text;       // what follows the separator
};

// One line without its CRLF.
Result<SmtpReplyLine> parseSmtpReplyLine(QByteArrayView line);

struct SmtpReply {
    int code = 0;
    QList<QByteArray> lines;   // the text of every line, in order

    int kind() const { return code / 100; }   // 2 done, 3 go on, 4 try later, 5 refused
    bool isPositive() const { return code >= 200 && code < 400; }
    // The lines' text joined with spaces, as UTF-8 (bytes that are not become U+FFFD), for errors.
    QString text() const;
    // "550 no such user": the code and text(), for errors people read.
    QString describe() const;
};

// Gathers the lines of one reply as they arrive.
class SmtpReplyReader {
public:
    // Longest line accepted (RFC 5321 4.5.3.1.5 says 512 octets with the CRLF; we allow more, as
    // real servers exceed it, but not without bound), and most lines in one reply.
    static constexpr qsizetype MaxLineLength = 2000;
    static constexpr qsizetype MaxLines = 500;

    // Takes one line (without CRLF). True when this line completed the reply (take it with
    // take()); false when more lines are needed; an error for a malformed line or a code that
    // differs from the lines before it.
    Result<bool> addLine(QByteArrayView line);
    SmtpReply take();
    bool inProgress() const { return !m_reply.lines.isEmpty(); }

private:
    SmtpReply m_reply;
};

// A whole reply from its lines (each without CRLF): an error unless the lines make exactly one
// complete reply.
Result<SmtpReply> parseSmtpReply(const QList<QByteArray> &lines);

// What the server said it can do in its EHLO reply.
struct SmtpExtensions {
    bool size = false;           // SIZE offered
    qint64 sizeLimit = 0;        // its limit in octets; 0: offered with no fixed limit
    bool eightBitMime = false;
    bool smtpUtf8 = false;
    bool pipelining = false;
    bool startTls = false;
    QStringList authMechanisms;  // upper-case: "PLAIN", "LOGIN", "XOAUTH2"
};

// The keywords of a positive EHLO reply (the first line is the server's greeting and is skipped).
// Keywords are case-insensitive; unknown ones are ignored; "AUTH=..." (old servers) counts as AUTH.
// A SIZE with a parameter that is not a number is an error.
Result<SmtpExtensions> parseEhloExtensions(const SmtpReply &reply);

} // namespace socketeer
