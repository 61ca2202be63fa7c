#pragma once
// The Inbox panel's search: the message list seen through a search (core/mail/mailsearch.h, the
// syntax `socketeer inbox list --search` takes). Matching looks only at what the list already
// holds (the envelope and the parsed headers' summary), never at a file, so filtering 20,000 rows
// is a pass over memory; a row whose summary is still being parsed is matched again when it comes.

#include "mail/mailsearch.h"

#include <QSortFilterProxyModel>

namespace socketeer::ui {

class InboxModel;

class InboxFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxFilter)
public:
    explicit InboxFilter(InboxModel *source, QObject *parent = nullptr);

    // Applies the search and returns an empty string, or returns what is wrong with it and keeps
    // the search before it.
    QString setSearch(const QString &text);
    bool isFiltering() const { return !m_query.isEmpty(); }

    // Rows of the source model and of this one.
    int sourceRow(const QModelIndex &index) const;
    int proxyRow(int sourceRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    InboxModel *m_source;
    MailQuery m_query;
};

} // namespace socketeer::ui
