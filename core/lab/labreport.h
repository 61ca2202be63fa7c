#pragma once
// What running a lab gives: one result per step and the score, and the two ways of showing it
// (the text report for a student, the JSON for a course's grading system; docs/LABS.md).

#include "labspec.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace socketeer {

struct LabStepResult {
    int index = 0;              // 0-based; shown 1-based
    LabStepKind kind = LabStepKind::Send;
    bool passed = false;
    bool hidden = false;
    int points = 0;             // earned
    int maxPoints = 0;
    QString title;              // in the report's language (the step's title, or a description of it)
    QString expected;           // what was expected, for people ("exactly \"hello\\n\"")
    QString problem;            // why it failed, empty when it passed
    QString hint;               // the step's hint in the report's language (shown on failure)
    QByteArray sent;            // the first limits::kLabShownBytes of what the step sent
    QByteArray received;        // the first limits::kLabShownBytes of what it read
    qint64 receivedBytes = 0;   // how much it read in all
    TextEncoding encoding = TextEncoding::Utf8;   // how sent and received are shown as text
    // The step's socket calls on the trace (net/trace.h), while a TraceRecorder listened: those
    // of the runner's thread with a sequence in (traceFrom, traceTo]. Equal: none were recorded.
    quint64 traceFrom = 0;
    quint64 traceTo = 0;
};

struct LabRunResult {
    QString title;
    QString target;             // "127.0.0.1:50007", or where the lab listened
    QList<LabStepResult> steps;
    int points = 0;
    int maxPoints = 0;
    bool aborted = false;       // stopped before its end (stop())
    bool passed() const;        // every step passed (and it ran to the end)
};

// The student's report: one block per step (hidden steps only "hidden step: PASS/FAIL"), then the
// score. Peers' bytes are shown with their controls escaped, never sent to the terminal raw.
QString labStepReport(const LabStepResult &result);
QString labScoreLine(const LabRunResult &result);
// {"format": "socketeer-lab-result", "version": 1, …}: every step in full, hidden ones included
// (the grading system decides what the student sees).
QByteArray labResultJson(const LabRunResult &result);

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::LabStepResult)
Q_DECLARE_METATYPE(socketeer::LabRunResult)
