// Chat rooms found on the network (docs/CHAT.md, "Rooms on the network"), inside scripts/netns-run's
// private two-host network: this process is host A (10.99.0.1, fd99::1 on v0), rooms run on host B
// (10.99.0.2, fd99::2). Nothing here is sent on a real interface.
//  - `socketeer serve --chat --announce` on B sends exactly the documented datagram to the
//    documented destination (IPv4 broadcast, the IPv4 group, the IPv6 group), as a python listener
//    written from the document sees it;
//  - the finder on A finds rooms a python sender on B announces by hand, and ignores hostile ones;
//  - end to end: a room announced on B is listed by the finder and by `socketeer rooms`, three
//    tutorial-style clients join it from A and talk, and its count follows them.

#include "clipeer.h"
#include "testnet.h"
#include "testutil.h"

#include "net/limits.h"
#include "rooms/roomannouncement.h"
#include "rooms/roomfinder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace socketeer;
using testsupport::Cli;
using testsupport::Peer;
namespace testnet = testsupport::testnet;
using testnet::SenderOnA;
using testnet::SenderOnB;

namespace {

// The documented example with a given id and name, written by hand as a student would.
QByteArray handWritten(const QByteArray &id, const QByteArray &name, int port, int members)
{
    return "SOCKETEER-ROOM 1\nid " + id + "\nname " + name + "\nport " + QByteArray::number(port) + "\ntls no\nmembers "
           + QByteArray::number(members) + '\n';
}

bool isHostB6(const QString &host) { return host == testnet::kHostB6 || host.startsWith(u"fe80::"_s); }

} // namespace

class TestCliRoomsTestnet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void announce_sendsTheDocumentedDatagram_data()
    {
        QTest::addColumn<QStringList>("serveArguments");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("destination");   // the datagram's destination address, as received
        QTest::newRow("IPv4 broadcast (the default)") << QStringList{u"--bind"_s, u"0.0.0.0"_s} << u"4"_s << testnet::kBroadcast4;
        QTest::newRow("IPv4 multicast") << QStringList{u"--bind"_s, testnet::kHostB4, u"--announce-via"_s, u"multicast"_s} << u"4"_s
                                        << QString::fromLatin1(kRoomGroupIPv4);
        QTest::newRow("IPv6 multicast") << QStringList{u"--bind"_s, testnet::kHostB6} << u"6"_s << QString::fromLatin1(kRoomGroupIPv6);
    }
    void announce_sendsTheDocumentedDatagram()
    {
        QFETCH(QStringList, serveArguments);
        QFETCH(QString, family);
        QFETCH(QString, destination);
        Peer listener;   // on A, joined before the room exists: the first announcement is for it
        QVERIFY(listener.startPython(u"room_listen.py"_s, {family, testnet::kInterfaceA}));
        QCOMPARE(listener.readLine(20000), QByteArray("ready"));

        Peer serve;
        quint16 port = 0;
        port = testnet::startSocketeerOnB(serve, QStringList{u"serve"_s, u"--chat"_s, u"--port"_s, u"0"_s, u"--announce"_s, u"第一课 A"_s} + serveArguments);
        QVERIFY(port);
        const QList<QByteArray> words = listener.readLine(20000).split(' ');   // from HOST to DESTINATION HEX
        QCOMPARE(words.size(), 5);
        QCOMPARE(words.at(0), QByteArray("from"));
        const QString from = QString::fromLatin1(words.at(1));
        QVERIFY2(family == u"4"_s ? from == testnet::kHostB4 : isHostB6(from), qPrintable(from));
        QCOMPARE(QString::fromLatin1(words.at(3)), destination);
        const QByteArray datagram = QByteArray::fromHex(words.at(4));
        // Byte for byte as docs/CHAT.md shows it, but for the random id.
        QVERIFY2(datagram.startsWith("SOCKETEER-ROOM 1\nid "), datagram.constData());
        const QByteArray id = datagram.mid(20, 16);
        QCOMPARE(datagram, handWritten(id, "第一课 A", port, 0));
        serve.process().terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
    }

    void finder_findsARoomAnnouncedByHand_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("v6");
        QTest::newRow("IPv4 broadcast") << testnet::kBroadcast4 << false;
        QTest::newRow("IPv4 multicast") << QString::fromLatin1(kRoomGroupIPv4) << false;
        QTest::newRow("IPv6 multicast") << QString::fromLatin1(kRoomGroupIPv6) + u"%v1"_s << true;
    }
    void finder_findsARoomAnnouncedByHand()
    {
        QFETCH(QString, to);
        QFETCH(bool, v6);
        RoomFinder finder;
        QSignalSpy listening(&finder, &RoomFinder::listening);
        QSignalSpy found(&finder, &RoomFinder::roomFound);
        QVERIFY(finder.start());
        QVERIFY(listening.wait(10000));
        QCOMPARE(listening.at(0).at(0).value<quint16>(), kRoomDiscoveryPort);

        SenderOnB sender;
        QVERIFY(sender.start());
        const QByteArray from = sender.send(to, kRoomDiscoveryPort, handWritten("00000000000000aa", "网络编程 第二组", 50007, 7));
        QVERIFY(!from.isEmpty());
        QVERIFY(found.wait(10000));
        const FoundRoom room = found.at(0).at(0).value<FoundRoom>();
        QCOMPARE(room.id, QByteArray("00000000000000aa"));
        QCOMPARE(room.name, u"网络编程 第二组"_s);
        QCOMPARE(room.port, quint16(50007));
        QCOMPARE(room.members, 7);
        QCOMPARE(room.tls, false);
        QCOMPARE(room.hosts.size(), 1);
        // Where it came from, never what it says: the sender's own address.
        QCOMPARE(room.hosts.first(), QString::fromLatin1(from.split(' ').first()) + (v6 && from.startsWith("fe80") ? u"%v0"_s : QString()));
        QVERIFY(v6 ? isHostB6(room.hosts.first()) : room.hosts.first() == testnet::kHostB4);
        QCOMPARE(finder.rooms().size(), 1);
    }

    void finder_ignoresHostileAnnouncements()
    {
        RoomFinder finder;
        QSignalSpy listening(&finder, &RoomFinder::listening);
        QSignalSpy found(&finder, &RoomFinder::roomFound);
        QSignalSpy changed(&finder, &RoomFinder::roomChanged);
        QVERIFY(finder.start());
        QVERIFY(listening.wait(10000));

        SenderOnB sender;
        QVERIFY(sender.start());
        const QList<QByteArray> hostile = {
            "hello",                                                          // not ours
            QByteArray(60000, 'x'),                                           // huge
            "SOCKETEER-ROOM 2\nid 0000000000000001\nname r\nport 1\ntls no\nmembers 1\n",   // a later version
            handWritten("0000000000000002", "r", 80, 1000000000),              // a spoofed count
            handWritten("0000000000000003", "room\xe2\x80\xae" "1bal", 80, 1),   // a name turned around
            handWritten("0000000000000004", "\x1b]0;owned\x07", 80, 1),          // terminal escapes
            handWritten("0000000000000005", "r", 0, 1),                        // no port
            handWritten("0000000000000006", "r", 80, 1) + "name again\n",     // a key twice
            handWritten("0000000000000007", "r", 80, 1).replace("\n", "\r\n"),
            testsupport::nonUtf8Bytes(),
        };
        for (const QByteArray &datagram : hostile)
            QVERIFY(!sender.send(testnet::kBroadcast4, kRoomDiscoveryPort, datagram).isEmpty());
        // The same socket, then a good one: once it is found, every hostile one before it was read.
        QVERIFY(!sender.send(testnet::kBroadcast4, kRoomDiscoveryPort, handWritten("00000000000000f1", "真的", 50007, 3)).isEmpty());
        QVERIFY(found.wait(10000));
        QCOMPARE(found.size(), 1);
        QCOMPARE(finder.rooms().size(), 1);
        QCOMPARE(finder.rooms().first().name, u"真的"_s);
        QCOMPARE(finder.ignoredDatagrams(), quint64(hostile.size()));

        // Another host (this one, A) claiming that room's id under another name or port is not that
        // room: it could otherwise rename it, or put itself where Join connects. A second room from
        // the same socket afterwards shows the claim was read.
        SenderOnA spoofer;
        QVERIFY(spoofer.start());
        QVERIFY(!spoofer.send(testnet::kHostA4, kRoomDiscoveryPort, handWritten("00000000000000f1", "假的", 50007, 99)).isEmpty());
        QVERIFY(!spoofer.send(testnet::kHostA4, kRoomDiscoveryPort, handWritten("00000000000000f1", "真的", 6666, 99)).isEmpty());
        QVERIFY(!spoofer.send(testnet::kHostA4, kRoomDiscoveryPort, handWritten("00000000000000f2", "second", 50008, 1)).isEmpty());
        QVERIFY(found.wait(10000));
        QCOMPARE(finder.rooms().size(), 2);
        QCOMPARE(finder.rooms().first().name, u"真的"_s);
        QCOMPARE(finder.rooms().first().port, quint16(50007));
        QCOMPARE(finder.rooms().first().members, 3);
        QCOMPARE(finder.rooms().first().hosts, QStringList{testnet::kHostB4});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(finder.ignoredDatagrams(), quint64(hostile.size() + 2));

        // A flood of made-up rooms fills the list to its bound, no further.
        for (int i = 0; i < limits::kRoomsFoundMax + 20; ++i) {
            const QByteArray id = QByteArray::number(0x1000 + i, 16).rightJustified(16, '0');
            QVERIFY(!sender.send(testnet::kBroadcast4, kRoomDiscoveryPort, handWritten(id, "flood " + QByteArray::number(i), 1000 + i, 1)).isEmpty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(finder.rooms().size() + finder.ignoredDatagrams(),
                                  qsizetype(2 + limits::kRoomsFoundMax + 20 + hostile.size() + 2), 10000);
        QCOMPARE(finder.rooms().size(), limits::kRoomsFoundMax);
    }

    void room_isFoundJoinedAndCounted()
    {
        Peer serve;
        quint16 port = 0;
        port = testnet::startSocketeerOnB(serve, {u"serve"_s, u"--chat"_s, u"--nicknames"_s, u"--bind"_s, u"::"_s, u"--port"_s, u"0"_s, u"--announce"_s,
                                      u"第一课"_s});
        QVERIFY(port);
        RoomFinder finder;
        QSignalSpy found(&finder, &RoomFinder::roomFound);
        QVERIFY(finder.start());
        QVERIFY(found.wait(10000));
        const QByteArray id = finder.rooms().first().id;
        // Announced over IPv4 broadcast and IPv6 multicast at once (it listens on both): one room,
        // with both of B's addresses, IPv4 first only if it was heard first.
        QTRY_COMPARE_WITH_TIMEOUT(finder.rooms().first().hosts.size(), 2, 10000);
        const QStringList hosts = finder.rooms().first().hosts;
        QVERIFY2(hosts.contains(testnet::kHostB4), qPrintable(hosts.join(u' ')));
        QVERIFY2(isHostB6(hosts.at(hosts.indexOf(testnet::kHostB4) == 0 ? 1 : 0)), qPrintable(hosts.join(u' ')));
        QCOMPARE(finder.rooms().first().name, u"第一课"_s);
        QCOMPARE(finder.rooms().first().port, port);
        QCOMPARE(finder.rooms().first().members, 0);

        // Three tutorial-style clients on A join the room they found, by its IPv4 address.
        const QStringList names = {u"学生01"_s, u"学生02"_s, u"alice"_s};
        std::vector<std::unique_ptr<Peer>> clients;
        for (const QString &name : names) {
            clients.push_back(std::make_unique<Peer>());
            Peer &client = *clients.back();
            QVERIFY(client.startPython(u"chat_client.py"_s, {testnet::kHostB4, QString::number(port)}));
            QVERIFY(client.readLine(20000).startsWith("connected "));
            QCOMPARE(client.readLine(), QByteArray("got *** welcome: send your nickname on the first line"));
            client.write(name.toUtf8() + '\n');
            QCOMPARE(client.readLine(), "got *** you are " + name.toUtf8());
        }
        QTRY_COMPARE_WITH_TIMEOUT(finder.rooms().first().members, 3, 10000);

        // `socketeer rooms` lists it, with its count, and exits 0.
        Cli rooms;
        QVERIFY(rooms.start({u"rooms"_s, u"--timeout"_s, u"3"_s, u"--json"_s}));
        const QJsonObject listed = QJsonDocument::fromJson(rooms.readLine(20000)).object();
        QCOMPARE(listed.value(u"name"_s).toString(), u"第一课"_s);
        QCOMPARE(listed.value(u"port"_s).toInt(), int(port));
        QCOMPARE(listed.value(u"members"_s).toInt(), 3);
        QCOMPARE(listed.value(u"tls"_s).toBool(), false);
        QCOMPARE(listed.value(u"id"_s).toString().toLatin1(), id);
        // One of B's addresses: an IPv6 announcement leaves from fd99::2 until B's link-local
        // address is ready, then from fe80::…, so the first heard may differ between two listeners.
        const QString listedHost = listed.value(u"host"_s).toString();
        QVERIFY2(listedHost == testnet::kHostB4 || isHostB6(listedHost), qPrintable(listedHost));
        QVERIFY(rooms.waitForFinished(20000));
        QCOMPARE(rooms.exitCode(), 0);

        // They talk across the two hosts: who is there, a private message, a line to all.
        Peer &first = *clients.at(0);
        Peer &second = *clients.at(1);
        Peer &third = *clients.at(2);
        QCOMPARE(second.readLine(), QByteArray("got *** alice joined"));
        first.write("/who\n");
        QByteArray line;
        do
            line = first.readLine();
        while (line.endsWith(" joined"));
        QCOMPARE(QString::fromUtf8(line), u"got *** in the room (3): 学生01, 学生02, alice"_s);
        first.write("/msg 学生02 课后见\n");
        QCOMPARE(QString::fromUtf8(first.readLine()), u"got -> *学生02* 课后见"_s);
        QCOMPARE(QString::fromUtf8(second.readLine()), u"got *学生01* 课后见"_s);
        third.write("hello 你好\n");
        QCOMPARE(QString::fromUtf8(first.readLine()), u"got alice: hello 你好"_s);
        QCOMPARE(QString::fromUtf8(second.readLine()), u"got alice: hello 你好"_s);

        // One leaves: the room says so, and the count announced follows.
        third.write("/quit\n");
        QCOMPARE(third.readLine(), QByteArray("got *** bye"));
        QCOMPARE(first.readLine(), QByteArray("got *** alice left"));
        QTRY_COMPARE_WITH_TIMEOUT(finder.rooms().first().members, 2, 10000);

        // The room closes: its announcements stop, and it is forgotten.
        QSignalSpy lost(&finder, &RoomFinder::roomLost);
        serve.process().terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), 20000);
        QCOMPARE(lost.last().at(0).toByteArray(), id);
        QVERIFY(finder.rooms().isEmpty());
    }

    void rooms_withNothingAnnounced_exits1()
    {
        Cli rooms;
        QVERIFY(rooms.start({u"rooms"_s, u"--timeout"_s, u"0.5"_s}));
        QVERIFY(rooms.waitForFinished(20000));
        QCOMPARE(rooms.exitCode(), 1);
        QVERIFY2(rooms.errors().contains("no room announced itself in 0.5 s"), rooms.errors().constData());
        QCOMPARE(rooms.process().readAllStandardOutput(), QByteArray());
    }

    void clumsyCommandLines_areRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("said");
        const QStringList chat = {u"serve"_s, u"--chat"_s, u"--port"_s, u"0"_s};
        QTest::newRow("without --chat") << QStringList{u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--announce"_s, u"r"_s}
                                       << QByteArray("add --chat");
        QTest::newRow("on loopback (the default)") << chat + QStringList{u"--announce"_s, u"r"_s} << QByteArray("only this machine can reach");
        QTest::newRow("on ::1") << chat + QStringList{u"--bind"_s, u"::1"_s, u"--announce"_s, u"r"_s} << QByteArray("only this machine can reach");
        QTest::newRow("on --unix") << QStringList{u"serve"_s, u"--chat"_s, u"--unix"_s, u"/tmp/x.sock"_s, u"--announce"_s, u"r"_s}
                                   << QByteArray("--unix");
        QTest::newRow("an empty name") << chat + QStringList{u"--bind"_s, u"0.0.0.0"_s, u"--announce"_s, u"  "_s} << QByteArray("needs a name");
        QTest::newRow("a name turned around") << chat + QStringList{u"--bind"_s, u"0.0.0.0"_s, u"--announce"_s, u"a\u202eb"_s}
                                              << QByteArray("invisible character (U+202E)");
        QTest::newRow("a name too long") << chat + QStringList{u"--bind"_s, u"0.0.0.0"_s, u"--announce"_s, QString(65, u'名')}
                                         << QByteArray("at most 64 characters");
        QTest::newRow("an unknown way") << chat + QStringList{u"--bind"_s, u"0.0.0.0"_s, u"--announce"_s, u"r"_s, u"--announce-via"_s, u"pigeon"_s}
                                        << QByteArray("not \"pigeon\"");
        QTest::newRow("a way without a name") << chat + QStringList{u"--bind"_s, u"0.0.0.0"_s, u"--announce-via"_s, u"multicast"_s}
                                              << QByteArray("add --announce NAME");
        QTest::newRow("rooms --timeout 0") << QStringList{u"rooms"_s, u"--timeout"_s, u"0"_s} << QByteArray("--timeout");
        QTest::newRow("rooms --timeout abc") << QStringList{u"rooms"_s, u"--timeout"_s, u"abc"_s} << QByteArray("--timeout");
        QTest::newRow("rooms with an argument") << QStringList{u"rooms"_s, u"10.99.0.2"_s} << QByteArray("no arguments");
    }
    void clumsyCommandLines_areRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, said);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(said), cli.errors().constData());
        QCOMPARE(cli.process().readAllStandardOutput(), QByteArray());   // nothing listened
    }
};

QTEST_GUILESS_MAIN(TestCliRoomsTestnet)
#include "tst_cliroomstestnet.moc"
