#pragma once
// Assembles a generated program from template fragments. A fragment names values as @NAME@ and
// marks the line of a socket call with "$$call" (or "$$call,call") at its end; the marks are
// removed and remembered as GeneratedCode::callLines. Values are put in once, never rescanned, so
// a value holding "@HOST@" or "$$" stays text.

#include "code/codesettings.h"

#include <QHash>
#include <QString>

namespace socketeer::code {

class ProgramText {
public:
    void set(const QString &name, const QString &value) { m_values.insert(name, value); }
    // Appends the fragment; a fragment is whole lines, each ending in '\n'.
    void add(QStringView fragment);
    GeneratedCode finish(const QString &fileName) const;

private:
    QString substitute(QStringView line) const;

    QHash<QString, QString> m_values;
    QString m_text;
    int m_lines = 0;
    QMap<QString, QList<int>> m_calls;
};

} // namespace socketeer::code
