// The UDP endpoint on a network with a second host (scripts/netns-run: host A 10.99.0.1/fd99::1
// runs this test, host B 10.99.0.2/fd99::2 runs the python peers): multicast from another host
// to a group joined here, IPv4 and IPv6, and no more of it once the group is left; IPv4 broadcast
// in both directions. Nothing here is sent on a real interface.

#include "peer.h"
#include "testnet.h"
#include "testutil.h"
#include "udptestutil.h"

#include "udp/udpendpoint.h"

#include <QSignalSpy>
#include <QTest>

using namespace socketeer;
using testsupport::Peer;
using testsupport::datagramsIn;
using testsupport::payloadsIn;
namespace testnet = testsupport::testnet;
using testnet::SenderOnB;

namespace {

QString firstError(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QString() : spy.at(0).at(0).value<Error>().message();
}

// "HOST PORT" of a received datagram, as udp_sender.py prints its source (a link-local host
// without the "%scope" the endpoint may add).
QByteArray hostPort(const Datagram &datagram)
{
    QString host = datagram.senderAddress.host();
    host = host.left(host.indexOf(u'%') >= 0 ? host.indexOf(u'%') : host.size());
    return host.toLatin1() + ' ' + QByteArray::number(datagram.senderAddress.port());
}

} // namespace

class TestUdpTestnet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void multicast_fromHostBReachesTheGroupUntilLeft_data()
    {
        QTest::addColumn<QString>("bindHost");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("interfaceName");
        QTest::addColumn<QString>("unicastHere");   // host A's address, for the marker after leaving
        QTest::newRow("ipv4 239/8 on v0") << "0.0.0.0" << "239.255.77.12" << testnet::kInterfaceA << testnet::kHostA4;
        QTest::newRow("ipv4 239/8, interface by route") << "0.0.0.0" << "239.255.77.13" << "" << testnet::kHostA4;
        QTest::newRow("ipv6 ff12::/16 on v0") << "::" << "ff12::5e7:77" << testnet::kInterfaceA << testnet::kHostA6;
        QTest::newRow("ipv6 ff15::/16, interface by route") << "::" << "ff15::5e7:78" << "" << testnet::kHostA6;
    }
    void multicast_fromHostBReachesTheGroupUntilLeft()
    {
        QFETCH(QString, bindHost);
        QFETCH(QString, group);
        QFETCH(QString, interfaceName);
        QFETCH(QString, unicastHere);

        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(bindHost));
        QVERIFY(port);
        QSignalSpy joined(&endpoint, &UdpEndpoint::groupJoined);
        QSignalSpy left(&endpoint, &UdpEndpoint::groupLeft);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        SenderOnB sender;
        QVERIFY(sender.start());
        // Host B names its interface for a link-local IPv6 group (ff?2::), which has no meaning
        // without one; a wider group is routed.
        const bool linkLocal = group.contains(u':') && group.size() > 3 && group.at(3) == u'2';
        const QString groupFromB = linkLocal ? group + QStringLiteral("%v1") : group;

        // Before joining: the group's datagrams are not for this host. The unicast marker sent
        // after it from the same socket shows the first had its chance to arrive.
        QVERIFY(!sender.send(groupFromB, port, "before joining").isEmpty());
        QVERIFY(!sender.send(unicastHere, port, "marker 1").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(payloadsIn(received).contains("marker 1"), 10000);
        QCOMPARE(payloadsIn(received), QByteArrayList{"marker 1"});

        endpoint.joinGroup(group, interfaceName);
        QVERIFY2(joined.wait(10000), qPrintable(firstError(error)));
        QCOMPARE(joined.at(0).at(0).toString(), group);
        const QByteArray payload = testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
        const QByteArray from = sender.send(groupFromB, port, payload);
        QVERIFY(!from.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(payloadsIn(received).size(), 2, 10000);
        const Datagram datagram = datagramsIn(received).at(1);
        QCOMPARE(datagram.data, payload);
        QCOMPARE(hostPort(datagram), from);   // from host B, not looped back from here
        QVERIFY2(error.isEmpty(), qPrintable(firstError(error)));

        endpoint.leaveGroup(group, interfaceName);
        QVERIFY2(left.wait(10000), qPrintable(firstError(error)));
        QCOMPARE(left.at(0).at(0).toString(), group);
        // Out of the group: only the marker sent after the group's datagram arrives.
        QVERIFY(!sender.send(groupFromB, port, "after leaving").isEmpty());
        QVERIFY(!sender.send(unicastHere, port, "marker 2").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(payloadsIn(received).contains("marker 2"), 10000);
        QCOMPARE(payloadsIn(received).mid(2), QByteArrayList{"marker 2"});
        QVERIFY2(error.isEmpty(), qPrintable(firstError(error)));
    }

    void multicast_ownDatagramsLoopBackToAJoinedGroup_data()
    {
        QTest::addColumn<QString>("bindHost");
        QTest::addColumn<QString>("group");
        QTest::newRow("ipv4") << "0.0.0.0" << "239.255.77.14";
        QTest::newRow("ipv6") << "::" << "ff12::5e7:79";
    }
    void multicast_ownDatagramsLoopBackToAJoinedGroup()
    {
        // Sent by way of the interface the group was joined on (the test network's v0) and
        // looped back by the kernel, as for any member on the sending host.
        QFETCH(QString, bindHost);
        QFETCH(QString, group);
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(bindHost));
        QVERIFY(port);
        QSignalSpy joined(&endpoint, &UdpEndpoint::groupJoined);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        endpoint.joinGroup(group, testnet::kInterfaceA);
        QVERIFY2(joined.wait(10000), qPrintable(firstError(error)));
        endpoint.sendTo(Endpoint{group, port, {}}, testsupport::chineseUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(payloadsIn(received).size(), 1, 10000);
        QCOMPARE(payloadsIn(received), QByteArrayList{testsupport::chineseUtf8()});
        QCOMPARE(datagramsIn(received).at(0).senderAddress.port(), port);
        QVERIFY2(error.isEmpty(), qPrintable(firstError(error)));
    }

    void broadcast_fromHostBReachesAListenerOnTheAnyAddress()
    {
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(QStringLiteral("0.0.0.0")));
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        SenderOnB sender;
        QVERIFY(sender.start());
        const QByteArray payload = "to everyone on 10.99.0.0/24 " + testsupport::chineseUtf8();
        const QByteArray from = sender.send(testnet::kBroadcast4, port, payload);
        QCOMPARE(from.left(from.indexOf(' ')), testnet::kHostB4.toLatin1());
        QTRY_COMPARE_WITH_TIMEOUT(payloadsIn(received).size(), 1, 10000);
        QCOMPARE(datagramsIn(received).at(0).data, payload);
        QCOMPARE(hostPort(datagramsIn(received).at(0)), from);
    }

    void broadcast_toHostBNeedsItEnabled()
    {
        // The tutorial's UDP server on host B, on the any address, echoes what reaches it.
        Peer server;
        QVERIFY(testnet::startPythonOnB(server, QStringLiteral("udp_server.py"), {QStringLiteral("0"), QStringLiteral("0.0.0.0")}));
        const quint16 serverPort = server.readListeningPort(20000);
        QVERIFY(serverPort);
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(testnet::kHostA4));
        QVERIFY(port);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        QSignalSpy changed(&endpoint, &UdpEndpoint::broadcastChanged);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        const Endpoint everyone{testnet::kBroadcast4, serverPort, {}};

        endpoint.sendTo(everyone, "not yet");
        QVERIFY(error.wait(10000));
        QCOMPARE(error.takeFirst().at(0).value<Error>().code, std::error_code(EACCES, std::system_category()));
        QCOMPARE(sent.size(), 0);

        endpoint.setBroadcast(true);
        QVERIFY(changed.wait(10000));
        const QByteArray payload = testsupport::nonUtf8Bytes();
        endpoint.sendTo(everyone, payload);
        QVERIFY2(sent.wait(10000), qPrintable(firstError(error)));
        QCOMPARE(server.readLine(), "From " + testnet::kHostA4.toLatin1() + ' ' + QByteArray::number(port) + ' ' + payload.toHex());
        // The echo comes back by unicast from host B.
        QTRY_COMPARE_WITH_TIMEOUT(payloadsIn(received).size(), 1, 10000);
        QCOMPARE(datagramsIn(received).at(0).data, payload);
        QCOMPARE(datagramsIn(received).at(0).senderAddress.host(), testnet::kHostB4);
        QVERIFY2(error.isEmpty(), qPrintable(firstError(error)));
    }
};

QTEST_GUILESS_MAIN(TestUdpTestnet)
#include "tst_udptestnet.moc"
