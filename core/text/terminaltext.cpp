#include "terminaltext.h"

#include <QList>

namespace socketeer {

namespace {

bool reordersText(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

QString terminalSafe(QStringView text, LineBreaks lineBreaks)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (c == u'\t' || (c == u'\n' && lineBreaks == LineBreaks::Keep)) {
            out.append(QChar(c));
        } else if (c == u'\r') {
            out.append(QLatin1String("\\r"));
        } else if (c == u'\n') {
            out.append(QLatin1String("\\n"));
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            out.append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
        } else if (reordersText(c)) {
            out.append(QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0')));
        } else {
            out.append(QString::fromUcs4(&c, 1));
        }
    }
    return out;
}

} // namespace socketeer
