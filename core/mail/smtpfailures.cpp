#include "smtpfailures.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace socketeer {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SmtpInbox)
};
} // namespace

QString smtpStageName(SmtpStage stage)
{
    switch (stage) {
    case SmtpStage::Auth: return QStringLiteral("AUTH");
    case SmtpStage::Mail: return QStringLiteral("MAIL");
    case SmtpStage::Rcpt: return QStringLiteral("RCPT");
    case SmtpStage::Data: return QStringLiteral("DATA");
    }
    return {};
}

Result<SmtpFailureRule> parseSmtpFailureRule(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return Error::invalid(Text::tr("\"%1\" is not STAGE:CODE:PERCENT (for example RCPT:451:50)").arg(text));
    SmtpFailureRule rule;
    const QString stage = parts[0].trimmed().toUpper();
    if (stage == QLatin1String("AUTH"))
        rule.stage = SmtpStage::Auth;
    else if (stage == QLatin1String("MAIL"))
        rule.stage = SmtpStage::Mail;
    else if (stage == QLatin1String("RCPT"))
        rule.stage = SmtpStage::Rcpt;
    else if (stage == QLatin1String("DATA"))
        rule.stage = SmtpStage::Data;
    else
        return Error::invalid(Text::tr("\"%1\": the stage is AUTH, MAIL, RCPT or DATA, not \"%2\"").arg(text, parts[0]));
    bool numeric = false;
    const QString code = parts[1].trimmed();
    rule.code = code.toInt(&numeric);
    if (!numeric || code.size() != 3 || rule.code < 400 || rule.code > 599)
        return Error::invalid(Text::tr("\"%1\": the code is a failure reply from 400 to 599, not \"%2\"").arg(text, parts[1]));
    const QString percent = parts[2].trimmed();
    rule.percent = percent.toInt(&numeric);
    if (!numeric || rule.percent < 0 || rule.percent > 100)
        return Error::invalid(Text::tr("\"%1\": the percentage is a whole number from 0 to 100, not \"%2\"").arg(text, parts[2]));
    return rule;
}

QString formatSmtpFailureRule(const SmtpFailureRule &rule)
{
    return QStringLiteral("%1:%2:%3").arg(smtpStageName(rule.stage)).arg(rule.code).arg(rule.percent);
}

int SmtpFailurePolicy::failureAt(SmtpStage stage) const
{
    for (const SmtpFailureRule &rule : rules) {
        if (rule.stage != stage || rule.percent <= 0)
            continue;
        if (rule.percent >= 100)
            return rule.code;
        const int dice = roll ? roll() : int(QRandomGenerator::global()->bounded(100));
        if (dice < rule.percent)
            return rule.code;
    }
    return 0;
}

} // namespace socketeer
