#include "inboxreader.h"

#include "net/mailbox.h"

#include <QFile>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace socketeer::ui {

// Requests go to a plain std::thread through a queue under a std::mutex and a condition variable;
// answers come back through a Mailbox. Not a QThread with queued calls: those hand their captured
// data over through Qt's own locks, which ThreadSanitizer cannot see (see net/doorbell.h).
struct InboxReader::Private {
    explicit Private(InboxReader *front)
        : answers(front, [front](std::vector<Answer> &&batch) {
              for (Answer &answer : batch)
                  answer(front);
          })
    {
    }

    void run()
    {
        for (;;) {
            std::function<void()> work;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stopping || !requests.empty(); });
                if (stopping)
                    return;   // what is still queued is dropped: nobody is left to answer
                work = std::move(requests.front());
                requests.pop_front();
            }
            work();
        }
    }

    void request(std::function<void()> work)
    {
        {
            std::lock_guard lock(mutex);
            requests.push_back(std::move(work));
        }
        wake.notify_one();
    }

    using Answer = std::function<void(InboxReader *)>;
    Mailbox<Answer> answers;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> requests;
    bool stopping = false;
    std::thread thread;
};

InboxReader::InboxReader(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this))
{
    qRegisterMetaType<MailSummary>();
    qRegisterMetaType<ParsedMail>();
    d->thread = std::thread([this] { d->run(); });
}

InboxReader::~InboxReader()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_one();
    d->thread.join();   // after the request in hand, if any
}

void InboxReader::summarize(const QString &id, const QString &path)
{
    Mailbox<Private::Answer> *answers = &d->answers;
    d->request([answers, id, path] {
        const ParsedMail mail = parseMailFile(path, PartSizes::Skipped);   // no attachment decoded for a list row
        MailSummary summary;
        summary.from = mail.from;
        summary.to = mail.to;
        summary.subject = mail.subject;
        summary.attachments = mail.attachmentCount();
        answers->post([id, summary](InboxReader *front) { emit front->summarized(id, summary); });
    });
}

void InboxReader::load(const QString &id, const QString &path)
{
    Mailbox<Private::Answer> *answers = &d->answers;
    d->request([answers, id, path] {
        const ParsedMail mail = parseMailFile(path);
        QByteArray source;
        bool truncated = false;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            source = file.read(kSourceLimit);
            truncated = file.size() > kSourceLimit;
        }
        answers->post([id, mail, source, truncated](InboxReader *front) { emit front->loaded(id, mail, source, truncated); });
    });
}

void InboxReader::savePart(const QString &path, int index, const QString &destination)
{
    Mailbox<Private::Answer> *answers = &d->answers;
    d->request([answers, path, index, destination] {
        const QString problem = saveMailPart(path, index, destination);
        answers->post([destination, problem](InboxReader *front) { emit front->saved(destination, problem); });
    });
}

} // namespace socketeer::ui
