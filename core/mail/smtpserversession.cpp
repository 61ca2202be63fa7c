#include "smtpserversession.h"

#include "net/limits.h"
#include "text/secret.h"

#include <QLocale>

namespace socketeer {

// Reply texts are protocol, not UI: they stay ASCII English on the wire whatever the app's language.

namespace {

// RFC 4954's base64, strictly: "=" alone is the empty answer; anything not base64 is refused.
std::optional<QByteArray> decodeBase64(QByteArrayView text)
{
    if (text == "=")
        return QByteArray();
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && qstrnicmp(text.data(), prefix.data(), prefix.size()) == 0;
}

bool isAscii(QByteArrayView text)
{
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

struct Path {
    QByteArray address;
    QByteArrayView parameters;
    QString problem;   // empty when the path is well formed
};

// "<a@b> SIZE=10" or, as some clients write it, "a@b". A source route ("<@x,@y:a@b>") is dropped
// as RFC 5321 3.3 says it may be.
Path parsePath(QByteArrayView text)
{
    text = trimmed(text);
    Path path;
    QByteArrayView inside;
    if (text.startsWith('<')) {
        const qsizetype close = text.indexOf('>');
        if (close < 0) {
            path.problem = QStringLiteral("Syntax error: the address has no closing '>'");
            return path;
        }
        inside = text.sliced(1, close - 1);
        path.parameters = trimmed(text.sliced(close + 1));
    } else {
        const qsizetype space = text.indexOf(' ');
        inside = space < 0 ? text : text.first(space);
        path.parameters = space < 0 ? QByteArrayView() : trimmed(text.sliced(space + 1));
    }
    if (inside.startsWith('@')) {
        const qsizetype colon = inside.indexOf(':');
        inside = colon < 0 ? QByteArrayView() : inside.sliced(colon + 1);
    }
    for (char c : inside) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == 0x7f) {
            path.problem = QStringLiteral("Syntax error: the address may not contain spaces, control characters or '<'");
            return path;
        }
    }
    if (inside.size() > 254) {
        path.problem = QStringLiteral("The address is longer than 254 characters");
        return path;
    }
    path.address = inside.toByteArray();
    return path;
}

} // namespace

SmtpServerSession::SmtpServerSession(QString hostName, SmtpReceiverLimits limits, SmtpMessageSink &sink, QString peer,
                                     SmtpSessionPolicy policy)
    : m_hostName(std::move(hostName)), m_limits(limits), m_sink(sink), m_peer(std::move(peer)), m_policy(std::move(policy)),
      m_tls(m_policy.tls)
{
    // Implicit TLS (RFC 8314): the handshake came before the greeting, so the dialogue says so first.
    if (m_tls.active)
        note(Direction::Server, QStringLiteral("(TLS from the start: %1, %2)").arg(m_tls.version, m_tls.cipher));
}

SmtpServerSession::~SmtpServerSession()
{
    connectionLost();
}

QByteArray SmtpServerSession::greeting()
{
    QByteArray out;
    reply(out, 220, nullptr, QStringLiteral("%1 ESMTP Socketeer local inbox ready").arg(m_hostName));
    return out;
}

QByteArray SmtpServerSession::timedOut()
{
    QByteArray out;
    connectionLost();
    reply(out, 421, "4.4.2", QStringLiteral("%1 Timeout: nothing received for too long, closing connection").arg(m_hostName));
    m_close = true;
    return out;
}

void SmtpServerSession::connectionLost()
{
    if (m_sinkOpen) {
        m_sink.abort();
        m_sinkOpen = false;
    }
    m_state = State::Command;
}

QByteArray SmtpServerSession::receive(QByteArrayView bytes)
{
    QByteArray out;
    while (!bytes.isEmpty() && !m_close && !m_startTlsRequested) {
        const qsizetype used = m_state == State::Data ? receiveData(bytes, out) : receiveCommands(bytes, out);
        bytes = bytes.sliced(used);
    }
    // After the 220 to STARTTLS the next byte must be the TLS handshake's: whatever came with or
    // after the STARTTLS line in plain text was injectable by anyone on the path (CVE-2011-0411).
    if (m_startTlsRequested)
        m_discarded += bytes.size();
    return out;
}

void SmtpServerSession::tlsStarted(const SmtpTlsInfo &tls)
{
    m_startTlsRequested = false;
    m_startTlsReply.clear();
    m_tls = tls;
    m_tls.active = true;
    resetTransaction();
    m_helo.clear();
    m_extended = false;
    m_authStep = AuthStep::None;
    m_loginUser.clear();
    m_authUser.clear();
    m_line.clear();
    m_lineTooLong = false;
    note(Direction::Server, QStringLiteral("(TLS started: %1, %2)").arg(m_tls.version, m_tls.cipher));
}

// Whole lines, one command each; stops after a command that starts DATA so the bytes after it
// (pipelined) are read as message text.
qsizetype SmtpServerSession::receiveCommands(QByteArrayView bytes, QByteArray &out)
{
    qsizetype used = 0;
    while (used < bytes.size() && m_state == State::Command && !m_close && !m_startTlsRequested) {
        const QByteArrayView rest = bytes.sliced(used);
        const qsizetype lf = rest.indexOf('\n');
        const QByteArrayView piece = lf < 0 ? rest : rest.first(lf);
        used += lf < 0 ? rest.size() : lf + 1;

        if (!m_lineTooLong) {
            if (m_line.size() + piece.size() > m_limits.maxCommandLineBytes) {
                m_lineTooLong = true;   // drop the rest of this line as it comes, keep nothing
                m_line.clear();
            } else {
                m_line.append(piece);
            }
        }
        if (lf < 0)
            break;
        if (m_lineTooLong) {
            m_lineTooLong = false;
            m_authStep = AuthStep::None;   // an answer that long ends the exchange
            m_loginUser.clear();
            note(Direction::Client, QStringLiteral("(a line longer than %1 bytes)").arg(m_limits.maxCommandLineBytes));
            error(out, 500, "5.5.2", QStringLiteral("Line too long: a command may be at most %1 bytes").arg(m_limits.maxCommandLineBytes));
            continue;
        }
        QByteArray line = std::exchange(m_line, {});
        if (line.endsWith('\r'))
            line.chop(1);
        command(line, out);
    }
    return used;
}

void SmtpServerSession::command(QByteArrayView line, QByteArray &out)
{
    if (m_authStep != AuthStep::None) {
        // An answer inside AUTH: a user name or a password, base64. Never shown.
        note(Direction::Client, line == "*" ? QStringLiteral("*") : Secret::shown());
        return authResponse(line, out);
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.first(space)).toByteArray().toUpper();
    const QByteArrayView argument = space < 0 ? QByteArrayView() : trimmed(line.sliced(space + 1));
    if (verb == "AUTH") {
        // "AUTH PLAIN ********": a mechanism's name is shown, the initial response never — nor a
        // "mechanism" that is no SASL name we know (a client that put the password there).
        static const QByteArrayList known{"PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "XOAUTH2", "OAUTHBEARER", "GSSAPI",
                                          "NTLM", "EXTERNAL", "ANONYMOUS", "SCRAM-SHA-1", "SCRAM-SHA-256"};
        const qsizetype mechanismEnd = argument.indexOf(' ');
        const QByteArray mechanism = (mechanismEnd < 0 ? argument : argument.first(mechanismEnd)).toByteArray().toUpper();
        QString shown = QStringLiteral("AUTH");
        if (known.contains(mechanism))
            shown += QLatin1Char(' ') + QString::fromLatin1(mechanism);
        else if (!mechanism.isEmpty())
            shown += QLatin1Char(' ') + Secret::shown();
        if (mechanismEnd >= 0)
            shown += QLatin1Char(' ') + Secret::shown();
        note(Direction::Client, shown);
        return auth(argument, out);
    }
    note(Direction::Client, QString::fromUtf8(line));

    if (verb == "EHLO" || verb == "HELO")
        return hello(verb, argument, out);
    if (verb == "MAIL")
        return mailFrom(argument, out);
    if (verb == "RCPT")
        return rcptTo(argument, out);
    if (verb == "DATA")
        return data(argument, out);
    if (verb == "STARTTLS")
        return startTls(argument, out);
    if (verb == "RSET") {
        if (!argument.isEmpty())
            return error(out, 501, "5.5.4", QStringLiteral("Syntax: RSET (no arguments)"));
        resetTransaction();
        return reply(out, 250, "2.0.0", QStringLiteral("Reset: sender and recipients forgotten"));
    }
    if (verb == "NOOP")
        return reply(out, 250, "2.0.0", QStringLiteral("OK"));
    if (verb == "QUIT") {
        reply(out, 221, "2.0.0", QStringLiteral("%1 closing connection").arg(m_hostName));
        m_close = true;
        return;
    }
    // Saying whether a mailbox exists helps spammers harvest addresses; RFC 5321 3.5.3 allows 252.
    if (verb == "VRFY" || verb == "EXPN") {
        if (argument.isEmpty())
            return error(out, 501, "5.5.4", QStringLiteral("Syntax: %1 <address>").arg(QString::fromLatin1(verb)));
        return reply(out, 252, "2.5.0", QStringLiteral("Cannot verify the address, but will accept mail for it"));
    }
    if (verb == "HELP") {
        QString commands = QStringLiteral("2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT");
        if (m_policy.startTlsAvailable && !m_tls.active)
            commands += QStringLiteral(" STARTTLS");
        if (m_policy.auth.enabled())
            commands += QStringLiteral(" AUTH");
        return replyLines(out, 214,
                          {QStringLiteral("2.0.0 Socketeer local inbox: every message is kept, none is relayed"), commands,
                           QStringLiteral("2.0.0 End of HELP")});
    }
    if (verb == "BDAT" || verb == "ETRN" || verb == "TURN")
        return error(out, 502, "5.5.1", QStringLiteral("%1 is not offered here").arg(QString::fromLatin1(verb)));
    if (line.isEmpty())
        return error(out, 500, "5.5.2", QStringLiteral("Empty line: a command was expected"));
    error(out, 500, "5.5.2", QStringLiteral("Command not recognized: %1").arg(QString::fromUtf8(verb.left(32))));
}

void SmtpServerSession::hello(const QByteArray &verb, QByteArrayView argument, QByteArray &out)
{
    const qsizetype space = argument.indexOf(' ');
    const QByteArrayView name = space < 0 ? argument : argument.first(space);
    if (name.isEmpty())
        return error(out, 501, "5.5.4", QStringLiteral("Syntax: %1 <your host name>").arg(QString::fromLatin1(verb)));
    resetTransaction();   // RFC 5321 4.1.4: EHLO also resets any transaction in progress
    m_helo = QString::fromUtf8(name);
    m_extended = verb == "EHLO";
    const QString first = QStringLiteral("%1 greets %2").arg(m_hostName, m_helo);
    if (!m_extended)
        return reply(out, 250, nullptr, first);
    QStringList lines{first, QStringLiteral("SIZE %1").arg(m_limits.maxMessageBytes), QStringLiteral("8BITMIME"),
                      QStringLiteral("SMTPUTF8"), QStringLiteral("PIPELINING"), QStringLiteral("ENHANCEDSTATUSCODES")};
    // RFC 3207 4.2: never offered again once under TLS.
    if (m_policy.startTlsAvailable && !m_tls.active)
        lines << QStringLiteral("STARTTLS");
    // Only where the password cannot be read on the way (RFC 4954 4: "538" otherwise), and not
    // while TLS is required but not there yet.
    if (m_policy.auth.enabled() && authAllowedHere() && !(m_policy.requireTls && !m_tls.active))
        lines << QStringLiteral("AUTH PLAIN LOGIN");
    lines << QStringLiteral("HELP");
    replyLines(out, 250, lines);
}

bool SmtpServerSession::authAllowedHere() const
{
    return m_tls.active || m_policy.peerIsLoopback;
}

// RFC 3207. The 220 is the last thing sent in plain text: receive() stops here and discards the
// rest; the receiver upgrades and calls tlsStarted().
void SmtpServerSession::startTls(QByteArrayView argument, QByteArray &out)
{
    // Postfix's answer; RFC 3207 names no code for a second STARTTLS.
    if (m_tls.active)
        return error(out, 554, "5.5.1", QStringLiteral("TLS is already active"));
    if (!m_policy.startTlsAvailable)
        return error(out, 502, "5.5.1", QStringLiteral("STARTTLS is not offered here"));
    if (!argument.isEmpty())
        return error(out, 501, "5.5.4", QStringLiteral("Syntax error (no parameters allowed)"));
    if (!m_extended)
        return error(out, 503, "5.5.1", QStringLiteral("Say EHLO first"));
    if (m_haveSender)
        return error(out, 503, "5.5.1", QStringLiteral("Not inside a mail transaction: RSET first"));
    const qsizetype before = out.size();
    reply(out, 220, "2.0.0", QStringLiteral("Ready to start TLS"));
    m_startTlsReply = out.sliced(before);
    m_startTlsRequested = true;
    m_discarded = 0;
    m_line.clear();
}

// RFC 4954: AUTH mechanism [initial-response].
void SmtpServerSession::auth(QByteArrayView argument, QByteArray &out)
{
    if (!m_policy.auth.enabled())
        return error(out, 502, "5.5.1", QStringLiteral("AUTH is not offered here"));
    if (!m_extended)
        return error(out, 503, "5.5.1", QStringLiteral("Say EHLO first"));
    if (!m_authUser.isEmpty())
        return error(out, 503, "5.5.1", QStringLiteral("Already authenticated"));
    if (m_haveSender)
        return error(out, 503, "5.5.1", QStringLiteral("AUTH is not allowed inside a mail transaction"));
    if (m_policy.requireTls && !m_tls.active)
        return error(out, 530, "5.7.0", QStringLiteral("Must issue a STARTTLS command first"));
    if (!authAllowedHere())
        return error(out, 538, "5.7.11", QStringLiteral("Encryption required for requested authentication mechanism"));
    const qsizetype space = argument.indexOf(' ');
    const QByteArray mechanism = (space < 0 ? argument : argument.first(space)).toByteArray().toUpper();
    const QByteArrayView initial = space < 0 ? QByteArrayView() : trimmed(argument.sliced(space + 1));
    if (mechanism.isEmpty())
        return error(out, 501, "5.5.4", QStringLiteral("Syntax: AUTH mechanism [initial-response]"));
    if (mechanism != "PLAIN" && mechanism != "LOGIN")
        return error(out, 504, "5.5.4", QStringLiteral("Unrecognized authentication type: PLAIN and LOGIN are offered"));
    if (injectFailure(SmtpStage::Auth, out))
        return;
    if (mechanism == "PLAIN") {
        if (space < 0) {
            m_authStep = AuthStep::PlainResponse;
            return reply(out, 334, nullptr, QString());
        }
        const auto decoded = decodeBase64(initial);
        if (!decoded)
            return error(out, 501, "5.5.2", QStringLiteral("Cannot decode the response: base64 expected"));
        return plainResponse(*decoded, out);
    }
    if (space < 0) {
        m_authStep = AuthStep::LoginUser;
        return reply(out, 334, nullptr, QStringLiteral("VXNlcm5hbWU6"));   // "Username:"
    }
    const auto decoded = decodeBase64(initial);
    if (!decoded)
        return error(out, 501, "5.5.2", QStringLiteral("Cannot decode the response: base64 expected"));
    m_loginUser = QString::fromUtf8(*decoded);
    m_authStep = AuthStep::LoginPassword;
    reply(out, 334, nullptr, QStringLiteral("UGFzc3dvcmQ6"));   // "Password:"
}

void SmtpServerSession::authResponse(QByteArrayView line, QByteArray &out)
{
    const AuthStep step = std::exchange(m_authStep, AuthStep::None);
    if (line == "*") {
        m_loginUser.clear();
        return reply(out, 501, "5.0.0", QStringLiteral("Authentication cancelled"));
    }
    const auto decoded = decodeBase64(trimmed(line));
    if (!decoded) {
        m_loginUser.clear();
        return error(out, 501, "5.5.2", QStringLiteral("Cannot decode the response: base64 expected"));
    }
    switch (step) {
    case AuthStep::None: break;
    case AuthStep::PlainResponse: return plainResponse(*decoded, out);
    case AuthStep::LoginUser:
        m_loginUser = QString::fromUtf8(*decoded);
        m_authStep = AuthStep::LoginPassword;
        return reply(out, 334, nullptr, QStringLiteral("UGFzc3dvcmQ6"));
    case AuthStep::LoginPassword: {
        const QString user = std::exchange(m_loginUser, {});
        return authenticate(user, QString::fromUtf8(*decoded), out);
    }
    }
}

// RFC 4616: [authzid] NUL authcid NUL passwd. Acting for someone else (an authzid that is not the
// user) is not something a test inbox grants.
void SmtpServerSession::plainResponse(const QByteArray &decoded, QByteArray &out)
{
    const QList<QByteArray> parts = decoded.split('\0');
    if (parts.size() != 3)
        return error(out, 501, "5.5.2", QStringLiteral("Cannot decode the PLAIN response: authzid NUL user NUL password expected"));
    if (!parts[0].isEmpty() && parts[0] != parts[1])
        return error(out, 535, "5.7.8", QStringLiteral("Authentication credentials invalid"));
    authenticate(QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2]), out);
}

void SmtpServerSession::authenticate(const QString &user, const QString &password, QByteArray &out)
{
    if (!m_policy.auth.accepts(user, password))
        return error(out, 535, "5.7.8", QStringLiteral("Authentication credentials invalid"));
    m_authUser = sanitizedUserName(user);
    reply(out, 235, "2.7.0", QStringLiteral("Authentication successful"));
}

// Instead of the normal reply, the code a failure rule chose, said to be injected so nobody hunts
// for a real fault. 421 also closes the connection, as that code means.
bool SmtpServerSession::injectFailure(SmtpStage stage, QByteArray &out)
{
    if (!m_policy.failures.enabled())
        return false;
    const int code = m_policy.failures.failureAt(stage);
    if (code == 0)
        return false;
    const QByteArray enhanced = QByteArray::number(code / 100) + ".3.0";
    reply(out, code, enhanced.constData(),
          QStringLiteral("%1 failed on purpose: this test inbox injects failures (injected failure)").arg(smtpStageName(stage)));
    if (code == 421) {
        connectionLost();
        m_close = true;
    }
    return true;
}

void SmtpServerSession::mailFrom(QByteArrayView argument, QByteArray &out)
{
    if (m_helo.isEmpty())
        return error(out, 503, "5.5.1", QStringLiteral("Say EHLO or HELO first"));
    if (m_policy.requireTls && !m_tls.active)
        return error(out, 530, "5.7.0", QStringLiteral("Must issue a STARTTLS command first"));
    if (m_haveSender)
        return error(out, 503, "5.5.1", QStringLiteral("A sender is already given: RSET to start over"));
    if (!startsWithNoCase(argument, "FROM:"))
        return error(out, 501, "5.5.4", QStringLiteral("Syntax: MAIL FROM:<address>"));
    const Path path = parsePath(argument.sliced(5));
    if (!path.problem.isEmpty())
        return error(out, 501, "5.1.7", path.problem);

    bool smtpUtf8 = false;
    QString body;
    for (const QByteArray &parameter : path.parameters.toByteArray().split(' ')) {
        if (parameter.isEmpty())
            continue;
        const qsizetype equals = parameter.indexOf('=');
        const QByteArray key = (equals < 0 ? parameter : parameter.left(equals)).toUpper();
        const QByteArray value = equals < 0 ? QByteArray() : parameter.mid(equals + 1);
        if (!m_extended)
            return error(out, 555, "5.5.4", QStringLiteral("Parameters need EHLO, not HELO"));
        if (key == "SIZE") {
            if (!isDigits(value))
                return error(out, 501, "5.5.4", QStringLiteral("SIZE wants a number of bytes"));
            if (value.toLongLong() > m_limits.maxMessageBytes)
                return error(out, 552, "5.3.4",
                             QStringLiteral("The message is larger than this inbox takes (%1 bytes)").arg(m_limits.maxMessageBytes));
        } else if (key == "BODY") {
            const QByteArray upper = value.toUpper();
            if (upper != "7BIT" && upper != "8BITMIME")
                return error(out, 501, "5.5.4", QStringLiteral("BODY is 7BIT or 8BITMIME"));
            body = QString::fromLatin1(upper);
        } else if (key == "SMTPUTF8" && equals < 0) {
            smtpUtf8 = true;
        } else if (key == "AUTH" && equals >= 0 && m_policy.auth.enabled()) {
            // RFC 4954 5: a server that offers AUTH takes the parameter; a test inbox relays
            // nothing, so whom the client vouches for does not matter.
        } else {
            return error(out, 555, "5.5.4", QStringLiteral("Parameter not recognized: %1").arg(QString::fromUtf8(key.left(32))));
        }
    }
    if (!smtpUtf8 && !isAscii(path.address))
        return error(out, 553, "5.6.7", QStringLiteral("A non-ASCII address needs the SMTPUTF8 parameter"));
    if (injectFailure(SmtpStage::Mail, out))
        return;
    m_haveSender = true;
    m_envelope.mailFrom = QString::fromUtf8(path.address);
    m_envelope.smtpUtf8 = smtpUtf8;
    m_envelope.body = body;
    reply(out, 250, "2.1.0", QStringLiteral("Sender OK"));
}

void SmtpServerSession::rcptTo(QByteArrayView argument, QByteArray &out)
{
    if (!m_haveSender)
        return error(out, 503, "5.5.1", QStringLiteral("Say MAIL FROM first"));
    if (!startsWithNoCase(argument, "TO:"))
        return error(out, 501, "5.5.4", QStringLiteral("Syntax: RCPT TO:<address>"));
    const Path path = parsePath(argument.sliced(3));
    if (!path.problem.isEmpty())
        return error(out, 501, "5.1.3", path.problem);
    if (!path.parameters.isEmpty())
        return error(out, 555, "5.5.4", QStringLiteral("RCPT TO takes no parameters here"));
    if (path.address.isEmpty() || (!path.address.contains('@') && path.address.toLower() != "postmaster"))
        return error(out, 501, "5.1.3", QStringLiteral("A recipient is user@domain"));
    if (!m_envelope.smtpUtf8 && !isAscii(path.address))
        return error(out, 553, "5.6.7", QStringLiteral("A non-ASCII address needs SMTPUTF8 in MAIL FROM"));
    if (m_envelope.recipients.size() >= m_limits.maxRecipients)
        // 452, not 552: RFC 5321 4.5.3.1.10 — the client sends what it has and tries the rest later.
        return reply(out, 452, "4.5.3", QStringLiteral("Too many recipients: at most %1 per message").arg(m_limits.maxRecipients));
    if (injectFailure(SmtpStage::Rcpt, out))
        return;
    m_envelope.recipients.append(QString::fromUtf8(path.address));
    reply(out, 250, "2.1.5", QStringLiteral("Recipient OK"));
}

void SmtpServerSession::data(QByteArrayView argument, QByteArray &out)
{
    if (!argument.isEmpty())
        return error(out, 501, "5.5.4", QStringLiteral("Syntax: DATA (no arguments)"));
    if (!m_haveSender)
        return error(out, 503, "5.5.1", QStringLiteral("Say MAIL FROM first"));
    if (m_envelope.recipients.isEmpty())
        return error(out, 503, "5.5.1", QStringLiteral("Say RCPT TO first: no valid recipients"));
    if (injectFailure(SmtpStage::Data, out))
        return;
    m_envelope.heloName = m_helo;
    m_envelope.extended = m_extended;
    m_envelope.peer = m_peer;
    m_envelope.tls = m_tls.active;
    m_envelope.tlsVersion = m_tls.active ? m_tls.version : QString();
    m_envelope.tlsCipher = m_tls.active ? m_tls.cipher : QString();
    m_envelope.authUser = m_authUser;
    if (auto begun = m_sink.begin(m_envelope); !begun) {
        reply(out, 451, "4.3.0", QStringLiteral("Cannot store the message now: %1").arg(begun.error().message()));
        resetTransaction();
        return;
    }
    m_sinkOpen = true;
    m_state = State::Data;
    m_pending.clear();
    m_atLineStart = true;
    m_lastWasCr = false;
    m_messageBytes = 0;
    m_tooLarge = false;
    m_writeError.reset();
    reply(out, 354, nullptr, QStringLiteral("Send the message; end it with <CRLF>.<CRLF>"));
}

// Dot-unstuffing as the bytes stream past (RFC 5321 4.5.2). Only a "." at the start of a line
// waits for more bytes; everything else goes to the sink at once, so memory stays flat whatever
// the message's size. Returns how much of `bytes` was used: after the end of DATA, the rest are
// pipelined commands.
qsizetype SmtpServerSession::receiveData(QByteArrayView bytes, QByteArray &out)
{
    QByteArray joined;
    QByteArrayView buffer = bytes;
    const qsizetype carried = m_pending.size();
    if (carried > 0) {
        joined = m_pending + bytes.toByteArray();
        buffer = joined;
        m_pending.clear();
    }
    qsizetype pos = 0;
    const qsizetype size = buffer.size();
    while (pos < size) {
        if (m_atLineStart && buffer[pos] == '.') {
            if (size - pos < 3) {
                // ".", ".\r": the end marker or a stuffed line; wait and see. ".x": stuffed.
                if (size - pos == 2 && buffer[pos + 1] != '\r') {
                    ++pos;
                    m_atLineStart = false;
                    continue;
                }
                m_pending = buffer.sliced(pos).toByteArray();
                return bytes.size();
            }
            if (buffer[pos + 1] == '\r' && buffer[pos + 2] == '\n') {
                pos += 3;
                endOfData(out);
                return pos - carried;   // the carried bytes were counted in an earlier call
            }
            ++pos;   // a stuffed dot: the line itself starts after it
            m_atLineStart = false;
            continue;
        }
        const qsizetype lf = buffer.sliced(pos).indexOf('\n');
        if (lf < 0) {
            messageBytes(buffer.sliced(pos));
            m_lastWasCr = buffer.back() == '\r';
            m_atLineStart = false;
            break;
        }
        const qsizetype end = pos + lf + 1;
        // Only CRLF ends a line for the "." test: a bare LF "." bare LF is text, never the end.
        m_atLineStart = lf > 0 ? buffer[end - 2] == '\r' : m_lastWasCr;
        m_lastWasCr = false;
        messageBytes(buffer.sliced(pos, end - pos));
        pos = end;
    }
    return bytes.size();
}

void SmtpServerSession::messageBytes(QByteArrayView bytes)
{
    m_messageBytes += bytes.size();
    if (m_tooLarge || m_writeError)
        return;
    if (m_messageBytes > m_limits.maxMessageBytes) {
        m_tooLarge = true;   // keep reading to the end of DATA, so the 552 arrives in step
        m_sink.abort();
        m_sinkOpen = false;
        return;
    }
    if (auto written = m_sink.write(bytes); !written) {
        m_writeError = written.error();
        m_sink.abort();
        m_sinkOpen = false;
    }
}

void SmtpServerSession::endOfData(QByteArray &out)
{
    m_state = State::Command;
    note(Direction::Client, QStringLiteral("(%1 bytes of message)").arg(QLocale::c().toString(m_messageBytes)));
    note(Direction::Client, QStringLiteral("."));
    if (m_tooLarge) {
        reply(out, 552, "5.3.4", QStringLiteral("The message is larger than this inbox takes (%1 bytes)").arg(m_limits.maxMessageBytes));
    } else if (m_writeError) {
        reply(out, 451, "4.3.0", QStringLiteral("Cannot store the message: %1").arg(m_writeError->message()));
    } else {
        m_envelope.receivedAt = QDateTime::currentDateTimeUtc();
        m_sinkOpen = false;
        auto stored = m_sink.finish(m_envelope);
        if (stored)
            reply(out, 250, "2.0.0", QStringLiteral("OK: queued as %1").arg(*stored));
        else
            reply(out, 451, "4.3.0", QStringLiteral("Cannot store the message: %1").arg(stored.error().message()));
    }
    resetTransaction();
    m_envelope.transcript.clear();
}

void SmtpServerSession::resetTransaction()
{
    if (m_sinkOpen) {
        m_sink.abort();
        m_sinkOpen = false;
    }
    m_haveSender = false;
    // The transcript runs from the connection's start (or the last message's end) to DATA's end.
    QStringList transcript = std::move(m_envelope.transcript);
    m_envelope = {};
    m_envelope.transcript = std::move(transcript);
}

void SmtpServerSession::reply(QByteArray &out, int code, const char *enhanced, const QString &text)
{
    QString line = QString::number(code) + QLatin1Char(' ');
    if (enhanced && m_extended)
        line += QLatin1String(enhanced) + QLatin1Char(' ');
    line += text;
    note(Direction::Server, line);
    out += line.toUtf8() + "\r\n";
}

void SmtpServerSession::replyLines(QByteArray &out, int code, const QStringList &lines)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::number(code) + (i + 1 < lines.size() ? QLatin1Char('-') : QLatin1Char(' ')) + lines[i];
        note(Direction::Server, line);
        out += line.toUtf8() + "\r\n";
    }
}

void SmtpServerSession::error(QByteArray &out, int code, const char *enhanced, const QString &text)
{
    reply(out, code, enhanced, text);
    if (++m_errors >= m_limits.maxErrors) {
        reply(out, 421, "4.7.0", QStringLiteral("%1 Too many errors, closing connection").arg(m_hostName));
        connectionLost();
        m_close = true;
    }
}

void SmtpServerSession::note(Direction direction, const QString &line)
{
    if (m_hook)
        m_hook(direction, line);
    if (m_envelope.transcript.size() < limits::kTranscriptLines)
        m_envelope.transcript.append((direction == Direction::Client ? QStringLiteral("C: ") : QStringLiteral("S: ")) + line);
    else if (m_envelope.transcript.size() == limits::kTranscriptLines)
        m_envelope.transcript.append(QStringLiteral("…"));
}

} // namespace socketeer
