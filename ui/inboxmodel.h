#pragma once
// The inbox's message list: one row per stored message, newest first. A row shows the envelope
// at once and the decoded headers once the reader has parsed them (setSummary).

#include "inboxreader.h"

#include "mail/mailstore.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace socketeer::ui {

class InboxModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)
public:
    enum Column { From, Subject, To, Received, Size, Attachments, ColumnCount };

    explicit InboxModel(QObject *parent = nullptr);
    ~InboxModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setMessages(const QList<StoredMessage> &messages);
    void prepend(const StoredMessage &message);   // a new arrival goes on top
    void setSummary(const QString &id, const MailSummary &summary);
    void remove(const QString &id);

    const StoredMessage *message(int row) const;
    int rowOf(const QString &id) const;

private:
    struct Row {
        StoredMessage message;
        std::optional<MailSummary> summary;
    };
    std::vector<Row> m_rows;
};

} // namespace socketeer::ui
