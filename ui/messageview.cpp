#include "messageview.h"

#include "mail/attachmentname.h"
#include "mail/mailparser.h"
#include "mail/mailstore.h"
#include "text/encoding.h"
#include "text/timetext.h"
#include "theme.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QTextDocument>

namespace socketeer::ui {

namespace {

constexpr int kPartIndexRole = Qt::UserRole;
constexpr int kFileNameRole = Qt::UserRole + 1;   // the safe name to save under (never shown text)

QPlainTextEdit *readOnlyText(bool monospace)
{
    auto *edit = new QPlainTextEdit;
    edit->setReadOnly(true);
    if (monospace)
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// The Date: field in the reader's time zone, with the zone; and, when the sender's clock was in
// another zone, the time as the sender wrote it (a reply "by 5 pm" means the sender's 5 pm).
QString dateText(const QDateTime &date)
{
    const QString local = localDateTimeText(date, QLocale::LongFormat);
    if (date.offsetFromUtc() == date.toLocalTime().offsetFromUtc())
        return local;
    return MessageView::tr("%1 (the sender wrote %2)")
        .arg(local, QLocale::c().toString(date, QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + utcZoneText(date.offsetFromUtc()));
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent),
      m_header(new QLabel),
      m_tabs(new QTabWidget),
      m_body(readOnlyText(false)),
      m_attachments(new QTreeWidget),
      m_save(new QPushButton(tr("Save as…"))),
      m_tree(new QTreeWidget),
      m_source(readOnlyText(true)),
      m_dialogue(readOnlyText(true))
{
    m_header->setObjectName(QStringLiteral("messageHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setToolTip(tr("The text of the message"));
    m_body->setAccessibleName(tr("Message text"));
    m_source->setObjectName(QStringLiteral("messageSource"));
    m_source->setToolTip(tr("The message exactly as it was received"));
    m_source->setAccessibleName(tr("Message source"));
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_dialogue->setObjectName(QStringLiteral("messageDialogue"));
    m_dialogue->setToolTip(tr("The SMTP conversation that delivered the message"));
    m_dialogue->setAccessibleName(tr("SMTP dialogue"));

    m_attachments->setObjectName(QStringLiteral("attachments"));
    m_attachments->setAccessibleDescription(tr("The files that came with the message: select one to save it"));
    m_attachments->setAccessibleName(tr("Attachments"));
    m_attachments->setHeaderLabels({tr("Name"), tr("Type"), tr("Size")});
    m_attachments->setRootIsDecorated(false);
    m_attachments->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_save->setObjectName(QStringLiteral("saveAttachment"));
    m_save->setToolTip(tr("Save the selected attachment to a file"));
    m_save->setEnabled(false);
    connect(m_attachments, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_save->setEnabled(!m_attachments->selectedItems().isEmpty()); });
    connect(m_attachments, &QTreeWidget::itemDoubleClicked, this, &MessageView::requestSave);
    connect(m_save, &QPushButton::clicked, this, &MessageView::requestSave);
    auto *attachmentsPage = new QWidget;
    auto *attachmentsLayout = new QVBoxLayout(attachmentsPage);
    attachmentsLayout->addWidget(m_attachments, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    attachmentsLayout->addLayout(saveRow);

    m_tree->setObjectName(QStringLiteral("mimeTree"));
    m_tree->setAccessibleDescription(tr("The parts of the message as MIME nests them"));
    m_tree->setAccessibleName(tr("MIME structure"));
    m_tree->setHeaderLabels({tr("Content type"), tr("Name"), tr("Encoding"), tr("Size")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_tabs->setObjectName(QStringLiteral("messageTabs"));
    m_tabs->addTab(m_body, tr("Text"));
    m_tabs->addTab(attachmentsPage, tr("Attachments"));
    m_tabs->addTab(m_tree, tr("MIME structure"));
    m_tabs->addTab(m_source, tr("Source"));
    m_tabs->addTab(m_dialogue, tr("SMTP dialogue"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    showNothing();
}

MessageView::~MessageView() = default;

void MessageView::showNothing()
{
    m_header->setText(tr("<i>Select a message to read it.</i>"));
    m_body->clear();
    m_attachments->clear();
    m_tree->clear();
    m_source->clear();
    m_dialogue->clear();
    m_tabs->setTabText(1, tr("Attachments"));
    setEnabled(false);
}

void MessageView::showLoading(const StoredMessage &message)
{
    showNothing();
    setEnabled(true);
    m_header->setText(tr("<i>Reading %1 (%2)…</i>").arg(message.id.toHtmlEscaped(), sizeText(message.size)));
}

void MessageView::showMessage(const StoredMessage &message, const ParsedMail &mail, const QByteArray &source, bool sourceTruncated)
{
    setEnabled(true);
    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString header = QStringLiteral("<table>");
    header += row(tr("From"), mail.from);
    header += row(tr("To"), mail.to);
    if (!mail.cc.isEmpty())
        header += row(tr("Cc"), mail.cc);
    header += row(tr("Subject"), mail.subject.isEmpty() ? tr("(no subject)") : mail.subject);
    header += row(tr("Date"), mail.date.isValid() ? dateText(mail.date) : tr("(none)"));
    // What only the envelope knows: who it was really sent to (Bcc recipients are here alone).
    header += row(tr("Envelope"), tr("from <%1> to <%2>").arg(message.envelope.mailFrom, message.envelope.recipients.join(QStringLiteral(">, <"))));
    const SmtpEnvelope &envelope = message.envelope;
    const QString tls = envelope.tls ? tr("TLS (%1, %2)").arg(envelope.tlsVersion, envelope.tlsCipher) : tr("plain text (no TLS)");
    header += row(tr("Security"), envelope.authUser.isEmpty() ? tls : tr("%1, logged in as %2").arg(tls, envelope.authUser));
    header += QStringLiteral("</table>");
    if (!mail.ok)
        header += QStringLiteral("<p style='color:%1'>%2</p>").arg(theme::colour(theme::Role::Error).name(), tr("This message could not be read as MIME: %1").arg(mail.problem).toHtmlEscaped());
    m_header->setText(header);

    if (!mail.textBody.isEmpty())
        m_body->setPlainText(mail.textBody);
    else if (!mail.htmlBody.isEmpty())
        m_body->setPlainText(QTextDocumentFragment::fromHtml(mail.htmlBody).toPlainText());
    else
        m_body->setPlainText(tr("(This message has no text part.)"));

    m_attachments->clear();
    int attachments = 0;
    for (int i = 0; i < mail.parts.size(); ++i) {
        const MailPart &part = mail.parts.at(i);
        if (!part.isAttachment)
            continue;
        // The sender's name, made safe: a base name without control or bidi characters (an RLO
        // would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"). Shown so, and saved so.
        const QString safeName = safeAttachmentFileName(part.fileName, part.contentType);
        auto *item = new QTreeWidgetItem(m_attachments, {part.fileName.isEmpty() ? tr("(unnamed)") : safeName, part.contentType,
                                                         sizeText(part.decodedSize)});
        item->setData(0, kPartIndexRole, i);
        item->setData(0, kFileNameRole, safeName);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        ++attachments;
    }
    m_tabs->setTabText(1, attachments ? tr("Attachments (%1)").arg(attachments) : tr("Attachments"));
    m_save->setEnabled(false);

    m_tree->clear();
    QList<QTreeWidgetItem *> parents;
    for (const MimeNode &node : mail.tree) {
        while (parents.size() > node.depth)
            parents.removeLast();
        QStringList columns{node.contentType, node.fileName, node.transferEncoding,
                            node.decodedSize >= 0 ? sizeText(node.decodedSize) : QString()};
        auto *item = parents.isEmpty() ? new QTreeWidgetItem(m_tree, columns) : new QTreeWidgetItem(parents.last(), columns);
        if (!node.charset.isEmpty())
            item->setToolTip(0, Qt::convertFromPlainText(tr("charset=%1").arg(node.charset)));   // the sender's word
        parents.append(item);
    }
    m_tree->expandAll();

    // Raw GBK or a stray byte in the source shows as \xNN rather than vanishing into U+FFFD: the
    // Source tab is for seeing exactly what arrived.
    DecodeOptions raw;
    raw.escapeControls = false;
    QString text = decodeForDisplay(source, TextEncoding::Utf8, raw);
    if (sourceTruncated)
        text += QLatin1Char('\n') + tr("… (the first %1 of %2 shown)").arg(sizeText(source.size()), sizeText(message.size));
    m_source->setPlainText(text);

    QStringList dialogue;
    dialogue << tr("Received %1 from %2, who said EHLO/HELO %3")
                    .arg(localDateTimeText(message.envelope.receivedAt, QLocale::LongFormat), message.envelope.peer,
                         message.envelope.heloName);
    dialogue << QString() << message.envelope.transcript;
    m_dialogue->setPlainText(dialogue.join(QLatin1Char('\n')));
}

void MessageView::requestSave()
{
    const QList<QTreeWidgetItem *> selected = m_attachments->selectedItems();
    if (selected.isEmpty())
        return;
    // The safe name kept for saving: never the shown text, which may be a translated placeholder.
    emit saveRequested(selected.first()->data(0, kPartIndexRole).toInt(), selected.first()->data(0, kFileNameRole).toString());
}

QString MessageView::headerText() const
{
    return QTextDocumentFragment::fromHtml(m_header->text()).toPlainText();
}

QString MessageView::bodyText() const
{
    return m_body->toPlainText();
}

QString MessageView::sourceText() const
{
    return m_source->toPlainText();
}

QString MessageView::dialogueText() const
{
    return m_dialogue->toPlainText();
}

} // namespace socketeer::ui
