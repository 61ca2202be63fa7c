#include "mailaddress.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>
#include <cstring>

namespace socketeer {

namespace {
// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Mail)
};

bool isLineBreak(QChar c) { return c == QLatin1Char('\r') || c == QLatin1Char('\n'); }

bool hasLineBreak(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), isLineBreak);
}

Error lineBreakError(const QString &what)
{
    return Error::invalid(Text::tr("%1: a line break (CR or LF) is not allowed here; it could inject "
                                   "a mail header or an SMTP command").arg(what));
}

// RFC 5322 atext: what an unquoted local part may hold (besides '.' between atoms). Non-ASCII is
// allowed too (RFC 6531, SMTPUTF8).
bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return true;
    const char a = c.toLatin1();
    return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9')
        || std::strchr("!#$%&'*+-/=?^_`{|}~", a) != nullptr;
}

bool isDomainChar(QChar c)
{
    if (c.unicode() >= 0x80)
        return true;   // an internationalized domain name, sent as is or as punycode later
    const char a = c.toLatin1();
    return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9') || a == '-';
}

// Quotes a display name when it holds a character that means something in an address header, or
// white space at an edge (which parsing an unquoted name trims away).
bool needsQuotes(const QString &name)
{
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) { return specials.contains(c); })
        || name.front().isSpace() || name.back().isSpace();
}
} // namespace

QString MailAddress::toString() const
{
    if (name.isEmpty())
        return address;
    QString shown = name;
    if (needsQuotes(name)) {
        shown.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        shown.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        shown = QLatin1Char('"') + shown + QLatin1Char('"');
    }
    return shown + QStringLiteral(" <") + address + QLatin1Char('>');
}

Result<void> validateHeaderText(const QString &text, const QString &what)
{
    if (hasLineBreak(text))
        return lineBreakError(what);
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return Error::invalid(Text::tr("%1: control character U+%2 is not allowed")
                                      .arg(what).arg(c.unicode(), 4, 16, QLatin1Char('0')));
    }
    return {};
}

Result<void> validateAddrSpec(const QString &address, const QString &what)
{
    if (hasLineBreak(address))
        return lineBreakError(what);
    if (address.isEmpty())
        return Error::invalid(Text::tr("%1: the address is empty").arg(what));
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c.isSpace())
            return Error::invalid(Text::tr("%1: \"%2\" contains a space or a control character")
                                      .arg(what, address));
    }
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return Error::invalid(Text::tr("%1: \"%2\" has no @ (expected local@domain)").arg(what, address));
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);

    if (local.isEmpty())
        return Error::invalid(Text::tr("%1: \"%2\" has nothing before the @").arg(what, address));
    if (local.toUtf8().size() > 64)
        return Error::invalid(Text::tr("%1: the part before the @ in \"%2\" is longer than 64 bytes").arg(what, address));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QStringLiteral("..")))
        return Error::invalid(Text::tr("%1: misplaced dot before the @ in \"%2\"").arg(what, address));
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return Error::invalid(Text::tr("%1: \"%2\" may not appear before the @ in \"%3\"")
                                      .arg(what, QString(c), address));
    }

    if (domain.isEmpty())
        return Error::invalid(Text::tr("%1: \"%2\" has no domain after the @").arg(what, address));
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        // A domain literal: [192.0.2.1] or [IPv6:2001:db8::1].
        QString literal = domain.mid(1, domain.size() - 2);
        const bool v6 = literal.startsWith(QStringLiteral("IPv6:"), Qt::CaseInsensitive);
        if (v6)
            literal = literal.mid(5);
        QHostAddress ip;
        const bool valid = ip.setAddress(literal) && !literal.contains(QLatin1Char('%'))
            && (v6 ? ip.protocol() == QAbstractSocket::IPv6Protocol : ip.protocol() == QAbstractSocket::IPv4Protocol);
        if (!valid)
            return Error::invalid(Text::tr("%1: \"%2\" is not a valid address literal").arg(what, domain));
        return {};
    }
    if (domain.toUtf8().size() > 253)
        return Error::invalid(Text::tr("%1: the domain of \"%2\" is too long").arg(what, address));
    const QStringList labels = domain.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))
            || !std::all_of(label.cbegin(), label.cend(), isDomainChar))
            return Error::invalid(Text::tr("%1: \"%2\" is not a valid domain").arg(what, domain));
    }
    return {};
}

Result<void> validateMailAddress(const MailAddress &address, const QString &what)
{
    if (auto checked = validateHeaderText(address.name, what); !checked)
        return checked;
    return validateAddrSpec(address.address, what);
}

Result<MailAddress> parseMailAddress(const QString &text)
{
    const QString what = Text::tr("address \"%1\"").arg(QString(text).replace(QLatin1Char('\r'), QStringLiteral("\\r"))
                                                             .replace(QLatin1Char('\n'), QStringLiteral("\\n")));
    if (hasLineBreak(text))
        return lineBreakError(what);
    const QString s = text.trimmed();
    if (s.isEmpty())
        return Error::invalid(Text::tr("the address is empty"));

    MailAddress result;
    if (!s.endsWith(QLatin1Char('>'))) {
        if (s.contains(QLatin1Char('<')) || s.contains(QLatin1Char('>')))
            return Error::invalid(Text::tr("%1: unbalanced < >").arg(what));
        if (std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); }))
            return Error::invalid(Text::tr("%1: a name needs the address in < >, as in \"Name <a@example.com>\"").arg(what));
        result.address = s;
    } else {
        // The angle address starts at the first '<' outside a quoted name.
        qsizetype open = -1;
        bool quoted = false;
        for (qsizetype i = 0; i < s.size() && open < 0; ++i) {
            const QChar c = s.at(i);
            if (quoted && c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (!quoted && c == QLatin1Char('<'))
                open = i;
        }
        if (open < 0 && quoted)
            return Error::invalid(Text::tr("%1: the quoted name is not closed").arg(what));
        if (open < 0)
            return Error::invalid(Text::tr("%1: unbalanced < >").arg(what));
        result.address = s.mid(open + 1, s.size() - open - 2).trimmed();
        if (result.address.contains(QLatin1Char('<')) || result.address.contains(QLatin1Char('>')))
            return Error::invalid(Text::tr("%1: unbalanced < >").arg(what));

        const QString name = s.left(open).trimmed();
        if (name.startsWith(QLatin1Char('"'))) {
            QString unquoted;
            bool closed = false;
            for (qsizetype i = 1; i < name.size(); ++i) {
                const QChar c = name.at(i);
                if (c == QLatin1Char('\\') && i + 1 < name.size()) {
                    unquoted += name.at(++i);
                } else if (c == QLatin1Char('"')) {
                    if (i != name.size() - 1)
                        return Error::invalid(Text::tr("%1: text after the quoted name").arg(what));
                    closed = true;
                } else {
                    unquoted += c;
                }
            }
            if (!closed)
                return Error::invalid(Text::tr("%1: the quoted name is not closed").arg(what));
            result.name = unquoted;
        } else {
            if (name.contains(QLatin1Char('"')) || name.contains(QLatin1Char('>')))
                return Error::invalid(Text::tr("%1: put a name with \" or > in double quotes").arg(what));
            result.name = name;
        }
    }
    if (auto checked = validateMailAddress(result, what); !checked)
        return checked.error();
    return result;
}

Result<QList<MailAddress>> parseMailAddressList(const QString &text, const QString &what)
{
    QList<MailAddress> list;
    QString item;
    bool quoted = false;
    bool angled = false;
    auto take = [&]() -> Result<void> {
        const QString trimmed = item.trimmed();
        item.clear();
        if (trimmed.isEmpty())
            return {};
        auto address = parseMailAddress(trimmed);
        if (!address)
            return Error::invalid(Text::tr("%1: \"%2\": %3").arg(what, trimmed, address.error().detail));
        list << *address;
        return {};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\' && i + 1 < text.size()) {
            item += c;
            item += text.at(++i);
            continue;
        }
        if (c == u'"' && !angled)
            quoted = !quoted;
        else if (c == u'<' && !quoted)
            angled = true;
        else if (c == u'>' && !quoted)
            angled = false;
        if ((c == u',' || c == u';') && !quoted && !angled) {
            if (auto taken = take(); !taken)
                return taken.error();
            continue;
        }
        item += c;
    }
    if (auto taken = take(); !taken)
        return taken.error();
    return list;
}

} // namespace socketeer
