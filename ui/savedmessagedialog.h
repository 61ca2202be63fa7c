#pragma once
// Adding or editing one saved message: name, folder, text (with escapes) or hex, note. The bytes
// it stands for are previewed as hex while typing; OK stays off while the name is taken or the
// text makes no bytes, with the reason shown.

#include "saved/savedlibrary.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace socketeer::ui {

class SavedMessageDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedMessageDialog)
public:
    // `takenNames`: the other messages' names (not this one's own when editing).
    SavedMessageDialog(const SavedMessage &message, const QStringList &takenNames, TextEncoding encoding, QWidget *parent = nullptr);

    SavedMessage message() const;
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *textEdit() const { return m_text; }
    QLineEdit *folderEdit() const { return m_folder; }
    QComboBox *formatBox() const { return m_format; }
    QString problem() const;

private:
    void check();

    QStringList m_taken;
    TextEncoding m_encoding;
    QLineEdit *m_name;
    QLineEdit *m_folder;
    QComboBox *m_format;
    QLineEdit *m_text;
    QLineEdit *m_note;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace socketeer::ui
