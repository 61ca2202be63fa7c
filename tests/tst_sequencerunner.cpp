// The sequence runner (core/saved/sequencerunner.h) driving a real TCP connection to a
// tutorial-style Python server that answers "ACK <line>" (tests/peers/tcp_reply_server.py):
// three messages with reply waits, a wait that times out, repeat N times, stop, and a bad
// sequence that sends nothing.

#include "peer.h"

#include "saved/sequencerunner.h"
#include "tcp/tcpclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;
using testsupport::Peer;

namespace {

constexpr int kWait = 20000;

SequenceStep send(const QString &name) { return {SequenceStep::Kind::Send, name, 0, {}, 0}; }
SequenceStep delay(int ms) { return {SequenceStep::Kind::Delay, {}, ms, {}, 0}; }
SequenceStep wait(const QString &pattern, int timeoutMs = kWait) { return {SequenceStep::Kind::Wait, {}, 0, pattern, timeoutMs}; }

SavedLibrary library()
{
    SavedLibrary library;
    library.messages = {{u"one"_s, {}, SavedMessage::Format::Text, u"one\\n"_s, {}},
                        {u"two"_s, u"f"_s, SavedMessage::Format::Hex, u"74 77 6f 0a"_s, {}},
                        {u"three"_s, {}, SavedMessage::Format::Text, u"三\\n"_s, {}},
                        {u"quiet"_s, {}, SavedMessage::Format::Text, u"quiet\\n"_s, {}},
                        {u"bad"_s, {}, SavedMessage::Format::Text, u"\\q"_s, {}}};
    library.sequences = {
        {u"three"_s, {send(u"one"_s), wait(u"^ACK one\\n"_s), send(u"two"_s), delay(10), wait(u"ACK (t\\w+)"_s), send(u"three"_s), wait(u"ACK 三"_s)}, 1, {}},
        {u"timeout"_s, {send(u"quiet"_s), wait(u"ACK"_s, 300)}, 1, {}},
        {u"repeat"_s, {send(u"one"_s), wait(u"ACK one"_s)}, 4, {}},
        {u"forever"_s, {send(u"one"_s), wait(u"ACK one"_s)}, 0, {}},
        {u"bad"_s, {send(u"one"_s), send(u"bad"_s)}, 1, {}},
    };
    return library;
}

// A connected client to a fresh reply server, and the runner wired to it as the dock wires it.
struct Rig {
    Peer server;
    TcpClient client;
    SequenceRunner runner;
    QByteArray received;

    bool connect()
    {
        if (!server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}))
            return false;
        const quint16 port = server.readListeningPort();
        if (!port)
            return false;
        QObject::connect(&client, &TcpClient::dataReceived, &runner, [this](const QByteArray &data) {
            received += data;
            runner.feed(data);
        });
        QSignalSpy connected(&client, &TcpClient::connected);
        TcpClientConfig config;
        config.endpoint = {u"127.0.0.1"_s, port, {}};
        client.connectToHost(config);
        return connected.wait(kWait);
    }
    SequenceRunner::SendFunction sender()
    {
        return [this](const QByteArray &bytes) {
            client.send(bytes);
            return QString();
        };
    }
};

} // namespace

class TestSequenceRunner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<SequenceRunner::Outcome>(); }

    void threeMessagesWithReplyWaits_completeInOrder()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QSignalSpy finished(&rig.runner, &SequenceRunner::finished);
        QSignalSpy progress(&rig.runner, &SequenceRunner::progressChanged);
        QSignalSpy sent(&rig.runner, &SequenceRunner::messageSent);
        QSignalSpy matched(&rig.runner, &SequenceRunner::replyMatched);
        QVERIFY(rig.runner.start(library(), u"three"_s, rig.sender()).ok());
        QVERIFY(rig.runner.isRunning());
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Completed);
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(1).at(1).toByteArray(), QByteArray("two\n"));
        QCOMPARE(matched.size(), 3);
        QCOMPARE(matched.at(1).at(0).toString(), u"ACK two"_s);
        QCOMPARE(progress.size(), 7);
        QCOMPARE(progress.last(), (QVariantList{7, 7, 1, 1}));
        for (const QByteArray line : {"got one", "got two", "got 三"})
            QCOMPARE(rig.server.readLine(kWait), line);
        QVERIFY(!rig.runner.isRunning());
    }

    void waitThatTimesOut_failsWithTheStepAndPattern()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QSignalSpy finished(&rig.runner, &SequenceRunner::finished);
        QVERIFY(rig.runner.start(library(), u"timeout"_s, rig.sender()).ok());
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Failed);
        const QString reason = finished.first().at(1).toString();
        QVERIFY2(reason.contains(u"Step 2"_s) && reason.contains(u"\"ACK\""_s) && reason.contains(u"300 ms"_s), qPrintable(reason));
        QCOMPARE(rig.server.readLine(kWait), QByteArray("got quiet"));   // it was sent; no answer came
        QCOMPARE(finished.size(), 1);
    }

    void repeatN_runsNRoundsAndOverride()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QSignalSpy finished(&rig.runner, &SequenceRunner::finished);
        QSignalSpy sent(&rig.runner, &SequenceRunner::messageSent);
        QSignalSpy progress(&rig.runner, &SequenceRunner::progressChanged);
        QVERIFY(rig.runner.start(library(), u"repeat"_s, rig.sender()).ok());   // its own repeat: 4
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Completed);
        QCOMPARE(sent.size(), 4);
        QCOMPARE(progress.last(), (QVariantList{2, 2, 4, 4}));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(rig.server.readLine(kWait), QByteArray("got one"));

        sent.clear();
        QVERIFY(rig.runner.start(library(), u"repeat"_s, rig.sender(), 2).ok());   // --repeat 2
        QVERIFY(finished.wait(kWait));
        QCOMPARE(sent.size(), 2);
        QCOMPARE(rig.received.count("ACK one\n"), 6);
    }

    void untilStopped_stopsWhenAsked()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QSignalSpy finished(&rig.runner, &SequenceRunner::finished);
        QSignalSpy sent(&rig.runner, &SequenceRunner::messageSent);
        QVERIFY(rig.runner.start(library(), u"forever"_s, rig.sender()).ok());
        QTRY_VERIFY_WITH_TIMEOUT(sent.size() >= 5, kWait);
        QVERIFY(finished.isEmpty());
        QCOMPARE(rig.runner.rounds(), 0);
        rig.runner.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Stopped);
        const qsizetype count = sent.size();
        // Replies still arriving after the stop move nothing.
        QTRY_COMPARE_WITH_TIMEOUT(rig.received.count("ACK one\n"), count, kWait);
        QCOMPARE(sent.size(), count);
        QCOMPARE(finished.size(), 1);
    }

    // Rounds of sends only, until stopped: paced by a timer (never a busy loop), and stop() works.
    void sendsOnlyUntilStopped_isPacedAndStops()
    {
        SavedLibrary lib = library();
        lib.sequences.append({u"flood"_s, {send(u"one"_s), send(u"two"_s)}, 0, {}});
        SequenceRunner runner;
        QSignalSpy finished(&runner, &SequenceRunner::finished);
        QSignalSpy progress(&runner, &SequenceRunner::progressChanged);
        int sends = 0;
        QVERIFY(runner.start(lib, u"flood"_s, [&](const QByteArray &) {
            ++sends;
            return QString();
        }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(runner.currentRound() >= 5, kWait);
        runner.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Stopped);
        const int sent = sends;
        QCoreApplication::processEvents();   // nothing is left to fire after the stop
        QCOMPARE(sends, sent);
        QCOMPARE(sent % 2, 0);
    }

    void badSequence_isRefusedBeforeSendingAnything_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad escape in step 2") << u"bad"_s << u"step 2: message \"bad\""_s;
        QTest::newRow("unknown") << u"nope"_s << u"no sequence \"nope\""_s;
    }
    void badSequence_isRefusedBeforeSendingAnything()
    {
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        SequenceRunner runner;
        int sends = 0;
        const auto started = runner.start(library(), name, [&](const QByteArray &) {
            ++sends;
            return QString();
        });
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message().contains(mentions), qPrintable(started.error().message()));
        QVERIFY(!runner.isRunning());
        QCOMPARE(sends, 0);
    }

    void sendRefused_failsWithTheReason()
    {
        SequenceRunner runner;
        QSignalSpy finished(&runner, &SequenceRunner::finished);
        QVERIFY(runner.start(library(), u"three"_s, [](const QByteArray &) { return u"not connected"_s; }).ok());
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Failed);
        QVERIFY(finished.first().at(1).toString().contains(u"not connected"_s));
    }

    // A reply split across chunks, in GBK, and two replies in one chunk for two waits.
    void replyWindow_acrossChunksAndTwoInOne()
    {
        SavedLibrary lib = library();
        lib.sequences.append({u"two waits"_s, {send(u"one"_s), wait(u"你好"_s), wait(u"^\\s*B"_s)}, 1, {}});
        SequenceRunner runner;
        runner.setEncoding(TextEncoding::Gbk);
        QSignalSpy finished(&runner, &SequenceRunner::finished);
        QVERIFY(runner.start(lib, u"two waits"_s, [](const QByteArray &) { return QString(); }).ok());
        QSignalSpy waiting(&runner, &SequenceRunner::waiting);
        QVERIFY(waiting.wait(kWait));
        runner.feed("xx\xc4");           // 你 split in the middle of its two bytes
        runner.feed("\xe3\xba\xc3 B");   // the rest, and the second reply in the same chunk
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Completed);
    }

    void bytesHook_isWhereMessagesBecomeBytes()
    {
        SequenceRunner runner;
        runner.setBytesFunction([](const SavedMessage &message, TextEncoding) -> Result<QByteArray> {
            return QByteArray("<") + message.name.toUtf8() + '>';
        });
        QByteArray out;
        QSignalSpy finished(&runner, &SequenceRunner::finished);
        QVERIFY(runner.start(library(), u"bad"_s, [&](const QByteArray &bytes) {
            out += bytes;
            return QString();
        }).ok());
        QVERIFY(finished.wait(kWait));
        QCOMPARE(out, QByteArray("<one><bad>"));
    }
};

QTEST_GUILESS_MAIN(TestSequenceRunner)
#include "tst_sequencerunner.moc"
