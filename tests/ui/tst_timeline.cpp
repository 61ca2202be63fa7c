// The classroom timeline drawn from a real exchange: a server and a client in this process, the
// tutorial's sequence of calls on their lanes, and an arrow from each send to the recv that got it.

#include "timelineview.h"

#include "net/tracefilewriter.h"

#include "net/tracerecording.h"
#include "peer.h"
#include "timelinedetails.h"
#include "timelinescene.h"

#include "net/socket.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QXmlStreamReader>

#include <netinet/in.h>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;

namespace {
TraceEvent traced(const char *thread, const char *call, quint64 sequence)
{
    TraceEvent e;
    e.timeUs = qint64(sequence) * 1000;
    e.thread = QString::fromLatin1(thread);
    e.call = QString::fromLatin1(call);
    e.result = u"0"_s;
    e.sequence = sequence;
    return e;
}
} // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private slots:
    void realExchange_drawsLanesCallsAndArrows()
    {
        TimelineView view;
        view.resize(900, 300);
        view.show();   // recording starts when the view is shown
        QVERIFY(view.isRecording());

        // Both sides in this thread, named as the server's and the client's workers are: the lanes
        // come from the thread name each call was made under.
        trace::setThreadName(QStringLiteral("tcp-server"));
        auto server = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(server->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)).ok());
        QVERIFY(server->listen(1).ok());
        trace::setThreadName(QStringLiteral("client-1"));
        auto client = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(client->connect(*server->sockName()).ok());
        const QByteArray hello("hello");
        QVERIFY(client->sendAll(std::span<const char>(hello.constData(), hello.size())).ok());
        trace::setThreadName(QStringLiteral("tcp-server"));
        auto accepted = server->accept();
        QVERIFY(accepted.ok());
        char buffer[16];
        auto n = accepted->socket.recv(std::span<char>(buffer, sizeof buffer));
        QVERIFY(n.ok() && *n == 5);
        trace::setThreadName(QStringLiteral("main"));

        TimelineCanvas *canvas = view.canvas();
        QTRY_VERIFY_WITH_TIMEOUT(canvas->eventCount() >= 7, 5000);
        QCOMPARE(canvas->lanes(), (QStringList{QStringLiteral("tcp-server"), QStringLiteral("client-1")}));
        QCOMPARE(TimelineCanvas::laneTitle(QStringLiteral("client-1")), QStringLiteral("Client 1"));
        const auto arrows = canvas->arrows();
        QCOMPARE(arrows.size(), 1);   // the client's send of 5 bytes → the server's recv of 5 bytes
        QVERIFY(arrows.first().first < arrows.first().second);
        QVERIFY(!view.grab().isNull());   // and it paints

        view.hide();
        QVERIFY(!view.isRecording());   // nothing recorded while nobody looks
        QVERIFY(!trace::enabled());
    }

    // Fed by its owner (the Labs dock): shown, it records nothing of its own; it draws what it is
    // given, in lanes named for the lab's threads.
    void fedByOwner_recordsNothingOfItsOwn_andDrawsWhatItIsGiven()
    {
        TimelineView view;
        view.setFedByOwner(true);
        view.show();
        QVERIFY(!view.isRecording());
        QVERIFY(!trace::enabled());
        view.addLiveEvents({traced("lab", "socket", 1), traced("lab", "connect", 2), traced("lab-inbox", "accept", 3)});
        QCOMPARE(view.canvas()->eventCount(), 3);
        QCOMPARE(view.canvas()->lanes(), (QStringList{u"lab"_s, u"lab-inbox"_s}));
        QCOMPARE(TimelineCanvas::laneTitle(u"lab"_s), u"Lab (checking the program)"_s);
        QCOMPARE(TimelineCanvas::laneTitle(u"lab-inbox"_s), u"Lab's inbox (SMTP server)"_s);
        view.clear();
        QCOMPARE(view.canvas()->eventCount(), 0);
        // Back to recording on its own: while shown, it does.
        view.setFedByOwner(false);
        QVERIFY(view.isRecording());
        view.hide();
        QVERIFY(!view.isRecording());
    }

    void sendComesBeforeTheRecvThatGotItsBytes_evenWhenReportedLater()
    {
        // Two workers report in batches of their own: the server's recv can be delivered before
        // the client's send. The order each took (send: before its bytes left) puts them right.
        TimelineCanvas canvas;
        TraceEvent recv{0, QStringLiteral("tcp-server"), QStringLiteral("recv"), {}, QStringLiteral("5 bytes"), 0, 11};
        TraceEvent send{0, QStringLiteral("client-1"), QStringLiteral("send"), {}, QStringLiteral("5 bytes"), 0, 10};
        TraceEvent later{0, QStringLiteral("client-1"), QStringLiteral("recv"), {}, QStringLiteral("2 bytes"), 0, 12};
        canvas.addEvents({recv});
        canvas.addEvents({send, later});
        const auto arrows = canvas.arrows();
        QCOMPARE(arrows.size(), 1);
        QCOMPARE(arrows.first(), (QPair<int, int>{0, 1}));   // send first, then the recv
        QVERIFY(!canvas.grab().isNull());
    }

    // Issue 10: over TLS the handshake is a step of its own on each side, between connect() (or
    // accept()) and the first SSL_write(), drawn as one box however many round trips it took; and
    // the arrows join the SSL_write() of the text to the SSL_read() that got it.
    void tlsExchange_handshakeIsOneStepPerSide_andWritesArrowToReads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto certificate = ensureDevCertificate(dir.filePath(QStringLiteral("tls")));
        QVERIFY(certificate.ok());
        auto serverContext = TlsContext::server(certificate->certificateFile, certificate->keyFile);
        QVERIFY(serverContext.ok());
        TlsClientOptions options;
        options.caFile = certificate->certificateFile;
        auto clientContext = TlsContext::client(options);
        QVERIFY(clientContext.ok());

        TimelineView view;
        view.resize(900, 300);
        view.show();
        TcpServer server;
        TcpServerConfig serverConfig;
        serverConfig.echo = true;
        serverConfig.tls = *serverContext;
        QSignalSpy started(&server, &TcpServer::started);
        QVERIFY(server.start(serverConfig));
        QVERIFY(started.wait(10000));
        TcpClient client;
        TcpClientConfig clientConfig;
        clientConfig.endpoint.host = QStringLiteral("127.0.0.1");
        clientConfig.endpoint.port = started.at(0).at(1).value<quint16>();
        clientConfig.tls = *clientContext;
        QSignalSpy received(&client, &TcpClient::dataReceived);
        QVERIFY(client.connectToHost(clientConfig));
        client.send("hello");
        QVERIFY(received.wait(20000));

        TimelineCanvas *canvas = view.canvas();
        const auto handshakesOn = [canvas](const QString &lanePrefix) {
            int count = 0;
            for (int i = 0; i < canvas->eventCount(); ++i)
                count += canvas->event(i).thread.startsWith(lanePrefix) && canvas->event(i).call == QLatin1String("SSL_do_handshake");
            return count;
        };
        const auto arrowOf = [canvas](const QString &call) {
            for (const auto &[from, to] : canvas->arrows()) {
                if (canvas->event(from).call == call)
                    return QPair<int, int>{from, to};
            }
            return QPair<int, int>{-1, -1};
        };
        // The server's echo arrives once both sides' events are in: the client's SSL_write of
        // "hello" to the server's SSL_read, and the echo's SSL_write back to the client's read.
        QTRY_VERIFY_WITH_TIMEOUT(canvas->arrows().size() >= 2, 10000);
        QCOMPARE(handshakesOn(QStringLiteral("tcp-server")), 1);
        QCOMPARE(handshakesOn(QStringLiteral("client-")), 1);
        const auto [write, read] = arrowOf(QStringLiteral("SSL_write"));
        QVERIFY(write >= 0);
        QCOMPARE(canvas->event(read).call, QStringLiteral("SSL_read"));
        int connectAt = -1, handshakeAt = -1;
        for (int i = 0; i < canvas->eventCount(); ++i) {
            const TraceEvent &e = canvas->event(i);
            if (!e.thread.startsWith(QLatin1String("client-")))
                continue;
            if (e.call == QLatin1String("connect") && connectAt < 0)
                connectAt = i;
            if (e.call == QLatin1String("SSL_do_handshake"))
                handshakeAt = i;
        }
        QVERIFY(connectAt >= 0 && connectAt < handshakeAt);
        QVERIFY(handshakeAt < write || canvas->event(write).thread != canvas->event(handshakeAt).thread);
        QVERIFY2(canvas->event(handshakeAt).result.startsWith(QLatin1String("1 TLSv1.")), qPrintable(canvas->event(handshakeAt).result));
        QVERIFY(!view.grab().isNull());
        client.disconnectAndWait();
    }

    void ring_showsTheOlderCallsDroppedMark()
    {
        TimelineView view;
        view.resize(900, 300);
        view.recording()->setLimit(10);
        QList<TraceEvent> many;
        for (int i = 1; i <= 25; ++i)
            many.append(traced("udp", "sendto", quint64(i)));
        view.canvas()->addEvents(many);
        QCOMPARE(view.canvas()->eventCount(), 10);
        // (The English plural forms come from the translation files, not loaded here.)
        QVERIFY2(view.canvas()->exportScene().dropMark.startsWith(u"15 older call"_s), qPrintable(view.canvas()->exportScene().dropMark));
        QVERIFY2(view.findChild<QLabel *>(u"timelineStatus"_s)->text().contains(u"15 older call"_s),
                 qPrintable(view.findChild<QLabel *>(u"timelineStatus"_s)->text()));
        // The first box sits after the mark, not under it.
        QVERIFY(view.canvas()->callRect(0).left() >= view.canvas()->exportScene().dropMarkRect.right());
        view.canvas()->clear();
        QVERIFY(view.canvas()->exportScene().dropMark.isEmpty());
    }

    void stepping_buttonsAndKeys_followSequenceAcrossLanes()
    {
        TimelineView view;
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        // Reported out of order, as two workers' batches are.
        view.canvas()->addEvents({traced("tcp-server", "recv", 3), traced("tcp-server", "accept", 1)});
        view.canvas()->addEvents({traced("client-1", "send", 2), traced("client-1", "close", 4)});
        QVERIFY(view.isFollowing());
        auto *forward = view.findChild<QPushButton *>(u"timelineForward"_s);
        auto *back = view.findChild<QPushButton *>(u"timelineBack"_s);
        QVERIFY(forward && back);
        const auto selected = [&view] { return view.recording()->shown(view.recording()->cursor()).sequence; };
        forward->click();
        QVERIFY(!view.isFollowing());   // stepping pauses following
        QCOMPARE(selected(), 1u);
        QVERIFY(view.detailsText().contains(u"Call: accept()"_s));
        QTest::keyClick(view.canvas(), Qt::Key_Right);
        QCOMPARE(selected(), 2u);
        QVERIFY(view.detailsText().contains(u"Lane: Client 1"_s));
        QTest::keyClick(view.canvas(), Qt::Key_Right);
        QCOMPARE(selected(), 3u);
        back->click();
        QCOMPARE(selected(), 2u);
        QTest::keyClick(view.canvas(), Qt::Key_Left);
        QCOMPARE(selected(), 1u);

        // Space plays from there at the chosen pace, to the end, and stops.
        view.setSpeed(20);
        QTest::keyClick(view.canvas(), Qt::Key_Space);
        QVERIFY(view.isPlaying());
        QTRY_COMPARE_WITH_TIMEOUT(selected(), 4u, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isPlaying(), 10000);
        QTest::keyClick(view.canvas(), Qt::Key_Space);   // again: from the start
        QVERIFY(view.isPlaying());
        QCOMPARE(selected(), 1u);
        QTest::keyClick(view.canvas(), Qt::Key_Space);
        QVERIFY(!view.isPlaying());

        view.jumpToTime(3 * 1000);   // the helper's calls are at sequence × 1 ms
        QCOMPARE(selected(), 3u);
        // The same from the time box and Go: a millisecond after the call at 2 ms finds the one at 3.
        auto *time = view.findChild<QTimeEdit *>(u"timelineTime"_s);
        QVERIFY(time);
        view.recording()->setCursor(0);
        time->setTime(QDateTime::fromMSecsSinceEpoch(2).time().addMSecs(1));
        view.findChild<QPushButton *>(u"timelineGo"_s)->click();
        QCOMPARE(selected(), 3u);
        // The selected call is drawn highlighted.
        QVERIFY(!view.canvas()->grab().isNull());
    }

    void filters_inTheView_hideLanesAndCalls()
    {
        TimelineView view;
        view.canvas()->addEvents({traced("tcp-server", "accept", 1), traced("client-1", "send", 2), traced("tcp-server", "recv", 3),
                                  traced("client-2", "send", 4)});
        view.recording()->setLaneShown(u"client-2"_s, false);
        QCOMPARE(view.canvas()->lanes(), (QStringList{u"tcp-server"_s, u"client-1"_s}));
        QCOMPARE(view.canvas()->eventCount(), 3);
        view.recording()->setCallShown(u"accept"_s, false);
        QCOMPARE(view.canvas()->eventCount(), 2);
        QCOMPARE(view.canvas()->event(0).call, u"send"_s);
        QCOMPARE(view.canvas()->arrows().size(), 0);   // sizes differ: no pair
        QVERIFY(view.findChild<QLabel *>(u"timelineStatus"_s)->text().contains(u"2 hidden by the filters"_s));
    }

    void details_showHexAndTextOfARealRecv_fromAPythonPeer()
    {
        TimelineView view;
        view.resize(900, 300);
        view.show();   // recording
        testsupport::Peer echo;
        QVERIFY(echo.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);
        auto client = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(client->connect(*SocketAddress::fromLiteral(u"127.0.0.1"_s, port)).ok());
        const QByteArray hello("h\xc3\xa9llo\n");   // "héllo\n" in UTF-8
        QVERIFY(client->sendAll(std::span<const char>(hello.constData(), hello.size())).ok());
        QByteArray got;
        char buffer[64];
        while (got.size() < hello.size()) {
            auto n = client->recv(std::span<char>(buffer, sizeof buffer));
            QVERIFY(n.ok() && *n > 0);
            got.append(buffer, static_cast<qsizetype>(*n));
        }
        QCOMPARE(got, hello);
        // And a refused connect, for an errno: a port bound but not listening refuses.
        auto closedPort = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(closedPort->bind(*SocketAddress::fromLiteral(u"127.0.0.1"_s, 0)).ok());
        auto refused = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(!refused->connect(*closedPort->sockName()).ok());

        TraceRecording *recording = view.recording();
        const auto find = [recording](const QString &call, bool failed) -> qsizetype {
            for (qsizetype i = 0; i < recording->shownCount(); ++i) {
                if (recording->shown(i).call == call && (recording->shown(i).error != 0) == failed)
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(u"recv"_s, false) >= 0 && find(u"connect"_s, true) >= 0, 10000);
        recording->setCursor(find(u"recv"_s, false));
        const QString details = view.detailsText();
        QVERIFY2(details.contains(u"68 c3 a9 6c 6c 6f 0a"_s), qPrintable(details));
        QVERIFY2(details.contains(u"héllo\\n"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Bytes: %1"_s.arg(recording->shown(recording->cursor()).byteCount)), qPrintable(details));
        QVERIFY(details.contains(u"errno: 0"_s));
        recording->setCursor(find(u"send"_s, false));
        QVERIFY2(view.detailsText().contains(u"68 c3 a9 6c 6c 6f 0a"_s), qPrintable(view.detailsText()));
        recording->setCursor(find(u"connect"_s, true));
        QVERIFY2(view.detailsText().contains(u"errno: ECONNREFUSED (111): Connection refused"_s), qPrintable(view.detailsText()));
    }

    void details_bytesAreBounded_withTheFullLength()
    {
        TraceEvent big = traced("udp", "recvfrom", 1);
        big.byteCount = 65507;
        big.bytes = QByteArray(256, 'A');
        const QString details = timelineDetailsText(big);
        QVERIFY2(details.contains(u"Bytes: 65507 (the first 256 shown)"_s), qPrintable(details));
        QCOMPARE(timelineHexDump(QByteArray("0123456789abcdefX")),
                 u"0000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef\n"_s
                     + u"0010  58"_s + QString(48, u' ') + u"X\n"_s);
    }

    void saveThenOpen_roundTripIsEqual_andSteps()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TimelineView view;
        view.recording()->setLimit(5);
        QList<TraceEvent> events;
        for (int i = 1; i <= 7; ++i)
            events.append(traced(i % 2 ? "tcp-server" : "client-1", i % 2 ? "recv" : "send", quint64(i)));
        events[3].bytes = QByteArray("hi\0\xff", 4);
        events[3].byteCount = 4;
        view.canvas()->addEvents(events);
        const QString path = dir.filePath(u"lesson.json"_s);
        QString error;
        QVERIFY2(view.saveTo(path, &error), qPrintable(error));

        TimelineView other;
        QVERIFY2(other.openFrom(path, &error), qPrintable(error));
        QCOMPARE(other.recording()->events(), view.recording()->events());
        QCOMPARE(other.recording()->droppedCount(), 2);
        QVERIFY(other.isShowingFile());
        QVERIFY(!other.isFollowing());
        QCOMPARE(other.recording()->cursor(), 0);
        other.stepForward();
        QCOMPARE(other.recording()->shown(other.recording()->cursor()).sequence, 4u);
        QVERIFY(other.detailsText().contains(u"68 69 00 ff"_s));
    }

    // File → Save writes on a thread of its own: the status says so while it runs and after, the
    // file is the one saveTo() writes, and a second save meanwhile is refused in words.
    void saveInBackground_sameFile_statusAndOneAtATime()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TimelineView view;
        QList<TraceEvent> events;
        for (int i = 1; i <= 5000; ++i)
            events.append(traced(i % 2 ? "tcp-server" : "client-1", i % 2 ? "recv" : "send", quint64(i)));
        view.canvas()->addEvents(events);
        const QString direct = dir.filePath(u"direct.json"_s);
        QString error;
        QVERIFY2(view.saveTo(direct, &error), qPrintable(error));

        QSignalSpy finished(view.fileWriter(), &TraceFileWriter::finished);
        const QString background = dir.filePath(u"background.json"_s);
        QVERIFY2(view.saveInBackground(background, &error), qPrintable(error));
        QVERIFY(view.findChild<QLabel *>(u"timelineStatus"_s)->text().contains(u"saving background.json"_s));
        QVERIFY(!view.saveInBackground(dir.filePath(u"again.json"_s), &error));
        QVERIFY(error.contains(u"still being saved"_s));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(view.findChild<QLabel *>(u"timelineStatus"_s)->text().contains(u"saved background.json"_s));
        QFile a(direct), b(background);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }

    void paused_stillRecords_butAShownFileTakesNoLiveCalls()
    {
        QTemporaryDir dir;
        TimelineView view;
        view.resize(900, 300);
        view.show();
        auto *recorder = view.findChild<TraceRecorder *>();
        QVERIFY(recorder);
        QSignalSpy delivered(recorder, &TraceRecorder::eventsRecorded);
        // Paused: the picture stays, but the calls are still recorded.
        view.setFollowing(false);
        const qsizetype before = view.recording()->size();
        { auto socket = Socket::create(AF_INET, SocketType::Stream); QVERIFY(socket.ok()); }
        QVERIFY(delivered.wait(10000));   // the view's own slot ran first: it connected first
        QVERIFY(view.recording()->size() > before);

        // A file being shown: another process's calls, so this one's live calls stay out of it.
        const QString path = dir.filePath(u"shown.json"_s);
        QString error;
        QVERIFY2(view.saveTo(path, &error), qPrintable(error));
        QVERIFY2(view.openFrom(path, &error), qPrintable(error));
        const auto shown = view.recording()->events();
        delivered.clear();
        { auto socket = Socket::create(AF_INET, SocketType::Stream); QVERIFY(socket.ok()); }
        QVERIFY(delivered.wait(10000));
        QCOMPARE(view.recording()->events(), shown);
        // Pause off: back to live, the file's calls go, and new calls come in again.
        view.setFollowing(true);
        QVERIFY(!view.isShowingFile());
        QCOMPARE(view.recording()->size(), 0);
        { auto socket = Socket::create(AF_INET, SocketType::Stream); QVERIFY(socket.ok()); }
        QVERIFY(delivered.wait(10000));
        QVERIFY(view.recording()->size() > 0);
    }

    void open_hostileFiles_refusedWithAClearError_andTheRecordingKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("says");
        QTest::newRow("truncated JSON") << QByteArray(R"({"format":"socketeer-timeline","formatVersion":1,"eventCount":1,"events":[{"time)")
                                       << u"not valid JSON"_s;
        QTest::newRow("huge numbers") << QByteArray(R"({"format":"socketeer-timeline","formatVersion":1,"eventCount":1,"events":[)"
                                                    R"({"timeUs":1e308,"thread":"a","call":"b","arguments":"","result":"","errno":0,"sequence":1}]})")
                                     << u"timeUs"_s;
        QTest::newRow("10^7 events claimed") << QByteArray(R"({"format":"socketeer-timeline","formatVersion":1,"eventCount":10000000,"events":[]})")
                                            << u"claims 10000000 calls"_s;
        QTest::newRow("wrong types") << QByteArray(R"({"format":"socketeer-timeline","formatVersion":1,"eventCount":1,"events":[)"
                                                   R"({"timeUs":1,"thread":["a"],"call":"b","arguments":"","result":"","errno":0,"sequence":1}]})")
                                    << u"\"thread\""_s;
        QTest::newRow("not a timeline") << QByteArray("hello") << u"not valid JSON"_s;
    }

    void open_hostileFiles_refusedWithAClearError_andTheRecordingKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"bad.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        TimelineView view;
        view.canvas()->addEvents({traced("udp", "sendto", 1)});
        QString error;
        QVERIFY(!view.openFrom(file.fileName(), &error));
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY2(error.contains(u"bad.json"_s), qPrintable(error));   // names the file
        QCOMPARE(view.canvas()->eventCount(), 1);   // nothing lost
        QVERIFY(!view.isShowingFile());
    }

    void export_svgAndPng_areValidFiles()
    {
        QTemporaryDir dir;
        TimelineView view;
        TraceEvent send = traced("client-1", "send", 1);
        send.result = u"5 bytes"_s;
        send.byteCount = 5;
        TraceEvent recv = traced("tcp-server", "recv", 2);
        recv.result = u"5 bytes"_s;
        recv.byteCount = 5;
        TraceEvent odd = traced("tcp-server", "getaddrinfo", 3);
        odd.result = u"<&\"'>"_s;   // text that must be escaped in XML
        view.canvas()->addEvents({send, recv, odd});
        view.recording()->setCursor(1);
        QString error;
        const QString svgPath = dir.filePath(u"t.svg"_s), pngPath = dir.filePath(u"t.png"_s);
        QVERIFY2(view.exportSvg(svgPath, &error), qPrintable(error));
        QVERIFY2(view.exportPng(pngPath, &error), qPrintable(error));

        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        QStringList texts;
        int rects = 0, lines = 0;
        QString root;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (root.isEmpty())
                    root = xml.name().toString();
                rects += xml.name() == QLatin1String("rect");
                lines += xml.name() == QLatin1String("line");
                if (xml.name() == QLatin1String("text"))
                    texts.append(xml.readElementText());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, u"svg"_s);
        QVERIFY(texts.contains(u"send()"_s) && texts.contains(u"recv()"_s) && texts.contains(u"<&\"'>"_s));
        QVERIFY(texts.contains(u"Client 1"_s));
        QVERIFY(rects >= 3);
        QVERIFY(lines >= 3);   // two lanes' lines and the arrow

        QImage png;
        QVERIFY(png.load(pngPath, "PNG"));
        QCOMPARE(png.size(), view.canvas()->exportScene().size * 2);   // sharp on a projector and at 200 %
        QVERIFY(png.width() > 3 * 84);
        // Not blank: some pixel is neither white nor the background.
        bool coloured = false;
        for (int x = 0; x < png.width() && !coloured; x += 3)
            coloured = png.pixelColor(x, png.height() / 4).saturation() > 60;
        QVERIFY(coloured);
    }

    void paint_drawsOnlyTheVisibleCalls()
    {
        TimelineView view;
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<TraceEvent> many;
        for (int i = 1; i <= 20000; ++i)
            many.append(traced(i % 2 ? "a" : "b", "send", quint64(i)));
        view.setFollowing(false);
        view.canvas()->addEvents(many);
        view.recording()->setCursor(10000);
        view.canvas()->repaint();
        QVERIFY(view.canvas()->paintedCalls() > 0);
        QVERIFY2(view.canvas()->paintedCalls() < 30, qPrintable(QString::number(view.canvas()->paintedCalls())));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
