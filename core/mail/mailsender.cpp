#include "mailsender.h"

#include "net/mailbox.h"
#include "net/wakeup.h"

#include <QThread>

#include <functional>
#include <variant>
#include <vector>

namespace socketeer {

namespace {
// The worker: one session, then one last post. A QThread (not a bare std::thread) because TLS
// waits in a Qt event loop of the worker's own; a subclass rather than QThread::create(), whose
// std::future plumbing runs the whole session inside std::call_once.
class SendThread final : public QThread {
public:
    explicit SendThread(std::function<void()> work) : m_work(std::move(work)) { setObjectName(QStringLiteral("mail-sender")); }

protected:
    void run() override { m_work(); }

private:
    std::function<void()> m_work;
};

struct Progress {
    qint64 sent = 0;
    qint64 total = -1;
};
using Event = std::variant<SmtpTranscriptLine, Progress, MailSendResult>;
} // namespace

class MailSender::Private {
public:
    explicit Private(MailSender *q)
        : mailbox(q,
                  [q, this](std::vector<Event> &&events) {
                      for (Event &event : events) {
                          if (auto *line = std::get_if<SmtpTranscriptLine>(&event)) {
                              emit q->transcriptLine(*line);
                          } else if (auto *step = std::get_if<Progress>(&event)) {
                              emit q->progress(step->sent, step->total);
                          } else {
                              // The worker's last act was to post this: it is about to end.
                              join();
                              emit q->finished(std::get<MailSendResult>(event));
                          }
                      }
                  },
                  // Progress the front end has not seen yet is replaced by newer progress.
                  [](Event &last, Event &next) {
                      if (std::holds_alternative<Progress>(last) && std::holds_alternative<Progress>(next)) {
                          last = next;
                          return true;
                      }
                      return false;
                  })
    {
    }

    void join()
    {
        if (thread) {
            thread->wait();
            thread.reset();
        }
        cancel.reset();
    }

    Mailbox<Event> mailbox;
    std::unique_ptr<QThread> thread;
    std::unique_ptr<Wakeup> cancel;
};

MailSender::MailSender(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

MailSender::~MailSender()
{
    if (d->cancel)
        d->cancel->signal();
    if (d->thread)
        d->thread->wait();
}

bool MailSender::send(const MailMessage &message, SmtpSessionOptions options)
{
    if (isSending())
        return false;
    auto wakeup = Wakeup::create();
    if (!wakeup) {
        d->mailbox.post(MailSendResult{false, wakeup.error(), std::nullopt});
        return true;
    }
    d->cancel = std::make_unique<Wakeup>(std::move(*wakeup));
    options.cancel = d->cancel.get();
    Mailbox<Event> *mailbox = &d->mailbox;
    options.transcript = [mailbox](const SmtpTranscriptLine &line) { mailbox->post(line); };
    options.progress = [mailbox](qint64 sent, qint64 total) { mailbox->post(Progress{sent, total}); };
    d->thread = std::make_unique<SendThread>([message, options = std::move(options), mailbox] {
        SmtpSession session(options);
        const auto sent = session.send(message);
        mailbox->post(MailSendResult{sent.ok(), sent.ok() ? Error{} : sent.error(), session.rejectedCertificate()});
    });
    d->thread->start();
    return true;
}

void MailSender::cancel()
{
    if (d->cancel)
        d->cancel->signal();
}

bool MailSender::isSending() const { return d->thread != nullptr; }

} // namespace socketeer
