#include "programtext.h"

namespace socketeer::code {

QString ProgramText::substitute(QStringView line) const
{
    QString out;
    qsizetype at = 0;
    while (at < line.size()) {
        const qsizetype open = line.indexOf(u'@', at);
        const qsizetype close = open < 0 ? -1 : line.indexOf(u'@', open + 1);
        if (close < 0) {
            out += line.mid(at);
            break;
        }
        const QString name = line.mid(open + 1, close - open - 1).toString();
        const auto value = m_values.constFind(name);
        if (value == m_values.constEnd()) {   // not a placeholder: keep the '@' and go on after it
            out += line.mid(at, open + 1 - at);
            at = open + 1;
            continue;
        }
        out += line.mid(at, open - at);
        out += *value;
        at = close + 1;
    }
    return out;
}

void ProgramText::add(QStringView fragment)
{
    if (fragment.endsWith(u'\n'))
        fragment.chop(1);
    for (QStringView line : fragment.split(u'\n')) {
        ++m_lines;
        if (const qsizetype mark = line.lastIndexOf(u"$$"); mark >= 0) {
            for (QStringView call : line.mid(mark + 2).split(u','))
                m_calls[call.trimmed().toString()].append(m_lines);
            line = line.left(mark);
            while (line.endsWith(u' '))
                line.chop(1);
        }
        m_text += substitute(line) + u'\n';
    }
}

GeneratedCode ProgramText::finish(const QString &fileName) const
{
    return {m_text, fileName, m_calls};
}

} // namespace socketeer::code
