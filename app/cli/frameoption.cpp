#include "frameoption.h"

#include "cli.h"
#include "stdinreader.h"

#include "net/error.h"
#include "net/limits.h"
#include "tcp/tcpclient.h"

#include <cerrno>
#include <cstring>

namespace socketeer::cli {

QString frameOptionHelp()
{
    return Cli::tr("Split what is received into messages and add the same framing to what is sent. SPEC is "
                   "none, line, crlf, delim:HEX, len:1, len:2be, len:2le, len:4be, len:4le or fixed:N, then "
                   "options: header (the length counts its header), max=BYTES (default 1M), resync or close "
                   "(on a framing error; resync is the default). Each received message is written followed "
                   "by a newline; each line of stdin is sent as one message.");
}

FramedStdout::FramedStdout(const FrameSpec &spec, QString command, std::optional<ChecksumSpec> verify, QString source)
    : m_deframer(spec), m_command(std::move(command)), m_verify(std::move(verify)), m_source(std::move(source))
{
}

QString FramedStdout::report(const QString &text) const
{
    return m_source.isEmpty() ? text : Cli::tr("%1: %2").arg(m_source, text);
}

bool FramedStdout::push(const QByteArray &bytes)
{
    return write(m_deframer.push(bytes));
}

bool FramedStdout::finish()
{
    return write(m_deframer.finish());
}

bool FramedStdout::write(const QList<FrameItem> &items)
{
    for (const FrameItem &item : items) {
        if (item.type == FrameItem::Type::Error) {
            const QString text = report(item.errorText(m_deframer.spec()));
            if (item.closes) {
                printError(m_command, text);
                return false;
            }
            printWarning(m_command, text);
            continue;
        }
        if (item.type == FrameItem::Type::Partial)
            printWarning(m_command, report(Cli::tr("the connection ended inside a message: its %n byte(s) so far are written as the last line",
                                                   nullptr, static_cast<int>(item.bytes.size()))));
        if (!writeStdout(item.bytes + '\n')) {
            printError(m_command, Cli::tr("cannot write to standard output: %1").arg(errnoText(errno)));
            m_outputFailed = true;
            return false;
        }
        ++m_messages;
        if (m_verify && item.type == FrameItem::Type::Message) {
            // After its line, so the report follows the message it is about; the message is kept.
            const ChecksumVerdict verdict = verifyChecksum(*m_verify, item.bytes);
            if (!verdict.ok()) {
                ++m_bad;
                printWarning(m_command, report(Cli::tr("message %1: %2").arg(m_messages).arg(describeVerdict(*m_verify, verdict))));
            }
        }
    }
    return true;
}

FramedStdin::FramedStdin(const FrameSpec &spec, TcpClient *client, QString command,
                         std::function<QByteArray(const QByteArray &)> beforeFraming)
    : m_spec(spec), m_beforeFraming(std::move(beforeFraming)), m_client(client), m_command(std::move(command)), m_lines(std::make_unique<LineSplitter>()),
      m_reader(std::make_unique<StdinReader>())
{
    connect(m_reader.get(), &StdinReader::chunkRead, this, [this](const QByteArray &data) {
        m_lines->feed(data, [this](QByteArray line) { sendLine(std::move(line)); });
        pace();
    });
    connect(m_reader.get(), &StdinReader::failed, this, [this](const QString &message) {
        printWarning(m_command, message);
        m_failed = true;
    });
    connect(m_reader.get(), &StdinReader::finished, this, [this] {
        m_lines->finish([this](QByteArray line) { sendLine(std::move(line)); });
        m_client->halfClose();
    });
    connect(m_client, &TcpClient::dataSent, this, [this] { pace(); });
}

FramedStdin::~FramedStdin() = default;

void FramedStdin::start()
{
    m_reader->start();
}

void FramedStdin::sendLine(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_beforeFraming)
        line = m_beforeFraming(line);
    const auto framed = frame(m_spec, line);
    if (!framed) {
        printWarning(m_command, Cli::tr("a line of stdin was not sent: %1").arg(framed.error().detail));
        m_failed = true;
        return;
    }
    m_queued += framed->size();
    m_client->send(*framed);
}

void FramedStdin::pace()
{
    // Stdin is read only as fast as the connection takes it: what waits stays near one low-water mark.
    const qint64 waiting = m_queued - static_cast<qint64>(m_client->bytesOut());
    if (waiting > limits::kStreamLowWaterBytes)
        m_reader->pause();
    else if (m_reader->isPaused())
        m_reader->resume();
}

FramedLines framedLines(const FrameSpec &spec, const QString &command, std::function<QByteArray(const QByteArray &)> beforeFraming)
{
    struct State {
        LineSplitter lines;
        qint64 lineNumber = 0;
    };
    auto state = std::make_shared<State>();
    auto sendable = [spec, command, beforeFraming, state](QByteArray &out) {
        return [&out, spec, command, beforeFraming, state](QByteArray line) {
            ++state->lineNumber;
            if (line.endsWith('\r'))
                line.chop(1);
            if (beforeFraming)
                line = beforeFraming(line);
            const auto framed = frame(spec, line);
            if (!framed) {
                printWarning(command, Cli::tr("line %1 of stdin was not sent: %2").arg(state->lineNumber).arg(framed.error().detail));
                return;
            }
            out += *framed;
        };
    };
    FramedLines result;
    result.transform = [state, sendable](const QByteArray &chunk) {
        QByteArray out;
        state->lines.feed(chunk, sendable(out));
        return out;
    };
    result.flush = [state, sendable] {
        QByteArray out;
        state->lines.finish(sendable(out));
        return out;
    };
    return result;
}

} // namespace socketeer::cli
