#include "labreport.h"

#include "text/terminaltext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace socketeer {

namespace {

class Lab {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Lab)
};

QString asText(const QByteArray &bytes, qint64 total, TextEncoding encoding)
{
    QString text = QLatin1Char('"') + decodeForDisplay(bytes, encoding, DecodeOptions{true, false}) + QLatin1Char('"');
    if (total > bytes.size())
        text += Lab::tr(" (the first %1 of %2 bytes)").arg(bytes.size()).arg(total);
    return text;
}

} // namespace

bool LabRunResult::passed() const
{
    if (aborted)
        return false;
    for (const LabStepResult &step : steps)
        if (!step.passed)
            return false;
    return true;
}

QString labStepReport(const LabStepResult &r)
{
    const QString verdict = r.passed ? Lab::tr("PASS") : Lab::tr("FAIL");
    if (r.hidden)
        return Lab::tr("%1. hidden step: %2").arg(r.index + 1).arg(verdict) + QLatin1Char('\n');
    QString text = QStringLiteral("%1. %2 %3").arg(r.index + 1).arg(verdict, terminalSafe(r.title));
    if (r.maxPoints > 0)
        text += QLatin1Char(' ') + Lab::tr("(%1/%2 points)").arg(r.points).arg(r.maxPoints);
    text += QLatin1Char('\n');
    const QString indent = QStringLiteral("   ");
    if (!r.sent.isEmpty())
        text += indent + Lab::tr("sent:     %1").arg(asText(r.sent, r.sent.size(), r.encoding)) + QLatin1Char('\n');
    if (!r.expected.isEmpty())
        text += indent + Lab::tr("expected: %1").arg(terminalSafe(r.expected)) + QLatin1Char('\n');
    if (!r.received.isEmpty() || (!r.passed && r.expected.size() > 0 && r.kind != LabStepKind::Connect && r.kind != LabStepKind::Listen)) {
        text += indent + Lab::tr("received: %1").arg(asText(r.received, r.receivedBytes, r.encoding)) + QLatin1Char('\n');
        if (!r.received.isEmpty() && r.kind != LabStepKind::ExpectMail)   // a mail's summary is text of ours
            text += indent + Lab::tr("   (hex): %1").arg(toHexDisplay(r.received.left(64)) + (r.received.size() > 64 ? QStringLiteral(" …") : QString()))
                    + QLatin1Char('\n');
    }
    if (!r.passed) {
        text += indent + Lab::tr("problem:  %1").arg(terminalSafe(r.problem)) + QLatin1Char('\n');
        if (!r.hint.isEmpty())
            text += indent + Lab::tr("hint:     %1").arg(terminalSafe(r.hint)) + QLatin1Char('\n');
    }
    return text;
}

QString labScoreLine(const LabRunResult &result)
{
    int passed = 0;
    for (const LabStepResult &step : result.steps)
        passed += step.passed ? 1 : 0;
    QString line = Lab::tr("Score: %1/%2 points, %3 of %4 steps passed").arg(result.points).arg(result.maxPoints).arg(passed).arg(result.steps.size());
    if (result.aborted)
        line += Lab::tr(" (stopped before the end)");
    return line;
}

QByteArray labResultJson(const LabRunResult &result)
{
    QJsonArray steps;
    for (const LabStepResult &r : result.steps) {
        QJsonObject o{{QStringLiteral("step"), r.index + 1},
                      {QStringLiteral("type"), labStepKindName(r.kind)},
                      {QStringLiteral("title"), r.title},
                      {QStringLiteral("passed"), r.passed},
                      {QStringLiteral("hidden"), r.hidden},
                      {QStringLiteral("points"), r.points},
                      {QStringLiteral("maxPoints"), r.maxPoints},
                      {QStringLiteral("expected"), r.expected},
                      {QStringLiteral("sentText"), decodeForDisplay(r.sent, r.encoding, DecodeOptions{true, false})},
                      {QStringLiteral("sentHex"), toHexDisplay(r.sent)},
                      {QStringLiteral("receivedText"), decodeForDisplay(r.received, r.encoding, DecodeOptions{true, false})},
                      {QStringLiteral("receivedHex"), toHexDisplay(r.received)},
                      {QStringLiteral("receivedBytes"), r.receivedBytes}};
        if (!r.passed) {
            o.insert(QStringLiteral("problem"), r.problem);
            o.insert(QStringLiteral("hint"), r.hint);
        }
        steps.append(o);
    }
    const QJsonObject top{{QStringLiteral("format"), QStringLiteral("socketeer-lab-result")},
                          {QStringLiteral("version"), 1},
                          {QStringLiteral("title"), result.title},
                          {QStringLiteral("target"), result.target},
                          {QStringLiteral("passed"), result.passed()},
                          {QStringLiteral("aborted"), result.aborted},
                          {QStringLiteral("points"), result.points},
                          {QStringLiteral("maxPoints"), result.maxPoints},
                          {QStringLiteral("steps"), steps}};
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

} // namespace socketeer
