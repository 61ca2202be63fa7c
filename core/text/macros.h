#pragma once
// Macros in a message, expanded when it is sent, and the text-with-escapes form of a message
// (send boxes, saved messages, auto-reply rules). Parsing happens once (errors name the problem and
// its 1-based character position, and nothing is sent); expansion happens per send.
//
// Text mode: characters are encoded with the panel's TextEncoding; escapes
//   \r \n \t \\ \xNN (one byte)  \{ (a literal '{')  \$ (a literal '$')
//   \0 is a NUL byte, except in a rule's reply, where \0 … \9 are capture groups (see below).
// Plain mode (the send box, where text is sent as typed): only {{…}} is special; a backslash is
// sent as itself (a literal "{{" is written {{hex:7B 7B}}).
// Hex mode: pairs of hex digits ("01 03 0A", "0x01,0x03"); spaces, commas, colons and dashes
// separate; macros are allowed between bytes and insert their bytes.
//
// Macros, {{NAME}} or {{NAME:ARGUMENT}}:
//   {{counter}}                  a decimal counter, 1, 2, 3, …
//   {{counter:start=S,step=T,width=W,name=N}}   any of the options, in any order: the first value
//                                is S (default 1), each use adds T (default 1, may be negative),
//                                zero-padded to W digits (default 0: no padding, at most 20).
//                                Counters are kept per owner (a MacroState: a panel, a rule set) and
//                                per name (default ""): two {{counter}} in one message count twice.
//                                start= applies when the owner first uses that name.
//   {{date}} {{date:FORMAT}}     local date, "2026-12-05"; FORMAT as QDateTime::toString ("yyyyMMdd")
//   {{time}} {{time:FORMAT}}     local time, "14:03:07"; FORMAT as above ("HH:mm:ss.zzz")
//   {{unixtime}}                 seconds since 1970 (UTC), decimal
//   {{random:N}}                 a decimal number drawn uniformly from 0 … N-1 (N from 1 to 2^63):
//                                a number, because device protocols read digits or use {{hex:…}}
//   {{hex:01 02 FF}}             raw bytes, written in hex (also in text mode: bytes the encoding cannot make)
//   {{file:PATH}}                the file's bytes, read at each send; at most
//                                limits::kMacroFileBytes, a larger or unreadable file is an error
// In a rule's reply (captures allowed): \0 … \9 and ${N} insert capture group N of the rule's regular
// expression (0: the whole match), ${name} a named group; encoded like the text around them.

#include "encoding.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <mutex>

class QRegularExpressionMatch;

namespace socketeer {

// What counters an owner has reached. Thread-safe: the workers of a thread-per-client server
// expand one rule set's replies at the same time.
class MacroState {
public:
    // The counter's value for this use; the next use gets value + step.
    qint64 take(const QString &name, qint64 start, qint64 step);
    void reset();

private:
    std::mutex m_mutex;
    QHash<QString, qint64> m_next;
};

class MessageTemplate {
public:
    enum class Mode { Text, Hex, Plain };

    // `captures`: \N and ${…} refer to a regular expression's groups (a rule's reply).
    static Result<MessageTemplate> parse(QStringView text, Mode mode, TextEncoding encoding, bool captures = false);

    // The bytes to send now. Fails only for {{file:…}} (unreadable, too large) or a capture that
    // the encoding cannot carry; `match` may be null (captures are then empty).
    Result<QByteArray> expand(MacroState &state, const QRegularExpressionMatch *match = nullptr) const;

    // No macros and no captures: expand() always gives constant().
    bool isConstant() const { return m_parts.size() <= 1 && (m_parts.isEmpty() || m_parts.first().kind == Part::Bytes); }
    QByteArray constant() const { return m_parts.isEmpty() ? QByteArray() : m_parts.first().bytes; }
    // For checking a rule: the highest group number used (-1: none) and the group names used.
    int highestCaptureIndex() const;
    QStringList captureNames() const;

private:
    struct Part {
        enum Kind { Bytes, Counter, Date, Time, UnixTime, Random, File, CaptureIndex, CaptureName };
        Kind kind = Bytes;
        QByteArray bytes;     // Bytes
        QString text;         // Counter: name; Date/Time: format; File: path; CaptureName: name
        qint64 a = 0;         // Counter: start; Random: N; CaptureIndex: group
        qint64 b = 0;         // Counter: step
        int width = 0;        // Counter
    };
    void append(Part part);

    QList<Part> m_parts;
    TextEncoding m_encoding = TextEncoding::Utf8;
};

// The send box's one call: parse and expand text with escapes and macros.
Result<QByteArray> expandMessage(QStringView text, MessageTemplate::Mode mode, TextEncoding encoding, MacroState &state);

} // namespace socketeer
