#include "inboxreader.h"

#include <QFile>
#include <QThread>

#include <functional>

namespace socketeer::ui {

struct InboxReader::Private {
    QThread thread;
    QObject *worker = nullptr;   // lives in `thread`; requests run as calls queued to it
};

InboxReader::InboxReader(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<MailSummary>();
    qRegisterMetaType<ParsedMail>();
    d->thread.setObjectName(QStringLiteral("inbox-reader"));
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
}

InboxReader::~InboxReader()
{
    d->thread.quit();
    d->thread.wait();
}

namespace {

// Runs `work` on the reader's thread. It answers by queuing a call back to the front end, which is
// alive while any work runs: its destructor joins the thread, and Qt drops calls queued to an
// object once it is gone.
template <typename Work>
void request(QObject *worker, InboxReader *front, Work work)
{
    QMetaObject::invokeMethod(worker, [work = std::move(work), front] { work(front); }, Qt::QueuedConnection);
}

} // namespace

void InboxReader::summarize(const QString &id, const QString &path)
{
    request(d->worker, this, [id, path](InboxReader *front) {
        const ParsedMail mail = parseMailFile(path);
        MailSummary summary;
        summary.from = mail.from;
        summary.to = mail.to;
        summary.subject = mail.subject;
        summary.date = mail.date;
        summary.attachments = mail.attachmentCount();
        QMetaObject::invokeMethod(front, [front, id, summary] { emit front->summarized(id, summary); }, Qt::QueuedConnection);
    });
}

void InboxReader::load(const QString &id, const QString &path)
{
    request(d->worker, this, [id, path](InboxReader *front) {
        const ParsedMail mail = parseMailFile(path);
        QByteArray source;
        bool truncated = false;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            source = file.read(kSourceLimit);
            truncated = file.size() > kSourceLimit;
        }
        QMetaObject::invokeMethod(
            front, [front, id, mail, source, truncated] { emit front->loaded(id, mail, source, truncated); }, Qt::QueuedConnection);
    });
}

void InboxReader::savePart(const QString &path, int index, const QString &destination)
{
    request(d->worker, this, [path, index, destination](InboxReader *front) {
        const QString problem = saveMailPart(path, index, destination);
        QMetaObject::invokeMethod(front, [front, destination, problem] { emit front->saved(destination, problem); },
                                  Qt::QueuedConnection);
    });
}

} // namespace socketeer::ui
