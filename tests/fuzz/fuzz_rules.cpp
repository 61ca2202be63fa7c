// Auto-reply rules (core/text/autoreply.h): the JSON rules file, the --reply spec and hex patterns
// with wildcards. Byte 0 picks: 0 the rest is a rules file; 1 the first line is a --reply spec and
// the rest a message; 2 the first line is a hex pattern and the rest a message. A file either loads
// (and then its JSON loads back equal, and it compiles) or is refused with a reason; a rule set
// answers any message without reading past it; a hex pattern matches exactly what its bytes, mask
// and "*" say. Replies with {{file:}} are refused here before matching (no reading the machine's
// files).

#include "fuzzcheck.h"

#include "text/autoreply.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

bool readsFiles(const ReplyRuleSet &set)
{
    for (const ReplyRule &rule : set.rules)
        if (rule.reply.contains(QLatin1String("file:"), Qt::CaseInsensitive))
            return true;
    return false;
}

void answer(const ReplyRuleSet &set, const QByteArray &message)
{
    if (readsFiles(set))
        return;
    auto compiled = AutoReplier::compile(set);
    if (!compiled) {
        FUZZ_CHECK(!compiled.error().detail.isEmpty(), "a refusal says why");
        return;
    }
    const auto replies = (*compiled)->respond(message);
    FUZZ_CHECK(set.allMatches || replies.size() <= 1, "first-match answers at most once");
    for (const AutoReply &reply : replies)
        FUZZ_CHECK(reply.rule >= 0 && reply.rule < set.rules.size(), "a reply names a rule of the set");
    AutoReplyStream stream(*compiled);
    const auto t0 = AutoReplyStream::Clock::now();
    stream.push(message, t0);
    stream.due(t0 + std::chrono::hours(25));
    FUZZ_CHECK(!stream.nextDue(), "every delay is due within the maximum");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray line = newline < 0 ? input : input.left(newline);
    const QByteArray message = newline < 0 ? QByteArray() : input.mid(newline + 1);
    switch (data[0] % 3) {
    case 0: {
        const auto set = ReplyRuleSet::fromJson(input);
        if (!set) {
            FUZZ_CHECK(!set.error().detail.isEmpty(), "a refusal says why");
            return 0;
        }
        const auto again = ReplyRuleSet::fromJson(set->toJson());
        FUZZ_CHECK(again.ok() && *again == *set, "what toJson writes, fromJson reads back the same");
        answer(*set, QByteArrayLiteral("PING 1"));
        break;
    }
    case 1: {
        const auto rule = parseReplySpec(QString::fromUtf8(line));
        if (!rule) {
            FUZZ_CHECK(!rule.error().detail.isEmpty(), "a refusal says why");
            return 0;
        }
        ReplyRuleSet set;
        set.rules = {*rule};
        answer(set, message);
        break;
    }
    default: {
        const auto pattern = HexPattern::parse(QString::fromUtf8(line));
        if (!pattern) {
            FUZZ_CHECK(!pattern.error().detail.isEmpty(), "a refusal says why");
            return 0;
        }
        FUZZ_CHECK(pattern->bytes.size() == pattern->mask.size(), "one mask byte per pattern byte");
        bool expected = message.size() == pattern->bytes.size() || (pattern->openEnded && message.size() >= pattern->bytes.size());
        for (qsizetype i = 0; expected && i < pattern->bytes.size(); ++i)
            expected = pattern->mask[i] == 0 || message[i] == pattern->bytes[i];
        FUZZ_CHECK(pattern->matches(message) == expected, "matches exactly the bytes, wildcards and rest the pattern says");
        // The pattern's own bytes always match.
        FUZZ_CHECK(pattern->matches(pattern->bytes), "a pattern matches its own bytes");
        break;
    }
    }
    return 0;
}
