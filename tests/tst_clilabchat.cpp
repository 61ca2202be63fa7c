// The chat-room lab from the command line (its own suite: a wrong room fails many steps, each
// after its 5 s timeout, so these rows run beside tst_clilab, not after it): the tutorial-style
// correct room passes, each wrong one fails at the right step with its hint, Socketeer's own room
// (both models) is the reference answer, and the report speaks Chinese.

#include "clipeer.h"
#include "labtestutil.h"

#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::kLabWait;
using testsupport::LabOutcome;
using testsupport::runLabAgainstServer;

class TestCliLabChat : public QObject {
    Q_OBJECT

private slots:
    void shippedLab_gradesStudents_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<QString>("student");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArrayList>("shown");
        QTest::addColumn<QByteArrayList>("notShown");
        // The chat room: three named connections; a line from one must reach the others, never itself.
        QTest::newRow("chat-room: correct") << u"chat-room"_s << u"chat_server.py"_s << 0
                                            << QByteArrayList{"Score: 16/16 points, 17 of 17 steps passed"} << QByteArrayList{"FAIL", "hint:"};
        QTest::newRow("chat-room: echoes to the sender only")
            << u"chat-room"_s << u"chat_echo_server.py"_s << 1
            << QByteArrayList{"2. FAIL A is in the room: it is told its name", "9. FAIL A's line reaches B, its sender's name first",
                              "sendall(name + b': ' + line) to every other client", "12. FAIL B's line reaches A, and A did not get its own line back",
                              "15. FAIL The others are told C left", "Score: 3/16 points"}
            << QByteArrayList{"9. PASS"};
        QTest::newRow("chat-room: relays to the sender too")
            << u"chat-room"_s << u"chat_everyone_server.py"_s << 1
            << QByteArrayList{"7. PASS", "9. PASS", "12. FAIL B's line reaches A, and A did not get its own line back",
                              "skip the one that sent the line (if client is not sender)", "17. PASS", "Score: 14/16 points, 16 of 17 steps passed"}
            << QByteArrayList{"9. FAIL"};
        QTest::newRow("chat-room: one client at a time")
            << u"chat-room"_s << u"chat_one_at_a_time_server.py"_s << 1
            << QByteArrayList{"2. PASS", "4. FAIL B is in the room while A is still connected", "start a thread per client", "9. FAIL", "17. FAIL"}
            << QByteArrayList{"\n2. FAIL", "\n9. PASS"};
    }

    void shippedLab_gradesStudents()
    {
        QFETCH(QString, lab);
        QFETCH(QString, student);
        QFETCH(int, exit);
        QFETCH(QByteArrayList, shown);
        QFETCH(QByteArrayList, notShown);
        const LabOutcome outcome = runLabAgainstServer(lab, student, {u"--language"_s, u"en"_s});
        QVERIFY2(outcome.exit == exit, outcome.out + outcome.err);
        for (const QByteArray &text : shown)
            QVERIFY2(outcome.out.contains(text), text + "\n---\n" + outcome.out);
        for (const QByteArray &text : notShown)
            QVERIFY2(!outcome.out.contains(text), text + "\n---\n" + outcome.out);
    }

    // Socketeer's own room (docs/CHAT.md) is the reference answer of the chat-room lab, both models.
    void chatRoomLab_passesSocketeersOwnRoom_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void chatRoomLab_passesSocketeersOwnRoom()
    {
        QFETCH(QString, model);
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--model"_s, model}));
        const quint16 port = serve.readPortLine("listening on ");
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, u"chat-room"_s, u"--target"_s, u"127.0.0.1:%1"_s.arg(port), u"--language"_s, u"en"_s}));
        QVERIFY(cli.waitForFinished(kLabWait));
        const QByteArray out = cli.process().readAllStandardOutput();
        QVERIFY2(cli.exitCode() == 0, out + cli.errors());
        QVERIFY2(out.contains("Score: 16/16 points"), out.constData());
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    void chinese_chatRoomLabInChinese()
    {
        const LabOutcome outcome = runLabAgainstServer(u"chat-room"_s, u"chat_everyone_server.py"_s, {u"--language"_s, u"zh_CN"_s});
        QCOMPARE(outcome.exit, 1);
        QVERIFY2(outcome.out.contains("TCP 聊天室"), outcome.out);
        QVERIFY2(outcome.out.contains("乙的一行到达甲，且甲没有收到自己的那一行"), outcome.out);
        QVERIFY2(outcome.out.contains("跳过发出这一行的客户端"), outcome.out);
    }

};

QTEST_GUILESS_MAIN(TestCliLabChat)
#include "tst_clilabchat.moc"
