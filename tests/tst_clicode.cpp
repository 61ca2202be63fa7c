// `socketeer code`: every generated program run for real — Python by /usr/bin/python3, C built by
// gcc -Wall -Wextra -Werror — and talking to Socketeer's own command line (serve, connect, udp) and
// to the tutorial-style peers in tests/peers/: both server models, two clients at once, line
// framing reassembling a message sent in pieces, GBK bytes on the wire, TLS verified. The same
// rows run for both languages. And the command line's mistakes: one line, exit 2.

#include "clipeer.h"
#include "codetestutil.h"
#include "mailtestutil.h"

#include "text/encoding.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

const QStringList kLanguages{u"python"_s, u"c"_s};

QByteArray gbk(const char *utf8)
{
    return socketeer::encodeText(QString::fromUtf8(utf8), socketeer::TextEncoding::Gbk).value();
}

} // namespace

class TestCliCode : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_programs = 0;

    // Generates the program and starts it: python3 for Python, gcc then the binary for C.
    bool startGenerated(Peer &peer, const QString &language, const QStringList &arguments)
    {
        const QString name = u"program%1.%2"_s.arg(++m_programs).arg(language == u"python"_s ? u"py"_s : u"c"_s);
        const QString path = generateProgram(m_dir.path(), name, QStringList{language} + arguments);
        if (path.isEmpty())
            return false;
        if (language == u"python"_s)
            return peer.startProgram(u"/usr/bin/python3"_s, {path});
        const QString binary = compileC(path);
        return !binary.isEmpty() && peer.startProgram(binary, {});
    }

    static void addLanguageRows(const QStringList &variants)
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("variant");
        for (const QString &language : kLanguages)
            for (const QString &variant : variants)
                QTest::addRow("%s %s", qPrintable(language), qPrintable(variant)) << language << variant;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SOCKETEER_REQUIRE_PROGRAM(u"gcc"_s);
    }

    void help_documentsTheOptions()
    {
        Cli cli;
        QVERIFY(cli.start({u"code"_s, u"--help"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const char *word : {"python", "tcp-server", "tcp-client", "udp", "mail", "--port", "--bind", "--model", "--echo",
                                 "--encoding", "--frame", "--family", "--tls", "--tls-cert", "--ca-file", "--to", "--server",
                                 "--attach", "listening on HOST PORT", "Exit status"})
            QVERIFY2(help.contains(word), word);
    }

    void badArguments_oneLine_exitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("no kind") << QStringList{u"python"_s} << QByteArray("tcp-server");
        QTest::newRow("unknown language") << QStringList{u"rust"_s, u"udp"_s} << QByteArray("rust");
        QTest::newRow("unknown kind") << QStringList{u"python"_s, u"http"_s} << QByteArray("http");
        QTest::newRow("server without port") << QStringList{u"c"_s, u"tcp-server"_s} << QByteArray("--port");
        QTest::newRow("port out of range") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"70000"_s} << QByteArray("70000");
        QTest::newRow("port not a number") << QStringList{u"c"_s, u"tcp-client"_s, u"localhost"_s, u"fifty"_s} << QByteArray("fifty");
        QTest::newRow("client port 0") << QStringList{u"python"_s, u"tcp-client"_s, u"localhost:0"_s} << QByteArray("65535");
        QTest::newRow("unknown model") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--model"_s, u"fork"_s} << QByteArray("fork");
        QTest::newRow("unknown encoding") << QStringList{u"python"_s, u"udp"_s, u"--encoding"_s, u"ebcdic"_s} << QByteArray("ebcdic");
        QTest::newRow("option of another kind") << QStringList{u"python"_s, u"udp"_s, u"--model"_s, u"event-loop"_s} << QByteArray("--model");
        QTest::newRow("framing a datagram") << QStringList{u"c"_s, u"udp"_s, u"--frame"_s, u"len:2be"_s} << QByteArray("--frame does not apply to udp");
        QTest::newRow("mail in c, a bad recipient") << QStringList{u"c"_s, u"mail"_s, u"--server"_s, u"localhost:25"_s, u"--from"_s, u"a@b.c"_s,
                                                                   u"--to"_s, u"d@e.f, x@y.z"_s}
                                                    << QByteArray("a name needs the address in < >");
        QTest::newRow("tls without a key") << QStringList{u"python"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--tls-cert"_s, u"c.pem"_s}
                                           << QByteArray("--tls-key");
        QTest::newRow("login in clear") << QStringList{u"python"_s, u"mail"_s, u"--server"_s, u"localhost:25"_s, u"--security"_s, u"none"_s, u"--user"_s, u"me"_s,
                                                       u"--from"_s, u"a@b.c"_s, u"--to"_s, u"d@e.f"_s}
                                        << QByteArray("password");
        QTest::newRow("host with a newline") << QStringList{u"python"_s, u"tcp-client"_s, u"local\nhost"_s, u"80"_s} << QByteArray("local");
    }

    void badArguments_oneLine_exitTwo()
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
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());   // no half program
    }

    // The generated server, both models, with and without line framing, echoes what
    // `socketeer connect` sends and prints each message it got.
    void server_echoesToSocketeerConnect_data()
    {
        addLanguageRows({u"thread-per-client"_s, u"event-loop"_s, u"thread-per-client line"_s, u"event-loop line"_s, u"thread-per-client ipv6"_s,
                         u"event-loop ipv6"_s});
    }
    void server_echoesToSocketeerConnect()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        QStringList arguments{u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, variant.section(u' ', 0, 0)};
        if (variant.endsWith(u" line"_s))
            arguments << u"--frame"_s << u"line"_s;
        const bool v6 = variant.endsWith(u" ipv6"_s);
        if (v6)
            arguments << u"--family"_s << u"ipv6"_s;   // and so it binds ::1
        Peer server;
        QVERIFY(startGenerated(server, language, arguments));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);

        Cli client;
        QVERIFY(client.start({u"connect"_s, v6 ? u"::1"_s : u"127.0.0.1"_s, QString::number(port)}));
        const QByteArray sent = "hello 你好\n";
        client.write(sent);
        QCOMPARE(client.readBytes(sent.size(), 20000), sent);
        client.closeWrite();   // the server sees the end, closes, and connect ends
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        const QByteArray from = readLineStartingWith(server, "From ");
        QVERIFY2(from.contains("hello 你好"), from.constData());
    }

    // The threaded-server lesson: a second client is answered while the first is still connected.
    void server_answersTwoClientsAtOnce_data() { addLanguageRows({u"thread-per-client"_s, u"event-loop"_s}); }
    void server_answersTwoClientsAtOnce()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, variant, u"--frame"_s, u"line"_s}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Cli first, second;
        QVERIFY(first.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        first.write("first\n");
        QCOMPARE(first.readBytes(6, 20000), QByteArray("first\n"));
        QVERIFY(second.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        second.write("second\n");
        QCOMPARE(second.readBytes(7, 20000), QByteArray("second\n"));   // while first is still connected
        first.write("first again\n");
        QCOMPARE(first.readBytes(12, 20000), QByteArray("first again\n"));
        first.closeWrite();
        second.closeWrite();
        QVERIFY(first.waitForFinished(20000));
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);
    }

    // The generated client against `socketeer serve --echo` and the tutorial's own echo servers.
    void client_talksToEchoServers_data()
    {
        addLanguageRows({u"serve"_s, u"serve line"_s, u"tutorial"_s, u"tutorial threaded line"_s});
    }
    void client_talksToEchoServers()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Cli serve;
        Peer tutorial;
        quint16 port = 0;
        if (variant.startsWith(u"serve"_s)) {
            QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s}));
            port = serve.readPortLine("listening on");
        } else {
            QVERIFY(tutorial.startPython(variant.contains(u"threaded"_s) ? u"tcp_threaded_echo_server.py"_s : u"tcp_echo_server.py"_s, {u"0"_s}));
            port = tutorial.readListeningPort();
        }
        QVERIFY(port != 0);
        const bool framed = variant.endsWith(u" line"_s);
        QStringList arguments{u"tcp-client"_s, u"127.0.0.1"_s, QString::number(port)};
        if (framed)
            arguments << u"--frame"_s << u"line"_s;
        Peer client;
        QVERIFY(startGenerated(client, language, arguments));
        QCOMPARE(client.readLine(20000), "connected to 127.0.0.1 " + QByteArray::number(port));
        client.write("one\n二\n");
        client.closeWrite();
        const bool py = language == u"python"_s;
        // Python prints the answer's repr(), C the text; unframed, the answer keeps its '\n'.
        const QByteArray one = readLineStartingWith(client, "Received");
        const QByteArray two = readLineStartingWith(client, "Received");
        if (framed) {
            QCOMPARE(one, py ? QByteArray("Received 'one'") : QByteArray("Received one"));
            QCOMPARE(two, py ? QByteArray("Received '二'") : QByteArray("Received 二"));
        } else {
            QCOMPARE(one, py ? QByteArray("Received 'one\\n'") : QByteArray("Received one"));
            QCOMPARE(two, py ? QByteArray("Received '二\\n'") : QByteArray("Received 二"));
        }
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        if (serve.process().state() != QProcess::NotRunning)
            QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // --encoding gbk: the bytes on the wire are GBK both ways (socketeer serve prints them raw and
    // sends its stdin raw), while the program's own input and output stay UTF-8 text.
    void client_gbk_bytesOnTheWireAreGbk_data() { addLanguageRows({u"gbk"_s}); }
    void client_gbk_bytesOnTheWireAreGbk()
    {
        QFETCH(QString, language);
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s}));
        const quint16 port = serve.readPortLine("listening on");
        QVERIFY(port != 0);
        Peer client;
        QVERIFY(startGenerated(client, language, {u"tcp-client"_s, u"127.0.0.1:%1"_s.arg(port), u"--encoding"_s, u"gbk"_s, u"--frame"_s, u"line"_s}));
        QVERIFY(client.readLine(20000).startsWith("connected to"));
        client.write("你好，世界\n");
        const QByteArray expected = gbk("你好，世界\n");
        QCOMPARE(serve.readBytes(expected.size(), 20000), expected);
        serve.write(gbk("收到\n"));   // the client is connected: its line came
        const QByteArray answer = readLineStartingWith(client, "Received");
        QCOMPARE(answer, language == u"python"_s ? QByteArray("Received '收到'") : QByteArray("Received 收到"));
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // A GBK server decodes what it prints and echoes the very bytes that came.
    void server_gbk_decodesAndEchoes_data() { addLanguageRows({u"thread-per-client"_s, u"event-loop"_s}); }
    void server_gbk_decodesAndEchoes()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, variant, u"--encoding"_s,
                                                  u"GBK"_s, u"--frame"_s, u"line"_s}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        const QByteArray sent = gbk("中文课\n");
        client.write(sent);
        QCOMPARE(client.readBytes(sent.size(), 20000), sent);
        const QByteArray from = readLineStartingWith(server, "From ");
        QVERIFY2(from.endsWith(": 中文课"), from.constData());
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
    }

    // The other framings (Python): a delimiter, a length prefix in either order counting its
    // header or not, a fixed size. The server cuts the messages out of pieces that split them
    // anywhere, and its echo is framed so that socketeer connect, with the same --frame, reads
    // the same messages back; the generated client talks to socketeer serve with that framing.
    void otherFramings_piecesEchoAndClient_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("pieces");
        QTest::addColumn<QList<QByteArray>>("messages");
        QTest::addColumn<QString>("model");
        const struct {
            const char *spec;
            QStringList pieces;
            QList<QByteArray> messages;
        } rows[] = {
            {"delim:00", {u"68656c"_s, u"6c6f00610062"_s, u"00"_s}, {"hello", "a", "b"}},
            {"delim:0d0a2e", {u"68656c6c6f0d"_s, u"0a2e610d0a"_s, u"2e"_s}, {"hello", "a"}},
            {"len:2be", {u"00"_s, u"0568656c6c6f000161"_s, u"000162"_s}, {"hello", "a", "b"}},
            {"len:4le,header", {u"0900"_s, u"000068656c6c6f05000000"_s, u"6105000000"_s, u"62"_s}, {"hello", "a", "b"}},
            {"len:1", {u"0568656c6c6f"_s, u"01"_s, u"61"_s}, {"hello", "a"}},
            {"fixed:4", {u"6162"_s, u"636465666768696a"_s, u"6b6c"_s}, {"abcd", "efgh", "ijkl"}},
        };
        for (const QString &language : kLanguages)
            for (const auto &row : rows)
                for (const QString &model : {u"thread-per-client"_s, u"event-loop"_s})
                    QTest::addRow("%s %s %s", qPrintable(language), row.spec, qPrintable(model))
                        << language << QString::fromLatin1(row.spec) << row.pieces << row.messages << model;
    }

    void otherFramings_piecesEchoAndClient()
    {
        QFETCH(QString, language);
        QFETCH(QString, spec);
        QFETCH(QStringList, pieces);
        QFETCH(QList<QByteArray>, messages);
        QFETCH(QString, model);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model, u"--frame"_s, spec}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);

        Peer sender;
        QVERIFY(sender.startPython(u"tcp_pieces_client.py"_s, QStringList{QString::number(port)} + pieces));
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            QVERIFY(sender.readLine(20000).startsWith("sent "));
            if (i + 1 < pieces.size())
                sender.write("\n");
        }
        for (const QByteArray &message : std::as_const(messages)) {
            const QByteArray from = readLineStartingWith(server, "From ");
            QVERIFY2(from.endsWith(": " + message), (from + '|' + server.standardError()).constData());
        }
        // Only now: the sender reads none of the echoes, so its close may reset the connection.
        sender.write("\n");
        QCOMPARE(sender.readLine(20000), QByteArray("closed"));

        // The echo, read back by Socketeer's own deframer.
        const bool fixed = spec.startsWith(u"fixed"_s);
        const QList<QByteArray> typed = fixed ? QList<QByteArray>{"1234", "五"} : QList<QByteArray>{"one", "二二"};   // 五 is 3 bytes
        Cli connect;
        QVERIFY(connect.start({u"connect"_s, u"--frame"_s, spec, u"127.0.0.1"_s, QString::number(port)}));
        connect.write(typed.at(0) + '\n');
        QCOMPARE(readLineStartingWith(connect, typed.at(0).left(1)), typed.at(0));
        if (!fixed) {
            connect.write(typed.at(1) + '\n');
            QCOMPARE(readLineStartingWith(connect, typed.at(1).left(1)), typed.at(1));
        }
        connect.closeWrite();
        QVERIFY(connect.waitForFinished(20000));

        // The generated client, against socketeer serve framing the same way: what the client
        // sends is a message there, and a line typed into serve is the framed answer.
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--frame"_s, spec}));
        const quint16 servePort = serve.readPortLine("listening on");
        QVERIFY(servePort != 0);
        Peer client;
        QVERIFY(startGenerated(client, language, {u"tcp-client"_s, u"127.0.0.1"_s, QString::number(servePort), u"--frame"_s, spec}));
        QVERIFY(client.readLine(20000).startsWith("connected to"));
        client.write(typed.at(0) + '\n');
        QCOMPARE(readLineStartingWith(serve, typed.at(0).left(1)), typed.at(0));
        const QByteArray answer = fixed ? QByteArray("4321") : QByteArray("答复 reply");
        serve.write(answer + '\n');
        const QByteArray received = readLineStartingWith(client, "Received");
        QCOMPARE(received, language == u"python"_s ? "Received '" + answer + '\'' : "Received " + answer);
        if (fixed) {   // a line that is not SIZE bytes is not sent: the other side would cut it wrong
            client.write("toolong\n");
            QVERIFY(readLineStartingWith(client, "Not sent").contains("not 4"));
        }
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    // A length over the maximum ends that client's connection with the reason; the server goes on.
    void lengthOverTheMaximum_closesThatClient_data() { addLanguageRows({u"thread-per-client"_s, u"event-loop"_s}); }
    void lengthOverTheMaximum_closesThatClient()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, variant, u"--frame"_s,
                                                  u"len:2be,max=100"_s}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Peer hostile;
        QVERIFY(hostile.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(hostile.readLine(20000).startsWith("connected "));
        hostile.write("0fff41414141\n");
        hostile.closeWrite();
        QVERIFY(readLineStartingWith(hostile, "closed").size() > 0);
        QVERIFY(readLineStartingWith(server, "Connected by").size() > 0);
        // Python says why on the line that closes it, C on stderr before "Disconnected".
        const bool py = language == u"python"_s;
        QByteArray why = readLineStartingWith(server, py && variant == u"thread-per-client"_s ? "Closing" : "Disconnected");
        if (!py)
            why = server.standardError();
        QVERIFY2(why.contains("a message of 4095 bytes (at most 100)"), why.constData());
        Cli connect;   // still serving
        QVERIFY(connect.start({u"connect"_s, u"--frame"_s, u"len:2be"_s, u"127.0.0.1"_s, QString::number(port)}));
        connect.write("after\n");
        QCOMPARE(readLineStartingWith(connect, "after"), QByteArray("after"));
        connect.closeWrite();
        QVERIFY(connect.waitForFinished(20000));
    }

    // TCP keeps no message boundaries: "hel" then "lo\na\nb" then "\n" are the lines hello, a, b —
    // an unframed server would print "hel" on its own.
    void server_lineFraming_reassemblesPieces_data() { addLanguageRows({u"thread-per-client"_s, u"event-loop"_s}); }
    void server_lineFraming_reassemblesPieces()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--model"_s, variant, u"--frame"_s, u"line"_s}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Peer pieces;
        QVERIFY(pieces.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), u"68656c"_s, u"6c6f0a610a62"_s, u"0a"_s}));
        QCOMPARE(pieces.readLine(20000), QByteArray("sent 3"));
        QVERIFY(readLineStartingWith(server, "Connected by").size() > 0);
        pieces.write("\n");
        QCOMPARE(pieces.readLine(20000), QByteArray("sent 6"));
        pieces.write("\n");
        QCOMPARE(pieces.readLine(20000), QByteArray("sent 1"));
        pieces.write("\n");
        QCOMPARE(pieces.readLine(20000), QByteArray("closed"));
        for (const QByteArray message : {"hello", "a", "b"}) {
            const QByteArray from = readLineStartingWith(server, "From ");
            QVERIFY2(from.endsWith(": " + message), from.constData());
        }
    }

    // UDP: the generated echo server answers `socketeer udp`, and the generated client gets its
    // answer from `socketeer udp --echo` and from the tutorial's UDP server.
    void udp_echoAnswersSocketeerUdp_data() { addLanguageRows({u"echo"_s}); }
    void udp_echoAnswersSocketeerUdp()
    {
        QFETCH(QString, language);
        Peer server;
        QVERIFY(startGenerated(server, language, {u"udp"_s, u"--echo"_s}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--to"_s, u"127.0.0.1:%1"_s.arg(port)}));
        QVERIFY(udp.readPortLine("bound ") != 0);
        udp.write("ping 你好\n");
        QCOMPARE(udp.readLine(20000), "127.0.0.1:" + QByteArray::number(port) + " ping 你好");
        const QByteArray from = readLineStartingWith(server, "From ");
        QVERIFY2(from.endsWith("ping 你好"), from.constData());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    void udp_clientGetsAnswers_data() { addLanguageRows({u"socketeer"_s, u"tutorial"_s, u"socketeer ipv6"_s}); }
    void udp_clientGetsAnswers()
    {
        QFETCH(QString, language);
        QFETCH(QString, variant);
        Cli udp;
        Peer tutorial;
        quint16 port = 0;
        const bool v6 = variant.endsWith(u"ipv6"_s);
        if (variant.startsWith(u"socketeer"_s)) {
            QVERIFY(udp.start({u"udp"_s, u"--echo"_s, u"--bind"_s, v6 ? u"[::1]:0"_s : u"127.0.0.1:0"_s}));
            port = udp.readPortLine("bound ");
        } else {
            QVERIFY(tutorial.startPython(u"udp_server.py"_s, {u"0"_s}));
            port = tutorial.readListeningPort();
        }
        QVERIFY(port != 0);
        Peer client;
        QVERIFY(startGenerated(client, language, {u"udp"_s, u"--to"_s, (v6 ? u"[::1]:%1"_s : u"127.0.0.1:%1"_s).arg(port)}));
        QVERIFY(readListening(client) != 0);
        client.write("hello udp\n");
        client.closeWrite();
        const QByteArray answer = readLineStartingWith(client, "Received");
        const QByteArray portText = QByteArray::number(port);
        if (language == u"python"_s)
            QCOMPARE(answer, v6 ? "Received 'hello udp' from ('::1', " + portText + ", 0, 0)" : "Received 'hello udp' from ('127.0.0.1', " + portText + ")");
        else
            QCOMPARE(answer, "Received from " + QByteArray(v6 ? "::1 " : "127.0.0.1 ") + portText + ": hello udp");
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);
        if (udp.process().state() != QProcess::NotRunning)
            QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    // The generated C servers under ThreadSanitizer (threads) and AddressSanitizer with UBSan
    // (the event loop's buffers): two clients, one of them sending a line longer than max=16, which
    // closes only its own connection, and no sanitizer report.
    void cServer_underSanitizers_reportsNothing_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("sanitizer");
        QTest::newRow("thread-per-client thread") << u"thread-per-client"_s << u"thread"_s;
        QTest::newRow("event-loop address,undefined") << u"event-loop"_s << u"address,undefined"_s;
        QTest::newRow("thread-per-client address,undefined") << u"thread-per-client"_s << u"address,undefined"_s;
    }
    void cServer_underSanitizers_reportsNothing()
    {
        QFETCH(QString, model);
        QFETCH(QString, sanitizer);
        const QString source = generateProgram(m_dir.path(), u"sanitized%1.c"_s.arg(++m_programs),
                                               {u"c"_s, u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model, u"--frame"_s, u"line,max=16"_s});
        QVERIFY(!source.isEmpty());
        const QString binary = compileC(source, {u"-fsanitize="_s + sanitizer, u"-g"_s, u"-fno-omit-frame-pointer"_s});
        QVERIFY(!binary.isEmpty());
        Peer server;
        QVERIFY(server.startProgram(binary, {}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        Cli good, tooLong;
        QVERIFY(good.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        good.write("short\n");
        QCOMPARE(good.readBytes(6, 20000), QByteArray("short\n"));
        QVERIFY(tooLong.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        tooLong.write(QByteArray(64, 'x') + '\n');
        QVERIFY(tooLong.waitForFinished(20000));   // the server closed it
        QCOMPARE(tooLong.exitCode(), 0);
        good.write("again\n");
        QCOMPARE(good.readBytes(6, 20000), QByteArray("again\n"));
        good.closeWrite();
        QVERIFY(good.waitForFinished(20000));
        QVERIFY(readLineStartingWith(server, "Disconnected").size() > 0);
        QVERIFY(readLineStartingWith(server, "Disconnected").size() > 0);
        server.process().terminate();
        QVERIFY(server.waitForFinished(20000));
        const QByteArray errors = server.standardError();
        QVERIFY2(errors.contains("a line longer than 16 bytes"), errors.constData());
        QVERIFY2(!errors.contains("Sanitizer") && !errors.contains("runtime error"), errors.constData());
    }

    // TLS (Python's ssl, C's OpenSSL): the client verifies the server's certificate — against
    // the test CA it connects, without it it refuses, and a certificate for another name is
    // refused too; the generated TLS server is verified by socketeer connect and by openssl s_client.
    void tls_client_verifiesTheServer_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QByteArray>("untrusted");
        QTest::newRow("python") << u"python"_s << QByteArray("CERTIFICATE_VERIFY_FAILED");
        QTest::newRow("c") << u"c"_s << QByteArray("the server's certificate is not trusted: unable to get local issuer certificate");
    }

    void tls_client_verifiesTheServer()
    {
        QFETCH(QString, language);
        QFETCH(QByteArray, untrusted);
        TestCertificates certs;
        QVERIFY(makeTestCertificates(m_dir.path(), &certs));
        Cli serve;
        QVERIFY(serve.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--tls-cert"_s, certs.serverPem, u"--tls-key"_s, certs.serverKey}));
        const quint16 port = serve.readPortLine("listening on");
        QVERIFY(port != 0);
        // By name and by address: the certificate names both (DNS:localhost, IP:127.0.0.1).
        for (const QString &host : {u"localhost"_s, u"127.0.0.1"_s}) {
            Peer trusting;
            QVERIFY(startGenerated(trusting, language, {u"tcp-client"_s, host, QString::number(port), u"--tls"_s, u"--ca-file"_s, certs.caPem,
                                                        u"--frame"_s, u"line"_s}));
            const QByteArray connected = trusting.readLine(20000);
            QVERIFY2(connected.startsWith("connected to " + host.toUtf8() + ' ' + QByteArray::number(port) + " over TLSv1."),
                     (connected + trusting.standardError()).constData());
            trusting.write("secret, 秘密\n");
            trusting.closeWrite();
            const QByteArray received = readLineStartingWith(trusting, "Received");
            QVERIFY2(received == "Received 'secret, 秘密'" || received == "Received secret, 秘密", received.constData());
            QVERIFY(trusting.waitForFinished(20000));
            QCOMPARE(trusting.exitCode(), 0);
        }

        Peer doubting;   // the test CA is in no system store
        QVERIFY(startGenerated(doubting, language, {u"tcp-client"_s, u"localhost"_s, QString::number(port), u"--tls"_s}));
        doubting.closeWrite();
        QVERIFY(doubting.waitForFinished(20000));
        QVERIFY(doubting.exitCode() != 0);
        const QByteArray doubts = doubting.standardError();
        QVERIFY2(doubts.contains(untrusted), doubts.constData());

        // Trusted CA, wrong name: a server on 127.0.0.2 with the certificate for 127.0.0.1.
        Cli wide;
        QVERIFY(wide.start({u"serve"_s, u"--bind"_s, u"127.0.0.2"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--tls-cert"_s, certs.serverPem,
                            u"--tls-key"_s, certs.serverKey}));
        const quint16 widePort = wide.readPortLine("listening on");
        QVERIFY(widePort != 0);
        Peer misnamed;
        QVERIFY(startGenerated(misnamed, language, {u"tcp-client"_s, u"127.0.0.2"_s, QString::number(widePort), u"--tls"_s, u"--ca-file"_s,
                                                    certs.caPem}));
        misnamed.closeWrite();
        QVERIFY(misnamed.waitForFinished(20000));
        QVERIFY(misnamed.exitCode() != 0);
        const QByteArray misnamedErrors = misnamed.standardError();
        QVERIFY2(misnamedErrors.contains("mismatch"), misnamedErrors.constData());
        QVERIFY(wide.stopsCleanlyOn(SIGTERM));
        QVERIFY(serve.stopsCleanlyOn(SIGTERM));
    }

    void tls_server_isVerifiedBySocketeerConnect_andOpensslSClient_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        QTest::newRow("python thread-per-client") << u"python"_s << u"thread-per-client"_s;
        QTest::newRow("python event-loop") << u"python"_s << u"event-loop"_s;
        QTest::newRow("c thread-per-client") << u"c"_s << u"thread-per-client"_s;
        QTest::newRow("c event-loop") << u"c"_s << u"event-loop"_s;
    }

    void tls_server_isVerifiedBySocketeerConnect_andOpensslSClient()
    {
        QFETCH(QString, language);
        QFETCH(QString, model);
        TestCertificates certs;
        QVERIFY(makeTestCertificates(m_dir.path(), &certs));
        Peer server;
        QVERIFY(startGenerated(server, language, {u"tcp-server"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model,
                                                  u"--tls-cert"_s, certs.serverPem, u"--tls-key"_s, certs.serverKey}));
        const quint16 port = readListening(server);
        QVERIFY(port != 0);
        // A client that connects and never starts its handshake holds up nobody: not the other
        // clients' threads, and not the one event loop either.
        Peer plain;
        QVERIFY(plain.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(plain.readLine(20000).startsWith("connected "));
        QVERIFY(readLineStartingWith(server, "Connected by").size() > 0);

        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--tls"_s, u"--ca-file"_s, certs.caPem, u"localhost"_s, QString::number(port)}));
        client.write("over tls\n");
        QCOMPARE(client.readBytes(9, 20000), QByteArray("over tls\n"));
        // Two TLS records and more at once (a record holds 16 KiB): bytes left inside the SSL
        // object (pending()) are read without waiting for more. Under a pipe's 64 KiB, so the
        // test's own pipes never stall the client.
        QByteArray big;
        for (int i = 0; i < 6000; ++i)
            big += QByteArray::number(i) + ' ';
        big += '\n';
        client.write(big);
        QCOMPARE(client.readBytes(big.size(), 60000), big);
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);

        // A peer this project did not write: openssl s_client, verifying against the test CA.
        Peer openssl;
        QVERIFY(openssl.startProgram(u"openssl"_s, {u"s_client"_s, u"-quiet"_s, u"-no_ign_eof"_s, u"-verify_return_error"_s, u"-CAfile"_s, certs.caPem,
                                                    u"-verify_hostname"_s, u"localhost"_s, u"-connect"_s, u"localhost:%1"_s.arg(port)}));
        openssl.write("hello from openssl\n");
        bool ok = false;
        QCOMPARE(openssl.readLine(20000, &ok), QByteArray("hello from openssl"));
        openssl.closeWrite();
        QVERIFY(openssl.waitForFinished(20000));

        // The silent client then speaks no TLS at all: its handshake fails, and the server goes on.
        plain.write(QByteArray("not tls\n").toHex() + '\n');
        plain.closeWrite();
        QVERIFY(plain.waitForFinished(20000));
        Cli again;
        QVERIFY(again.start({u"connect"_s, u"--tls"_s, u"--ca-file"_s, certs.caPem, u"localhost"_s, QString::number(port)}));
        again.write("still here\n");
        QCOMPARE(again.readBytes(11, 20000), QByteArray("still here\n"));
        again.closeWrite();
        QVERIFY(again.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(TestCliCode)
#include "tst_clicode.moc"
