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
