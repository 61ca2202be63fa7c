#include "inboxmodel.h"

#include "text/timetext.h"

#include <QLocale>

namespace socketeer::ui {

InboxModel::InboxModel(QObject *parent) : QAbstractTableModel(parent) {}
InboxModel::~InboxModel() = default;

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const SmtpEnvelope &envelope = row.message.envelope;
    const bool parsed = row.summary.has_value();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case From:
            return parsed && !row.summary->from.isEmpty() ? row.summary->from : envelope.mailFrom;
        case Subject:
            if (!parsed)
                return tr("…");
            return row.summary->subject.isEmpty() ? tr("(no subject)") : row.summary->subject;
        case To:
            return parsed && !row.summary->to.isEmpty() ? row.summary->to : envelope.recipients.join(QStringLiteral(", "));
        case Received:
            return QLocale().toString(envelope.receivedAt.toLocalTime(), QLocale::ShortFormat);
        case Size:
            return QLocale().formattedDataSize(row.message.size, 1, QLocale::DataSizeTraditionalFormat);
        case Attachments:
            return parsed && row.summary->attachments > 0 ? QVariant(row.summary->attachments) : QVariant();
        case Security:
            if (envelope.tls)
                return envelope.authUser.isEmpty() ? tr("TLS") : tr("TLS, %1").arg(envelope.authUser);
            return envelope.authUser;
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == To || index.column() == From)
            return tr("Envelope: from <%1> to <%2>").arg(envelope.mailFrom, envelope.recipients.join(QStringLiteral(">, <")));
        if (index.column() == Received)   // the list is local time; its zone and UTC are here
            return localDateTimeText(envelope.receivedAt, QLocale::LongFormat) + QLatin1Char('\n') + utcTimestampText(envelope.receivedAt);
        if (index.column() == Security)
            return (envelope.tls ? tr("Came under TLS.") : tr("Came in plain text (no TLS)."))
                   + QLatin1Char(' ')
                   + (envelope.authUser.isEmpty() ? tr("No login.") : tr("Logged in as %1.").arg(envelope.authUser));
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Size || index.column() == Attachments)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Like every mail client, the list shows local times without a zone in each cell; the heading
    // says which zone (in force on every row, summer or winter), a cell's tooltip its offset.
    if (role == Qt::ToolTipRole && section == Received)
        return tr("When the message arrived, in your time zone (%1). Point at a time for its offset from UTC.").arg(localZoneName());
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case From: return tr("From");
    case Subject: return tr("Subject");
    case To: return tr("To");
    case Received: return tr("Received");
    case Size: return tr("Size");
    case Attachments: return tr("Attachments");
    case Security: return tr("Login / TLS");
    }
    return {};
}

void InboxModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    m_top = 0;
    endResetModel();
}

void InboxModel::append(QList<ListedMessage> rows)
{
    qsizetype fresh = 0;
    for (ListedMessage &row : rows) {
        if (m_keys.contains(row.message.id))
            row.message.id.clear();   // shown already (it arrived while the listing was on its way)
        else
            ++fresh;
    }
    if (fresh == 0)
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(fresh) - 1);
    for (ListedMessage &row : rows) {
        if (row.message.id.isEmpty())
            continue;
        m_keys.insert(row.message.id, m_top + static_cast<qint64>(m_rows.size()));
        m_rows.push_back(Row{std::move(row.message), std::move(row.summary)});
    }
    endInsertRows();
}

void InboxModel::prepend(const StoredMessage &message)
{
    if (m_keys.contains(message.id))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.push_front(Row{message, std::nullopt});
    m_keys.insert(message.id, --m_top);
    endInsertRows();
}

void InboxModel::setSummaries(const QList<SummaryUpdate> &updates)
{
    int first = -1, last = -1;
    for (const SummaryUpdate &update : updates) {
        const int row = rowOf(update.id);
        if (row < 0)
            continue;   // deleted meanwhile
        m_rows[static_cast<size_t>(row)].summary = update.summary;
        first = first < 0 ? row : qMin(first, row);
        last = qMax(last, row);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));   // one repaint for the batch
}

void InboxModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    m_keys.remove(id);
    for (size_t i = static_cast<size_t>(row); i < m_rows.size(); ++i)
        m_keys[m_rows[i].message.id] = m_top + static_cast<qint64>(i);
    endRemoveRows();
}

const StoredMessage *InboxModel::message(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<size_t>(row)].message : nullptr;
}

MailSearchFields InboxModel::searchFields(int row) const
{
    MailSearchFields fields;
    if (row < 0 || row >= rowCount())
        return fields;
    const Row &r = m_rows[static_cast<size_t>(row)];
    fields.mailFrom = r.message.envelope.mailFrom;
    fields.recipients = r.message.envelope.recipients;
    fields.receivedAt = r.message.envelope.receivedAt;
    fields.size = r.message.size;
    if (r.summary) {
        fields.from = r.summary->from;
        fields.to = r.summary->to;
        fields.subject = r.summary->subject;
        fields.attachments = r.summary->attachments;
    }
    return fields;
}

int InboxModel::rowOf(const QString &id) const
{
    const auto it = m_keys.constFind(id);
    return it == m_keys.constEnd() ? -1 : static_cast<int>(*it - m_top);
}

} // namespace socketeer::ui
