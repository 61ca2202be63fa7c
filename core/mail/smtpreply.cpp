#include "smtpreply.h"

#include <QCoreApplication>

namespace socketeer {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Smtp)
};

QString shown(QByteArrayView line)
{
    // For the error: at most 80 characters of what came, control characters as \xNN.
    QString text;
    for (qsizetype i = 0; i < line.size() && i < 80; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c >= 0x7f)
            text += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            text += QLatin1Char(static_cast<char>(c));
    }
    if (line.size() > 80)
        text += QStringLiteral("…");
    return text;
}

Error malformed(QByteArrayView line, const QString &why)
{
    return {ErrorKind::Protocol, {},
            Text::tr("SMTP: the server sent a malformed reply line \"%1\" (%2)").arg(shown(line), why)};
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
} // namespace

Result<SmtpReplyLine> parseSmtpReplyLine(QByteArrayView line)
{
    if (line.size() > SmtpReplyReader::MaxLineLength)
        return malformed(line, Text::tr("longer than %1 octets").arg(SmtpReplyReader::MaxLineLength));
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]))
        return malformed(line, Text::tr("it does not start with a three-digit code"));
    // RFC 5321 4.2: the first digit 2..5, the second 0..5.
    if (line[0] < '2' || line[0] > '5' || line[1] > '5')
        return malformed(line, Text::tr("%1 is not an SMTP reply code").arg(QString::fromLatin1(line.first(3))));
    SmtpReplyLine parsed;
    parsed.code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (line.size() == 3)
        return parsed;
    if (line[3] == '-')
        parsed.last = false;
    else if (line[3] != ' ')
        return malformed(line, Text::tr("the code is followed by neither a space nor \"-\""));
    const QByteArrayView text = line.sliced(4);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return malformed(line, Text::tr("it contains a control character"));
    }
    parsed.text = text.toByteArray();
    return parsed;
}

QString SmtpReply::text() const
{
    QStringList parts;
    for (const QByteArray &line : lines)
        if (!line.isEmpty())
            parts << QString::fromUtf8(line);
    return parts.join(QLatin1Char(' '));
}

QString SmtpReply::describe() const
{
    const QString words = text();
    return words.isEmpty() ? QString::number(code) : QString::number(code) + QLatin1Char(' ') + words;
}

Result<bool> SmtpReplyReader::addLine(QByteArrayView line)
{
    auto parsed = parseSmtpReplyLine(line);
    if (!parsed)
        return parsed.error();
    if (!m_reply.lines.isEmpty() && parsed->code != m_reply.code)
        return malformed(line, Text::tr("the code changed from %1 within one reply").arg(m_reply.code));
    if (m_reply.lines.size() >= MaxLines)
        return malformed(line, Text::tr("more than %1 lines in one reply").arg(MaxLines));
    m_reply.code = parsed->code;
    m_reply.lines.append(std::move(parsed->text));
    return parsed->last;
}

SmtpReply SmtpReplyReader::take()
{
    SmtpReply reply = std::move(m_reply);
    m_reply = {};
    return reply;
}

Result<SmtpReply> parseSmtpReply(const QList<QByteArray> &lines)
{
    if (lines.isEmpty())
        return Error{ErrorKind::Protocol, {}, Text::tr("SMTP: an empty reply")};
    SmtpReplyReader reader;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        auto done = reader.addLine(lines[i]);
        if (!done)
            return done.error();
        if (*done != (i == lines.size() - 1))
            return malformed(lines[i], *done ? Text::tr("the reply ended before its last line")
                                             : Text::tr("the last line is marked as continued"));
    }
    return reader.take();
}

Result<SmtpExtensions> parseEhloExtensions(const SmtpReply &reply)
{
    SmtpExtensions extensions;
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QByteArray line = reply.lines[i].trimmed();
        QList<QByteArray> words = line.split(' ');
        words.removeAll(QByteArray());
        if (words.isEmpty())
            continue;
        QByteArray keyword = words.takeFirst().toUpper();
        if (keyword.startsWith("AUTH=")) {   // the pre-RFC 4954 form some servers still send
            words.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (keyword == "SIZE") {
            extensions.size = true;
            if (!words.isEmpty()) {
                bool ok = false;
                const qint64 limit = words.first().toLongLong(&ok);
                if (!ok || limit < 0)
                    return Error{ErrorKind::Protocol, {},
                                 Text::tr("SMTP: the server announced SIZE with \"%1\", which is not a number")
                                     .arg(shown(words.first()))};
                extensions.sizeLimit = limit;
            }
        } else if (keyword == "8BITMIME") {
            extensions.eightBitMime = true;
        } else if (keyword == "SMTPUTF8") {
            extensions.smtpUtf8 = true;
        } else if (keyword == "PIPELINING") {
            extensions.pipelining = true;
        } else if (keyword == "STARTTLS") {
            extensions.startTls = true;
        } else if (keyword == "AUTH") {
            for (const QByteArray &word : std::as_const(words)) {
                const QString mechanism = QString::fromLatin1(word.toUpper());
                if (!extensions.authMechanisms.contains(mechanism))
                    extensions.authMechanisms << mechanism;
            }
        }
    }
    return extensions;
}

} // namespace socketeer
