#include "literals.h"

#include <QList>

namespace socketeer::code {

QString pythonString(const QString &value)
{
    QString out = QStringLiteral("'");
    for (const char32_t c : value.toUcs4()) {
        switch (c) {
        case U'\\': out += QStringLiteral("\\\\"); continue;
        case U'\'': out += QStringLiteral("\\'"); continue;
        case U'\n': out += QStringLiteral("\\n"); continue;
        case U'\r': out += QStringLiteral("\\r"); continue;
        case U'\t': out += QStringLiteral("\\t"); continue;
        default: break;
        }
        // A character Python could read as something else, or that a reader cannot see, is escaped.
        const bool visible = c >= 0x20 && c != 0x7f && QChar::isPrint(c) && c != 0x2028 && c != 0x2029;
        if (visible)
            out += QString::fromUcs4(&c, 1);
        else if (c <= 0xff)
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        else if (c <= 0xffff)
            out += QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(static_cast<uint>(c), 8, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char('\'');
}

QString cString(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const char byte : value.toUtf8()) {
        const auto b = static_cast<unsigned char>(byte);
        if (b == '\\' || b == '"' || b == '?')
            out += QLatin1String("\\") + QLatin1Char(static_cast<char>(b));
        else if (b >= 0x20 && b < 0x7f)
            out += QLatin1Char(static_cast<char>(b));
        else
            out += QStringLiteral("\\%1").arg(static_cast<uint>(b), 3, 8, QLatin1Char('0'));
    }
    return out + QLatin1Char('"');
}

} // namespace socketeer::code
