#pragma once
// The Chat view (ui/chat/chatview.h) as a test drives and reads it: typed as an input method
// commits text, and its entries looked up. Shared by tst_chatview and the two-host chat test.

#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "text/chatline.h"

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QString>
#include <QTest>

namespace testsupport {

// Typed as an input method commits it (Pinyin's 你好 arrives this way), then Enter.
inline void say(socketeer::ui::ChatView *chat, const QString &text)
{
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(chat->input(), &commit);
    QTest::keyClick(chat->input(), Qt::Key_Return);
}

inline bool hasEntry(socketeer::ui::ChatView *chat, socketeer::ChatLineKind kind, const QString &name, const QString &text,
                     bool own = false)
{
    chat->flush();
    for (const socketeer::ui::ChatEntry &entry : chat->entries())
        if (entry.kind == kind && entry.name == name && entry.text == text && entry.own == own)
            return true;
    return false;
}

inline bool hasNotice(socketeer::ui::ChatView *chat, const QString &text)
{
    return hasEntry(chat, socketeer::ChatLineKind::Notice, {}, text);
}

} // namespace testsupport
