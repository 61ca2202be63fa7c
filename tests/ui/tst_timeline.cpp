// The classroom timeline drawn from a real exchange: a server and a client in this process, the
// tutorial's sequence of calls on their lanes, and an arrow from each send to the recv that got it.

#include "timelineview.h"

#include "net/socket.h"

#include <QSignalSpy>
#include <QTest>

#include <netinet/in.h>

using namespace socketeer;
using namespace socketeer::ui;

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

    void boundedToTheNewestEvents()
    {
        TimelineCanvas canvas;
        QList<TraceEvent> many;
        for (int i = 0; i < TimelineCanvas::kMaxEvents + 50; ++i)
            many.append({i, QStringLiteral("udp"), QStringLiteral("sendto"), {}, QStringLiteral("1 bytes"), 0});
        canvas.addEvents(many);
        QCOMPARE(canvas.eventCount(), TimelineCanvas::kMaxEvents);
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
