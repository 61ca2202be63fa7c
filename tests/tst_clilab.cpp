// `socketeer lab run` as a course's script runs it: each shipped lab passes the tutorial's correct
// student program and fails each wrong one at the right step with that step's hint; hidden steps
// show only PASS/FAIL; --json is one parseable object with every step; the exit status is 0 only
// when every step passed, 1 when one failed, 2 for a mistake on the command line or in the file.

#include "clipeer.h"
#include "labtestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::kLabWait;
using testsupport::LabOutcome;
using testsupport::Peer;
using testsupport::runLabAgainstServer;


class TestCliLab : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

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
    void help_namesTheBuiltInLabsAndExitStatus()
    {
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput().simplified();
        for (const char *mention : {"echo-server", "threaded-echo-server", "udp-echo", "tcp-client", "mail-attachment", "chat-room", "--json", "--target", "--language",
                                    "0 when every step passed"})
            QVERIFY2(help.contains(mention), mention);
    }

    void shippedLab_gradesStudents_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<QString>("student");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArrayList>("shown");
        QTest::addColumn<QByteArrayList>("notShown");
        // By name (built in) and by path.
        QTest::newRow("echo-server: correct") << u"echo-server"_s << u"echo_server.py"_s << 0
                                              << QByteArrayList{"Score: 8/8 points, 11 of 11 steps passed", "9. hidden step: PASS"}
                                              << QByteArrayList{"FAIL", "hint:"};
        QTest::newRow("echo-server by path: correct") << Peer::peersDir() + u"/../../resources/labs/echo-server.json"_s << u"echo_server.py"_s << 0
                                                      << QByteArrayList{"Score: 8/8 points"} << QByteArrayList{"FAIL"};
        QTest::newRow("echo-server: no echo")
            << u"echo-server"_s << u"no_echo_server.py"_s << 1
            << QByteArrayList{"1. PASS The server accepts a connection", "3. FAIL The first message comes back unchanged",
                              "problem:  no answer within 5000 ms", "hint:     After recv() returns data, send exactly those bytes back",
                              "11. hidden step: FAIL", "Score: 2/8 points"}
            << QByteArrayList{"outer loop", "still there"};   // the hidden steps' hint and message
        QTest::newRow("echo-server: first message only")
            << u"echo-server"_s << u"first_only_echo_server.py"_s << 1
            << QByteArrayList{"3. PASS The first message comes back unchanged", "5. FAIL Every message comes back, not only the first",
                              "hint:     recv() and sendall() must be inside a loop"}
            << QByteArrayList{"3. FAIL"};
        QTest::newRow("echo-server: replies in GBK")
            << u"echo-server"_s << u"gbk_echo_server.py"_s << 1
            << QByteArrayList{"5. PASS", "7. FAIL Chinese text comes back as the same UTF-8 bytes", "(hex): C4 E3 BA C3 A3 AC CA C0 BD E7 0A",
                              "problem:  what came back is not what was expected", "not GBK", "Score: 6/8 points"}
            << QByteArrayList{"5. FAIL"};
        QTest::newRow("threaded: correct") << u"threaded-echo-server"_s << u"threaded_echo_server.py"_s << 0
                                           << QByteArrayList{"Score: 8/8 points, 7 of 7 steps passed"} << QByteArrayList{"FAIL"};
        QTest::newRow("threaded: one client at a time")
            << u"threaded-echo-server"_s << u"echo_server.py"_s << 1
            << QByteArrayList{"3. PASS", "4. FAIL Two clients connected at once are both answered",
                              "problem:  2 of the 2 clients got no answer within 5000 ms while all were connected",
                              "start a thread per connection", "5. hidden step: FAIL", "7. PASS"}
            << QByteArrayList{"listen() needs a backlog"};
        QTest::newRow("threaded: first message only")
            << u"threaded-echo-server"_s << u"first_only_echo_server.py"_s << 1
            << QByteArrayList{"4. PASS", "7. FAIL The first client is still served", "must loop on recv()"} << QByteArrayList{"4. FAIL"};
        QTest::newRow("udp-echo: correct") << u"udp-echo"_s << u"udp_echo_server.py"_s << 0 << QByteArrayList{"Score: 5/5 points"}
                                           << QByteArrayList{"FAIL"};
        QTest::newRow("udp-echo: upper case")
            << u"udp-echo"_s << u"udp_upper_server.py"_s << 1
            << QByteArrayList{"2. FAIL A datagram comes back unchanged", "received: \"HELLO\\n\"", "s.sendto(data, addr)"}
            << QByteArrayList{"2. PASS"};
        QTest::newRow("udp-echo: answers in GBK")
            << u"udp-echo"_s << u"udp_gbk_server.py"_s << 1
            << QByteArrayList{"2. PASS A datagram comes back unchanged", "FAIL Chinese text comes back as the same UTF-8 bytes",
                              "encode the reply with the same encoding", "hidden step: FAIL"}
            << QByteArrayList{"do not decode it"};   // the hidden step's hint
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

    void chinese_titlesAndHintsInChinese()
    {
        const LabOutcome outcome = runLabAgainstServer(u"echo-server"_s, u"no_echo_server.py"_s, {u"--language"_s, u"zh_CN"_s});
        QCOMPARE(outcome.exit, 1);
        QVERIFY2(outcome.out.contains("TCP 回显服务器"), outcome.out);
        QVERIFY2(outcome.out.contains("第一条消息被原样发回"), outcome.out);
        QVERIFY2(outcome.out.contains("用 sendall(data) 把这些字节原样发回"), outcome.out);
    }

    void json_isOneObjectWithEveryStep()
    {
        const LabOutcome outcome = runLabAgainstServer(u"echo-server"_s, u"gbk_echo_server.py"_s, {u"--json"_s, u"--language"_s, u"en"_s});
        QCOMPARE(outcome.exit, 1);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(outcome.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, outcome.out);
        const QJsonObject top = document.object();
        QCOMPARE(top.value(u"format"_s).toString(), u"socketeer-lab-result"_s);
        QCOMPARE(top.value(u"version"_s).toInt(), 1);
        QCOMPARE(top.value(u"title"_s).toString(), u"TCP echo server"_s);
        QCOMPARE(top.value(u"passed"_s).toBool(), false);
        QCOMPARE(top.value(u"points"_s).toInt(), 6);
        QCOMPARE(top.value(u"maxPoints"_s).toInt(), 8);
        const QJsonArray steps = top.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 11);
        const QJsonObject failed = steps.at(6).toObject();
        QCOMPARE(failed.value(u"step"_s).toInt(), 7);
        QCOMPARE(failed.value(u"type"_s).toString(), u"expect"_s);
        QCOMPARE(failed.value(u"passed"_s).toBool(), false);
        QCOMPARE(failed.value(u"points"_s).toInt(), 0);
        QCOMPARE(failed.value(u"maxPoints"_s).toInt(), 2);
        QCOMPARE(failed.value(u"receivedHex"_s).toString(), u"C4 E3 BA C3 A3 AC CA C0 BD E7 0A"_s);
        QCOMPARE(steps.at(5).toObject().value(u"sentHex"_s).toString(), u"E4 BD A0 E5 A5 BD EF BC 8C E4 B8 96 E7 95 8C 0A"_s);
        QVERIFY(failed.value(u"hint"_s).toString().contains(u"not GBK"_s));
        QVERIFY(failed.value(u"problem"_s).toString().contains(u"not what was expected"_s));
        // Hidden steps are there in full: the grading system decides what the student sees.
        const QJsonObject hidden = steps.at(10).toObject();
        QCOMPARE(hidden.value(u"hidden"_s).toBool(), true);
        QCOMPARE(hidden.value(u"passed"_s).toBool(), true);
        QCOMPARE(hidden.value(u"receivedText"_s).toString(), u"still there?\\n"_s);
        // Passed steps carry no problem or hint.
        QVERIFY(!steps.at(0).toObject().contains(u"hint"_s));
    }

    void tcpClientLab_saysWhereAndGradesTheClient_data()
    {
        QTest::addColumn<QString>("student");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArray>("shown");
        QTest::addColumn<bool>("answered");
        QTest::newRow("correct") << u"hello_client.py"_s << 0 << QByteArray("Score: 5/5 points") << true;
        QTest::newRow("never closes") << u"no_close_client.py"_s << 1 << QByteArray("4. FAIL The client closes the connection after the answer")
                                      << true;
        QTest::newRow("no newline") << u"no_newline_client.py"_s << 1 << QByteArray("FAIL The client sends \"hello\" and a newline") << false;
    }

    void tcpClientLab_saysWhereAndGradesTheClient()
    {
        QFETCH(QString, student);
        QFETCH(int, exit);
        QFETCH(QByteArray, shown);
        QFETCH(bool, answered);
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, u"tcp-client"_s, u"--language"_s, u"en"_s}));
        QVERIFY(cli.waitForError("start the program now", kLabWait));
        const QByteArray errors = cli.errors();
        const qsizetype at = errors.indexOf("listening on ");
        QVERIFY2(at >= 0, errors.constData());
        const QList<QByteArray> words = errors.mid(at).split('\n').first().split(' ');
        QVERIFY(words.size() >= 4);
        const QString host = QString::fromLatin1(words.at(2));
        const QString port = QString::fromLatin1(words.at(3)).remove(u':');
        QCOMPARE(host, u"127.0.0.1"_s);
        Peer client;
        QVERIFY(client.startPython(u"students/"_s + student, {host, port}));
        QVERIFY(cli.waitForFinished(kLabWait));
        const QByteArray out = cli.process().readAllStandardOutput();
        QVERIFY2(cli.exitCode() == exit, out + cli.errors());
        QVERIFY2(out.contains(shown), out.constData());
        if (answered)
            QCOMPARE(client.readLine(kLabWait), QByteArray("Received 'welcome 欢迎\\n'"));
    }

    // The local inbox is started for the student's mail program, which is told where; the steps
    // check the message's subject, then its Chinese-named attachment, each with its own hint.
    void mailLab_gradesTheSentMessage_data()
    {
        QTest::addColumn<QStringList>("studentArguments");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArrayList>("shown");
        QTest::newRow("correct") << QStringList{} << 0
                                 << QByteArrayList{"2. PASS", "3. PASS", "Attachments: 报告.txt", "Score: 4/4 points"};
        QTest::newRow("no attachment") << QStringList{u"--no-attachment"_s} << 1
                                       << QByteArrayList{"2. PASS", "3. FAIL A mail with the attachment 报告.txt arrives", "Attachments: none",
                                                         "hint:     Add the file with msg.add_attachment"};
        QTest::newRow("subject in English") << QStringList{u"--english-subject"_s} << 1
                                            << QByteArrayList{"2. FAIL A mail whose subject contains 作业 arrives", "set msg['Subject']"};
    }

    void mailLab_gradesTheSentMessage()
    {
        QFETCH(QStringList, studentArguments);
        QFETCH(int, exit);
        QFETCH(QByteArrayList, shown);
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, u"mail-attachment"_s, u"--language"_s, u"en"_s}));
        QVERIFY(cli.waitForError("start the program now", kLabWait));
        const QByteArray errors = cli.errors();
        const QList<QByteArray> words = errors.mid(errors.indexOf("listening on ")).split('\n').first().split(' ');
        QVERIFY2(words.size() >= 4, errors.constData());
        Peer student;
        QVERIFY(student.startPython(u"students/mail_student.py"_s,
                                    QStringList{QString::fromLatin1(words.at(2)), QString::fromLatin1(words.at(3)).remove(u':')} + studentArguments));
        QCOMPARE(student.readLine(kLabWait), QByteArray("sent"));
        QVERIFY(cli.waitForFinished(kLabWait));
        const QByteArray out = cli.process().readAllStandardOutput();
        QVERIFY2(cli.exitCode() == exit, out + cli.errors());
        for (const QByteArray &text : shown)
            QVERIFY2(out.contains(text), text + "\n---\n" + out);
    }

    void mistakes_exitTwoAndSayWhat_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("no action") << QStringList{u"lab"_s} << QByteArray("socketeer lab run FILE");
        QTest::newRow("unknown action") << QStringList{u"lab"_s, u"walk"_s, u"echo-server"_s} << QByteArray("socketeer lab run FILE");
        QTest::newRow("no file") << QStringList{u"lab"_s, u"run"_s} << QByteArray("give one lab file");
        QTest::newRow("missing file") << QStringList{u"lab"_s, u"run"_s, u"/nonexistent/lab.json"_s} << QByteArray("Could not read /nonexistent/lab.json");
        QTest::newRow("bad target") << QStringList{u"lab"_s, u"run"_s, u"echo-server"_s, u"--target"_s, u"localhost"_s}
                                    << QByteArray("--target: \"localhost\" is not HOST:PORT");
        QTest::newRow("bad language") << QStringList{u"lab"_s, u"run"_s, u"echo-server"_s, u"--language"_s, u"fr"_s}
                                      << QByteArray("--language: \"fr\" is not en or zh_CN");
    }

    void mistakes_exitTwoAndSayWhat()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, error);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains(error), cli.errors().constData());
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());
    }

    void badLabFile_exitsTwoNamingTheStepAndField()
    {
        QVERIFY(m_dir.isValid());
        const QString file = writeFile(u"bad.json"_s, QByteArrayLiteral("{\"format\": \"socketeer-lab\", \"version\": 1, \"title\": \"t\",\n"
                                                                         " \"target\": {\"kind\": \"tcpServer\", \"port\": 9},\n"
                                                                         " \"steps\": [{\"type\": \"connect\"}, {\"type\": \"expect\", \"exact\": \"x\", \"timeoutMs\": -5}]}"));
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, file}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errors().contains("bad.json: step 2, \"timeoutMs\": must be a whole number of milliseconds"), cli.errors().constData());
    }

    void labWithoutPort_needsATarget()
    {
        const QString file = writeFile(u"noport.json"_s, QByteArrayLiteral("{\"format\": \"socketeer-lab\", \"version\": 1, \"title\": \"t\","
                                                                            " \"target\": {\"kind\": \"tcpServer\"}, \"steps\": [{\"type\": \"connect\"}]}"));
        Cli cli;
        QVERIFY(cli.start({u"lab"_s, u"run"_s, file}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(cli.errors().contains("give --target HOST:PORT"));
    }
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_clilab.moc"
