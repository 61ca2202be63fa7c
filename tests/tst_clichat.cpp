// `socketeer serve --chat [--nicknames]` (app/cli/chatoption.h) run as a teacher runs it, with the
// clients a class brings: nc, socat and the tutorial-style python chat client.

#include "clipeer.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

namespace {

// The next line `peer` printed is `line` (the python client prefixes "got ").
bool expect(Peer &peer, const QByteArray &line)
{
    bool ok = false;
    const QByteArray got = peer.readLine(20000, &ok);
    if (!ok || got != line)
        qWarning("expected \"%s\", got \"%s\"", line.constData(), got.constData());
    return ok && got == line;
}

} // namespace

class TestCliChat : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;   // the development certificate is made here, not in the user's folder

private slots:
    void serve_help_documentsChat()
    {
        Cli cli;
        QVERIFY(cli.start({u"serve"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *mention : {"--chat", "--nicknames", "NAME: TEXT", "*** NAME joined", "never reads"})
            QVERIFY2(help.contains(mention), mention);
    }

    void serve_chat_refusesWhatCannotWork_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("nicknames alone") << QStringList{u"--nicknames"_s} << QByteArray("--nicknames is a setting of the chat room");
        QTest::newRow("with echo") << QStringList{u"--chat"_s, u"--echo"_s} << QByteArray("--chat relays each line");
    }
    void serve_chat_refusesWhatCannotWork()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        Cli cli;
        QVERIFY(cli.start(QStringList{u"serve"_s, u"--port"_s, u"0"_s} + arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(message), cli.errors().constData());
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());   // nothing listened
    }

    void serve_chat_ncSocatAndPythonTalk_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_chat_ncSocatAndPythonTalk()
    {
        QFETCH(QString, model);
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        SOCKETEER_REQUIRE_PROGRAM(u"socat"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        const QByteArray welcome = "*** welcome: send your nickname on the first line";

        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(expect(nc, welcome));
        nc.write("alice\n");
        QVERIFY(expect(nc, "*** you are alice"));
        QVERIFY(expect(server, "*** alice joined"));

        Peer socat;
        QVERIFY(socat.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        QVERIFY(expect(socat, welcome));
        socat.write("ALICE\n");
        QVERIFY(expect(socat, "*** nickname ALICE is taken: send another"));
        socat.write("bob\n");
        QVERIFY(expect(socat, "*** you are bob"));
        QVERIFY(expect(nc, "*** bob joined"));
        QVERIFY(expect(server, "*** bob joined"));

        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(python.readLine().startsWith("connected "));
        QVERIFY(expect(python, "got " + welcome));
        python.write("!bytes 小明\n");   // one byte per send: the nickname still arrives whole
        QVERIFY(expect(python, "got *** you are 小明"));
        QVERIFY(expect(nc, "*** 小明 joined"));
        QVERIFY(expect(socat, "*** 小明 joined"));
        QVERIFY(expect(server, "*** 小明 joined"));

        nc.write("hello from nc\n");
        QVERIFY(expect(socat, "alice: hello from nc"));
        QVERIFY(expect(python, "got alice: hello from nc"));
        QVERIFY(expect(server, "alice: hello from nc"));
        python.write("!two 你好|two lines, one send\n");
        QVERIFY(expect(nc, "小明: 你好"));
        QVERIFY(expect(nc, "小明: two lines, one send"));
        QVERIFY(expect(socat, "小明: 你好"));
        QVERIFY(expect(socat, "小明: two lines, one send"));
        QVERIFY(expect(server, "小明: 你好"));
        QVERIFY(expect(server, "小明: two lines, one send"));
        // nc's next line is socat's, not its own "hello from nc" again.
        socat.write("from bob\n");
        QVERIFY(expect(nc, "bob: from bob"));
        QVERIFY(expect(python, "got bob: from bob"));
        QVERIFY(expect(server, "bob: from bob"));

        // What the teacher types reaches everyone as it is.
        server.write("class ends at 10\n");
        QVERIFY(expect(nc, "class ends at 10"));
        QVERIFY(expect(socat, "class ends at 10"));
        QVERIFY(expect(python, "got class ends at 10"));

        nc.closeWrite();   // nc -N: shuts down its side; the server closes, nc exits
        QVERIFY(nc.waitForFinished());
        QVERIFY(expect(socat, "*** alice left"));
        QVERIFY(expect(python, "got *** alice left"));
        QVERIFY(expect(server, "*** alice left"));
        QVERIFY(server.waitForError("disconnected"));
        QVERIFY(server.stopsCleanlyOn(SIGINT));
        QVERIFY(socat.waitForFinished());
        QVERIFY(expect(python, "closed"));
    }

    // The teacher's own commands typed on the server's stdin (app/cli/chatcommands.h): /who,
    // /topic, /notice, //TEXT, /mute and /unmute, /kick, refusals; a plain line still goes out.
    void serve_chat_teacherCommandsOnStdin_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_chat_teacherCommandsOnStdin()
    {
        QFETCH(QString, model);
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        const QByteArray welcome = "*** welcome: send your nickname on the first line";

        Peer ming;
        QVERIFY(ming.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(ming.readLine().startsWith("connected "));
        QVERIFY(expect(ming, "got " + welcome));
        ming.write("小明\n");
        QVERIFY(expect(ming, "got *** you are 小明"));
        QVERIFY(expect(server, "*** 小明 joined"));
        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(expect(nc, welcome));
        nc.write("alice\n");
        QVERIFY(expect(nc, "*** you are alice"));
        QVERIFY(expect(ming, "got *** alice joined"));
        QVERIFY(expect(server, "*** alice joined"));

        server.write("/who\n");
        QVERIFY(server.waitForError("in the room (2): 小明 (#"));
        QVERIFY2(server.errors().contains(", alice (#"), server.errors().constData());

        // Topic and notice reach everyone, and the server's own screen.
        server.write("/topic 第一课：套接字\n");
        QVERIFY(expect(ming, "got *** the server set the topic: 第一课：套接字"));
        QVERIFY(expect(nc, "*** the server set the topic: 第一课：套接字"));
        QVERIFY(expect(server, "*** the server set the topic: 第一课：套接字"));
        // Typed in two pieces: the command still waits for its line's end.
        server.write("/noti");
        server.write("ce 下课了\x1b[2J\n");
        QVERIFY(expect(ming, "got *** notice: 下课了?[2J"));
        QVERIFY(expect(nc, "*** notice: 下课了?[2J"));
        QVERIFY(expect(server, "*** notice: 下课了?[2J"));
        // "//" sends a line that starts with "/"; a plain line goes out as typed.
        server.write("//etc/hosts is a file\nplain words\n");
        QVERIFY(expect(ming, "got /etc/hosts is a file"));
        QVERIFY(expect(ming, "got plain words"));
        QVERIFY(expect(nc, "/etc/hosts is a file"));
        QVERIFY(expect(nc, "plain words"));

        // Mute, by a nickname in another case; refusals on stderr, nothing sent.
        server.write("/mute 小明\n");
        QVERIFY(expect(ming, "got *** you are muted by the server"));
        QVERIFY(server.waitForError("小明 is muted"));
        ming.write("偷偷说\n");
        QVERIFY(expect(ming, "got *** you are muted: not sent"));
        server.write("/mute nobody\n/bogus\n/notice " + QByteArray(9000, 'x') + "\n/topic " + QByteArray(301, 't') + "\n");
        QVERIFY(server.waitForError("topic refused: longer than 300 bytes"));
        const QByteArray errors = server.errors();
        QVERIFY2(errors.contains("no one in the room is called nobody"), errors.constData());
        QVERIFY2(errors.contains("unknown command /bogus"), errors.constData());
        QVERIFY2(errors.contains("notice refused: longer than 8192 bytes"), errors.constData());
        nc.write("still here\n");
        QVERIFY(expect(ming, "got alice: still here"));   // 小明's muted line never came before it
        QVERIFY(expect(server, "alice: still here"));
        server.write("/unmute 小明\n");
        QVERIFY(expect(ming, "got *** you may speak again"));
        QVERIFY(server.waitForError("小明 may speak again"));

        // /kick: told, then its connection closes; the others and the screen hear it.
        server.write("/KICK 小明\n");
        QVERIFY(expect(ming, "got *** removed by the server"));
        QVERIFY(expect(ming, "closed"));
        QVERIFY(expect(nc, "*** 小明 was removed"));
        QVERIFY(expect(server, "*** 小明 was removed"));
        QVERIFY(server.stopsCleanlyOn(SIGINT));
        nc.closeWrite();
        QVERIFY(nc.waitForFinished());
    }

    // The commands (docs/CHAT.md) with the clients a class brings: two tutorial-style python
    // clients with Chinese nicknames, nc and socat. /topic, a joiner told the topic, /who, /msg
    // (only its addressee hears it, not even the server's screen), /me, /nick with a clash, an
    // unknown command and //, and /quit: the server says goodbye and closes.
    void serve_chat_commands_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_chat_commands()
    {
        QFETCH(QString, model);
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        SOCKETEER_REQUIRE_PROGRAM(u"socat"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        const QByteArray welcome = "*** welcome: send your nickname on the first line";
        const QStringList address{u"127.0.0.1"_s, QString::number(port)};

        Peer ming, hong;
        QVERIFY(ming.startPython(u"chat_client.py"_s, address));
        QVERIFY(ming.readLine().startsWith("connected "));
        QVERIFY(expect(ming, "got " + welcome));
        ming.write("/nick 小明\n");
        QVERIFY(expect(ming, "got *** you are 小明"));
        QVERIFY(expect(server, "*** 小明 joined"));
        ming.write("/topic 第一课：套接字\n");
        QVERIFY(expect(ming, "got *** 小明 set the topic: 第一课：套接字"));
        QVERIFY(expect(server, "*** 小明 set the topic: 第一课：套接字"));

        QVERIFY(hong.startPython(u"chat_client.py"_s, address));
        QVERIFY(hong.readLine().startsWith("connected "));
        QVERIFY(expect(hong, "got " + welcome));
        hong.write("小明\n");   // a clash
        QVERIFY(expect(hong, "got *** nickname 小明 is taken: send another"));
        hong.write("小红\n");
        QVERIFY(expect(hong, "got *** you are 小红"));
        QVERIFY(expect(hong, "got *** topic: 第一课：套接字"));
        QVERIFY(expect(ming, "got *** 小红 joined"));
        QVERIFY(expect(server, "*** 小红 joined"));

        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(expect(nc, welcome));
        nc.write("alice\n");
        QVERIFY(expect(nc, "*** you are alice"));
        QVERIFY(expect(nc, "*** topic: 第一课：套接字"));
        QVERIFY(expect(ming, "got *** alice joined"));
        QVERIFY(expect(hong, "got *** alice joined"));

        // socat is the plain-text participant: it only ever sends its name and lines.
        Peer socat;
        QVERIFY(socat.startProgram(u"socat"_s, {u"-"_s, u"TCP:127.0.0.1:%1"_s.arg(port)}));
        QVERIFY(expect(socat, welcome));
        socat.write("bob\n");
        QVERIFY(expect(socat, "*** you are bob"));
        QVERIFY(expect(socat, "*** topic: 第一课：套接字"));
        for (Peer *peer : {&ming, &hong})
            QVERIFY(expect(*peer, "got *** bob joined"));
        QVERIFY(expect(nc, "*** bob joined"));
        QVERIFY(expect(server, "*** alice joined"));
        QVERIFY(expect(server, "*** bob joined"));

        hong.write("/who\n");
        QVERIFY(expect(hong, "got *** in the room (4): 小明, 小红, alice, bob"));

        nc.write("/msg 小红 悄悄话\n");
        QVERIFY(expect(hong, "got *alice* 悄悄话"));
        QVERIFY(expect(nc, "-> *小红* 悄悄话"));
        nc.write("/msg nobody hello\n");
        QVERIFY(expect(nc, "*** no one here is called nobody: not sent"));
        nc.write("/msg ALICE hello\n");
        QVERIFY(expect(nc, "*** that is you: not sent"));

        ming.write("/me 挥手\n");
        QVERIFY(expect(hong, "got * 小明 挥手"));
        QVERIFY(expect(nc, "* 小明 挥手"));
        QVERIFY(expect(socat, "* 小明 挥手"));
        QVERIFY(expect(server, "* 小明 挥手"));   // the private message before it was not shown

        hong.write("/nick ALICE\n");
        QVERIFY(expect(hong, "got *** nickname ALICE is taken: you are still 小红"));
        hong.write("/nick 红红\n");
        QVERIFY(expect(hong, "got *** you are now 红红"));
        QVERIFY(expect(ming, "got *** 小红 is now 红红"));
        QVERIFY(expect(nc, "*** 小红 is now 红红"));
        QVERIFY(expect(socat, "*** 小红 is now 红红"));
        QVERIFY(expect(server, "*** 小红 is now 红红"));

        socat.write("/etc/hosts?\n");   // not a command socat means: told so, nothing relayed
        QVERIFY(expect(socat, "*** unknown command /etc/hosts?: /help lists them, //TEXT sends a line that starts with /"));
        socat.write("//etc/hosts is a file\n");
        QVERIFY(expect(nc, "bob: /etc/hosts is a file"));
        QVERIFY(expect(ming, "got bob: /etc/hosts is a file"));
        QVERIFY(expect(hong, "got bob: /etc/hosts is a file"));
        QVERIFY(expect(server, "bob: /etc/hosts is a file"));

        // /quit: the goodbye, then the server closes the connection; the others hear "left".
        ming.write("/quit\n");
        QVERIFY(expect(ming, "got *** bye"));
        QVERIFY(expect(ming, "closed"));
        QVERIFY(ming.waitForFinished());
        QVERIFY(expect(hong, "got *** 小明 left"));
        QVERIFY(expect(nc, "*** 小明 left"));
        QVERIFY(expect(socat, "*** 小明 left"));
        QVERIFY(expect(server, "*** 小明 left"));
        QVERIFY(server.waitForError("/quit"));
        // nc too, before it has said anything else; and its name is free for the next.
        nc.write("/QUIT\n");
        QVERIFY(expect(nc, "*** bye"));
        nc.closeWrite();   // nc ends once its stdin has too: the server closed its side already
        QVERIFY(nc.waitForFinished());
        QVERIFY(expect(hong, "got *** alice left"));
        QVERIFY(expect(socat, "*** alice left"));
        hong.write("/who\n");
        QVERIFY(expect(hong, "got *** in the room (2): 红红, bob"));

        QVERIFY(server.stopsCleanlyOn(SIGINT));
        QVERIFY(socat.waitForFinished());
        QVERIFY(expect(hong, "closed"));
    }

    // Forty students written as the tutorial writes a client (tests/peers/chat_crowd.py) join
    // with Chinese nicknames, clash once, /who, say hello, /msg the next, /me and /quit: every
    // line each of them hears is checked, in order.
    void serve_chat_fortyTutorialClients_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_chat_fortyTutorialClients()
    {
        QFETCH(QString, model);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer crowd;
        QVERIFY(crowd.startPython(u"chat_crowd.py"_s, {u"127.0.0.1"_s, QString::number(port), u"40"_s}));
        bool ok = false;
        const QByteArray result = crowd.readLine(120000, &ok);
        QVERIFY2(ok && result == "ok", result.constData());
        QVERIFY(crowd.waitForFinished());
        QCOMPARE(crowd.process().exitCode(), 0);
        QVERIFY(expect(server, "*** 学生01 joined"));
        QVERIFY(server.stopsCleanlyOn(SIGINT));
    }

    // Over TLS with the development certificate: openssl s_client and python's ssl, both verifying.
    void serve_chat_overTls_opensslAndPython()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"openssl"_s);
        QVERIFY(m_home.isValid());
        Cli server;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_home.path());
        server.process().setProcessEnvironment(environment);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--tls-dev-cert"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        const QString caFile = m_home.path() + u"/Socketeer/socketeer/tls/dev-cert.pem"_s;

        Peer openssl;
        QVERIFY(openssl.startProgram(u"openssl"_s, {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port), u"-CAfile"_s, caFile,
                                                     u"-verify_return_error"_s, u"-verify_hostname"_s, u"localhost"_s, u"-quiet"_s}));
        QVERIFY(expect(openssl, "*** welcome: send your nickname on the first line"));
        openssl.write("alice\n");
        QVERIFY(expect(openssl, "*** you are alice"));
        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port), caFile}));
        QVERIFY(python.readLine().startsWith("connected "));
        QVERIFY(expect(python, "got *** welcome: send your nickname on the first line"));
        python.write("bob\n");
        QVERIFY(expect(python, "got *** you are bob"));
        QVERIFY(expect(openssl, "*** bob joined"));
        openssl.write("encrypted hello\n");
        QVERIFY(expect(python, "got alice: encrypted hello"));
        python.write("!two and|back\n");
        QVERIFY(expect(openssl, "bob: and"));
        QVERIFY(expect(openssl, "bob: back"));
        QVERIFY(expect(server, "*** alice joined"));
        QVERIFY(expect(server, "*** bob joined"));
        QVERIFY(expect(server, "alice: encrypted hello"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // AF_UNIX clients have no address to tell them apart: each is "client ID".
    void serve_chat_unixClientsAreNamedByTheirId()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"socat"_s);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"room.sock"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--unix"_s, path, u"--chat"_s}));
        QCOMPARE(server.readLine(), "listening on unix:" + path.toUtf8());
        Peer first, second;
        QVERIFY(first.startProgram(u"socat"_s, {u"-"_s, u"UNIX-CONNECT:"_s + path}));
        const QByteArray you = first.readLine(20000);
        QVERIFY2(you.startsWith("*** you are client "), you.constData());
        const QByteArray firstName = you.mid(12);
        QVERIFY(second.startProgram(u"socat"_s, {u"-"_s, u"UNIX-CONNECT:"_s + path}));
        const QByteArray secondYou = second.readLine(20000);
        QVERIFY2(secondYou.startsWith("*** you are client "), secondYou.constData());
        const QByteArray secondName = secondYou.mid(12);
        QVERIFY(secondName != firstName);
        QVERIFY(expect(first, "*** " + secondName + " joined"));
        first.write("over a unix socket\n");
        QVERIFY(expect(second, firstName + ": over a unix socket"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // Without --nicknames the address names each client.
    void serve_chat_addressesNameTheClients()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"nc"_s);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer python;
        QVERIFY(python.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        const QByteArray connected = python.readLine();
        QVERIFY(connected.startsWith("connected "));
        const QByteArray address = "127.0.0.1:" + connected.mid(10);
        QVERIFY(expect(python, "got *** you are " + address));
        QVERIFY(expect(server, "*** " + address + " joined"));

        Peer nc;
        QVERIFY(nc.startProgram(u"nc"_s, {u"-N"_s, u"127.0.0.1"_s, QString::number(port)}));
        const QByteArray you = nc.readLine(20000);
        QVERIFY2(you.startsWith("*** you are 127.0.0.1:"), you.constData());
        const QByteArray ncAddress = you.mid(12);
        QVERIFY(expect(python, "got *** " + ncAddress + " joined"));
        python.write("hi\n");
        QVERIFY(expect(nc, address + ": hi"));
        nc.write("hi yourself\n");
        QVERIFY(expect(python, "got " + ncAddress + ": hi yourself"));
        QVERIFY(expect(server, "*** " + ncAddress + " joined"));
        QVERIFY(expect(server, address + ": hi"));
        QVERIFY(expect(server, ncAddress + ": hi yourself"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_clichat.moc"
