#pragma once
// Where a widget is, for a test's failure message: "window/pane/widget", each by object name or,
// without one, class name; a button adds its text. Shared by the accessibility and keyboard tests.

#include <QAbstractButton>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace testsupport {

inline QString widgetPlace(const QWidget *widget, int depth = 4)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        path.prepend(name.isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : name);
        if (path.size() >= depth)
            break;
    }
    QString text = path.join(QLatin1Char('/'));
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget); button && !button->text().isEmpty())
        text += QStringLiteral(" \"%1\"").arg(button->text());
    return text;
}

} // namespace testsupport
