#include "attachmentname.h"

#include <QMimeDatabase>

#include <algorithm>

namespace socketeer {

namespace {

constexpr qsizetype MaxNameBytes = 255;   // NAME_MAX on Linux (and most file systems)

bool isUnwanted(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;                                  // C0, DEL, C1 controls
    switch (c) {
    case 0x061c:                                      // ARABIC LETTER MARK
    case 0x200e: case 0x200f:                         // LRM, RLM
    case 0x202a: case 0x202b: case 0x202c: case 0x202d: case 0x202e:   // LRE RLE PDF LRO RLO
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:                // LRI RLI FSI PDI
    case 0xfeff:                                      // a BOM inside a name shows as nothing
        return true;
    default:
        return false;
    }
}

// Cuts `name` to at most MaxNameBytes of UTF-8 at a character boundary, keeping a short extension.
QString fitted(const QString &name)
{
    if (name.toUtf8().size() <= MaxNameBytes)
        return name;
    const qsizetype dot = name.lastIndexOf(u'.');
    QString suffix = dot > 0 ? name.mid(dot) : QString();
    if (suffix.toUtf8().size() > 32)
        suffix.clear();   // not an extension anyone relies on
    const QList<uint> stem = QStringView(name).left(suffix.isEmpty() ? name.size() : dot).toUcs4();
    QString out;
    qsizetype bytes = suffix.toUtf8().size();
    for (const uint code : stem) {
        const char32_t c = code;
        const QString one = QString::fromUcs4(&c, 1);
        const qsizetype size = one.toUtf8().size();
        if (bytes + size > MaxNameBytes)
            break;
        out += one;
        bytes += size;
    }
    return out + suffix;
}

} // namespace

QString safeAttachmentFileName(const QString &senderName, const QString &contentType)
{
    // Characters first: a control character or a mark between the dots of "..", or hiding a
    // separator's meaning, must not survive to make one.
    QString clean;
    clean.reserve(senderName.size());
    for (const char32_t c : senderName.toUcs4())
        if (!isUnwanted(c) && !QChar::isSurrogate(c))
            clean += QString::fromUcs4(&c, 1);
    // The base name, whichever separator the sender's system used.
    const qsizetype slash = std::max(clean.lastIndexOf(u'/'), clean.lastIndexOf(u'\\'));
    QString name = clean.mid(slash + 1);
    qsizetype start = 0;
    while (start < name.size() && (name.at(start) == u'.' || name.at(start).isSpace()))
        ++start;
    qsizetype end = name.size();
    while (end > start && (name.at(end - 1) == u'.' || name.at(end - 1).isSpace()))
        --end;
    name = name.mid(start, end - start);
    if (!name.isEmpty())
        return fitted(name);

    // Never a translated placeholder: the same neutral name in every language.
    QString fallback = QStringLiteral("attachment");
    const QMimeType type = QMimeDatabase().mimeTypeForName(contentType.section(u';', 0, 0).trimmed().toLower());
    const QString suffix = type.isValid() ? type.preferredSuffix() : QString();
    const bool plain = std::all_of(suffix.cbegin(), suffix.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 0x80) || c == u'-' || c == u'_' || c == u'+';
    });
    if (!suffix.isEmpty() && plain)
        fallback += u'.' + suffix;
    return fallback;
}

} // namespace socketeer
