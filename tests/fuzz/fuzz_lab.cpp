// The lab file (core/lab/labspec.h): JSON a teacher writes or a student downloads from anywhere.
// Properties: a refusal says what is wrong, and one that names a step names one that exists; an
// accepted lab keeps every bound (steps, timeouts, points, clients, expected bytes), every step
// suits the lab's target and uses only connections opened before it; parsing is deterministic;
// and a report of it is valid JSON.

#include "fuzzcheck.h"

#include "lab/labreport.h"
#include "lab/labspec.h"
#include "net/limits.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = parseLab(json);
    if (!parsed) {
        const QString message = parsed.error().message();
        FUZZ_CHECK(!message.isEmpty(), "a refusal says what is wrong");
        static const QRegularExpression stepNumber(QStringLiteral("^step (\\d+), \""));
        if (const auto match = stepNumber.match(message); match.hasMatch()) {
            const int step = match.captured(1).toInt();
            FUZZ_CHECK(step >= 1 && step <= limits::kLabMaxSteps, "a step named in an error is one of the lab's");
        }
        return 0;
    }
    const LabSpec &lab = *parsed;
    FUZZ_CHECK(!lab.steps.isEmpty() && lab.steps.size() <= limits::kLabMaxSteps, "the step count is bounded");
    FUZZ_CHECK(!lab.title.isEmpty(), "a lab has a title");
    QSet<QString> opened;
    qint64 points = 0;
    for (const LabStep &step : lab.steps) {
        FUZZ_CHECK(step.points >= 0 && step.points <= limits::kLabMaxPoints, "points are bounded");
        points += step.points;
        FUZZ_CHECK(step.timeoutMs >= 0 && step.timeoutMs <= limits::kLabMaxTimeoutMs, "timeouts are capped");
        const bool waits = step.kind != LabStepKind::Send && step.kind != LabStepKind::Close && step.kind != LabStepKind::UdpSend;
        FUZZ_CHECK(!waits || step.timeoutMs >= 1, "a step that waits has a timeout");
        if (step.kind == LabStepKind::Concurrent)
            FUZZ_CHECK(step.clients >= 2 && step.clients <= limits::kLabMaxConcurrentClients, "concurrent clients are bounded");
        if (step.expectation) {
            FUZZ_CHECK(step.expectation->bytes.size() <= limits::kLabExpectMaxBytes, "what is expected fits what is read");
            if (step.expectation->match == LabExpectation::Match::Regex)
                FUZZ_CHECK(QRegularExpression(step.expectation->pattern).isValid(), "an accepted pattern compiles");
        }
        const bool expectsOrSends = step.kind == LabStepKind::Send || step.kind == LabStepKind::UdpSend || step.kind == LabStepKind::Concurrent;
        FUZZ_CHECK(expectsOrSends == step.payload.has_value(), "a step that sends has a payload, no other does");
        if (step.kind == LabStepKind::Connect || step.kind == LabStepKind::Listen)
            opened.insert(step.connection);
        else if (!step.connection.isEmpty())
            FUZZ_CHECK(opened.contains(step.connection), "a connection is opened before it is used");
        const bool udp = step.kind == LabStepKind::UdpSend || step.kind == LabStepKind::UdpExpect;
        FUZZ_CHECK(udp == (lab.target == LabTargetKind::UdpServer), "UDP steps and UDP labs go together");
    }
    FUZZ_CHECK(points == lab.maxPoints(), "the lab's points are its steps' points");

    const auto again = parseLab(json);
    FUZZ_CHECK(again.ok() && again->steps.size() == lab.steps.size() && again->title == lab.title, "parsing is deterministic");

    LabRunResult result;
    result.title = lab.title.in(QStringLiteral("zh_CN"));
    for (int i = 0; i < lab.steps.size(); ++i) {
        LabStepResult step;
        step.index = i;
        step.kind = lab.steps.at(i).kind;
        step.title = lab.steps.at(i).title.in(QStringLiteral("en"));
        step.hint = lab.steps.at(i).hint.in(QStringLiteral("en"));
        step.hidden = lab.steps.at(i).hidden;
        step.maxPoints = lab.steps.at(i).points;
        if (step.kind == LabStepKind::Send && lab.steps.at(i).payload->message.isConstant())
            step.sent = lab.steps.at(i).payload->message.constant();
        FUZZ_CHECK(!labStepReport(step).isEmpty(), "every step has a report line");
        result.steps.append(step);
    }
    FUZZ_CHECK(!QJsonDocument::fromJson(labResultJson(result)).isNull(), "the JSON result parses");
    return 0;
}
