// `socketeer connect --messages FILE --sequence NAME [--repeat N]` (app/cli/sequenceoption.h) run
// as a script runs it, against the tutorial-style reply server (tests/peers/tcp_reply_server.py):
// what was sent and received is printed, a reply wait that times out exits 1 with the step named,
// --repeat runs N rounds, and a bad file or name is a usage error that says where.

#include "clipeer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

// moc's tokenizer does not follow raw strings: the file would have no Q_OBJECT for it.
#ifndef Q_MOC_RUN
namespace {

constexpr int kWait = 20000;

const QByteArray kLibrary = R"JSON({
  "format": "socketeer-saved", "version": 1,
  "messages": [
    {"name": "hello", "text": "hello\n"},
    {"name": "ping", "folder": "Tests", "format": "hex", "text": "70 69 6e 67 0a"},
    {"name": "quiet", "text": "quiet\n"}
  ],
  "sequences": [
    {"name": "greet", "steps": [
      {"type": "send", "message": "hello"}, {"type": "wait", "pattern": "ACK hello", "timeoutMs": 20000},
      {"type": "delay", "ms": 5},
      {"type": "send", "message": "ping"}, {"type": "wait", "pattern": "^ACK (p\\w+)", "timeoutMs": 20000}]},
    {"name": "silence", "steps": [
      {"type": "send", "message": "quiet"}, {"type": "wait", "pattern": "ACK", "timeoutMs": 300}]}
  ]
})JSON";

const QByteArray kCounterLibrary = R"JSON({"format": "socketeer-saved", "version": 1,
          "messages": [{"name": "read", "text": "READ {{counter:width=4}}\\n"},
                       {"name": "bin", "format": "hex", "text": "42 {{hex:49 4e}} {{counter:name=b}} 0a"}],
          "sequences": [{"name": "count", "steps": [
            {"type": "send", "message": "read"}, {"type": "wait", "pattern": "^ACK READ \\d+$", "timeoutMs": 20000},
            {"type": "send", "message": "bin"}, {"type": "wait", "pattern": "^ACK BIN\\d$", "timeoutMs": 20000}]}]})JSON";

const QByteArray kBadMacroLibrary = R"JSON({"format": "socketeer-saved", "version": 1,
          "messages": [{"name": "oops", "text": "READ {{countr}}"}],
          "sequences": [{"name": "s", "steps": [{"type": "send", "message": "oops"}]}]})JSON";

} // namespace
#endif

class TestCliSequence : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = writeFile(u"saved.json"_s, kLibrary);
        QVERIFY(!m_file.isEmpty());
    }

    void help_documentsTheOptions()
    {
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *mention : {"--messages", "--sequence", "--repeat", "reply wait that times out"})
            QVERIFY2(help.contains(mention), mention);
    }

    void sequence_sendsWaitsAndPrintsBothWays()
    {
        Peer server;
        QVERIFY(server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, m_file, u"--sequence"_s, u"greet"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.process().readAllStandardOutput();
        QVERIFY2(out.contains("sent hello: hello\\n\n"), out.constData());
        QVERIFY2(out.contains("received: ACK hello\\n"), out.constData());
        QVERIFY2(out.contains("sent ping: ping\\n\n"), out.constData());
        QVERIFY2(out.indexOf("sent hello") < out.indexOf("sent ping"), out.constData());
        QVERIFY(cli.errors().contains("sequence \"greet\" completed"));
        QCOMPARE(server.readLine(kWait), QByteArray("got hello"));
        QCOMPARE(server.readLine(kWait), QByteArray("got ping"));
    }

    void repeat_runsNRounds()
    {
        Peer server;
        QVERIFY(server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, m_file, u"--sequence"_s, u"greet"_s,
                           u"--repeat"_s, u"3"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.process().readAllStandardOutput();
        QCOMPARE(out.count("sent hello:"), 3);
        QCOMPARE(out.count("sent ping:"), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(server.readLine(kWait), QByteArray("got hello"));
            QCOMPARE(server.readLine(kWait), QByteArray("got ping"));
        }
    }

    // Macros expand at each send: the counter is the run's, so three rounds send 1, 2, 3 (and the
    // start check does not use one up); a hex message takes {{hex:…}} between its bytes.
    void repeat_countsWithTheRunsCounter()
    {
        const QString file = writeFile(u"counter.json"_s, kCounterLibrary);
        QVERIFY(!file.isEmpty());
        Peer server;
        QVERIFY(server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, file, u"--sequence"_s, u"count"_s,
                           u"--repeat"_s, u"3"_s}));
        QVERIFY2(cli.waitForFinished(kWait), cli.errors().constData());
        QCOMPARE(cli.exitCode(), 0);
        for (const char *n : {"1", "2", "3"}) {
            QCOMPARE(server.readLine(kWait), QByteArray("got READ 000") + n);
            QCOMPARE(server.readLine(kWait), QByteArray("got BIN") + n);
        }
    }

    void badMacro_isAUsageErrorThatSaysWhere()
    {
        const QString file = writeFile(u"badmacro.json"_s, kBadMacroLibrary);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, u"9"_s, u"--messages"_s, file, u"--sequence"_s, u"s"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains("messages[0] \"oops\", text: position 6: unknown macro \"{{countr}}\""), cli.errors().constData());
    }

    void waitTimeout_exitsOneWithTheReason()
    {
        Peer server;
        QVERIFY(server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, m_file, u"--sequence"_s, u"silence"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 1);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains("sequence \"silence\" failed: Step 2: no reply matching \"ACK\" within 300 ms"), errors.constData());
        QCOMPARE(server.readLine(kWait), QByteArray("got quiet"));
    }

    // The issue's "done when", on the command line: three saved messages run as a sequence against
    // `socketeer serve` answering with a regex auto-reply whose capture goes into the reply. Each
    // wait names the value it expects, so a reply that lost its capture (or came to the wrong
    // message) times out and fails.
    void newcomer_sequenceAgainstServeWithARegexAutoReply()
    {
        const QString file = writeFile(u"newcomer.json"_s, R"JSON({"format": "socketeer-saved", "version": 1,
          "messages": [{"name": "read 1", "folder": "Device", "text": "READ 1\n"},
                       {"name": "read 22", "folder": "Device", "text": "READ 22\n"},
                       {"name": "read 333", "folder": "Device", "format": "hex", "text": "52 45 41 44 20 33 33 33 0a"}],
          "sequences": [{"name": "poll", "steps": [
            {"type": "send", "message": "read 1"}, {"type": "wait", "pattern": "^VALUE 1$", "timeoutMs": 20000},
            {"type": "send", "message": "read 22"}, {"type": "wait", "pattern": "^VALUE 22$", "timeoutMs": 20000},
            {"type": "send", "message": "read 333"}, {"type": "wait", "pattern": "^VALUE 333$", "timeoutMs": 20000}]}]})JSON");
        QVERIFY(!file.isEmpty());
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--reply"_s, uR"(regex:^READ (\d+)$=>VALUE \1\n)"_s}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, file, u"--sequence"_s, u"poll"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.process().readAllStandardOutput();
        for (const char *reply : {"received: VALUE 1\\n", "received: VALUE 22\\n", "received: VALUE 333\\n"})
            QVERIFY2(out.contains(reply), out.constData());
        QVERIFY(cli.errors().contains("sequence \"poll\" completed"));
        QVERIFY(server.waitForError("VALUE 333", kWait));   // the server notes each automatic reply
        QVERIFY(server.stopsCleanlyOn(SIGINT));
    }

    // udp --to: each message one datagram to the tutorial's UDP server, which sends it back.
    void udp_sequenceToTheTutorialsUdpServer()
    {
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        const QString file = writeFile(u"udp.json"_s, R"JSON({"format": "socketeer-saved", "version": 1,
          "messages": [{"name": "ping", "text": "ping"}],
          "sequences": [{"name": "pings", "repeat": 2, "steps": [
            {"type": "send", "message": "ping"}, {"type": "wait", "pattern": "^ping$", "timeoutMs": 20000}]}]})JSON");
        Cli cli;
        QVERIFY(cli.start({u"udp"_s, u"--to"_s, u"127.0.0.1:%1"_s.arg(port), u"--messages"_s, file, u"--sequence"_s, u"pings"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.process().readAllStandardOutput();
        QCOMPARE(out.count("sent ping: ping\n"), 2);
        QCOMPARE(out.count("received: ping\n"), 2);
        QVERIFY(server.readLine(kWait).endsWith(" 70696e67"));
        QVERIFY(server.readLine(kWait).endsWith(" 70696e67"));
    }

    void udp_sequenceNeedsTo()
    {
        Cli cli;
        QVERIFY(cli.start({u"udp"_s, u"--messages"_s, m_file, u"--sequence"_s, u"greet"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains("--sequence needs --to"), cli.errors().constData());
    }

    void peerClosesFirst_exitsOne()
    {
        Peer server;   // answers nothing and closes at once
        QVERIFY(server.startPython(u"tcp_greeting_server.py"_s, {u"0"_s, u"127.0.0.1"_s, QString()}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--messages"_s, m_file, u"--sequence"_s, u"greet"_s}));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.errors().contains("did not finish"), cli.errors().constData());
    }

    void badInput_isAUsageErrorThatSaysWhere_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");
        const QString bad = writeFile(u"bad.json"_s, QByteArray(kLibrary).replace("\"timeoutMs\": 300", "\"timeoutMs\": -3"));
        QTest::newRow("bad field") << QStringList{u"--messages"_s, bad, u"--sequence"_s, u"greet"_s}
                                   << QByteArray("sequences[1] \"silence\", steps[1].timeoutMs: must be a whole number");
        QTest::newRow("no such sequence") << QStringList{u"--messages"_s, m_file, u"--sequence"_s, u"nope"_s}
                                          << QByteArray("no sequence \"nope\"");
        QTest::newRow("missing file") << QStringList{u"--messages"_s, m_dir.filePath(u"none.json"_s), u"--sequence"_s, u"greet"_s}
                                      << QByteArray("Could not read");
        QTest::newRow("no messages") << QStringList{u"--sequence"_s, u"greet"_s} << QByteArray("--sequence needs --messages");
        QTest::newRow("repeat alone") << QStringList{u"--repeat"_s, u"2"_s} << QByteArray("go with --sequence");
        QTest::newRow("bad repeat") << QStringList{u"--messages"_s, m_file, u"--sequence"_s, u"greet"_s, u"--repeat"_s, u"x"_s}
                                    << QByteArray("--repeat: \"x\"");
    }
    void badInput_isAUsageErrorThatSaysWhere()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        Cli cli;
        QVERIFY(cli.start(QStringList{u"connect"_s, u"127.0.0.1"_s, u"9"_s} + arguments));
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(mentions), cli.errors().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliSequence)
#include "tst_clisequence.moc"
