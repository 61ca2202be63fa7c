// The chat-commands lab (level 2 of docs/CHAT.md) from the command line, its own suite like
// tst_clilabchat (a wrong room fails steps after their timeouts): the tutorial-style answer passes,
// each wrong answer fails at the step that names its mistake, with that step's hint, Socketeer's
// own room (both models) is the reference answer, and the report speaks Chinese.

#include "clipeer.h"
#include "labtestutil.h"

#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::kLabWait;
using testsupport::LabOutcome;
using testsupport::runLabAgainstServer;

class TestCliLabChatCommands : public QObject {
    Q_OBJECT

private slots:
    void shippedLab_gradesStudents_data()
    {
        QTest::addColumn<QString>("mistake");   // chat_commands_server.py's second argument
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArrayList>("shown");
        QTest::addColumn<QByteArrayList>("notShown");
        // A wrong room's stray lines may still be on their way when a failed step drops what was
        // read, so a later step of that connection may fail too, or not: only the steps that name
        // the mistake are checked, and the score where nothing is left on the way.
        QTest::newRow("correct") << QString() << 0 << QByteArrayList{"Score: 19/19 points, 42 of 42 steps passed"}
                                 << QByteArrayList{"FAIL", "hint:"};
        QTest::newRow("nicknames compared with their case")
            << u"case-sensitive"_s << 1
            << QByteArrayList{"13. FAIL ALICE is refused: alice is in the room, and case does not make another person", "name.casefold()"}
            << QByteArrayList{"13. PASS", "\n4. FAIL"};
        QTest::newRow("/who answered to everyone")
            << u"who-to-all"_s << 1
            << QByteArrayList{"19. PASS", "29. FAIL C hears of the new name, and heard nothing private before it",
                              "The answer to /who and a /msg go to one client only"}
            << QByteArrayList{"19. FAIL"};
        QTest::newRow("an unknown command relayed")
            << u"relay-unknown"_s << 1
            << QByteArrayList{"35. FAIL An unknown command is answered to its sender", "never relay it",
                              "38. FAIL Robert hears carol's line, and never heard the unknown command"}
            << QByteArrayList{"37. FAIL"};
        QTest::newRow("/quit without closing")
            << u"no-close"_s << 1
            << QByteArrayList{"40. PASS", "41. FAIL After bye the server closes the connection", "conn.close()", "Score: 17/19 points"}
            << QByteArrayList{"40. FAIL"};
    }
    void shippedLab_gradesStudents()
    {
        QFETCH(QString, mistake);
        QFETCH(int, exit);
        QFETCH(QByteArrayList, shown);
        QFETCH(QByteArrayList, notShown);
        const LabOutcome outcome = runLabAgainstServer(u"chat-commands"_s, u"chat_commands_server.py"_s, {u"--language"_s, u"en"_s},
                                                       mistake.isEmpty() ? QStringList() : QStringList{mistake});
        QVERIFY2(outcome.exit == exit, outcome.out + outcome.err);
        for (const QByteArray &text : shown)
            QVERIFY2(outcome.out.contains(text), text + "\n---\n" + outcome.out);
        for (const QByteArray &text : notShown)
            QVERIFY2(!outcome.out.contains(text), text + "\n---\n" + outcome.out);
    }

    // A level-1 room (no nicknames, no commands) fails at once, at the welcome, with its hint.
    void levelOneRoom_failsAtTheWelcome()
    {
        const LabOutcome outcome = runLabAgainstServer(u"chat-commands"_s, u"chat_server.py"_s, {u"--language"_s, u"en"_s});
        QCOMPARE(outcome.exit, 1);
        QVERIFY2(outcome.out.contains("2. FAIL A is asked for its nickname"), outcome.out);
        QVERIFY2(outcome.out.contains("docs/CHAT.md, level 2"), outcome.out);
    }

    // Socketeer's own room is the reference answer, in both models.
    void passesSocketeersOwnRoom_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void passesSocketeersOwnRoom()
    {
        QFETCH(QString, model);
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--chat"_s, u"--nicknames"_s, u"--model"_s, model}));
        const quint16 port = serve.readPortLine("listening on ");
        QVERIFY(port);
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, u"chat-commands"_s, u"--target"_s, u"127.0.0.1:%1"_s.arg(port), u"--language"_s, u"en"_s}));
        QVERIFY(cli.waitForFinished(kLabWait));
        const QByteArray out = cli.process().readAllStandardOutput();
        QVERIFY2(cli.exitCode() == 0, out + cli.errors());
        QVERIFY2(out.contains("Score: 19/19 points, 42 of 42 steps passed"), out.constData());
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    void chinese()
    {
        const LabOutcome outcome = runLabAgainstServer(u"chat-commands"_s, u"chat_commands_server.py"_s, {u"--language"_s, u"zh_CN"_s},
                                                       {u"no-close"_s});
        QCOMPARE(outcome.exit, 1);
        QVERIFY2(outcome.out.contains("TCP 聊天室，第二级：昵称和命令"), outcome.out);
        QVERIFY2(outcome.out.contains("\"*** bye\" 之后服务器关闭连接"), outcome.out);
        QVERIFY2(outcome.out.contains("在它的线程中 conn.close()"), outcome.out);
    }
};

QTEST_GUILESS_MAIN(TestCliLabChatCommands)
#include "tst_clilabchatcommands.moc"
