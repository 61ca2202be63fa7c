#pragma once
// Which inputs of a panel are remembered across runs (last address, port, encoding, view, …).
// A panel marks its own inputs; the main window captures and restores them by object name, so a
// new field needs one line in its panel and nothing anywhere else.

#include <QVariantMap>

class QWidget;

namespace socketeer::ui {

// The widget (a QLineEdit, QPlainTextEdit, QComboBox, checkable button or QSpinBox with a unique object name
// inside its panel) keeps its value from one run to the next. Never mark a secret.
void rememberField(QWidget *widget);

QVariantMap captureFields(const QWidget *panel);
// Values that no longer fit (a vanished interface, a port now out of range) are skipped, leaving
// the field's default.
void restoreFields(QWidget *panel, const QVariantMap &values);

} // namespace socketeer::ui
