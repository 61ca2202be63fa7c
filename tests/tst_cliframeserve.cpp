// `--frame` on serve and udp and `--verify` on connect and serve (app/cli/frameoption.h), run as a
// script runs them, against tutorial-style Python peers and nc.

#include "clipeer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

namespace {

quint16 startServe(Cli &serve, const QStringList &options)
{
    if (!serve.start(QStringList{u"serve"_s, u"--port"_s, u"0"_s} + options))
        return 0;
    return serve.readPortLine("listening on");
}

} // namespace

class TestCliFrameServe : public QObject {
    Q_OBJECT

private slots:
    void help_documentsFrameAndVerify_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArrayList>("mentions");
        QTest::newRow("serve") << u"serve"_s << QByteArrayList{"--frame", "--verify", "every client as one message", "client 2: message 3"};
        QTest::newRow("connect") << u"connect"_s << QByteArrayList{"--frame", "--verify", "message 3: bad crc16-modbus"};
        QTest::newRow("udp") << u"udp"_s << QByteArrayList{"--frame", "exactly one message", "length header that disagrees"};
    }
    void help_documentsFrameAndVerify()
    {
        QFETCH(QString, command);
        QFETCH(QByteArrayList, mentions);
        Cli cli;
        QVERIFY(cli.start({command, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const QByteArray &mention : mentions)
            QVERIFY2(help.contains(mention), mention.constData());
    }

    // A stream without framing has no messages to check; echo prints nothing to frame.
    void verifyWithoutFrame_andFrameWithEcho_areUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("why");
        QTest::newRow("connect --verify") << QStringList{u"connect"_s, u"--verify"_s, u"crc16-modbus"_s, u"127.0.0.1"_s, u"9"_s}
                                          << QByteArray("--verify needs --frame");
        QTest::newRow("serve --verify") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--verify"_s, u"crc8"_s}
                                        << QByteArray("--verify needs --frame");
        QTest::newRow("serve --frame --echo") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--frame"_s, u"line"_s, u"--echo"_s}
                                              << QByteArray("with --echo nothing is");
        QTest::newRow("serve bad spec") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--frame"_s, u"len:3"_s}
                                        << QByteArray("--frame:");
        QTest::newRow("udp bad spec") << QStringList{u"udp"_s, u"--frame"_s, u"delim:zz"_s} << QByteArray("--frame:");
    }
    void verifyWithoutFrame_andFrameWithEcho_areUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, why);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(why), cli.errors().constData());
    }

    // Two clients, one sending a message in two pieces around the other's whole message: each
    // message is one line of stdout, never mixed with another client's bytes.
    void serve_frame_eachClientsMessagesAreWholeLines()
    {
        Cli serve;
        const quint16 port = startServe(serve, {u"--frame"_s, u"len:2be"_s});
        QVERIFY(port);
        const QByteArray first = QByteArray::fromHex("000b") + "hello world";
        Peer a, b;
        QVERIFY(a.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1(first.left(7).toHex()),
                                                           QString::fromLatin1(first.mid(7).toHex())}));
        QCOMPARE(a.readLine(), QByteArray("sent 7"));
        QVERIFY(serve.waitForError("client 1 connected"));
        QVERIFY(b.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1((QByteArray::fromHex("0002") + "hi").toHex())}));
        QCOMPARE(b.readLine(), QByteArray("sent 4"));
        QCOMPARE(serve.readLine(20000), QByteArray("hi"));
        a.write("next\n");
        QCOMPARE(a.readLine(), QByteArray("sent 6"));
        QCOMPARE(serve.readLine(20000), QByteArray("hello world"));
        a.write("done\n");
        b.write("done\n");
        QVERIFY(a.waitForFinished());
        QVERIFY(b.waitForFinished());
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // Stdin's lines go to every client as framed messages (the last one without its newline too);
    // a line the framing cannot carry is left out with a warning that names it.
    void serve_frame_stdinLinesGoFramedToEveryClient()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        Cli serve;
        const quint16 port = startServe(serve, {u"--frame"_s, u"len:1"_s});
        QVERIFY(port);
        Peer first, second;
        QVERIFY(first.startProgram(u"nc"_s, {u"-d"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(serve.waitForError("client 1 connected"));
        QVERIFY(second.startProgram(u"nc"_s, {u"-d"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(serve.waitForError("client 2 connected"));
        serve.write("one\r\n" + QByteArray(300, 'x') + "\ntwo\nlast");
        serve.closeWrite();
        const QByteArray expected = QByteArray("\x03one\x03two\x04last");
        QCOMPARE(first.readBytes(expected.size(), 20000), expected);
        QCOMPARE(second.readBytes(expected.size(), 20000), expected);
        QVERIFY2(serve.waitForError("line 2 of stdin was not sent"), serve.errors().constData());
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // A stdout nobody reads any more stops the framed server, as it stops the unframed one: the
    // messages have nowhere to go.
    void serve_frame_brokenStdoutStopsTheServer()
    {
        // serve | head -n 1: head passes the "listening on" line and exits, and the pipe is broken.
        Cli serve;
        Peer head;
        serve.process().setStandardOutputProcess(&head.process());
        QVERIFY(head.startProgram(u"head"_s, {u"-n"_s, u"1"_s}));
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--frame"_s, u"line"_s}));
        const QByteArray line = head.readLine();
        QVERIFY2(line.startsWith("listening on "), line.constData());
        const quint16 port = static_cast<quint16>(line.split(' ').constLast().toUInt());
        QVERIFY(port);
        QVERIFY(head.waitForFinished());
        Peer client;
        QVERIFY(client.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1(QByteArray("one\n").toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 4"));
        QVERIFY2(serve.waitForError("cannot write to standard output"), serve.errors().constData());
        QVERIFY(serve.waitForFinished(20000));
        QCOMPARE(serve.exitCode(), 1);
        client.write("done\n");
        QVERIFY(client.waitForFinished());
    }

    // --verify: every message is written; the bad one is reported after it, with its client.
    void serve_verify_reportsTheBadMessageWithItsClient()
    {
        Cli serve;
        const quint16 port = startServe(serve, {u"--frame"_s, u"line"_s, u"--verify"_s, u"crc16-modbus"_s});
        QVERIFY(port);
        Peer client;
        const QByteArray stream = QByteArray("123456789\x37\x4b\n") + QByteArray("123456789\x00\x00\n", 12);
        QVERIFY(client.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1(stream.toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 24"));
        QCOMPARE(serve.readLine(20000), QByteArray("123456789\x37\x4b"));
        QCOMPARE(serve.readLine(20000), QByteArray("123456789\x00\x00", 11));
        QVERIFY2(serve.waitForError("client 1: message 2: bad crc16-modbus: expected 37 4B, found 00 00"), serve.errors().constData());
        QVERIFY(!serve.errors().contains("message 1:"));
        client.write("done\n");
        QVERIFY(client.waitForFinished());
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // connect --verify against the tutorial's framing server: the bad message is reported, exit 1.
    void connect_verify_reportsTheBadMessageAndExitsOne()
    {
        const QByteArray good = QByteArray("123456789\x37\x4b");
        const QByteArray bad = QByteArray("12345678\x37\x4b");
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, {u"0"_s, u"127.0.0.1"_s, u"len:2be"_s, QString::fromLatin1(good.toHex()),
                                                      QString::fromLatin1(bad.toHex()), QString::fromLatin1(good.toHex())}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"len:2be"_s, u"--verify"_s, u"crc16-modbus"_s, u"127.0.0.1"_s,
                              QString::number(port)}));
        client.closeWrite();
        const QByteArray expected = good + '\n' + bad + '\n' + good + '\n';
        QCOMPARE(client.readBytes(expected.size(), 20000), expected);
        QVERIFY(client.waitForFinished(20000));
        QVERIFY2(client.errors().contains("message 2: bad crc16-modbus: expected"), client.errors().constData());
        QVERIFY(!client.errors().contains("message 1:"));
        QVERIFY(!client.errors().contains("message 3:"));
        QCOMPARE(client.exitCode(), 1);
        QVERIFY(peer.waitForFinished());
    }

    // udp --frame: a datagram is one message, printed without its header; one whose header
    // disagrees with its size is printed whole and reported. Lines sent get the framing, which the
    // tutorial's UDP server echoes back.
    void udp_frame_eachDatagramIsOneMessage()
    {
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--frame"_s, u"len:1"_s, u"--hex-input"_s, u"--hex-lines"_s, u"--to"_s, u"127.0.0.1:%1"_s.arg(serverPort)}));
        const quint16 port = udp.readPortLine("bound");
        QVERIFY(port);
        udp.write("6f6b\n");   // "ok" → 02 6f 6b
        QVERIFY(server.readLine().endsWith(" 026f6b"));
        QVERIFY(udp.readLine(20000).endsWith(" 6f6b"));   // the echo, without its header

        Peer sender;
        QVERIFY(sender.startPython(u"udp_sender.py"_s));
        QCOMPARE(sender.readLine(), QByteArray("ready"));
        sender.write(u"127.0.0.1 %1 05616263\n"_s.arg(port).toLatin1());
        QVERIFY(udp.readLine(20000).endsWith(" 05616263"));   // whole: it is not one message
        QVERIFY2(udp.waitForError("is not one message: its length header says 5 but the datagram of 4 bytes carries 3"),
                 udp.errors().constData());
        sender.closeWrite();
        QVERIFY(sender.waitForFinished());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliFrameServe)
#include "tst_cliframeserve.moc"
