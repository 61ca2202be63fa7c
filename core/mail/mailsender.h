#pragma once
// The SMTP client for a Qt front end (the compose window, `socketeer mail`): send() runs an
// SmtpSession on a worker thread of its own and reports back through signals, in the front end's
// thread, in order — transcript lines, progress, then finished(). cancel() ends any wait at once.
// One message at a time; the destructor cancels and joins.

#include "mail/mailmessage.h"
#include "mail/smtpsession.h"
#include "net/error.h"
#include "net/tlsstream.h"

#include <QObject>

#include <memory>
#include <optional>

namespace socketeer {

struct MailSendResult {
    bool accepted = false;                               // the server took the message
    Error error;                                         // why not, when not
    std::optional<TlsCertificateInfo> rejectedCertificate;
};

class MailSender : public QObject {
    Q_OBJECT
public:
    explicit MailSender(QObject *parent = nullptr);
    ~MailSender() override;

    // False, and nothing starts, while a message is being sent. The session's transcript,
    // progress and cancel hooks are the sender's own (whatever `options` carried is replaced).
    bool send(const MailMessage &message, SmtpSessionOptions options);
    void cancel();
    bool isSending() const;

signals:
    void transcriptLine(const socketeer::SmtpTranscriptLine &line);
    // Message bytes handed to the server; total is -1 until the size is known.
    void progress(qint64 sent, qint64 total);
    void finished(const socketeer::MailSendResult &result);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer
