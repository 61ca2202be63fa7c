// The TCP client against servers this project did not write: the tutorial's echo servers and a few
// more python peers in its style (one that counts to the end of stream, one that greets and hangs
// up, one that resets, one that never reads), socat on an AF_UNIX path, and listeners made here
// for the failures that need no peer at all (refused, timed out).

#include "peer.h"
#include "testutil.h"

#include "net/faults.h"
#include "net/open.h"
#include "net/socket.h"
#include "net/trace.h"
#include "net/wakeup.h"
#include "tcp/tcpclient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <netdb.h>
#include <sys/socket.h>
#include <thread>
#include <vector>

using namespace socketeer;
using testsupport::Peer;

Q_DECLARE_METATYPE(socketeer::ErrorKind)

namespace {

constexpr int kWait = 15000;   // generous: the sanitizer builds are slow

// Everything one connection said, in order, as the GUI would see it.
struct Recorder {
    explicit Recorder(TcpClient &client)
    {
        QObject::connect(&client, &TcpClient::connected, &client, [this](const QString &l, const QString &p) {
            events << QStringLiteral("connected");
            local = l;
            peer = p;
        });
        QObject::connect(&client, &TcpClient::dataReceived, &client, [this](const QByteArray &data) {
            received += data;
            ++batches;
        });
        QObject::connect(&client, &TcpClient::dataSent, &client, [this](qint64 n) { sent += n; });
        QObject::connect(&client, &TcpClient::peerClosed, &client, [this] { events << QStringLiteral("peerClosed"); });
        QObject::connect(&client, &TcpClient::errorOccurred, &client, [this](const Error &error) {
            events << QStringLiteral("error");
            errors << error;
        });
        QObject::connect(&client, &TcpClient::disconnected, &client, [this](const QString &why) {
            events << QStringLiteral("disconnected");
            reason = why;
        });
    }
    bool isConnected() const { return events.contains(QStringLiteral("connected")); }
    bool isDisconnected() const { return events.contains(QStringLiteral("disconnected")); }

    QStringList events;
    QString local;
    QString peer;
    QByteArray received;
    int batches = 0;
    qint64 sent = 0;
    QList<Error> errors;
    QString reason;
};

TcpClientConfig configFor(const QString &host, quint16 port, std::chrono::milliseconds timeout = std::chrono::milliseconds(10000))
{
    TcpClientConfig config;
    config.endpoint = Endpoint{host, port, {}};
    config.connectTimeout = timeout;
    return config;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 2463534242u;   // xorshift: no period a misplaced chunk could hide in
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[i] = static_cast<char>(x);
    }
    return bytes;
}

// A loopback listener whose accept queue is full and never drained: the next SYN is dropped, so a
// connect() to it waits — the only honest way to time out here, since nothing may leave loopback.
// `fillers` keeps the connections that filled the queue.
struct StalledListener {
    Socket listener;
    std::vector<Socket> fillers;
    quint16 port = 0;

    bool open()
    {
        auto socket = listenOn(Endpoint{QStringLiteral("127.0.0.1"), 0, {}}, 0, false);
        if (!socket)
            return false;
        listener = std::move(socket).value();
        port = listener.sockName()->port();
        const auto address = *SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), port);
        // How many connections the kernel queues for backlog 0 differs between kernels: connect
        // until one stalls.
        for (int i = 0; i < 16; ++i) {
            auto filler = Socket::create(AF_INET, SocketType::Stream);
            if (!filler)
                return false;
            auto r = filler->connect(address, std::chrono::milliseconds(300));
            fillers.push_back(std::move(filler).value());
            if (!r)
                return r.error().kind == ErrorKind::Timeout;
        }
        return false;
    }
};

} // namespace

class TestTcpClient : public QObject {
    Q_OBJECT

private:
    // Starts a tutorial-style python server on port 0 and returns the port it got (0 on failure).
    static quint16 startServer(Peer &peer, const QString &script, const QStringList &arguments)
    {
        if (!peer.startPython(script, arguments))
            return 0;
        return peer.readListeningPort();
    }

    // Sends `payload` and waits until exactly that much has come back.
    static void echoAndCompare(TcpClient &client, Recorder &recorder, const QByteArray &payload)
    {
        const qsizetype before = recorder.received.size();
        client.send(payload);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.received.size() >= before + payload.size() || recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.received.size(), before + payload.size());
        QVERIFY(recorder.received.mid(before) == payload);   // QCOMPARE would print 4 MiB on failure
    }

private slots:
    void cleanup() { faults::disarm(); }

    void echo_roundTripIsByteExact_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QByteArray>("payload");
        const QList<std::pair<const char *, QByteArray>> payloads = {
            {"chinese-utf8", testsupport::chineseUtf8()},
            {"all-256-bytes", testsupport::nonUtf8Bytes()},
            {"4MiB", pattern(4 * 1024 * 1024)},
        };
        for (const char *family : {"ipv4", "ipv6", "unix"}) {
            for (const auto &[name, bytes] : payloads)
                QTest::addRow("%s-%s", family, name) << QString::fromLatin1(family) << bytes;
        }
    }
    void echo_roundTripIsByteExact()
    {
        QFETCH(QString, family);
        QFETCH(QByteArray, payload);

        Peer server;
        QTemporaryDir dir;
        TcpClientConfig config;
        QString expectedPeer;
        if (family == QLatin1String("unix")) {
            SOCKETEER_REQUIRE_PROGRAM(QStringLiteral("socat"));
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(QStringLiteral("echo.sock"));
            QVERIFY(server.startProgram(QStringLiteral("socat"),
                                        {QStringLiteral("UNIX-LISTEN:") + path + QStringLiteral(",fork"), QStringLiteral("EXEC:cat")}));
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), kWait);
            config.endpoint.unixPath = path;
            expectedPeer = path;
        } else {
            const bool v6 = family == QLatin1String("ipv6");
            if (v6)
                SOCKETEER_REQUIRE_IPV6_LOOPBACK();
            const QString host = v6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
            const quint16 port = startServer(server, QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0"), host});
            QVERIFY(port);
            config = configFor(host, port);
            expectedPeer = v6 ? QStringLiteral("[::1]:%1").arg(port) : QStringLiteral("127.0.0.1:%1").arg(port);
        }

        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(config));
        QCOMPARE(client.state(), TcpClient::State::Connecting);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected() || recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, QStringList{QStringLiteral("connected")});
        QCOMPARE(client.state(), TcpClient::State::Connected);
        QCOMPARE(recorder.peer, expectedPeer);
        QCOMPARE(client.peerAddress(), expectedPeer);
        if (family != QLatin1String("unix"))
            QVERIFY(recorder.local.startsWith(expectedPeer.left(expectedPeer.lastIndexOf(QLatin1Char(':')) + 1)));

        echoAndCompare(client, recorder, payload);
        QCOMPARE(client.bytesOut(), quint64(payload.size()));
        QCOMPARE(client.bytesIn(), quint64(payload.size()));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.sent, qint64(payload.size()), kWait);

        client.disconnectFromHost();
        QCOMPARE(client.state(), TcpClient::State::Closing);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.reason, QStringLiteral("closed by this side"));
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void connectToHost_isRefusedUnlessUnconnectedAndWorksAgainAfterwards()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_threaded_echo_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TcpClient client;
        QSignalSpy states(&client, &TcpClient::stateChanged);
        for (int round = 0; round < 2; ++round) {
            Recorder recorder(client);
            QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
            QTest::ignoreMessage(QtWarningMsg, "connectToHost() while not unconnected: ignored");
            QTest::ignoreMessage(QtWarningMsg, "connectToHost() while not unconnected: ignored");
            QVERIFY(!client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));   // busy
            QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
            QVERIFY(!client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
            echoAndCompare(client, recorder, QByteArray("round ") + QByteArray::number(round));
            // disconnectAndWait: everything, disconnected() last, is emitted before it returns.
            client.disconnectAndWait();
            QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("disconnected")}));
            QCOMPARE(client.state(), TcpClient::State::Unconnected);
            QObject::disconnect(&client, nullptr, &client, nullptr);
        }
        QCOMPARE(states.size(), 6);   // Connecting, Connected, Unconnected, twice
        QCOMPARE(states.at(0).at(0).value<TcpClient::State>(), TcpClient::State::Connecting);
        QCOMPARE(states.at(1).at(0).value<TcpClient::State>(), TcpClient::State::Connected);
        QCOMPARE(states.at(2).at(0).value<TcpClient::State>(), TcpClient::State::Unconnected);
    }

    void send_whileConnectingGoesOutOnceConnected()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        client.send("first ");
        client.send(testsupport::chineseUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("first ") + testsupport::chineseUtf8(), kWait);
        QCOMPARE(recorder.events, QStringList{QStringLiteral("connected")});
    }

    void connect_failuresAreDistinctByKindAndCode_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("code");   // errno; 0: no code
        QTest::newRow("refused") << QStringLiteral("refused") << ErrorKind::Connect << ECONNREFUSED;
        // TCP cannot go to a broadcast address: the kernel refuses before anything is sent, which
        // is the one way to see "unreachable" without sending a packet off this machine.
        QTest::newRow("unreachable") << QStringLiteral("unreachable") << ErrorKind::Connect << ENETUNREACH;
        QTest::newRow("unix-no-such-path") << QStringLiteral("unix-missing") << ErrorKind::Connect << ENOENT;
        QTest::newRow("unix-nobody-listening") << QStringLiteral("unix-refused") << ErrorKind::Connect << ECONNREFUSED;
        QTest::newRow("unknown-host") << QStringLiteral("unknown-host") << ErrorKind::Resolve << 0;
        QTest::newRow("empty-host") << QStringLiteral("empty-host") << ErrorKind::InvalidArgument << 0;
        QTest::newRow("port-zero") << QStringLiteral("port-zero") << ErrorKind::InvalidArgument << 0;
        QTest::newRow("timeout") << QStringLiteral("timeout") << ErrorKind::Timeout << ETIMEDOUT;
    }
    void connect_failuresAreDistinctByKindAndCode()
    {
        QFETCH(QString, scenario);
        QFETCH(ErrorKind, kind);
        QFETCH(int, code);

        TcpClientConfig config;
        Socket reserved;
        StalledListener stalled;
        QTemporaryDir dir;
        if (scenario == QLatin1String("refused")) {
            // Bound but not listening: the port is ours, so nobody else can be listening on it.
            auto socket = Socket::create(AF_INET, SocketType::Stream);
            QVERIFY(socket && socket->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
            reserved = std::move(socket).value();
            config = configFor(QStringLiteral("127.0.0.1"), reserved.sockName()->port());
        } else if (scenario == QLatin1String("unreachable")) {
            config = configFor(QStringLiteral("255.255.255.255"), 9);
        } else if (scenario == QLatin1String("unix-missing")) {
            config.endpoint.unixPath = dir.filePath(QStringLiteral("nobody.sock"));
        } else if (scenario == QLatin1String("unix-refused")) {
            const QString path = dir.filePath(QStringLiteral("bound.sock"));
            auto socket = Socket::create(AF_UNIX, SocketType::Stream);
            QVERIFY(socket && socket->bind(*SocketAddress::fromUnixPath(path)));
            reserved = std::move(socket).value();
            config.endpoint.unixPath = path;
        } else if (scenario == QLatin1String("unknown-host")) {
            config = configFor(QStringLiteral("no-such-host.invalid"), 80);
        } else if (scenario == QLatin1String("empty-host")) {
            config = configFor(QString(), 5555);
        } else if (scenario == QLatin1String("port-zero")) {
            config = configFor(QStringLiteral("127.0.0.1"), 0);
        } else if (scenario == QLatin1String("timeout")) {
            QVERIFY2(stalled.open(), "could not fill a listener's accept queue");
            config = configFor(QStringLiteral("127.0.0.1"), stalled.port, std::chrono::milliseconds(300));
        }

        TcpClient client;
        Recorder recorder(client);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.connectToHost(config));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("error"), QStringLiteral("disconnected")}));
        const Error error = recorder.errors.first();
        QCOMPARE(error.kind, kind);
        if (kind == ErrorKind::Resolve) {
            // "Name or service not known"; "temporary failure" where no resolver answers at all.
            QCOMPARE(&error.code.category(), &resolverCategory());
            QVERIFY2(error.code.value() == EAI_NONAME || error.code.value() == EAI_AGAIN, qPrintable(error.message()));
        } else if (code) {
            QCOMPARE(&error.code.category(), &std::system_category());
            QCOMPARE(error.code.value(), code);
        }
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(recorder.reason, error.message());
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
        if (kind == ErrorKind::Timeout)
            QVERIFY2(elapsed.elapsed() >= 250, "gave up before the timeout");
    }

    // A name with several addresses (localhost as ::1 and 127.0.0.1, say) that all fail: the error
    // reported is the one that says most, not the first address's. Built from addresses here, as
    // this machine's resolver may give only one; the broadcast address fails with "network
    // unreachable" without a packet leaving, as an IPv6 attempt does on a machine without IPv6.
    void connectToAny_reportsTheMostTellingError_data()
    {
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("code");
        const QString unreachable = QStringLiteral("unreachable"), refused = QStringLiteral("refused"),
                      stalled = QStringLiteral("stalled");
        QTest::newRow("unreachable-then-refused") << QStringList{unreachable, refused} << ErrorKind::Connect << ECONNREFUSED;
        QTest::newRow("refused-then-unreachable") << QStringList{refused, unreachable} << ErrorKind::Connect << ECONNREFUSED;
        QTest::newRow("unreachable-then-timeout") << QStringList{unreachable, stalled} << ErrorKind::Timeout << ETIMEDOUT;
        QTest::newRow("unreachable-only") << QStringList{unreachable} << ErrorKind::Connect << ENETUNREACH;
    }
    void connectToAny_reportsTheMostTellingError()
    {
        QFETCH(QStringList, order);
        QFETCH(ErrorKind, kind);
        QFETCH(int, code);
        // Bound but not listening: refused, and nobody else can be listening on that port.
        auto reserved = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(reserved && reserved->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        StalledListener stalled;
        if (order.contains(QStringLiteral("stalled")))
            QVERIFY2(stalled.open(), "could not fill a listener's accept queue");
        std::vector<SocketAddress> addresses;
        for (const QString &which : order) {
            if (which == QLatin1String("unreachable"))
                addresses.push_back(*SocketAddress::fromLiteral(QStringLiteral("255.255.255.255"), 9));
            else if (which == QLatin1String("refused"))
                addresses.push_back(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), reserved->sockName()->port()));
            else
                addresses.push_back(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), stalled.port));
        }
        auto socket = connectToAny(addresses, std::chrono::milliseconds(300), nullptr);
        QVERIFY(!socket);
        QCOMPARE(socket.error().kind, kind);
        QCOMPARE(&socket.error().code.category(), &std::system_category());
        QCOMPARE(socket.error().code.value(), code);
    }

    // Cancelling is the user's answer for every address: nothing more is tried.
    void connectToAny_stopsAtOnceWhenCancelled()
    {
        StalledListener stalled;
        QVERIFY2(stalled.open(), "could not fill a listener's accept queue");
        auto reserved = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(reserved && reserved->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        const std::vector<SocketAddress> addresses = {
            *SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), stalled.port),
            *SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), reserved->sockName()->port()),
        };
        auto cancel = Wakeup::create();
        QVERIFY(cancel);
        TraceRecorder trace;
        QList<TraceEvent> seen;
        connect(&trace, &TraceRecorder::eventsRecorded, this, [&](const QList<TraceEvent> &events) { seen += events; });
        // Cancelled before it starts, as a user's Cancel can land at any moment: the first
        // connect is already waiting on a listener that never answers, and nothing more is tried.
        cancel->signal();
        QElapsedTimer elapsed;
        elapsed.start();
        auto socket = connectToAny(addresses, std::chrono::minutes(5), &*cancel);
        QVERIFY(elapsed.elapsed() < kWait);
        QVERIFY(!socket);
        QVERIFY2(socket.error().code == std::errc::operation_canceled, qPrintable(socket.error().message()));
        trace.flush();
        const auto connects = std::count_if(seen.begin(), seen.end(), [](const TraceEvent &e) { return e.call == QLatin1String("connect"); });
        QCOMPARE(connects, std::ptrdiff_t(1));   // the refusing second address was never tried
    }

    void parseEndpoint_rejectsWhatNoClientCanConnectTo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("port-out-of-range") << QStringLiteral("127.0.0.1:70000");
        QTest::newRow("empty") << QString();
        QTest::newRow("no-port") << QStringLiteral("localhost");
        QTest::newRow("port-not-a-number") << QStringLiteral("localhost:http");
        QTest::newRow("unbracketed-ipv6") << QStringLiteral("::1:5555");
    }
    void parseEndpoint_rejectsWhatNoClientCanConnectTo()
    {
        QFETCH(QString, text);
        auto endpoint = parseEndpoint(text);
        QVERIFY(!endpoint);
        QCOMPARE(endpoint.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(!endpoint.error().message().isEmpty());
    }

    void disconnectFromHost_whileConnectingCancelsAtOnce()
    {
        StalledListener stalled;
        QVERIFY2(stalled.open(), "could not fill a listener's accept queue");
        TraceRecorder trace;
        QList<TraceEvent> seen;
        connect(&trace, &TraceRecorder::eventsRecorded, this, [&](const QList<TraceEvent> &events) { seen += events; });

        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), stalled.port, std::chrono::minutes(5))));
        // Cancel only once the worker is really waiting for the SYN's answer.
        auto waiting = [&] {
            return std::any_of(seen.begin(), seen.end(), [](const TraceEvent &e) {
                return e.call == QLatin1String("connect") && e.error == EINPROGRESS && e.thread.startsWith(QLatin1String("client-"));
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), kWait);
        QCOMPARE(client.state(), TcpClient::State::Connecting);
        QElapsedTimer elapsed;
        elapsed.start();
        client.disconnectFromHost();
        QCOMPARE(client.state(), TcpClient::State::Closing);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QVERIFY(elapsed.elapsed() < 5000);
        // A cancel is what the user asked for, not an error.
        QCOMPARE(recorder.events, QStringList{QStringLiteral("disconnected")});
        QCOMPARE(recorder.reason, QStringLiteral("connection attempt cancelled"));
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void destructor_joinsWhileConnectingAndWhileConnected()
    {
        StalledListener stalled;
        QVERIFY2(stalled.open(), "could not fill a listener's accept queue");
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")});
        QVERIFY(port);

        QElapsedTimer elapsed;
        elapsed.start();
        {
            TcpClient connecting;
            QVERIFY(connecting.connectToHost(configFor(QStringLiteral("127.0.0.1"), stalled.port, std::chrono::minutes(5))));
            TcpClient connected;
            Recorder recorder(connected);
            QVERIFY(connected.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
            QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
            connected.send(pattern(1024 * 1024));
        }
        QVERIFY(elapsed.elapsed() < kWait);
    }

    void trace_showsTheWorkersCallsUnderItsName()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TraceRecorder trace;
        QList<TraceEvent> seen;
        connect(&trace, &TraceRecorder::eventsRecorded, this, [&](const QList<TraceEvent> &events) { seen += events; });
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        echoAndCompare(client, recorder, "traced");
        client.disconnectAndWait();
        trace.flush();
        QStringList calls;
        for (const TraceEvent &event : seen) {
            if (event.thread.startsWith(QLatin1String("client-")))
                calls << event.call;
        }
        for (const char *call : {"socket", "connect", "send", "recv"})
            QVERIFY2(calls.contains(QLatin1String(call)), call);
    }

    void halfClose_sendsEverythingQueuedThenKeepsReadingUntilThePeerCloses()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_count_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);

        const QByteArray payload = pattern(4 * 1024 * 1024);
        client.send(payload);
        client.halfClose();           // right behind the 4 MiB: the FIN must wait for them
        QTest::ignoreMessage(QtWarningMsg, "send() with no connection to send on, or after halfClose(): ignored");
        client.send("too late");      // nothing may follow the FIN
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(server.readLine().left(13), QByteArray("Connected by "));
        QCOMPARE(server.readLine(), QByteArray("eof after ") + QByteArray::number(payload.size()));
        QCOMPARE(recorder.received, QByteArray("received ") + QByteArray::number(payload.size()) + QByteArray(" bytes"));
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("peerClosed"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.reason, QStringLiteral("the peer closed the connection"));
        QCOMPARE(client.bytesOut(), quint64(payload.size()));
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void peerClosesFirst_reportsPeerClosedThenDisconnected()
    {
        Peer server;
        const QByteArray greeting = testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
        const quint16 port = startServer(server, QStringLiteral("tcp_greeting_server.py"),
                                         {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::fromLatin1(greeting.toHex())});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.received, greeting);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("peerClosed"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.reason, QStringLiteral("the peer closed the connection"));
        QCOMPARE(client.bytesIn(), quint64(greeting.size()));
    }

    void peerReset_isReportedAsAnErrorNotACrash_data()
    {
        QTest::addColumn<bool>("midTransfer");
        QTest::newRow("while-idle") << false;
        QTest::newRow("while-sending") << true;
    }
    void peerReset_isReportedAsAnErrorNotACrash()
    {
        QFETCH(bool, midTransfer);
        Peer server;
        QStringList arguments{QStringLiteral("0"), QStringLiteral("127.0.0.1")};
        if (midTransfer)
            arguments << QStringLiteral("65536");
        const quint16 port = startServer(server, QStringLiteral("tcp_reset_server.py"), arguments);
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        QVERIFY(server.readLine().startsWith("Connected by"));
        if (midTransfer) {
            const QByteArray chunk = pattern(1024 * 1024);
            for (int i = 0; i < 16; ++i)
                client.send(chunk);
        } else {
            server.write("go\n");
        }
        QCOMPARE(server.readLine(), QByteArray("reset"));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("error"), QStringLiteral("disconnected")}));
        const Error error = recorder.errors.first();
        if (midTransfer) {
            // Whichever call meets the reset first reports it.
            QVERIFY2(error.kind == ErrorKind::Send || error.kind == ErrorKind::Receive, qPrintable(error.message()));
            QVERIFY2(error.code.value() == ECONNRESET || error.code.value() == EPIPE, qPrintable(error.message()));
        } else {
            QCOMPARE(error.kind, ErrorKind::Receive);
            QCOMPARE(error.code.value(), ECONNRESET);
        }
        QCOMPARE(recorder.reason, error.message());
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void sendQueue_overItsCapDropsAPeerThatNeverReads()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_silent_server.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        TcpClientConfig config = configFor(QStringLiteral("127.0.0.1"), port);
        config.maxQueuedBytes = 256 * 1024;
        QVERIFY(client.connectToHost(config));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        // Far more than any socket buffers can hold, so the queue must pass its cap.
        const QByteArray chunk = pattern(1024 * 1024);
        for (int i = 0; i < 32; ++i)
            client.send(chunk);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("error"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.errors.first().kind, ErrorKind::Limit);
        QVERIFY2(recorder.reason.contains(QLatin1String("not reading")), qPrintable(recorder.reason));
        QVERIFY(client.bytesOut() < quint64(32 * chunk.size()));
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void disconnectFromHost_sendsWhatWasQueuedFirst()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_count_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        const QByteArray payload = pattern(4 * 1024 * 1024);
        client.send(payload);
        client.disconnectFromHost();
        QCOMPARE(client.state(), TcpClient::State::Closing);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.reason, QStringLiteral("closed by this side"));
        QCOMPARE(client.bytesOut(), quint64(payload.size()));
        QVERIFY(server.readLine().startsWith("Connected by"));
        QCOMPARE(server.readLine(), QByteArray("eof after ") + QByteArray::number(payload.size()));
    }

    void disconnectFromHost_againDropsWhatAPeerWillNotRead()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_silent_server.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        const QByteArray chunk = pattern(1024 * 1024);
        for (int i = 0; i < 16; ++i)
            client.send(chunk);
        client.disconnectFromHost();   // cannot finish: the peer never reads
        QCOMPARE(client.state(), TcpClient::State::Closing);
        client.disconnectFromHost();   // so the second one drops the connection
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.reason, QStringLiteral("closed by this side"));
        QVERIFY(client.bytesOut() < quint64(16 * chunk.size()));
        QCOMPARE(client.state(), TcpClient::State::Unconnected);
    }

    void receive_pausesWhileUndeliveredAndResumesExactly()
    {
        // More than the client lets wait undelivered (4 MiB), while this thread does not run its
        // event loop: reading must pause and then resume, losing and reordering nothing.
        const qint64 total = 64 * 1024 * 1024;
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_source_server.py"),
                                         {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::number(total)});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);
        QDeadlineTimer deadline(kWait);
        const quint64 limit = 4 * 1024 * 1024 + quint64(recorder.received.size());
        while (client.bytesIn() <= limit && !deadline.hasExpired())
            std::this_thread::yield();   // not the event loop: nothing is delivered meanwhile
        QVERIFY2(client.bytesIn() > limit, "the worker did not read up to the limit");
        // Paused: the peer stays stuck in sendall() (the socket buffers hold far less than the
        // 60 MiB left), and the worker reads no further than one read budget past the limit.
        // Absence can only be shown over some time; half a second of a blocked peer is plenty.
        QVERIFY(server.readLine().startsWith("Connected by"));
        bool finished = false;
        server.readLine(500, &finished);
        QVERIFY2(!finished, "the peer sent everything although nobody took the data");
        const quint64 undelivered = client.bytesIn() - quint64(recorder.received.size());
        QVERIFY2(undelivered <= (4 + 2) * 1024 * 1024, qPrintable(QString::number(undelivered)));

        QTRY_VERIFY_WITH_TIMEOUT(recorder.isDisconnected(), 4 * kWait);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("connected"), QStringLiteral("peerClosed"), QStringLiteral("disconnected")}));
        QCOMPARE(recorder.received.size(), total);
        const QByteArray block = testsupport::nonUtf8Bytes().left(256);
        for (qint64 offset = 0; offset < total; offset += block.size()) {
            if (recorder.received.mid(offset, block.size()) != block)
                QFAIL(qPrintable(QStringLiteral("wrong bytes at offset %1").arg(offset)));
        }
    }

    void faults_shortWritesEagainAndEintrStillEchoExactly()
    {
        Peer server;
        const quint16 port = startServer(server, QStringLiteral("tcp_echo_server.py"), {QStringLiteral("0")});
        QVERIFY(port);
        TcpClient client;
        Recorder recorder(client);
        QVERIFY(client.connectToHost(configFor(QStringLiteral("127.0.0.1"), port)));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.isConnected(), kWait);

        faults::Plan plan;
        plan.maxSendChunk = 7;
        plan.eintrOnSend = 100;
        plan.eagainOnSend = 100;
        plan.eintrOnRecv = 100;
        faults::arm(plan);
        const QByteArray payload = pattern(1024 * 1024);
        echoAndCompare(client, recorder, payload);
        faults::disarm();
        QCOMPARE(client.bytesOut(), quint64(payload.size()));
        QCOMPARE(client.bytesIn(), quint64(payload.size()));
        QCOMPARE(recorder.events, QStringList{QStringLiteral("connected")});
    }
};

QTEST_GUILESS_MAIN(TestTcpClient)
#include "tst_tcpclient.moc"
