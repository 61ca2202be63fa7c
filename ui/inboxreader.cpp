#include "inboxreader.h"

#include "net/mailbox.h"

#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace socketeer::ui {

namespace {

MailSummary summaryOf(const QString &path)
{
    const ParsedMail mail = parseMailFile(path, PartSizes::Skipped);   // no attachment decoded for a list row
    return MailSummary{mail.from, mail.to, mail.subject, mail.attachmentCount()};
}

} // namespace

// Requests go to a plain std::thread through two queues under a std::mutex and a condition
// variable (what the user asked for first, then background work); answers come back through a
// Mailbox. Not a QThread with queued calls: those hand their captured data over through Qt's own
// locks, which ThreadSanitizer cannot see (see net/doorbell.h).
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
                wake.wait(lock, [this] { return stopping || !urgent.empty() || !background.empty(); });
                if (stopping)
                    return;   // what is still queued is dropped: nobody is left to answer
                std::deque<std::function<void()>> &queue = urgent.empty() ? background : urgent;
                work = std::move(queue.front());
                queue.pop_front();
            }
            work();
        }
    }

    void request(std::function<void()> work, bool isUrgent = true)
    {
        {
            std::lock_guard lock(mutex);
            (isUrgent ? urgent : background).push_back(std::move(work));
        }
        wake.notify_one();
    }

    // The summaries a listing lacked, a batch per request so that a load() can come between.
    void summarizeLater(int generation, QString directory, QList<StoredMessage> pending)
    {
        request(
            [this, generation, directory = std::move(directory), pending = std::move(pending)]() mutable {
                if (generation != listGeneration.load())
                    return;   // a newer listing took over
                QList<StoredMessage> rest = pending.size() > kSummaryBatch ? pending.mid(kSummaryBatch) : QList<StoredMessage>();
                pending.resize(qMin(pending.size(), qsizetype(kSummaryBatch)));
                const MailStore store(directory);
                QList<SummaryUpdate> updates;
                updates.reserve(pending.size());
                for (const StoredMessage &message : pending) {
                    const MailSummary summary = summaryOf(message.path);
                    store.remember(message, summary);
                    updates.append({message.id, summary});
                }
                answers.post([updates = std::move(updates)](InboxReader *front) { emit front->summarized(updates); });
                if (!rest.isEmpty())
                    summarizeLater(generation, directory, std::move(rest));
            },
            false);
    }

    using Answer = std::function<void(InboxReader *)>;
    Mailbox<Answer> answers;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> urgent;
    std::deque<std::function<void()>> background;
    bool stopping = false;
    std::atomic<int> listGeneration{0};
    std::thread thread;
};

InboxReader::InboxReader(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this))
{
    qRegisterMetaType<SummaryUpdate>();
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

void InboxReader::list(int generation, const QString &directory)
{
    d->listGeneration.store(generation);
    Private *p = d.get();
    d->request([p, generation, directory] {
        if (generation != p->listGeneration.load())
            return;
        const MailStore store(directory);
        const QList<ListedMessage> rows = store.list();
        QList<StoredMessage> pending;
        for (qsizetype start = 0; start < rows.size() || start == 0; start += kListBatch) {
            QList<ListedMessage> batch = rows.mid(start, kListBatch);
            for (const ListedMessage &row : batch)
                if (!row.summary)
                    pending.append(row.message);
            const bool done = start + kListBatch >= rows.size();
            p->answers.post([generation, batch = std::move(batch), done](InboxReader *front) { emit front->listed(generation, batch, done); });
        }
        if (!pending.isEmpty())
            p->summarizeLater(generation, store.directory(), std::move(pending));
    });
}

void InboxReader::summarize(const QString &directory, const StoredMessage &message)
{
    Mailbox<Private::Answer> *answers = &d->answers;
    d->request([answers, directory, message] {
        const MailSummary summary = summaryOf(message.path);
        MailStore(directory).remember(message, summary);
        answers->post([update = SummaryUpdate{message.id, summary}](InboxReader *front) { emit front->summarized({update}); });
    });
}

void InboxReader::load(const QString &id, const QString &path)
{
    Mailbox<Private::Answer> *answers = &d->answers;
    d->request([answers, id, path] {
        // The whole envelope, its dialogue included: a list row carries only what the list shows.
        StoredMessage message = MailStore(QFileInfo(path).absolutePath()).message(id).value_or(StoredMessage{});
        const ParsedMail mail = parseMailFile(path);
        QByteArray source;
        bool truncated = false;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            source = file.read(kSourceLimit);
            truncated = file.size() > kSourceLimit;
        }
        answers->post([id, message = std::move(message), mail, source, truncated](InboxReader *front) {
            emit front->loaded(id, message, mail, source, truncated);
        });
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
