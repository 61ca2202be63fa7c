// `socketeer code python|c tcp-server --chat`: the generated chat room run for real — Python by
// /usr/bin/python3, C built by gcc -Wall -Wextra -Werror (once more under TSan and ASan/UBSan) —
// with clients this project did not write (nc, socat), the tutorial-style chat client and
// Socketeer's own `socketeer connect`; and `socketeer serve --chat` against it the other way round:
// the same lines come out of both (docs/CHAT.md without nicknames).

#include "clipeer.h"
#include "codetestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// The next line `peer` printed is `line`.
bool expect(Peer &peer, const QByteArray &line)
{
    bool ok = false;
    const QByteArray got = peer.readLine(20000, &ok);
    if (!ok || got != line)
        qWarning("expected \"%s\", got \"%s\"; stderr: %s", line.constData(), got.constData(), peer.standardError().constData());
    return ok && got == line;
}

// "*** you are NAME": NAME, or empty.
QByteArray readName(Peer &peer, const QByteArray &prefix = {})
{
    bool ok = false;
    const QByteArray line = peer.readLine(20000, &ok);
    const QByteArray you = prefix + "*** you are ";
    if (!ok || !line.startsWith(you)) {
        qWarning("expected \"%s…\", got \"%s\"", you.constData(), line.constData());
        return {};
    }
    return line.mid(you.size());
}

} // namespace

class TestCliCodeChat : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_programs = 0;

    bool startRoom(Peer &room, const QString &language, const QString &model, const QString &sanitizer = {}, const QStringList &more = {})
    {
        const bool py = language == u"python"_s;
        const QString path = generateProgram(m_dir.path(), u"chat%1.%2"_s.arg(++m_programs).arg(py ? u"py"_s : u"c"_s),
                                             QStringList{language, u"tcp-server"_s, u"--chat"_s, u"--port"_s, u"0"_s, u"--model"_s, model} + more);
        if (path.isEmpty())
            return false;
        if (py)
            return room.startProgram(u"/usr/bin/python3"_s, {path});
        const QStringList extra = sanitizer.isEmpty() ? QStringList{}
                                                      : QStringList{u"-fsanitize="_s + sanitizer, u"-g"_s, u"-fno-omit-frame-pointer"_s};
        const QString binary = compileC(path, extra);
        return !binary.isEmpty() && room.startProgram(binary, {});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SOCKETEER_REQUIRE_PROGRAM(u"gcc"_s);
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        SOCKETEER_REQUIRE_PROGRAM(u"socat"_s);
    }

    void help_mentionsChat()
    {
        Cli cli;
        QVERIFY(cli.start({u"code"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *word : {"--chat", "NAME: TEXT", "*** NAME left"})
            QVERIFY2(help.contains(word), word);
    }

    void chat_refusesWhatDoesNotApply_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("with echo") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--echo"_s} << QByteArray("choose one");
        QTest::newRow("with framing") << QStringList{u"c"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--frame"_s, u"line"_s}
                                      << QByteArray("framing does not apply");
        QTest::newRow("with tls") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--model"_s, u"thread-per-client"_s,
                                                 u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s}
                                  << QByteArray("TLS chat room");
        QTest::newRow("a client") << QStringList{u"python"_s, u"tcp-client"_s, u"localhost:7"_s, u"--chat"_s} << QByteArray("--chat");
        QTest::newRow("udp") << QStringList{u"c"_s, u"udp"_s, u"--chat"_s} << QByteArray("--chat");
    }
    void chat_refusesWhatDoesNotApply()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, named);
        Cli cli;
        QVERIFY(cli.start(QStringList{u"code"_s} + arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.startsWith("socketeer code: ") && errors.count('\n') == 1, errors.constData());
        QVERIFY2(errors.contains(named), errors.constData());
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());
    }

    // Three clients of three makers: the python chat client, nc and `socketeer connect`. A line
    // from one reaches the other two as "NAME: TEXT" and never its sender; a leaver is announced and
    // the room goes on; the program's stdout is the room. Under TSan / ASan+UBSan (C) no report.
    void room_relaysToTheOthers_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("sanitizer");
        for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s}) {
            QTest::addRow("python %s", qPrintable(model)) << u"python"_s << model << QString();
            QTest::addRow("c %s", qPrintable(model)) << u"c"_s << model << QString();
        }
        QTest::newRow("c thread-per-client tsan") << u"c"_s << u"thread-per-client"_s << u"thread"_s;
        QTest::newRow("c event-loop asan") << u"c"_s << u"event-loop"_s << u"address,undefined"_s;
        QTest::newRow("c thread-per-client asan") << u"c"_s << u"thread-per-client"_s << u"address,undefined"_s;
    }
    void room_relaysToTheOthers()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        QFETCH(QString, sanitizer);
        Peer room;
        QVERIFY(startRoom(room, language, model, sanitizer));
        const quint16 port = readListening(room);
        QVERIFY(port != 0);
        const QString portText = QString::number(port);

        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, portText}));
        const QByteArray connected = python.readLine(20000);
        QVERIFY(connected.startsWith("connected "));
        const QByteArray a = readName(python, "got ");
        QCOMPARE(a, "127.0.0.1:" + connected.mid(10));   // its address names it, as in Socketeer's room
        QVERIFY(expect(room, "*** " + a + " joined"));

        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, portText}));
        const QByteArray b = readName(nc);
        QVERIFY(!b.isEmpty());
        QVERIFY(expect(python, "got *** " + b + " joined"));
        QVERIFY(expect(room, "*** " + b + " joined"));

        Cli connect;
        QVERIFY(connect.start({u"connect"_s, u"127.0.0.1"_s, portText}));
        const QByteArray c = readName(connect);
        QVERIFY(!c.isEmpty());
        QVERIFY(expect(python, "got *** " + c + " joined"));
        QVERIFY(expect(nc, "*** " + c + " joined"));
        QVERIFY(expect(room, "*** " + c + " joined"));

        python.write("!two 你好|two lines, one send\n");
        for (Peer *other : {static_cast<Peer *>(&nc), static_cast<Peer *>(&connect), &room}) {
            QVERIFY(expect(*other, a + ": 你好"));
            QVERIFY(expect(*other, a + ": two lines, one send"));
        }
        python.write("!bytes in pieces\n");   // one byte per send: still one line
        QVERIFY(expect(nc, a + ": in pieces"));
        QVERIFY(expect(connect, a + ": in pieces"));
        QVERIFY(expect(room, a + ": in pieces"));
        nc.write("from nc \x1b[2J\n");   // a terminal escape arrives harmless
        QVERIFY(expect(connect, b + ": from nc ?[2J"));
        QVERIFY(expect(room, b + ": from nc ?[2J"));
        // The python client's next line is nc's: its own three lines did not come back to it.
        QVERIFY(expect(python, "got " + b + ": from nc ?[2J"));
        connect.write("\n  \nfrom socketeer\n");   // blank lines are nothing to tell
        QVERIFY(expect(python, "got " + c + ": from socketeer"));
        QVERIFY(expect(nc, c + ": from socketeer"));
        QVERIFY(expect(room, c + ": from socketeer"));

        // Socketeer's client leaves with an unfinished last line: it is still said, then "left".
        connect.write("last words");
        connect.closeWrite();
        QVERIFY(connect.waitForFinished(20000));
        QCOMPARE(connect.exitCode(), 0);
        for (Peer *other : {static_cast<Peer *>(&python), &room}) {
            const QByteArray got = other == &python ? QByteArray("got ") : QByteArray();
            QVERIFY(expect(*other, got + c + ": last words"));
            QVERIFY(expect(*other, got + "*** " + c + " left"));
        }
        QVERIFY(expect(nc, c + ": last words"));
        QVERIFY(expect(nc, "*** " + c + " left"));
        // The room goes on without it.
        nc.write("still here\n");
        QVERIFY(expect(python, "got " + b + ": still here"));
        QVERIFY(expect(room, b + ": still here"));
        nc.closeWrite();
        QVERIFY(nc.waitForFinished(20000));
        QVERIFY(expect(python, "got *** " + b + " left"));
        python.closeWrite();
        QVERIFY(expect(python, "closed"));
        QVERIFY(python.waitForFinished(20000));
        QVERIFY(expect(room, "*** " + b + " left"));
        QVERIFY(expect(room, "*** " + a + " left"));

        room.process().terminate();
        QVERIFY(room.waitForFinished(20000));
        const QByteArray errors = room.standardError();
        QVERIFY2(!errors.contains("Sanitizer") && !errors.contains("runtime error"), errors.constData());
    }

    // A line over 8192 bytes is refused to its sender and relayed to nobody; the next line counts.
    void room_refusesALineTooLong_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        for (const QString &language : {u"python"_s, u"c"_s})
            for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s})
                QTest::addRow("%s %s", qPrintable(language), qPrintable(model)) << language << model;
    }
    void room_refusesALineTooLong()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        Peer room;
        QVERIFY(startRoom(room, language, model));
        const quint16 port = readListening(room);
        QVERIFY(port != 0);
        Peer first, second;
        QVERIFY(first.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        const QByteArray a = readName(first);
        QVERIFY(!a.isEmpty());
        QVERIFY(second.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        const QByteArray b = readName(second);
        QVERIFY(expect(first, "*** " + b + " joined"));
        first.write(QByteArray(9000, 'x') + "\nafter\n");
        QVERIFY(expect(first, "*** line too long (more than 8192 bytes): not relayed"));
        QVERIFY(expect(second, a + ": after"));
        room.process().terminate();
        QVERIFY(room.waitForFinished(20000));
    }

    // The generated room is a correct answer of the shipped chat-room lab, both languages and models.
    void generatedRoom_passesTheChatRoomLab_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        for (const QString &language : {u"python"_s, u"c"_s})
            for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s})
                QTest::addRow("%s %s", qPrintable(language), qPrintable(model)) << language << model;
    }
    void generatedRoom_passesTheChatRoomLab()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        Peer room;
        QVERIFY(startRoom(room, language, model));
        const quint16 port = readListening(room);
        QVERIFY(port != 0);
        Cli lab;
        QVERIFY(lab.start({u"lab"_s, u"run"_s, u"chat-room"_s, u"--target"_s, u"127.0.0.1:%1"_s.arg(port), u"--language"_s, u"en"_s}));
        QVERIFY(lab.waitForFinished(120000));
        const QByteArray out = lab.process().readAllStandardOutput();
        QVERIFY2(lab.exitCode() == 0, out + lab.errors());
        QVERIFY2(out.contains("Score: 16/16 points"), out.constData());
        room.process().terminate();
        QVERIFY(room.waitForFinished(20000));
    }

    // The generated room and `socketeer serve --chat` tell the same story in the same lines:
    // a second client joins, speaks (a CR LF line end dropped), leaves.
    void sameLinesAsSocketeerServeChat_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("python") << u"python"_s;
        QTest::newRow("c") << u"c"_s;
    }
    void sameLinesAsSocketeerServeChat()
    {
        QFETCH(QString, language);
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s}));
        Peer generated;
        QVERIFY(startRoom(generated, language, u"event-loop"_s));
        const quint16 ports[] = {serve.readPortLine("listening on "), readListening(generated)};
        QList<QList<QByteArray>> stories;
        for (const quint16 port : ports) {
            QVERIFY(port != 0);
            Peer first, second;
            QVERIFY(first.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
            const QByteArray a = readName(first);
            QVERIFY(second.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
            const QByteArray b = readName(second);
            QVERIFY(!a.isEmpty() && !b.isEmpty());
            second.write("hi\r\n");
            second.closeWrite();
            QVERIFY(second.waitForFinished(20000));
            QList<QByteArray> story;
            for (int i = 0; i < 3; ++i)
                story << first.readLine(20000).replace(b, "B");
            stories << story;
        }
        QCOMPARE(stories.at(1), stories.at(0));
        QCOMPARE(stories.at(0), (QList<QByteArray>{"*** B joined", "B: hi", "*** B left"}));
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
        generated.process().terminate();
        QVERIFY(generated.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(TestCliCodeChat)
#include "tst_clicodechat.moc"
