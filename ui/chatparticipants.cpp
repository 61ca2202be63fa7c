#include "chatparticipants.h"

#include "roomannouncefields.h"

#include "tcp/tcpserver.h"
#include "text/timetext.h"

#include <QAbstractTableModel>
#include <QAction>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace socketeer::ui {

// The room's members in the order they joined, as TcpServer's signals tell them.
class ChatMemberModel final : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_members.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ChatParticipants::ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_members.size())
            return {};
        const ChatMember &member = m_members.at(index.row());
        if (role == Qt::UserRole)
            return QVariant::fromValue(member.id);
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case ChatParticipants::NameColumn:
                return member.name;
            case ChatParticipants::AddressColumn:
                return member.address.isEmpty() ? ChatParticipants::tr("local (client %1)").arg(member.id) : member.address;
            case ChatParticipants::SinceColumn:
                return member.since.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
            case ChatParticipants::MutedColumn:
                return member.muted ? ChatParticipants::tr("muted") : QString();
            default:
                return {};
            }
        }
        if (role == Qt::ToolTipRole && index.column() == ChatParticipants::SinceColumn)
            return localDateTimeText(member.since, QLocale::LongFormat);   // a class that started yesterday
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case ChatParticipants::NameColumn:
            return ChatParticipants::tr("Name");
        case ChatParticipants::AddressColumn:
            return ChatParticipants::tr("Address");
        case ChatParticipants::SinceColumn:
            return ChatParticipants::tr("In the room since");
        case ChatParticipants::MutedColumn:
            return ChatParticipants::tr("Muted");
        default:
            return {};
        }
    }

    const ChatMember *member(int row) const { return row >= 0 && row < m_members.size() ? &m_members.at(row) : nullptr; }

    int rowOf(quint64 id) const
    {
        const auto it = std::find_if(m_members.begin(), m_members.end(), [id](const ChatMember &member) { return member.id == id; });
        return it == m_members.end() ? -1 : static_cast<int>(it - m_members.begin());
    }

    void add(const ChatMember &member)
    {
        if (rowOf(member.id) >= 0)
            return;
        const int row = static_cast<int>(m_members.size());
        beginInsertRows({}, row, row);
        m_members.append(member);
        endInsertRows();
    }

    void rename(quint64 id, const QString &name)
    {
        if (const int row = rowOf(id); row >= 0) {
            m_members[row].name = name;
            emit dataChanged(index(row, ChatParticipants::NameColumn), index(row, ChatParticipants::NameColumn));
        }
    }

    void setMuted(quint64 id, bool muted)
    {
        if (const int row = rowOf(id); row >= 0) {
            m_members[row].muted = muted;
            emit dataChanged(index(row, ChatParticipants::MutedColumn), index(row, ChatParticipants::MutedColumn));
        }
    }

    void remove(quint64 id)
    {
        if (const int row = rowOf(id); row >= 0) {
            beginRemoveRows({}, row, row);
            m_members.removeAt(row);
            endRemoveRows();
        }
    }

    void clear()
    {
        beginResetModel();
        m_members.clear();
        endResetModel();
    }

private:
    QList<ChatMember> m_members;
};

ChatParticipants::ChatParticipants(TcpServer *server, QWidget *parent)
    : QWidget(parent),
      m_server(server),
      m_model(new ChatMemberModel(this)),
      m_title(new QLabel(this)),
      m_view(new QTreeView(this)),
      m_mute(new QPushButton(this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_topic(new QLineEdit(this)),
      m_setTopic(new QPushButton(tr("Set topi&c"), this)),
      m_notice(new QLineEdit(this)),
      m_sendNotice(new QPushButton(tr("&Broadcast notice"), this)),
      m_announce(new RoomAnnounceFields(server, this))
{
    connect(m_announce, &RoomAnnounceFields::status, this, &ChatParticipants::status);
    setObjectName(QStringLiteral("chatParticipants"));
    m_title->setObjectName(QStringLiteral("chatMemberCount"));
    m_view->setObjectName(QStringLiteral("chatMemberList"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Chat room members"));
    m_view->setAccessibleDescription(tr("Who is in the chat room: name, address, since when, and whether the server muted them. "
                                        "Select members to mute or remove them; Delete removes them."));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_mute->setObjectName(QStringLiteral("chatMuteButton"));
    m_mute->setToolTip(tr("Mute the selected members: what they say is no longer relayed, and each is told once "
                          "(\"*** you are muted by the server\"). They still hear the room. Again to let them speak."));
    m_remove->setObjectName(QStringLiteral("chatRemoveButton"));
    m_remove->setToolTip(tr("Remove the selected members from the room (Delete): each is told \"*** removed by the server\", "
                            "then its connection is closed; the others hear it was removed."));
    m_topic->setObjectName(QStringLiteral("chatTopicEdit"));
    m_topic->setAccessibleName(tr("Room topic"));
    m_topic->setToolTip(tr("The room's topic, told to everyone now and to each newcomer (at most %1 bytes: %2 Chinese "
                           "characters). Empty clears it.")
                            .arg(limits::kChatMaxTopicBytes)
                            .arg(limits::kChatMaxTopicBytes / 3));
    m_topic->setPlaceholderText(tr("No topic"));
    m_setTopic->setObjectName(QStringLiteral("chatSetTopicButton"));
    m_setTopic->setToolTip(tr("Set the room's topic: everyone gets \"*** the server set the topic: TEXT\""));
    m_notice->setObjectName(QStringLiteral("chatNoticeEdit"));
    m_notice->setAccessibleName(tr("Notice to the room"));
    m_notice->setToolTip(tr("A notice to every member: they get \"*** notice: TEXT\", which no client can fake"));
    m_notice->setPlaceholderText(tr("A notice for everyone"));
    m_sendNotice->setObjectName(QStringLiteral("chatNoticeButton"));
    m_sendNotice->setToolTip(tr("Send the notice to every member of the room"));

    auto *removeAction = new QAction(tr("Remove"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_mute);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *commands = new QGridLayout;
    commands->addWidget(new QLabel(tr("Topic"), this), 0, 0);
    commands->addWidget(m_topic, 0, 1);
    commands->addWidget(m_setTopic, 0, 2);
    commands->addWidget(new QLabel(tr("Notice"), this), 1, 0);
    commands->addWidget(m_notice, 1, 1);
    commands->addWidget(m_sendNotice, 1, 2);
    commands->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addLayout(commands);
    layout->addWidget(m_announce);

    connect(m_mute, &QPushButton::clicked, this, &ChatParticipants::muteSelected);
    connect(m_remove, &QPushButton::clicked, this, &ChatParticipants::removeSelected);
    connect(removeAction, &QAction::triggered, this, &ChatParticipants::removeSelected);
    connect(m_setTopic, &QPushButton::clicked, this, &ChatParticipants::setTopic);
    connect(m_topic, &QLineEdit::returnPressed, this, &ChatParticipants::setTopic);
    connect(m_sendNotice, &QPushButton::clicked, this, &ChatParticipants::sendNotice);
    connect(m_notice, &QLineEdit::returnPressed, this, &ChatParticipants::sendNotice);
    connect(m_notice, &QLineEdit::textChanged, this, &ChatParticipants::updateControls);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChatParticipants::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ChatParticipants::updateControls);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChatParticipants::updateControls);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChatParticipants::updateTitle);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChatParticipants::updateTitle);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChatParticipants::updateTitle);

    connect(m_server, &TcpServer::chatMemberJoined, this,
            [this](quint64 id, const QString &name, const QString &address, const QDateTime &since) {
                m_model->add({id, name, address, since, false});
            });
    connect(m_server, &TcpServer::chatMemberRenamed, this, [this](quint64 id, const QString &name) { m_model->rename(id, name); });
    connect(m_server, &TcpServer::chatMemberMuted, this, [this](quint64 id, bool muted) { m_model->setMuted(id, muted); });
    connect(m_server, &TcpServer::chatMemberLeft, this, [this](quint64 id) { m_model->remove(id); });
    connect(m_server, &TcpServer::chatTopicChanged, this, [this](const QString &topic) {
        if (!m_topic->hasFocus())   // not while the user is typing another
            m_topic->setText(topic);
    });
    connect(m_server, &TcpServer::started, this, [this] {
        m_model->clear();
        m_topic->clear();
    });
    updateTitle();
}

ChatParticipants::~ChatParticipants() = default;

int ChatParticipants::memberCount() const
{
    return m_model->rowCount();
}

int ChatParticipants::rowOf(quint64 id) const
{
    return m_model->rowOf(id);
}

QList<quint64> ChatParticipants::selectedIds() const
{
    QList<quint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        if (const ChatMember *member = m_model->member(index.row()))
            ids.append(member->id);
    return ids;
}

void ChatParticipants::muteSelected()
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    // All muted already: the button says Unmute, and lets them speak.
    const bool mute = std::any_of(ids.begin(), ids.end(), [this](quint64 id) { return !m_model->member(m_model->rowOf(id))->muted; });
    QStringList names;
    for (const quint64 id : ids) {
        m_server->muteChatMember(id, mute);
        names << m_model->member(m_model->rowOf(id))->name;
    }
    const QString who = names.join(QStringLiteral(", "));
    emit status(mute ? tr("Muted %1").arg(who) : tr("Unmuted %1").arg(who), false);
}

void ChatParticipants::removeSelected()
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList names;
    for (const quint64 id : ids) {
        m_server->removeChatMember(id);
        names << m_model->member(m_model->rowOf(id))->name;
    }
    emit status(tr("Removed %1 from the room").arg(names.join(QStringLiteral(", "))), false);
}

void ChatParticipants::setTopic()
{
    const QString topic = m_topic->text().trimmed();
    if (topic == m_server->chatTopic())
        return;
    if (const QString problem = m_server->setChatTopic(topic); !problem.isEmpty()) {
        emit status(m_server->isRunning() ? tr("Topic not set: it is longer than %1 bytes (%2 Chinese characters)")
                                                .arg(limits::kChatMaxTopicBytes)
                                                .arg(limits::kChatMaxTopicBytes / 3)
                                          : tr("Topic not set: the chat room is not running"),
                    true);
        return;
    }
    emit status(topic.isEmpty() ? tr("Topic cleared") : tr("Topic set: %1").arg(topic), false);
}

void ChatParticipants::sendNotice()
{
    const QString text = m_notice->text();
    if (text.trimmed().isEmpty())
        return;
    if (const QString problem = m_server->sendChatNotice(text); !problem.isEmpty()) {
        emit status(m_server->isRunning() ? tr("Notice not sent: it is longer than %1 bytes").arg(m_server->config().chat.maxLineBytes)
                                          : tr("Notice not sent: the chat room is not running"),
                    true);
        return;
    }
    m_notice->clear();
    emit status(tr("Notice sent to the room: %1").arg(text), false);
}

void ChatParticipants::showMenu(const QPoint &at)
{
    if (selectedIds().isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(m_mute->text(), this, &ChatParticipants::muteSelected);
    menu.addAction(tr("&Remove"), this, &ChatParticipants::removeSelected);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

void ChatParticipants::updateControls()
{
    const QList<quint64> ids = selectedIds();
    const bool allMuted = !ids.isEmpty() && std::all_of(ids.begin(), ids.end(), [this](quint64 id) {
        const ChatMember *member = m_model->member(m_model->rowOf(id));
        return member && member->muted;
    });
    m_mute->setText(allMuted ? tr("Un&mute") : tr("&Mute"));
    m_mute->setEnabled(!ids.isEmpty());
    m_remove->setEnabled(!ids.isEmpty());
    m_sendNotice->setEnabled(!m_notice->text().trimmed().isEmpty());
}

void ChatParticipants::updateTitle()
{
    m_title->setText(tr("In the room (%n)", nullptr, m_model->rowCount()));
    updateControls();
}

} // namespace socketeer::ui
