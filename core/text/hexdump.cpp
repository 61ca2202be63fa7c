#include "hexdump.h"

namespace socketeer {

QString hexDump(const QByteArray &bytes, quint64 firstOffset)
{
    QString dump;
    dump.reserve((bytes.size() / 16 + 1) * 76);
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        const QByteArray chunk = bytes.mid(line, 16);
        QString hex, text;
        for (qsizetype i = 0; i < 16; ++i) {
            if (i < chunk.size()) {
                const auto byte = static_cast<unsigned char>(chunk.at(i));
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                text += byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == 7)
                hex += QLatin1Char(' ');
        }
        dump += QStringLiteral("%1  %2 %3\n").arg(firstOffset + quint64(line), 4, 16, QLatin1Char('0')).arg(hex, text);
    }
    return dump;
}

} // namespace socketeer
