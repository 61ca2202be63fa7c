#pragma once
// Failure injection for the local inbox (Mailpit calls it "chaos"): at a chosen stage of the SMTP
// dialogue, answer a chosen 4xx or 5xx code with a chosen probability instead of the normal reply,
// so a mail client's error handling can be tried and taught. Off unless rules are given.

#include "net/error.h"

#include <QList>
#include <QString>

#include <functional>

namespace socketeer {

enum class SmtpStage { Auth, Mail, Rcpt, Data };

struct SmtpFailureRule {
    SmtpStage stage = SmtpStage::Mail;
    int code = 451;     // 400..599
    int percent = 0;    // 0 never, 100 always

    friend bool operator==(const SmtpFailureRule &, const SmtpFailureRule &) = default;
};

// "RCPT:451:100" (stage case-insensitive); a clear error naming what is wrong otherwise.
Result<SmtpFailureRule> parseSmtpFailureRule(const QString &text);
// "RCPT:451:100", as parsed.
QString formatSmtpFailureRule(const SmtpFailureRule &rule);
QString smtpStageName(SmtpStage stage);

// The rules and the dice. `roll` returns 0..99; a rule fires when roll() < percent. Left empty,
// QRandomGenerator::global() rolls; tests give a seeded generator or a fixed function.
struct SmtpFailurePolicy {
    QList<SmtpFailureRule> rules;
    std::function<int()> roll;

    bool enabled() const { return !rules.isEmpty(); }
    // The code to answer at `stage` instead of the normal reply, or 0: the first rule for the
    // stage that fires wins (a rule at 0 % never rolls, one at 100 % always fires).
    int failureAt(SmtpStage stage) const;
};

} // namespace socketeer
