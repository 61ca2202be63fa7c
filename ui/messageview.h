#pragma once
// One received message, for reading and for teaching what a mail is made of: the decoded headers,
// the text (HTML shown as text), the attachments with type, size and "Save as…", the MIME tree
// (multipart/mixed → text/plain, application/…), the raw source, and the SMTP dialogue that
// delivered it.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace socketeer {
struct ParsedMail;
struct StoredMessage;
}

namespace socketeer::ui {

class MessageView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)
public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    void showNothing();
    void showLoading(const StoredMessage &message);
    void showMessage(const StoredMessage &message, const ParsedMail &mail, const QByteArray &source, bool sourceTruncated);

    QString headerText() const;
    QString bodyText() const;
    QString sourceText() const;
    QString dialogueText() const;
    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *attachmentList() const { return m_attachments; }
    QTreeWidget *mimeTree() const { return m_tree; }

signals:
    // The user wants part `partIndex` (ParsedMail::parts) saved; `fileName` is the name to offer:
    // a base name made safe from the sender's (safeAttachmentFileName()), never a path.
    void saveRequested(int partIndex, const QString &fileName);

private:
    void requestSave();

    QLabel *m_header;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    QTreeWidget *m_attachments;
    QPushButton *m_save;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_source;
    QPlainTextEdit *m_dialogue;
};

} // namespace socketeer::ui
