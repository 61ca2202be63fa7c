#include "smtpsession.h"

#include "net/open.h"
#include "net/socket.h"
#include "net/wakeup.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cerrno>
#include <optional>
#include <poll.h>

namespace socketeer {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Smtp)
};

using Clock = std::chrono::steady_clock;

bool isAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

// Counts the bytes written to it and keeps none: the message's size, for SIZE.
class CountingDevice final : public QIODevice {
public:
    CountingDevice() { open(QIODevice::WriteOnly); }
    qint64 count = 0;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        count += size;
        return size;
    }
};
} // namespace

Result<void> validateSmtpCommand(QByteArrayView line)
{
    for (const char c : line)
        if (c == '\r' || c == '\n' || c == '\0')
            return Error::invalid(Text::tr("SMTP: a command may not contain a line break (CR or LF) or NUL; "
                                           "nothing was sent"));
    return {};
}

QString SmtpTranscriptLine::toString() const
{
    return (direction == Direction::Client ? QStringLiteral("C: ") : QStringLiteral("S: ")) + text;
}

class SmtpSession::Private {
public:
    explicit Private(SmtpSessionOptions o) : options(std::move(o)) {}

    SmtpSessionOptions options;
    Socket socket;
    SmtpExtensions extensions;
    QByteArray input;          // received, not yet split into lines
    bool broken = false;       // the connection can no longer carry a command

    Result<void> run(const MailMessage &message);
    Result<void> waitFor(short events, Clock::time_point deadline, const QString &waitingFor);
    Result<void> sendRaw(QByteArrayView bytes, const QString &doing);
    Result<void> command(const QByteArray &line, const QString &shown = {}, bool masked = false);
    Result<QByteArray> readLine(Clock::time_point deadline, const QString &waitingFor);
    Result<SmtpReply> readReply(const QString &waitingFor);
    Result<SmtpReply> exchange(const QByteArray &line, const QString &waitingFor);
    void quit();
    void show(SmtpTranscriptLine::Direction direction, const QString &text, bool masked = false)
    {
        if (options.transcript)
            options.transcript({direction, text, masked});
    }
};

namespace {
Error refused(const QString &what, const SmtpReply &reply)
{
    // 4xx: the server may take it later; 5xx: it will not.
    const QString sentence = reply.kind() == 4
        ? Text::tr("SMTP: the server refused %1 for now (try again later): %2").arg(what, reply.describe())
        : Text::tr("SMTP: the server refused %1: %2").arg(what, reply.describe());
    return {ErrorKind::Protocol, {}, sentence};
}

// Writes the message to the server as it is produced: a "." at the start of a line gets another
// "." (RFC 5321 4.5.2), in chunks of 64 KiB, so the message is never held in memory.
class DotStuffingDevice final : public QIODevice {
public:
    static constexpr qsizetype ChunkSize = 64 * 1024;
    DotStuffingDevice(std::function<Result<void>(QByteArrayView)> sink, std::function<void(qint64)> progress)
        : m_sink(std::move(sink)), m_progress(std::move(progress))
    {
        m_chunk.reserve(ChunkSize + 2);
        open(QIODevice::WriteOnly);
    }

    std::optional<Error> error;
    qint64 consumed() const { return m_consumed; }
    bool isSequential() const override { return true; }

    // The end of the message: a CRLF if the message did not end with one, then ".CRLF".
    Result<void> finish()
    {
        if (error)
            return *error;
        if (!m_atLineStart)
            m_chunk += "\r\n";
        m_chunk += ".\r\n";
        if (!flush())
            return *error;
        return {};
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (error)
            return -1;
        for (qint64 i = 0; i < size; ++i) {
            const char c = data[i];
            if (m_atLineStart && c == '.')
                m_chunk += '.';
            m_chunk += c;
            m_atLineStart = c == '\n';
            if (m_chunk.size() >= ChunkSize) {
                m_consumed += i + 1 - m_counted;
                m_counted = i + 1;
                if (!flush())
                    return -1;
            }
        }
        m_consumed += size - m_counted;
        m_counted = 0;
        return size;
    }

private:
    bool flush()
    {
        if (m_chunk.isEmpty())
            return true;
        auto sent = m_sink(m_chunk);
        if (!sent) {
            error = sent.error();
            return false;
        }
        m_chunk.clear();
        if (m_progress)
            m_progress(m_consumed);
        return true;
    }

    std::function<Result<void>(QByteArrayView)> m_sink;
    std::function<void(qint64)> m_progress;
    QByteArray m_chunk;
    bool m_atLineStart = true;
    qint64 m_consumed = 0;   // message bytes taken in (before stuffing) and flushed or buffered
    qint64 m_counted = 0;    // of the current writeData() call, already added to m_consumed
};
} // namespace

Result<void> SmtpSession::Private::waitFor(short events, Clock::time_point deadline, const QString &waitingFor)
{
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return Error::fromErrno(ErrorKind::Timeout, ETIMEDOUT,
                                    Text::tr("SMTP: the server did not respond within %1 ms while %2")
                                        .arg(options.timeout.count())
                                        .arg(waitingFor));
        pollfd fds[2] = {{socket.fd(), events, 0}, {options.cancel ? options.cancel->fd() : -1, POLLIN, 0}};
        const int ready = ::poll(fds, options.cancel ? 2 : 1, static_cast<int>(std::min<qint64>(left.count() + 1, 1 << 30)));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll"));
        }
        if (options.cancel && (fds[1].revents & POLLIN))
            return Error::fromErrno(ErrorKind::Protocol, ECANCELED, Text::tr("SMTP: sending was cancelled"));
        if (fds[0].revents != 0)
            return {};   // ready, or an error/hang-up the next call reports
    }
}

Result<void> SmtpSession::Private::sendRaw(QByteArrayView bytes, const QString &doing)
{
    const auto deadline = Clock::now() + options.timeout;
    std::size_t done = 0;
    while (done < static_cast<std::size_t>(bytes.size())) {
        std::size_t sent = 0;
        auto result = socket.sendAll(std::span<const char>(bytes.data() + done, bytes.size() - done), &sent);
        done += sent;
        if (result)
            break;
        if (result.error().code != std::errc::operation_would_block) {
            broken = true;
            const int err = result.error().code.value();
            if (err == EPIPE || err == ECONNRESET)
                return Error::fromErrno(ErrorKind::PeerClosed, err,
                                        Text::tr("SMTP: the server closed the connection while %1").arg(doing));
            return Error{result.error().kind, result.error().code, Text::tr("SMTP: while %1").arg(doing)};
        }
        if (auto ready = waitFor(POLLOUT, deadline, doing); !ready) {
            broken = true;
            return ready.error();
        }
    }
    return {};
}

Result<void> SmtpSession::Private::command(const QByteArray &line, const QString &shown, bool masked)
{
    // The last line of defence against command injection: whatever the layers above checked, no
    // CR, LF or NUL goes into a command.
    if (auto valid = validateSmtpCommand(line); !valid)
        return valid;
    show(SmtpTranscriptLine::Direction::Client, shown.isNull() ? QString::fromUtf8(line) : shown, masked);
    return sendRaw(line + "\r\n", Text::tr("sending %1").arg(QString::fromUtf8(line.left(line.indexOf(' ')))));
}

Result<QByteArray> SmtpSession::Private::readLine(Clock::time_point deadline, const QString &waitingFor)
{
    for (;;) {
        const qsizetype lf = input.indexOf('\n');
        if (lf >= 0) {
            if (lf == 0 || input[lf - 1] != '\r') {
                broken = true;
                return Error{ErrorKind::Protocol, {},
                             Text::tr("SMTP: the server ended a line with a bare LF instead of CRLF")};
            }
            QByteArray line = input.left(lf - 1);
            input.remove(0, lf + 1);
            return line;
        }
        if (input.size() > SmtpReplyReader::MaxLineLength + 2) {
            broken = true;
            return Error{ErrorKind::Protocol, {},
                         Text::tr("SMTP: the server sent a line longer than %1 octets")
                             .arg(SmtpReplyReader::MaxLineLength)};
        }
        if (auto ready = waitFor(POLLIN, deadline, waitingFor); !ready) {
            broken = true;
            return ready.error();
        }
        char buffer[4096];
        auto got = socket.recv(std::span<char>(buffer, sizeof buffer));
        if (!got) {
            if (got.error().code == std::errc::operation_would_block)
                continue;
            broken = true;
            if (got.error().code.value() == ECONNRESET)
                return Error::fromErrno(ErrorKind::PeerClosed, ECONNRESET,
                                        Text::tr("SMTP: the server closed the connection while %1").arg(waitingFor));
            return Error{got.error().kind, got.error().code, Text::tr("SMTP: while %1").arg(waitingFor)};
        }
        if (*got == 0) {
            broken = true;
            return Error{ErrorKind::PeerClosed, {},
                         Text::tr("SMTP: the server closed the connection while %1").arg(waitingFor)};
        }
        input.append(buffer, static_cast<qsizetype>(*got));
    }
}

Result<SmtpReply> SmtpSession::Private::readReply(const QString &waitingFor)
{
    // One deadline for the whole reply: a server trickling lines cannot stretch it.
    const auto deadline = Clock::now() + options.timeout;
    SmtpReplyReader reader;
    for (;;) {
        auto line = readLine(deadline, waitingFor);
        if (!line)
            return line.error();
        show(SmtpTranscriptLine::Direction::Server, QString::fromUtf8(*line));
        auto done = reader.addLine(*line);
        if (!done) {
            broken = true;
            return done.error();
        }
        if (*done)
            return reader.take();
    }
}

Result<SmtpReply> SmtpSession::Private::exchange(const QByteArray &line, const QString &waitingFor)
{
    if (auto sent = command(line); !sent)
        return sent.error();
    return readReply(waitingFor);
}

void SmtpSession::Private::quit()
{
    if (broken || !socket.isValid())
        return;
    // Polite, and best effort: what the server says to QUIT changes nothing.
    if (command("QUIT"))
        (void)readReply(Text::tr("waiting for the reply to QUIT"));
}

Result<void> SmtpSession::Private::run(const MailMessage &message)
{
    if (auto valid = validateMailMessage(message); !valid)
        return valid;
    const QStringList recipients = envelopeRecipients(message);
    const QString from = message.from.address;
    bool needUtf8 = !isAscii(from);
    for (const QString &recipient : recipients)
        needUtf8 = needUtf8 || !isAscii(recipient);

    auto connected = connectTo(options.server, options.connectTimeout, options.cancel);
    if (!connected)
        return connected.error();
    socket = std::move(*connected);

    auto greeting = readReply(Text::tr("waiting for the server's greeting"));
    if (!greeting)
        return greeting.error();
    if (greeting->code != 220)
        return refused(Text::tr("the connection"), *greeting);

    QString name = options.clientName;
    if (name.isEmpty()) {
        const auto own = socket.sockName();
        name = !own ? QStringLiteral("localhost")
             : own->family() == AF_INET6 ? QStringLiteral("[IPv6:%1]").arg(own->host())
                                         : QStringLiteral("[%1]").arg(own->host());
    }
    const QByteArray nameBytes = name.toUtf8();

    auto ehlo = exchange("EHLO " + nameBytes, Text::tr("waiting for the reply to EHLO"));
    if (!ehlo)
        return ehlo.error();
    if (ehlo->code == 250) {
        auto parsed = parseEhloExtensions(*ehlo);
        if (!parsed) {
            quit();
            return parsed.error();
        }
        extensions = *parsed;
    } else if (ehlo->kind() == 5) {
        // An old server that knows only HELO (RFC 5321 3.2): no extensions then.
        auto helo = exchange("HELO " + nameBytes, Text::tr("waiting for the reply to HELO"));
        if (!helo)
            return helo.error();
        if (helo->code != 250) {
            quit();
            return refused(Text::tr("our greeting (EHLO and HELO)"), *helo);
        }
    } else {
        quit();
        return refused(Text::tr("our greeting (EHLO)"), *ehlo);
    }

    if (needUtf8 && !extensions.smtpUtf8) {
        quit();
        return Error{ErrorKind::Protocol, {},
                     Text::tr("SMTP: the server does not accept addresses with non-ASCII characters "
                              "(it does not offer SMTPUTF8)")};
    }

    qint64 total = -1;
    if (extensions.size && extensions.sizeLimit > 0) {
        // Measured by building the message once without keeping it, so the limit is checked
        // before the server is asked to take anything.
        CountingDevice counter;
        if (auto written = writeMailMessage(message, &counter); !written) {
            quit();
            return written;
        }
        total = counter.count;
        if (total > extensions.sizeLimit) {
            quit();
            return Error{ErrorKind::Limit, {},
                         Text::tr("SMTP: the message is %1 bytes, more than the %2 bytes the server accepts "
                                  "(SIZE); nothing was sent")
                             .arg(total)
                             .arg(extensions.sizeLimit)};
        }
    }

    QByteArray mail = "MAIL FROM:<" + from.toUtf8() + '>';
    if (total >= 0)
        mail += " SIZE=" + QByteArray::number(total);
    if (extensions.eightBitMime)
        mail += " BODY=8BITMIME";
    if (needUtf8)
        mail += " SMTPUTF8";
    auto mailReply = exchange(mail, Text::tr("waiting for the reply to MAIL FROM"));
    if (!mailReply)
        return mailReply.error();
    if (mailReply->code != 250) {
        quit();
        return refused(Text::tr("the sender %1").arg(from), *mailReply);
    }

    for (const QString &recipient : recipients) {
        auto rcpt = exchange("RCPT TO:<" + recipient.toUtf8() + '>', Text::tr("waiting for the reply to RCPT TO"));
        if (!rcpt)
            return rcpt.error();
        if (rcpt->code != 250 && rcpt->code != 251) {
            quit();
            return refused(Text::tr("the recipient %1").arg(recipient), *rcpt);
        }
    }

    auto data = exchange("DATA", Text::tr("waiting for the reply to DATA"));
    if (!data)
        return data.error();
    if (data->code != 354) {
        quit();
        return refused(Text::tr("to take the message (DATA)"), *data);
    }

    const QString sendingMessage = Text::tr("sending the message");
    DotStuffingDevice stuffer([&](QByteArrayView bytes) { return sendRaw(bytes, sendingMessage); },
                              [&](qint64 sent) {
                                  if (options.progress)
                                      options.progress(sent, total);
                              });
    auto written = writeMailMessage(message, &stuffer);
    if (stuffer.error)
        return *stuffer.error;
    if (!written) {
        // Building failed half-way (an attachment became unreadable): the server must not take
        // a truncated message as complete, so the connection is dropped without the final ".".
        broken = true;
        return written;
    }
    if (auto finished = stuffer.finish(); !finished)
        return finished;
    show(SmtpTranscriptLine::Direction::Client, Text::tr("(the message, %1 bytes)").arg(stuffer.consumed()));
    show(SmtpTranscriptLine::Direction::Client, QStringLiteral("."));

    auto accepted = readReply(Text::tr("waiting for the server to accept the message"));
    if (!accepted)
        return accepted.error();
    if (accepted->code != 250) {
        quit();
        return refused(Text::tr("the message"), *accepted);
    }
    quit();
    return {};
}

SmtpSession::SmtpSession(SmtpSessionOptions options) : d(std::make_unique<Private>(std::move(options))) {}
SmtpSession::~SmtpSession() = default;

Result<void> SmtpSession::send(const MailMessage &message)
{
    auto result = d->run(message);
    d->socket.close();
    d->input.clear();
    return result;
}

const SmtpExtensions &SmtpSession::extensions() const { return d->extensions; }

} // namespace socketeer
