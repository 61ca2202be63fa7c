#pragma once
// Auto-reply rules: each message received (after framing) is matched against rules in order, and a
// matching rule's reply (text with escapes and macros, or hex) goes back to the sender or to every
// client, at once or after a delay, every time, once, or at most N times.
//
// ReplyRuleSet is the plain value a panel's table edits and the JSON file holds (docs/RULES.md);
// AutoReplier is the compiled, immutable form the workers share; AutoReplyStream is one connection's
// (or one UDP peer's) state: its Deframer and its delayed replies. Matching works on bytes:
// exact/contains/starts/ends compare the pattern encoded with the set's encoding, hex compares bytes
// with ?? wildcards, and a regular expression runs on the message decoded with that encoding.
//
// Hex patterns: byte pairs and "??" (any one byte), separated by spaces or not: "01 03 ?? ?? 00 0A".
// A hex rule matches the whole message (exact) unless it ends in "*", which matches any rest:
// "01 03 *" matches every message that begins 01 03.
//
// The --reply form (command line): KIND:PATTERN=>REPLY, KIND one of exact contains starts ends regex
// hex; REPLY is text with escapes and macros, or "hex:…" for a hex reply. The first "=>" splits.

#include "framing.h"
#include "macros.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <bitset>
#include <chrono>
#include <memory>
#include <vector>

namespace socketeer {

enum class MatchKind { Exact, Contains, StartsWith, EndsWith, Regex, Hex };
enum class ReplyFormat { Text, Hex };
enum class ReplyTarget { Sender, All };

QString matchKindName(MatchKind kind);   // "exact", "contains", "starts", "ends", "regex", "hex"
std::optional<MatchKind> matchKindFromName(QStringView name);

struct ReplyRule {
    QString name;                              // optional, for people
    bool enabled = true;
    MatchKind match = MatchKind::Contains;
    QString pattern;
    bool caseInsensitive = false;              // text kinds and regex
    ReplyFormat format = ReplyFormat::Text;
    QString reply;
    std::chrono::milliseconds delay{0};
    ReplyTarget target = ReplyTarget::Sender;
    int maxFires = 0;                          // 0: every time; 1: once; N: at most N times (per rule set)

    friend bool operator==(const ReplyRule &, const ReplyRule &) = default;
};

struct ReplyRuleSet {
    QList<ReplyRule> rules;                    // in order; no limit on their number
    bool allMatches = false;                   // false: the first matching rule only
    TextEncoding encoding = TextEncoding::Utf8;
    std::optional<FrameSpec> framing;          // what splits the stream into messages (unset: line)

    FrameSpec effectiveFraming() const;
    QByteArray toJson() const;
    // Errors name the rule (1-based, as a person counts) and its field: "rule 3, \"match\": …".
    static Result<ReplyRuleSet> fromJson(const QByteArray &json);

    friend bool operator==(const ReplyRuleSet &, const ReplyRuleSet &) = default;
};

// "regex:^PING (\d+)$=>PONG \1" → a rule; errors say which part is wrong.
Result<ReplyRule> parseReplySpec(QStringView spec);

// Hex with ?? wildcards and an optional trailing "*".
struct HexPattern {
    QByteArray bytes;
    QByteArray mask;        // 0xFF: must equal; 0: any byte
    bool openEnded = false; // "*" at the end: any rest
    static Result<HexPattern> parse(QStringView text);
    bool matches(QByteArrayView message) const;
};

// One reply a message caused.
struct AutoReply {
    int rule = 0;                           // index in the set
    ReplyTarget target = ReplyTarget::Sender;
    std::chrono::milliseconds delay{0};
    QByteArray bytes;
    QString error;                          // non-empty: the reply could not be built (nothing is sent)
    quint64 cookie = 0;                     // the caller's, from pushMessage (UDP: whom to answer)
};

// The compiled rules, shared by every connection of a server (or a client, a UDP endpoint).
// Thread-safe: matching is const; fire counts and counters are atomics/locked.
class AutoReplier {
public:
    static Result<std::shared_ptr<const AutoReplier>> compile(const ReplyRuleSet &set);

    // The replies to one message, in rule order.
    QList<AutoReply> respond(QByteArrayView message) const;
    const FrameSpec &framing() const { return m_framing; }
    const ReplyRuleSet &ruleSet() const { return m_set; }
    int firedCount(int rule) const;

private:
    struct Compiled {
        MatchKind kind = MatchKind::Contains;
        QByteArray literal;           // text kinds, encoded
        QRegularExpression regex;
        QByteArray regexPrefix;       // bytes every match starts with (an anchored literal start), or empty
        std::optional<std::bitset<128>> regexFirstBytes;   // else the ASCII bytes a match can start with, if known
        HexPattern hex;
        MessageTemplate reply;
        ReplyTarget target = ReplyTarget::Sender;
        std::chrono::milliseconds delay{0};
        int maxFires = 0;
        bool caseInsensitive = false;
    };
    AutoReplier() = default;
    bool claim(int rule) const;

    ReplyRuleSet m_set;
    std::vector<Compiled> m_rules;   // enabled rules only; `index` maps back
    std::vector<int> m_index;
    FrameSpec m_framing;
    bool m_needsText = false;
    mutable std::unique_ptr<std::atomic<int>[]> m_fired;
    mutable MacroState m_macros;
};

// One connection's side of the rules: splits its stream and holds its delayed replies. Owned by
// the worker that owns the connection; not thread-safe.
class AutoReplyStream {
public:
    using Clock = std::chrono::steady_clock;
    explicit AutoReplyStream(std::shared_ptr<const AutoReplier> replier);

    // Received bytes → the replies due now (delayed ones are kept for due()).
    QList<AutoReply> push(QByteArrayView bytes, Clock::time_point now = Clock::now());
    // One whole message (UDP: a datagram is one message unless framing says otherwise).
    // `cookie` is copied into each reply, so a delayed one still knows whom it answers.
    QList<AutoReply> pushMessage(QByteArrayView message, Clock::time_point now = Clock::now(), quint64 cookie = 0);
    // Delayed replies whose time has come.
    QList<AutoReply> due(Clock::time_point now);
    std::optional<Clock::time_point> nextDue() const;
    // The cookies of the replies still waiting.
    QList<quint64> pendingCookies() const;

private:
    void schedule(QList<AutoReply> &replies, Clock::time_point now, QList<AutoReply> &out);

    std::shared_ptr<const AutoReplier> m_replier;
    Deframer m_deframer;
    struct Pending {
        Clock::time_point at;
        AutoReply reply;
    };
    std::vector<Pending> m_pending;   // in order of due time, ties in arrival order
};

} // namespace socketeer
