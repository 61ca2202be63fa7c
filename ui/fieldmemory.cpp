#include "fieldmemory.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVariant>

namespace socketeer::ui {

namespace {

constexpr char kProperty[] = "socketeerRemembered";

QList<QWidget *> rememberedFields(const QWidget *panel)
{
    QList<QWidget *> fields;
    for (QWidget *widget : panel->findChildren<QWidget *>()) {
        if (widget->property(kProperty).toBool() && !widget->objectName().isEmpty())
            fields << widget;
    }
    return fields;
}

QVariant valueOf(const QWidget *widget)
{
    if (auto *combo = qobject_cast<const QComboBox *>(widget)) {
        const QVariant data = combo->currentData();
        return data.isValid() && !combo->isEditable() ? data : QVariant(combo->currentText());
    }
    if (auto *line = qobject_cast<const QLineEdit *>(widget))
        return line->text();
    if (auto *text = qobject_cast<const QPlainTextEdit *>(widget))
        return text->toPlainText();
    if (auto *spin = qobject_cast<const QSpinBox *>(widget))
        return spin->value();
    if (auto *button = qobject_cast<const QAbstractButton *>(widget); button && button->isCheckable())
        return button->isChecked();
    return {};
}

void setValue(QWidget *widget, const QVariant &value)
{
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        int index = combo->findData(value);
        if (index < 0)
            index = combo->findText(value.toString());
        if (index >= 0)
            combo->setCurrentIndex(index);
        else if (combo->isEditable())
            combo->setEditText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        line->setText(value.toString());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
        text->setPlainText(value.toString());
    } else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
        const int number = value.toInt();
        if (number >= spin->minimum() && number <= spin->maximum())
            spin->setValue(number);
    } else if (auto *button = qobject_cast<QAbstractButton *>(widget); button && button->isCheckable()) {
        button->setChecked(value.toBool());
    }
}

} // namespace

void rememberField(QWidget *widget)
{
    widget->setProperty(kProperty, true);
}

QVariantMap captureFields(const QWidget *panel)
{
    QVariantMap values;
    for (const QWidget *field : rememberedFields(panel)) {
        const QVariant value = valueOf(field);
        if (value.isValid())
            values.insert(field->objectName(), value);
    }
    return values;
}

void restoreFields(QWidget *panel, const QVariantMap &values)
{
    for (QWidget *field : rememberedFields(panel)) {
        const auto it = values.constFind(field->objectName());
        if (it != values.constEnd())
            setValue(field, *it);
    }
}

} // namespace socketeer::ui
