// The classroom timeline drawn from a real exchange: a server and a client in this process, the
// tutorial's sequence of calls on their lanes, and an arrow from each send to the recv that got it.

#include "timelineview.h"

#include "net/socket.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QSignalSpy>
#include <QTemporaryDir>
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
