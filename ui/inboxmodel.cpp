#include "inboxmodel.h"

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
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == To || index.column() == From)
            return tr("Envelope: from <%1> to <%2>").arg(envelope.mailFrom, envelope.recipients.join(QStringLiteral(">, <")));
        if (index.column() == Received)
            return QLocale().toString(envelope.receivedAt.toLocalTime(), QLocale::LongFormat);
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Size || index.column() == Attachments)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case From: return tr("From");
    case Subject: return tr("Subject");
    case To: return tr("To");
    case Received: return tr("Received");
    case Size: return tr("Size");
    case Attachments: return tr("Attachments");
    }
    return {};
}

void InboxModel::setMessages(const QList<StoredMessage> &messages)
{
    beginResetModel();
    m_rows.clear();
    for (const StoredMessage &message : messages)
        m_rows.push_back({message, std::nullopt});
    endResetModel();
}

void InboxModel::prepend(const StoredMessage &message)
{
    beginInsertRows({}, 0, 0);
    m_rows.insert(m_rows.begin(), Row{message, std::nullopt});
    endInsertRows();
}

void InboxModel::setSummary(const QString &id, const MailSummary &summary)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[static_cast<size_t>(row)].summary = summary;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InboxModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

const StoredMessage *InboxModel::message(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<size_t>(row)].message : nullptr;
}

int InboxModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].message.id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace socketeer::ui
