#include "codegen.h"

#include "generators.h"
#include "literals.h"
#include "programtext.h"

#include "mail/mailaddress.h"
#include "net/limits.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace socketeer {

namespace {

class Code {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Code)
};

const QStringList kLanguageNames{QStringLiteral("python"), QStringLiteral("c")};
const QStringList kKindNames{QStringLiteral("tcp-server"), QStringLiteral("tcp-client"), QStringLiteral("udp"), QStringLiteral("mail"),
                               QStringLiteral("inbox")};

// Every value the person typed, named as the error names it.
QList<std::pair<QString, QString>> typedValues(const CodeSettings &s)
{
    QList<std::pair<QString, QString>> values{{Code::tr("host"), s.host},
                                              {Code::tr("certificate file"), s.tlsCertFile},
                                              {Code::tr("key file"), s.tlsKeyFile},
                                              {Code::tr("CA file"), s.caFile},
                                              {Code::tr("target host"), s.targetHost},
                                              {Code::tr("user"), s.mail.user},
                                              {Code::tr("sender"), s.mail.from},
                                              {Code::tr("subject"), s.mail.subject},
                                              {Code::tr("folder"), s.inbox.folder}};
    for (const QStringList *list : {&s.mail.to, &s.mail.cc, &s.mail.bcc}) {
        for (const QString &to : *list)
            values.append({Code::tr("recipient"), to});
    }
    values.append({Code::tr("body"), s.mail.body});
    for (const QString &path : s.mail.attachments)
        values.append({Code::tr("attachment"), path});
    return values;
}

std::optional<Error> refusal(const CodeSettings &s)
{
    // A C string ends at its first NUL, and no host or path holds one: refused, never cut short.
    for (const auto &[what, value] : typedValues(s)) {
        if (value.contains(QChar(0)))
            return Error::invalid(Code::tr("the %1 contains a NUL character, which no program can be given").arg(what));
    }
    const bool tcp = s.kind == CodeKind::TcpServer || s.kind == CodeKind::TcpClient;
    if (s.chat) {
        if (s.kind != CodeKind::TcpServer)
            return Error::invalid(Code::tr("the chat room is a TCP server"));
        if (s.echo)
            return Error::invalid(Code::tr("the chat room relays each line to the other clients and echo sends it back to its sender: choose one"));
        if (s.frame.kind != FrameKind::None)
            return Error::invalid(Code::tr("the chat room splits what clients send into lines itself: framing does not apply"));
    }
    const FrameKind frame = s.frame.kind;
    if (frame != FrameKind::None && !tcp)
        return Error::invalid(Code::tr("framing applies to TCP: a datagram or a mail is a message of its own"));
    if (s.tls && !tcp && s.kind != CodeKind::Inbox)
        return Error::invalid(Code::tr("TLS is generated for the TCP server and client and the inbox (a mail's security is its own setting)"));
    if (s.tls && (s.kind == CodeKind::TcpServer || s.kind == CodeKind::Inbox) && (s.tlsCertFile.isEmpty() || s.tlsKeyFile.isEmpty()))
        return Error::invalid(Code::tr("a TLS server needs a certificate file and a key file"));
    if (s.kind == CodeKind::Inbox) {
        if (s.inbox.folder.isEmpty())
            return Error::invalid(Code::tr("the inbox needs a folder to save the messages in"));
        if (s.inbox.maxMessageBytes < 1 || s.inbox.idleTimeoutSeconds < 1)
            return Error::invalid(Code::tr("the inbox needs a largest message size and a time-out above zero"));
    }
    if (s.kind == CodeKind::TcpClient || s.kind == CodeKind::Mail) {
        if (s.host.isEmpty())
            return Error::invalid(Code::tr("a client needs the server's host"));
        if (s.port == 0)
            return Error::invalid(Code::tr("a client needs the server's port, 1 to 65535"));
    }
    if (s.kind == CodeKind::Udp && !s.targetHost.isEmpty() && s.targetPort == 0)
        return Error::invalid(Code::tr("the target needs a port, 1 to 65535"));
    if (s.kind == CodeKind::Mail) {
        const CodeMailSettings &m = s.mail;
        if (m.from.isEmpty() || (m.to.isEmpty() && m.cc.isEmpty() && m.bcc.isEmpty()))
            return Error::invalid(Code::tr("a mail needs a sender and at least one recipient"));
        // A line break in the subject would let it write headers of its own (Bcc:, …) into the mail.
        if (auto subject = validateHeaderText(m.subject, Code::tr("subject")); !subject)
            return subject.error();
        if (!m.user.isEmpty() && m.security == CodeMailSecurity::None)
            return Error::invalid(Code::tr("logging in without encryption would send the password in clear: use starttls or tls"));
        static const QRegularExpression variable(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!m.user.isEmpty() && !variable.match(m.passwordEnv).hasMatch())
            return Error::invalid(Code::tr("\"%1\" is not the name of an environment variable").arg(m.passwordEnv));
    }
    return std::nullopt;
}

QString encodingValue(TextEncoding encoding, CodeLanguage language)
{
    const bool py = language == CodeLanguage::Python;
    switch (encoding) {
    case TextEncoding::Utf8: return py ? QStringLiteral("'utf-8'") : QStringLiteral("\"UTF-8\"");
    case TextEncoding::Gbk: return py ? QStringLiteral("'gbk'") : QStringLiteral("\"GBK\"");
    case TextEncoding::Gb18030: return py ? QStringLiteral("'gb18030'") : QStringLiteral("\"GB18030\"");
    case TextEncoding::Latin1: return py ? QStringLiteral("'latin-1'") : QStringLiteral("\"ISO-8859-1\"");
    }
    return {};
}

QString title(const CodeSettings &s)
{
    QString what;
    switch (s.kind) {
    case CodeKind::TcpServer:
        if (s.chat) {
            what = QStringLiteral("A TCP chat room, %1: each line a client sends goes to all the others as \"NAME: TEXT\"%2")
                       .arg(s.model == ServerModel::ThreadPerClient ? QStringLiteral("one thread per client")
                                                                    : QStringLiteral("one event loop for every client"),
                            s.nicknames ? QStringLiteral(", NAME the nickname the client sends first") : QString());
            break;
        }
        what = QStringLiteral("A TCP %1server, %2").arg(s.echo ? QStringLiteral("echo ") : QString(),
                                                           s.model == ServerModel::ThreadPerClient ? QStringLiteral("one thread per client")
                                                                                                   : QStringLiteral("one event loop for every client"));
        break;
    case CodeKind::TcpClient: what = QStringLiteral("A TCP client: each line typed is sent, the server's answer printed"); break;
    case CodeKind::Udp:
        what = !s.targetHost.isEmpty() ? QStringLiteral("A UDP client: each line typed is one datagram")
                                       : (s.echo ? QStringLiteral("A UDP echo server") : QStringLiteral("A UDP receiver"));
        break;
    case CodeKind::Mail: what = QStringLiteral("Sends a mail with attachments over SMTP"); break;
    case CodeKind::Inbox:
        what = QStringLiteral("An SMTP server that saves each message it receives as a .eml file, one thread per client");
        if (s.tls)
            what += QStringLiteral(", STARTTLS offered");
        return what + QStringLiteral(". Generated by Socketeer.");
    }
    if (s.tls)
        what += QStringLiteral(", over TLS");
    if (code::framed(s))
        switch (s.frame.kind) {
        case FrameKind::None: break;
        case FrameKind::Line: what += QStringLiteral(", one message per line"); break;
        case FrameKind::Crlf: what += QStringLiteral(", one message per CR LF line"); break;
        case FrameKind::Delimiter: what += QStringLiteral(", messages ended by %1").arg(s.frame.toString()); break;
        case FrameKind::Length: what += QStringLiteral(", each message after its length (%1)").arg(s.frame.toString()); break;
        case FrameKind::Fixed: what += QStringLiteral(", messages of %1 bytes each").arg(s.frame.fixedSize); break;
        }
    return what + QStringLiteral(". Generated by Socketeer.");
}

QString fileStem(const CodeSettings &s)
{
    switch (s.kind) {
    case CodeKind::TcpServer: return s.chat ? QStringLiteral("chat_server") : QStringLiteral("tcp_server");
    case CodeKind::TcpClient: return QStringLiteral("tcp_client");
    case CodeKind::Udp: return s.targetHost.isEmpty() ? QStringLiteral("udp_server") : QStringLiteral("udp_client");
    case CodeKind::Mail: return QStringLiteral("send_mail");
    case CodeKind::Inbox: return QStringLiteral("inbox_server");
    }
    return {};
}

} // namespace

std::optional<CodeLanguage> codeLanguageFromName(const QString &name)
{
    const qsizetype at = kLanguageNames.indexOf(name.toLower());
    return at < 0 ? std::nullopt : std::optional(static_cast<CodeLanguage>(at));
}

std::optional<CodeKind> codeKindFromName(const QString &name)
{
    const qsizetype at = kKindNames.indexOf(name.toLower());
    return at < 0 ? std::nullopt : std::optional(static_cast<CodeKind>(at));
}

QStringList codeLanguageNames() { return kLanguageNames; }
QStringList codeKindNames() { return kKindNames; }

Result<GeneratedCode> generateCode(const CodeSettings &s)
{
    if (auto refused = refusal(s))
        return *refused;
    const bool py = s.language == CodeLanguage::Python;
    const auto literal = [py](const QString &value) { return py ? code::pythonString(value) : code::cString(value); };
    const auto optional = [&](const QString &value) { return value.isEmpty() && py ? QStringLiteral("None") : literal(value); };

    code::ProgramText program;
    const QString file = fileStem(s) + (py ? QStringLiteral(".py") : QStringLiteral(".c"));
    program.set(QStringLiteral("TITLE"), title(s));
    program.set(QStringLiteral("FILE"), file);
    program.set(QStringLiteral("STEM"), fileStem(s));
    program.set(QStringLiteral("HOST"), literal(s.host));
    program.set(QStringLiteral("PORT"), py ? QString::number(s.port) : literal(QString::number(s.port)));
    const bool v6 = s.family == CodeFamily::Ipv6;
    program.set(QStringLiteral("FAMILY"), py ? (v6 ? QStringLiteral("socket.AF_INET6") : QStringLiteral("socket.AF_INET"))
                                             : (v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET")));
    program.set(QStringLiteral("ENCODING"), encodingValue(s.encoding, s.language));
    const QByteArray delimiter = s.frame.kind == FrameKind::Crlf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    program.set(QStringLiteral("DELIMITER"), py ? (delimiter.size() == 2 ? QStringLiteral("b'\\r\\n'") : QStringLiteral("b'\\n'"))
                                                : (delimiter.size() == 2 ? QStringLiteral("\"\\r\\n\"") : QStringLiteral("\"\\n\"")));
    program.set(QStringLiteral("MAX_LINE"), QString::number(s.frame.maxMessage));
    program.set(QStringLiteral("CHAT_MAX_LINE"), QString::number(limits::kChatMaxLineBytes));
    program.set(QStringLiteral("CERTFILE"), literal(s.tlsCertFile));
    program.set(QStringLiteral("KEYFILE"), literal(s.tlsKeyFile));
    program.set(QStringLiteral("CAFILE"), optional(s.caFile));
    program.set(QStringLiteral("TARGET_HOST"), literal(s.targetHost));
    program.set(QStringLiteral("TARGET_PORT"), py ? QString::number(s.targetPort) : literal(QString::number(s.targetPort)));
    // Mail.
    program.set(QStringLiteral("SENDER"), literal(s.mail.from));
    const auto list = [&](const QStringList &values) {
        QStringList literals;
        for (const QString &value : values)
            literals << literal(value);
        return QLatin1Char('[') + literals.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    program.set(QStringLiteral("RECEIVERS"), list(s.mail.to));
    program.set(QStringLiteral("CC"), list(s.mail.cc));
    program.set(QStringLiteral("BCC"), list(s.mail.bcc));
    program.set(QStringLiteral("BODY"), literal(s.mail.body));
    program.set(QStringLiteral("ATTACHMENTS"), list(s.mail.attachments));
    program.set(QStringLiteral("SUBJECT"), literal(s.mail.subject));
    program.set(QStringLiteral("USER"), literal(s.mail.user));
    program.set(QStringLiteral("PASSWORD_ENV"), literal(s.mail.passwordEnv));
    // The inbox.
    program.set(QStringLiteral("FOLDER"), literal(s.inbox.folder));
    const qint64 mib = 1024 * 1024;
    const QString bytes = s.inbox.maxMessageBytes % mib == 0
                              ? QStringLiteral("%1 * 1024 * 1024").arg(s.inbox.maxMessageBytes / mib)
                              : QString::number(s.inbox.maxMessageBytes);
    program.set(QStringLiteral("MAX_MESSAGE"), py ? bytes : QStringLiteral("(size_t)") + bytes);
    program.set(QStringLiteral("TIMEOUT"), QString::number(s.inbox.idleTimeoutSeconds));

    switch (s.kind) {
    case CodeKind::TcpServer:
        if (s.chat)
            py ? code::pythonChatServer(s, program) : code::cChatServer(s, program);
        else
            py ? code::pythonTcpServer(s, program) : code::cTcpServer(s, program);
        break;
    case CodeKind::TcpClient: py ? code::pythonTcpClient(s, program) : code::cTcpClient(s, program); break;
    case CodeKind::Udp: py ? code::pythonUdp(s, program) : code::cUdp(s, program); break;
    case CodeKind::Mail:
        if (py) {
            code::pythonMail(s, program);
        } else {
            if (auto addresses = code::cMailAddresses(s, program); !addresses)
                return addresses.error();
            code::cMail(s, program);
        }
        break;
    case CodeKind::Inbox: py ? code::pythonInbox(s, program) : code::cInbox(s, program); break;
    }
    return program.finish(file);
}

} // namespace socketeer
