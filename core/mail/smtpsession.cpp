#include "smtpsession.h"

#include "net/open.h"
#include "net/socket.h"
#include "net/wakeup.h"
#include "text/encoding.h"
#include "text/secret.h"

#include <QCoreApplication>
#include <QHostAddress>
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

// An error whose text is a whole sentence already ("SMTP: the server refused …"): shown as it is.
Error said(ErrorKind kind, QString sentence, int err = 0)
{
    Error error{kind, err ? std::error_code(err, std::system_category()) : std::error_code(), std::move(sentence)};
    error.whole = true;
    return error;
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
    switch (direction) {
    case Direction::Client: return QStringLiteral("C: ") + text;
    case Direction::Server: return QStringLiteral("S: ") + text;
    case Direction::Note: break;
    }
    return QStringLiteral("* ") + text;
}

class SmtpSession::Private {
public:
    explicit Private(SmtpSessionOptions o) : options(std::move(o)) {}

    SmtpSessionOptions options;
    Socket socket;
    std::unique_ptr<TlsStream> tls;   // set once TLS is up: every byte goes through it from then on
    std::optional<TlsCertificateInfo> rejectedCertificate;
    bool serverIsLoopback = false;
    SmtpExtensions extensions;
    QByteArray input;          // received, not yet split into lines
    bool broken = false;       // the connection can no longer carry a command

    Result<void> run(const MailMessage &message);
    Result<void> startTls();
    Result<void> greet(const QByteArray &name);
    Result<void> authenticate();
    Result<void> waitFor(short events, Clock::time_point deadline, const QString &waitingFor);
    Error waitError(const Error &error, const QString &doing) const;
    // Every wait below lasts at most `limit` (options.timeout unless said otherwise).
    Result<void> sendRaw(QByteArrayView bytes, const QString &doing, std::optional<std::chrono::milliseconds> limit = {});
    // `what` names the command in errors ("the password of AUTH LOGIN"): a fixed label, never
    // the line, which may carry a secret. `shown` is the transcript's form of the line, masked
    // when secret.
    Result<void> command(const QByteArray &line, const QString &what, const QString &shown = {}, bool masked = false,
                         std::optional<std::chrono::milliseconds> limit = {});
    Result<QByteArray> readLine(Clock::time_point deadline, const QString &waitingFor);
    Result<SmtpReply> readReply(const QString &waitingFor, std::optional<std::chrono::milliseconds> limit = {});
    Result<SmtpReply> exchange(const QByteArray &line, const QString &what, const QString &waitingFor);
    void quit();
    void show(SmtpTranscriptLine::Direction direction, const QString &text, bool masked = false)
    {
        if (options.transcript)
            options.transcript({direction, text, masked});
    }
};

namespace {
// What a reply code means for the person who sent the mail, where the code alone says it.
QString plainWords(int code)
{
    switch (code) {
    case 530: return Text::tr("the server wants you to log in first: give a user and password");
    case 534: return Text::tr("the server wants a stronger login: providers such as Gmail, QQ, 126 and 163 want an "
                              "authorization code (app password), not the web password");
    case 535: return Text::tr("the server rejected the user or the authorization code");
    case 538: return Text::tr("the server wants an encrypted connection before you log in");
    case 552: return Text::tr("the message is too large for the server");
    default: return {};
    }
}

Error refused(const QString &what, const SmtpReply &reply)
{
    const QString words = plainWords(reply.code);
    // 4xx: the server may take it later; 5xx: it will not.
    const QString why = words.isEmpty() ? reply.describe() : QStringLiteral("%1 (%2)").arg(words, reply.describe());
    const QString sentence = reply.kind() == 4
        ? Text::tr("SMTP: the server refused %1 for now (try again later): %2").arg(what, why)
        : Text::tr("SMTP: the server refused %1: %2").arg(what, why);
    return said(ErrorKind::Protocol, sentence);
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
            return said(ErrorKind::Timeout,
                        Text::tr("SMTP: the server did not respond within %1 ms while %2")
                            .arg(options.timeout.count())
                            .arg(waitingFor),
                        ETIMEDOUT);
        pollfd fds[2] = {{socket.fd(), events, 0}, {options.cancel ? options.cancel->fd() : -1, POLLIN, 0}};
        const int ready = ::poll(fds, options.cancel ? 2 : 1, static_cast<int>(std::min<qint64>(left.count() + 1, 1 << 30)));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return Error::fromErrno(ErrorKind::Socket, errno, QStringLiteral("poll"));
        }
        if (options.cancel && (fds[1].revents & POLLIN))
            return said(ErrorKind::Protocol, Text::tr("SMTP: sending was cancelled"), ECANCELED);
        if (fds[0].revents != 0)
            return {};   // ready, or an error/hang-up the next call reports
    }
}

Error SmtpSession::Private::waitError(const Error &error, const QString &doing) const
{
    if (error.code.value() == ETIMEDOUT && error.kind == ErrorKind::Timeout)
        return said(ErrorKind::Timeout,
                    Text::tr("SMTP: the server did not respond within %1 ms while %2").arg(options.timeout.count()).arg(doing),
                    ETIMEDOUT);
    if (error.code.value() == ECANCELED)
        return said(ErrorKind::Protocol, Text::tr("SMTP: sending was cancelled"), ECANCELED);
    if (error.kind == ErrorKind::PeerClosed)
        return said(ErrorKind::PeerClosed, Text::tr("SMTP: the server closed the connection while %1").arg(doing));
    return Error{error.kind, error.code, Text::tr("SMTP: while %1: %2").arg(doing, error.detail)};
}

Result<void> SmtpSession::Private::sendRaw(QByteArrayView bytes, const QString &doing, std::optional<std::chrono::milliseconds> limit)
{
    const auto deadline = Clock::now() + limit.value_or(options.timeout);
    if (tls) {
        auto written = tls->write(bytes, deadline);
        if (!written) {
            broken = true;
            return waitError(written.error(), doing);
        }
        return {};
    }
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
                return said(ErrorKind::PeerClosed, Text::tr("SMTP: the server closed the connection while %1").arg(doing), err);
            return Error{result.error().kind, result.error().code, Text::tr("SMTP: while %1").arg(doing)};
        }
        if (auto ready = waitFor(POLLOUT, deadline, doing); !ready) {
            broken = true;
            return ready.error();
        }
    }
    return {};
}

Result<void> SmtpSession::Private::command(const QByteArray &line, const QString &what, const QString &shown, bool masked,
                                           std::optional<std::chrono::milliseconds> limit)
{
    // The last line of defence against command injection: whatever the layers above checked, no
    // CR, LF or NUL goes into a command.
    if (auto valid = validateSmtpCommand(line); !valid)
        return valid;
    show(SmtpTranscriptLine::Direction::Client, shown.isNull() ? QString::fromUtf8(line) : shown, masked);
    return sendRaw(line + "\r\n", Text::tr("sending %1").arg(what), limit);
}

Result<QByteArray> SmtpSession::Private::readLine(Clock::time_point deadline, const QString &waitingFor)
{
    for (;;) {
        const qsizetype lf = input.indexOf('\n');
        if (lf >= 0) {
            if (lf == 0 || input[lf - 1] != '\r') {
                broken = true;
                return said(ErrorKind::Protocol, Text::tr("SMTP: the server ended a line with a bare LF instead of CRLF"));
            }
            QByteArray line = input.left(lf - 1);
            input.remove(0, lf + 1);
            return line;
        }
        if (input.size() > SmtpReplyReader::MaxLineLength + 2) {
            broken = true;
            return said(ErrorKind::Protocol, Text::tr("SMTP: the server sent a line longer than %1 octets")
                             .arg(SmtpReplyReader::MaxLineLength));
        }
        char buffer[4096];
        if (tls) {
            auto got = tls->read(std::span<char>(buffer, sizeof buffer), deadline);
            if (!got) {
                broken = true;
                return waitError(got.error(), waitingFor);
            }
            if (*got == 0) {
                broken = true;
                return said(ErrorKind::PeerClosed, Text::tr("SMTP: the server closed the connection while %1").arg(waitingFor));
            }
            input.append(buffer, static_cast<qsizetype>(*got));
            continue;
        }
        if (auto ready = waitFor(POLLIN, deadline, waitingFor); !ready) {
            broken = true;
            return ready.error();
        }
        auto got = socket.recv(std::span<char>(buffer, sizeof buffer));
        if (!got) {
            if (got.error().code == std::errc::operation_would_block)
                continue;
            broken = true;
            if (got.error().code.value() == ECONNRESET)
                return said(ErrorKind::PeerClosed, Text::tr("SMTP: the server closed the connection while %1").arg(waitingFor), ECONNRESET);
            return Error{got.error().kind, got.error().code, Text::tr("SMTP: while %1").arg(waitingFor)};
        }
        if (*got == 0) {
            broken = true;
            return said(ErrorKind::PeerClosed, Text::tr("SMTP: the server closed the connection while %1").arg(waitingFor));
        }
        input.append(buffer, static_cast<qsizetype>(*got));
    }
}

Result<SmtpReply> SmtpSession::Private::readReply(const QString &waitingFor, std::optional<std::chrono::milliseconds> limit)
{
    // One deadline for the whole reply: a server trickling lines cannot stretch it.
    const auto deadline = Clock::now() + limit.value_or(options.timeout);
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

Result<SmtpReply> SmtpSession::Private::exchange(const QByteArray &line, const QString &what, const QString &waitingFor)
{
    if (auto sent = command(line, what); !sent)
        return sent.error();
    return readReply(waitingFor);
}

void SmtpSession::Private::quit()
{
    if (broken || (!socket.isValid() && !tls))
        return;
    // Polite, and best effort: what the server says to QUIT changes nothing, so it is not worth
    // the full timeout (RFC 5321 4.5.3.2 gives no QUIT timeout; the message is already taken).
    const auto limit = std::min(QuitReplyTimeout, options.timeout);
    if (command("QUIT", QStringLiteral("QUIT"), QStringLiteral("QUIT"), false, limit))
        (void)readReply(Text::tr("waiting for the reply to QUIT"), limit);
}

Result<void> SmtpSession::Private::startTls()
{
    const QString handshaking = Text::tr("starting TLS");
    auto stream = std::make_unique<TlsStream>(options.cancel);
    TlsOptions tlsOptions;
    tlsOptions.peerName = options.server.host;
    tlsOptions.caFile = options.caFile;
    tlsOptions.trustedFingerprints = options.trustedFingerprints;
    auto started = stream->startClient(socket.release(), tlsOptions, Clock::now() + options.timeout);
    if (!started) {
        broken = true;
        rejectedCertificate = stream->rejectedCertificate();
        if (rejectedCertificate)
            return said(ErrorKind::Tls, Text::tr("SMTP: %1").arg(started.error().detail));
        if (started.error().kind == ErrorKind::InvalidArgument)
            return started.error();
        return waitError(started.error(), handshaking);
    }
    tls = std::move(stream);
    show(SmtpTranscriptLine::Direction::Note, Text::tr("TLS established: %1").arg(tls->sessionDescription()));
    return {};
}

Result<void> SmtpSession::Private::greet(const QByteArray &name)
{
    auto ehlo = exchange("EHLO " + name, QStringLiteral("EHLO"), Text::tr("waiting for the reply to EHLO"));
    if (!ehlo)
        return ehlo.error();
    if (ehlo->code == 250) {
        auto parsed = parseEhloExtensions(*ehlo);
        if (!parsed) {
            quit();
            return parsed.error();
        }
        extensions = *parsed;
        return {};
    }
    if (ehlo->kind() == 5 && options.security == SmtpSecurity::None && options.user.isEmpty()) {
        // An old server that knows only HELO (RFC 5321 3.2): no extensions then — so not when
        // we need STARTTLS or AUTH, which only EHLO can offer.
        auto helo = exchange("HELO " + name, QStringLiteral("HELO"), Text::tr("waiting for the reply to HELO"));
        if (!helo)
            return helo.error();
        if (helo->code != 250) {
            quit();
            return refused(Text::tr("our greeting (EHLO and HELO)"), *helo);
        }
        return {};
    }
    quit();
    return refused(Text::tr("our greeting (EHLO)"), *ehlo);
}

Result<void> SmtpSession::Private::authenticate()
{
    if (!tls && !serverIsLoopback && !options.allowUnencryptedAuth) {
        quit();
        return said(ErrorKind::Tls, Text::tr("SMTP: refusing to send the password over an unencrypted connection to %1; choose "
                              "STARTTLS or SSL/TLS (or allow an unencrypted login explicitly)")
                         .arg(options.server.host));
    }
    const QByteArray user = options.user.toUtf8();
    const QByteArray secret = options.password.reveal().toUtf8();
    if (user.contains('\0') || secret.contains('\0') || secret.contains('\x01')) {
        quit();
        return said(ErrorKind::InvalidArgument, Text::tr("SMTP: the user or password contains a control character; nothing was sent"));
    }
    const QStringList &offered = extensions.authMechanisms;
    SmtpAuthMethod method = options.authMethod;
    if (method == SmtpAuthMethod::Auto)
        method = offered.contains(QStringLiteral("PLAIN")) ? SmtpAuthMethod::Plain
               : offered.contains(QStringLiteral("LOGIN")) ? SmtpAuthMethod::Login
                                                            : SmtpAuthMethod::Auto;
    const QString wanted = method == SmtpAuthMethod::Plain   ? QStringLiteral("PLAIN")
                         : method == SmtpAuthMethod::Login   ? QStringLiteral("LOGIN")
                         : method == SmtpAuthMethod::XOAuth2 ? QStringLiteral("XOAUTH2")
                                                             : QString();
    if (wanted.isEmpty() || !offered.contains(wanted)) {
        quit();
        const QString list = offered.isEmpty() ? Text::tr("none") : offered.join(QStringLiteral(", "));
        return said(ErrorKind::Protocol, wanted.isEmpty()
                         ? Text::tr("SMTP: the server offers no login method we know (it offers: %1)").arg(list)
                         : Text::tr("SMTP: the server does not offer AUTH %1 (it offers: %2)").arg(wanted, list));
    }

    // Every step has its own label, for errors and for nothing else: the lines themselves carry
    // the secret (or, for LOGIN, are nothing but its base64).
    const QString mask = Secret::shown();
    auto ask = [&](const QByteArray &line, const QString &what, const QString &shown, bool masked) -> Result<SmtpReply> {
        if (auto sent = command(line, what, shown, masked); !sent)
            return sent.error();
        return readReply(Text::tr("waiting for the reply to %1").arg(what));
    };
    Result<SmtpReply> reply = Error{};
    if (method == SmtpAuthMethod::Plain) {
        // RFC 4616: authorization identity (empty), NUL, user, NUL, password.
        reply = ask("AUTH PLAIN " + (QByteArray(1, '\0') + user + '\0' + secret).toBase64(), QStringLiteral("AUTH PLAIN"),
                    QStringLiteral("AUTH PLAIN ") + mask, true);
    } else if (method == SmtpAuthMethod::XOAuth2) {
        reply = ask("AUTH XOAUTH2 " + ("user=" + user + '\x01' + "auth=Bearer " + secret + '\x01' + '\x01').toBase64(),
                    QStringLiteral("AUTH XOAUTH2"), QStringLiteral("AUTH XOAUTH2 ") + mask, true);
        if (reply && reply->code == 334)   // an error in JSON; an empty line ends the exchange
            reply = ask(QByteArray(), Text::tr("the end of AUTH XOAUTH2"), QString(), false);
    } else {
        reply = ask("AUTH LOGIN", QStringLiteral("AUTH LOGIN"), QStringLiteral("AUTH LOGIN"), false);
        if (reply && reply->code == 334) {
            const QByteArray encodedUser = user.toBase64();
            reply = ask(encodedUser, Text::tr("the user name of AUTH LOGIN"), QString::fromLatin1(encodedUser), false);
            if (reply && reply->code == 334)
                reply = ask(secret.toBase64(), Text::tr("the password of AUTH LOGIN"), mask, true);
        }
    }
    if (!reply)
        return reply.error();
    if (reply->code != 235) {
        quit();
        return refused(Text::tr("the login (AUTH %1) as %2").arg(wanted, options.user), *reply);
    }
    return {};
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
    if (!connected) {
        // A cancel while connecting reads the same as one later on: the user asked for it.
        if (connected.error().code.value() == ECANCELED)
            return said(ErrorKind::Protocol, Text::tr("SMTP: sending was cancelled"), ECANCELED);
        return connected.error();
    }
    socket = std::move(*connected);
    if (const auto peer = socket.peerName())
        serverIsLoopback = QHostAddress(peer->host()).isLoopback();

    QString name = options.clientName;
    if (name.isEmpty()) {
        const auto own = socket.sockName();
        name = !own ? QStringLiteral("localhost")
             : own->family() == AF_INET6 ? QStringLiteral("[IPv6:%1]").arg(own->host())
                                         : QStringLiteral("[%1]").arg(own->host());
    }
    const QByteArray nameBytes = name.toUtf8();

    if (options.security == SmtpSecurity::Tls) {
        // Implicit TLS (RFC 8314): the handshake comes first, before the greeting.
        if (auto secured = startTls(); !secured)
            return secured;
    }

    auto greeting = readReply(Text::tr("waiting for the server's greeting"));
    if (!greeting)
        return greeting.error();
    if (greeting->code != 220)
        return refused(Text::tr("the connection"), *greeting);

    if (auto greeted = greet(nameBytes); !greeted)
        return greeted;

    if (options.security == SmtpSecurity::StartTls) {
        if (!extensions.startTls) {
            // No silent downgrade: the user asked for encryption, so nothing more is sent.
            quit();
            return said(ErrorKind::Tls, Text::tr("SMTP: the server does not offer STARTTLS, so the connection cannot be encrypted; "
                                  "nothing was sent (choose SSL/TLS, or another server)"));
        }
        auto starttls = exchange("STARTTLS", QStringLiteral("STARTTLS"), Text::tr("waiting for the reply to STARTTLS"));
        if (!starttls)
            return starttls.error();
        if (starttls->code != 220) {
            quit();
            return refused(Text::tr("to start TLS (STARTTLS); nothing was sent"), *starttls);
        }
        if (!input.isEmpty()) {
            // Bytes after the 220 came before any encryption: a man in the middle could have put
            // them there to be read later as replies from inside TLS (CVE-2011-0411 and kin).
            broken = true;
            return said(ErrorKind::Tls, Text::tr("SMTP: the server sent data before the TLS handshake (possible response "
                                  "injection); the connection was dropped and nothing was sent"));
        }
        if (auto secured = startTls(); !secured)
            return secured;
        // What was said in clear no longer counts (RFC 3207 4.2): ask again.
        extensions = {};
        if (auto greeted = greet(nameBytes); !greeted)
            return greeted;
    }

    if (!options.user.isEmpty()) {
        if (auto loggedIn = authenticate(); !loggedIn)
            return loggedIn;
    }

    if (needUtf8 && !extensions.smtpUtf8) {
        quit();
        return said(ErrorKind::Protocol, Text::tr("SMTP: the server does not accept addresses with non-ASCII characters "
                              "(it does not offer SMTPUTF8)"));
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
            return said(ErrorKind::Limit, Text::tr("SMTP: the message is %1 bytes, more than the %2 bytes the server accepts "
                                  "(SIZE); nothing was sent")
                             .arg(total)
                             .arg(extensions.sizeLimit));
        }
    }

    QByteArray mail = "MAIL FROM:<" + from.toUtf8() + '>';
    if (total >= 0)
        mail += " SIZE=" + QByteArray::number(total);
    if (extensions.eightBitMime)
        mail += " BODY=8BITMIME";
    if (needUtf8)
        mail += " SMTPUTF8";
    auto mailReply = exchange(mail, QStringLiteral("MAIL FROM"), Text::tr("waiting for the reply to MAIL FROM"));
    if (!mailReply)
        return mailReply.error();
    if (mailReply->code != 250) {
        quit();
        return refused(Text::tr("the sender %1").arg(from), *mailReply);
    }

    for (const QString &recipient : recipients) {
        auto rcpt = exchange("RCPT TO:<" + recipient.toUtf8() + '>', QStringLiteral("RCPT TO"), Text::tr("waiting for the reply to RCPT TO"));
        if (!rcpt)
            return rcpt.error();
        if (rcpt->code != 250 && rcpt->code != 251) {
            quit();
            return refused(Text::tr("the recipient %1").arg(recipient), *rcpt);
        }
    }

    auto data = exchange("DATA", QStringLiteral("DATA"), Text::tr("waiting for the reply to DATA"));
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
    if (d->tls)
        d->tls->close();
    d->tls.reset();
    d->socket.close();
    d->input.clear();
    return result;
}

const SmtpExtensions &SmtpSession::extensions() const { return d->extensions; }
const std::optional<TlsCertificateInfo> &SmtpSession::rejectedCertificate() const { return d->rejectedCertificate; }

} // namespace socketeer
