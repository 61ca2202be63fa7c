#include "rawchunkview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace socketeer::ui {

RawChunkView::RawChunkView(QWidget *parent) : QWidget(parent), m_model(new MessageLogModel(this)), m_table(new QTableView(this))
{
    m_model->setMaximumEntries(2000);
    m_table->setObjectName(QStringLiteral("rawChunks"));
    m_table->setAccessibleDescription(tr("Each recv() as it came: its bytes, size and time, before framing"));
    m_table->setAccessibleName(tr("Bytes as received"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->hideColumn(MessageLogModel::TimeColumn);
    m_table->hideColumn(MessageLogModel::DirectionColumn);
    const QFontMetrics metrics(m_table->font());
    m_table->setColumnWidth(MessageLogModel::PeerColumn, metrics.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 2 * metrics.averageCharWidth());
    m_table->setColumnWidth(MessageLogModel::SizeColumn, metrics.horizontalAdvance(QStringLiteral("000000")) + 2 * metrics.averageCharWidth());
    auto *title = new QLabel(tr("Raw chunks, as read"), this);
    title->setToolTip(tr("Each row is what one read from the socket delivered (under load, several recv() calls in a row "
                         "arrive as one). Compare where they end with where the messages end."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
}

void RawChunkView::appendChunk(const QString &peer, const QByteArray &bytes)
{
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool follow = scroll->value() >= scroll->maximum() - 2;
    m_model->append({QDateTime::currentMSecsSinceEpoch(), LogEntry::Direction::Received, peer, bytes, bytes.size(), {}, {}, false});
    if (follow)
        m_table->scrollToBottom();
}

} // namespace socketeer::ui
