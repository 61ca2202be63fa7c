#pragma once
// The lines of a chat room as a client receives them (docs/CHAT.md, "Every line a client receives
// is one of these"), told apart by their start: a notice, an action, a private message in or out,
// NAME: TEXT, or anything else (a plain line, from a peer that speaks no protocol at all). Pure
// functions of bytes, so they can be fuzzed; a ChatReader adds the framing (bounded lines) and
// remembers who "I" am from the server's `*** you are NAME` and `*** you are now NEW`.
//
// Every text a ChatLine carries is safe to show: decoded with the panel's encoding (bytes that do
// not decode are \xNN), control characters and bidirectional overrides escaped (terminalSafe), so a
// peer cannot paint over a line, change colours or reverse what follows its name.

#include "text/encoding.h"
#include "text/framing.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace socketeer {

enum class ChatLineKind {
    Plain,        // anything else: the server's own user, or a peer without the protocol
    Message,      // NAME: TEXT
    Action,       // * NAME ACTION
    PrivateIn,    // *NAME* TEXT, from NAME to me
    PrivateOut,   // -> *NAME* TEXT, my private message delivered to NAME
    Notice,       // *** TEXT, from the server
};

struct ChatLine {
    ChatLineKind kind = ChatLineKind::Plain;
    QString name;   // Message, Action, PrivateIn: who; PrivateOut: to whom; else empty
    QString text;   // what follows the name (Notice: after "*** "; Plain: the whole line)
    friend bool operator==(const ChatLine &, const ChatLine &) = default;
};

// The longest NAME taken as one: a nickname is at most 128 bytes, an address less.
inline constexpr qsizetype kChatNameMaxBytes = 128;
// The longest line a ChatReader shows: the room's own limit is 8192 bytes; a peer without the
// protocol gets more room, but never an unbounded buffer.
inline constexpr qsizetype kChatLineMaxBytes = 64 * 1024;

// One received line (without its LF; a CR before it already dropped) classified. NAME has no
// space (but `client 7`, the room's name for a Unix-socket client without one), does not start
// with '*' or '/', is at most kChatNameMaxBytes: otherwise the line is Plain, so "Note that: x"
// from a plain peer stays a plain line.
ChatLine parseChatLine(QByteArrayView line, TextEncoding encoding = TextEncoding::Utf8);

// Text for the screen: decoded, controls and direction overrides escaped, never a raw control.
QString chatDisplayText(QByteArrayView bytes, TextEncoding encoding = TextEncoding::Utf8);

// The name this notice says I have (`you are NAME`, `you are now NEW`, `you are already NAME`),
// or an empty string.
QString ownNameFromNotice(QStringView noticeText);

// What two names are compared by, as the room compares nicknames: NFKC, then case folded.
QString chatNameKey(QStringView name);

// A name that mixes Latin, Greek and Cyrillic letters ("аlice" with a Cyrillic а): the usual way
// to look like someone else. Chinese with Latin ("小明2", "Tom李") is not mixing in this sense.
bool chatNameMixesScripts(QStringView name);

// Splits a connection's bytes into lines (LF, an optional CR before it dropped), bounded by
// kChatLineMaxBytes, classifies each, and tracks my own name.
class ChatReader {
public:
    struct Item {
        enum class Type { Line, TooLong };
        Type type = Type::Line;
        ChatLine line;
        bool own = false;   // a Message, Action or notice about me (my name, known from the server)
    };

    ChatReader();
    void setEncoding(TextEncoding encoding) { m_encoding = encoding; }
    TextEncoding encoding() const { return m_encoding; }

    QList<Item> push(QByteArrayView bytes);
    // The connection ended: a last line without its LF still counts. Also forgets my name.
    QList<Item> finish();
    void reset();

    // My name in the room, as the server last said it; empty until it says.
    QString ownName() const { return m_ownName; }
    bool speaksProtocol() const { return !m_ownName.isEmpty(); }
    bool isOwnName(QStringView name) const;

private:
    Item classify(QByteArrayView line);

    Deframer m_deframer;
    TextEncoding m_encoding = TextEncoding::Utf8;
    QString m_ownName;
    QString m_ownKey;
};

} // namespace socketeer
