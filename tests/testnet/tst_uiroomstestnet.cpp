// "Rooms on this network" (ui/roomsfoundlist.h) inside scripts/netns-run's private two-host
// network: a room `socketeer serve --chat --announce` opens on host B appears in the list on host A
// once the user presses Find rooms (never before), its count follows the clients, Join asks for its
// address and port, and it goes when the room closes.

#include "clipeer.h"
#include "testnet.h"

#include "net/trace.h"
#include "rooms/roomannouncer.h"
#include "rooms/roomfinder.h"
#include "addressinputs.h"
#include "chatparticipants.h"
#include "chatroomfields.h"
#include "roomannouncefields.h"
#include "roomsfoundlist.h"
#include "serverpanel.h"
#include "tcp/tcpserver.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
namespace testnet = testsupport::testnet;

namespace {

QString cell(const RoomsFoundList &list, int row, int column) { return list.model()->index(row, column).data().toString(); }

} // namespace

class TestUiRoomsTestnet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void aRoomOnHostB_isListedCountedJoinedAndForgotten()
    {
        TraceRecorder timeline;   // as the window's timeline records
        QSignalSpy traced(&timeline, &TraceRecorder::eventsRecorded);
        RoomsFoundList list;
        list.show();
        QVERIFY(!list.finder()->isRunning());   // never listens unasked
        QVERIFY(!list.joinButton()->isEnabled());

        Peer serve;
        quint16 port = 0;
        port = testnet::startSocketeerOnB(serve, {u"serve"_s, u"--chat"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--announce"_s, u"第一课"_s});
        QVERIFY(port);

        list.findButton()->click();
        QVERIFY(list.finder()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(list.model()->rowCount(), 1, 10000);
        QCOMPARE(cell(list, 0, 0), u"第一课"_s);
        QCOMPARE(cell(list, 0, 1), testnet::kHostB4);
        QCOMPARE(cell(list, 0, 2), QString::number(port));
        QCOMPARE(cell(list, 0, 3), u"0"_s);
        QCOMPARE(cell(list, 0, 4), u"plain"_s);
        QVERIFY(list.statusText().contains(u"1 room"_s));
        // On the timeline the discovery is what it is: a datagram received on the finder's lane.
        timeline.flush();
        auto heard = [&] {
            for (const QList<QVariant> &batch : traced) {
                for (const TraceEvent &event : batch.at(0).value<QList<TraceEvent>>()) {
                    if (event.call == u"recvfrom"_s && event.thread == u"room-finder-ipv4"_s && event.bytes.startsWith("SOCKETEER-ROOM 1\n"))
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(heard(), 10000);

        // Two tutorial-style clients on A join it: the count follows.
        std::vector<std::unique_ptr<Peer>> clients;
        for (int i = 0; i < 2; ++i) {
            clients.push_back(std::make_unique<Peer>());
            QVERIFY(clients.back()->startPython(u"chat_client.py"_s, {testnet::kHostB4, QString::number(port)}));
            QVERIFY(clients.back()->readLine(20000).startsWith("connected "));
        }
        QTRY_COMPARE_WITH_TIMEOUT(cell(list, 0, 3), u"2"_s, 10000);

        // Join: the first row is current, so the button asks for it.
        QVERIFY(list.joinButton()->isEnabled());
        QSignalSpy join(&list, &RoomsFoundList::joinRequested);
        list.joinButton()->click();
        QCOMPARE(join.size(), 1);
        QCOMPARE(join.at(0).at(0).toString(), testnet::kHostB4);
        QCOMPARE(join.at(0).at(1).value<quint16>(), port);
        QCOMPARE(join.at(0).at(2).toBool(), false);

        // The room closes: it leaves the list once it has been silent long enough.
        serve.process().terminate();
        QVERIFY(serve.waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(list.model()->rowCount(), 0, 20000);
        QVERIFY(!list.joinButton()->isEnabled());

        // Stop: the finder closes its sockets; the button says so.
        list.findButton()->click();
        QVERIFY(!list.finder()->isRunning());
        QVERIFY(!list.findButton()->isChecked());
    }

    // The server panel's "Announce on the network as": one click, while the room runs; refused,
    // with the reason, for a room on loopback; the list on this host finds what it announces.
    void serverPanel_announcesItsRoomWithOneClick()
    {
        ServerPanel server;
        server.show();
        server.chatFields()->chatCheck()->setChecked(true);
        server.chatFields()->nicknamesCheck()->setChecked(true);
        server.portEdit()->setPort(0);
        QSignalSpy started(server.server(), &TcpServer::started);

        // On loopback: refused, and the box does not stay ticked.
        server.addressCombo()->setAddress(u"127.0.0.1"_s);
        server.startButton()->click();
        QVERIFY(started.wait(10000));
        RoomAnnounceFields *announce = server.chatParticipants()->announceFields();
        QVERIFY(announce->isVisibleTo(&server));
        announce->announceCheck()->setChecked(true);
        QVERIFY(!announce->announceCheck()->isChecked());
        QVERIFY(!announce->announcer()->isRunning());
        QVERIFY2(server.statusText().contains(u"only this machine can reach"_s), qPrintable(server.statusText()));
        server.startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!server.server()->isRunning(), 10000);

        // On all interfaces: announced (it reaches this host's own list too), renamed at once.
        server.addressCombo()->setAddress(u"0.0.0.0"_s);
        server.startButton()->click();
        QVERIFY(started.wait(10000));
        announce->nameEdit()->setText(u"实验室 3"_s);
        announce->announceCheck()->setChecked(true);
        QVERIFY(announce->announcer()->isRunning());
        RoomsFoundList list;
        list.findButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(list.model()->rowCount(), 1, 10000);
        QCOMPARE(cell(list, 0, 0), u"实验室 3"_s);
        QCOMPARE(cell(list, 0, 1), testnet::kHostA4);
        QCOMPARE(cell(list, 0, 2), QString::number(server.server()->boundAddress().port()));

        // A member joins (a tutorial client with a nickname): the count follows.
        Peer client;
        QVERIFY(client.startPython(u"chat_client.py"_s, {testnet::kHostA4, QString::number(server.server()->boundAddress().port())}));
        QVERIFY(client.readLine(20000).startsWith("connected "));
        QCOMPARE(client.readLine(), QByteArray("got *** welcome: send your nickname on the first line"));
        client.write("学生01\n");
        QTRY_COMPARE_WITH_TIMEOUT(cell(list, 0, 3), u"1"_s, 10000);

        // Unticked: no more announcements, and the room is forgotten.
        announce->announceCheck()->setChecked(false);
        QVERIFY(!announce->announcer()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(list.model()->rowCount(), 0, 20000);
        server.startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!server.server()->isRunning(), 10000);
    }
};

QTEST_MAIN(TestUiRoomsTestnet)
#include "tst_uiroomstestnet.moc"
