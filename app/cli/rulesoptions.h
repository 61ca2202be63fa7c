#pragma once
// --rules FILE.json and --reply 'MATCH=>REPLY' (repeatable) for serve, connect and udp: auto-reply
// rules (core/text/autoreply.h) run on the engine's worker, next to the echo, so they answer at its
// speed. The rules in the file come first, then each --reply in the order given. Messages are split
// for matching by --frame when the subcommand has it and it is not none; otherwise by the file's
// "framing"; otherwise by lines (LF, one CR before it stripped), because a stream has no messages
// of its own and people type rules for lines. A UDP datagram is one message unless --frame says
// otherwise. Every automatic reply is reported on stderr ("auto reply …"), so stdout stays the data.

#include "text/framing.h"

#include <QCommandLineOption>
#include <QList>

#include <memory>
#include <optional>

class QCommandLineParser;
class QObject;

namespace socketeer {
class AutoReplier;
}

namespace socketeer::cli {

struct RulesOptions {
    QCommandLineOption rules;
    QCommandLineOption reply;
    RulesOptions();
    QList<QCommandLineOption> list() const { return {rules, reply}; }
};

// Exit code to return now (a bad file or spec: ExitUsage, said on stderr naming the rule and the
// field), or -1 to go on with `replier` (null when neither option was given). `frame`: the
// subcommand's --frame, if it has one and it was given.
int loadRules(const QCommandLineParser &parser, const RulesOptions &options, const QString &command,
              const std::optional<FrameSpec> &frame, std::shared_ptr<const AutoReplier> &replier);

// The stderr line for one automatic reply: "auto reply (rule 2) to client 3: PONG 42\n" style.
// `to` names the recipient ("client 3", "every client", "127.0.0.1:5000").
QString autoReplyLine(const QString &to, int rule, const QByteArray &data, const QString &error);

} // namespace socketeer::cli
