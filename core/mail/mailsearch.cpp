#include "mailsearch.h"

#include <QCoreApplication>

#include <optional>

namespace socketeer {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::MailSearch)
};

using Kind = MailSearchTerm::Kind;

struct Key {
    const char *name;
    Kind kind;
};

constexpr Key kKeys[] = {
    {"from", Kind::From},   {"to", Kind::To},         {"subject", Kind::Subject}, {"has", Kind::HasAttachment},
    {"after", Kind::After}, {"before", Kind::Before}, {"larger", Kind::Larger},   {"smaller", Kind::Smaller},
};

constexpr qint64 kLargestSize = qint64(1) << 50;

const char *keyName(Kind kind)
{
    for (const Key &key : kKeys)
        if (key.kind == kind)
            return key.name;
    return "";
}

// The key a word starts with ("from:…"), case-insensitively; nothing for free text.
std::optional<Kind> keyOf(QStringView word, qsizetype *valueStart)
{
    const qsizetype colon = word.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QStringView name = word.first(colon);
    for (const Key &key : kKeys) {
        if (name.compare(QLatin1String(key.name), Qt::CaseInsensitive) == 0) {
            *valueStart = colon + 1;
            return key.kind;
        }
    }
    return std::nullopt;
}

QDateTime startOfDay(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::LocalTime);
}

Result<MailSearchTerm> makeTerm(Kind kind, bool negated, const QString &value, const QString &word)
{
    MailSearchTerm term;
    term.kind = kind;
    term.negated = negated;
    switch (kind) {
    case Kind::Text:
    case Kind::From:
    case Kind::To:
    case Kind::Subject:
        if (value.isEmpty())
            return Error::invalid(Text::tr("%1 needs something to look for after the colon").arg(word));
        term.text = value;
        return term;
    case Kind::HasAttachment:
        if (value.compare(QLatin1String("attachment"), Qt::CaseInsensitive) != 0)
            return Error::invalid(Text::tr("%1: the only has: is has:attachment").arg(word));
        return term;
    case Kind::After:
    case Kind::Before:
        term.date = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
        if (!term.date.isValid() || value.size() != 10)
            return Error::invalid(Text::tr("%1: a date is written YYYY-MM-DD, e.g. 2026-12-05").arg(word));
        return term;
    case Kind::Larger:
    case Kind::Smaller: {
        const auto bytes = parseMailSize(value);
        if (!bytes)
            return Error::invalid(QStringLiteral("%1: %2").arg(word, bytes.error().detail));
        term.bytes = *bytes;
        return term;
    }
    }
    return term;
}

bool isSpace(QChar c)
{
    return c.isSpace();
}

// The term matches, does not, or cannot tell yet (a summary not parsed, no date).
std::optional<bool> matchTerm(const MailSearchTerm &term, const MailSearchFields &m)
{
    const auto has = [&term](const QString &field) { return field.contains(term.text, Qt::CaseInsensitive); };
    const auto anyRecipient = [&] {
        for (const QString &recipient : m.recipients)
            if (has(recipient))
                return true;
        return false;
    };
    switch (term.kind) {
    case Kind::Text:
        return has(m.subject) || has(m.from) || has(m.to) || has(m.mailFrom) || anyRecipient();
    case Kind::From:
        return has(m.from) || has(m.mailFrom);
    case Kind::To:
        return has(m.to) || anyRecipient();
    case Kind::Subject:
        return has(m.subject);
    case Kind::HasAttachment:
        if (m.attachments < 0)
            return std::nullopt;
        return m.attachments > 0;
    case Kind::After:
    case Kind::Before:
        if (!m.receivedAt.isValid())
            return std::nullopt;
        return term.kind == Kind::After ? m.receivedAt >= startOfDay(term.date) : m.receivedAt < startOfDay(term.date);
    case Kind::Larger:
        return m.size > term.bytes;
    case Kind::Smaller:
        return m.size < term.bytes;
    }
    return false;
}

QString quotedIfNeeded(const QString &text, bool freeText)
{
    bool quote = text.startsWith(QLatin1Char('"'));
    for (QChar c : text)
        quote = quote || isSpace(c);
    if (freeText) {
        qsizetype ignored = 0;
        quote = quote || text.startsWith(QLatin1Char('-')) || keyOf(text, &ignored).has_value();
    }
    return quote ? QLatin1Char('"') + text + QLatin1Char('"') : text;
}

} // namespace

Result<qint64> parseMailSize(const QString &text)
{
    qsizetype digits = 0;
    while (digits < text.size() && text.at(digits) >= QLatin1Char('0') && text.at(digits) <= QLatin1Char('9'))
        ++digits;
    QString unit = text.mid(digits).toUpper();
    if (unit.endsWith(QLatin1Char('B')))
        unit.chop(1);
    qint64 factor = 1;
    if (unit == QLatin1String("K"))
        factor = 1024;
    else if (unit == QLatin1String("M"))
        factor = 1024 * 1024;
    else if (unit == QLatin1String("G"))
        factor = 1024 * 1024 * 1024;
    else if (!unit.isEmpty())
        digits = 0;   // an unknown unit: refused below
    if (digits == 0 || digits > 16)
        return Error::invalid(Text::tr("a size is a number with an optional K, M or G, e.g. 10K or 2M"));
    const qint64 number = text.left(digits).toLongLong();
    if (number > kLargestSize / factor)
        return Error::invalid(Text::tr("a size is a number with an optional K, M or G, e.g. 10K or 2M"));
    return number * factor;
}

Result<MailQuery> parseMailQuery(const QString &text)
{
    MailQuery query;
    const qsizetype n = text.size();
    qsizetype i = 0;
    // A phrase from the opening quote at `i`: up to the closing one, or the end of the text.
    const auto readPhrase = [&text, n](qsizetype &at) {
        const qsizetype close = text.indexOf(QLatin1Char('"'), at + 1);
        const qsizetype end = close < 0 ? n : close;
        const QString phrase = text.mid(at + 1, end - at - 1);
        at = close < 0 ? n : close + 1;
        return phrase;
    };
    while (i < n) {
        if (isSpace(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool negated = false;
        if (text.at(i) == QLatin1Char('-') && i + 1 < n && !isSpace(text.at(i + 1))) {
            negated = true;
            ++i;
        }
        if (text.at(i) == QLatin1Char('"')) {
            const QString phrase = readPhrase(i);
            if (!phrase.isEmpty())
                query.terms.append(*makeTerm(Kind::Text, negated, phrase, {}));
            continue;
        }
        qsizetype end = i;
        while (end < n && !isSpace(text.at(end)))
            ++end;
        QStringView word = QStringView(text).sliced(i, end - i);
        qsizetype valueStart = 0;
        const std::optional<Kind> key = keyOf(word, &valueStart);
        // A quote only ever opens or closes a phrase: inside a word it is dropped, so that any
        // text found can be written back between quotes (the canonical text; fuzz_mailsearch).
        if (!key) {
            query.terms.append(*makeTerm(Kind::Text, negated, word.toString().remove(QLatin1Char('"')), {}));
            i = end;
            continue;
        }
        QString value;
        if (valueStart < word.size() && word.at(valueStart) == QLatin1Char('"')) {
            i += valueStart;
            value = readPhrase(i);
        } else {
            value = word.sliced(valueStart).toString().remove(QLatin1Char('"'));
            i = end;
        }
        auto term = makeTerm(*key, negated, value, text.mid(start, i - start));
        if (!term)
            return term.error();
        query.terms.append(*term);
    }
    return query;
}

QString formatMailQuery(const MailQuery &query)
{
    QStringList words;
    for (const MailSearchTerm &term : query.terms) {
        QString word = term.negated ? QStringLiteral("-") : QString();
        switch (term.kind) {
        case Kind::Text:
            word += quotedIfNeeded(term.text, true);
            break;
        case Kind::From:
        case Kind::To:
        case Kind::Subject:
            word += QLatin1String(keyName(term.kind)) + QLatin1Char(':') + quotedIfNeeded(term.text, false);
            break;
        case Kind::HasAttachment:
            word += QStringLiteral("has:attachment");
            break;
        case Kind::After:
        case Kind::Before:
            word += QLatin1String(keyName(term.kind)) + QLatin1Char(':') + term.date.toString(QStringLiteral("yyyy-MM-dd"));
            break;
        case Kind::Larger:
        case Kind::Smaller:
            word += QLatin1String(keyName(term.kind)) + QLatin1Char(':') + QString::number(term.bytes);
            break;
        }
        words << word;
    }
    return words.join(QLatin1Char(' '));
}

bool matchesMailQuery(const MailQuery &query, const MailSearchFields &message)
{
    for (const MailSearchTerm &term : query.terms) {
        const std::optional<bool> matched = matchTerm(term, message);
        if (!matched || *matched == term.negated)
            return false;
    }
    return true;
}

} // namespace socketeer
