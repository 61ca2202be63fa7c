// --append, --checksum-order and --verify on the command line (issue 11's checksums), against
// peers this project did not write: tests/peers/checksum.py's tutorial server checks what arrives
// with its own Python implementation, and the tutorial's UDP server and client carry datagrams.

#include "clipeer.h"

#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

class TestCliChecksum : public QObject {
    Q_OBJECT

private slots:
    void help_documentsChecksumOptions_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("connect") << u"connect"_s << QStringList{u"--append"_s, u"--checksum-order"_s, u"crc16-modbus"_s, u"37 4B"_s};
        QTest::newRow("serve") << u"serve"_s << QStringList{u"--append"_s, u"--checksum-order"_s};
        QTest::newRow("udp") << u"udp"_s << QStringList{u"--append"_s, u"--checksum-order"_s, u"--checksum-range"_s, u"--verify"_s, u"bad crc16-modbus"_s};
    }
    void help_documentsChecksumOptions()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, mentions);
        Cli cli;
        QVERIFY(cli.start({command, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const QString &mention : mentions)
            QVERIFY2(help.contains(mention.toUtf8()), qPrintable(mention));
    }

    // The example, and the other conventions, checked by Python on the server's side.
    void connect_appendsCheckValuePythonVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("order");      // --checksum-order, empty for the convention
        QTest::addColumn<QString>("peerOrder");  // what Python is told
        QTest::addColumn<QByteArray>("received");
        QTest::newRow("crc16-modbus, as the issue says") << u"crc16-modbus"_s << QString() << u"le"_s << QByteArray("313233343536373839374b");
        QTest::newRow("crc16-modbus be") << u"crc16-modbus"_s << u"be"_s << u"be"_s << QByteArray("3132333435363738394b37");
        QTest::newRow("crc16-xmodem") << u"crc16-xmodem"_s << QString() << u"be"_s << QByteArray("31323334353637383931c3");
        QTest::newRow("crc32") << u"crc32"_s << QString() << u"le"_s << QByteArray("3132333435363738392639f4cb");
        QTest::newRow("lrc") << u"lrc"_s << QString() << u"le"_s << QByteArray("31323334353637383923");
    }
    void connect_appendsCheckValuePythonVerifies()
    {
        QFETCH(QString, name);
        QFETCH(QString, order);
        QFETCH(QString, peerOrder);
        QFETCH(QByteArray, received);
        Peer server;
        QVERIFY(server.startPython(u"checksum.py"_s, {u"server"_s, u"0"_s, name, peerOrder}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);

        Cli client;
        QStringList arguments{u"connect"_s, u"--append"_s, name};
        if (!order.isEmpty())
            arguments << u"--checksum-order"_s << order;
        QVERIFY(client.start(arguments << u"127.0.0.1"_s << QString::number(port)));
        client.write("123456789");   // one write into the pipe: one message
        client.closeWrite();
        QCOMPARE(server.readLine(), "received " + received);
        QCOMPARE(server.readLine(), QByteArray("ok"));
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);
    }

    // A mistake in the checksum options is a usage error before anything connects: the server's
    // first client is the good one that follows.
    void connect_badChecksumOption_sendsNothing_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("mention");
        QTest::newRow("unknown name") << QStringList{u"--append"_s, u"crc17"_s} << QByteArray("crc17");
        QTest::newRow("catalogue spelling") << QStringList{u"--append"_s, u"CRC-16/MODBUS"_s} << QByteArray("crc16-modbus, crc16-ccitt-false");
        QTest::newRow("bad order") << QStringList{u"--append"_s, u"crc32"_s, u"--checksum-order"_s, u"little"_s} << QByteArray("little");
        QTest::newRow("order alone") << QStringList{u"--checksum-order"_s, u"be"_s} << QByteArray("--checksum-order needs --append");
        QTest::newRow("verify is not for a stream") << QStringList{u"--verify"_s, u"crc8"_s} << QByteArray("verify");
    }
    void connect_badChecksumOption_sendsNothing()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, mention);
        Peer server;
        QVERIFY(server.startPython(u"checksum.py"_s, {u"server"_s, u"0"_s, u"crc8"_s, u"le"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);

        Cli bad;
        QVERIFY(bad.start(QStringList{u"connect"_s} << options << u"127.0.0.1"_s << QString::number(port)));
        bad.write("123456789");
        bad.closeWrite();
        QVERIFY(bad.waitForFinished());
        QCOMPARE(bad.exitCode(), 2);
        const QByteArray errors = bad.errors();
        QVERIFY2(errors.contains(mention), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
        QVERIFY(bad.process().readAllStandardOutput().isEmpty());

        Cli good;
        QVERIFY(good.start({u"connect"_s, u"--append"_s, u"crc8"_s, u"127.0.0.1"_s, QString::number(port)}));
        good.write("123456789");
        good.closeWrite();
        QCOMPARE(server.readLine(), QByteArray("received 313233343536373839f4"));
        QCOMPARE(server.readLine(), QByteArray("ok"));
        QVERIFY(good.waitForFinished());
        QCOMPARE(good.exitCode(), 0);
    }

    void serve_appendsToWhatStdinSends()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--append"_s, u"crc16-modbus"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(server.waitForError("connected"));
        QCOMPARE(client.readLine().left(9), QByteArray("connected"));
        server.write("123456789");
        // tcp_client.py's "wait" reads one chunk and prints it as hex: however TCP cuts the message.
        QByteArray received;
        while (received.size() < 22) {
            client.write("wait\n");
            const QByteArray line = client.readLine();
            QVERIFY2(line.startsWith("Received ") && line.size() > 9, line.constData());
            received += line.mid(9);
        }
        QCOMPARE(received, QByteArray("313233343536373839374b"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void serve_appendWithEcho_isUsageError()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--append"_s, u"crc8"_s}));
        QVERIFY(server.waitForFinished());
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.errors().contains("--echo"));
    }

    // Each line is a datagram that leaves with its check value; the tutorial's server shows it and
    // sends it back, and --verify finds it good (nothing on stderr).
    void udp_appendsToEachDatagramAndVerifiesTheAnswer()
    {
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);

        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--to"_s, u"127.0.0.1:"_s + QString::number(serverPort), u"--append"_s, u"crc16-modbus"_s, u"--verify"_s,
                           u"crc16-modbus"_s, u"--hex-input"_s, u"--hex-lines"_s}));
        const quint16 ownPort = udp.readPortLine("bound ");
        QVERIFY(ownPort);
        udp.write("313233343536373839\n\n");
        const QByteArray from = "From 127.0.0.1 " + QByteArray::number(ownPort) + ' ';
        QCOMPARE(server.readLine(), from + "313233343536373839374b");
        QCOMPARE(server.readLine(), from + "ffff");   // the empty message's check value
        const QByteArray sender = "127.0.0.1:" + QByteArray::number(serverPort) + ' ';
        QCOMPARE(udp.readLine(), sender + "313233343536373839374b");
        QCOMPARE(udp.readLine(), sender + "ffff");
        QVERIFY(udp.stopsCleanlyOn(SIGINT));
        QVERIFY2(udp.errors().isEmpty(), udp.errors().constData());
    }

    // Modbus ASCII style: the LRC leaves out the leading ':' (the range 1:), on both sides.
    void udp_checksumRange_coversOnlyTheSlice()
    {
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--hex-input"_s, u"--hex-lines"_s, u"--to"_s, u"127.0.0.1:"_s + QString::number(serverPort), u"--append"_s, u"lrc"_s,
                           u"--verify"_s, u"lrc"_s, u"--checksum-range"_s, u"1:"_s}));
        const quint16 ownPort = udp.readPortLine("bound ");
        QVERIFY(ownPort);
        udp.write("3a0103\n");
        // 0x100 - (0x01 + 0x03) = 0xFC; over the whole message it would be 0xC2.
        QCOMPARE(server.readLine(), "From 127.0.0.1 " + QByteArray::number(ownPort) + " 3a0103fc");
        QCOMPARE(udp.readLine(), "127.0.0.1:" + QByteArray::number(serverPort) + " 3a0103fc");
        QVERIFY(udp.stopsCleanlyOn(SIGINT));
        QVERIFY2(udp.errors().isEmpty(), udp.errors().constData());
    }

    // Bad datagrams are printed as always, reported on stderr after their line, and the command goes on.
    void udp_verify_reportsBadDatagramsAndContinues()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--echo"_s, u"--hex-lines"_s, u"--verify"_s, u"crc16-modbus"_s}));
        const quint16 ownPort = udp.readPortLine("bound ");
        QVERIFY(ownPort);
        Peer client;
        QVERIFY(client.startPython(u"udp_client.py"_s, {u"127.0.0.1"_s, QString::number(ownPort)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write("3132333435363738390000\n37\n313233343536373839374b\n");
        for (const QByteArray &payload : {QByteArray("3132333435363738390000"), QByteArray("37"), QByteArray("313233343536373839374b")}) {
            const QByteArray line = client.readLine();   // the echo: the command went on after a bad one
            QCOMPARE(line, "From 127.0.0.1 " + QByteArray::number(ownPort) + ' ' + payload);
        }
        const QByteArray first = udp.readLine();
        const QByteArray sender = first.left(first.indexOf(' '));
        QVERIFY2(sender.startsWith("127.0.0.1:"), first.constData());
        QCOMPARE(first, sender + " 3132333435363738390000");
        QCOMPARE(udp.readLine(), sender + " 37");
        QCOMPARE(udp.readLine(), sender + " 313233343536373839374b");
        QVERIFY(udp.stopsCleanlyOn(SIGINT));
        const QByteArray errors = udp.errors();
        QCOMPARE(errors,
                 "socketeer udp: datagram from " + sender + ": bad crc16-modbus: expected 37 4B, found 00 00\n"
                 "socketeer udp: datagram from " + sender + ": bad crc16-modbus: too short for its 2-byte check value\n");
    }

    void udp_badChecksumOption_isUsageError_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("mention");
        QTest::newRow("unknown append") << QStringList{u"--append"_s, u"md5"_s} << QByteArray("--append: unknown checksum \"md5\"");
        QTest::newRow("unknown verify") << QStringList{u"--verify"_s, u"crc64"_s} << QByteArray("--verify: unknown checksum \"crc64\"");
        QTest::newRow("bad order") << QStringList{u"--verify"_s, u"crc32"_s, u"--checksum-order"_s, u"be2"_s} << QByteArray("be2");
        QTest::newRow("order alone") << QStringList{u"--checksum-order"_s, u"le"_s} << QByteArray("--checksum-order needs");
        QTest::newRow("bad range") << QStringList{u"--append"_s, u"lrc"_s, u"--checksum-range"_s, u"1-3"_s} << QByteArray("--checksum-range: ");
        QTest::newRow("range alone") << QStringList{u"--checksum-range"_s, u"1:"_s} << QByteArray("--checksum-range needs");
    }
    void udp_badChecksumOption_isUsageError()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, mention);
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        Cli udp;
        QVERIFY(udp.start(QStringList{u"udp"_s, u"--to"_s, u"127.0.0.1:"_s + QString::number(serverPort)} << options));
        udp.write("hello\n");
        udp.closeWrite();
        QVERIFY(udp.waitForFinished());
        QCOMPARE(udp.exitCode(), 2);
        const QByteArray errors = udp.errors();
        QVERIFY2(errors.contains(mention), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
        QVERIFY(udp.process().readAllStandardOutput().isEmpty());   // not even bound
    }
};

QTEST_GUILESS_MAIN(TestCliChecksum)
#include "tst_clichecksum.moc"
