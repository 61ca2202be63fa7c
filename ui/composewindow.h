#pragma once
// The compose-mail window: account (a provider preset or any server, security, login), the
// message (From, To, Cc, Bcc validated as typed, Subject, body), attachments (dialog or drag and
// drop), and Send — which runs on a worker thread (MailSender) with a progress bar of the whole
// message's bytes and Cancel, while the SMTP dialogue scrolls by in the transcript pane with
// every secret masked. The draft is kept on disk as it is typed (maildraft.h); the password
// stays in memory only. A certificate that fails verification is shown, and may be trusted for
// that server by its fingerprint (remembered in Settings).

#include "code/codesettings.h"
#include "net/error.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace socketeer {
class MailSender;
struct MailMessage;
struct MailSendResult;
struct SmtpSessionOptions;
struct SmtpTranscriptLine;
}

namespace socketeer::ui {

class AttachmentList;
class CodeDock;
struct MailPreset;
class HostEdit;
class MailDraftStore;
class Settings;

class ComposeWindow final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeWindow)
public:
    // `draftPath` empty: MailDraftStore::defaultPath().
    explicit ComposeWindow(Settings &settings, const QString &draftPath = {}, QWidget *parent = nullptr);
    ~ComposeWindow() override;

    // Why Send cannot go yet, in words ("To: \"bob\": …"); empty when it can.
    QString problem() const;
    bool isSending() const;
    QString statusText() const;
    QString transcriptText() const;
    AttachmentList *attachments() const { return m_attachments; }
    // Writes the draft now (it is otherwise written a moment after each change).
    void saveDraft();
    // Adds files as a drop would; the reasons for any refused are shown in the status line.
    void attachFiles(const QStringList &paths);
    void send();
    void cancel();
    // Where the app's own inbox (the Inbox tab) listens and what it asks for: the "Local inbox"
    // account follows it (the preset's port, no TLS and no login unless told).
    struct LocalInbox {
        quint16 port = 0;
        bool startTls = false;   // it offers STARTTLS (and may refuse mail without it)
        bool login = false;      // it asks for SMTP AUTH
    };
    void setLocalInbox(const LocalInbox &inbox);
    bool isLocalInbox() const;

    // "Show me the code": the Python program that sends what the fields say (the password read
    // from the environment, never written into it), or the field that stops it.
    Result<CodeSettings> codeSettings() const;
    CodeDock *codeView() const { return m_code; }
    QPushButton *codeButton() const { return m_codeButton; }

signals:
    // Once per send(), when it is over: accepted by the server or not.
    void sendFinished(bool accepted);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createAccountBox();
    QWidget *createMessageBox();
    QWidget *createAttachmentBox();
    void applyPreset();
    QString presetNote(const MailPreset &preset) const;
    void updateLoginFields();
    void validate();
    void scheduleDraftSave();
    void restoreDraft();
    void setSending(bool sending);
    void showStatus(const QString &text, const QString &color = {});
    void showTranscriptLine(const SmtpTranscriptLine &line);
    void showProgress(qint64 sent, qint64 total);
    void finish(const MailSendResult &result);
    void askToTrust(const MailSendResult &result);
    void updateTotal();
    bool buildMessage(MailMessage *message, QString *problem) const;
    SmtpSessionOptions sessionOptions() const;
    QString serverName() const;
    qint64 estimatedSize() const;

    Settings &m_settings;
    std::unique_ptr<MailDraftStore> m_draft;
    MailSender *m_sender;
    QTimer *m_draftTimer;

    QComboBox *m_preset;
    QLabel *m_presetNote;
    HostEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_authMethod;
    QLineEdit *m_caFile;
    QCheckBox *m_allowClear;

    QLineEdit *m_from;
    QLineEdit *m_to;
    QLineEdit *m_cc;
    QLineEdit *m_bcc;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    AttachmentList *m_attachments;
    QLabel *m_total;

    QPlainTextEdit *m_transcript;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QPushButton *m_codeButton;
    CodeDock *m_code;

    QString m_problem;
    qint64 m_estimate = 0;
    bool m_restoring = false;
    LocalInbox m_localInbox;   // port 0: not told; the preset's port
};

} // namespace socketeer::ui
