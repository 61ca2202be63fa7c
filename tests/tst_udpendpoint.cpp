// The UDP endpoint against peers this project did not write: the tutorial's UDP server and client
// (python3), a paced flood sender, socat and nc — and against the kernel's own rules on ports,
// loopback broadcast and datagram sizes. Multicast and broadcast between two hosts need a network:
// tests/testnet/tst_udptestnet.cpp.

#include "peer.h"
#include "testutil.h"
#include "udptestutil.h"

#include "net/faults.h"
#include "net/limits.h"
#include "net/socket.h"
#include "net/trace.h"
#include "udp/udpendpoint.h"

#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <cerrno>
#include <netinet/in.h>

using namespace socketeer;
using testsupport::Peer;
using testsupport::datagramsIn;
using testsupport::payloadsIn;

Q_DECLARE_METATYPE(socketeer::ErrorKind)

namespace {

// How the tutorial's python peers print an address: the bare host, then the port.
QByteArray fromLine(const QString &host, quint16 port, const QByteArray &data)
{
    return "From " + host.toLatin1() + ' ' + QByteArray::number(port) + ' ' + data.toHex();
}

} // namespace

class TestUdpEndpoint : public QObject {
    Q_OBJECT

private:
    static void addPayloads()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("payload");
        const QList<std::pair<const char *, QByteArray>> payloads = {
            {"ascii", QByteArray("hello, UDP")},
            {"chinese utf-8", testsupport::chineseUtf8()},
            {"non-utf-8 bytes", testsupport::nonUtf8Bytes()},
            {"empty datagram", QByteArray()},
        };
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("::1")})
            for (const auto &[name, bytes] : payloads)
                QTest::addRow("%s %s", qPrintable(host), name) << host << bytes;
    }

private slots:
    void open_bindsLoopbackByDefaultAndReportsEphemeralPort()
    {
        UdpEndpoint endpoint;
        QSignalSpy bound(&endpoint, &UdpEndpoint::bound);
        QSignalSpy closed(&endpoint, &UdpEndpoint::closed);
        QVERIFY(endpoint.open(UdpConfig{}));
        QVERIFY(bound.wait(5000));
        QCOMPARE(bound.at(0).at(0).toString(), QStringLiteral("127.0.0.1"));
        const quint16 port = bound.at(0).at(1).value<quint16>();
        QVERIFY(port != 0);
        QCOMPARE(endpoint.boundAddress().port(), port);
        QVERIFY(endpoint.isOpen());
        QVERIFY(!endpoint.open(UdpConfig{}));   // refused while open
        endpoint.closeAndWait();
        QCOMPARE(closed.size(), 1);
        QVERIFY(!endpoint.isOpen());
    }

    void open_bindsTheRequestedAddress_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ipv4 loopback") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1");
        QTest::newRow("ipv6 loopback") << QStringLiteral("::1") << QStringLiteral("::1");
        QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0") << QStringLiteral("0.0.0.0");
        QTest::newRow("ipv6 any") << QStringLiteral("::") << QStringLiteral("::");
        QTest::newRow("empty means any") << QString() << QStringLiteral("0.0.0.0");
        QTest::newRow("bracketed ipv6") << QStringLiteral("[::1]") << QStringLiteral("::1");
    }
    void open_bindsTheRequestedAddress()
    {
        QFETCH(QString, host);
        QFETCH(QString, expected);
        if (host.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        UdpEndpoint endpoint;
        QSignalSpy bound(&endpoint, &UdpEndpoint::bound);
        QVERIFY(endpoint.open(testsupport::udpConfigFor(host)));
        QVERIFY(bound.wait(5000));
        QCOMPARE(bound.at(0).at(0).toString(), expected);
        QVERIFY(bound.at(0).at(1).value<quint16>() != 0);
    }

    void open_reportsWhyItCouldNotBind_data()
    {
        QTest::addColumn<QString>("blocker");   // what holds the port first: "", "endpoint", "qudpsocket"
        QTest::addColumn<QString>("host");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("code");          // errno, or 0 for "not an errno"
        QTest::newRow("port in use by another endpoint") << "endpoint" << "127.0.0.1" << ErrorKind::Bind << EADDRINUSE;
        QTest::newRow("port in use by a QUdpSocket") << "qudpsocket" << "127.0.0.1" << ErrorKind::Bind << EADDRINUSE;
        QTest::newRow("address not on this machine") << "" << "203.0.113.1" << ErrorKind::Bind << EADDRNOTAVAIL;
        QTest::newRow("unresolvable name") << "" << "no-such-host.invalid" << ErrorKind::Resolve << 0;
        QTest::newRow("socket path") << "" << "unix:/tmp/udp.sock" << ErrorKind::InvalidArgument << 0;
    }
    void open_reportsWhyItCouldNotBind()
    {
        QFETCH(QString, blocker);
        QFETCH(QString, host);
        QFETCH(ErrorKind, kind);
        QFETCH(int, code);

        UdpEndpoint first;
        QUdpSocket qtSocket;
        quint16 port = 0;
        if (blocker == QLatin1String("endpoint")) {
            port = testsupport::openUdpOn(first, UdpConfig{});
            QVERIFY(port);
        } else if (blocker == QLatin1String("qudpsocket")) {
            // No proxy lookup: libproxy's helper thread is of no use here and races inside Qt.
            qtSocket.setProxy(QNetworkProxy::NoProxy);
            QVERIFY(qtSocket.bind(QHostAddress::LocalHost, 0));
            port = qtSocket.localPort();
        }
        UdpConfig config = testsupport::udpConfigFor(host, port);
        if (host.startsWith(QLatin1String("unix:")))
            config.bind = *parseEndpoint(host);

        UdpEndpoint endpoint;
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy bound(&endpoint, &UdpEndpoint::bound);
        QSignalSpy closed(&endpoint, &UdpEndpoint::closed);
        QVERIFY(endpoint.open(config));
        QVERIFY(closed.wait(10000));
        QCOMPARE(bound.size(), 0);
        QCOMPARE(error.size(), 1);
        const Error e = error.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, kind);
        if (code)
            QCOMPARE(e.code, std::error_code(code, std::system_category()));
        QVERIFY(!e.message().isEmpty());
        if (port)
            QVERIFY2(e.message().contains(QString::number(port)), qPrintable(e.message()));
        QVERIFY(!endpoint.isOpen());
        // Closed for good: it may be opened again.
        QVERIFY(testsupport::openUdpOn(endpoint, UdpConfig{}));
    }

    void sendTo_tutorialServerEchoesByteExact_data() { addPayloads(); }
    void sendTo_tutorialServerEchoesByteExact()
    {
        QFETCH(QString, host);
        QFETCH(QByteArray, payload);
        if (host.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py"), {QStringLiteral("0"), host}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);

        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(host));
        QVERIFY(port);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        endpoint.sendTo(Endpoint{host, serverPort, {}}, payload);

        QVERIFY(sent.wait(5000));
        const SocketAddress serverAddress = *SocketAddress::fromLiteral(host, serverPort);
        QCOMPARE(sent.at(0).at(0).toString(), serverAddress.toString());
        QCOMPARE(sent.at(0).at(1).value<qint64>(), qint64(payload.size()));
        QCOMPARE(server.readLine(), fromLine(host, port, payload));

        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        const Datagram echo = datagramsIn(received).at(0);
        QCOMPARE(echo.data, payload);
        QCOMPARE(echo.fullSize, qint64(payload.size()));
        QVERIFY(!echo.truncated);
        QCOMPARE(echo.sender, serverAddress.toString());
        QCOMPARE(echo.senderAddress, serverAddress);
        QVERIFY(echo.receivedAt.isValid());
        QVERIFY(qAbs(echo.receivedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(error.isEmpty());

        QCOMPARE(endpoint.datagramsOut(), quint64(1));
        QCOMPARE(endpoint.bytesOut(), quint64(payload.size()));
        QCOMPARE(endpoint.datagramsIn(), quint64(1));
        QCOMPARE(endpoint.bytesIn(), quint64(payload.size()));
    }

    void sendTo_resolvesNamesOnTheWorker()
    {
        // "localhost" may resolve to ::1 first; an IPv4 endpoint must pick 127.0.0.1.
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py")));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, UdpConfig{});
        QVERIFY(port);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        endpoint.sendTo(Endpoint{QStringLiteral("localhost"), serverPort, {}}, testsupport::chineseUtf8());
        QVERIFY(sent.wait(5000));
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("127.0.0.1:%1").arg(serverPort));
        QCOMPARE(server.readLine(), fromLine(QStringLiteral("127.0.0.1"), port, testsupport::chineseUtf8()));
    }

    void sendTo_dualStackEndpointReachesIPv4()
    {
        SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py")));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        UdpEndpoint endpoint;
        QVERIFY(testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(QStringLiteral("::"))));
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        endpoint.sendTo(Endpoint{QStringLiteral("127.0.0.1"), serverPort, {}}, "dual");
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        QCOMPARE(datagramsIn(received).at(0).data, QByteArray("dual"));
        QCOMPARE(datagramsIn(received).at(0).sender, QStringLiteral("[::ffff:127.0.0.1]:%1").arg(serverPort));
    }

    void replyToLast_answersTheTutorialClient_data() { addPayloads(); }
    void replyToLast_answersTheTutorialClient()
    {
        QFETCH(QString, host);
        QFETCH(QByteArray, payload);
        if (host.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(host));
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {host, QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write(payload.toHex() + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        const Datagram datagram = datagramsIn(received).at(0);
        QCOMPARE(datagram.data, payload);
        QCOMPARE(endpoint.lastSender(), datagram.senderAddress);

        const QByteArray reply = QByteArray("re: ") + payload;
        endpoint.replyToLast(reply);
        QCOMPARE(client.readLine(), fromLine(host, port, reply));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 5000);
        QCOMPARE(sent.at(0).at(0).toString(), datagram.sender);
    }

    void replyToLast_withoutAnyDatagramIsAnError()
    {
        UdpEndpoint endpoint;
        QVERIFY(testsupport::openUdpOn(endpoint, UdpConfig{}));
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        endpoint.replyToLast("anyone?");
        QVERIFY(error.wait(5000));
        const Error e = error.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, ErrorKind::Send);
        QVERIFY2(e.message().contains(QLatin1String("no datagram")), qPrintable(e.message()));
        QCOMPARE(sent.size(), 0);
        QCOMPARE(endpoint.datagramsOut(), quint64(0));
    }

    void receive_fromSystemTools_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("host");
        QTest::newRow("socat ipv4") << "socat" << "127.0.0.1";
        QTest::newRow("socat ipv6") << "socat" << "::1";
        QTest::newRow("nc ipv4") << "nc" << "127.0.0.1";
        QTest::newRow("nc ipv6") << "nc" << "::1";
    }
    void receive_fromSystemTools()
    {
        QFETCH(QString, program);
        QFETCH(QString, host);
        SOCKETEER_REQUIRE_PROGRAM(program);
        if (host.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(host));
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);

        Peer tool;
        const bool v6 = host.contains(QLatin1Char(':'));
        if (program == QLatin1String("socat"))
            QVERIFY(tool.startProgram(program, {QStringLiteral("-u"), QStringLiteral("STDIN"),
                                                (v6 ? QStringLiteral("UDP6-SENDTO:[%1]:%2") : QStringLiteral("UDP4-SENDTO:%1:%2")).arg(host).arg(port)}));
        else
            QVERIFY(tool.startProgram(program, {QStringLiteral("-u"), v6 ? QStringLiteral("-6") : QStringLiteral("-4"), host, QString::number(port)}));
        // One write, one datagram (both tools send what one read() of stdin gave them).
        const QByteArray payload = testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
        tool.write(payload);
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        const Datagram datagram = datagramsIn(received).at(0);
        QCOMPARE(datagram.data, payload);
        QVERIFY(datagram.sender.startsWith(v6 ? QStringLiteral("[::1]:") : QStringLiteral("127.0.0.1:")));
    }

    void sendTo_refusesDatagramsLargerThanUdpCarries_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("fits");
        QTest::newRow("ipv4 largest") << "127.0.0.1" << int(kMaxUdpPayloadIPv4) << true;
        QTest::newRow("ipv4 one too many") << "127.0.0.1" << int(kMaxUdpPayloadIPv4 + 1) << false;
        QTest::newRow("ipv4 far too many") << "127.0.0.1" << 200000 << false;
        QTest::newRow("ipv6 largest") << "::1" << int(kMaxUdpPayloadIPv6) << true;
        QTest::newRow("ipv6 one too many") << "::1" << int(kMaxUdpPayloadIPv6 + 1) << false;
    }
    void sendTo_refusesDatagramsLargerThanUdpCarries()
    {
        QFETCH(QString, host);
        QFETCH(int, size);
        QFETCH(bool, fits);
        if (host.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py"), {QStringLiteral("0"), host}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        UdpEndpoint endpoint;
        QVERIFY(testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(host)));
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);

        QByteArray payload(size, '\0');
        for (int i = 0; i < size; ++i)
            payload[i] = static_cast<char>(i * 7);
        endpoint.sendTo(Endpoint{host, serverPort, {}}, payload);
        if (fits) {
            QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
            QCOMPARE(datagramsIn(received).at(0).data, payload);   // the echo, whole
            QCOMPARE(sent.at(0).at(1).value<qint64>(), qint64(size));
            QVERIFY(error.isEmpty());
        } else {
            QVERIFY(error.wait(5000));
            const Error e = error.at(0).at(0).value<Error>();
            QCOMPARE(e.kind, ErrorKind::Limit);
            QCOMPARE(e.code, std::error_code(EMSGSIZE, std::system_category()));
            const qsizetype limit = host.contains(QLatin1Char(':')) ? kMaxUdpPayloadIPv6 : kMaxUdpPayloadIPv4;
            QVERIFY2(e.message().contains(QString::number(limit)), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QString::number(size)), qPrintable(e.message()));
            QCOMPARE(sent.size(), 0);
            QCOMPARE(endpoint.datagramsOut(), quint64(0));
        }
    }

    void receive_truncatedDatagramIsFlaggedNotHidden_data()
    {
        QTest::addColumn<int>("bufferSize");
        QTest::addColumn<int>("size");
        QTest::newRow("cut to 16 bytes") << 16 << 100;
        QTest::newRow("exactly fits") << 100 << 100;
        QTest::newRow("one byte over") << 99 << 100;
    }
    void receive_truncatedDatagramIsFlaggedNotHidden()
    {
        QFETCH(int, bufferSize);
        QFETCH(int, size);
        UdpConfig config;
        config.receiveBufferSize = bufferSize;
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, config);
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        const QByteArray payload = testsupport::nonUtf8Bytes().left(size);
        client.write(payload.toHex() + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        const Datagram datagram = datagramsIn(received).at(0);
        QCOMPARE(datagram.fullSize, qint64(size));
        QCOMPARE(datagram.truncated, bufferSize < size);
        QCOMPARE(datagram.data, payload.left(bufferSize));
        QCOMPARE(endpoint.bytesIn(), quint64(size));
    }

    void recvFrom_reportsTheRealLengthOfACutDatagram()
    {
        // The layer underneath, with a buffer too small on purpose.
        auto receiver = Socket::create(AF_INET, SocketType::Datagram);
        auto sender = Socket::create(AF_INET, SocketType::Datagram);
        QVERIFY(receiver && sender);
        QVERIFY(receiver->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        QVERIFY(sender->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        const SocketAddress to = *receiver->sockName();
        const QByteArray payload = testsupport::chineseUtf8();
        QVERIFY(sender->sendTo(std::span<const char>(payload.constData(), static_cast<std::size_t>(payload.size())), to));
        char small[4];
        auto got = receiver->recvFrom(std::span<char>(small, sizeof small));
        QVERIFY(got);
        QCOMPARE(got->size, std::size_t(4));
        QCOMPARE(got->fullSize, std::size_t(payload.size()));
        QVERIFY(got->truncated());
        QCOMPARE(QByteArray(small, 4), payload.left(4));
        QCOMPARE(got->from, *sender->sockName());
    }

    void sendTo_reportsBadDestinations_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");   // -1: the endpoint's own
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("unresolvable name") << "no-such-host.invalid" << 9 << ErrorKind::Resolve;
        QTest::newRow("empty host") << "" << 9 << ErrorKind::InvalidArgument;
        QTest::newRow("port 0") << "127.0.0.1" << 0 << ErrorKind::InvalidArgument;
        QTest::newRow("ipv6 from an ipv4 endpoint") << "::1" << 9 << ErrorKind::InvalidArgument;
        QTest::newRow("socket path") << "unix:/tmp/x.sock" << 9 << ErrorKind::InvalidArgument;
    }
    void sendTo_reportsBadDestinations()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(ErrorKind, kind);
        UdpEndpoint endpoint;
        QVERIFY(testsupport::openUdpOn(endpoint, UdpConfig{}));
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy sent(&endpoint, &UdpEndpoint::datagramSent);
        Endpoint to{host, static_cast<quint16>(port), {}};
        if (host.startsWith(QLatin1String("unix:")))
            to = *parseEndpoint(host);
        endpoint.sendTo(to, "x");
        QVERIFY(error.wait(10000));
        QCOMPARE(error.at(0).at(0).value<Error>().kind, kind);
        QCOMPARE(sent.size(), 0);
        QVERIFY(endpoint.isOpen());   // a bad destination does not close the endpoint
        // …and it still sends to a good one.
        endpoint.sendTo(Endpoint{QStringLiteral("127.0.0.1"), endpoint.boundAddress().port(), {}}, "ok");
        QVERIFY(sent.wait(5000));
    }

    void commands_whileClosedReportAnError()
    {
        UdpEndpoint endpoint;
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        endpoint.sendTo(Endpoint{QStringLiteral("127.0.0.1"), 9, {}}, "x");
        endpoint.joinGroup(QStringLiteral("239.255.0.1"));
        endpoint.setBroadcast(true);
        QTRY_COMPARE_WITH_TIMEOUT(error.size(), 3, 5000);
        QVERIFY(error.at(0).at(0).value<Error>().message().contains(QLatin1String("not open")));
    }

    void broadcast_isRefusedUntilEnabled_data()
    {
        QTest::addColumn<bool>("fromConfig");
        QTest::newRow("setBroadcast(true)") << false;
        QTest::newRow("UdpConfig::broadcast") << true;
    }
    void broadcast_isRefusedUntilEnabled()
    {
        QFETCH(bool, fromConfig);
        // Linux routes 127.255.255.255 as loopback's broadcast address; a socket bound to the
        // any address receives what is sent there.
        UdpEndpoint receiver;
        const quint16 receiverPort = testsupport::openUdpOn(receiver, testsupport::udpConfigFor(QStringLiteral("0.0.0.0")));
        QVERIFY(receiverPort);
        QSignalSpy received(&receiver, &UdpEndpoint::datagramsReceived);
        const Endpoint broadcastAddress{QStringLiteral("127.255.255.255"), receiverPort, {}};

        UdpEndpoint sender;
        QSignalSpy error(&sender, &UdpEndpoint::errorOccurred);
        QSignalSpy sent(&sender, &UdpEndpoint::datagramSent);
        QSignalSpy changed(&sender, &UdpEndpoint::broadcastChanged);
        if (fromConfig) {
            UdpConfig config;
            config.broadcast = true;
            QVERIFY(testsupport::openUdpOn(sender, config));
            QVERIFY(sender.broadcast());
        } else {
            QVERIFY(testsupport::openUdpOn(sender, UdpConfig{}));
            QVERIFY(!sender.broadcast());
            sender.sendTo(broadcastAddress, "not yet");
            QVERIFY(error.wait(5000));
            const Error refused = error.takeFirst().at(0).value<Error>();
            QCOMPARE(refused.kind, ErrorKind::Send);
            QCOMPARE(refused.code, std::error_code(EACCES, std::system_category()));
            sender.setBroadcast(true);
            QVERIFY(changed.wait(5000));
            QCOMPARE(changed.at(0).at(0).toBool(), true);
            QVERIFY(sender.broadcast());
        }
        sender.sendTo(broadcastAddress, "to everyone");
        QVERIFY2(sent.wait(10000), error.isEmpty() ? "" : qPrintable(error.at(0).at(0).value<Error>().message()));
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        QCOMPARE(datagramsIn(received).at(0).data, QByteArray("to everyone"));

        // And off again: refused again.
        sender.setBroadcast(false);
        QTRY_COMPARE_WITH_TIMEOUT(sender.broadcast(), false, 5000);
        sender.sendTo(broadcastAddress, "not any more");
        QVERIFY(error.wait(5000));
        QCOMPARE(error.at(0).at(0).value<Error>().code, std::error_code(EACCES, std::system_category()));
    }

    void joinGroup_reportsBadInput_data()
    {
        QTest::addColumn<QString>("bindHost");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("interfaceName");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("unicast ipv4") << "0.0.0.0" << "10.1.2.3" << "" << ErrorKind::InvalidArgument;
        QTest::newRow("unicast ipv6") << "::" << "fd00::1" << "" << ErrorKind::InvalidArgument;
        QTest::newRow("not an address") << "0.0.0.0" << "chat.example" << "" << ErrorKind::InvalidArgument;
        QTest::newRow("no such interface") << "0.0.0.0" << "239.1.1.1" << "nosuchif9" << ErrorKind::InvalidArgument;
        QTest::newRow("ipv6 group, ipv4 endpoint") << "0.0.0.0" << "ff12::1" << "" << ErrorKind::InvalidArgument;
        QTest::newRow("leave without join") << "0.0.0.0" << "-239.1.2.3" << "" << ErrorKind::Socket;
    }
    void joinGroup_reportsBadInput()
    {
        QFETCH(QString, bindHost);
        QFETCH(QString, group);
        QFETCH(QString, interfaceName);
        QFETCH(ErrorKind, kind);
        if (bindHost.contains(QLatin1Char(':')))
            SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        UdpEndpoint endpoint;
        QVERIFY(testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(bindHost)));
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        QSignalSpy joined(&endpoint, &UdpEndpoint::groupJoined);
        QSignalSpy left(&endpoint, &UdpEndpoint::groupLeft);
        if (group.startsWith(QLatin1Char('-')))
            endpoint.leaveGroup(group.mid(1), interfaceName);
        else
            endpoint.joinGroup(group, interfaceName);
        QVERIFY(error.wait(5000));
        const Error e = error.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, kind);
        QVERIFY2(e.message().contains(group.startsWith(QLatin1Char('-')) ? group.mid(1) : group), qPrintable(e.message()));
        QCOMPARE(joined.size() + left.size(), 0);
    }

    void flood_everyDatagramOfAPacedSenderIsCounted()
    {
        const int count = 5000;
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, UdpConfig{});
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        // The pacing: every batch is acknowledged with the running total, and the sender stays
        // within a window of that (so the socket buffer never overflows and nothing is lost).
        int total = 0;
        int batches = 0;
        connect(&endpoint, &UdpEndpoint::datagramsReceived, this, [&](const QList<Datagram> &batch) {
            total += static_cast<int>(batch.size());
            ++batches;
            endpoint.replyToLast("ack " + QByteArray::number(total));
        });

        Peer flood;
        QVERIFY(flood.startPython(QStringLiteral("udp_flood.py"),
                                  {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(count), QStringLiteral("64")}));
        QCOMPARE(flood.readLine(), QByteArray("ready"));
        QTRY_COMPARE_WITH_TIMEOUT(total, count, 60000);
        QCOMPARE(flood.readLine(30000), QByteArray("sent ") + QByteArray::number(count));

        const QList<Datagram> all = datagramsIn(received);
        QCOMPARE(all.size(), count);
        quint64 bytes = 0;
        for (int i = 0; i < count; ++i) {
            QCOMPARE(all.at(i).data, QByteArray("seq ") + QByteArray::number(i));   // loopback keeps order
            bytes += static_cast<quint64>(all.at(i).data.size());
        }
        QCOMPARE(endpoint.datagramsIn(), quint64(count));
        QCOMPARE(endpoint.bytesIn(), bytes);
        QCOMPARE(endpoint.datagramsOut(), quint64(batches));
        QVERIFY(batches <= count);
        qInfo("%d datagrams arrived in %d batches", count, batches);
    }

    // Datagrams the kernel has no room for wait in a queue with a bound; a datagram's cost there
    // is its bytes and an overhead, so a flood of empty datagrams meets the bound too instead of
    // queueing without end. The kernel's "no room" is injected (EAGAIN under every sendto); once
    // it has room again, everything that was queued goes, in order.
    void sendTo_queueOfEmptyDatagramsIsBounded()
    {
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, testsupport::udpConfigFor(QStringLiteral("127.0.0.1")));
        QVERIFY(port);
        QSignalSpy error(&endpoint, &UdpEndpoint::errorOccurred);
        const qint64 fits = limits::kUdpPendingSendBytes / limits::kDatagramOverheadBytes;
        const qint64 refused = 100;

        faults::Plan plan;
        plan.eagainOnSend = 1000000000;   // the kernel never has room while armed
        faults::arm(plan);
        auto disarm = qScopeGuard([] { faults::disarm(); });
        for (qint64 i = 0; i < fits + refused; ++i)
            endpoint.sendTo(Endpoint{QStringLiteral("127.0.0.1"), port, {}}, QByteArray());
        QTRY_COMPARE_WITH_TIMEOUT(error.size(), refused, 20000);
        for (const auto &args : error) {
            const Error e = args.at(0).value<Error>();
            QCOMPARE(e.kind, ErrorKind::Limit);
            QVERIFY2(e.message().contains(QStringLiteral("send queue is full")), qPrintable(e.message()));
        }
        faults::disarm();
        // The rest was kept and now goes; this endpoint is its own receiver.
        QTRY_COMPARE_WITH_TIMEOUT(endpoint.datagramsOut(), quint64(fits), 20000);
        QCOMPARE(error.size(), refused);
    }

    void close_freesThePortAndEmitsClosed()
    {
        UdpEndpoint first;
        const quint16 port = testsupport::openUdpOn(first, UdpConfig{});
        QVERIFY(port);
        QSignalSpy closed(&first, &UdpEndpoint::closed);
        first.close();
        QVERIFY(closed.wait(5000));
        QVERIFY(!first.isOpen());

        // Without SO_REUSEADDR a second bind would fail if the first socket were still open.
        UdpEndpoint second;
        QCOMPARE(testsupport::openUdpOn(second, testsupport::udpConfigFor(QStringLiteral("127.0.0.1"), port)), port);
        second.closeAndWait();
        QVERIFY(!second.isOpen());
        // Reopened, counters start again.
        QVERIFY(testsupport::openUdpOn(first, UdpConfig{}));
        QCOMPARE(first.datagramsIn(), quint64(0));
    }

    void destructor_stopsAWorkerBusyWithTraffic()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py")));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        auto endpoint = std::make_unique<UdpEndpoint>();
        QVERIFY(testsupport::openUdpOn(*endpoint, UdpConfig{}));
        for (int i = 0; i < 200; ++i)
            endpoint->sendTo(Endpoint{QStringLiteral("127.0.0.1"), serverPort, {}}, QByteArray::number(i));
        endpoint.reset();   // must not hang, crash or leak (the sanitizer builds check the last two)
    }

    void trace_recordsTheWorkersCallsUnderItsName()
    {
        TraceRecorder recorder;
        QSignalSpy recorded(&recorder, &TraceRecorder::eventsRecorded);
        UdpEndpoint endpoint;
        const quint16 port = testsupport::openUdpOn(endpoint, UdpConfig{});
        QVERIFY(port);
        QSignalSpy received(&endpoint, &UdpEndpoint::datagramsReceived);
        endpoint.sendTo(Endpoint{QStringLiteral("127.0.0.1"), port, {}}, "to myself");
        QTRY_COMPARE_WITH_TIMEOUT(datagramsIn(received).size(), 1, 5000);
        QCOMPARE(datagramsIn(received).at(0).sender, QStringLiteral("127.0.0.1:%1").arg(port));
        recorder.flush();
        QSet<QString> calls;
        for (const auto &args : recorded)
            for (const TraceEvent &event : args.at(0).value<QList<TraceEvent>>())
                if (event.thread == QLatin1String("udp"))
                    calls.insert(event.call);
        for (const char *call : {"socket", "bind", "sendto", "recvfrom"})
            QVERIFY2(calls.contains(QLatin1String(call)), call);
    }
};

QTEST_GUILESS_MAIN(TestUdpEndpoint)
#include "tst_udpendpoint.moc"
