// The server panel's "Chat room" and "Nicknames" checkboxes (ui/chatroomfields.h) used as a
// teacher would: tick them, press Start, and three students' tutorial-style clients talk, the
// panel's log showing what each one sent.

#include "panellog.h"
#include "peer.h"

#include "addressinputs.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "serverpanel.h"

#include "tcp/tcpserver.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

namespace {

bool expect(Peer &peer, const QByteArray &line)
{
    bool ok = false;
    const QByteArray got = peer.readLine(20000, &ok);
    if (!ok || got != line)
        qWarning("expected \"%s\", got \"%s\"", line.constData(), got.constData());
    return ok && got == line;
}

} // namespace

class TestServerChat : public QObject {
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

private slots:
    void checkboxes_nicknamesNeedChat_andBothLockWhileListening()
    {
        ServerPanel panel;
        panel.show();
        auto *chat = panel.findChild<QCheckBox *>(QStringLiteral("chatRoomCheck"));
        auto *nicknames = panel.findChild<QCheckBox *>(QStringLiteral("nicknamesCheck"));
        QVERIFY(chat && nicknames);
        QVERIFY(!chat->toolTip().isEmpty());
        QVERIFY(!nicknames->toolTip().isEmpty());
        QVERIFY(!chat->isChecked());
        QVERIFY(chat->isEnabled());
        QVERIFY(!nicknames->isEnabled());   // a setting of the room: off without it
        QTest::mouseClick(chat, Qt::LeftButton);
        QVERIFY(nicknames->isEnabled());

        QVERIFY(start(panel));
        QVERIFY(panel.server()->config().chat.enabled);
        QVERIFY(!panel.server()->config().chat.nicknames);
        QVERIFY(!chat->isEnabled());
        QVERIFY(!nicknames->isEnabled());

        QSignalSpy stopped(panel.server(), &TcpServer::stopped);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(stopped.wait(10000));
        QVERIFY(chat->isEnabled());
        QVERIFY(nicknames->isEnabled());
    }

    void chatRoomWithNicknames_threeClientsTalk()
    {
        ServerPanel panel;
        panel.show();
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("chatRoomCheck")), Qt::LeftButton);
        QTest::mouseClick(panel.findChild<QCheckBox *>(QStringLiteral("nicknamesCheck")), Qt::LeftButton);
        const quint16 port = start(panel);
        QVERIFY(port);
        QVERIFY(panel.server()->config().chat.nicknames);

        const QByteArray welcome = "got *** welcome: send your nickname on the first line";
        Peer clients[3];
        const QByteArray names[3] = {"alice", "bob", "小明"};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(clients[i].startPython(QStringLiteral("chat_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QVERIFY(clients[i].readLine().startsWith("connected "));
            QVERIFY(expect(clients[i], welcome));
            clients[i].write(names[i] + '\n');
            QVERIFY(expect(clients[i], "got *** you are " + names[i]));
            for (int j = 0; j < i; ++j)
                QVERIFY(expect(clients[j], "got *** " + names[i] + " joined"));
        }
        clients[2].write("大家好\n");
        QVERIFY(expect(clients[0], "got 小明: 大家好"));
        QVERIFY(expect(clients[1], "got 小明: 大家好"));
        clients[0].write("hi\n");
        QVERIFY(expect(clients[1], "got alice: hi"));
        QVERIFY(expect(clients[2], "got alice: hi"));

        // The log shows what each client sent, the room being the server's own work.
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("大家好")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel).contains(QStringLiteral("alice")), 10000);

        clients[1].closeWrite();
        QVERIFY(expect(clients[0], "got *** bob left"));
        QVERIFY(expect(clients[2], "got *** bob left"));
    }
};

QTEST_MAIN(TestServerChat)
#include "tst_serverchat.moc"
