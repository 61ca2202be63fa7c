// The UDP relay engine between peers this project did not write: the tutorial's UDP server and
// client (python3), a plain sender, and a counting receiver fed by a paced sender. The engine is
// driven directly, its events collected through a Mailbox as the front end would.

#include "peer.h"
#include "testutil.h"

#include "net/limits.h"
#include "net/socket.h"
#include "net/trace.h"
#include "relay/udprelayengine.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>

using namespace socketeer;
using testsupport::Peer;

namespace {

// The engine with its events gathered in this thread. The engine is declared last: destroyed
// first, it joins its thread before the mailbox it posts to goes away.
struct Relay {
    QObject receiver;
    std::vector<RelayEvent> events;
    RelayEventSink sink{&receiver, [this](std::vector<RelayEvent> &&batch) {
                            for (RelayEvent &event : batch)
                                events.push_back(std::move(event));
                        }};
    std::atomic<bool> reportData{true};
    std::unique_ptr<UdpRelayEngine> engine;

    // Starts towards 127.0.0.1:targetPort and waits for Started: the port it listens on, 0 on failure.
    quint16 start(quint16 targetPort, RelayConfig config = {})
    {
        config.udp = true;
        config.target = Endpoint{QStringLiteral("127.0.0.1"), targetPort, {}};
        engine = std::make_unique<UdpRelayEngine>(config, sink, reportData);
        if (!QTest::qWaitFor([this] { return count(RelayEvent::Type::Started) + count(RelayEvent::Type::Failed) > 0; }, 10000))
            return 0;
        const auto started = find(RelayEvent::Type::Started);
        return started ? started->address.port() : 0;
    }
    int count(RelayEvent::Type type) const
    {
        return static_cast<int>(std::count_if(events.begin(), events.end(), [type](const RelayEvent &e) { return e.type == type; }));
    }
    int count(RelayEvent::Type type, RelayDirection way) const
    {
        return static_cast<int>(
            std::count_if(events.begin(), events.end(), [type, way](const RelayEvent &e) { return e.type == type && e.direction == way; }));
    }
    int impaired(RelayAction action) const
    {
        return static_cast<int>(std::count_if(events.begin(), events.end(), [action](const RelayEvent &e) {
            return e.type == RelayEvent::Type::Impaired && e.action == action;
        }));
    }
    std::optional<RelayEvent> find(RelayEvent::Type type, int nth = 0) const
    {
        for (const RelayEvent &event : events)
            if (event.type == type && nth-- == 0)
                return event;
        return std::nullopt;
    }
    QByteArrayList forwarded(RelayDirection way) const
    {
        QByteArrayList all;
        for (const RelayEvent &event : events)
            if (event.type == RelayEvent::Type::Forwarded && event.direction == way)
                all << event.data;
        return all;
    }
};

// The tutorial's server prints "From HOST PORT HEX" per datagram: the bytes of the next such line.
QByteArray nextFrom(Peer &peer, quint16 *port = nullptr)
{
    bool ok = false;
    const QByteArray line = peer.readLine(20000, &ok);
    const QList<QByteArray> words = line.split(' ');
    if (!ok || words.size() < 3 || words[0] != "From") {
        qWarning("expected \"From HOST PORT HEX\", got \"%s\"", line.constData());
        return QByteArray("(nothing)");
    }
    if (port)
        *port = static_cast<quint16>(words[2].toUInt());
    return words.size() > 3 ? QByteArray::fromHex(words[3]) : QByteArray();
}

quint16 startServer(Peer &server, const QString &script = QStringLiteral("udp_server.py"))
{
    if (!server.startPython(script))
        return 0;
    return server.readListeningPort(20000);
}

// udp_sender.py, one "HOST PORT HEX" line per datagram; waits for its "sent" lines.
bool sendThrough(Peer &sender, quint16 port, const QByteArrayList &datagrams)
{
    for (const QByteArray &datagram : datagrams)
        sender.write("127.0.0.1 " + QByteArray::number(port) + ' ' + datagram.toHex() + '\n');
    for (qsizetype i = 0; i < datagrams.size(); ++i) {
        bool ok = false;
        if (!sender.readLine(20000, &ok).startsWith("sent ") || !ok)
            return false;
    }
    return true;
}

QByteArrayList numbered(int count)
{
    QByteArrayList all;
    for (int i = 0; i < count; ++i)
        all << "datagram " + QByteArray::number(i);
    return all;
}

} // namespace

class TestUdpRelay : public QObject {
    Q_OBJECT

private slots:
    void relay_forwardsByteExactBothWays()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(20000), QByteArray("ready"));

        QByteArray large(60 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(large.data()), large.size() / 4);
        const QByteArrayList payloads{"hello, relay", testsupport::chineseUtf8(), testsupport::nonUtf8Bytes(), large, QByteArray()};
        for (const QByteArray &payload : payloads) {
            client.write(payload.toHex() + '\n');
            QCOMPARE(nextFrom(server), payload);   // as the target saw it
            quint16 from = 0;
            QCOMPARE(nextFrom(client, &from), payload);   // and the answer, from the relay's port
            QCOMPARE(from, port);
        }
        QTRY_COMPARE_WITH_TIMEOUT(relay.forwarded(RelayDirection::Down).size(), payloads.size(), 20000);
        QCOMPARE(relay.forwarded(RelayDirection::Up), payloads);
        QCOMPARE(relay.forwarded(RelayDirection::Down), payloads);
        QCOMPARE(relay.count(RelayEvent::Type::Opened), 1);
        QCOMPARE(relay.count(RelayEvent::Type::Impaired), 0);
        QCOMPARE(relay.find(RelayEvent::Type::Opened)->target.port(), serverPort);
        for (const RelayEvent &event : relay.events)
            if (event.type == RelayEvent::Type::Forwarded)
                QCOMPARE(event.traffic.bytes, static_cast<quint64>(event.data.size()));
    }

    void reportData_off_keepsCountsWithoutBytes()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        relay.reportData = false;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(sender, port, {"counted, not shown"}));
        QCOMPARE(nextFrom(server), QByteArray("counted, not shown"));
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Forwarded, RelayDirection::Up), 1, 20000);
        const auto up = relay.find(RelayEvent::Type::Forwarded);
        QVERIFY(up->data.isEmpty());
        QCOMPARE(up->traffic.bytes, 18u);
        QCOMPARE(up->traffic.chunks, 1u);
    }

    void relay_givesEachSourceItsOwnSession()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer alice;
        Peer bob;
        for (Peer *client : {&alice, &bob}) {
            QVERIFY(client->startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
            QCOMPARE(client->readLine(20000), QByteArray("ready"));
        }
        QSet<quint16> targetSaw;
        for (int round = 0; round < 3; ++round) {
            for (Peer *client : {&alice, &bob}) {
                const QByteArray mine = (client == &alice ? "alice " : "bob ") + QByteArray::number(round);
                client->write(mine.toHex() + '\n');
                quint16 sessionPort = 0;
                QCOMPARE(nextFrom(server, &sessionPort), mine);
                targetSaw.insert(sessionPort);
                QCOMPARE(nextFrom(*client), mine);   // its own answer, never the other's
            }
        }
        QCOMPARE(targetSaw.size(), 2);   // two session sockets, one per source
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Opened), 2, 20000);
        QVERIFY(!(relay.find(RelayEvent::Type::Opened, 0)->address == relay.find(RelayEvent::Type::Opened, 1)->address));
        QCOMPARE(relay.find(RelayEvent::Type::Opened, 0)->id, 1u);
        QCOMPARE(relay.find(RelayEvent::Type::Opened, 1)->id, 2u);
    }

    void idleSession_isClosedAndASourceComingBackGetsANewOne()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        RelayConfig config;
        // Long enough for the echo to come back on a loaded machine before the session goes.
        config.udpIdleTimeout = std::chrono::milliseconds(1000);
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(20000), QByteArray("ready"));
        client.write(QByteArray("ping").toHex() + '\n');
        QCOMPARE(nextFrom(client), QByteArray("ping"));
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Closed), 1, 20000);
        QVERIFY2(relay.find(RelayEvent::Type::Closed)->detail.contains(QStringLiteral("idle")),
                 qPrintable(relay.find(RelayEvent::Type::Closed)->detail));
        QCOMPARE(relay.find(RelayEvent::Type::Closed)->id, 1u);
        client.write(QByteArray("again").toHex() + '\n');
        QCOMPARE(nextFrom(client), QByteArray("again"));
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Opened), 2, 20000);
        QCOMPARE(relay.find(RelayEvent::Type::Opened, 1)->id, 2u);
    }

    void drop_tenPercentOfTenThousandLandsWithinBinomialBounds()
    {
        Peer receiver;
        const quint16 receiverPort = startServer(receiver, QStringLiteral("udp_seq_receiver.py"));
        QVERIFY(receiverPort);
        Relay relay;
        relay.reportData = false;
        RelayConfig config;
        config.impairments.drop = {10, RelayDirection::Up};   // the acks come back whole
        const quint16 port = relay.start(receiverPort, config);
        QVERIFY(port);
        const int n = 10000;
        Peer sender;
        // A window of 32 in flight: the receiver's 4 MiB buffer never overflows, so what is lost
        // is what the relay dropped and nothing else.
        QVERIFY(sender.startPython(QStringLiteral("udp_paced_sender.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(n), QStringLiteral("32")}));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        const auto decided = [&relay] {
            return relay.count(RelayEvent::Type::Forwarded, RelayDirection::Up) + relay.impaired(RelayAction::Dropped);
        };
        QTRY_COMPARE_WITH_TIMEOUT(decided(), n, 300000);
        const int dropped = relay.impaired(RelayAction::Dropped);
        const int passed = relay.count(RelayEvent::Type::Forwarded, RelayDirection::Up);
        const double sigma = std::sqrt(n * 0.1 * 0.9);
        QVERIFY2(std::abs(dropped - n * 0.1) <= 5 * sigma, qPrintable(QStringLiteral("%1 of %2 dropped").arg(dropped).arg(n)));
        // The receiver got exactly the ones the relay passed, each once.
        QSet<int> got;
        while (got.size() < passed) {
            bool ok = false;
            const QByteArray line = receiver.readLine(20000, &ok);
            QVERIFY2(ok && line.startsWith("got "), line.constData());
            const int seq = line.mid(4).toInt();
            QVERIFY(!got.contains(seq));
            got.insert(seq);
        }
        QCOMPARE(n - got.size(), dropped);
        QCOMPARE(relay.count(RelayEvent::Type::Failed), 0);
    }

    void impairment_isVisibleAtThePeer_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("duplicate") << QStringLiteral("duplicate");
        QTest::newRow("corrupt") << QStringLiteral("corrupt");
        QTest::newRow("truncate") << QStringLiteral("truncate");
    }
    void impairment_isVisibleAtThePeer()
    {
        QFETCH(QString, which);
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        RelayImpairments::Chance &chance = which == QStringLiteral("duplicate") ? config.impairments.duplicate
                                         : which == QStringLiteral("corrupt")   ? config.impairments.corrupt
                                                                                : config.impairments.truncate;
        chance = {100, RelayDirection::Up};
        const RelayAction action = which == QStringLiteral("duplicate") ? RelayAction::Duplicated
                                 : which == QStringLiteral("corrupt")   ? RelayAction::Corrupted
                                                                        : RelayAction::Truncated;
        Relay relay;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        const QByteArrayList sent = numbered(20);
        QVERIFY(sendThrough(sender, port, sent));
        for (const QByteArray &original : sent) {
            const QByteArray seen = nextFrom(server);
            if (action == RelayAction::Duplicated) {
                QCOMPARE(seen, original);
                QCOMPARE(nextFrom(server), original);   // and again
            } else if (action == RelayAction::Corrupted) {
                QCOMPARE(seen.size(), original.size());
                int bits = 0;
                for (qsizetype i = 0; i < seen.size(); ++i)
                    bits += std::popcount(static_cast<unsigned>(static_cast<quint8>(seen[i] ^ original[i])));
                QCOMPARE(bits, 1);
            } else {
                QVERIFY(seen.size() < original.size());
                QVERIFY(original.startsWith(seen));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(relay.impaired(action), sent.size(), 20000);
        for (const RelayEvent &event : relay.events)
            if (event.type == RelayEvent::Type::Impaired)
                QCOMPARE(event.direction, RelayDirection::Up);
    }

    void reorder_deliversOutOfOrder()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.impairments.reorder = {50, 2, RelayDirection::Up};
        Relay relay;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        const QByteArrayList sent = numbered(40);
        QVERIFY(sendThrough(sender, port, sent));
        QByteArrayList seen;
        for (qsizetype i = 0; i < sent.size(); ++i)
            seen << nextFrom(server);   // the last ones held back come after the hold
        QVERIFY2(seen != sent, "nothing was reordered");
        QByteArrayList sorted = seen;
        std::sort(sorted.begin(), sorted.end());
        QByteArrayList expected = sent;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(sorted, expected);   // every one arrived, once
        QTRY_VERIFY_WITH_TIMEOUT(relay.impaired(RelayAction::Reordered) > 0, 20000);
        QVERIFY(relay.find(RelayEvent::Type::Impaired)->detail.contains(u'2'));
    }

    void latency_100ms_aRoundTripTakesAtLeast200ms()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.impairments.latency.ms = 100;
        Relay relay;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(20000), QByteArray("ready"));
        QElapsedTimer roundTrip;
        roundTrip.start();
        client.write(QByteArray("slow").toHex() + '\n');
        QCOMPARE(nextFrom(client), QByteArray("slow"));
        QVERIFY2(roundTrip.elapsed() >= 200, qPrintable(QString::number(roundTrip.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(relay.impaired(RelayAction::Delayed), 2, 20000);
    }

    void setImpairments_appliesToAnOpenSession()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(sender, port, {"before"}));
        QCOMPARE(nextFrom(server), QByteArray("before"));
        RelayImpairments dropAll;
        // Upstream only: the echo of "before" may still be on its way down.
        dropAll.drop = {100, RelayDirection::Up};
        relay.engine->setImpairments(dropAll);
        QVERIFY(sendThrough(sender, port, {"after"}));
        QTRY_COMPARE_WITH_TIMEOUT(relay.impaired(RelayAction::Dropped), 1, 20000);
        relay.engine->setImpairments({});
        QVERIFY(sendThrough(sender, port, {"again"}));
        QCOMPARE(nextFrom(server), QByteArray("again"));   // "after" never came
        QCOMPARE(relay.count(RelayEvent::Type::Opened), 1);
    }

    void targetWithNothingListening_isReportedNotFatal()
    {
        // A port nothing listens on: bound, read back and closed again. (Someone may take it in
        // between; then the target answers and the test fails loudly rather than passing.)
        quint16 closedPort = 0;
        {
            auto probe = Socket::create(AF_INET, SocketType::Datagram);
            QVERIFY(probe);
            QVERIFY(probe->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
            closedPort = probe->sockName()->port();
        }
        Relay relay;
        const quint16 port = relay.start(closedPort);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(sender, port, {"anyone there?"}));
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Failed), 1, 20000);
        const Error error = relay.find(RelayEvent::Type::Failed)->error;
        QVERIFY2(error.code == std::errc::connection_refused, qPrintable(error.message()));
        QVERIFY(error.message().contains(QString::number(closedPort)));
        // Said once, not once per datagram: a flood towards a closed port is not a flood of errors.
        QVERIFY(sendThrough(sender, port, {"anyone?", "hello?", "hello??"}));
        // Not fatal: the relay goes on and opens a session for the next source (which it reads
        // after the datagrams above, from the same socket).
        Peer other;
        QVERIFY(other.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(other.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(other, port, {"still here?"}));
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Opened), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Failed), 2, 20000);   // one per session
        QCOMPARE(relay.find(RelayEvent::Type::Failed, 0)->id, 1u);
        QCOMPARE(relay.find(RelayEvent::Type::Failed, 1)->id, 2u);
        QCOMPARE(relay.count(RelayEvent::Type::Stopped), 0);
    }

    void closeConnection_andStop_closeSessionsAndJoin()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer first;
        Peer second;
        for (Peer *sender : {&first, &second}) {
            QVERIFY(sender->startPython(QStringLiteral("udp_sender.py")));
            QCOMPARE(sender->readLine(20000), QByteArray("ready"));
            QVERIFY(sendThrough(*sender, port, {"hello"}));
            QCOMPARE(nextFrom(server), QByteArray("hello"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Opened), 2, 20000);
        relay.engine->closeConnection(1);
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Closed), 1, 20000);
        QCOMPARE(relay.find(RelayEvent::Type::Closed)->id, 1u);
        relay.engine->requestStop();
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Stopped), 1, 20000);
        QCOMPARE(relay.count(RelayEvent::Type::Closed), 2);
        QCOMPARE(relay.find(RelayEvent::Type::Closed, 1)->id, 2u);
        QCOMPARE(relay.events.back().type, RelayEvent::Type::Stopped);   // last
        relay.engine.reset();   // joins
        QCOMPARE(relay.count(RelayEvent::Type::Failed), 0);
    }

    void fullQueue_dropsAndSays()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.impairments.latency.ms = limits::kRelayMaxDelayMs;   // nothing leaves while the queue fills
        Relay relay;
        relay.reportData = false;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        // Datagrams of 60,000 bytes: the queue of one direction holds `fit` of them. 150 are sent,
        // so that even if the kernel drops some on the way in (a busy machine), more than fit arrive.
        const QByteArray big(60000, 'q');
        const qint64 fit = limits::kUdpRelayQueueBytes / (big.size() + limits::kDatagramOverheadBytes);
        for (int i = 0; i < 150; ++i)
            QVERIFY(sendThrough(sender, port, {big}));
        QTRY_VERIFY_WITH_TIMEOUT(relay.impaired(RelayAction::Dropped) > 0, 60000);
        QCOMPARE(relay.impaired(RelayAction::Delayed), static_cast<int>(fit));   // exactly a queue's worth accepted
        for (const RelayEvent &event : relay.events)
            if (event.type == RelayEvent::Type::Impaired && event.action == RelayAction::Dropped)
                QVERIFY2(event.detail.contains(QStringLiteral("queue")), qPrintable(event.detail));
        QCOMPARE(relay.count(RelayEvent::Type::Forwarded), 0);
    }

    void maxConnections_dropsNewSourcesAndSaysOnce()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.maxConnections = 1;
        Relay relay;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer first;
        Peer second;
        for (Peer *sender : {&first, &second}) {
            QVERIFY(sender->startPython(QStringLiteral("udp_sender.py")));
            QCOMPARE(sender->readLine(20000), QByteArray("ready"));
        }
        QVERIFY(sendThrough(first, port, {"in"}));
        QCOMPARE(nextFrom(server), QByteArray("in"));
        QVERIFY(sendThrough(second, port, {"out 1", "out 2", "out 3"}));
        QVERIFY(sendThrough(first, port, {"still in"}));
        QCOMPARE(nextFrom(server), QByteArray("still in"));   // none of the second's came between
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Failed), 1, 20000);
        QCOMPARE(relay.find(RelayEvent::Type::Failed)->error.kind, ErrorKind::Limit);
        QCOMPARE(relay.count(RelayEvent::Type::Opened), 1);
    }

    void congestedSink_pausesReadingAndResumes()
    {
        Peer receiver;
        const quint16 receiverPort = startServer(receiver, QStringLiteral("udp_seq_receiver.py"));
        QVERIFY(receiverPort);
        Relay relay;
        // Congested after every batch: the engine must stop reading and wait for resumeReading.
        int relieved = 0;
        relay.sink.setCongestionLimit(1, [](const RelayEvent &) { return std::size_t{1}; }, [&relay, &relieved] {
            ++relieved;
            relay.engine->resumeReading();
        });
        const quint16 port = relay.start(receiverPort);
        QVERIFY(port);
        const int n = 300;
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_paced_sender.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(n), QStringLiteral("8")}));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        // Read what the receiver printed while the event loop runs: the deliveries that relieve
        // the sink happen only then, as in the panel.
        QSet<int> got;
        const auto takeLines = [&receiver, &got] {
            for (;;) {
                bool ok = false;
                const QByteArray line = receiver.readLine(10, &ok);
                if (!ok)
                    return;
                if (line.startsWith("got "))
                    got.insert(line.mid(4).toInt());
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT((takeLines(), got.size() == n), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Forwarded, RelayDirection::Up), n, 20000);
        QVERIFY(relieved > 0);
    }

    void impairments_areRecordedOnTheRelaysLane()
    {
        TraceRecorder recorder;
        QSignalSpy recorded(&recorder, &TraceRecorder::eventsRecorded);
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.impairments.drop = {100, RelayDirection::Up};
        Relay relay;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(sender, port, {"lost"}));
        QTRY_COMPARE_WITH_TIMEOUT(relay.impaired(RelayAction::Dropped), 1, 20000);
        QList<TraceEvent> drops;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     recorder.flush();
                                     drops.clear();
                                     for (const auto &args : recorded)
                                         for (const TraceEvent &event : args.at(0).value<QList<TraceEvent>>())
                                             if (event.call == QStringLiteral("drop"))
                                                 drops << event;
                                     return !drops.isEmpty();
                                 }()),
                                 20000);
        QCOMPARE(drops.size(), 1);
        QCOMPARE(drops[0].thread, QStringLiteral("relay"));
        QCOMPARE(drops[0].bytes, QByteArray("lost"));
        QVERIFY(drops[0].arguments.contains(QStringLiteral("up")));
    }

    void bandwidth_holdsTheRateBeyondTheBurst()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        RelayConfig config;
        config.impairments.bandwidth = {100 * 1000, 10 * 1000, RelayDirection::Up};   // 100 kB/s, 10 kB at once
        Relay relay;
        relay.reportData = false;
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(20000), QByteArray("ready"));
        QElapsedTimer elapsed;
        elapsed.start();
        QByteArrayList sent;
        for (int i = 0; i < 21; ++i)
            sent << QByteArray(10 * 1000, static_cast<char>('a' + i));
        QVERIFY(sendThrough(sender, port, sent));
        for (const QByteArray &datagram : sent)
            QCOMPARE(nextFrom(server), datagram);   // in order, all of them
        // The first 10 kB go at once, the other 200 kB at 100 kB/s: at least 2 s (a lower bound only).
        QVERIFY2(elapsed.elapsed() >= 2000, qPrintable(QString::number(elapsed.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(relay.impaired(RelayAction::Throttled), 20, 20000);
    }

    void strangerWritingToASessionSocket_isNotForwarded()
    {
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        const quint16 port = relay.start(serverPort);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(20000), QByteArray("ready"));
        client.write(QByteArray("first").toHex() + '\n');
        quint16 sessionPort = 0;
        QCOMPARE(nextFrom(server, &sessionPort), QByteArray("first"));
        QCOMPARE(nextFrom(client), QByteArray("first"));
        // Someone other than the target sends to the session's socket: it is connect()ed to the
        // target, so the kernel never hands this over and it never reaches the client.
        Peer stranger;
        QVERIFY(stranger.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(stranger.readLine(20000), QByteArray("ready"));
        QVERIFY(sendThrough(stranger, sessionPort, {"injected"}));
        client.write(QByteArray("second").toHex() + '\n');
        QCOMPARE(nextFrom(server), QByteArray("second"));
        QCOMPARE(nextFrom(client), QByteArray("second"));   // not "injected"
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Forwarded, RelayDirection::Down), 2, 20000);
        QCOMPARE(relay.forwarded(RelayDirection::Down), (QByteArrayList{"first", "second"}));
    }

    void relay_listensOnIPv6AndForwardsToIPv4()
    {
        QVERIFY2(testsupport::haveIPv6Loopback(), "this machine has no ::1");   // a skip would pass
        Peer server;
        const quint16 serverPort = startServer(server);
        QVERIFY(serverPort);
        Relay relay;
        RelayConfig config;
        config.listen = Endpoint{QStringLiteral("::1"), 0, {}};
        const quint16 port = relay.start(serverPort, config);
        QVERIFY(port);
        QCOMPARE(relay.find(RelayEvent::Type::Started)->address.family(), AF_INET6);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("::1"), QString::number(port)}));
        QCOMPARE(client.readLine(20000), QByteArray("ready"));
        client.write(testsupport::chineseUtf8().toHex() + '\n');
        QCOMPARE(nextFrom(server), testsupport::chineseUtf8());
        QCOMPARE(nextFrom(client), testsupport::chineseUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Opened), 1, 20000);
        QCOMPARE(relay.find(RelayEvent::Type::Opened)->address.family(), AF_INET6);
        QCOMPARE(relay.find(RelayEvent::Type::Opened)->target.family(), AF_INET);
    }

    void badTarget_failsThenStops()
    {
        Relay relay;
        RelayConfig config;
        config.udp = true;
        config.target = Endpoint{QStringLiteral("127.0.0.1"), 0, {}};
        relay.engine = std::make_unique<UdpRelayEngine>(config, relay.sink, relay.reportData);
        QTRY_COMPARE_WITH_TIMEOUT(relay.count(RelayEvent::Type::Stopped), 1, 20000);
        QCOMPARE(relay.count(RelayEvent::Type::Failed), 1);
        QCOMPARE(relay.count(RelayEvent::Type::Started), 0);
    }
};

QTEST_GUILESS_MAIN(TestUdpRelay)
#include "tst_udprelay.moc"
