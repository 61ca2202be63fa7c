#include "inboxfilter.h"

#include "inboxmodel.h"

namespace socketeer::ui {

InboxFilter::InboxFilter(InboxModel *source, QObject *parent) : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);   // arrivals and summaries are matched as they come
}

QString InboxFilter::setSearch(const QString &text)
{
    auto query = parseMailQuery(text);
    if (!query)
        return query.error().detail;
    if (*query == m_query)
        return {};
    m_query = std::move(*query);
    invalidateFilter();
    return {};
}

int InboxFilter::sourceRow(const QModelIndex &index) const
{
    return index.isValid() ? mapToSource(index).row() : -1;
}

int InboxFilter::proxyRow(int sourceRow) const
{
    return mapFromSource(m_source->index(sourceRow, 0)).row();
}

bool InboxFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_query.isEmpty() || matchesMailQuery(m_query, m_source->searchFields(sourceRow));
}

} // namespace socketeer::ui
