#pragma once
// The inbox's message list: one row per stored message, newest first. A row shows the envelope
// at once and the decoded headers once they are known (kept by the store, or parsed by the
// reader). Made for tens of thousands of rows: rows come in batches, a row is found by its id in
// constant time, and a new arrival goes on top without moving the others.

#include "inboxreader.h"

#include "mail/mailsearch.h"
#include "mail/mailstore.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>
#include <optional>

namespace socketeer::ui {

class InboxModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)
public:
    enum Column { From, Subject, To, Received, Size, Attachments, Security, ColumnCount };

    explicit InboxModel(QObject *parent = nullptr);
    ~InboxModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    // Below the rows there (a listing comes newest first); ids already shown are skipped. The
    // rows are moved in, not copied.
    void append(QList<ListedMessage> rows);
    void prepend(const StoredMessage &message);   // a new arrival goes on top
    void setSummaries(const QList<SummaryUpdate> &updates);
    void remove(const QString &id);

    const StoredMessage *message(int row) const;
    // What the search (inboxfilter.h) looks at of a row: the envelope and the summary once known.
    MailSearchFields searchFields(int row) const;
    int rowOf(const QString &id) const;

private:
    struct Row {
        StoredMessage message;
        std::optional<MailSummary> summary;
    };
    std::deque<Row> m_rows;
    // id -> key, where a row's number is key - m_top: putting a row on top lowers m_top and moves
    // no other key; only a removal renumbers the rows below it.
    QHash<QString, qint64> m_keys;
    qint64 m_top = 0;
};

} // namespace socketeer::ui
