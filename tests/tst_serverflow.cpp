// The TCP server's flow control, limits and closing, both concurrency models, against peers this
// project did not write (python3 scripts in tests/peers/, nc): what a server queues for a client
// reaches it before the connection ends, and nothing a client does makes the server hold more
// than its limits allow.

#include "peer.h"
#include "testutil.h"

#include "net/chunkstream.h"
#include "tcp/tcpserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>

using namespace socketeer;
using testsupport::Peer;

Q_DECLARE_METATYPE(socketeer::ServerModel)

namespace {

quint16 startOn(TcpServer &server, const TcpServerConfig &config)
{
    QSignalSpy started(&server, &TcpServer::started);
    if (!server.start(config) || !started.wait(5000))
        return 0;
    return started.at(0).at(1).value<quint16>();
}

TcpServerConfig configFor(ServerModel model, bool echo = false)
{
    TcpServerConfig c;
    c.model = model;
    c.echo = echo;
    return c;
}

// Every byte value, in an order that makes a lost or repeated piece show.
QByteArray patterned(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 7 + i / 65536) & 0xff);
    return bytes;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestServerFlow : public QObject {
    Q_OBJECT

private slots:
    // Finding 9: what was queued for a client before it is disconnected (by the user, or by the
    // server stopping) reaches it, followed by an orderly end of stream, not a reset.
    void close_deliversWhatWasQueuedThenEndOfStream_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<bool>("byStop");
        QTest::newRow("event-loop, disconnect") << ServerModel::EventLoop << false;
        QTest::newRow("event-loop, stop") << ServerModel::EventLoop << true;
        QTest::newRow("thread-per-client, disconnect") << ServerModel::ThreadPerClient << false;
        QTest::newRow("thread-per-client, stop") << ServerModel::ThreadPerClient << true;
    }
    void close_deliversWhatWasQueuedThenEndOfStream()
    {
        QFETCH(ServerModel, model);
        QFETCH(bool, byStop);
        TcpServer server;
        TcpServerConfig c = configFor(model);
        // This is about what arrives, not the deadline (close_givesUpOnAPeerThatTakesNothing): a
        // loaded machine (sanitizers, two cores) may take longer than the default 5 s to drain 6 MiB
        // through a 4 KiB window.
        c.closeTimeout = std::chrono::minutes(2);
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        QSignalSpy stopped(&server, &TcpServer::stopped);

        Peer reader;
        QVERIFY(reader.startPython(QStringLiteral("tcp_slow_reader.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(reader.readLine().startsWith("connected"));
        QVERIFY(connected.size() == 1 || connected.wait(5000));
        const quint64 id = connected.at(0).at(0).value<ClientInfo>().id;

        // More than the kernel's buffers hold for a small-window reader (tcp_wmem's 4 MiB at
        // most), less than the server's per-client cap: most of it waits in the server's queue.
        const QByteArray payload = patterned(6 * 1024 * 1024);
        for (qsizetype at = 0; at < payload.size(); at += 1024 * 1024)
            server.sendTo(id, payload.mid(at, 1024 * 1024));
        if (byStop)
            server.stop();
        else
            server.disconnectClient(id);
        reader.write("go\n");

        QCOMPARE(reader.readLine(60000), QByteArray("got ") + QByteArray::number(payload.size()) + ' ' + sha256Hex(payload));
        QCOMPARE(reader.readLine(), QByteArray("eof"));
        QVERIFY(disconnected.size() == 1 || disconnected.wait(10000));
        QCOMPARE(disconnected.at(0).at(1).toString(),
                 byStop ? QStringLiteral("server stopped") : QStringLiteral("disconnected by the server"));
        if (byStop)
            QVERIFY(stopped.size() == 1 || stopped.wait(10000));
    }

    // The other half of finding 9: a peer that takes nothing does not hold a close (or a stop)
    // for ever. After the close deadline the connection goes, its unsent bytes with it, and the
    // front end hears of it with the reason it was closed for.
    void close_givesUpOnAPeerThatTakesNothing_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<bool>("byStop");
        QTest::newRow("event-loop, disconnect") << ServerModel::EventLoop << false;
        QTest::newRow("event-loop, stop") << ServerModel::EventLoop << true;
        QTest::newRow("thread-per-client, disconnect") << ServerModel::ThreadPerClient << false;
        QTest::newRow("thread-per-client, stop") << ServerModel::ThreadPerClient << true;
    }
    void close_givesUpOnAPeerThatTakesNothing()
    {
        QFETCH(ServerModel, model);
        QFETCH(bool, byStop);
        TcpServer server;
        TcpServerConfig c = configFor(model);
        c.closeTimeout = std::chrono::milliseconds(300);
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        QSignalSpy stopped(&server, &TcpServer::stopped);

        Peer idle;
        QVERIFY(idle.startPython(QStringLiteral("tcp_idle_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(idle.readLine().startsWith("connected"));
        QVERIFY(connected.size() == 1 || connected.wait(5000));
        const quint64 id = connected.at(0).at(0).value<ClientInfo>().id;
        server.sendTo(id, patterned(4 * 1024 * 1024));   // far more than its 4 KiB window takes
        if (byStop)
            server.stop();
        else
            server.disconnectClient(id);

        // Well past 300 ms on a loaded machine, far short of a peer that would have to read.
        QVERIFY(disconnected.size() == 1 || disconnected.wait(30000));
        QCOMPARE(disconnected.at(0).at(1).toString(),
                 byStop ? QStringLiteral("server stopped") : QStringLiteral("disconnected by the server"));
        if (byStop)
            QVERIFY(stopped.size() == 1 || stopped.wait(30000));
        else
            QCOMPARE(server.clientCount(), 0);
        idle.closeWrite();
    }

    // Finding 4: a client that sends without ever reading the echo (or the replies, which the
    // SMTP receiver sends from the front end's thread) is held back by TCP's flow control (the
    // server stops reading from it) instead of making the server queue megabytes for it or drop
    // it; once it reads, every byte comes back exactly.
    void pipeliningClient_isHeldBackNeitherQueuedNorDropped_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<bool>("byFrontEnd");
        QTest::newRow("event-loop, echo") << ServerModel::EventLoop << false;
        QTest::newRow("event-loop, replies from the front end") << ServerModel::EventLoop << true;
        QTest::newRow("thread-per-client, echo") << ServerModel::ThreadPerClient << false;
        QTest::newRow("thread-per-client, replies from the front end") << ServerModel::ThreadPerClient << true;
    }
    void pipeliningClient_isHeldBackNeitherQueuedNorDropped()
    {
        QFETCH(ServerModel, model);
        QFETCH(bool, byFrontEnd);
        TcpServer server;
        const TcpServerConfig c = configFor(model, !byFrontEnd);
        QCOMPARE(c.pauseReadingAbove, limits::kServerReadPauseBytes);   // the defaults, not a test's values
        QCOMPARE(c.maxUndeliveredPerClient, limits::kServerUndeliveredPerClientBytes);
        if (byFrontEnd) {
            // Like the SMTP receiver: every byte received is answered from this thread.
            connect(&server, &TcpServer::dataReceived, &server, [&server](quint64 id, const QByteArray &data) { server.sendTo(id, data); });
        }
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);

        // Far more than the kernel's buffers on both sides and the server's 8 MiB cap.
        const qint64 total = 32 * 1024 * 1024;
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_pipelining_client.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(total)}));
        QVERIFY(client.readLine().startsWith("connected"));
        const QByteArray sent = client.readLine(120000);
        QVERIFY2(sent.startsWith("sent "), sent.constData());
        QVERIFY2(sent.mid(5).toLongLong() < total, sent.constData());   // the server stopped taking more
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, 5000);   // events delivered, the client still there
        QVERIFY(disconnected.isEmpty());
        // What waits may be one read past the mark, plus, when the front end answers, what it
        // had not yet answered when reading paused.
        const qint64 bound = c.pauseReadingAbove + qint64(limits::kReadChunkBytes) + (byFrontEnd ? c.maxUndeliveredPerClient : 0);
        QVERIFY2(server.statistics().peakQueuedBytes <= bound, QByteArray::number(server.statistics().peakQueuedBytes).constData());

        client.write("read\n");
        // This thread's event loop runs meanwhile: it is where the replies come from.
        QTRY_VERIFY_WITH_TIMEOUT(client.process().canReadLine() || client.process().state() != QProcess::Running, 120000);
        QCOMPARE(client.readLine(), QByteArray("ok ") + QByteArray::number(total));
        // It closes once it has everything; the server never dropped it.
        if (!disconnected.isEmpty())
            QCOMPARE(disconnected.at(0).at(1).toString(), QStringLiteral("the client closed the connection"));
        QVERIFY2(server.statistics().peakQueuedBytes <= bound, QByteArray::number(server.statistics().peakQueuedBytes).constData());
        QTRY_COMPARE_WITH_TIMEOUT(server.statistics().bytesOut, quint64(total), 10000);
    }

    // Finding 6: thread per client has a limit even when none is given (each client is a thread);
    // the connections beyond it are closed at once and reported with the reason. The event loop
    // has no default limit.
    void defaultClientLimit_refusesBeyondItForThreadPerClientOnly_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<int>("accepted");
        const int many = limits::kThreadPerClientMaxClients + 20;
        QTest::newRow("event-loop") << ServerModel::EventLoop << many;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient << limits::kThreadPerClientMaxClients;
    }
    void defaultClientLimit_refusesBeyondItForThreadPerClientOnly()
    {
        QFETCH(ServerModel, model);
        QFETCH(int, accepted);
        const int many = limits::kThreadPerClientMaxClients + 20;
        TcpServer server;
        TcpServerConfig c = configFor(model, true);
        QCOMPARE(c.maxClients, 0);   // none given
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy rejected(&server, &TcpServer::clientRejected);

        Peer peer;
        QVERIFY(peer.startPython(QStringLiteral("tcp_many_clients.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(many)}));
        QCOMPARE(peer.readLine(60000), QByteArray("connected ") + QByteArray::number(many));
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount() + int(rejected.size()), many, 30000);
        QCOMPARE(server.clientCount(), accepted);
        QCOMPARE(int(rejected.size()), many - accepted);
        if (model == ServerModel::ThreadPerClient) {
            QCOMPARE(server.threadCount(), 1 + accepted);
            QVERIFY2(rejected.at(0).at(1).toString().contains(QStringLiteral("maximum of %1").arg(accepted)),
                     qPrintable(rejected.at(0).at(1).toString()));
        }
        peer.write("go\n");
        QTRY_VERIFY_WITH_TIMEOUT(peer.process().canReadLine() || peer.process().state() != QProcess::Running, 60000);
        QCOMPARE(peer.readLine(), "echoed " + QByteArray::number(accepted) + " refused " + QByteArray::number(many - accepted));
    }

    // Finding 5: a file larger than any queue goes to several clients at the pace of the slowest
    // reader, byte for byte; only a client that takes nothing at all for the stall timeout is
    // dropped, with that reason, and the others then complete.
    void stream_reachesEveryReaderAndDropsOnlyTheOneThatStalls_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("event-loop") << ServerModel::EventLoop;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient;
    }
    void stream_reachesEveryReaderAndDropsOnlyTheOneThatStalls()
    {
        QFETCH(ServerModel, model);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray payload = patterned(24 * 1024 * 1024);   // three times the server's queue cap
        const QString path = dir.filePath(QStringLiteral("file.bin"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(payload), payload.size());
        }
        TcpServer server;
        TcpServerConfig c = configFor(model);
        c.stallTimeout = std::chrono::seconds(2);
        const quint16 port = startOn(server, c);
        QVERIFY(port);
        QSignalSpy connected(&server, &TcpServer::clientConnected);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);

        const QString size = QString::number(payload.size());
        Peer fast, slow, idle;
        QVERIFY(fast.startPython(QStringLiteral("tcp_slow_reader.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("65536"), QStringLiteral("0"), size}));
        QVERIFY(fast.readLine().startsWith("connected"));
        QVERIFY(slow.startPython(QStringLiteral("tcp_slow_reader.py"), {QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("16384"), QStringLiteral("0.002"), size}));
        QVERIFY(slow.readLine().startsWith("connected"));
        QVERIFY(idle.startPython(QStringLiteral("tcp_idle_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(idle.readLine().startsWith("connected"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, 10000);
        QList<quint64> targets;
        for (const auto &args : connected)
            targets.append(args.at(0).value<ClientInfo>().id);

        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        ChunkStream::Options options;
        options.readers = int(targets.size());
        auto stream = ChunkStream::start(fd, true, options);
        QVERIFY(stream);
        server.sendStream(*stream, targets);
        fast.write("go\n");
        slow.write("go\n");

        // The one that never reads goes, for that reason; the others get every byte.
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 60000);
        QVERIFY2(disconnected.at(0).at(1).toString().contains(QLatin1String("not reading")), qPrintable(disconnected.at(0).at(1).toString()));
        const QByteArray expected = "got " + QByteArray::number(payload.size()) + ' ' + sha256Hex(payload);
        for (Peer *reader : {&fast, &slow}) {
            QTRY_VERIFY_WITH_TIMEOUT(reader->process().canReadLine() || reader->process().state() != QProcess::Running, 120000);
            QCOMPARE(reader->readLine(), expected);
        }
        QTRY_VERIFY_WITH_TIMEOUT((*stream)->progress().done(), 10000);
        QVERIFY((*stream)->progress().left >= 1);   // the idle one (a reader that closes as soon as it has all may count too)
        for (qsizetype i = 1; i < disconnected.size(); ++i)   // the readers leave on their own, once done
            QCOMPARE(disconnected.at(i).at(1).toString(), QStringLiteral("the client closed the connection"));
        QVERIFY(server.statistics().peakQueuedBytes <= limits::kServerQueueBytes);
    }
};

QTEST_GUILESS_MAIN(TestServerFlow)
#include "tst_serverflow.moc"
