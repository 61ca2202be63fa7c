// The socketeer command line, run as a child process the way a script runs it, against peers this
// project did not write: the tutorial's python scripts and nc. What it prints on stdout is parsed
// exactly as a script would parse it ("listening on HOST PORT", "bound HOST PORT", datagram lines).

#include "clipeer.h"
#include "testutil.h"

#include "net/socket.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace socketeer;
using namespace Qt::StringLiterals;
using testsupport::Peer;
using testsupport::Cli;

namespace {

QByteArray sampleBytes()
{
    return QByteArray("hello\n") + testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
}

void addModels()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("event-loop") << QStringLiteral("event-loop");
    QTest::newRow("thread-per-client") << QStringLiteral("thread-per-client");
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void help_documentsEveryOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("mentions");
        // Without a command the window opens, so the overview is --help: its options and the commands.
        QTest::newRow("--help") << QStringList{u"--help"_s}
                                << QStringList{u"--listen"_s, u"--connect"_s, u"--udp"_s, u"--language"_s, u"serve"_s, u"connect"_s, u"udp"_s, u"Exit status"_s};
        QTest::newRow("serve") << QStringList{u"serve"_s, u"--help"_s}
                               << QStringList{u"--bind"_s, u"--port"_s, u"--echo"_s, u"--model"_s, u"--max-clients"_s, u"--unix"_s, u"loopback"_s,
                                              u"listening on HOST PORT"_s, u"socketeer serve"_s};
        QTest::newRow("connect") << QStringList{u"connect"_s, u"--help"_s} << QStringList{u"--unix"_s, u"--timeout"_s, u"HOST:PORT"_s};
        QTest::newRow("udp") << QStringList{u"udp"_s, u"--help"_s}
                             << QStringList{u"--bind"_s, u"--to"_s, u"--echo"_s, u"--hex"_s, u"--hex-lines"_s, u"--hex-input"_s, u"bound HOST PORT"_s, u"SENDER PAYLOAD"_s};
    }
    void help_documentsEveryOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, mentions);
        Cli cli;
        QVERIFY(cli.start(arguments));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray help = cli.process().readAllStandardOutput();
        for (const QString &mention : mentions)
            QVERIFY2(help.contains(mention.toUtf8()), qPrintable(mention));
    }

    void version_printsProgramAndVersion()
    {
        Cli cli;
        QVERIFY(cli.start({u"--version"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(cli.readLine().startsWith("socketeer 0."));
    }

    void badInput_failsWithOneLineNamingIt_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("mention");
        QTest::newRow("serve port out of range") << QStringList{u"serve"_s, u"--port"_s, u"70000"_s} << 2 << QByteArray("70000");
        QTest::newRow("serve port not a number") << QStringList{u"serve"_s, u"--port"_s, u"abc"_s} << 2 << QByteArray("abc");
        QTest::newRow("serve port missing") << QStringList{u"serve"_s} << 2 << QByteArray("--port");
        QTest::newRow("serve bad model") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, u"nonsense"_s} << 2 << QByteArray("nonsense");
        QTest::newRow("serve bad max-clients") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--max-clients"_s, u"-3"_s} << 2 << QByteArray("-3");
        QTest::newRow("serve unknown option") << QStringList{u"serve"_s, u"--frob"_s} << 2 << QByteArray("frob");
        QTest::newRow("serve unknown host") << QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--bind"_s, u"nosuch.invalid"_s} << 1
                                            << QByteArray("nosuch.invalid");
        QTest::newRow("connect port out of range") << QStringList{u"connect"_s, u"127.0.0.1"_s, u"70000"_s} << 2 << QByteArray("70000");
        QTest::newRow("connect no port") << QStringList{u"connect"_s, u"127.0.0.1"_s} << 2 << QByteArray("127.0.0.1");
        QTest::newRow("connect unknown host") << QStringList{u"connect"_s, u"nosuch.invalid"_s, u"80"_s} << 1 << QByteArray("nosuch.invalid");
        QTest::newRow("connect bad timeout") << QStringList{u"connect"_s, u"--timeout"_s, u"soon"_s, u"127.0.0.1:1"_s} << 2 << QByteArray("soon");
        QTest::newRow("udp bind port out of range") << QStringList{u"udp"_s, u"--bind"_s, u"127.0.0.1:99999"_s} << 2 << QByteArray("99999");
        QTest::newRow("udp to unknown host") << QStringList{u"udp"_s, u"--to"_s, u"nosuch.invalid:5"_s} << 1 << QByteArray("nosuch.invalid");
        QTest::newRow("udp bind unknown host") << QStringList{u"udp"_s, u"--bind"_s, u"nosuch.invalid:0"_s} << 1 << QByteArray("nosuch.invalid");
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << 2 << QByteArray("frobnicate");
        // The window's options are checked before any window (or display) is needed.
        QTest::newRow("window listen port out of range") << QStringList{u"--listen"_s, u"70000"_s} << 2 << QByteArray("70000");
        QTest::newRow("window connect without port") << QStringList{u"--connect"_s, u"localhost"_s} << 2 << QByteArray("localhost");
        QTest::newRow("window udp port not a number") << QStringList{u"--udp"_s, u"fifty"_s} << 2 << QByteArray("fifty");
        QTest::newRow("window unknown language") << QStringList{u"--language"_s, u"fr"_s} << 2 << QByteArray("fr");
        QTest::newRow("window unknown option") << QStringList{u"--frobnicate"_s} << 2 << QByteArray("frobnicate");
    }
    void badInput_failsWithOneLineNamingIt()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, mention);
        Cli cli;
        QVERIFY(cli.start(arguments));
        cli.closeWrite();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.process().exitStatus(), QProcess::NormalExit);   // no Qt abort, no crash
        QCOMPARE(cli.exitCode(), exitCode);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains(mention), errors.constData());
        QCOMPARE(errors.count('\n'), 1);
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());
    }

    void window_withoutADisplay_saysHowToGetOne()
    {
        // Not Qt's abort trace: one plain explanation and the xvfb-run way, exit status 1.
        Cli cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        cli.process().setProcessEnvironment(environment);
        QVERIFY(cli.start({u"--listen"_s, u"0"_s}));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 1);
        const QByteArray errors = cli.errors();
        QVERIFY2(errors.contains("no display") && errors.contains("xvfb-run"), errors.constData());
    }

    void faults_fromTheEnvironmentAreArmedAndSaid_data() { addModels(); }
    void faults_fromTheEnvironmentAreArmedAndSaid()
    {
        // A testing aid for scripts/soak.sh: SOCKETEER_FAULTS arms the socket layer's fault
        // injection for the whole run, says so on stderr, and every byte still arrives.
        QFETCH(QString, model);
        Cli server;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SOCKETEER_FAULTS"_s, u"eintr-every=2,eagain-send-every=3,short-send-every=2"_s);
        server.process().setProcessEnvironment(environment);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        QVERIFY2(server.waitForError("injecting socket faults"), server.errors().constData());

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        const QByteArray message = testsupport::nonUtf8Bytes().repeated(64);
        client.write(message.toHex() + '\n');
        QCOMPARE(client.readLine(), "Received " + message.toHex());
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void faults_aMistakeInTheEnvironmentIsAUsageError()
    {
        Cli server;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SOCKETEER_FAULTS"_s, u"eintr-sometimes=3"_s);
        server.process().setProcessEnvironment(environment);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s}));
        QVERIFY(server.waitForFinished());
        QCOMPARE(server.exitCode(), 2);
        QVERIFY2(server.errors().contains("SOCKETEER_FAULTS") && server.errors().contains("eintr-sometimes"), server.errors().constData());
        QVERIFY(server.process().readAllStandardOutput().isEmpty());   // it never listened
    }

    void serve_echo_roundTripsTutorialClient_data() { addModels(); }
    void serve_echo_roundTripsTutorialClient()
    {
        QFETCH(QString, model);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--echo"_s, u"--model"_s, model}));
        QByteArray host;
        const quint16 port = server.readPortLine("listening on ", &host);
        QVERIFY(port);
        QCOMPARE(host, QByteArray("127.0.0.1"));   // loopback unless told otherwise

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        for (const QByteArray &message : {QByteArray("hello"), testsupport::chineseUtf8(), testsupport::nonUtf8Bytes()}) {
            client.write(message.toHex() + '\n');
            QCOMPARE(client.readLine(), "Received " + message.toHex());
        }
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
        QVERIFY(client.waitForFinished());
        QVERIFY(server.waitForError("disconnected"));

        QVERIFY(server.stopsCleanlyOn(SIGTERM));
        const QByteArray rest = server.process().readAllStandardOutput();
        QVERIFY2(rest.isEmpty(), rest.toHex().constData());   // echo prints nothing of the data
    }

    void serve_relaysBetweenStdioAndClient_data() { addModels(); }
    void serve_relaysBetweenStdioAndClient()
    {
        QFETCH(QString, model);
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("nc"));
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);

        Peer client;
        QVERIFY(client.startProgram(QStringLiteral("nc"), {QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(server.waitForError("connected from"));

        // stdin → every client, byte for byte.
        const QByteArray toClient = testsupport::nonUtf8Bytes() + testsupport::chineseUtf8();
        server.write(toClient);
        QCOMPARE(client.readBytes(toClient.size()), toClient);

        // A client's bytes → stdout, byte for byte.
        const QByteArray fromClient = sampleBytes().repeated(50);
        client.write(fromClient);
        QCOMPARE(server.readBytes(fromClient.size()), fromClient);

        client.closeWrite();   // nc -N shuts down its sending side; the server then closes
        QVERIFY(client.waitForFinished());
        QVERIFY(server.waitForError("disconnected"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void serve_stdinReachesTutorialClient()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QVERIFY(server.waitForError("connected from"));
        server.write(testsupport::chineseUtf8());
        client.write("wait\n");
        QCOMPARE(client.readLine(), "Received " + testsupport::chineseUtf8().toHex());
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void serve_signal_exitsZeroPromptlyWithClientConnected_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void serve_signal_exitsZeroPromptlyWithClientConnected()
    {
        QFETCH(int, signalNumber);
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, u"thread-per-client"_s}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QVERIFY(server.waitForError("connected from"));

        QDeadlineTimer prompt(3000);
        QVERIFY(server.stopsCleanlyOn(signalNumber));
        QVERIFY(!prompt.hasExpired());
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));   // the server closed the connection on its way out
    }

    void serve_portInUse_failsWithExit1()
    {
        Cli first;
        QVERIFY(first.start({u"serve"_s, u"--port"_s, u"0"_s}));
        const quint16 port = first.readPortLine("listening on ");
        QVERIFY(port);
        Cli second;
        QVERIFY(second.start({u"serve"_s, u"--port"_s, QString::number(port)}));
        QVERIFY(second.waitForFinished());
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.errors().contains("in use"), second.errors().constData());
        QVERIFY(first.stopsCleanlyOn(SIGTERM));
    }

    void serve_bindAllInterfaces_warns()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s}));
        QVERIFY(server.readPortLine("listening on "));
        QVERIFY(server.waitForError("all interfaces"));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
    }

    void serveAndConnect_overUnixSocket()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("chat.sock"));
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--unix"_s, path, u"--echo"_s}));
        QCOMPARE(server.readLine(), "listening on unix:" + path.toUtf8());

        Cli client;
        QVERIFY(client.start({u"connect"_s, u"--unix"_s, path}));
        const QByteArray bytes = sampleBytes();
        client.write(bytes);
        client.closeWrite();
        QCOMPARE(client.readBytes(bytes.size()), bytes);
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);

        QVERIFY(server.stopsCleanlyOn(SIGTERM));
        QVERIFY(!QFile::exists(path));   // the socket file goes with the server
    }

    void connect_pipesBytesThroughEchoServer_data()
    {
        QTest::addColumn<bool>("oneArgument");
        QTest::newRow("HOST PORT") << false;
        QTest::newRow("HOST:PORT") << true;
    }
    void connect_pipesBytesThroughEchoServer()
    {
        QFETCH(bool, oneArgument);
        Peer echo;
        QVERIFY(echo.startPython(QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);

        Cli client;
        QVERIFY(client.start(oneArgument ? QStringList{u"connect"_s, u"127.0.0.1:"_s + QString::number(port)}
                                         : QStringList{u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        // More than one socket buffer's worth, so partial writes and flow control both happen.
        const QByteArray bytes = sampleBytes().repeated(3000);
        client.write(bytes);
        client.closeWrite();
        QCOMPARE(client.readBytes(bytes.size(), 20000), bytes);
        QVERIFY(client.waitForFinished());   // stdin's end, then the echo server closes
        QCOMPARE(client.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(client.process().readAllStandardOutput().isEmpty());   // nothing but the peer's bytes
    }

    void connect_stdinFromFileOrDevNull_data()
    {
        QTest::addColumn<bool>("empty");
        QTest::newRow("regular file") << false;
        QTest::newRow("/dev/null") << true;
    }
    void connect_stdinFromFileOrDevNull()
    {
        QFETCH(bool, empty);
        Peer echo;
        QVERIFY(echo.startPython(QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = empty ? QByteArray() : sampleBytes().repeated(100);
        QString input = QProcess::nullDevice();
        if (!empty) {
            input = dir.filePath(QStringLiteral("input.bin"));
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        Cli client;
        client.process().setStandardInputFile(input);
        QVERIFY(client.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 0);
        QCOMPARE(client.process().readAllStandardOutput(), bytes);
    }

    void connect_refused_failsNamingAddress()
    {
        // Bound but not listening: a connection to it is refused, and no other test can take it.
        auto socket = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(socket);
        QVERIFY(socket->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        const QString address = socket->sockName()->toString();

        Cli client;
        QVERIFY(client.start({u"connect"_s, address}));
        QVERIFY(client.waitForFinished());
        QCOMPARE(client.exitCode(), 1);
        const QByteArray errors = client.errors();
        QVERIFY2(errors.contains(address.toUtf8()), errors.constData());
        QVERIFY2(errors.contains("refused"), errors.constData());
    }

    void udp_to_exchangesWithTutorialServer_data()
    {
        QTest::addColumn<bool>("hex");
        QTest::addColumn<QByteArray>("line");      // what is written to stdin
        QTest::addColumn<QByteArray>("payload");   // the datagram that should go out
        QTest::addColumn<QByteArray>("printed");   // how the answer is printed
        QTest::newRow("text") << false << QByteArray("hello") << QByteArray("hello") << QByteArray("hello");
        QTest::newRow("text with backslash") << false << QByteArray("a\\b") << QByteArray("a\\b") << QByteArray("a\\\\b");
        QTest::newRow("text chinese") << false << testsupport::chineseUtf8() << testsupport::chineseUtf8() << testsupport::chineseUtf8();
        QTest::newRow("hex binary") << true << testsupport::nonUtf8Bytes().toHex(' ') << testsupport::nonUtf8Bytes()
                                    << testsupport::nonUtf8Bytes().toHex();
        QTest::newRow("hex with newline byte") << true << QByteArray("0a0d00") << QByteArray("\n\r\0", 3) << QByteArray("0a0d00");
    }
    void udp_to_exchangesWithTutorialServer()
    {
        QFETCH(bool, hex);
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, printed);
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py"), {QStringLiteral("0")}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);

        Cli udp;
        QStringList arguments{u"udp"_s, u"--to"_s, u"127.0.0.1:"_s + QString::number(serverPort)};
        if (hex)
            arguments << u"--hex-input"_s << u"--hex-lines"_s;
        QVERIFY(udp.start(arguments));
        QByteArray host;
        const quint16 ownPort = udp.readPortLine("bound ", &host);
        QVERIFY(ownPort);
        QCOMPARE(host, QByteArray("127.0.0.1"));

        udp.write(line + '\n');
        QCOMPARE(server.readLine(), "From 127.0.0.1 " + QByteArray::number(ownPort) + ' ' + payload.toHex());
        QCOMPARE(udp.readLine(), "127.0.0.1:" + QByteArray::number(serverPort) + ' ' + printed);

        // The end of stdin sends a last line without its newline, and does not stop the command.
        udp.write(line);
        udp.closeWrite();
        QCOMPARE(server.readLine(), "From 127.0.0.1 " + QByteArray::number(ownPort) + ' ' + payload.toHex());
        QCOMPARE(udp.readLine(), "127.0.0.1:" + QByteArray::number(serverPort) + ' ' + printed);
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    void udp_badHexLine_isReportedAndSkipped()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("udp_server.py"), {QStringLiteral("0")}));
        const quint16 serverPort = server.readListeningPort();
        QVERIFY(serverPort);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--hex-input"_s, u"--hex-lines"_s, u"--to"_s, u"127.0.0.1:"_s + QString::number(serverPort)}));
        QVERIFY(udp.readPortLine("bound "));
        udp.write("zz\n6869\n");
        QVERIFY(udp.waitForError("line 1"));
        QCOMPARE(udp.readLine(), "127.0.0.1:" + QByteArray::number(serverPort) + " 6869");
        QVERIFY(udp.stopsCleanlyOn(SIGINT));
    }

    void udp_echo_answersTutorialClient()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--echo"_s, u"--hex-lines"_s}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY(port);

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        for (const QByteArray &message : {QByteArray("ping"), testsupport::chineseUtf8(), testsupport::nonUtf8Bytes()}) {
            client.write(message.toHex() + '\n');
            QCOMPARE(client.readLine(), "From 127.0.0.1 " + QByteArray::number(port) + ' ' + message.toHex());
            const QByteArray printed = udp.readLine();
            QVERIFY2(printed.startsWith("127.0.0.1:") && printed.endsWith(' ' + message.toHex()), printed.constData());
        }
        client.closeWrite();
        QVERIFY(client.waitForFinished());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    void udp_replyWithoutTo_goesToLastSender()
    {
        Cli udp;
        QVERIFY(udp.start({u"udp"_s}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write(QByteArray("question").toHex() + '\n');
        QVERIFY(udp.readLine().endsWith(" question"));
        udp.write("answer\n");
        QCOMPARE(client.readLine(), "From 127.0.0.1 " + QByteArray::number(port) + ' ' + QByteArray("answer").toHex());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
