#include "chatroomfields.h"

#include "fieldmemory.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace socketeer::ui {

ChatRoomFields::ChatRoomFields(QWidget *parent) : QWidget(parent), m_chat(new QCheckBox(this)), m_nicknames(new QCheckBox(this))
{
    m_chat->setObjectName(QStringLiteral("chatRoomCheck"));
    m_nicknames->setObjectName(QStringLiteral("nicknamesCheck"));
    rememberField(m_chat);
    rememberField(m_nicknames);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chat);
    layout->addWidget(m_nicknames);
    connect(m_chat, &QCheckBox::toggled, this, &ChatRoomFields::updateEnabled);
    m_chat->setText(tr("Cha&t room"));
    m_chat->setToolTip(tr("Relay every line a client sends to all the other clients as \"NAME: TEXT\", with \"*** NAME "
                          "joined\" and \"*** NAME left\". The server's own threads relay it; a client that does not read is "
                          "disconnected rather than holding the room back. Chosen before Start: it cannot change while "
                          "listening."));
    m_nicknames->setText(tr("&Nicknames"));
    m_nicknames->setToolTip(tr("In the chat room, each client's first line is its nickname (at most %1 characters, no spaces, "
                               "colons or control characters; a name already taken is refused and the client may send "
                               "another). Without it, clients are named by their address.")
                                .arg(limits::kChatMaxNicknameChars));
    updateEnabled();
}

ChatRoomConfig ChatRoomFields::config() const
{
    ChatRoomConfig config;
    config.enabled = m_chat->isChecked();
    config.nicknames = config.enabled && m_nicknames->isChecked();
    return config;
}

void ChatRoomFields::setRunning(bool running)
{
    m_running = running;
    updateEnabled();
}

void ChatRoomFields::updateEnabled()
{
    m_chat->setEnabled(!m_running);
    m_nicknames->setEnabled(!m_running && m_chat->isChecked());
}

} // namespace socketeer::ui
