#include "screenshotchat.h"

#include "addressinputs.h"
#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "chatparticipants.h"
#include "chatroomfields.h"
#include "clientpanel.h"
#include "mainwindow.h"
#include "roomannouncefields.h"
#include "roomsfoundlist.h"
#include "serverpanel.h"

#include "rooms/roominterfaces.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>

#include <cstdio>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

template <typename Predicate>
bool waitUntil(Predicate done, int ms = 8000)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

void pause(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Typed into the Chat view and sent with Enter, as a student does.
void type(ClientPanel *panel, const QString &text)
{
    ChatInput *input = panel->chat()->input();
    input->setPlainText(text);
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(input, &press);
    pause(150);
}

bool saveShot(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

bool chatScenes(Settings &settings, const QString &out, const QString &suffix)
{
    MainWindow window(settings);
    window.resize(1200, 760);
    window.show();
    const bool network = !roomInterfaces().isEmpty();   // inside netns-run: v0

    ServerPanel *server = window.serverPanel();
    server->chatFields()->chatCheck()->setChecked(true);
    server->chatFields()->nicknamesCheck()->setChecked(true);
    server->addressCombo()->setAddress(network ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1"));
    server->startListening(0);
    if (!waitUntil([&] { return server->server()->boundAddress().port() != 0; }))
        return false;
    const quint16 port = server->server()->boundAddress().port();
    RoomAnnounceFields *announce = server->chatParticipants()->announceFields();
    announce->nameEdit()->setText(QStringLiteral("第一课 · Lesson 1"));
    announce->announceCheck()->setChecked(network);

    ClientPanel *xiaoming = window.clientPanels().first();
    ClientPanel *xiaohong = window.addClientPanel();
    ClientPanel *alice = window.addClientPanel();
    const QList<std::pair<ClientPanel *, QString>> students = {{xiaoming, QStringLiteral("小明")}, {xiaohong, QStringLiteral("小红")},
                                                               {alice, QStringLiteral("alice")}};
    for (const auto &[panel, name] : students) {
        panel->showChat(true);
        panel->connectTo(QStringLiteral("127.0.0.1"), port);
        if (!waitUntil([p = panel] {
                p->chat()->flush();
                return !p->chat()->entries().isEmpty();   // the welcome: the room asks for a name
            }))
            return false;
        type(panel, name);
        if (!waitUntil([p = panel, n = name] { return p->chat()->ownName() == n; }))
            return false;
    }
    server->chatParticipants()->topicEdit()->setText(QStringLiteral("第一课：套接字 / Lesson 1: sockets"));
    server->chatParticipants()->topicButton()->click();
    pause(200);
    type(xiaoming, QStringLiteral("大家好！今天我们用 select() 写聊天室。"));
    type(alice, QStringLiteral("Hi all, my client is the tutorial's code + select()"));
    type(xiaohong, QStringLiteral("/me 举手"));
    type(xiaohong, QStringLiteral("老师，服务器怎么知道谁离开了？\nrecv() 返回 0 吗？"));
    type(alice, QStringLiteral("/msg 小明 课后一起做实验？"));
    type(xiaoming, QStringLiteral("/who"));
    type(xiaoming, QStringLiteral("对，recv() 返回 b'' 就是对方关闭了连接。"));
    pause(400);

    bool ok = true;
    if (network) {   // the room, found on the network, above the conversation
        xiaoming->roomsList()->findButton()->click();
        waitUntil([&] { return xiaoming->roomsList()->model()->rowCount() > 0; });
    }
    window.tabs()->setCurrentWidget(xiaoming);
    pause(500);
    ok &= saveShot(&window, out + QStringLiteral("/chat%1.png").arg(suffix));
    window.tabs()->setCurrentWidget(server);
    pause(400);
    ok &= saveShot(&window, out + QStringLiteral("/chatserver%1.png").arg(suffix));
    xiaoming->roomsList()->setFinding(false);
    for (const auto &[panel, name] : students)
        panel->client()->disconnectFromHost();
    server->server()->stopAndWait();
    return ok;
}
