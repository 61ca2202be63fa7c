#include "savedmessagedialog.h"

#include "text/macros.h"
#include "taborder.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <limits>

namespace socketeer::ui {

SavedMessageDialog::SavedMessageDialog(const SavedMessage &message, const QStringList &takenNames, TextEncoding encoding, QWidget *parent)
    : QDialog(parent),
      m_taken(takenNames),
      m_encoding(encoding),
      m_name(new QLineEdit(message.name, this)),
      m_folder(new QLineEdit(message.folder, this)),
      m_format(new QComboBox(this)),
      m_text(new QLineEdit(message.text, this)),
      m_note(new QLineEdit(message.note, this)),
      m_preview(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(message.name.isEmpty() ? tr("Save message") : tr("Edit saved message"));
    setObjectName(QStringLiteral("savedMessageDialog"));
    m_name->setObjectName(QStringLiteral("savedName"));
    m_folder->setObjectName(QStringLiteral("savedFolder"));
    m_folder->setPlaceholderText(tr("Folder/Subfolder (optional)"));
    m_format->addItem(tr("Text"));
    m_format->addItem(tr("Hex"));
    m_format->setCurrentIndex(message.format == SavedMessage::Format::Hex ? 1 : 0);
    m_format->setObjectName(QStringLiteral("savedFormat"));
    m_text->setObjectName(QStringLiteral("savedText"));
    m_text->setMaxLength(std::numeric_limits<int>::max());
    m_text->setToolTip(tr("Text: \\n \\r \\t \\0 \\xNN and \\\\ stand for those bytes. Hex: 48 65 6C 6C 6F"));
    m_note->setObjectName(QStringLiteral("savedNote"));
    m_preview->setObjectName(QStringLiteral("savedPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&Message:"), m_text);
    form->addRow(tr("No&te:"), m_note);
    form->addRow(tr("Bytes:"), m_preview);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_text})
        connect(edit, &QLineEdit::textChanged, this, &SavedMessageDialog::check);
    connect(m_format, &QComboBox::currentIndexChanged, this, &SavedMessageDialog::check);
    resize(520, sizeHint().height());
    check();
    setTabOrderFromLayout(this);
}

SavedMessage SavedMessageDialog::message() const
{
    SavedMessage message;
    message.name = m_name->text().trimmed();
    message.folder = m_folder->text().trimmed();
    message.format = m_format->currentIndex() == 1 ? SavedMessage::Format::Hex : SavedMessage::Format::Text;
    message.text = m_text->text();
    message.note = m_note->text();
    // The folder as the file will keep it.
    QStringList parts;
    for (const QString &part : message.folder.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    message.folder = parts.join(QLatin1Char('/'));
    return message;
}

QString SavedMessageDialog::problem() const
{
    const SavedMessage current = message();
    if (current.name.isEmpty())
        return tr("A name is needed");
    if (m_taken.contains(current.name))
        return tr("Another message is called \"%1\" already").arg(current.name);
    // Parsed, not expanded: a bad escape or macro is refused with its position, while a
    // {{file:…}} that is not there yet is only read when the message is sent.
    const auto parsed = savedMessageTemplate(current, m_encoding);
    if (!parsed)
        return parsed.error().message();
    if (parsed->isConstant() && parsed->constant().isEmpty())
        return tr("The message makes no bytes");
    return {};
}

void SavedMessageDialog::check()
{
    const QString problem = this->problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        m_preview->setStyleSheet(theme::textStyle(theme::Role::Error));
        m_preview->setText(problem);
        return;
    }
    const auto expanded = savedMessageBytes(message(), m_encoding);   // counters at their start
    m_preview->setStyleSheet(QString());
    if (!expanded) {
        m_preview->setText(tr("When sent: %1").arg(expanded.error().message()));
        return;
    }
    const QByteArray bytes = *expanded;
    m_preview->setText(tr("%n byte(s): %1", nullptr, static_cast<int>(bytes.size())).arg(toHexDisplay(bytes.left(64)) + (bytes.size() > 64 ? QStringLiteral(" …") : QString())));
}

} // namespace socketeer::ui
