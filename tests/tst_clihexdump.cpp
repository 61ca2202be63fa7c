// --hex and --timestamps on the command line, against peers this project did not write (the
// tutorial's python scripts and nc), on loopback: the dump is read back into bytes the way a
// person reads it (the hex columns, offsets that continue the stream) and must equal what the peer
// sent; timestamps are the local time with the zone's offset, in the zone TZ names.

#include "clipeer.h"
#include "testutil.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

namespace {

const QRegularExpression &stampPattern()
{
    static const QRegularExpression pattern(u"^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d)) "_s);
    return pattern;
}

struct Chunk {
    QString source;      // "client 1", a datagram's sender "127.0.0.1:5000", or empty
    QString stamp;       // with --timestamps
    quint64 from = 0;
    quint64 to = 0;
    QByteArray bytes;    // read back from the dump's hex columns
    bool empty = false;  // "length=0": an empty datagram
};

// Parses "< [TIME ][client N |SENDER ]length=L from=A to=B" headers ("length=0" alone for an empty
// datagram) and their dump lines. Fails (returns
// false with `why`) on anything else, on a dump line whose offset is not the next byte's, and on
// a text column that does not show the bytes.
bool parseDump(const QByteArray &text, QList<Chunk> *chunks, QString *why)
{
    static const QRegularExpression header(
        u"^< (?:(\\S+T\\S+) )?(?:(client \\d+|\\S+:\\d+) )?length=(\\d+)(?: from=(\\d+) to=(\\d+))?$"_s);
    static const QRegularExpression line(u"^([0-9a-f]{4,})  ((?:[0-9a-f]{2} |   ){8} (?:[0-9a-f]{2} |   ){8}) (.{1,16})$"_s);
    for (const QByteArray &raw : text.split('\n')) {
        if (raw.isEmpty())
            continue;
        const QString row = QString::fromLatin1(raw);
        if (const auto h = header.match(row); h.hasMatch()) {
            Chunk chunk;
            chunk.stamp = h.captured(1);
            chunk.source = h.captured(2);
            if (h.captured(4).isEmpty()) {   // nothing received: a header alone
                if (h.captured(3) != u"0"_s) {
                    *why = u"no from/to for bytes: "_s + row;
                    return false;
                }
                chunk.empty = true;
                chunks->append(chunk);
                continue;
            }
            chunk.from = h.captured(4).toULongLong();
            chunk.to = h.captured(5).toULongLong();
            if (h.captured(3).toULongLong() != chunk.to - chunk.from + 1) {
                *why = u"length disagrees with from/to: "_s + row;
                return false;
            }
            chunks->append(chunk);
            continue;
        }
        const auto l = line.match(row);
        if (!l.hasMatch() || chunks->isEmpty() || chunks->last().empty) {
            *why = u"not a dump line: "_s + row;
            return false;
        }
        Chunk &chunk = chunks->last();
        if (l.captured(1).toULongLong(nullptr, 16) != chunk.from + quint64(chunk.bytes.size())) {
            *why = u"offset is not the next byte's: "_s + row;
            return false;
        }
        const QByteArray bytes = QByteArray::fromHex(l.captured(2).toLatin1());
        QString shown;
        for (const char c : bytes)
            shown += (uchar(c) >= 0x20 && uchar(c) < 0x7f) ? QChar::fromLatin1(c) : u'.';
        if (shown != l.captured(3)) {
            *why = u"text column is not the bytes: "_s + row;
            return false;
        }
        chunk.bytes += bytes;
    }
    for (const Chunk &chunk : std::as_const(*chunks)) {
        if (!chunk.empty && quint64(chunk.bytes.size()) != chunk.to - chunk.from + 1) {
            *why = u"a chunk's dump has %1 bytes, its header says %2"_s.arg(chunk.bytes.size()).arg(chunk.to - chunk.from + 1);
            return false;
        }
    }
    return true;
}

QByteArray everyByte()
{
    return testsupport::nonUtf8Bytes() + testsupport::chineseUtf8() + "\r\n\x1b[31m";
}

} // namespace

class TestCliHexDump : public QObject {
    Q_OBJECT

private slots:
    void connect_hex_dumpsWhatTheServerSent()
    {
        const QByteArray greeting = everyByte();
        Peer server;
        QVERIFY(server.startPython(u"tcp_greeting_server.py"_s, {u"0"_s, u"127.0.0.1"_s, QString::fromLatin1(greeting.toHex())}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);

        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--hex"_s, u"127.0.0.1"_s, QString::number(port)}));
        client.closeWrite();
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);
        const QByteArray out = client.process().readAllStandardOutput();
        QList<Chunk> chunks;
        QString why;
        QVERIFY2(parseDump(out, &chunks, &why), qPrintable(why + u"\n"_s + QString::fromLatin1(out)));
        QVERIFY(!chunks.isEmpty());
        QByteArray received;
        quint64 next = 0;
        for (const Chunk &chunk : std::as_const(chunks)) {
            QCOMPARE(chunk.from, next);   // each chunk continues the stream
            QVERIFY(chunk.source.isEmpty() && chunk.stamp.isEmpty());
            received += chunk.bytes;
            next = chunk.to + 1;
        }
        QCOMPARE(received, greeting);
        // Nothing of the raw bytes reaches the terminal: the escape sequence is only in the hex.
        QVERIFY(!out.contains('\x1b'));
    }

    void serve_hexTimestamps_dumpsEachClientsPiecesAsTheyCame()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--hex"_s, u"--timestamps"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);

        const QByteArray first = "hello";
        const QByteArray second = QByteArray("\x00\xff", 2) + testsupport::chineseUtf8() + " world\n";
        Peer client;
        QVERIFY(client.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1(first.toHex()),
                                                                QString::fromLatin1(second.toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 5"));
        // Its dump (a header and one line) before the second piece leaves: two chunks, not one.
        bool ok = false;
        const QByteArray header1 = server.readLine(10000, &ok);
        QVERIFY(ok);
        const QByteArray dump1 = server.readLine(10000, &ok);
        QVERIFY(ok);
        client.write("\n");
        QCOMPARE(client.readLine(), "sent " + QByteArray::number(second.size()));
        QByteArray rest;
        while (rest.count('\n') < 1 + (second.size() + 15) / 16) {
            const QByteArray line = server.readLine(10000, &ok);
            QVERIFY2(ok, rest.constData());
            rest += line + '\n';
        }
        client.write("\n");
        QVERIFY(client.waitForFinished());
        QVERIFY(server.waitForError("disconnected"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));

        QList<Chunk> chunks;
        QString why;
        const QByteArray all = header1 + '\n' + dump1 + '\n' + rest;
        QVERIFY2(parseDump(all, &chunks, &why), qPrintable(why + u"\n"_s + QString::fromLatin1(all)));
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks.at(0).bytes, first);
        QCOMPARE(chunks.at(0).from, 0u);
        QCOMPARE(chunks.at(1).bytes, second);
        QCOMPARE(chunks.at(1).from, quint64(first.size()));
        for (const Chunk &chunk : std::as_const(chunks)) {
            QVERIFY2(chunk.source.startsWith(u"client "_s), qPrintable(chunk.source));
            const QDateTime when = QDateTime::fromString(chunk.stamp, Qt::ISODateWithMs);
            QVERIFY2(when.isValid(), qPrintable(chunk.stamp));
            QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTime())) < 60);
        }
    }

    void timestamps_areLocalTimeWithTheZonesOffset_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("offset");
        QTest::newRow("Shanghai") << u"Asia/Shanghai"_s << u"+08:00"_s;
        QTest::newRow("New York (winter or summer)") << u"America/New_York"_s << u"-0"_s;
        QTest::newRow("UTC") << u"UTC"_s << u"Z"_s;
    }
    void timestamps_areLocalTimeWithTheZonesOffset()
    {
        QFETCH(QString, zone);
        QFETCH(QString, offset);
        const QByteArray greeting = "line one\nline two\n\nno newline at the end";
        Peer server;
        QVERIFY(server.startPython(u"tcp_greeting_server.py"_s, {u"0"_s, u"127.0.0.1"_s, QString::fromLatin1(greeting.toHex())}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);

        Cli client;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TZ"_s, zone);
        client.process().setProcessEnvironment(environment);
        QVERIFY(client.start({u"connect"_s, u"--timestamps"_s, u"127.0.0.1:%1"_s.arg(port)}));
        client.closeWrite();
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);
        const QString out = QString::fromUtf8(client.process().readAllStandardOutput());
        const QStringList lines = out.split(u'\n');
        QCOMPARE(lines.size(), 4);   // the last line has no newline: nothing after it
        QByteArray without;
        for (const QString &line : lines) {
            const auto match = stampPattern().match(line);
            QVERIFY2(match.hasMatch(), qPrintable(line));
            QVERIFY2(match.captured(1).contains(offset), qPrintable(line));
            without += line.mid(match.capturedLength()).toUtf8() + '\n';
        }
        without.chop(1);
        QCOMPARE(without, greeting);
    }

    void udp_timestamps_beginEachDatagramsLine()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--echo"_s, u"--timestamps"_s}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(u"udp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write(QByteArray("ping").toHex() + '\n');
        QVERIFY(client.readLine().endsWith(QByteArray("ping").toHex()));
        const QString line = QString::fromUtf8(udp.readLine());
        const auto match = stampPattern().match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY2(QRegularExpression(u"^127\\.0\\.0\\.1:\\d+ ping$"_s).match(line.mid(match.capturedLength())).hasMatch(), qPrintable(line));
        client.closeWrite();
        QVERIFY(client.waitForFinished());
        QVERIFY(udp.stopsCleanlyOn(SIGINT));
    }

    void serve_hex_fromNc()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--hex"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(server.waitForError("connected from"));
        const QByteArray sent = everyByte().repeated(3);
        client.write(sent);
        client.closeWrite();
        QVERIFY(client.waitForFinished());
        QVERIFY(server.waitForError("disconnected"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
        QList<Chunk> chunks;
        QString why;
        const QByteArray out = server.process().readAllStandardOutput();
        QVERIFY2(parseDump(out, &chunks, &why), qPrintable(why + u"\n"_s + QString::fromLatin1(out)));
        QByteArray received;
        for (const Chunk &chunk : std::as_const(chunks)) {
            QCOMPARE(chunk.from, quint64(received.size()));
            received += chunk.bytes;
        }
        QCOMPARE(received, sent);
    }

    // udp --hex means what it means for serve and connect: each datagram from Python's socket
    // module (udp_sender.py) is a dump from offset 0 under a header with its time and sender, every
    // byte 0x00..0xff read back from the hex columns; an empty datagram is a header alone.
    void udp_hex_dumpsEachDatagramUnderItsSender()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--hex"_s, u"--timestamps"_s}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(u"udp_sender.py"_s));
        QCOMPARE(sender.readLine(), QByteArray("ready"));
        QByteArray everyValue;
        for (int i = 0; i < 256; ++i)
            everyValue += char(i);
        const QList<QByteArray> datagrams{everyValue, QByteArray(), everyByte()};
        QByteArray source;
        for (const QByteArray &datagram : datagrams) {
            sender.write(u"127.0.0.1 %1 %2\n"_s.arg(port).arg(QString::fromLatin1(datagram.toHex())).toLatin1());
            const QByteArray sent = sender.readLine();   // "sent HOST PORT N"
            QVERIFY2(sent.endsWith(' ' + QByteArray::number(datagram.size())), sent.constData());
            source = sent.split(' ').at(1) + ':' + sent.split(' ').at(2);
        }
        // 16 bytes a line: 16 + 1 header lines, then 1, then the third's.
        const int lines = 17 + 1 + 1 + int((everyByte().size() + 15) / 16);
        QByteArray out;
        for (int i = 0; i < lines; ++i)
            out += udp.readLine() + '\n';
        QList<Chunk> chunks;
        QString why;
        QVERIFY2(parseDump(out, &chunks, &why), qPrintable(why + u"\n"_s + QString::fromLatin1(out)));
        QCOMPARE(chunks.size(), datagrams.size());
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            const Chunk &chunk = chunks.at(i);
            QCOMPARE(chunk.source.toLatin1(), source);
            QVERIFY2(QDateTime::fromString(chunk.stamp, Qt::ISODateWithMs).isValid(), qPrintable(chunk.stamp));
            QCOMPARE(chunk.empty, datagrams.at(i).isEmpty());
            QCOMPARE(chunk.from, quint64(0));   // a datagram stands alone
            QCOMPARE(chunk.bytes, datagrams.at(i));
        }
        QVERIFY(!out.contains('\x1b'));
        sender.closeWrite();
        QVERIFY(sender.waitForFinished());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
        QVERIFY2(udp.errors().isEmpty(), udp.errors().constData());
    }

    // The same dump from socat, which sends what it reads on stdin as one datagram.
    void udp_hex_fromSocat()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"socat"_s);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--hex"_s}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY(port);
        QByteArray everyValue;
        for (int i = 255; i >= 0; --i)
            everyValue += char(i);
        Peer socat;
        QVERIFY(socat.startProgram(u"socat"_s, {u"-u"_s, u"STDIN"_s, u"UDP4-SENDTO:127.0.0.1:%1"_s.arg(port)}));
        socat.write(everyValue);   // one write under PIPE_BUF: one read, one datagram
        socat.closeWrite();
        QVERIFY(socat.waitForFinished());
        QByteArray out;
        for (int i = 0; i < 17; ++i)
            out += udp.readLine() + '\n';
        QList<Chunk> chunks;
        QString why;
        QVERIFY2(parseDump(out, &chunks, &why), qPrintable(why + u"\n"_s + QString::fromLatin1(out)));
        QCOMPARE(chunks.size(), 1);
        QVERIFY2(chunks.first().source.startsWith(u"127.0.0.1:"_s), qPrintable(chunks.first().source));
        QVERIFY(chunks.first().stamp.isEmpty());
        QCOMPARE(chunks.first().bytes, everyValue);
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    // The old one-line forms keep names of their own: --hex-lines prints, --hex-input reads; with
    // --hex (the dump) stdin may still be hex. The tutorial's UDP server echoes what comes.
    void udp_hexLinesAndHexInput_keepTheOneLineForms()
    {
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        const QByteArray sender = "127.0.0.1:" + QByteArray::number(serverPort);
        for (const bool dump : {false, true}) {
            Cli udp;
            QVERIFY(udp.start({u"udp"_s, dump ? u"--hex"_s : u"--hex-lines"_s, u"--hex-input"_s, u"--to"_s,
                               u"127.0.0.1:%1"_s.arg(serverPort)}));
            const quint16 ownPort = udp.readPortLine("bound ");
            QVERIFY(ownPort);
            udp.write("00 ff 0a 41\n");
            QCOMPARE(server.readLine(), "From 127.0.0.1 " + QByteArray::number(ownPort) + " 00ff0a41");
            if (!dump) {
                QCOMPARE(udp.readLine(), sender + " 00ff0a41");
            } else {
                QCOMPARE(udp.readLine(), "< " + sender + " length=4 from=0 to=3");
                QCOMPARE(udp.readLine(), QByteArray("0000  00 ff 0a 41                                       ...A"));
            }
            QVERIFY(udp.stopsCleanlyOn(SIGTERM));
        }
    }

    void mistakes_areUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("connect --hex --frame") << QStringList{u"connect"_s, u"--hex"_s, u"--frame"_s, u"lines"_s, u"127.0.0.1:9"_s} << u"--frame"_s;
        QTest::newRow("serve --hex --echo") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--hex"_s, u"--echo"_s} << u"--echo"_s;
        QTest::newRow("udp --hex --hex-lines") << QStringList{u"udp"_s, u"--hex"_s, u"--hex-lines"_s} << u"--hex-lines"_s;
        QTest::newRow("serve --timestamps --chat") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--timestamps"_s, u"--chat"_s} << u"--chat"_s;
        QTest::newRow("udp --join unicast") << QStringList{u"udp"_s, u"--join"_s, u"10.1.2.3"_s} << u"not a multicast group"_s;
        QTest::newRow("udp --join name") << QStringList{u"udp"_s, u"--join"_s, u"example.org"_s} << u"not a multicast group"_s;
        QTest::newRow("udp --join empty interface") << QStringList{u"udp"_s, u"--join"_s, u"239.1.2.3%"_s} << u"no interface"_s;
        QTest::newRow("udp --join CRLF") << QStringList{u"udp"_s, u"--join"_s, u"239.1.2.3\r\nX"_s} << u"239.1.2.3"_s;
    }
    void mistakes_areUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains(says.toUtf8()), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
    }

    void udp_join_unknownInterface_failsBeforeBound()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--bind"_s, u"127.0.0.1:0"_s, u"--join"_s, u"239.255.77.99%nosuchif0"_s}));
        QVERIFY(udp.waitForFinished());
        QCOMPARE(udp.exitCode(), 1);
        QVERIFY2(udp.errors().contains("nosuchif0"), udp.errors().constData());
        QCOMPARE(udp.process().readAllStandardOutput(), QByteArray());   // never "bound"
    }
};

QTEST_GUILESS_MAIN(TestCliHexDump)
#include "tst_clihexdump.moc"
