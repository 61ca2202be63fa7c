#pragma once
// Reads the inbox's messages off the GUI thread: listing 20,000 messages, parsing a message with
// a 200 MB attachment, or decoding that attachment to a file, takes long enough to freeze a
// window, so it happens on a thread of this object's own. Requests are queued to it; answers come
// back as signals. What the user asked for (load, savePart) goes before background work (the
// summaries of a long list), each kind in order. The destructor waits for the request in hand
// and joins.

#include "mail/mailparser.h"
#include "mail/mailstore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace socketeer::ui {

// What the message list shows of one message's headers.
using MailSummary = socketeer::MessageSummary;

struct SummaryUpdate {
    QString id;
    MailSummary summary;
};

class InboxReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxReader)
public:
    explicit InboxReader(QObject *parent = nullptr);
    ~InboxReader() override;

    // listed(generation, …) in batches, newest first, the last one with `done`; then summarized()
    // batches for the messages whose summary was not kept, as they are parsed (and remembered in
    // the store). A newer list() makes an older one's remaining work moot: it is skipped.
    void list(int generation, const QString &directory);
    // summarized() for one message that just arrived, also remembered in the store.
    void summarize(const QString &directory, const StoredMessage &message);
    // loaded(id, …): the whole envelope, the whole parse, and the start of the raw source.
    void load(const QString &id, const QString &path);
    // saved(destination, problem): part `index` of the message at `path`, decoded, into a file.
    void savePart(const QString &path, int index, const QString &destination);

    // How much of the raw source load() reads: a view of a 200 MB message does not need it all.
    static constexpr qint64 kSourceLimit = 512 * 1024;
    // Rows per listed() batch, summaries per summarized() batch: each is a small step for the GUI.
    static constexpr int kListBatch = 500;
    static constexpr int kSummaryBatch = 100;

signals:
    void listed(int generation, const QList<socketeer::ListedMessage> &rows, bool done);
    void summarized(const QList<socketeer::ui::SummaryUpdate> &updates);
    void loaded(const QString &id, const socketeer::StoredMessage &message, const socketeer::ParsedMail &mail,
                const QByteArray &source, bool sourceTruncated);
    void saved(const QString &destination, const QString &problem);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer::ui

Q_DECLARE_METATYPE(socketeer::ui::SummaryUpdate)
