// Issue 15's "done when", inside scripts/netns-run's private two-host network: a room announced on
// host B (`socketeer serve --chat --nicknames --announce`) appears in "Rooms on this network" of
// three client panels on host A; each joins it with Join, picks a nickname and talks in the Chat
// view; /who and /msg work; the tutorial's client and nc take part as plain text, beside them.

#include "chattest.h"
#include "clipeer.h"
#include "testnet.h"

#include "chat/chatview.h"
#include "chat/chatinput.h"
#include "clientpanel.h"
#include "roomsfoundlist.h"
#include "tcp/tcpclient.h"
#include "text/chatline.h"

#include <QInputMethodEvent>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using testsupport::hasEntry;
using testsupport::hasNotice;
using testsupport::Peer;
using testsupport::say;
namespace testnet = testsupport::testnet;

class TestUiChatTestnet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);   // chat histories in a test folder, not the user's
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void threePanelsFindJoinAndTalk_withTheTutorialClientAndNc()
    {
        Peer serve;
        const quint16 port = testnet::startSocketeerOnB(
            serve, {u"serve"_s, u"--chat"_s, u"--nicknames"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--announce"_s, u"第一课"_s});
        QVERIFY(port);

        // Three students' windows: each finds the room, joins it, and is in the Chat view.
        const QStringList names = {u"小明"_s, u"小红"_s, u"alice"_s};
        std::vector<std::unique_ptr<ClientPanel>> panels;
        for (const QString &name : names) {
            panels.push_back(std::make_unique<ClientPanel>());
            ClientPanel &panel = *panels.back();
            panel.show();
            panel.roomsList()->findButton()->click();
            QTRY_COMPARE_WITH_TIMEOUT(panel.roomsList()->model()->rowCount(), 1, 10000);
            QCOMPARE(panel.roomsList()->model()->index(0, 0).data().toString(), u"第一课"_s);
            panel.roomsList()->joinButton()->click();
            QTRY_COMPARE_WITH_TIMEOUT(panel.client()->state(), TcpClient::State::Connected, 10000);
            QVERIFY(panel.chatShown());
            QCOMPARE(panel.client()->config().endpoint.host, testnet::kHostB4);
            QCOMPARE(panel.client()->config().endpoint.port, port);
            ChatView *chat = panel.chat();
            QTRY_VERIFY_WITH_TIMEOUT(hasNotice(chat, u"welcome: send your nickname on the first line"_s), 10000);
            say(chat, name);
            QTRY_COMPARE_WITH_TIMEOUT(chat->ownName(), name, 10000);
            panel.roomsList()->findButton()->click();   // found: stop listening
        }
        ChatView *xiaoming = panels.at(0)->chat();
        ChatView *xiaohong = panels.at(1)->chat();
        ChatView *alice = panels.at(2)->chat();
        QTRY_VERIFY(hasNotice(xiaoming, u"alice joined"_s));

        // The tutorial's client and nc on A take part too, as plain lines.
        Peer tutorial;
        QVERIFY(tutorial.startPython(u"chat_client.py"_s, {testnet::kHostB4, QString::number(port)}));
        QVERIFY(tutorial.readLine(20000).startsWith("connected "));
        QCOMPARE(tutorial.readLine(), QByteArray("got *** welcome: send your nickname on the first line"));
        tutorial.write("tutor\n");
        QCOMPARE(tutorial.readLine(), QByteArray("got *** you are tutor"));
        QVERIFY(Peer::haveProgram(u"nc"_s));
        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {testnet::kHostB4, QString::number(port)}));
        QCOMPARE(nc.readLine(20000), QByteArray("*** welcome: send your nickname on the first line"));
        nc.write("ncuser\n");
        QCOMPARE(nc.readLine(), QByteArray("*** you are ncuser"));
        QTRY_VERIFY(hasNotice(alice, u"ncuser joined"_s));

        // They talk: a message typed in a Chat view reaches the other panels and the plain clients.
        say(xiaoming, u"大家好"_s);
        QTRY_VERIFY(hasEntry(xiaoming, ChatLineKind::Message, u"小明"_s, u"大家好"_s, true));
        QTRY_VERIFY(hasEntry(xiaohong, ChatLineKind::Message, u"小明"_s, u"大家好"_s));
        QTRY_VERIFY(hasEntry(alice, ChatLineKind::Message, u"小明"_s, u"大家好"_s));
        QByteArray line;
        do
            line = tutorial.readLine();
        while (line.endsWith(" joined"));
        QCOMPARE(QString::fromUtf8(line), u"got 小明: 大家好"_s);
        QCOMPARE(QString::fromUtf8(nc.readLine()), u"小明: 大家好"_s);

        // What the tutorial's client and nc say is in the Chat views, under their names.
        tutorial.write("hello from python\n");
        nc.write("hello from nc\n");
        QTRY_VERIFY(hasEntry(alice, ChatLineKind::Message, u"tutor"_s, u"hello from python"_s));
        QTRY_VERIFY(hasEntry(alice, ChatLineKind::Message, u"ncuser"_s, u"hello from nc"_s));

        // /who answers the asker only; /msg reaches one member, and its sender sees it went.
        say(alice, u"/who"_s);
        QTRY_VERIFY(hasNotice(alice, u"in the room (5): 小明, 小红, alice, tutor, ncuser"_s));
        say(alice, u"/msg 小红 课后见"_s);
        QTRY_VERIFY(hasEntry(xiaohong, ChatLineKind::PrivateIn, u"alice"_s, u"课后见"_s));
        QTRY_VERIFY(hasEntry(alice, ChatLineKind::PrivateOut, u"小红"_s, u"课后见"_s));
        say(xiaohong, u"/me 挥手"_s);
        QTRY_VERIFY(hasEntry(xiaoming, ChatLineKind::Action, u"小红"_s, u"挥手"_s));
        QCOMPARE(QString::fromUtf8(nc.readLine()), u"tutor: hello from python"_s);
        QCOMPARE(QString::fromUtf8(nc.readLine()), u"* 小红 挥手"_s);   // nothing private reached nc
        QVERIFY(!hasEntry(xiaoming, ChatLineKind::PrivateIn, u"alice"_s, u"课后见"_s));
        QVERIFY(!hasNotice(xiaoming, u"in the room (5): 小明, 小红, alice, tutor, ncuser"_s));

        // One student leaves with /quit: the room says so to everyone, nc included.
        say(xiaohong, u"/quit"_s);
        QTRY_COMPARE_WITH_TIMEOUT(panels.at(1)->client()->state(), TcpClient::State::Unconnected, 10000);
        QTRY_VERIFY(hasNotice(xiaoming, u"小红 left"_s));
        QCOMPARE(QString::fromUtf8(nc.readLine()), u"*** 小红 left"_s);

        serve.process().terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_MAIN(TestUiChatTestnet)
#include "tst_uichattestnet.moc"
