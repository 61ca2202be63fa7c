#include "sequencerunner.h"

#include "text/macros.h"

#include "net/limits.h"

#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace socketeer {

namespace {

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

QStringDecoder decoderFor(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringDecoder(QStringConverter::Utf8);
    case TextEncoding::Latin1: return QStringDecoder(QStringConverter::Latin1);
    case TextEncoding::Gbk: return QStringDecoder("GBK");
    case TextEncoding::Gb18030: return QStringDecoder("GB18030");
    }
    return QStringDecoder(QStringConverter::Utf8);
}

} // namespace

SequenceRunner::SequenceRunner(QObject *parent)
    : QObject(parent),
      m_macros(std::make_shared<MacroState>()),
      m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SequenceRunner::onTimer);
}

SequenceRunner::~SequenceRunner() = default;

void SequenceRunner::setMacroState(std::shared_ptr<MacroState> state)
{
    m_macros = state ? std::move(state) : std::make_shared<MacroState>();
}

Result<void> SequenceRunner::start(const SavedLibrary &library, const QString &sequenceName, SendFunction send, int rounds)
{
    if (m_running)
        return failure(tr("Sequence \"%1\" is running already").arg(m_sequence.name));
    const Sequence *sequence = library.sequence(sequenceName);
    if (!sequence)
        return failure(tr("There is no sequence \"%1\"").arg(sequenceName));
    if (sequence->steps.isEmpty())
        return failure(tr("Sequence \"%1\" has no steps").arg(sequenceName));
    bool sends = false;
    for (qsizetype i = 0; i < sequence->steps.size(); ++i) {
        const SequenceStep &step = sequence->steps.at(i);
        if (auto checked = validateStep(step, static_cast<int>(i)); !checked)
            return failure(tr("Sequence \"%1\", step %2: %3").arg(sequenceName).arg(i + 1).arg(checked.error().message()));
        if (step.kind != SequenceStep::Kind::Send)
            continue;
        sends = true;
        const SavedMessage *message = library.message(step.message);
        if (!message)
            return failure(tr("Sequence \"%1\", step %2: there is no saved message \"%3\"").arg(sequenceName).arg(i + 1).arg(step.message));
        MacroState scratch;   // a check: the real counters do not move
        if (auto bytes = m_bytesFor ? m_bytesFor(*message, m_encoding) : savedMessageBytes(*message, m_encoding, scratch); !bytes)
            return failure(tr("Sequence \"%1\", step %2: message \"%3\": %4").arg(sequenceName).arg(i + 1).arg(step.message, bytes.error().message()));
    }
    // Repeating forever with nothing to send and nothing to wait for would spin the event loop.
    const int effectiveRounds = rounds < 0 ? sequence->repeat : rounds;
    if (effectiveRounds == 0 && !sends && std::none_of(sequence->steps.begin(), sequence->steps.end(), [](const SequenceStep &s) {
            return s.kind != SequenceStep::Kind::Send && (s.delayMs > 0 || s.kind == SequenceStep::Kind::Wait);
        }))
        return failure(tr("Sequence \"%1\" would repeat without end doing nothing").arg(sequenceName));

    m_library = library;
    m_sequence = *sequence;
    m_send = std::move(send);
    m_rounds = effectiveRounds;
    m_round = 1;
    m_step = 0;
    m_window.clear();
    m_decoder = decoderFor(m_encoding);
    m_waitingForReply = false;
    m_roundPause = false;
    m_paced = std::any_of(m_sequence.steps.begin(), m_sequence.steps.end(), [](const SequenceStep &s) {
        return s.kind == SequenceStep::Kind::Wait || (s.kind == SequenceStep::Kind::Delay && s.delayMs > 0);
    });
    m_running = true;
    // The first step runs from the event loop, so the caller can connect to what start() began.
    ++m_generation;
    kick();
    return {};
}

void SequenceRunner::kick()
{
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation && m_running && !m_timer->isActive() && !m_waitingForReply)
            advance();
    });
}

void SequenceRunner::stop()
{
    if (m_running)
        finish(Outcome::Stopped, tr("Stopped"));
}

void SequenceRunner::feed(const QByteArray &received)
{
    if (!m_running || received.isEmpty())
        return;
    m_window += m_decoder.decode(received);
    if (m_window.size() > limits::kSequenceReplyWindowBytes)
        m_window.remove(0, m_window.size() - limits::kSequenceReplyWindowBytes);
    if (m_waitingForReply && tryMatch()) {
        m_waitingForReply = false;
        m_timer->stop();
        ++m_step;
        advance();
    }
}

bool SequenceRunner::tryMatch()
{
    const SequenceStep &step = m_sequence.steps.at(m_step);
    // Multiline: ^ and $ are the start and end of any line received, as a person reading the log means them.
    const QRegularExpressionMatch match = QRegularExpression(step.pattern, QRegularExpression::MultilineOption).match(m_window);
    if (!match.hasMatch())
        return false;
    emit replyMatched(match.captured(0));
    m_window.remove(0, match.capturedEnd(0));
    return true;
}

void SequenceRunner::advance()
{
    // A send callback may feed data back synchronously; one loop at a time walks the steps.
    if (m_inAdvance)
        return;
    m_inAdvance = true;
    while (m_running) {
        if (m_step >= m_sequence.steps.size()) {
            if (m_rounds != 0 && m_round >= m_rounds) {
                finish(Outcome::Completed, QString());
                break;
            }
            ++m_round;
            m_step = 0;
            // A round that neither waits nor pauses would otherwise send as fast as the loop
            // spins, into a queue that only grows: such rounds are paced like the send box's
            // fastest repeat (kSequenceMinRoundMs), which also lets stop() and data through.
            if (!m_paced) {
                m_roundPause = true;
                m_timer->start(limits::kSequenceMinRoundMs);
                break;
            }
            if (m_rounds == 0 || m_round % 64 == 0) {   // a turn for the event loop now and then
                kick();
                break;
            }
        }
        emit progressChanged(m_step + 1, stepCount(), m_round, m_rounds);
        if (!m_running || !runStep())
            break;
        ++m_step;
    }
    m_inAdvance = false;
}

bool SequenceRunner::runStep()
{
    const SequenceStep &step = m_sequence.steps.at(m_step);
    switch (step.kind) {
    case SequenceStep::Kind::Send: {
        const SavedMessage *message = m_library.message(step.message);
        auto bytes = !message    ? Result<QByteArray>(failure(tr("it is gone")))
                     : m_bytesFor ? m_bytesFor(*message, m_encoding)
                                  : savedMessageBytes(*message, m_encoding, *m_macros);
        if (!bytes) {
            finish(Outcome::Failed, tr("Step %1: message \"%2\": %3").arg(m_step + 1).arg(step.message, bytes.error().message()));
            return false;
        }
        if (const QString refused = m_send(*bytes); !refused.isEmpty()) {
            finish(Outcome::Failed, tr("Step %1: message \"%2\" could not be sent: %3").arg(m_step + 1).arg(step.message, refused));
            return false;
        }
        emit messageSent(step.message, *bytes);
        return m_running;
    }
    case SequenceStep::Kind::Delay:
        if (step.delayMs == 0)
            return true;
        m_timer->start(step.delayMs);
        return false;
    case SequenceStep::Kind::Wait:
        if (tryMatch())
            return true;
        m_waitingForReply = true;
        emit waiting(step.pattern, step.timeoutMs);
        m_timer->start(step.timeoutMs);
        return false;
    }
    return true;
}

void SequenceRunner::onTimer()
{
    if (!m_running)
        return;
    if (m_roundPause) {
        m_roundPause = false;
        advance();
        return;
    }
    if (m_waitingForReply) {
        const SequenceStep &step = m_sequence.steps.at(m_step);
        m_waitingForReply = false;
        finish(Outcome::Failed, tr("Step %1: no reply matching \"%2\" within %3 ms").arg(m_step + 1).arg(step.pattern).arg(step.timeoutMs));
        return;
    }
    ++m_step;   // a delay is over
    advance();
}

void SequenceRunner::finish(Outcome outcome, const QString &reason)
{
    m_running = false;
    m_waitingForReply = false;
    m_roundPause = false;
    m_timer->stop();
    m_send = nullptr;
    emit finished(outcome, reason);
}

} // namespace socketeer
