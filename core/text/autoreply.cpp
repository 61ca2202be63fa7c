#include "autoreply.h"

#include "net/limits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpressionMatch>
#include <QStringDecoder>

#include <algorithm>
#include <bitset>
#include <optional>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::AutoReply)
};

const char *const kMatchNames[] = {"exact", "contains", "starts", "ends", "regex", "hex"};

QString decodeForMatching(QByteArrayView bytes, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QString::fromUtf8(bytes);
    case TextEncoding::Latin1:
        return QString::fromLatin1(bytes);
    case TextEncoding::Gbk:
    case TextEncoding::Gb18030: {
        QStringDecoder decoder(encoding == TextEncoding::Gbk ? "GBK" : "GB18030");
        if (!decoder.isValid())
            return QString::fromLatin1(bytes);
        return decoder.decode(bytes);
    }
    }
    return {};
}

bool asciiCaseEqual(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

// The literal text an anchored regular expression's every match starts with: "^PING (\d+)$" gives
// "PING ". Checked on the bytes before the expression runs, so a message that cannot match costs a
// memcmp instead of a QRegularExpressionMatch (which allocates). Only ASCII is taken, which every
// supported encoding keeps as the same single byte at the start of a message; anything unusual (an
// alternation, an option, case-insensitivity, a quantifier after the last literal) ends the prefix.
QByteArray literalPrefix(const QString &pattern)
{
    if (!pattern.startsWith(QLatin1Char('^')) || pattern.contains(QLatin1Char('|')))
        return {};
    QByteArray prefix;
    qsizetype i = 1;
    while (i < pattern.size()) {
        const char16_t c = pattern.at(i).unicode();
        char literal = 0;
        qsizetype width = 1;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == ':' || c == '"'
            || c == ',' || c == '=' || c == '<' || c == '>' || c == '/' || c == '@' || c == '_' || c == '-' || c == '!'
            || c == '\'' || c == '%' || c == '&' || c == ';' || c == '~') {
            literal = static_cast<char>(c);
        } else if (c == '\\' && i + 1 < pattern.size()) {
            const char16_t e = pattern.at(i + 1).unicode();
            if (e < 0x80 && QByteArrayView(".+*?()[]{}|^$\\/-").contains(static_cast<char>(e))) {
                literal = static_cast<char>(e);
                width = 2;
            }
        }
        if (!literal)
            break;
        const qsizetype next = i + width;
        if (next < pattern.size()) {
            const char16_t q = pattern.at(next).unicode();
            if (q == '?' || q == '*' || q == '{' || q == '+')
                break;   // quantified: this literal may be absent or repeated
        }
        prefix.append(literal);
        i = next;
    }
    return prefix;
}

// The ASCII letters and digits an anchored expression's first character must be, when its first
// item is a plain class of them ("^[0-9A-F]{2} …" gives 0-9 and A-F), \d ("^\d{4}-…") or a group of
// plain words ("^(?:QUIT|EXIT|BYE)$" gives Q, E and B), and that
// item is not optional (no ?, *, {0 after it). Checked on the message's first byte before the
// expression runs: a byte below 0x80 is the same character in every supported encoding, so a
// message whose first byte is ASCII and not in the set cannot match (and an empty one neither).
// Case-insensitive expressions are left alone (PCRE2 folds K to the Kelvin sign), and so is any
// pattern with a "|" outside that group (the "^" would bind to one branch only).
std::optional<std::bitset<128>> firstByteSet(const QString &pattern)
{
    if (!pattern.startsWith(QLatin1Char('^')))
        return std::nullopt;
    auto alnum = [](char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    std::bitset<128> set;
    qsizetype i = 1;
    if (pattern.mid(i, 2) == QLatin1String("\\d")) {
        for (char c = '0'; c <= '9'; ++c)
            set.set(static_cast<size_t>(c));
        i += 2;
    } else if (i < pattern.size() && pattern.at(i) == QLatin1Char('[')) {
        ++i;
        while (i < pattern.size() && pattern.at(i) != QLatin1Char(']')) {
            const char16_t lo = pattern.at(i).unicode();
            if (!alnum(lo))
                return std::nullopt;   // a negation, an escape, a POSIX class, punctuation: not this simple form
            char16_t hi = lo;
            if (i + 2 < pattern.size() && pattern.at(i + 1) == QLatin1Char('-') && pattern.at(i + 2) != QLatin1Char(']')) {
                hi = pattern.at(i + 2).unicode();
                if (!alnum(hi) || hi < lo || (lo <= '9') != (hi <= '9') || (lo >= 'a') != (hi >= 'a'))
                    return std::nullopt;   // only 0-9, A-Z, a-z style ranges
                i += 2;
            }
            for (char16_t c = lo; c <= hi; ++c)
                set.set(c);
            ++i;
        }
        if (i >= pattern.size() || set.none())
            return std::nullopt;
        ++i;   // the ]
    } else if (pattern.mid(i, 3) == QLatin1String("(?:")) {
        // A group of plain words, "^(?:QUIT|EXIT|BYE)$": each branch's first letter. Its "|" are
        // inside the group, so the "^" holds for every branch.
        i += 3;
        bool branchStart = true;
        while (i < pattern.size() && pattern.at(i) != QLatin1Char(')')) {
            const char16_t c = pattern.at(i).unicode();
            if (c == '|') {
                if (branchStart)
                    return std::nullopt;   // an empty branch matches nothing, so anything may follow
                branchStart = true;
            } else if (alnum(c)) {
                if (branchStart)
                    set.set(c);
                branchStart = false;
            } else {
                return std::nullopt;
            }
            ++i;
        }
        if (i >= pattern.size() || branchStart)
            return std::nullopt;
        ++i;   // the )
    } else {
        return std::nullopt;
    }
    if (pattern.indexOf(QLatin1Char('|'), i) >= 0)
        return std::nullopt;   // a "|" outside: the "^" would bind to one branch only
    if (i < pattern.size()) {
        const char16_t q = pattern.at(i).unicode();
        if (q == '?' || q == '*')
            return std::nullopt;
        if (q == '{' && !(i + 1 < pattern.size() && pattern.at(i + 1) >= QLatin1Char('1') && pattern.at(i + 1) <= QLatin1Char('9')))
            return std::nullopt;   // {0,…} or {,…}: may be absent
    }
    return set;
}

Error ruleError(qsizetype rule, const QString &field, const QString &what)
{
    return Error::invalid(Text::tr("rule %1, \"%2\": %3").arg(rule + 1).arg(field, what));
}

} // namespace

QString matchKindName(MatchKind kind)
{
    return QString::fromLatin1(kMatchNames[static_cast<int>(kind)]);
}

std::optional<MatchKind> matchKindFromName(QStringView name)
{
    for (int i = 0; i < 6; ++i)
        if (name.compare(QLatin1String(kMatchNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<MatchKind>(i);
    if (name.compare(QLatin1String("startswith"), Qt::CaseInsensitive) == 0)
        return MatchKind::StartsWith;
    if (name.compare(QLatin1String("endswith"), Qt::CaseInsensitive) == 0)
        return MatchKind::EndsWith;
    return std::nullopt;
}

// ── Hex patterns ──────────────────────────────────────────────────────────────────────────

Result<HexPattern> HexPattern::parse(QStringView text)
{
    HexPattern out;
    const qsizetype n = text.size();
    auto digit = [](QChar c) {
        const char16_t u = c.unicode();
        if (u >= '0' && u <= '9') return u - '0';
        if (u >= 'a' && u <= 'f') return u - 'a' + 10;
        if (u >= 'A' && u <= 'F') return u - 'A' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < n;) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':') || c == QLatin1Char('-')) {
            ++i;
            continue;
        }
        if (out.openEnded)
            return Error::invalid(Text::tr("position %1: \"*\" may only end a hex pattern").arg(i + 1));
        if (c == QLatin1Char('*')) {
            out.openEnded = true;
            ++i;
            continue;
        }
        if (c == QLatin1Char('?')) {
            if (i + 1 >= n || text.at(i + 1) != QLatin1Char('?'))
                return Error::invalid(Text::tr("position %1: a wildcard is two question marks, \"??\" (one byte)").arg(i + 1));
            out.bytes.append('\0');
            out.mask.append('\0');
            i += 2;
            continue;
        }
        const int hi = digit(c);
        if (hi < 0)
            return Error::invalid(Text::tr("position %1: \"%2\" is not a hex digit, \"??\" or \"*\"").arg(i + 1).arg(c));
        const int lo = i + 1 < n ? digit(text.at(i + 1)) : -1;
        if (lo < 0)
            return Error::invalid(Text::tr("position %1: write each byte as two hex digits (0A, not A)").arg(i + 1));
        out.bytes.append(static_cast<char>((hi << 4) | lo));
        out.mask.append(static_cast<char>(0xFF));
        i += 2;
    }
    if (out.bytes.isEmpty() && !out.openEnded)
        return Error::invalid(Text::tr("an empty hex pattern"));
    return out;
}

bool HexPattern::matches(QByteArrayView message) const
{
    if (message.size() < bytes.size() || (!openEnded && message.size() != bytes.size()))
        return false;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if ((message[i] & mask[i]) != bytes[i])
            return false;
    return true;
}

// ── The --reply form ──────────────────────────────────────────────────────────────────────

Result<ReplyRule> parseReplySpec(QStringView spec)
{
    const qsizetype arrow = spec.indexOf(QStringLiteral("=>"));
    if (arrow < 0)
        return Error::invalid(Text::tr("\"%1\" has no \"=>\": write MATCH=>REPLY, e.g. 'regex:^PING (\\d+)$=>PONG \\1'").arg(spec.toString()));
    const QStringView match = spec.first(arrow);
    QStringView reply = spec.sliced(arrow + 2);
    const qsizetype colon = match.indexOf(QLatin1Char(':'));
    const auto kind = colon < 0 ? std::nullopt : matchKindFromName(match.first(colon));
    if (!kind)
        return Error::invalid(Text::tr("\"%1\" does not start with a kind: exact:, contains:, starts:, ends:, regex: or hex:")
                                  .arg(match.toString()));
    ReplyRule rule;
    rule.match = *kind;
    rule.pattern = match.sliced(colon + 1).toString();
    if (reply.startsWith(QLatin1String("hex:"))) {
        rule.format = ReplyFormat::Hex;
        reply = reply.sliced(4);
    }
    rule.reply = reply.toString();
    return rule;
}

// ── JSON ──────────────────────────────────────────────────────────────────────────────────

FrameSpec ReplyRuleSet::effectiveFraming() const
{
    if (framing)
        return *framing;
    auto line = FrameSpec::parse(u"line");
    return line ? *line : FrameSpec{};
}

QByteArray ReplyRuleSet::toJson() const
{
    QJsonArray array;
    for (const ReplyRule &rule : rules) {
        QJsonObject o;
        if (!rule.name.isEmpty())
            o[QStringLiteral("name")] = rule.name;
        if (!rule.enabled)
            o[QStringLiteral("enabled")] = false;
        o[QStringLiteral("match")] = matchKindName(rule.match);
        o[QStringLiteral("pattern")] = rule.pattern;
        if (rule.caseInsensitive)
            o[QStringLiteral("caseInsensitive")] = true;
        o[QStringLiteral("reply")] = rule.reply;
        if (rule.format == ReplyFormat::Hex)
            o[QStringLiteral("replyFormat")] = QStringLiteral("hex");
        if (rule.delay.count() > 0)
            o[QStringLiteral("delayMs")] = static_cast<qint64>(rule.delay.count());
        if (rule.target == ReplyTarget::All)
            o[QStringLiteral("to")] = QStringLiteral("all");
        if (rule.maxFires > 0)
            o[QStringLiteral("maxFires")] = rule.maxFires;
        array.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("mode")] = allMatches ? QStringLiteral("all") : QStringLiteral("first");
    root[QStringLiteral("encoding")] = encodingName(encoding);
    if (framing)
        root[QStringLiteral("framing")] = framing->toString();
    root[QStringLiteral("rules")] = array;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<ReplyRuleSet> ReplyRuleSet::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(Text::tr("not valid JSON at byte %1: %2").arg(parseError.offset + 1).arg(parseError.errorString()));
    if (!doc.isObject())
        return Error::invalid(Text::tr("a rules file is a JSON object with a \"rules\" array"));
    const QJsonObject root = doc.object();
    ReplyRuleSet set;
    static const QStringList kRootKeys = {QStringLiteral("version"), QStringLiteral("mode"), QStringLiteral("encoding"),
                                          QStringLiteral("framing"), QStringLiteral("rules")};
    for (const QString &key : root.keys())
        if (!kRootKeys.contains(key))
            return Error::invalid(Text::tr("unknown field \"%1\" (known: %2)").arg(key, kRootKeys.join(QStringLiteral(", "))));
    if (root.contains(QStringLiteral("version")) && root.value(QStringLiteral("version")).toInt(-1) != 1)
        return Error::invalid(Text::tr("\"version\": only version 1 is known"));
    if (root.contains(QStringLiteral("mode"))) {
        const QString mode = root.value(QStringLiteral("mode")).toString();
        if (mode != QLatin1String("first") && mode != QLatin1String("all"))
            return Error::invalid(Text::tr("\"mode\": \"first\" (the first matching rule replies) or \"all\", not \"%1\"").arg(mode));
        set.allMatches = mode == QLatin1String("all");
    }
    if (root.contains(QStringLiteral("encoding"))) {
        const auto encoding = encodingFromName(root.value(QStringLiteral("encoding")).toString());
        if (!encoding)
            return Error::invalid(Text::tr("\"encoding\": unknown encoding \"%1\"").arg(root.value(QStringLiteral("encoding")).toString()));
        set.encoding = *encoding;
    }
    if (root.contains(QStringLiteral("framing"))) {
        auto spec = FrameSpec::parse(root.value(QStringLiteral("framing")).toString());
        if (!spec)
            return Error::invalid(QStringLiteral("\"framing\": ") + spec.error().detail);
        set.framing = *spec;
    }
    const QJsonValue rulesValue = root.value(QStringLiteral("rules"));
    if (!rulesValue.isArray())
        return Error::invalid(Text::tr("\"rules\" must be an array of rules"));
    const QJsonArray array = rulesValue.toArray();
    static const QStringList kRuleKeys = {QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("match"),
                                          QStringLiteral("pattern"), QStringLiteral("caseInsensitive"), QStringLiteral("reply"),
                                          QStringLiteral("replyFormat"), QStringLiteral("delayMs"), QStringLiteral("to"),
                                          QStringLiteral("maxFires")};
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return ruleError(i, QStringLiteral("rules"), Text::tr("each rule is a JSON object"));
        const QJsonObject o = array.at(i).toObject();
        for (const QString &key : o.keys())
            if (!kRuleKeys.contains(key))
                return ruleError(i, key, Text::tr("unknown field (known: %1)").arg(kRuleKeys.join(QStringLiteral(", "))));
        ReplyRule rule;
        auto string = [&](const QString &key, QString &into, bool required) -> Result<void> {
            const QJsonValue v = o.value(key);
            if (v.isUndefined()) {
                if (required)
                    return ruleError(i, key, Text::tr("missing"));
                return {};
            }
            if (!v.isString())
                return ruleError(i, key, Text::tr("must be a string"));
            into = v.toString();
            return {};
        };
        auto boolean = [&](const QString &key, bool &into) -> Result<void> {
            const QJsonValue v = o.value(key);
            if (v.isUndefined())
                return {};
            if (!v.isBool())
                return ruleError(i, key, Text::tr("must be true or false"));
            into = v.toBool();
            return {};
        };
        QString match, format, to;
        for (auto r : {string(QStringLiteral("name"), rule.name, false), string(QStringLiteral("match"), match, true),
                       string(QStringLiteral("pattern"), rule.pattern, true), string(QStringLiteral("reply"), rule.reply, true),
                       string(QStringLiteral("replyFormat"), format, false), string(QStringLiteral("to"), to, false),
                       boolean(QStringLiteral("enabled"), rule.enabled), boolean(QStringLiteral("caseInsensitive"), rule.caseInsensitive)})
            if (!r)
                return r.error();
        const auto kind = matchKindFromName(match);
        if (!kind)
            return ruleError(i, QStringLiteral("match"), Text::tr("\"%1\" is not exact, contains, starts, ends, regex or hex").arg(match));
        rule.match = *kind;
        if (format == QLatin1String("hex"))
            rule.format = ReplyFormat::Hex;
        else if (!format.isEmpty() && format != QLatin1String("text"))
            return ruleError(i, QStringLiteral("replyFormat"), Text::tr("\"text\" or \"hex\", not \"%1\"").arg(format));
        if (to == QLatin1String("all"))
            rule.target = ReplyTarget::All;
        else if (!to.isEmpty() && to != QLatin1String("sender"))
            return ruleError(i, QStringLiteral("to"), Text::tr("\"sender\" or \"all\", not \"%1\"").arg(to));
        auto integer = [&](const QString &key, qint64 max, qint64 &into) -> Result<void> {
            const QJsonValue v = o.value(key);
            if (v.isUndefined())
                return {};
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d < 0 || d > static_cast<double>(max) || d != static_cast<double>(static_cast<qint64>(d)))
                return ruleError(i, key, Text::tr("must be a whole number from 0 to %1").arg(max));
            into = static_cast<qint64>(d);
            return {};
        };
        qint64 delay = 0, fires = 0;
        if (auto r = integer(QStringLiteral("delayMs"), limits::kReplyMaxDelayMs, delay); !r)
            return r.error();
        if (auto r = integer(QStringLiteral("maxFires"), std::numeric_limits<int>::max(), fires); !r)
            return r.error();
        rule.delay = std::chrono::milliseconds(delay);
        rule.maxFires = static_cast<int>(fires);
        set.rules.append(rule);
    }
    // The patterns, replies and macros are checked here too, so a file with a bad rule is refused whole.
    if (auto compiled = AutoReplier::compile(set); !compiled)
        return compiled.error();
    return set;
}

// ── Compiled rules ────────────────────────────────────────────────────────────────────────

Result<std::shared_ptr<const AutoReplier>> AutoReplier::compile(const ReplyRuleSet &set)
{
    std::shared_ptr<AutoReplier> out(new AutoReplier);
    out->m_set = set;
    out->m_framing = set.effectiveFraming();
    for (qsizetype i = 0; i < set.rules.size(); ++i) {
        const ReplyRule &rule = set.rules.at(i);
        if (rule.delay.count() < 0 || rule.delay.count() > limits::kReplyMaxDelayMs)
            return ruleError(i, QStringLiteral("delayMs"), Text::tr("must be a whole number from 0 to %1").arg(limits::kReplyMaxDelayMs));
        if (rule.maxFires < 0)
            return ruleError(i, QStringLiteral("maxFires"), Text::tr("must be 0 (always) or more"));
        Compiled c;
        c.kind = rule.match;
        c.target = rule.target;
        c.delay = rule.delay;
        c.maxFires = rule.maxFires;
        c.caseInsensitive = rule.caseInsensitive;
        switch (rule.match) {
        case MatchKind::Regex: {
            c.regex.setPattern(rule.pattern);
            if (rule.caseInsensitive)
                c.regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
            if (!c.regex.isValid())
                return ruleError(i, QStringLiteral("pattern"), Text::tr("not a valid regular expression at position %1: %2")
                                                                     .arg(c.regex.patternErrorOffset() + 1)
                                                                     .arg(c.regex.errorString()));
            c.regex.optimize();   // compiled now, once, not by the first worker that matches
            if (!rule.caseInsensitive) {
                c.regexPrefix = literalPrefix(rule.pattern);
                if (c.regexPrefix.isEmpty())
                    c.regexFirstBytes = firstByteSet(rule.pattern);
            }
            break;
        }
        case MatchKind::Hex: {
            auto hex = HexPattern::parse(rule.pattern);
            if (!hex)
                return ruleError(i, QStringLiteral("pattern"), hex.error().detail);
            c.hex = std::move(hex).value();
            break;
        }
        default: {
            auto bytes = MessageTemplate::parse(rule.pattern, MessageTemplate::Mode::Text, set.encoding);
            if (!bytes)
                return ruleError(i, QStringLiteral("pattern"), bytes.error().detail);
            if (!bytes->isConstant())
                return ruleError(i, QStringLiteral("pattern"), Text::tr("a pattern cannot hold macros"));
            c.literal = bytes->constant();
            if (c.literal.isEmpty() && rule.match != MatchKind::Exact)
                return ruleError(i, QStringLiteral("pattern"), Text::tr("empty: it would match every message"));
            break;
        }
        }
        const bool captures = rule.match == MatchKind::Regex;
        auto reply = MessageTemplate::parse(rule.reply, rule.format == ReplyFormat::Hex ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Text,
                                            set.encoding, captures);
        if (!reply)
            return ruleError(i, QStringLiteral("reply"), reply.error().detail);
        if (captures) {
            if (reply->highestCaptureIndex() > c.regex.captureCount())
                return ruleError(i, QStringLiteral("reply"), Text::tr("uses group %1, but the pattern has %n group(s)", nullptr,
                                                                      c.regex.captureCount())
                                                                 .arg(reply->highestCaptureIndex()));
            const QStringList names = c.regex.namedCaptureGroups();
            for (const QString &name : reply->captureNames())
                if (!names.contains(name))
                    return ruleError(i, QStringLiteral("reply"), Text::tr("the pattern has no group named \"%1\"").arg(name));
        }
        c.reply = std::move(reply).value();
        if (!rule.enabled)
            continue;   // checked all the same: a rule switched on later must not fail then
        out->m_needsText = out->m_needsText || captures;
        out->m_rules.push_back(std::move(c));
        out->m_index.push_back(static_cast<int>(i));
    }
    out->m_fired = std::make_unique<std::atomic<int>[]>(std::max<size_t>(1, out->m_rules.size()));
    return std::shared_ptr<const AutoReplier>(std::move(out));
}

bool AutoReplier::claim(int rule) const
{
    const int max = m_rules[static_cast<size_t>(rule)].maxFires;
    std::atomic<int> &fired = m_fired[static_cast<size_t>(rule)];
    if (max <= 0) {
        fired.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    int seen = fired.load(std::memory_order_relaxed);
    while (seen < max)
        if (fired.compare_exchange_weak(seen, seen + 1, std::memory_order_relaxed))
            return true;
    return false;
}

int AutoReplier::firedCount(int rule) const
{
    for (size_t k = 0; k < m_index.size(); ++k)
        if (m_index[k] == rule)
            return m_fired[k].load(std::memory_order_relaxed);
    return 0;
}

QList<AutoReply> AutoReplier::respond(QByteArrayView message) const
{
    QList<AutoReply> out;
    QString text;
    bool decoded = false;
    std::optional<QRegularExpressionMatch> match;   // constructed only when an expression runs: it allocates
    for (size_t k = 0; k < m_rules.size(); ++k) {
        const Compiled &c = m_rules[k];
        bool matched = false;
        switch (c.kind) {
        case MatchKind::Exact:
            matched = c.caseInsensitive ? asciiCaseEqual(message, c.literal) : message == QByteArrayView(c.literal);
            break;
        case MatchKind::Contains:
            matched = c.caseInsensitive ? QByteArray(message.data(), message.size()).toLower().contains(c.literal.toLower())
                                        : message.indexOf(c.literal) >= 0;
            break;
        case MatchKind::StartsWith:
            matched = c.caseInsensitive ? message.size() >= c.literal.size() && asciiCaseEqual(message.first(c.literal.size()), c.literal)
                                        : message.startsWith(c.literal);
            break;
        case MatchKind::EndsWith:
            matched = c.caseInsensitive ? message.size() >= c.literal.size() && asciiCaseEqual(message.last(c.literal.size()), c.literal)
                                        : message.endsWith(c.literal);
            break;
        case MatchKind::Hex:
            matched = c.hex.matches(message);
            break;
        case MatchKind::Regex:
            // The byte shortcuts only judge a message that starts with ASCII: a decoder may drop
            // a leading byte-order mark (UTF-8 EF BB BF, GB18030 84 31 95 33), so after one the
            // expression sees a different first character than the bytes show.
            if (message.isEmpty() ? c.regexFirstBytes.has_value() || !c.regexPrefix.isEmpty()
                                  : static_cast<unsigned char>(message.front()) < 0x80
                                        && (!message.startsWith(c.regexPrefix)
                                            || (c.regexFirstBytes && !c.regexFirstBytes->test(static_cast<unsigned char>(message.front())))))
                break;
            if (!decoded) {
                text = decodeForMatching(message, m_set.encoding);
                decoded = true;
            }
            match = c.regex.match(text);
            matched = match->hasMatch();
            break;
        }
        if (!matched || !claim(static_cast<int>(k)))
            continue;
        AutoReply reply;
        reply.rule = m_index[k];
        reply.target = c.target;
        reply.delay = c.delay;
        auto bytes = c.reply.expand(m_macros, c.kind == MatchKind::Regex && match ? &*match : nullptr);
        if (bytes)
            reply.bytes = std::move(bytes).value();
        else
            reply.error = bytes.error().detail;
        out.append(std::move(reply));
        if (!m_set.allMatches)
            break;
    }
    return out;
}

// ── Per connection ────────────────────────────────────────────────────────────────────────

AutoReplyStream::AutoReplyStream(std::shared_ptr<const AutoReplier> replier)
    : m_replier(std::move(replier)), m_deframer(m_replier->framing())
{
}

void AutoReplyStream::schedule(QList<AutoReply> &replies, Clock::time_point now, QList<AutoReply> &out)
{
    // The usual case, replies due at once and nothing before them: hand the list over whole
    // instead of moving each reply into a new one (an allocation per message).
    if (out.isEmpty() && std::all_of(replies.cbegin(), replies.cend(), [](const AutoReply &r) { return r.delay.count() <= 0 || !r.error.isEmpty(); })) {
        out = std::move(replies);
        return;
    }
    for (AutoReply &reply : replies) {
        if (reply.delay.count() <= 0 || !reply.error.isEmpty()) {
            out.append(std::move(reply));
            continue;
        }
        if (m_pending.size() >= static_cast<size_t>(limits::kReplyMaxPending)) {
            reply.error = Text::tr("more than %1 delayed replies waiting: this one is dropped").arg(limits::kReplyMaxPending);
            reply.bytes.clear();
            out.append(std::move(reply));
            continue;
        }
        const auto at = now + reply.delay;
        const auto pos = std::upper_bound(m_pending.begin(), m_pending.end(), at, [](Clock::time_point t, const Pending &p) { return t < p.at; });
        m_pending.insert(pos, Pending{at, std::move(reply)});
    }
}

QList<AutoReply> AutoReplyStream::push(QByteArrayView bytes, Clock::time_point now)
{
    QList<AutoReply> out;
    m_deframer.pushEach(bytes, [&](const Deframer::FrameItemView &item) {
        if (item.type != FrameItem::Type::Message)
            return;   // a framing error: what the rules see resynchronises as the Deframer does
        QList<AutoReply> replies = m_replier->respond(item.bytes);
        schedule(replies, now, out);
    });
    return out;
}

QList<AutoReply> AutoReplyStream::pushMessage(QByteArrayView message, Clock::time_point now, quint64 cookie)
{
    QList<AutoReply> out;
    QList<AutoReply> replies = m_replier->respond(message);
    for (AutoReply &reply : replies)
        reply.cookie = cookie;
    schedule(replies, now, out);
    return out;
}

QList<AutoReply> AutoReplyStream::due(Clock::time_point now)
{
    QList<AutoReply> out;
    auto it = m_pending.begin();
    while (it != m_pending.end() && it->at <= now) {
        out.append(std::move(it->reply));
        ++it;
    }
    m_pending.erase(m_pending.begin(), it);
    return out;
}

QList<quint64> AutoReplyStream::pendingCookies() const
{
    QList<quint64> out;
    out.reserve(static_cast<qsizetype>(m_pending.size()));
    for (const Pending &pending : m_pending)
        out.append(pending.reply.cookie);
    return out;
}

std::optional<AutoReplyStream::Clock::time_point> AutoReplyStream::nextDue() const
{
    if (m_pending.empty())
        return std::nullopt;
    return m_pending.front().at;
}

} // namespace socketeer
