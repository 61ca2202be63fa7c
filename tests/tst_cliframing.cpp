// `socketeer connect --frame SPEC` (app/cli/frameoption.h) run as a script runs it, against a
// tutorial-style Python server that frames with struct.pack or a delimiter and sends in awkward
// pieces, and against the tutorial's echo server with a megabyte of lines.

#include "clipeer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

class TestCliFraming : public QObject {
    Q_OBJECT

private slots:
    void connect_help_documentsFrame()
    {
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *mention : {"--frame", "len:2be", "delim:HEX", "fixed:N", "max=BYTES", "followed by a newline",
                                    "each line of stdin is sent as one message"})
            QVERIFY2(help.contains(mention), mention);
    }

    void connect_frame_messagesOnePerLineBothWays_data()
    {
        QTest::addColumn<QString>("spec");
        for (const char *s : {"line", "crlf", "delim:03", "len:1", "len:2be", "len:2le", "len:4be", "len:4le,header"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void connect_frame_messagesOnePerLineBothWays()
    {
        QFETCH(QString, spec);
        const QList<QByteArray> fromPeer = {"hello", "\xe4\xbd\xa0\xe5\xa5\xbd", "", "a b c"};
        QStringList arguments{u"0"_s, u"127.0.0.1"_s, spec};
        for (const QByteArray &message : fromPeer)
            arguments << QString::fromLatin1(message.toHex());
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, arguments));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);

        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, spec, u"127.0.0.1"_s, QString::number(port)}));
        // Lines of stdin, one with CR LF, the last without a newline: each one message.
        client.write("one\r\ntwo\n\nlast");
        client.closeWrite();
        for (const QByteArray expected : {"one", "two", "", "last"}) {
            bool ok = false;
            QCOMPARE(peer.readLine(20000, &ok), "got " + expected.toHex());
            QVERIFY2(ok, client.errors().constData());
        }
        QCOMPARE(peer.readLine(20000), QByteArray("done"));

        QByteArray expected;
        for (const QByteArray &message : fromPeer)
            expected += message + '\n';
        QCOMPARE(client.readBytes(expected.size(), 20000), expected);
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(client.process().readAllStandardOutput().isEmpty());
        QVERIFY(peer.waitForFinished());
    }

    // --append with --frame: the check value is part of each message, inside its frame (the
    // length counts it), as a Modbus-over-TCP-style device expects.
    void connect_frame_withAppend_putsTheCheckValueInsideTheFrame()
    {
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, {u"0"_s, u"127.0.0.1"_s, u"len:2be"_s}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"len:2be"_s, u"--append"_s, u"crc16-modbus"_s, u"127.0.0.1"_s,
                              QString::number(port)}));
        client.write("123456789\n");
        client.closeWrite();
        bool ok = false;
        QCOMPARE(peer.readLine(20000, &ok), "got " + QByteArray("123456789\x37\x4b").toHex());
        QVERIFY2(ok, client.errors().constData());
        QCOMPARE(peer.readLine(20000), QByteArray("done"));
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(peer.waitForFinished());
    }

    void connect_frame_unfinishedLastMessageIsWrittenAndWarned()
    {
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, {u"0"_s, u"127.0.0.1"_s, u"len:2be"_s, u"6f6b"_s, u"partial:6162636465"_s}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"len:2be"_s, u"127.0.0.1"_s, QString::number(port)}));
        client.closeWrite();
        // Half the frame (the peer cuts its 7 bytes at 3): the header, 00 05, and "a".
        const QByteArray expected = QByteArray("ok\n") + QByteArray("\x00\x05" "a", 3) + '\n';
        QCOMPARE(client.readBytes(expected.size(), 20000), expected);
        QVERIFY(client.waitForError("ended inside a message", 20000));
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
    }

    void connect_frame_overMaximumWithCloseExitsOne()
    {
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, {u"0"_s, u"127.0.0.1"_s, u"len:2be"_s, u"6869"_s, u"68656c6c6f"_s, u"6f6b"_s}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"len:2be,max=3,close"_s, u"127.0.0.1"_s, QString::number(port)}));
        client.closeWrite();
        QCOMPARE(client.readLine(20000), QByteArray("hi"));
        QVERIFY2(client.waitForError("over the maximum of 3", 20000), client.errors().constData());
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 1);
        QVERIFY(client.process().readAllStandardOutput().isEmpty());   // nothing after the bad message
    }

    void connect_frame_overMaximumWithResyncGoesOn()
    {
        Peer peer;
        QVERIFY(peer.startPython(u"framed_peer.py"_s, {u"0"_s, u"127.0.0.1"_s, u"delim:03"_s, u"6869"_s, u"68656c6c6f"_s, u"6f6b"_s}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"delim:03,max=3"_s, u"127.0.0.1"_s, QString::number(port)}));
        client.closeWrite();
        QCOMPARE(client.readBytes(6, 20000), QByteArray("hi\nok\n"));
        QVERIFY(client.waitForFinished(20000));
        QVERIFY2(client.errors().contains("no delimiter within 3 bytes"), client.errors().constData());
        QCOMPARE(client.exitCode(), 0);
    }

    void connect_frame_aMegabyteOfLinesThroughTheEchoServer()
    {
        // More than the pacing mark in flight: stdin is paused and resumed, and no line is lost,
        // split or reordered.
        Peer echo;
        QVERIFY(echo.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);
        QByteArray input;
        for (int i = 0; i < 20000; ++i)
            input += "line " + QByteArray::number(i) + " " + QByteArray(40, 'x') + '\n';
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"line"_s, u"127.0.0.1"_s, QString::number(port)}));
        client.write(input);
        client.closeWrite();
        const QByteArray got = client.readBytes(input.size(), 60000);
        QVERIFY2(got == input, qPrintable(u"%1 of %2 bytes came back"_s.arg(got.size()).arg(input.size())));
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
    }

    void connect_frame_badSpecIsAUsageErrorNamingIt_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("unknown") << u"json"_s << QByteArray("\"json\"");
        QTest::newRow("bad hex") << u"delim:zz"_s << QByteArray("\"z\"");
        QTest::newRow("fixed:0") << u"fixed:0"_s << QByteArray("\"fixed:0\"");
        QTest::newRow("max over the cap") << u"line,max=1G"_s << QByteArray("\"max=1G\"");
    }
    void connect_frame_badSpecIsAUsageErrorNamingIt()
    {
        QFETCH(QString, spec);
        QFETCH(QByteArray, named);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, spec, u"127.0.0.1"_s, u"9"_s}));
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 2);
        const QByteArray errors = client.errors();
        QVERIFY2(errors.startsWith("socketeer connect: --frame: ") && errors.contains(named), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliFraming)
#include "tst_cliframing.moc"
