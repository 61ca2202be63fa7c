// The TCP server, both concurrency models, against clients this project did not write: the
// tutorial's client (python3), a many-client python script, nc and socat.

#include "peer.h"
#include "testutil.h"

#include "net/faults.h"
#include "net/socket.h"
#include "tcp/tcpserver.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace socketeer;
using testsupport::Peer;

Q_DECLARE_METATYPE(socketeer::ServerModel)

class TestTcpServer : public QObject {
    Q_OBJECT

private:
    // Starts `server` on loopback port 0 and returns the port it got (0 on failure).
    static quint16 startOn(TcpServer &server, TcpServerConfig config)
    {
        QSignalSpy started(&server, &TcpServer::started);
        if (!server.start(config) || !started.wait(5000))
            return 0;
        return started.at(0).at(1).value<quint16>();
    }

    static TcpServerConfig config(ServerModel model, bool echo = false)
    {
        TcpServerConfig c;
        c.model = model;
        c.echo = echo;
        return c;
    }

    static void addModels()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("event-loop") << ServerModel::EventLoop;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient;
    }

private slots:
    void start_bindsLoopbackByDefaultAndReportsEphemeralPort_data() { addModels(); }
    void start_bindsLoopbackByDefaultAndReportsEphemeralPort()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy started(&server, &TcpServer::started);
        QVERIFY(server.start(config(model)));
        QVERIFY(started.wait(5000));
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(started.at(0).at(1).value<quint16>() != 0);
        QCOMPARE(server.boundAddress().port(), started.at(0).at(1).value<quint16>());
        QVERIFY(server.isRunning());
        QVERIFY(!server.start(config(model)));   // refused while running
    }

    // accept() failing for want of descriptors (EMFILE, injected) leaves the connection waiting:
    // the server says so once, waits a moment between tries instead of spinning on a listener that
    // stays readable, and takes the connection once descriptors are there again.
    void accept_outOfDescriptorsIsReportedOnceThenRetried_data() { addModels(); }
    void accept_outOfDescriptorsIsReportedOnceThenRetried()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        QSignalSpy errors(&server, &TcpServer::errorOccurred);
        QSignalSpy connected(&server, &TcpServer::clientConnected);

        faults::Plan plan;
        plan.emfileOnAccept = 10;   // ten tries in a row fail, the eleventh finds a descriptor
        faults::arm(plan);
        auto disarm = qScopeGuard([] { faults::disarm(); });
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));   // the kernel completed the handshake

        QVERIFY(connected.wait(30000));
        QCOMPARE(errors.size(), 1);
        const Error error = errors.at(0).at(0).value<Error>();
        QCOMPARE(error.code, std::error_code(EMFILE, std::system_category()));
        // And it serves the connection it took so late.
        client.write(QByteArray("late").toHex() + '\n');
        QCOMPARE(client.readLine(), QByteArray("Received ") + QByteArray("late").toHex());
    }

    // A client's descriptor closed while a fork()ed child holds a copy (what QProcess does
    // between fork and exec) stays in an epoll set, so the event loop keeps hearing of a client it
    // has already freed. Here the child holds its copy on purpose while the server drops the
    // client and the client answers with its own close: those late events must be ignored (under
    // AddressSanitizer they were a use after free), and the server goes on serving.
    void closedClient_heldOpenByAForkedChild_isForgotten_data() { addModels(); }
    void closedClient_heldOpenByAForkedChild_isForgotten()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        Peer first;
        QVERIFY(first.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(first.readLine().startsWith("connected"));
        QVERIFY(connected.size() == 1 || connected.wait(5000));
        const quint64 id = connected.at(0).at(0).value<ClientInfo>().id;

        const pid_t holder = ::fork();   // holds a copy of every descriptor until it is killed
        QVERIFY(holder >= 0);
        if (holder == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);   // gone with this test, however it ends
            ::pause();
            ::_exit(0);
        }
        auto reap = qScopeGuard([holder] {
            ::kill(holder, SIGKILL);
            ::waitpid(holder, nullptr, 0);
        });
        server.disconnectClient(id);
        QVERIFY(disconnected.size() == 1 || disconnected.wait(10000));
        first.write(QByteArray("late").toHex() + '\n');   // arrives on the description the child keeps
        first.closeWrite();

        // Another client is served from start to end meanwhile.
        Peer second;
        QVERIFY(second.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(second.readLine().startsWith("connected"));
        second.write(QByteArray("after").toHex() + '\n');
        QCOMPARE(second.readLine(), QByteArray("Received ") + QByteArray("after").toHex());
        second.closeWrite();
        QCOMPARE(second.readLine(), QByteArray("closed"));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 2, 10000);
        QCOMPARE(server.clientCount(), 0);
    }

    void echo_returnsTutorialClientsBytesExactly_data() { addModels(); }
    void echo_returnsTutorialClientsBytesExactly()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        QSignalSpy received(&server, &TcpServer::dataReceived);

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        const QList<QByteArray> messages = {QByteArray("hello"), testsupport::chineseUtf8(), testsupport::nonUtf8Bytes()};
        QByteArray all;
        for (const QByteArray &message : messages) {
            client.write(message.toHex() + '\n');
            QCOMPARE(client.readLine(), QByteArray("Received ") + message.toHex());
            all += message;
        }
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));

        // The log side sees the same bytes (batched, so compare the concatenation).
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen = [&] {
            QByteArray bytes;
            for (const auto &args : received)
                bytes += args.at(1).toByteArray();
            return bytes;
        }()) == all, 5000);
        const ServerStatistics stats = server.statistics();
        QCOMPARE(stats.bytesIn, quint64(all.size()));
        QCOMPARE(stats.bytesOut, quint64(all.size()));
    }

    // The engines hand received bytes to this thread only while dataReceived has a receiver (a
    // headless echo server would otherwise wake it for every message); the counters stay exact.
    void dataReceived_followsItsReceiversAndCountersStayExact_data() { addModels(); }
    void dataReceived_followsItsReceiversAndCountersStayExact()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        quint64 total = 0;
        const auto echo = [&](const QByteArray &message) {
            client.write(message.toHex() + '\n');
            total += quint64(message.size());
            return client.readLine() == QByteArray("Received ") + message.toHex();
        };

        // Nobody listening: echoed and counted all the same, and not queued for later either.
        QVERIFY(echo(testsupport::chineseUtf8()));
        {
            QSignalSpy spy(&server, &TcpServer::dataReceived);
            QVERIFY(echo(testsupport::nonUtf8Bytes()));
            const auto heard = [&] {
                QByteArray bytes;
                for (const auto &args : spy)
                    bytes += args.at(1).toByteArray();
                return bytes;
            };
            QTRY_COMPARE_WITH_TIMEOUT(heard(), testsupport::nonUtf8Bytes(), 5000);
        }   // the spy goes

        QVERIFY(echo("after the spy"));
        QByteArray heard;
        QMetaObject::Connection connection = connect(&server, &TcpServer::dataReceived, this,
                                                     [&](quint64, const QByteArray &data) { heard += data; });
        QVERIFY(echo("after a new connect"));
        // Reported again ("after the spy" may or may not have still been on its way).
        QTRY_VERIFY_WITH_TIMEOUT(heard.endsWith("after a new connect"), 5000);
        disconnect(connection);
        QVERIFY(echo("after the disconnect"));

        QTRY_COMPARE_WITH_TIMEOUT(server.statistics().bytesOut, total, 5000);
        QCOMPARE(server.statistics().bytesIn, total);
        QCOMPARE(server.clients().value(0).bytesIn, total);
        QCOMPARE(server.clients().value(0).bytesOut, total);
    }

    void statistics_areReportedWhileTheyChange_data() { addModels(); }
    void statistics_areReportedWhileTheyChange()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        server.setStatisticsInterval(20);
        QSignalSpy reported(&server, &TcpServer::statisticsUpdated);
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        const QByteArray message = testsupport::chineseUtf8();
        client.write(message.toHex() + '\n');
        QCOMPARE(client.readLine(), QByteArray("Received ") + message.toHex());
        auto last = [&] { return reported.isEmpty() ? ServerStatistics{} : reported.last().at(0).value<ServerStatistics>(); };
        QTRY_COMPARE_WITH_TIMEOUT(last().bytesOut, quint64(message.size()), 5000);
        QCOMPARE(last().bytesIn, quint64(message.size()));
        QCOMPARE(last().clients, 1);
        QCOMPARE(last().accepted, quint64(1));
        QCOMPARE(last().threads, model == ServerModel::EventLoop ? 1 : 2);
        // Nothing changes: nothing more is reported.
        const qsizetype before = reported.size();
        QVERIFY(!reported.wait(100));
        QCOMPARE(reported.size(), before);
    }

    void manyClients_areServedAtOnceWithStableIds_data() { addModels(); }
    void manyClients_areServedAtOnceWithStableIds()
    {
        QFETCH(ServerModel, model);
        const int clients = 40;
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);

        Peer peer;
        QVERIFY(peer.startPython(QStringLiteral("tcp_multi_client.py"),
                                 {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(clients)}));
        QCOMPARE(peer.readLine(), QByteArray("connected ") + QByteArray::number(clients));
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), clients, 10000);
        // The live thread count is what a class watches to see the two models differ.
        QCOMPARE(server.threadCount(), model == ServerModel::EventLoop ? 1 : 1 + clients);

        QSet<quint64> ids;
        for (const ClientInfo &info : server.clients()) {
            QVERIFY(info.peer.startsWith(QLatin1String("127.0.0.1:")));
            QVERIFY(info.connectedAt.isValid());
            ids.insert(info.id);
        }
        QCOMPARE(ids.size(), clients);

        peer.write("go\n");
        QCOMPARE(peer.readLine(), QByteArray("ok ") + QByteArray::number(clients));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), clients, 10000);
        QCOMPARE(server.clientCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.threadCount(), 1, 5000);
        QSet<quint64> gone;
        for (const auto &args : disconnected)
            gone.insert(args.at(0).value<quint64>());
        QCOMPARE(gone, ids);
    }

    void sendToOneAndToAll_reachTheRightClients_data() { addModels(); }
    void sendToOneAndToAll_reachTheRightClients()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);

        Peer first, second;
        for (Peer *p : {&first, &second}) {
            QVERIFY(p->startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QVERIFY(p->readLine().startsWith("connected"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
        const quint64 firstId = connected.at(0).at(0).value<ClientInfo>().id;
        Peer *target = &first;
        Peer *other = &second;

        server.sendToAll(testsupport::chineseUtf8());
        for (Peer *p : {&first, &second}) {
            p->write("wait\n");
            QCOMPARE(p->readLine(), QByteArray("Received ") + testsupport::chineseUtf8().toHex());
        }

        server.sendTo(firstId, "only you");
        // Exactly one of the two gets it (either may be first: accept order is the kernel's);
        // the other's next read is only the marker.
        server.sendToAll("marker");
        QByteArray a, b;
        target->write("wait\n");
        other->write("wait\n");
        a = target->readLine();
        b = other->readLine();
        const QByteArray onlyYou = QByteArray("Received ") + QByteArray("only you").toHex();
        const QByteArray marker = QByteArray("Received ") + QByteArray("marker").toHex();
        QVERIFY2((a.startsWith(onlyYou) && b == marker) || (b.startsWith(onlyYou) && a == marker), a + " / " + b);
    }

    void receivedBytes_fromNcArriveExactAndClientIsReported_data() { addModels(); }
    void receivedBytes_fromNcArriveExactAndClientIsReported()
    {
        QFETCH(ServerModel, model);
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("nc"));
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy received(&server, &TcpServer::dataReceived);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);

        QByteArray payload = testsupport::nonUtf8Bytes().repeated(4096);   // ~1 MiB, every byte value
        Peer nc;
        // -N: shut the socket down at stdin's end, so the server sees the client close.
        QVERIFY(nc.startProgram(QStringLiteral("nc"), {QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(port)}));
        nc.write(payload);
        nc.closeWrite();
        QVERIFY(disconnected.wait(10000) || disconnected.size() == 1);
        QByteArray got;
        for (const auto &args : received)
            got += args.at(1).toByteArray();
        QCOMPARE(got.size(), payload.size());
        QVERIFY(got == payload);
        QCOMPARE(disconnected.at(0).at(1).toString(), QStringLiteral("the client closed the connection"));
        QVERIFY(received.size() < 4096);   // batched, not one signal per recv
    }

    void disconnectClient_closesThatConnection_data() { addModels(); }
    void disconnectClient_closesThatConnection()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model));
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QVERIFY(connected.size() == 1 || connected.wait(5000));
        server.disconnectClient(connected.at(0).at(0).value<ClientInfo>().id);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.at(0).at(1).toString(), QStringLiteral("disconnected by the server"));
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));   // the client saw EOF
    }

    void maxClients_rejectsTheOneTooMany_data() { addModels(); }
    void maxClients_rejectsTheOneTooMany()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        TcpServerConfig c = config(model, true);
        c.maxClients = 2;
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy rejected(&server, &TcpServer::clientRejected);
        Peer a, b, c3;
        for (Peer *p : {&a, &b}) {
            QVERIFY(p->startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QVERIFY(p->readLine().startsWith("connected"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 2, 5000);
        QVERIFY(c3.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(c3.readLine().startsWith("connected"));   // TCP accepted it; the server then closed it
        QVERIFY(rejected.wait(5000));
        QVERIFY(rejected.at(0).at(1).toString().contains(QLatin1String("maximum of 2")));
        c3.closeWrite();
        QCOMPARE(c3.readLine(), QByteArray("closed"));
        QCOMPARE(server.clientCount(), 2);
    }

    void clientThatNeverReads_isDroppedAtTheQueueCap_data() { addModels(); }
    void clientThatNeverReads_isDroppedAtTheQueueCap()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        TcpServerConfig c = config(model);
        c.maxQueuedBytes = 256 * 1024;
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        Peer idle;
        QVERIFY(idle.startPython(QStringLiteral("tcp_idle_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(idle.readLine().startsWith("connected"));
        QVERIFY(connected.size() == 1 || connected.wait(5000));
        const quint64 id = connected.at(0).at(0).value<ClientInfo>().id;
        const QByteArray chunk(64 * 1024, 'x');
        // Far more than socket buffers plus the cap can hold: the server must drop, not grow.
        for (int i = 0; i < 400 && disconnected.isEmpty(); ++i) {
            server.sendTo(id, chunk);
            if (i % 16 == 15)
                QTest::qWait(0);   // let events in; not a sleep
        }
        QVERIFY(disconnected.size() == 1 || disconnected.wait(10000));
        QVERIFY2(disconnected.at(0).at(1).toString().contains(QLatin1String("not reading")),
                 qPrintable(disconnected.at(0).at(1).toString()));
    }

    void stop_joinsClosesAndFreesThePortAtOnce_data() { addModels(); }
    void stop_joinsClosesAndFreesThePortAtOnce()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        const quint16 port = startOn(server, config(model, true));
        QVERIFY(port);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        QSignalSpy stopped(&server, &TcpServer::stopped);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, 5000);

        server.stop();
        QVERIFY(stopped.wait(5000));
        QVERIFY(!server.isRunning());
        QCOMPARE(server.threadCount(), 0);
        QCOMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(1).toString(), QStringLiteral("server stopped"));
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));

        // The same port again, at once (the client connection is in TIME_WAIT on the server side).
        TcpServerConfig again = config(model, true);
        again.endpoint.port = port;
        QCOMPARE(startOn(server, again), port);
        server.stopAndWait();
        QVERIFY(!server.isRunning());
    }

    void portInUse_isReportedAsBindError_data() { addModels(); }
    void portInUse_isReportedAsBindError()
    {
        QFETCH(ServerModel, model);
        TcpServer first;
        const quint16 port = startOn(first, config(model));
        QVERIFY(port);
        TcpServer second;
        QSignalSpy error(&second, &TcpServer::errorOccurred);
        QSignalSpy stopped(&second, &TcpServer::stopped);
        TcpServerConfig c = config(model);
        c.endpoint.port = port;
        QVERIFY(second.start(c));
        QVERIFY(stopped.wait(5000));
        QCOMPARE(error.size(), 1);
        const Error e = error.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, ErrorKind::Bind);
        QVERIFY(e.code == std::errc::address_in_use);
        QVERIFY(e.message().contains(QString::number(port)));
        QVERIFY(!second.isRunning());
    }

    void unknownBindHost_isReportedAsResolveError()
    {
        TcpServer server;
        QSignalSpy error(&server, &TcpServer::errorOccurred);
        QSignalSpy stopped(&server, &TcpServer::stopped);
        TcpServerConfig c;
        c.endpoint.host = QStringLiteral("no-such-host.invalid");
        QVERIFY(server.start(c));
        QVERIFY(stopped.wait(10000));
        QCOMPARE(error.size(), 1);
        QCOMPARE(error.at(0).at(0).value<Error>().kind, ErrorKind::Resolve);
    }

    void ipv6Loopback_echoesWithTheTutorialClient_data() { addModels(); }
    void ipv6Loopback_echoesWithTheTutorialClient()
    {
        QFETCH(ServerModel, model);
        SOCKETEER_REQUIRE_IPV6_LOOPBACK();
        TcpServer server;
        TcpServerConfig c = config(model, true);
        c.endpoint.host = QStringLiteral("::1");
        QSignalSpy started(&server, &TcpServer::started);
        QVERIFY(server.start(c));
        QVERIFY(started.wait(5000));
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("::1"));
        const quint16 port = started.at(0).at(1).value<quint16>();
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("::1"), QString::number(port)}));
        QVERIFY(client.readLine().startsWith("connected"));
        client.write(testsupport::chineseUtf8().toHex() + '\n');
        QCOMPARE(client.readLine(), QByteArray("Received ") + testsupport::chineseUtf8().toHex());
        QTRY_VERIFY_WITH_TIMEOUT(server.clients().value(0).peer.startsWith(QLatin1String("[::1]:")), 5000);
    }

    void unixSocket_echoesWithSocat_data() { addModels(); }
    void unixSocket_echoesWithSocat()
    {
        QFETCH(ServerModel, model);
        SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("socat"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("chat.sock"));
        TcpServer server;
        TcpServerConfig c = config(model, true);
        c.endpoint = Endpoint{{}, 0, path};
        QSignalSpy started(&server, &TcpServer::started);
        QVERIFY(server.start(c));
        QVERIFY(started.wait(5000));
        QCOMPARE(started.at(0).at(0).toString(), path);

        Peer socat;
        QVERIFY(socat.startProgram(QStringLiteral("socat"), {QStringLiteral("-t5"), QStringLiteral("-"), QStringLiteral("UNIX-CONNECT:") + path}));
        const QByteArray payload = testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
        socat.write(payload);
        QCOMPARE(socat.readBytes(payload.size()), payload);
        socat.closeWrite();
        QVERIFY(socat.waitForFinished());
    }

    void destructor_whileClientsAreConnected_joinsCleanly_data() { addModels(); }
    void destructor_whileClientsAreConnected_joinsCleanly()
    {
        QFETCH(ServerModel, model);
        Peer client;
        {
            TcpServer server;
            const quint16 port = startOn(server, config(model, true));
            QVERIFY(port);
            QVERIFY(client.startPython(QStringLiteral("tcp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QVERIFY(client.readLine().startsWith("connected"));
            QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, 5000);
        }
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
    }
};

QTEST_GUILESS_MAIN(TestTcpServer)
#include "tst_tcpserver.moc"
