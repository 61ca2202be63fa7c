#include "roomsfoundlist.h"

#include "theme.h"

#include "net/error.h"
#include "rooms/roomannouncement.h"
#include "rooms/roomfinder.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace socketeer::ui {

namespace {

enum Column { Name, Host, Port, Members, Security, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kTlsRole = Qt::UserRole + 2;

} // namespace

RoomsFoundList::RoomsFoundList(QWidget *parent)
    : QWidget(parent),
      m_finder(new RoomFinder(this)),
      m_find(new QPushButton(tr("Find roo&ms"), this)),
      m_join(new QPushButton(tr("&Join"), this)),
      m_status(new QLabel(this)),
      m_view(new QTreeView(this)),
      m_model(new QStandardItemModel(0, ColumnCount, this))
{
    m_find->setObjectName(QStringLiteral("findRoomsButton"));
    m_find->setCheckable(true);
    m_find->setToolTip(tr("Listen for chat rooms announced on the local network (UDP port %1: IPv4 broadcast, the groups %2 "
                          "and %3). A room is announced by a server started with Announce, or by socketeer serve --announce.")
                           .arg(kRoomDiscoveryPort)
                           .arg(QLatin1String(kRoomGroupIPv4), QLatin1String(kRoomGroupIPv6)));
    m_join->setObjectName(QStringLiteral("joinRoomButton"));
    m_join->setToolTip(tr("Connect to the selected room"));
    m_status->setObjectName(QStringLiteral("roomsStatus"));
    m_status->setTextFormat(Qt::PlainText);   // errors carry addresses, never markup
    m_status->setWordWrap(true);
    m_model->setHorizontalHeaderLabels({tr("Room"), tr("Host"), tr("Port"), tr("In the room"), tr("Security")});
    m_view->setObjectName(QStringLiteral("roomsView"));
    m_view->setAccessibleName(tr("Rooms on this network"));
    m_view->setAccessibleDescription(tr("The chat rooms heard announcing themselves: name, host, port, how many are in it, "
                                        "TLS or not. Enter or a double click joins the selected room."));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    // A few rooms fit; more scroll. The panel's log or chat keeps the rest of the height.
    m_view->setMaximumHeight(m_view->fontMetrics().height() * 6);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Rooms on this network"), this));
    top->addWidget(m_status, 1);
    top->addWidget(m_find);
    top->addWidget(m_join);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_find, &QPushButton::toggled, this, &RoomsFoundList::setFinding);
    connect(m_join, &QPushButton::clicked, this, &RoomsFoundList::joinSelected);
    connect(m_view, &QTreeView::activated, this, &RoomsFoundList::joinSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RoomsFoundList::updateControls);
    connect(m_finder, &RoomFinder::roomFound, this, &RoomsFoundList::onFound);
    connect(m_finder, &RoomFinder::roomChanged, this, &RoomsFoundList::onChanged);
    connect(m_finder, &RoomFinder::roomLost, this, &RoomsFoundList::onLost);
    connect(m_finder, &RoomFinder::errorOccurred, this, &RoomsFoundList::onError);
    connect(m_finder, &RoomFinder::listening, this, [this] {
        m_status->setStyleSheet({});
        showCount();   // a room may have been heard before the last group was joined
    });
    connect(m_finder, &RoomFinder::stopped, this, [this] {
        const QSignalBlocker block(m_find);
        m_find->setChecked(false);
        updateControls();
    });
    updateControls();
}

RoomsFoundList::~RoomsFoundList() = default;

QString RoomsFoundList::statusText() const { return m_status->text(); }

void RoomsFoundList::setFinding(bool on)
{
    if (on == m_finder->isRunning()) {
        updateControls();
        return;
    }
    if (on) {
        m_model->removeRows(0, m_model->rowCount());
        m_status->clear();
        m_finder->start();
    } else {
        m_finder->stop();
        m_status->clear();
    }
    {
        const QSignalBlocker block(m_find);
        m_find->setChecked(m_finder->isRunning());
    }
    updateControls();
}

int RoomsFoundList::rowOf(const QByteArray &id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, Name)->data(kIdRole).toByteArray() == id)
            return row;
    }
    return -1;
}

void RoomsFoundList::fillRow(int row, const FoundRoom &room)
{
    auto set = [&](int column, const QString &text) {
        QStandardItem *item = m_model->item(row, column);
        if (!item) {
            item = new QStandardItem;
            m_model->setItem(row, column, item);
        }
        item->setText(text);
    };
    set(Name, room.name);
    set(Host, room.hosts.value(0));
    set(Port, QString::number(room.port));
    set(Members, QString::number(room.members));
    set(Security, room.tls ? tr("TLS") : tr("plain"));
    m_model->item(row, Name)->setData(room.id, kIdRole);
    m_model->item(row, Name)->setData(room.tls, kTlsRole);
    m_model->item(row, Host)->setToolTip(room.hosts.join(QLatin1Char('\n')));
    m_model->item(row, Port)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_model->item(row, Members)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void RoomsFoundList::onFound(const FoundRoom &room)
{
    const int row = m_model->rowCount();
    m_model->insertRow(row);
    fillRow(row, room);
    if (row == 0)
        m_view->setCurrentIndex(m_model->index(0, Name));
    showCount();
    updateControls();
}

void RoomsFoundList::showCount()
{
    m_status->setText(m_model->rowCount() > 0 ? tr("%n room(s) found", nullptr, m_model->rowCount())
                                              : tr("listening for announcements…"));
}

void RoomsFoundList::onChanged(const FoundRoom &room)
{
    if (const int row = rowOf(room.id); row >= 0)
        fillRow(row, room);
}

void RoomsFoundList::onLost(const QByteArray &id)
{
    if (const int row = rowOf(id); row >= 0)
        m_model->removeRow(row);
    showCount();
    updateControls();
}

void RoomsFoundList::onError(const Error &error)
{
    m_status->setText(error.message());
    m_status->setStyleSheet(theme::textStyle(theme::Role::Error));
}

void RoomsFoundList::joinSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    emit joinRequested(m_model->item(row, Host)->text(), static_cast<quint16>(m_model->item(row, Port)->text().toUInt()),
                       m_model->item(row, Name)->data(kTlsRole).toBool());
}

void RoomsFoundList::updateControls()
{
    // While not finding, the list is one line (its title and Find rooms): the panel keeps its room.
    const bool finding = m_finder->isRunning();
    m_view->setVisible(finding);
    m_join->setVisible(finding);
    m_join->setEnabled(m_view->currentIndex().isValid());
}

} // namespace socketeer::ui
