#include "smtpinboxauth.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <QStringDecoder>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SmtpInbox)
};

constexpr qint64 kMaxFileBytes = 1024 * 1024;   // thousands of users; never /dev/zero read forever

// Equal or not, in a time that depends only on the lengths of the inputs, never on where they differ.
bool constantTimeEqual(const QString &a, const QString &b)
{
    const QByteArray x = QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray y = QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        difference |= static_cast<unsigned char>(x[i] ^ y[i]);
    return difference == 0;
}

bool hasControl(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

} // namespace

Result<SmtpCredentials> SmtpCredentials::load(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error::invalid(Text::tr("the AUTH users file %1 does not exist").arg(shown));
    if (!info.isFile())
        return Error::invalid(Text::tr("the AUTH users file %1 is not a regular file").arg(shown));
    if (info.size() > kMaxFileBytes)
        return Error::invalid(Text::tr("the AUTH users file %1 is larger than 1 MiB").arg(shown));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorKind::InvalidArgument, {}, Text::tr("cannot read the AUTH users file %1: %2").arg(shown, file.errorString())};
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes)
        return Error::invalid(Text::tr("the AUTH users file %1 is larger than 1 MiB").arg(shown));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(bytes);
    if (utf8.hasError())
        return Error::invalid(Text::tr("the AUTH users file %1 is not UTF-8 text").arg(shown));

    QList<Entry> entries;
    QSet<QString> users;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int number = int(i + 1);
        // The line is never quoted: it holds a password.
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            return Error::invalid(Text::tr("%1, line %2: expected user:password (no ':' found)").arg(shown).arg(number));
        const QString user = line.left(colon);
        const QString password = line.mid(colon + 1);
        if (user.isEmpty())
            return Error::invalid(Text::tr("%1, line %2: the user name before ':' is empty").arg(shown).arg(number));
        if (password.isEmpty())
            return Error::invalid(Text::tr("%1, line %2: the password after ':' is empty").arg(shown).arg(number));
        if (hasControl(line))
            return Error::invalid(Text::tr("%1, line %2: control characters (such as tabs) are not allowed").arg(shown).arg(number));
        if (users.contains(user))
            return Error::invalid(Text::tr("%1, line %2: the user %3 is listed twice").arg(shown).arg(number).arg(user));
        users.insert(user);
        entries.append({user, Secret(password)});
    }
    if (entries.isEmpty())
        return Error::invalid(Text::tr("the AUTH users file %1 lists no user (user:password lines)").arg(shown));
    return fromEntries(std::move(entries));
}

SmtpCredentials SmtpCredentials::fromEntries(QList<Entry> entries)
{
    SmtpCredentials credentials;
    credentials.m_entries = std::move(entries);
    return credentials;
}

bool SmtpCredentials::verify(const QString &user, const QString &password) const
{
    bool found = false;
    for (const Entry &entry : m_entries) {
        const bool userMatches = constantTimeEqual(user, entry.user);
        const bool passwordMatches = constantTimeEqual(password, entry.password.reveal());
        found |= userMatches & passwordMatches;
    }
    return found;
}

bool SmtpAuthPolicy::accepts(const QString &user, const QString &password) const
{
    if (user.isEmpty())
        return false;
    switch (mode) {
    case SmtpAuthMode::Off: return false;
    case SmtpAuthMode::Any: return true;
    case SmtpAuthMode::File: return credentials && credentials->verify(user, password);
    }
    return false;
}

bool isLoopbackPeer(const QString &peer)
{
    QString host = peer;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = host.mid(1, close - 1);
    } else {
        const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0)
            host.truncate(colon);
    }
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        static const quint8 mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::equal(mappedPrefix, mappedPrefix + 12, bytes.c))
            return bytes.c[12] == 127;   // ::ffff:127.x.y.z, a v4 client on a dual-stack socket
    }
    return address.isLoopback();
}

QString sanitizedUserName(const QString &user)
{
    QString clean = user.left(256);
    for (QChar &c : clean)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QChar::ReplacementCharacter;
    return clean;
}

} // namespace socketeer
