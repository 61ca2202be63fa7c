#pragma once
// The server panel's "Chat room" and "Nicknames" checkboxes (core/tcp/chatroom.h, docs/CHAT.md):
// a widget of their own so the panel only places it, reads config() when it starts and locks it
// while listening (the room's mode is fixed for the engine's life).

#include "tcp/tcpservertypes.h"

#include <QWidget>

class QCheckBox;

namespace socketeer::ui {

class ChatRoomFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatRoomFields)
public:
    explicit ChatRoomFields(QWidget *parent = nullptr);

    ChatRoomConfig config() const;
    // While the server runs neither box can change: the room is set up when the engine starts.
    void setRunning(bool running);

    QCheckBox *chatCheck() const { return m_chat; }
    QCheckBox *nicknamesCheck() const { return m_nicknames; }

private:
    void updateEnabled();

    QCheckBox *m_chat;
    QCheckBox *m_nicknames;
    bool m_running = false;
};

} // namespace socketeer::ui
