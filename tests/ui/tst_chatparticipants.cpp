// The server panel's chat-room members (ui/chatparticipants.h) used as a teacher would: students'
// tutorial-style python clients join with Chinese nicknames, the list shows them with their
// addresses, follows a rename, and the teacher mutes one (the others no longer hear it), sets the
// topic, sends a notice, and removes one (its client sees the connection end).

#include "peer.h"

#include "addressinputs.h"
#include "chatparticipants.h"
#include "serverpanel.h"

#include "tcp/tcpserver.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;

namespace {

bool expect(Peer &peer, const QByteArray &line)
{
    bool ok = false;
    const QByteArray got = peer.readLine(20000, &ok);
    if (!ok || got != line)
        qWarning("expected \"%s\", got \"%s\"", line.constData(), got.constData());
    return ok && got == line;
}

QString cell(ChatParticipants *list, int row, int column)
{
    const QAbstractItemModel *model = list->view()->model();
    return model->data(model->index(row, column)).toString();
}

void select(ChatParticipants *list, int row)
{
    list->view()->setCurrentIndex(list->view()->model()->index(row, 0));
}

} // namespace

class TestChatParticipants : public QObject {
    Q_OBJECT

private:
    static quint16 start(ServerPanel &panel)
    {
        QSignalSpy started(panel.server(), &TcpServer::started);
        panel.portEdit()->selectAll();
        QTest::keyClicks(panel.portEdit(), QStringLiteral("0"));
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        if (!started.wait(10000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

    static bool stop(ServerPanel &panel)
    {
        QSignalSpy stopped(panel.server(), &TcpServer::stopped);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        return stopped.wait(10000);
    }

private slots:
    void shownOnlyWhileAChatRoomRuns()
    {
        ServerPanel panel;
        panel.show();
        ChatParticipants *list = panel.chatParticipants();
        QVERIFY(list);
        QVERIFY(!list->isVisible());
        QVERIFY(start(panel));   // a plain server: no room
        QVERIFY(!list->isVisible());
        QVERIFY(stop(panel));
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("chatRoomCheck")), Qt::LeftButton);
        QVERIFY(start(panel));
        QVERIFY(list->isVisible());
        QCOMPARE(list->title()->text(), QStringLiteral("In the room (0)"));
        // Nothing selected: nothing to mute or remove; an empty notice is nothing to send.
        QVERIFY(!list->muteButton()->isEnabled());
        QVERIFY(!list->removeButton()->isEnabled());
        QVERIFY(!list->noticeButton()->isEnabled());
        // Every new control says what it is.
        for (QWidget *control : std::initializer_list<QWidget *>{list->view(), list->muteButton(), list->removeButton(), list->topicEdit(),
                                                                 list->topicButton(), list->noticeEdit(), list->noticeButton()}) {
            QVERIFY2(!control->objectName().isEmpty(), control->metaObject()->className());
            QVERIFY2(!control->toolTip().isEmpty() || !control->accessibleDescription().isEmpty(), qPrintable(control->objectName()));
        }
        // Alt letters: none taken twice among what the running panel shows, none a menu's
        // (tests/ui/tst_keyboard.cpp checks the window when the room is not running).
        QMap<QString, QString> letters{{u"Alt+F"_s, u"menu File"_s}, {u"Alt+V"_s, u"menu View"_s},
                                       {u"Alt+L"_s, u"menu Language"_s}, {u"Alt+H"_s, u"menu Help"_s}};
        for (QAbstractButton *button : panel.findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || button->shortcut().isEmpty())
                continue;
            const QString key = button->shortcut().toString();
            QVERIFY2(!letters.contains(key), qPrintable(key + u" taken by "_s + letters.value(key) + u" and "_s + button->text()));
            letters.insert(key, button->text());
        }
        QVERIFY(letters.contains(u"Alt+M"_s) && letters.contains(u"Alt+C"_s) && letters.contains(u"Alt+B"_s));
        QVERIFY(stop(panel));
        QVERIFY(!list->isVisible());
    }

    void teacherRunsTheRoom()
    {
        ServerPanel panel;
        panel.resize(1200, 800);
        panel.show();
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("chatRoomCheck")), Qt::LeftButton);
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("nicknamesCheck")), Qt::LeftButton);
        const quint16 port = start(panel);
        QVERIFY(port);
        ChatParticipants *list = panel.chatParticipants();
        QVERIFY(list->isVisible());

        Peer clients[3];
        QByteArray addresses[3];
        const QByteArray names[3] = {"小明", "小红", "bob"};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(clients[i].startPython(QStringLiteral("chat_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            const QByteArray connected = clients[i].readLine();
            QVERIFY(connected.startsWith("connected "));
            addresses[i] = "127.0.0.1:" + connected.mid(10);
            QVERIFY(expect(clients[i], "got *** welcome: send your nickname on the first line"));
            clients[i].write(names[i] + '\n');
            QVERIFY(expect(clients[i], "got *** you are " + names[i]));
            for (int j = 0; j < i; ++j)
                QVERIFY(expect(clients[j], "got *** " + names[i] + " joined"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(list->memberCount(), 3, 10000);
        QCOMPARE(list->title()->text(), QStringLiteral("In the room (3)"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(cell(list, i, ChatParticipants::NameColumn), QString::fromUtf8(names[i]));
            QCOMPARE(cell(list, i, ChatParticipants::AddressColumn), QString::fromUtf8(addresses[i]));
            QVERIFY(!cell(list, i, ChatParticipants::SinceColumn).isEmpty());
            QVERIFY(cell(list, i, ChatParticipants::MutedColumn).isEmpty());
        }

        // A rename shows.
        clients[2].write("/nick 大卫\n");
        QVERIFY(expect(clients[2], "got *** you are now 大卫"));
        QVERIFY(expect(clients[0], "got *** bob is now 大卫"));
        QVERIFY(expect(clients[1], "got *** bob is now 大卫"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(list, 2, ChatParticipants::NameColumn), QStringLiteral("大卫"), 10000);

        // Mute 小明: told once; what it says reaches no one; the list and the button say so.
        select(list, 0);
        QVERIFY(list->muteButton()->isEnabled());
        QCOMPARE(list->muteButton()->text(), QStringLiteral("&Mute"));
        QTest::mouseClick(list->muteButton(), Qt::LeftButton);
        QVERIFY(expect(clients[0], "got *** you are muted by the server"));
        QTRY_VERIFY_WITH_TIMEOUT(!cell(list, 0, ChatParticipants::MutedColumn).isEmpty(), 10000);
        QCOMPARE(list->muteButton()->text(), QStringLiteral("Un&mute"));
        QVERIFY(panel.statusText().contains(QStringLiteral("小明")));
        clients[0].write("偷偷说\n");
        QVERIFY(expect(clients[0], "got *** you are muted: not sent"));
        clients[1].write("我在\n");
        QVERIFY(expect(clients[2], "got 小红: 我在"));   // not 小明's line first: it was never relayed
        QVERIFY(expect(clients[0], "got 小红: 我在"));

        // The topic and a notice reach everyone.
        list->topicEdit()->setText(QStringLiteral("第一课：套接字"));
        QTest::mouseClick(list->topicButton(), Qt::LeftButton);
        for (Peer &client : clients)
            QVERIFY(expect(client, "got *** the server set the topic: 第一课：套接字"));
        // Control characters cannot reach a terminal, whatever was pasted.
        list->noticeEdit()->setText(QStringLiteral("下课了\x1b[2J"));
        QVERIFY(list->noticeButton()->isEnabled());
        QTest::mouseClick(list->noticeButton(), Qt::LeftButton);
        for (Peer &client : clients)
            QVERIFY(expect(client, "got *** notice: 下课了?[2J"));
        QVERIFY(list->noticeEdit()->text().isEmpty());
        // Too long: refused here, said in the status line, the text kept to be shortened.
        const QString tooLong(9000, QLatin1Char('x'));
        list->noticeEdit()->setMaxLength(32767);
        list->noticeEdit()->setText(tooLong);
        QTest::mouseClick(list->noticeButton(), Qt::LeftButton);
        QVERIFY(panel.statusText().contains(QStringLiteral("8192")));
        QCOMPARE(list->noticeEdit()->text(), tooLong);
        list->topicEdit()->setText(QString(101, QChar(0x4e2d)));
        QTest::mouseClick(list->topicButton(), Qt::LeftButton);
        QVERIFY(panel.statusText().contains(QStringLiteral("300")));

        // Unmute: it may speak again, and is heard.
        select(list, 0);
        QTest::mouseClick(list->muteButton(), Qt::LeftButton);
        QVERIFY(expect(clients[0], "got *** you may speak again"));
        QTRY_VERIFY_WITH_TIMEOUT(cell(list, 0, ChatParticipants::MutedColumn).isEmpty(), 10000);
        clients[0].write("谢谢老师\n");
        QVERIFY(expect(clients[1], "got 小明: 谢谢老师"));
        QVERIFY(expect(clients[2], "got 小明: 谢谢老师"));

        // Remove it with the Delete key: told, then its connection ends; the others hear it.
        select(list, 0);
        list->view()->setFocus();
        QTest::keyClick(list->view(), Qt::Key_Delete);
        QVERIFY(expect(clients[0], "got *** removed by the server"));
        QVERIFY(expect(clients[0], "closed"));
        QVERIFY(expect(clients[1], "got *** 小明 was removed"));
        QVERIFY(expect(clients[2], "got *** 小明 was removed"));
        QTRY_COMPARE_WITH_TIMEOUT(list->memberCount(), 2, 10000);
        QCOMPARE(list->title()->text(), QStringLiteral("In the room (2)"));
        QCOMPARE(cell(list, 0, ChatParticipants::NameColumn), QStringLiteral("小红"));

        // One that leaves on its own goes from the list too; stopping empties it.
        clients[1].closeWrite();
        QVERIFY(expect(clients[2], "got *** 小红 left"));
        QTRY_COMPARE_WITH_TIMEOUT(list->memberCount(), 1, 10000);
        QVERIFY(stop(panel));
        QCOMPARE(list->memberCount(), 0);
    }
};

QTEST_MAIN(TestChatParticipants)
#include "tst_chatparticipants.moc"
