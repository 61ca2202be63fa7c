#pragma once
// Runs a sequence (savedlibrary.h) against one connection: each Send step's bytes go to a
// callback, Delay and Wait steps are QTimers on the calling thread's event loop (nothing sleeps),
// and what the connection receives is fed in for the Wait steps. One instance serves the window
// (the dock, fed by the current panel) and `socketeer connect --sequence`.
//
// A Wait searches the text received since the previous Wait matched (or since the start),
// decoded in the given encoding (^ and $ match at every line); a match consumes what arrived up to its end, so two replies that
// came in one chunk satisfy two Waits in turn. At most limits::kSequenceReplyWindowBytes of the
// newest text is kept.
//
// Exactly one finished() per start(): Completed, Stopped (stop() or the runner destroyed is not
// reported), or Failed with the reason (a Wait timed out, a message could not be made into bytes,
// the send callback refused).

#include "savedlibrary.h"

#include <QObject>
#include <QString>
#include <QStringDecoder>

#include <functional>
#include <memory>

class QTimer;

namespace socketeer {

class SequenceRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceRunner)
public:
    enum class Outcome { Completed, Stopped, Failed };
    Q_ENUM(Outcome)

    // Sends bytes; returns an empty string when they went (or were queued), else why not.
    using SendFunction = std::function<QString(const QByteArray &bytes)>;

    explicit SequenceRunner(QObject *parent = nullptr);
    ~SequenceRunner() override;

    // Where saved messages become bytes; by default savedMessageBytes with the macro state below
    // (a custom function is also what start() checks the messages with).
    void setBytesFunction(SavedBytesFunction function) { m_bytesFor = std::move(function); }
    // Whose counters {{counter}} takes from: a panel's (the window), else the runner's own, kept
    // across runs (the command line: one run). start() checks messages without moving them.
    void setMacroState(std::shared_ptr<MacroState> state);
    void setEncoding(TextEncoding encoding) { m_encoding = encoding; }

    // Checks the sequence against the library (every message exists and makes bytes) before the
    // first step, so a bad sequence sends nothing. rounds < 0: the sequence's own repeat; 0: until
    // stopped. Starting while running is refused.
    Result<void> start(const SavedLibrary &library, const QString &sequenceName, SendFunction send, int rounds = -1);
    void stop();
    void feed(const QByteArray &received);

    bool isRunning() const { return m_running; }
    QString sequenceName() const { return m_sequence.name; }
    int currentStep() const { return m_step + 1; }   // 1-based
    int stepCount() const { return static_cast<int>(m_sequence.steps.size()); }
    int currentRound() const { return m_round; }     // 1-based
    int rounds() const { return m_rounds; }          // 0: until stopped

signals:
    void progressChanged(int step, int steps, int round, int rounds);
    void messageSent(const QString &name, const QByteArray &bytes);
    void waiting(const QString &pattern, int timeoutMs);
    void replyMatched(const QString &matched);
    void finished(socketeer::SequenceRunner::Outcome outcome, const QString &reason);

private:
    void kick();      // advance() from the event loop, unless this run has ended meanwhile
    void advance();
    bool runStep();   // true: go on at once; false: a timer or a reply will call advance()
    bool tryMatch();
    void onTimer();
    void finish(Outcome outcome, const QString &reason);

    SavedLibrary m_library;
    Sequence m_sequence;
    SendFunction m_send;
    SavedBytesFunction m_bytesFor;   // empty: savedMessageBytes with m_macros
    std::shared_ptr<MacroState> m_macros;
    TextEncoding m_encoding = TextEncoding::Utf8;
    QStringDecoder m_decoder;
    QString m_window;
    QTimer *m_timer;
    quint64 m_generation = 0;
    int m_step = 0;
    int m_round = 1;
    int m_rounds = 1;
    bool m_running = false;
    bool m_inAdvance = false;
    bool m_waitingForReply = false;
    bool m_roundPause = false;   // the timer is the pause between unpaced rounds
    bool m_paced = false;        // some step waits or pauses, so rounds need no pause of their own
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::SequenceRunner::Outcome)
