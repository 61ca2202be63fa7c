// `socketeer code python|c tcp-server --chat`: the generated chat room run for real — Python by
// /usr/bin/python3, C built by gcc -Wall -Wextra -Werror (once more under TSan and ASan/UBSan) —
// with clients this project did not write (nc, socat), the tutorial-style chat client and
// Socketeer's own `socketeer connect`; and `socketeer serve --chat` against it the other way round:
// the same lines come out of both (docs/CHAT.md). With --nicknames the rules of Socketeer's
// ChatRoom are the program's (refusals word for word, a taken name in any case); over TLS the room
// is verified by `socketeer connect --tls`, `openssl s_client` and the tutorial-style client.

#include "clipeer.h"
#include "codetestutil.h"
#include "mailtestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

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

const QByteArray kWelcome = "*** welcome: send your nickname on the first line";

// A client joins the room: with nicknames it is welcomed, sends `nickname` and is told it has it;
// without, it is told its address. Its name, or empty. `prefix`: what the client prints before a line.
QByteArray join(Peer &peer, bool nicknames, const QByteArray &nickname, const QByteArray &prefix = {})
{
    if (!nicknames)
        return readName(peer, prefix);
    if (!expect(peer, prefix + kWelcome))
        return {};
    peer.write(nickname + '\n');
    return expect(peer, prefix + "*** you are " + nickname) ? nickname : QByteArray();
}

// The next line of the room's own stdout is `line`: what the program says about a connection it
// closed ("Closing …", a failed handshake) is passed over, it is not the room.
bool expectRoom(Peer &room, const QByteArray &line)
{
    for (;;) {
        bool ok = false;
        const QByteArray got = room.readLine(20000, &ok);
        if (ok && (got.startsWith("Closing ") || got.startsWith("TLS handshake with ")))
            continue;
        if (!ok || got != line)
            qWarning("expected \"%s\" from the room, got \"%s\"; stderr: %s", line.constData(), got.constData(),
                     room.standardError().constData());
        return ok && got == line;
    }
}

} // namespace

class TestCliCodeChat : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_programs = 0;
    TestCertificates m_certs;

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
        SOCKETEER_REQUIRE_PROGRAM(u"openssl"_s);
        QVERIFY(makeTestCertificates(m_dir.path(), &m_certs));
    }

    void help_mentionsChat()
    {
        Cli cli;
        QVERIFY(cli.start({u"code"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *word : {"--chat", "NAME: TEXT", "*** NAME left", "--nicknames", "--tls-cert"})
            QVERIFY2(help.contains(word), word);
    }

    void chat_refusesWhatDoesNotApply_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("with echo") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--echo"_s} << QByteArray("choose one");
        QTest::newRow("with framing") << QStringList{u"c"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--frame"_s, u"line"_s}
                                      << QByteArray("framing does not apply");
        QTest::newRow("nicknames without chat") << QStringList{u"c"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--nicknames"_s}
                                                << QByteArray("add --chat");
        QTest::newRow("tls without a key") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--tls-cert"_s, u"c.pem"_s}
                                           << QByteArray("--tls-key");
        QTest::newRow("nicknames for a client") << QStringList{u"python"_s, u"tcp-client"_s, u"localhost:7"_s, u"--nicknames"_s}
                                                << QByteArray("--nicknames");
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

    // With --nicknames a client's first lines choose its name, by the rules of Socketeer's room:
    // refused in its words (starts with * or /, space inside, colon, not UTF-8, too long, empty,
    // control character), taken in any case ("alice" for "Alice", "émile" for "ÉMILE"), "/nick NAME"
    // taken too; until it has one it hears nothing, and one that leaves without a name is never
    // announced; a name is free again once its owner left. Clients: the python chat client, nc,
    // `socketeer connect`, socat. Under TSan / ASan+UBSan (C) no report.
    void nicknames_chosenByTheRulesOfSocketeersRoom_data()
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
    void nicknames_chosenByTheRulesOfSocketeersRoom()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        QFETCH(QString, sanitizer);
        Peer room;
        QVERIFY(startRoom(room, language, model, sanitizer, {u"--nicknames"_s}));
        const quint16 port = readListening(room);
        QVERIFY(port != 0);
        const QString portText = QString::number(port);

        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, portText}));
        QVERIFY(python.readLine(20000).startsWith("connected "));
        QVERIFY(expect(python, "got " + kWelcome));
        python.write("*boss\n");
        QVERIFY(expect(python, "got *** nickname refused (starts with * or /): send another"));
        python.write("  Alice\t\n");   // trimmed
        QVERIFY(expect(python, "got *** you are Alice"));
        QVERIFY(expectRoom(room, "*** Alice joined"));

        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, portText}));
        QVERIFY(expect(nc, kWelcome));
        python.write("before you came\n");   // nc has no name yet: it is not in the room and hears nothing
        QVERIFY(expectRoom(room, "Alice: before you came"));
        const QList<std::pair<QByteArray, QByteArray>> refused{
            {"alice", "*** nickname alice is taken: send another"},
            {"bad name", "*** nickname refused (space inside): send another"},
            {"a:b", "*** nickname refused (colon): send another"},
            {"\xff\xfe", "*** nickname refused (not UTF-8): send another"},
            {QByteArray(33, 'x'), "*** nickname refused (longer than 32 characters): send another"},
            {"", "*** nickname refused (empty): send another"},
            {"a\x01" "b", "*** nickname refused (control character): send another"},
        };
        for (const auto &attempt : refused) {
            nc.write(attempt.first + '\n');
            QVERIFY(expect(nc, attempt.second));
        }
        nc.write("/nick 小明\n");
        QVERIFY(expect(nc, "*** you are 小明"));
        QVERIFY(expect(python, "got *** 小明 joined"));
        QVERIFY(expectRoom(room, "*** 小明 joined"));

        Cli connect;
        QVERIFY(connect.start({u"connect"_s, u"127.0.0.1"_s, portText}));
        QCOMPARE(join(connect, true, "ÉMILE"), QByteArray("ÉMILE"));
        QVERIFY(expect(python, "got *** ÉMILE joined"));
        QVERIFY(expect(nc, "*** ÉMILE joined"));
        QVERIFY(expectRoom(room, "*** ÉMILE joined"));

        // A client that asks for a name taken in another case, then leaves without one: nobody hears of it.
        Peer nameless;
        QVERIFY(nameless.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        QVERIFY(expect(nameless, kWelcome));
        nameless.write("émile\n");
        QVERIFY(expect(nameless, "*** nickname émile is taken: send another"));
        nameless.closeWrite();
        QVERIFY(nameless.waitForFinished(20000));

        python.write("hi \x1b[31mred\n");   // a terminal escape arrives harmless
        QVERIFY(expect(nc, "Alice: hi ?[31mred"));
        QVERIFY(expect(connect, "Alice: hi ?[31mred"));
        QVERIFY(expectRoom(room, "Alice: hi ?[31mred"));

        // Socketeer's client leaves with an unfinished last line: it is said, then "left".
        connect.write("bye");
        connect.closeWrite();
        QVERIFY(connect.waitForFinished(20000));
        QCOMPARE(connect.exitCode(), 0);
        QVERIFY(expect(python, "got ÉMILE: bye"));
        QVERIFY(expect(python, "got *** ÉMILE left"));
        QVERIFY(expect(nc, "ÉMILE: bye"));
        QVERIFY(expect(nc, "*** ÉMILE left"));
        QVERIFY(expectRoom(room, "ÉMILE: bye"));
        QVERIFY(expectRoom(room, "*** ÉMILE left"));

        // Its name is free again.
        Peer again;
        QVERIFY(again.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        QCOMPARE(join(again, true, "émile"), QByteArray("émile"));
        QVERIFY(expect(python, "got *** émile joined"));
        nc.write("你好\n");
        QVERIFY(expect(python, "got 小明: 你好"));
        QVERIFY(expect(again, "小明: 你好"));

        again.closeWrite();
        QVERIFY(again.waitForFinished(20000));
        QVERIFY(expect(python, "got *** émile left"));
        nc.closeWrite();
        QVERIFY(nc.waitForFinished(20000));
        QVERIFY(expect(python, "got *** 小明 left"));
        python.closeWrite();
        QVERIFY(expect(python, "closed"));
        QVERIFY(python.waitForFinished(20000));
        QVERIFY(expectRoom(room, "*** émile joined"));
        QVERIFY(expectRoom(room, "小明: 你好"));
        QVERIFY(expectRoom(room, "*** émile left"));
        QVERIFY(expectRoom(room, "*** 小明 left"));
        QVERIFY(expectRoom(room, "*** Alice left"));

        room.process().terminate();
        QVERIFY(room.waitForFinished(20000));
        const QByteArray errors = room.standardError();
        QVERIFY2(!errors.contains("Sanitizer") && !errors.contains("runtime error"), errors.constData());
    }

    // The same story told to `socketeer serve --chat --nicknames` and to the generated room, every
    // model: each client hears the same lines, byte for byte.
    void nicknames_sameLinesAsSocketeerServe_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        for (const QString &language : {u"python"_s, u"c"_s})
            for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s})
                QTest::addRow("%s %s", qPrintable(language), qPrintable(model)) << language << model;
    }
    void nicknames_sameLinesAsSocketeerServe()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s}));
        Peer generated;
        QVERIFY(startRoom(generated, language, model, {}, {u"--nicknames"_s}));
        const quint16 ports[] = {serve.readPortLine("listening on "), readListening(generated)};
        QList<QList<QByteArray>> stories;
        for (const quint16 port : ports) {
            QVERIFY(port != 0);
            QList<QByteArray> story;
            Peer first, second;
            QVERIFY(first.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
            first.write("\n*x\n/y\na b\na\xc2\xa0" "b\nx:y\n\xc3\x28\n" + QByteArray(33, 'z') + "\n" + QByteArray("字").repeated(33)
                        + "\nbell\x07\n\t/nick \t Émile \r\n");
            for (int i = 0; i < 12; ++i)   // the welcome, 10 refusals, the name
                story << first.readLine(20000);
            QVERIFY(second.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
            second.write("ÉMILE\n/nick\n/nick  bob \n");
            for (int i = 0; i < 4; ++i)
                story << second.readLine(20000);
            story << first.readLine(20000);   // bob joined
            // (No line after the name starts with '/': commands are level 2 of docs/CHAT.md, which
            // `serve` speaks and the generated rooms, level 1, do not.)
            second.write("hi\r\n\x1b[1mbold\n \t\nsee /nick carol\nlast");
            second.closeWrite();
            QVERIFY(second.waitForFinished(20000));
            for (int i = 0; i < 5; ++i)
                story << first.readLine(20000);
            first.closeWrite();
            QVERIFY(first.waitForFinished(20000));
            stories << story;
        }
        QCOMPARE(stories.at(1), stories.at(0));
        // And it is the story docs/CHAT.md tells.
        QCOMPARE(stories.at(0).first(), kWelcome);
        QCOMPARE(stories.at(0).at(11), QByteArray("*** you are Émile"));
        QCOMPARE(stories.at(0).at(18), QByteArray("bob: ?[1mbold"));
        QCOMPARE(stories.at(0).last(), QByteArray("*** bob left"));
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
        generated.process().terminate();
        QVERIFY(generated.waitForFinished(20000));
    }

    // Whether a name is taken "in any case" is decided as Socketeer decides it: Unicode's simple
    // case folding (final sigma is sigma, the micro sign is mu, "ẞ" is "ß", but "straße" is not
    // "STRASSE"), and a byte order mark in front of a name does not count (nor for its length or
    // its first character). Each client tries names in turn; what each is answered is the same
    // from `socketeer serve --chat --nicknames` and from the generated room.
    void nicknames_takenInAnyCaseAsSocketeerServe_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        for (const QString &language : {u"python"_s, u"c"_s})
            QTest::addRow("%s", qPrintable(language)) << language << u"event-loop"_s;
        QTest::newRow("c thread-per-client") << u"c"_s << u"thread-per-client"_s;
    }
    void nicknames_takenInAnyCaseAsSocketeerServe()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        const QByteArray bom = "\xef\xbb\xbf";
        const QList<QList<QByteArray>> attempts{
            {"straße"},
            {"STRASSE"},
            {"σας"},
            {"ΣΑΣ", "ẞ"},
            {"ß", "µ"},
            {"μ", bom + "bob"},
            {"bob", bom + "*x", bom + QByteArray(33, 'y'), bom + QByteArray(32, 'y')},
            {bom},
        };
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s}));
        Peer generated;
        QVERIFY(startRoom(generated, language, model, {}, {u"--nicknames"_s}));
        const quint16 ports[] = {serve.readPortLine("listening on "), readListening(generated)};
        QList<QList<QByteArray>> answers;
        for (const quint16 port : ports) {
            QVERIFY(port != 0);
            std::vector<std::unique_ptr<Peer>> clients;
            QList<QByteArray> heard;
            for (const QList<QByteArray> &names : attempts) {
                clients.push_back(std::make_unique<Peer>());
                Peer &client = *clients.back();
                QVERIFY(client.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
                QVERIFY(expect(client, kWelcome));
                for (const QByteArray &name : names) {
                    client.write(name + '\n');
                    heard << client.readLine(20000);
                }
            }
            for (auto &client : clients) {
                client->closeWrite();
                QVERIFY(client->waitForFinished(20000));
            }
            answers << heard;
        }
        QCOMPARE(answers.at(1), answers.at(0));
        QCOMPARE(answers.at(0).at(1), QByteArray("*** you are STRASSE"));
        QCOMPARE(answers.at(0).at(3), QByteArray("*** nickname ΣΑΣ is taken: send another"));
        QCOMPARE(answers.at(0).at(9), "*** nickname bob is taken: send another");
        QCOMPARE(answers.at(0).last(), "*** you are " + bom);
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
        generated.process().terminate();
        QVERIFY(generated.waitForFinished(20000));
    }

    // The room over TLS, with and without nicknames, both languages and models: verified against
    // the test CA by the tutorial-style chat client, `socketeer connect --tls` and `openssl
    // s_client`; more than one TLS record in one write is relayed whole (bytes inside the SSL
    // object are read without waiting for more); a client that never starts its handshake holds up
    // nobody and, speaking no TLS, is turned away without a word to the room. Under TSan /
    // ASan+UBSan (C) no report.
    void tls_roomIsVerifiedAndRelays_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("nicknames");
        QTest::addColumn<QString>("sanitizer");
        for (const QString &language : {u"python"_s, u"c"_s})
            for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s})
                for (const bool nicknames : {true, false})
                    QTest::addRow("%s %s%s", qPrintable(language), qPrintable(model), nicknames ? " nicknames" : "")
                        << language << model << nicknames << QString();
        QTest::newRow("c thread-per-client nicknames tsan") << u"c"_s << u"thread-per-client"_s << true << u"thread"_s;
        QTest::newRow("c event-loop nicknames asan") << u"c"_s << u"event-loop"_s << true << u"address,undefined"_s;
        QTest::newRow("c thread-per-client asan") << u"c"_s << u"thread-per-client"_s << false << u"address,undefined"_s;
    }
    void tls_roomIsVerifiedAndRelays()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        QFETCH(bool, nicknames);
        QFETCH(QString, sanitizer);
        QStringList more{u"--tls-cert"_s, m_certs.serverPem, u"--tls-key"_s, m_certs.serverKey};
        if (nicknames)
            more << u"--nicknames"_s;
        Peer room;
        QVERIFY(startRoom(room, language, model, sanitizer, more));
        const quint16 port = readListening(room);
        QVERIFY(port != 0);
        const QString portText = QString::number(port);

        Peer plain;   // connects, and starts no handshake
        QVERIFY(plain.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, portText}));
        QVERIFY(plain.readLine(20000).startsWith("connected "));

        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, portText, m_certs.caPem}));
        QVERIFY(python.readLine(20000).startsWith("connected "));
        const QByteArray a = join(python, nicknames, "Alice", "got ");
        QVERIFY(!a.isEmpty());
        QVERIFY(expectRoom(room, "*** " + a + " joined"));

        Cli connect;
        QVERIFY(connect.start({u"connect"_s, u"--tls"_s, u"--ca-file"_s, m_certs.caPem, u"localhost"_s, portText}));
        QByteArray b;
        if (nicknames) {
            QVERIFY(expect(connect, kWelcome));
            connect.write("ALICE\n");
            QVERIFY(expect(connect, "*** nickname ALICE is taken: send another"));
            connect.write("Bob\n");
            QVERIFY(expect(connect, "*** you are Bob"));
            b = "Bob";
        } else {
            b = readName(connect);
        }
        QVERIFY(!b.isEmpty());
        QVERIFY(expect(python, "got *** " + b + " joined"));
        QVERIFY(expectRoom(room, "*** " + b + " joined"));

        Peer openssl;
        QVERIFY(openssl.startProgram(u"openssl"_s, {u"s_client"_s, u"-quiet"_s, u"-no_ign_eof"_s, u"-verify_return_error"_s, u"-CAfile"_s,
                                                    m_certs.caPem, u"-verify_hostname"_s, u"localhost"_s, u"-connect"_s,
                                                    u"localhost:%1"_s.arg(port)}));
        const QByteArray c = join(openssl, nicknames, "Carol");
        QVERIFY2(!c.isEmpty(), openssl.standardError().constData());
        QVERIFY(expect(python, "got *** " + c + " joined"));
        QVERIFY(expect(connect, "*** " + c + " joined"));
        QVERIFY(expectRoom(room, "*** " + c + " joined"));

        python.write("hello over tls\n");
        QVERIFY(expect(connect, a + ": hello over tls"));
        QVERIFY(expect(openssl, a + ": hello over tls"));
        QVERIFY(expectRoom(room, a + ": hello over tls"));

        // About 27 KB in one write: more than one TLS record, under a pipe's 64 KiB.
        QByteArray many;
        for (int i = 0; i < 300; ++i)
            many += "line " + QByteArray::number(i) + ' ' + QByteArray(80, 'y') + '\n';
        connect.write(many);
        for (int i = 0; i < 300; ++i) {
            const QByteArray line = b + ": line " + QByteArray::number(i) + ' ' + QByteArray(80, 'y');
            QVERIFY(expect(python, "got " + line));
            QVERIFY(expect(openssl, line));
            QVERIFY(expectRoom(room, line));
        }

        connect.write("last words");
        connect.closeWrite();
        QVERIFY(connect.waitForFinished(20000));
        QCOMPARE(connect.exitCode(), 0);
        QVERIFY(expect(python, "got " + b + ": last words"));
        QVERIFY(expect(python, "got *** " + b + " left"));
        QVERIFY(expect(openssl, b + ": last words"));
        QVERIFY(expect(openssl, "*** " + b + " left"));
        QVERIFY(expectRoom(room, b + ": last words"));
        QVERIFY(expectRoom(room, "*** " + b + " left"));

        // The silent client speaks no TLS at all: its handshake fails, nobody is told, the room goes on.
        plain.write(QByteArray("not tls\n").toHex() + '\n');
        plain.closeWrite();
        QVERIFY(plain.waitForFinished(20000));
        openssl.write("still here\n");
        QVERIFY(expect(python, "got " + c + ": still here"));
        QVERIFY(expectRoom(room, c + ": still here"));

        openssl.closeWrite();
        QVERIFY(openssl.waitForFinished(20000));
        QVERIFY(expect(python, "got *** " + c + " left"));
        python.closeWrite();
        QVERIFY(python.waitForFinished(20000));
        QVERIFY(expectRoom(room, "*** " + c + " left"));
        QVERIFY(expectRoom(room, "*** " + a + " left"));

        room.process().terminate();
        QVERIFY(room.waitForFinished(20000));
        const QByteArray errors = room.standardError();
        QVERIFY2(!errors.contains("Sanitizer") && !errors.contains("runtime error"), errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCodeChat)
#include "tst_clicodechat.moc"
