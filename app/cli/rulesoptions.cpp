#include "rulesoptions.h"

#include "cli.h"

#include "text/autoreply.h"
#include "text/encoding.h"
#include "text/terminaltext.h"

#include <QCommandLineParser>
#include <QFile>

namespace socketeer::cli {

namespace {
// What a line on stderr shows of a reply; the rest is counted, not printed.
constexpr qsizetype kShownBytes = 200;
// A rules file larger than this is not a rules file (and would be read whole).
constexpr qint64 kMaxRulesFileBytes = 16 * 1024 * 1024;
} // namespace

RulesOptions::RulesOptions()
    : rules(QStringLiteral("rules"),
            Cli::tr("Auto-reply rules from this JSON file (docs/RULES.md): each received message is matched "
                    "and answered by the worker, as fast as --echo."),
            Cli::tr("file")),
      reply(QStringLiteral("reply"),
            Cli::tr("An auto-reply rule, MATCH=>REPLY (repeatable, after the --rules file's): MATCH is exact:, "
                    "contains:, starts:, ends:, regex: (captures as \\1 or ${name} in REPLY) or hex: (?? for any "
                    "byte); REPLY is text with escapes (\\r\\n, \\xNN) and macros ({{counter}}, {{time}}, ...), "
                    "or hex:... . Messages are lines unless --frame says otherwise."),
            Cli::tr("rule"))
{
}

int loadRules(const QCommandLineParser &parser, const RulesOptions &options, const QString &command,
              const std::optional<FrameSpec> &frame, std::shared_ptr<const AutoReplier> &replier)
{
    replier.reset();
    const QStringList replies = parser.values(options.reply);
    if (!parser.isSet(options.rules) && replies.isEmpty())
        return -1;
    ReplyRuleSet set;
    if (parser.isSet(options.rules)) {
        const QString path = parser.value(options.rules);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(command, Cli::tr("--rules: cannot read %1: %2").arg(path, file.errorString()));
            return ExitUsage;
        }
        const QByteArray json = file.read(kMaxRulesFileBytes + 1);
        if (json.size() > kMaxRulesFileBytes) {
            printError(command, Cli::tr("--rules: %1 is larger than %2 bytes").arg(path).arg(kMaxRulesFileBytes));
            return ExitUsage;
        }
        auto parsed = ReplyRuleSet::fromJson(json);
        if (!parsed) {
            printError(command, QStringLiteral("--rules %1: %2").arg(path, parsed.error().detail));
            return ExitUsage;
        }
        set = std::move(parsed).value();
    }
    for (qsizetype i = 0; i < replies.size(); ++i) {
        auto rule = parseReplySpec(replies.at(i));
        if (!rule) {
            printError(command, QStringLiteral("--reply %1: %2").arg(terminalSafe(replies.at(i)), rule.error().detail));
            return ExitUsage;
        }
        set.rules.append(*rule);
    }
    if (frame && frame->kind != FrameKind::None)
        set.framing = *frame;
    auto compiled = AutoReplier::compile(set);
    if (!compiled) {
        // The file's rules compiled already: a failure names a --reply, counted after them.
        const QString detail = compiled.error().detail;
        printError(command, (parser.isSet(options.rules) ? Cli::tr("--rules/--reply (rules are counted file first): %1")
                                                         : QStringLiteral("--reply: %1"))
                                .arg(detail));
        return ExitUsage;
    }
    replier = std::move(compiled).value();
    return -1;
}

QString autoReplyLine(const QString &to, int rule, const QByteArray &data, const QString &error)
{
    if (!error.isEmpty())
        return Cli::tr("auto reply (rule %1) to %2 not sent: %3").arg(rule + 1).arg(to, error);
    DecodeOptions decode;
    decode.keepNewlines = false;
    QString shown = decodeForDisplay(data.left(kShownBytes), TextEncoding::Utf8, decode);
    if (data.size() > kShownBytes)
        shown += Cli::tr("… (%n byte(s) in all)", nullptr, static_cast<int>(data.size()));
    return Cli::tr("auto reply (rule %1) to %2: %3").arg(rule + 1).arg(to, terminalSafe(shown));
}

} // namespace socketeer::cli
