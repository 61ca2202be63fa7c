#include "tracefield.h"

#include "mail/smtpserversession.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace socketeer {

namespace {

// A Domain or an address literal as RFC 5321 4.1.2 writes them; anything else is not a name to
// put where the grammar wants one.
bool isHostName(const QString &name)
{
    static const QRegularExpression domain(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\\.?$"));
    static const QRegularExpression literal(QStringLiteral("^\\[(?:IPv6:)?[0-9A-Fa-f:.]{2,45}\\]$"));
    return name.size() <= 255 && (domain.match(name).hasMatch() || literal.match(name).hasMatch());
}

// What a client said, for a comment: printable ASCII only, no comment delimiters, bounded.
QString commentText(const QString &text)
{
    QString out;
    for (const QChar c : text.left(64))
        out += c.unicode() > 0x20 && c.unicode() < 0x7f && c != QLatin1Char('(') && c != QLatin1Char(')') && c != QLatin1Char('\\')
                   ? c
                   : QLatin1Char('?');
    return out;
}

// "127.0.0.1:53314" -> "[127.0.0.1]", "[::1]:53314" -> "[IPv6:::1]"; empty when it is no address.
QString addressLiteral(const QString &peer)
{
    QString host = peer;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        host = close < 0 ? QString() : host.mid(1, close - 1);
    } else if (const qsizetype colon = host.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host.truncate(colon);
    }
    const QHostAddress address(host);
    if (address.isNull())
        return {};
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    if (const QHostAddress v4(address.toIPv4Address()); address.isEqual(v4, QHostAddress::ConvertV4MappedToIPv4))
        return QLatin1Char('[') + v4.toString() + QLatin1Char(']');
    return QStringLiteral("[IPv6:") + address.toString() + QLatin1Char(']');
}

} // namespace

QByteArray receivedTraceField(const SmtpEnvelope &envelope, const QString &byHost, const QString &id, const QDateTime &when)
{
    // from: the HELO name when it is one, and in the comment the address the bytes came from.
    const bool named = isHostName(envelope.heloName);
    QString from = QStringLiteral("from ") + (named ? envelope.heloName : QStringLiteral("unknown")) + QStringLiteral(" (");
    const QString literal = addressLiteral(envelope.peer);
    from += literal.isEmpty() ? QStringLiteral("unknown address") : literal;
    if (!named && !envelope.heloName.isEmpty())
        from += QStringLiteral(" helo=") + commentText(envelope.heloName);
    from += QLatin1Char(')');

    // with: RFC 3848's protocol types (S: under TLS, A: after AUTH), and RFC 6531's for SMTPUTF8.
    QString protocol = !envelope.extended ? QStringLiteral("SMTP") : envelope.smtpUtf8 ? QStringLiteral("UTF8SMTP") : QStringLiteral("ESMTP");
    if (envelope.extended) {
        if (envelope.tls)
            protocol += QLatin1Char('S');
        if (!envelope.authUser.isEmpty())
            protocol += QLatin1Char('A');
    }
    const QString by = QStringLiteral("by ") + (isHostName(byHost) ? byHost : QStringLiteral("localhost")) + QStringLiteral(" (Socketeer) with ")
                       + protocol + QStringLiteral(" id ") + id;

    // for: only with one recipient, so that a Bcc'd one is never shown to the others (RFC 5321 7.2).
    // Then RFC 5322 3.3's date-time, which Qt writes in English whatever the locale.
    QString last = envelope.recipients.size() == 1 ? QStringLiteral("\r\n\tfor <") + envelope.recipients.first() + QLatin1Char('>') : QString();
    last += QStringLiteral("; ") + when.toUTC().toString(Qt::RFC2822Date);

    return (QStringLiteral("Received: ") + from + QStringLiteral("\r\n\t") + by + last + QStringLiteral("\r\n")).toUtf8();
}

} // namespace socketeer
