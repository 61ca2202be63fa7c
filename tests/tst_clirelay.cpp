// socketeer relay, run the way a user runs it, between peers this project did not write (the
// tutorial's echo servers and clients in Python): the "listening on" line, bytes through unchanged,
// a 1-byte slicer that a Python reader sees as separate recv()s, duplicated UDP datagrams at the
// tutorial's UDP server, the impairments reported on stderr, and every mistake on the command line
// refused in words with exit status 2.

#include "clipeer.h"

#include <QTest>

using namespace testsupport;

namespace {

// The tutorial's echo server (TCP, or with udp the UDP one) on a free port.
quint16 startEcho(Peer &server, bool udp = false)
{
    if (!server.startPython(udp ? QStringLiteral("udp_server.py") : QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}))
        return 0;
    return server.readListeningPort();
}

quint16 startRelay(Cli &relay, quint16 target, const QStringList &more)
{
    QStringList arguments{QStringLiteral("relay"), QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"),
                          QStringLiteral("127.0.0.1:%1").arg(target)};
    if (!relay.start(arguments + more))
        return 0;
    QByteArray host;
    const quint16 port = relay.readPortLine("listening on", &host);
    return host == "127.0.0.1" ? port : 0;   // a bare port listens on loopback
}

} // namespace

class TestCliRelay : public QObject {
    Q_OBJECT

private slots:
    void tcp_bytesPassUnchangedBothWays()
    {
        Peer server;
        const quint16 target = startEcho(server);
        QVERIFY(target);
        Cli relay;
        const quint16 port = startRelay(relay, target, {});
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        // Every byte value, twice: nothing is text to the relay.
        QByteArray payload;
        for (int i = 0; i < 512; ++i)
            payload.append(static_cast<char>(i & 0xff));
        client.write(payload.toHex() + '\n');
        QCOMPARE(client.readLine(), "Received " + payload.toHex());
        QVERIFY(relay.waitForError("connection 1 from 127.0.0.1:"));
        client.closeWrite();
        QVERIFY(relay.waitForError("connection 1 closed"));
        QVERIFY(relay.stopsCleanlyOn(SIGTERM));
    }

    void tcp_oneByteSlicer_isSeenAsSeparateRecvs()
    {
        Peer server;
        const quint16 target = startEcho(server);
        QVERIFY(target);
        Cli relay;
        // Pieces 20 ms apart going down: the reader is surely waiting in recv() for each one.
        const quint16 port = startRelay(relay, target, {QStringLiteral("--slice"), QStringLiteral("1:0:20000@down")});
        QVERIFY(port);
        QVERIFY(relay.waitForError("impairments: slice=1:0:20000@down"));
        Peer reader;
        const QByteArray message = "hello, relay";
        QVERIFY(reader.startPython(QStringLiteral("tcp_recv_sizes.py"), {QString::number(port), QString::fromLatin1(message.toHex())}));
        int recvs = 0;
        for (;;) {
            bool ok = false;
            const QByteArray line = reader.readLine(30000, &ok);
            QVERIFY2(ok, "the reader stopped before it had the whole message back");
            if (line.startsWith("got ")) {
                QCOMPARE(line, "got " + message.toHex());
                break;
            }
            QCOMPARE(line, QByteArray("recv 1"));
            ++recvs;
        }
        QCOMPARE(recvs, message.size());
        QVERIFY(relay.waitForError("down: "));   // the slicing is reported where the class watches
        QVERIFY(relay.stopsCleanlyOn(SIGINT));
    }

    void udp_duplicateEveryDatagram_reachesTheServerTwice()
    {
        Peer server;
        const quint16 target = startEcho(server, true);
        QVERIFY(target);
        Cli relay;
        const quint16 port = startRelay(relay, target, {QStringLiteral("--udp"), QStringLiteral("--duplicate"), QStringLiteral("100@up")});
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write("6869\n");
        QVERIFY(client.readLine().endsWith(" 6869"));
        // The server printed it twice: once as sent, once as the relay's copy, from the same session.
        const QByteArray first = server.readLine();
        QVERIFY2(first.startsWith("From 127.0.0.1 ") && first.endsWith(" 6869"), first.constData());
        QCOMPARE(server.readLine(), first);
        QVERIFY(relay.waitForError("session 1 from 127.0.0.1:"));
        QVERIFY(relay.waitForError("session 1 up: "));
        QVERIFY(relay.stopsCleanlyOn(SIGTERM));
    }

    void lossyProfile_losesDatagramsAndSaysSo()
    {
        Peer server;
        const quint16 target = startEcho(server, true);
        QVERIFY(target);
        Cli relay;
        const quint16 port = startRelay(relay, target, {QStringLiteral("--udp"), QStringLiteral("--profile"), QStringLiteral("lossy-udp")});
        QVERIFY(port);
        QVERIFY(relay.waitForError("impairments: drop=5"));
        // 100 datagrams and their echoes, 5 % lost each way: none lost at all comes once in ~30,000 runs.
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_count_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("100"), QStringLiteral("1")}));
        const QByteArray counted = client.readLine(120000);
        QVERIFY2(counted.startsWith("sent 100 received "), counted.constData());
        const int received = counted.split(' ').constLast().toInt();
        QVERIFY2(received < 100 && received > 50, counted.constData());
        QVERIFY(relay.waitForError("session 1 "));
        const QByteArray errors = relay.errors();
        QVERIFY2(errors.contains("session 1 up: ") || errors.contains("session 1 down: "), errors.constData());
        QVERIFY(relay.stopsCleanlyOn(SIGTERM));
    }

    void impairText_keepsItsOwnDirections()
    {
        // --direction is the default of what names none; "@both" in --impair stays both.
        Peer server;
        const quint16 target = startEcho(server, true);
        QVERIFY(target);
        Cli relay;
        QVERIFY(startRelay(relay, target, {QStringLiteral("--udp"), QStringLiteral("--direction"), QStringLiteral("up"), QStringLiteral("--impair"),
                                           QStringLiteral("duplicate=1@both drop=2")}));
        QVERIFY(relay.waitForError("impairments: drop=2@up duplicate=1\n"));
        QVERIFY(relay.stopsCleanlyOn(SIGTERM));
    }

    void mistakes_areRefusedInWords_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("says");
        const QString to = QStringLiteral("127.0.0.1:9");
        QTest::newRow("no listen") << QStringList{QStringLiteral("--to"), to} << QByteArray("--listen is required");
        QTest::newRow("no target") << QStringList{QStringLiteral("--listen"), QStringLiteral("0")} << QByteArray("--to is required");
        QTest::newRow("target without port") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("localhost")}
                                             << QByteArray("--to");
        QTest::newRow("bad port") << QStringList{QStringLiteral("--listen"), QStringLiteral("70000"), QStringLiteral("--to"), to} << QByteArray("--listen");
        QTest::newRow("negative latency") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--latency"), QStringLiteral("-1")}
                                          << QByteArray("--latency");
        QTest::newRow("percent over 100") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--udp"), QStringLiteral("--drop"), QStringLiteral("150")}
                                          << QByteArray("--drop");
        QTest::newRow("drop on TCP") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--drop"), QStringLiteral("5")}
                                     << QByteArray("drop acts on UDP datagrams (add --udp)");
        QTest::newRow("slice on UDP") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--udp"), QStringLiteral("--slice"), QStringLiteral("1")}
                                      << QByteArray("slice acts on TCP connections");
        QTest::newRow("unknown profile") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--profile"), QStringLiteral("dial-up")}
                                         << QByteArray("lossy-udp");
        QTest::newRow("bad direction") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--direction"), QStringLiteral("sideways")}
                                       << QByteArray("--direction");
        QTest::newRow("bad impair text") << QStringList{QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--to"), to, QStringLiteral("--impair"), QStringLiteral("jitter=5")}
                                         << QByteArray("--impair");
    }
    void mistakes_areRefusedInWords()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, says);
        Cli relay;
        QVERIFY(relay.start(QStringList{QStringLiteral("relay")} + arguments));
        QVERIFY(relay.waitForFinished(10000));
        QCOMPARE(relay.exitCode(), 2);
        const QByteArray errors = relay.errors();
        QVERIFY2(errors.startsWith("socketeer relay: ") && errors.contains(says), errors.constData());
    }

    void refusedTarget_closesTheClientWithAReason()
    {
        // A port nobody listens on: bound, read back, closed — the relay's connect is refused.
        Peer portFinder;
        QVERIFY(portFinder.startPython(QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}));
        const quint16 dead = portFinder.readListeningPort();
        QVERIFY(dead);
        portFinder.process().kill();
        QVERIFY(portFinder.waitForFinished());
        Cli relay;
        const quint16 port = startRelay(relay, dead, {});
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QVERIFY(relay.waitForError("connection 1 closed: "));
        QVERIFY2(relay.errors().toLower().contains("refused"), relay.errors().constData());
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));   // an end, without a byte of answer
        QVERIFY(relay.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliRelay)
#include "tst_clirelay.moc"
