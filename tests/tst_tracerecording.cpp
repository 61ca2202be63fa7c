// The timeline's recording apart from its drawing (core/net/tracerecording.h): the bounded ring and
// what it dropped, the order of calls across lanes, the filters and the cursor that steps through
// the shown calls; and its file (core/net/tracefile.h): a round trip, and what it refuses.

#include "net/limits.h"
#include "net/socket.h"
#include "net/tracefile.h"
#include "net/tracefilewriter.h"
#include "net/tracerecording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>

using namespace socketeer;
using namespace Qt::StringLiterals;

namespace {
TraceEvent call(const char *thread, const char *name, quint64 sequence, qint64 timeUs = 0)
{
    TraceEvent event;
    event.timeUs = timeUs ? timeUs : qint64(sequence) * 1000;
    event.thread = QString::fromLatin1(thread);
    event.call = QString::fromLatin1(name);
    event.result = QStringLiteral("0");
    event.sequence = sequence;
    return event;
}

QList<quint64> shownSequences(const TraceRecording &recording)
{
    QList<quint64> sequences;
    for (qsizetype i = 0; i < recording.shownCount(); ++i)
        sequences.append(recording.shown(i).sequence);
    return sequences;
}
} // namespace

class TestTraceRecording : public QObject {
    Q_OBJECT

private slots:
    void twoRecorders_bothGetEveryCall()
    {
        // The window has two listeners: the timeline and the code view (which marks the line of
        // the last call). Both open at once, each must see every call; a newer recorder must not
        // silence the older one.
        TraceRecorder timeline;
        QSignalSpy toTimeline(&timeline, &TraceRecorder::eventsRecorded);
        TraceRecorder codeView;
        QSignalSpy toCodeView(&codeView, &TraceRecorder::eventsRecorded);
        { auto socket = Socket::create(AF_INET, SocketType::Stream); QVERIFY(socket.ok()); }
        QTRY_VERIFY_WITH_TIMEOUT(!toTimeline.isEmpty() && !toCodeView.isEmpty(), 10000);
        const auto first = [](const QSignalSpy &spy) { return spy.at(0).at(0).value<QList<TraceEvent>>().at(0); };
        QCOMPARE(first(toTimeline).call, u"socket"_s);
        QCOMPARE(first(toTimeline), first(toCodeView));
    }

    void recorderGone_theOtherStillRecords_andNoneLeftMeansOff()
    {
        auto older = std::make_unique<TraceRecorder>();
        {
            TraceRecorder newer;
            QVERIFY(trace::enabled());
        }
        QVERIFY(trace::enabled());   // the older one still listens
        QSignalSpy recorded(older.get(), &TraceRecorder::eventsRecorded);
        { auto socket = Socket::create(AF_INET, SocketType::Stream); QVERIFY(socket.ok()); }
        QVERIFY(recorded.wait(10000));
        older.reset();
        QVERIFY(!trace::enabled());
    }

    void ring_keepsTheNewest_andCountsWhatItDropped()
    {
        TraceRecording recording(10);
        QList<TraceEvent> events;
        for (quint64 i = 1; i <= 25; ++i)
            events.append(call("udp", "sendto", i));
        recording.append(events.mid(0, 12));
        QCOMPARE(recording.size(), 10);
        QCOMPARE(recording.droppedCount(), 2);
        recording.append(events.mid(12));
        QCOMPARE(recording.size(), 10);
        QCOMPARE(recording.droppedCount(), 15);
        QCOMPARE(recording.at(0).sequence, 16u);   // the oldest kept
        QCOMPARE(recording.at(9).sequence, 25u);
        recording.clear();
        QCOMPARE(recording.droppedCount(), 0);
        QCOMPARE(recording.size(), 0);
    }

    void ring_selectedCallDropped_cursorGoesToTheOldestKept()
    {
        TraceRecording recording(5);
        recording.append({call("udp", "sendto", 1), call("udp", "sendto", 2), call("udp", "sendto", 3)});
        recording.setCursor(1);
        recording.append({call("udp", "sendto", 4), call("udp", "sendto", 5), call("udp", "sendto", 6), call("udp", "sendto", 7)});
        QCOMPARE(recording.cursor(), 0);
        QCOMPARE(recording.shown(recording.cursor()).sequence, 3u);
    }

    void stepping_followsSequenceAcrossLanes_evenWhenBatchesArriveOutOfOrder()
    {
        // Two workers deliver in batches of their own: the server's recv (11) before the client's
        // send (10) that it got. Stepping goes by the order the calls happened.
        TraceRecording recording;
        recording.append({call("tcp-server", "accept", 9), call("tcp-server", "recv", 11)});
        recording.append({call("client-1", "connect", 8), call("client-1", "send", 10), call("client-1", "recv", 13)});
        recording.append({call("tcp-server", "send", 12)});
        QCOMPARE(shownSequences(recording), (QList<quint64>{8, 9, 10, 11, 12, 13}));

        QSignalSpy moved(&recording, &TraceRecording::cursorChanged);
        QCOMPARE(recording.cursor(), -1);
        QList<quint64> forward;
        while (recording.stepForward())
            forward.append(recording.shown(recording.cursor()).sequence);
        QCOMPARE(forward, (QList<quint64>{8, 9, 10, 11, 12, 13}));
        QCOMPARE(moved.size(), 6);
        QVERIFY(!recording.stepForward());   // at the last call
        QList<quint64> back;
        while (recording.stepBack())
            back.append(recording.shown(recording.cursor()).sequence);
        QCOMPARE(back, (QList<quint64>{12, 11, 10, 9, 8}));
        QVERIFY(!recording.stepBack());
        QCOMPARE(recording.cursor(), 0);
    }

    void stepping_aCallArrivingBeforeTheSelected_keepsTheSelection()
    {
        TraceRecording recording;
        recording.append({call("a", "send", 5), call("a", "recv", 7)});
        recording.setCursor(1);   // seq 7
        recording.append({call("b", "recv", 6)});
        QCOMPARE(recording.shown(recording.cursor()).sequence, 7u);
    }

    void handshake_foldsItsSteps_andASelectedStepStaysSelected()
    {
        // A TLS handshake's unfinished step ("want read") is replaced by the next step on that
        // lane; if the reader had selected it, the step that replaces it is selected.
        TraceRecording recording;
        TraceEvent first = call("client-1", "SSL_do_handshake", 2);
        first.arguments = u"fd 5"_s;
        first.result = u"-1 (want read)"_s;
        TraceEvent done = first;
        done.sequence = 4;
        done.result = u"1 TLSv1.3 TLS_AES_256_GCM_SHA384"_s;
        recording.append({call("client-1", "connect", 1), first});
        recording.setCursor(1);
        QSignalSpy moved(&recording, &TraceRecording::cursorChanged);
        recording.append({call("tcp-server", "accept", 3), done});
        QCOMPARE(recording.size(), 3);
        QCOMPARE(shownSequences(recording), (QList<quint64>{1, 3, 4}));
        QCOMPARE(recording.shown(recording.cursor()).sequence, 4u);
        QCOMPARE(moved.size(), 1);
    }

    void filters_hideLanesAndCalls_andSteppingSkipsThem()
    {
        TraceRecording recording;
        recording.append({call("tcp-server", "accept", 1), call("client-1", "send", 2), call("tcp-server", "recv", 3),
                          call("client-2", "send", 4), call("tcp-server", "recv", 5), call("tcp-server", "close", 6)});
        QCOMPARE(recording.lanes(), (QStringList{u"tcp-server"_s, u"client-1"_s, u"client-2"_s}));
        QCOMPARE(recording.calls(), (QStringList{u"accept"_s, u"send"_s, u"recv"_s, u"close"_s}));

        recording.setLaneShown(u"client-2"_s, false);
        QCOMPARE(shownSequences(recording), (QList<quint64>{1, 2, 3, 5, 6}));
        QCOMPARE(recording.shownLanes(), (QStringList{u"tcp-server"_s, u"client-1"_s}));
        recording.setCallShown(u"recv"_s, false);
        QCOMPARE(shownSequences(recording), (QList<quint64>{1, 2, 6}));
        QList<quint64> stepped;
        while (recording.stepForward())
            stepped.append(recording.shown(recording.cursor()).sequence);
        QCOMPARE(stepped, (QList<quint64>{1, 2, 6}));

        // The selected call hidden by a filter: the next shown call takes its place.
        recording.setCallShown(u"recv"_s, true);
        recording.setCursor(2);   // seq 3, a recv
        QCOMPARE(recording.shown(recording.cursor()).sequence, 3u);
        recording.setCallShown(u"recv"_s, false);
        QCOMPARE(recording.shown(recording.cursor()).sequence, 6u);
        recording.setLaneShown(u"client-2"_s, true);
        recording.setCallShown(u"recv"_s, true);
        QCOMPARE(recording.shownCount(), 6);
        QCOMPARE(recording.shown(recording.cursor()).sequence, 6u);
    }

    void jumpToTime_findsTheFirstCallAtOrAfter()
    {
        TraceRecording recording;
        recording.append({call("a", "x", 1, 1000), call("a", "x", 2, 2000), call("a", "x", 3, 2000), call("a", "x", 4, 5000)});
        QCOMPARE(recording.shownIndexAtTime(0), 0);
        QCOMPARE(recording.shownIndexAtTime(1500), 1);
        QCOMPARE(recording.shownIndexAtTime(2000), 1);
        QCOMPARE(recording.shownIndexAtTime(2001), 3);
        QCOMPARE(recording.shownIndexAtTime(9000), 4);   // after the last: none
        recording.setLaneShown(u"a"_s, false);
        QCOMPARE(recording.shownIndexAtTime(0), 0);
        QCOMPARE(recording.shownCount(), 0);
    }

    void file_roundTripIsEqual()
    {
        TraceFile file;
        file.appVersion = u"1.2.3"_s;
        file.dropped = 42;
        TraceEvent recv = call("tcp-server", "recv", 7, 1733380000123456);
        recv.arguments = u"fd 7, 65536"_s;
        recv.result = u"5 bytes"_s;
        recv.bytes = QByteArray("h\0\xffi\n", 5);
        recv.byteCount = 5;
        TraceEvent refused = call("client-1", "connect", 8);
        refused.error = 111;
        refused.result = u"-1"_s;
        refused.thread = u"客户端"_s;
        TraceEvent cut = call("udp", "recvfrom", 9);
        cut.bytes = QByteArray(limits::kTraceBytesKept, 'x');
        cut.byteCount = 65507;
        file.events = {recv, refused, cut};
        const QByteArray json = serializeTraceFile(file);
        const auto parsed = parseTraceFile(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QCOMPARE(*parsed, file);
        QCOMPARE(serializeTraceFile(*parsed), json);
    }

    // The window saves on a thread of its own: the same bytes as writing here, one file at a
    // time, a clear error for a folder that is not there, and a writer destroyed mid-write waits
    // for it, so the file is whole (QSaveFile: or not there at all).
    void fileWriter_writesTheSameBytes_oneAtATime_andJoins()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TraceFile file;
        file.appVersion = u"9.9"_s;
        file.dropped = 3;
        for (quint64 i = 1; i <= 30000; ++i) {
            TraceEvent event = call(i % 3 ? "tcp-server" : "client-1", i % 2 ? "recv" : "send", i);
            event.bytes = QByteArray::number(i).repeated(8);
            event.byteCount = event.bytes.size();
            file.events.push_back(event);
        }
        const QByteArray expected = serializeTraceFile(file);

        TraceFileWriter writer;
        QSignalSpy finished(&writer, &TraceFileWriter::finished);
        const QString path = dir.filePath(u"a.json"_s);
        QVERIFY(writer.start(path, file));
        QVERIFY(writer.isBusy());
        QVERIFY(!writer.start(dir.filePath(u"b.json"_s), file));   // busy until finished() is handled here
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toString(), path);
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(!writer.isBusy());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), expected);
        QVERIFY(!QFile::exists(dir.filePath(u"b.json"_s)));

        // A folder that is not there: the error names the file.
        QVERIFY(writer.start(dir.filePath(u"missing/c.json"_s), file));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(1).at(1).toString().contains(u"c.json"_s), qPrintable(finished.at(1).at(1).toString()));

        // Destroyed while writing: it waits, and what is on disk is the whole file.
        const QString last = dir.filePath(u"d.json"_s);
        {
            TraceFileWriter leaving;
            QVERIFY(leaving.start(last, file));
        }
        QFile left(last);
        QVERIFY(left.open(QIODevice::ReadOnly));
        QCOMPARE(left.readAll(), expected);
    }

    void file_hostileOrBroken_isRefusedWithAClearError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        const auto valid = [](const std::function<void(QJsonObject &top, QJsonObject &event)> &edit) {
            TraceFile file;
            file.events = {call("udp", "sendto", 1)};
            QJsonObject top = QJsonDocument::fromJson(serializeTraceFile(file)).object();
            const QJsonValue original = top.value(u"events"_s);
            QJsonObject event = original.toArray().at(0).toObject();
            edit(top, event);
            if (top.value(u"events"_s) == original)   // the edit was to the call, not the list
                top.insert(u"events"_s, QJsonArray{event});
            return QJsonDocument(top).toJson();
        };
        QByteArray whole = serializeTraceFile(TraceFile{u"1"_s, 0, {call("udp", "sendto", 1), call("udp", "sendto", 2)}});
        QTest::newRow("truncated") << whole.left(whole.size() - 20) << u"not valid JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
        QTest::newRow("top is a list") << QByteArray("[1,2]") << u"not a JSON object"_s;
        QTest::newRow("another format") << QByteArray(R"({"format":"socketeer-saved"})") << u"\"format\""_s;
        QTest::newRow("newer version") << valid([](QJsonObject &top, QJsonObject &) { top.insert(u"formatVersion"_s, 2); })
                                      << u"newer Socketeer"_s;
        QTest::newRow("ten million claimed") << valid([](QJsonObject &top, QJsonObject &) { top.insert(u"eventCount"_s, 10000000); })
                                            << u"claims 10000000 calls"_s;
        QTest::newRow("count disagrees") << valid([](QJsonObject &top, QJsonObject &) { top.insert(u"eventCount"_s, 3); })
                                        << u"cut short"_s;
        QTest::newRow("huge time") << QByteArray(whole).replace("\"timeUs\":1000", "\"timeUs\":1e300") << u"timeUs"_s;
        // Qt's parser itself refuses a number past a double's range.
        QTest::newRow("time overflows a double") << QByteArray(whole).replace("\"timeUs\":1000", "\"timeUs\":1e999") << u"illegal number"_s;
        QTest::newRow("fractional sequence") << QByteArray(whole).replace("\"sequence\":1", "\"sequence\":1.5") << u"sequence"_s;
        QTest::newRow("negative errno") << valid([](QJsonObject &, QJsonObject &e) { e.insert(u"errno"_s, -4); }) << u"errno"_s;
        QTest::newRow("thread is a number") << valid([](QJsonObject &, QJsonObject &e) { e.insert(u"thread"_s, 5); }) << u"thread"_s;
        QTest::newRow("call is missing") << valid([](QJsonObject &, QJsonObject &e) { e.remove(u"call"_s); }) << u"call"_s;
        QTest::newRow("event is a string") << valid([](QJsonObject &top, QJsonObject &) { top.insert(u"events"_s, QJsonArray{u"x"_s}); })
                                          << u"not a JSON object"_s;
        QTest::newRow("events is an object") << valid([](QJsonObject &top, QJsonObject &) { top.insert(u"events"_s, QJsonObject{}); })
                                            << u"not a list"_s;
        QTest::newRow("long arguments") << valid([](QJsonObject &, QJsonObject &e) { e.insert(u"arguments"_s, QString(5000, u'a')); })
                                       << u"arguments"_s;
        QTest::newRow("bytes not hex") << valid([](QJsonObject &, QJsonObject &e) {
            e.insert(u"byteCount"_s, 2);
            e.insert(u"bytes"_s, u"zz"_s);
        }) << u"not hex"_s;
        QTest::newRow("too many bytes") << valid([](QJsonObject &, QJsonObject &e) {
            e.insert(u"byteCount"_s, 100000);
            e.insert(u"bytes"_s, QString(2 * limits::kTraceBytesKept + 2, u'a'));
        }) << u"bytes"_s;
        QTest::newRow("more bytes than moved") << valid([](QJsonObject &, QJsonObject &e) {
            e.insert(u"byteCount"_s, 1);
            e.insert(u"bytes"_s, u"6162"_s);
        }) << u"byteCount"_s;
        QTest::newRow("larger than the limit") << QByteArray(limits::kTraceFileMaxBytes + 1, ' ') << u"larger than"_s;
    }

    void file_hostileOrBroken_isRefusedWithAClearError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const auto parsed = parseTraceFile(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(says), qPrintable(parsed.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestTraceRecording)
#include "tst_tracerecording.moc"
