#pragma once
// Reads the inbox's messages off the GUI thread: parsing a message with a 200 MB attachment, or
// decoding that attachment to a file, takes long enough to freeze a window, so it happens on a
// thread of this object's own. Requests are queued to it; answers come back as signals, in order.
// The destructor waits for the request in hand and joins.

#include "mail/mailparser.h"

#include <QObject>
#include <QString>

#include <memory>

namespace socketeer::ui {

// What the message list shows of one message.
struct MailSummary {
    QString from, to, subject;
    int attachments = 0;
};

class InboxReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxReader)
public:
    explicit InboxReader(QObject *parent = nullptr);
    ~InboxReader() override;

    // summarized(id, …) for each, in order.
    void summarize(const QString &id, const QString &path);
    // loaded(id, …): the whole parse, and the start of the raw source.
    void load(const QString &id, const QString &path);
    // saved(destination, problem): part `index` of the message at `path`, decoded, into a file.
    void savePart(const QString &path, int index, const QString &destination);

    // How much of the raw source load() reads: a view of a 200 MB message does not need it all.
    static constexpr qint64 kSourceLimit = 512 * 1024;

signals:
    void summarized(const QString &id, const socketeer::ui::MailSummary &summary);
    void loaded(const QString &id, const socketeer::ParsedMail &mail, const QByteArray &source, bool sourceTruncated);
    void saved(const QString &destination, const QString &problem);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace socketeer::ui

Q_DECLARE_METATYPE(socketeer::ui::MailSummary)
