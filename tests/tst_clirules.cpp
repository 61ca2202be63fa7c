// --rules and --reply on the command line (issue 11's auto-reply rules), against peers this
// project did not write: tests/peers/line_peer.py (the tutorial's line chat client and server) and
// udp_client.py. Both server models; replies to the sender only and to every client; once and N
// times across clients; a delayed reply; bad rules refused with exit 2 before anything listens.

#include "clipeer.h"

#include <QTemporaryDir>
#include <QFile>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

namespace {

constexpr int kWait = 20000;   // generous: the machine is shared and the sanitizer builds are slow

// A tutorial-style client connected to the server, its "connected" line read.
std::unique_ptr<Peer> lineClient(quint16 port)
{
    auto peer = std::make_unique<Peer>();
    if (!peer->startPython(u"line_peer.py"_s, {u"client"_s, u"127.0.0.1"_s, QString::number(port)}))
        return nullptr;
    if (peer->readLine(kWait) != "connected")
        return nullptr;
    return peer;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

void addModels()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("event-loop") << u"event-loop"_s;
    QTest::newRow("thread-per-client") << u"thread-per-client"_s;
}

} // namespace

class TestCliRules : public QObject {
    Q_OBJECT

private slots:
    void help_documentsRules_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("serve") << u"serve"_s;
        QTest::newRow("connect") << u"connect"_s;
        QTest::newRow("udp") << u"udp"_s;
    }
    void help_documentsRules()
    {
        QFETCH(QString, command);
        Cli cli;
        QVERIFY(cli.start({command, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const char *mention : {"--rules", "--reply", "regex:", "{{counter}}"})
            QVERIFY2(help.contains(mention), mention);
    }

    // The issue's example: a regex with a capture answered to a tutorial-style client, and a line
    // that matches nothing answered with nothing (the next answer is the next match's).
    void serve_regexReplyWithCapture_data() { addModels(); }
    void serve_regexReplyWithCapture()
    {
        QFETCH(QString, model);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model, u"--reply"_s, uR"(regex:^PING (\d+)$=>PONG \1\n)"_s}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        auto client = lineClient(port);
        QVERIFY(client);
        client->write("PING 7\nhello\nPING 8\n");
        QCOMPARE(client->readLine(kWait), QByteArray("line PONG 7"));
        QCOMPARE(client->readLine(kWait), QByteArray("line PONG 8"));
        // stdout keeps carrying the data; the replies are reported on stderr.
        QCOMPARE(server.readLine(kWait), QByteArray("PING 7"));
        QVERIFY(server.waitForError("auto reply (rule 1) to client 1: PONG 8"));
        client->closeWrite();
        QCOMPARE(client->readLine(kWait), QByteArray("closed"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // "to": "all" goes to every client through the engine's send-to-all; the default only to the
    // sender, so the other two clients' first line is the shout.
    void serve_toAllVersusSender_data() { addModels(); }
    void serve_toAllVersusSender()
    {
        QFETCH(QString, model);
        QTemporaryDir dir;
        const QString rules = writeFile(dir, u"rules.json"_s, R"({"rules": [
            {"match": "exact", "pattern": "me", "reply": "ME\n"},
            {"match": "exact", "pattern": "shout", "reply": "SHOUT\n", "to": "all"}]})");
        QVERIFY(!rules.isEmpty());
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model, u"--rules"_s, rules}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        auto a = lineClient(port), b = lineClient(port), c = lineClient(port);
        QVERIFY(a && b && c);
        QVERIFY(server.waitForError("client 3 connected"));   // all three known to the engine
        a->write("me\n");
        QCOMPARE(a->readLine(kWait), QByteArray("line ME"));
        a->write("shout\n");
        QCOMPARE(a->readLine(kWait), QByteArray("line SHOUT"));
        QCOMPARE(b->readLine(kWait), QByteArray("line SHOUT"));
        QCOMPARE(c->readLine(kWait), QByteArray("line SHOUT"));
        QVERIFY(server.waitForError("auto reply (rule 2) to every client: SHOUT"));
        for (Peer *peer : {a.get(), b.get(), c.get()}) {
            peer->closeWrite();
            QCOMPARE(peer->readLine(kWait), QByteArray("closed"));
        }
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // maxFires counts per rule set, across clients (and threads); a spent rule lets the next match.
    void serve_fireLimitsAcrossClients_data() { addModels(); }
    void serve_fireLimitsAcrossClients()
    {
        QFETCH(QString, model);
        QTemporaryDir dir;
        const QString rules = writeFile(dir, u"rules.json"_s, R"({"rules": [
            {"match": "exact", "pattern": "hello", "reply": "WELCOME\n", "maxFires": 1},
            {"match": "exact", "pattern": "x", "reply": "X{{counter}}\n", "maxFires": 2},
            {"match": "exact", "pattern": "x", "reply": "LATE\n"},
            {"match": "exact", "pattern": "hello", "reply": "AGAIN\n"}]})");
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model, u"--rules"_s, rules}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        auto a = lineClient(port), b = lineClient(port);
        QVERIFY(a && b);
        a->write("hello\n");
        QCOMPARE(a->readLine(kWait), QByteArray("line WELCOME"));
        b->write("hello\n");
        QCOMPARE(b->readLine(kWait), QByteArray("line AGAIN"));   // once: only the first client was welcomed
        a->write("x\n");
        QCOMPARE(a->readLine(kWait), QByteArray("line X1"));
        b->write("x\n");
        QCOMPARE(b->readLine(kWait), QByteArray("line X2"));
        a->write("x\n");
        QCOMPARE(a->readLine(kWait), QByteArray("line LATE"));
        b->write("x\n");
        QCOMPARE(b->readLine(kWait), QByteArray("line LATE"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // A delayed reply comes after the delay, from the worker's own timer, while the connection goes
    // on: the immediate answer to a later line arrives first. (No timing is asserted but the order,
    // with a delay far longer than one round trip.)
    void serve_delayedReply_data() { addModels(); }
    void serve_delayedReply()
    {
        QFETCH(QString, model);
        QTemporaryDir dir;
        const QString rules = writeFile(dir, u"rules.json"_s, R"({"rules": [
            {"match": "exact", "pattern": "later", "reply": "LATER\n", "delayMs": 1500}]})");
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model, u"--rules"_s, rules, u"--reply"_s,
                              u"exact:now=>NOW\\n"_s}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        auto client = lineClient(port);
        QVERIFY(client);
        client->write("later\nnow\n");
        QCOMPARE(client->readLine(kWait), QByteArray("line NOW"));
        QCOMPARE(client->readLine(kWait), QByteArray("line LATER"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    // The client side: a tutorial-style server sends lines, connect's rules answer them.
    void connect_answersPythonServer()
    {
        Peer server;
        QVERIFY(server.startPython(u"line_peer.py"_s, {u"server"_s, u"0"_s}));
        const quint16 port = server.readListeningPort(kWait);
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--reply"_s, uR"(regex:^PING (?<n>\d+)$=>PONG ${n}\n)"_s, u"--reply"_s,
                              u"starts:BYE=>hex:42 59 45 0A"_s, u"127.0.0.1"_s, QString::number(port)}));
        QCOMPARE(server.readLine(kWait), QByteArray("connected"));
        server.write("PING 5\nnothing\nBYE now\n");
        QCOMPARE(server.readLine(kWait), QByteArray("line PONG 5"));
        QCOMPARE(server.readLine(kWait), QByteArray("line BYE"));
        QCOMPARE(client.readLine(kWait), QByteArray("PING 5"));   // stdout is still the data
        QVERIFY(client.waitForError("auto reply (rule 2) to the server: BYE"));
        server.closeWrite();   // the server half-closes; the client closes when its stdin ends too
        client.closeWrite();
        QCOMPARE(server.readLine(kWait), QByteArray("closed"));
        QVERIFY(client.waitForFinished(kWait));
        QCOMPARE(client.exitCode(), 0);
    }

    // connect --frame also splits the stream for the rules: a length-prefixed message matches.
    void connect_frameSplitsForRules()
    {
        Peer server;
        QVERIFY(server.startPython(u"line_peer.py"_s, {u"server"_s, u"0"_s}));
        const quint16 port = server.readListeningPort(kWait);
        QVERIFY(port);
        Cli client;
        // delim:3B is ';': the peer's lines arrive as "a;b;" pieces, the rules see "a" and "b".
        QVERIFY(client.start({u"connect"_s, u"--frame"_s, u"delim:3B"_s, u"--reply"_s, u"exact:b=>got b\\n"_s, u"127.0.0.1"_s,
                              QString::number(port)}));
        QCOMPARE(server.readLine(kWait), QByteArray("connected"));
        server.write("a;b;c\n");
        QCOMPARE(server.readLine(kWait), QByteArray("line got b"));
        server.closeWrite();
        client.closeWrite();
        QVERIFY(client.waitForFinished(kWait));
    }

    // UDP answers the datagram's sender: the tutorial's UDP client gets the reply.
    void udp_answersSender()
    {
        Cli endpoint;
        QVERIFY(endpoint.start({u"udp"_s, u"--bind"_s, u"127.0.0.1:0"_s, u"--reply"_s, uR"(regex:^PING (\d+)$=>PONG \1)"_s, u"--reply"_s,
                                u"hex:01 03 ?? ?? =>hex:01 83 02"_s}));
        const quint16 port = endpoint.readPortLine("bound");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(u"udp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QCOMPARE(client.readLine(kWait), QByteArray("ready"));
        client.write(QByteArray("PING 12\n").toHex() + "\n");   // with the LF nc -u would send
        const QByteArray answer = client.readLine(kWait);
        QVERIFY2(answer.startsWith("From 127.0.0.1 " + QByteArray::number(port)) && answer.endsWith(" " + QByteArray("PONG 12").toHex()),
                 answer.constData());
        client.write("0103abcd\n");
        QVERIFY(client.readLine(kWait).endsWith(" 018302"));
        QVERIFY(endpoint.waitForError("auto reply (rule 2) to 127.0.0.1:"));
        client.closeWrite();
        QVERIFY(client.waitForFinished(kWait));
        QVERIFY(endpoint.stopsCleanlyOn(SIGTERM));
    }

    // A mistake in the rules is a usage error before anything listens or connects.
    void badRules_exitTwoBeforeListening_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");       // written to rules.json when not empty
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bad regex") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--reply"_s, u"regex:(a=>x"_s} << QString()
                                   << QByteArray("--reply: rule 1, \"pattern\": not a valid regular expression at position");
        QTest::newRow("no kind") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--reply"_s, u"PING=>PONG"_s} << QString()
                                 << QByteArray("does not start with a kind");
        QTest::newRow("no arrow") << QStringList{u"udp"_s, u"--reply"_s, u"exact:PING"_s} << QString() << QByteArray("no \"=>\"");
        QTest::newRow("bad macro") << QStringList{u"connect"_s, u"--reply"_s, u"exact:a=>x{{nope}}"_s, u"127.0.0.1"_s, u"9"_s} << QString()
                                   << QByteArray("rule 1, \"reply\": position 2: unknown macro");
        QTest::newRow("missing file") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--rules"_s, u"/nonexistent/rules.json"_s} << QString()
                                      << QByteArray("--rules: cannot read /nonexistent/rules.json");
        QTest::newRow("bad file") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--rules"_s, u"FILE"_s}
                                  << uR"({"rules": [{"match": "exact", "pattern": "a", "reply": "b"}, {"match": "hex", "pattern": "0", "reply": "b"}]})"_s
                                  << QByteArray("rule 2, \"pattern\"");
        QTest::newRow("group out of range") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--reply"_s, u"regex:(a)=>\\3"_s} << QString()
                                            << QByteArray("uses group 3");
    }
    void badRules_exitTwoBeforeListening()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        if (!file.isEmpty())
            arguments.replace(arguments.indexOf(u"FILE"_s), writeFile(dir, u"rules.json"_s, file.toUtf8()));
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(expected), cli.errors().constData());
        QCOMPARE(cli.process().readAllStandardOutput(), QByteArray());   // never listened, bound or connected
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_clirules.moc"
