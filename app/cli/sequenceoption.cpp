#include "sequenceoption.h"

#include "cli.h"

#include "saved/savedfile.h"
#include "saved/sequencerunner.h"
#include "text/terminaltext.h"

#include <QCommandLineParser>

namespace socketeer::cli {

namespace {

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

QString shown(const QByteArray &bytes)
{
    return terminalSafe(decodeForDisplay(bytes, TextEncoding::Utf8, {false, true}));
}

} // namespace

SequenceOptions::SequenceOptions()
    : messages(QStringLiteral("messages"),
               Cli::tr("A saved-messages file (JSON, as the window exports it; docs/SAVED.md) for --sequence."), Cli::tr("file")),
      sequence(QStringLiteral("sequence"),
               Cli::tr("Run this sequence of the --messages file instead of reading stdin: its messages are sent, "
                       "its delays and reply waits kept; each message sent and each chunk received is printed as a "
                       "line. A reply wait that times out ends the command with status 1."),
               Cli::tr("name")),
      repeat(QStringLiteral("repeat"), Cli::tr("Run the sequence this many times (0: until interrupted; default: as saved)."),
             Cli::tr("N"))
{
}

Result<std::optional<SequencePlan>> sequenceChoice(const QCommandLineParser &parser, const SequenceOptions &options)
{
    if (!parser.isSet(options.sequence)) {
        if (parser.isSet(options.messages) || parser.isSet(options.repeat))
            return failure(Cli::tr("--messages and --repeat go with --sequence NAME"));
        return std::optional<SequencePlan>();
    }
    if (!parser.isSet(options.messages))
        return failure(Cli::tr("--sequence needs --messages FILE.json"));
    SequencePlan plan;
    plan.name = parser.value(options.sequence);
    if (parser.isSet(options.repeat)) {
        bool numeric = false;
        plan.rounds = parser.value(options.repeat).toInt(&numeric);
        if (!numeric || plan.rounds < 0)
            return failure(Cli::tr("--repeat: \"%1\" is not a number of times (0 or more)").arg(parser.value(options.repeat)));
    }
    auto library = readSavedLibraryFile(parser.value(options.messages));
    if (!library)
        return failure(QStringLiteral("--messages: ") + library.error().message());
    plan.library = std::move(library).value();
    if (!plan.library.sequence(plan.name)) {
        QStringList names;
        for (const Sequence &sequence : plan.library.sequences)
            names.append(sequence.name);
        return failure(Cli::tr("--sequence: there is no sequence \"%1\" in %2 (it has: %3)")
                           .arg(plan.name, parser.value(options.messages), names.isEmpty() ? Cli::tr("none") : names.join(QStringLiteral(", "))));
    }
    return std::optional<SequencePlan>(std::move(plan));
}

SequenceSession::SequenceSession(SequencePlan plan, std::function<void(const QByteArray &)> send, QString command)
    : m_plan(std::move(plan)),
      m_send(std::move(send)),
      m_command(std::move(command)),
      m_runner(std::make_unique<SequenceRunner>())
{
    connect(m_runner.get(), &SequenceRunner::messageSent, this, [](const QString &name, const QByteArray &bytes) {
        writeStdout((Cli::tr("sent %1: %2").arg(terminalSafe(name), shown(bytes)) + QLatin1Char('\n')).toUtf8());
    });
    connect(m_runner.get(), &SequenceRunner::finished, this, [this](SequenceRunner::Outcome outcome, const QString &reason) {
        if (m_over)   // succeeded() stopped it and has said why
            return;
        m_over = true;
        m_ok = outcome == SequenceRunner::Outcome::Completed;
        if (m_ok)
            printLine(Cli::tr("sequence \"%1\" completed").arg(terminalSafe(m_plan.name)));
        else
            printError(m_command, Cli::tr("sequence \"%1\" failed: %2").arg(terminalSafe(m_plan.name), terminalSafe(reason)));
        emit ended(m_ok);
    });
}

SequenceSession::~SequenceSession() = default;

void SequenceSession::setBytesFunction(SavedBytesFunction function) { m_runner->setBytesFunction(std::move(function)); }

void SequenceSession::start()
{
    m_started = true;
    auto started = m_runner->start(m_plan.library, m_plan.name, [this](const QByteArray &bytes) {
        m_send(bytes);
        return QString();
    }, m_plan.rounds);
    if (!started) {
        m_over = true;
        printError(m_command, started.error().message());
        emit ended(false);
    }
}

void SequenceSession::received(const QByteArray &bytes)
{
    writeStdout((Cli::tr("received: %1").arg(shown(bytes)) + QLatin1Char('\n')).toUtf8());
    m_runner->feed(bytes);
}

bool SequenceSession::succeeded()
{
    if (m_started && !m_over) {
        m_over = true;
        // An interrupted "until stopped" run is what the user asked for.
        const bool interrupted = m_runner->rounds() == 0;
        m_runner->stop();
        if (!interrupted)
            printError(m_command, Cli::tr("sequence \"%1\" did not finish: the connection closed at step %2")
                                      .arg(terminalSafe(m_plan.name))
                                      .arg(m_runner->currentStep()));
        return interrupted;
    }
    return m_ok;
}

} // namespace socketeer::cli
