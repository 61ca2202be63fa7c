// The chat-room mode (core/tcp/chatroom.h): the room's rules on their own, then the TCP server in
// chat mode in both concurrency models with tutorial-style python clients (tests/peers/
// chat_client.py), a client that never reads (tcp_idle_client.py), and TLS.

#include "peer.h"

#include "tcp/chatroom.h"
#include "tcp/tcpserver.h"
#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace socketeer;
using testsupport::Peer;

namespace {

// What the room said, as "to:line" strings without the newline, in order.
QByteArrayList said(ChatRoom &room, QByteArrayList *transcript = nullptr)
{
    QByteArrayList out;
    for (const ChatRoom::Delivery &delivery : room.take()) {
        if (delivery.to == ChatRoom::kTranscript) {
            if (transcript)
                *transcript << delivery.bytes;
            continue;
        }
        QByteArray bytes = delivery.bytes;
        if (!bytes.endsWith('\n') || bytes.count('\n') != 1)
            return {"BAD DELIVERY: " + bytes};
        bytes.chop(1);
        out << QByteArray::number(delivery.to) + ':' + bytes;
    }
    return out;
}

ChatRoomConfig chat(bool nicknames)
{
    ChatRoomConfig config;
    config.enabled = true;
    config.nicknames = nicknames;
    return config;
}

// A chat_client.py: started, connected, its local port known.
struct Client {
    Peer peer;
    quint16 localPort = 0;
    QByteArray address() const { return "127.0.0.1:" + QByteArray::number(localPort); }
};

} // namespace

class TestChatRoom : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const TlsContext> m_tls;
    QString m_caFile;

    static void addModels()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("event-loop") << ServerModel::EventLoop;
        QTest::newRow("thread-per-client") << ServerModel::ThreadPerClient;
    }

    static quint16 start(TcpServer &server, TcpServerConfig config)
    {
        QSignalSpy started(&server, &TcpServer::started);
        if (!server.start(config) || !started.wait(10000))
            return 0;
        return started.first().at(1).value<quint16>();
    }

    static bool connectClient(Client &client, quint16 port, const QString &caFile = {})
    {
        QStringList arguments{QStringLiteral("127.0.0.1"), QString::number(port)};
        if (!caFile.isEmpty())
            arguments << caFile;
        if (!client.peer.startPython(QStringLiteral("chat_client.py"), arguments))
            return false;
        const QByteArray line = client.peer.readLine();
        if (!line.startsWith("connected "))
            return false;
        client.localPort = static_cast<quint16>(line.mid(10).toUInt());
        return client.localPort != 0;
    }

    // The next line the client printed is exactly this one from the server.
    static bool expect(Client &client, const QByteArray &line)
    {
        bool ok = false;
        const QByteArray got = client.peer.readLine(20000, &ok);
        const QByteArray wanted = "got " + line;
        if (got != wanted)
            qWarning("expected \"%s\", got \"%s\"", wanted.constData(), got.constData());
        return ok && got == wanted;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto made = ensureDevCertificate(m_dir.filePath(QStringLiteral("tls")));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        m_caFile = made->certificateFile;
        auto context = TlsContext::server(made->certificateFile, made->keyFile);
        QVERIFY2(context.ok(), context.ok() ? "" : qPrintable(context.error().message()));
        m_tls = *context;
    }

    // ── The room's rules, no sockets ──────────────────────────────────────────────────────

    void room_relaysToOthersNotToSender()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("127.0.0.1:1001"));
        QCOMPARE(said(room), QByteArrayList{"1:*** you are 127.0.0.1:1001"});
        room.joined(2, QStringLiteral("127.0.0.1:1002"));
        QCOMPARE(said(room), (QByteArrayList{"2:*** you are 127.0.0.1:1002", "1:*** 127.0.0.1:1002 joined"}));
        room.joined(3, QStringLiteral("127.0.0.1:1003"));
        said(room);
        room.received(2, "hello\n");
        QCOMPARE(said(room), (QByteArrayList{"1:127.0.0.1:1002: hello", "3:127.0.0.1:1002: hello"}));
        room.left(1);
        QCOMPARE(said(room), (QByteArrayList{"2:*** 127.0.0.1:1001 left", "3:*** 127.0.0.1:1001 left"}));
        QCOMPARE(room.memberCount(), 2);
    }

    void room_transcriptHasWhatMembersHearNotPrivateNotices()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        room.joined(1, QStringLiteral("x"));
        room.received(1, "alice\n");
        room.joined(2, QStringLiteral("y"));
        room.received(2, "alice\nbob\nhi\n");
        room.left(1);
        said(room, &transcript);
        QCOMPARE(transcript, (QByteArrayList{"*** alice joined\n", "*** bob joined\n", "bob: hi\n", "*** alice left\n"}));
    }

    void room_clientWithoutAnAddressIsNamedByItsId()
    {
        ChatRoom room(chat(false));
        auto unixPeer = SocketAddress::fromUnixPath(QStringLiteral("/tmp/x.sock"));
        QVERIFY(unixPeer.ok());
        QCOMPARE(ChatRoom::addressName(*unixPeer), QString());   // not "(unnamed)", the same for every such client
        auto ipPeer = SocketAddress::fromLiteral(QStringLiteral("::1"), 5);
        QVERIFY(ipPeer.ok());
        QCOMPARE(ChatRoom::addressName(*ipPeer), QStringLiteral("[::1]:5"));
        room.joined(7, {});
        room.joined(8, {});
        QCOMPARE(said(room), (QByteArrayList{"7:*** you are client 7", "8:*** you are client 8", "7:*** client 8 joined"}));
    }

    void room_linesStayWholeHoweverChunked()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        said(room);
        const QByteArray text = "one byte at a time\r\nand two\nlines\n";
        for (char c : text)
            room.received(1, QByteArrayView(&c, 1));
        QCOMPARE(said(room), (QByteArrayList{"2:a: one byte at a time", "2:a: and two", "2:a: lines"}));
        room.received(1, "x\ny\n\n   \n");   // empty and blank lines are not relayed
        QCOMPARE(said(room), (QByteArrayList{"2:a: x", "2:a: y"}));
    }

    void room_lastUnfinishedLineIsSaidOnLeaving()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        said(room);
        room.received(1, "bye");
        QVERIFY(said(room).isEmpty());
        room.left(1);
        QCOMPARE(said(room), (QByteArrayList{"2:a: bye", "2:*** a left"}));
    }

    void room_controlCharactersAreMadeVisible()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        said(room);
        // A carriage return would paint "b: I owe you" over the line in a terminal; ESC would
        // change its colours or worse.
        room.received(1, "hi\rb: I owe you\x1b[2J\x7f\ttab\n");
        QCOMPARE(said(room), QByteArrayList{"2:a: hi?b: I owe you?[2J?\ttab"});
    }

    void room_overlongLineIsRefusedAndTheNextOneRelayed()
    {
        ChatRoomConfig config = chat(false);
        config.maxLineBytes = 16;
        ChatRoom room(config);
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        said(room);
        for (int i = 0; i < 100; ++i)
            room.received(1, QByteArray(1000, 'x'));   // never a newline: 100 kB that must not pile up
        room.received(1, "tail of it\nshort\n");
        QCOMPARE(said(room), (QByteArrayList{"1:*** line too long (more than 16 bytes): not relayed", "2:a: short"}));
    }

    void room_nicknameRules_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("plain") << QByteArray("alice") << QByteArray("*** you are alice");
        QTest::newRow("trimmed") << QByteArray("  alice\t") << QByteArray("*** you are alice");
        QTest::newRow("/nick") << QByteArray("/nick alice") << QByteArray("*** you are alice");
        QTest::newRow("chinese") << QByteArray("小明") << QByteArray("*** you are 小明");
        QTest::newRow("empty") << QByteArray("   ") << QByteArray("*** nickname refused (empty): send another");
        QTest::newRow("space") << QByteArray("al ice") << QByteArray("*** nickname refused (space inside): send another");
        QTest::newRow("colon") << QByteArray("a:b") << QByteArray("*** nickname refused (colon): send another");
        QTest::newRow("notice") << QByteArray("***") << QByteArray("*** nickname refused (starts with * or /): send another");
        QTest::newRow("command") << QByteArray("/who") << QByteArray("*** nickname refused (starts with * or /): send another");
        QTest::newRow("control") << QByteArray("a\x1b[31mb") << QByteArray("*** nickname refused (control character): send another");
        QTest::newRow("c1 control") << QByteArray("a\xc2\x9b" "b") << QByteArray("*** nickname refused (control character): send another");
        QTest::newRow("not utf-8") << QByteArray("\xc4\xe3\xba\xc3") << QByteArray("*** nickname refused (not UTF-8): send another");
        QTest::newRow("32 chars") << QByteArray(32, 'n') << "*** you are " + QByteArray(32, 'n');
        QTest::newRow("33 chars") << QByteArray(33, 'n') << QByteArray("*** nickname refused (longer than 32 characters): send another");
        QTest::newRow("32 chinese") << QString(32, QChar(0x660e)).toUtf8() << "*** you are " + QString(32, QChar(0x660e)).toUtf8();
    }
    void room_nicknameRules()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, answer);
        ChatRoom room(chat(true));
        room.joined(1, QStringLiteral("127.0.0.1:1"));
        QCOMPARE(said(room), QByteArrayList{"1:*** welcome: send your nickname on the first line"});
        room.received(1, line + "\n");
        QCOMPARE(said(room), QByteArrayList{"1:" + answer});
    }

    void room_takenNicknameIsRefusedUntilAnotherIsSent()
    {
        ChatRoom room(chat(true));
        room.joined(1, QStringLiteral("x"));
        room.joined(2, QStringLiteral("y"));
        room.received(1, "alice\n");
        said(room);
        room.received(2, "hello?\n");   // not yet in the room: its first line is a nickname
        QCOMPARE(said(room), (QByteArrayList{"2:*** you are hello?", "1:*** hello? joined"}));
        room.joined(3, QStringLiteral("z"));
        said(room);
        // Until it has a name a client neither hears the room nor is heard.
        room.received(1, "before you came\n");
        QCOMPARE(said(room), QByteArrayList{"2:alice: before you came"});
        room.received(3, "ALICE\n");
        QCOMPARE(said(room), QByteArrayList{"3:*** nickname ALICE is taken: send another"});
        room.received(3, "bob\nhi all\n");
        QCOMPARE(said(room), (QByteArrayList{"3:*** you are bob", "1:*** bob joined", "2:*** bob joined", "1:bob: hi all",
                                          "2:bob: hi all"}));
        room.left(1);   // its name is free again
        said(room);
        room.joined(4, QStringLiteral("w"));
        room.received(4, "Alice\n");
        QCOMPARE(said(room), (QByteArrayList{"4:*** welcome: send your nickname on the first line", "4:*** you are Alice",
                                          "2:*** Alice joined", "3:*** Alice joined"}));
    }

    void room_clientWithoutNicknameLeavesSilently()
    {
        ChatRoom room(chat(true));
        room.joined(1, QStringLiteral("x"));
        room.received(1, "alice\n");
        room.joined(2, QStringLiteral("y"));
        room.received(2, "half a nick");
        said(room);
        room.left(2);
        QCOMPARE(said(room), QByteArrayList{});
    }

    // ── The server in chat mode, with python clients ──────────────────────────────────────

    void server_threeClientsChat_data() { addModels(); }
    void server_threeClientsChat()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QHash<quint64, QByteArray> reported;
        connect(&server, &TcpServer::dataReceived, this, [&](quint64 id, const QByteArray &data) { reported[id] += data; });
        QByteArray transcript;
        connect(&server, &TcpServer::chatTranscript, this, [&](const QByteArray &lines) { transcript += lines; });
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(false);
        const quint16 port = start(server, config);
        QVERIFY(port);

        Client a, b, c;
        QVERIFY(connectClient(a, port));
        QVERIFY(expect(a, "*** you are " + a.address()));
        QVERIFY(connectClient(b, port));
        QVERIFY(expect(b, "*** you are " + b.address()));
        QVERIFY(expect(a, "*** " + b.address() + " joined"));
        QVERIFY(connectClient(c, port));
        QVERIFY(expect(c, "*** you are " + c.address()));
        QVERIFY(expect(a, "*** " + c.address() + " joined"));
        QVERIFY(expect(b, "*** " + c.address() + " joined"));

        a.peer.write("hello from a\n");
        QVERIFY(expect(b, a.address() + ": hello from a"));
        QVERIFY(expect(c, a.address() + ": hello from a"));
        // One byte per send, with pauses: TCP delivers it in pieces, the room relays one line.
        c.peer.write("!bytes one byte at a time\n");
        QVERIFY(expect(a, c.address() + ": one byte at a time"));
        QVERIFY(expect(b, c.address() + ": one byte at a time"));
        // Two lines in one send: two messages.
        b.peer.write("!two first|second\n");
        QVERIFY(expect(a, b.address() + ": first"));
        QVERIFY(expect(a, b.address() + ": second"));
        QVERIFY(expect(c, b.address() + ": first"));
        QVERIFY(expect(c, b.address() + ": second"));
        // a's lines after its "hello from a" were c's and b's, never its own: nobody hears itself.
        b.peer.write("to a\n");
        QVERIFY(expect(a, b.address() + ": to a"));
        QVERIFY(expect(c, b.address() + ": to a"));

        // c leaves: the others are told; c's connection ends in order.
        c.peer.closeWrite();
        QVERIFY(expect(a, "*** " + c.address() + " left"));
        QVERIFY(expect(b, "*** " + c.address() + " left"));
        QCOMPARE(c.peer.readLine(20000), QByteArray("closed"));

        // The server's own view of the room: every line the members heard from one another.
        const QByteArray wanted = "*** " + a.address() + " joined\n*** " + b.address() + " joined\n*** " + c.address()
                                  + " joined\n" + a.address() + ": hello from a\n" + c.address() + ": one byte at a time\n"
                                  + b.address() + ": first\n" + b.address() + ": second\n" + b.address() + ": to a\n*** "
                                  + c.address() + " left\n";
        QTRY_COMPARE_WITH_TIMEOUT(transcript, wanted, 20000);

        // The front end still reports what each client sent (the panel's log shows the room).
        QTRY_VERIFY_WITH_TIMEOUT(reported.size() == 3, 20000);
        bool sawHello = false;
        for (const QByteArray &bytes : std::as_const(reported))
            sawHello = sawHello || bytes == "hello from a\n";
        QVERIFY(sawHello);
        server.stopAndWait();
    }

    void server_nicknames_data() { addModels(); }
    void server_nicknames()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(true);
        const quint16 port = start(server, config);
        QVERIFY(port);

        Client a, b, c;
        QVERIFY(connectClient(a, port));
        QVERIFY(expect(a, "*** welcome: send your nickname on the first line"));
        a.peer.write("alice\n");
        QVERIFY(expect(a, "*** you are alice"));
        QVERIFY(connectClient(b, port));
        QVERIFY(expect(b, "*** welcome: send your nickname on the first line"));
        b.peer.write("Alice\n");
        QVERIFY(expect(b, "*** nickname Alice is taken: send another"));
        b.peer.write("bo b\n");
        QVERIFY(expect(b, "*** nickname refused (space inside): send another"));
        b.peer.write("bob\n");
        QVERIFY(expect(b, "*** you are bob"));
        QVERIFY(expect(a, "*** bob joined"));
        QVERIFY(connectClient(c, port));
        QVERIFY(expect(c, "*** welcome: send your nickname on the first line"));
        c.peer.write("!bytes 小明\n");
        QVERIFY(expect(c, "*** you are 小明"));
        QVERIFY(expect(a, "*** 小明 joined"));
        QVERIFY(expect(b, "*** 小明 joined"));

        c.peer.write("大家好\n");
        QVERIFY(expect(a, "小明: 大家好"));
        QVERIFY(expect(b, "小明: 大家好"));
        a.peer.write("hi 小明\n");
        QVERIFY(expect(b, "alice: hi 小明"));
        QVERIFY(expect(c, "alice: hi 小明"));
        b.peer.write("!raw bye without a newline\n");
        b.peer.closeWrite();
        QVERIFY(expect(a, "bob: bye without a newline"));
        QVERIFY(expect(a, "*** bob left"));
        QVERIFY(expect(c, "bob: bye without a newline"));
        QVERIFY(expect(c, "*** bob left"));
        server.stopAndWait();
    }

    // A member that never reads: its queue grows to maxQueuedBytes, it is dropped with that
    // reason and the room says it left; the others chat throughout, never paused for it.
    void server_clientThatNeverReadsIsDroppedOthersGoOn_data() { addModels(); }
    void server_clientThatNeverReadsIsDroppedOthersGoOn()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(false);
        config.maxQueuedBytes = 256 * 1024;
        // No stall drop: only the queue's bound can end the idle client, so a room that waited for
        // it (the sender paused until it read) would never deliver the flood.
        config.stallTimeout = std::chrono::milliseconds(0);
        const quint16 port = start(server, config);
        QVERIFY(port);

        Client a, b;
        QVERIFY(connectClient(a, port));
        QVERIFY(expect(a, "*** you are " + a.address()));
        Peer idle;
        QVERIFY(idle.startPython(QStringLiteral("tcp_idle_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        const QByteArray idleLine = idle.readLine();
        QVERIFY(idleLine.startsWith("connected "));
        const QByteArray idleAddress = "127.0.0.1:" + idleLine.mid(10);
        QVERIFY(expect(a, "*** " + idleAddress + " joined"));
        QVERIFY(connectClient(b, port));
        QVERIFY(expect(b, "*** you are " + b.address()));
        QVERIFY(expect(a, "*** " + b.address() + " joined"));

        // 4 MB through the room: far more than the idle client's buffers and its 256 KiB queue.
        const QByteArray filler(4000, 'f');
        const int lines = 1000;
        a.peer.write("!flood 1000 4000\n");
        // b hears every line, whole and in order; the room's "left" for the idle client may come
        // anywhere among them.
        const QByteArray left = "got *** " + idleAddress + " left";
        int heard = 0;
        for (;;) {
            bool ok = false;
            const QByteArray got = b.peer.readLine(30000, &ok);
            QVERIFY2(ok, qPrintable(QStringLiteral("after %1 lines").arg(heard)));
            if (got == left)
                continue;
            if (got == "got " + a.address() + ": done")
                break;
            QVERIFY2(got == "got " + a.address() + ": " + filler, qPrintable(QString::fromUtf8(got.left(80))));
            ++heard;
        }
        QCOMPARE(heard, lines);
        // The idle client was dropped for not reading, and the room said so (to b, after the
        // flood or in it; read on until it shows).
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 30000);
        QVERIFY2(disconnected.first().at(1).toString().contains(QStringLiteral("not reading")),
                 qPrintable(disconnected.first().at(1).toString()));
        // And the room goes on.
        b.peer.write("still here\n");
        bool stillHeard = false;
        for (int i = 0; i < 3 && !stillHeard; ++i)
            stillHeard = a.peer.readLine(30000) == "got " + b.address() + ": still here";
        QVERIFY(stillHeard);
        idle.closeWrite();
        server.stopAndWait();
    }

    void server_overTls_data() { addModels(); }
    void server_overTls()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(true);
        config.tls = m_tls;
        const quint16 port = start(server, config);
        QVERIFY(port);

        Client a, b;
        QVERIFY(connectClient(a, port, m_caFile));
        QVERIFY(expect(a, "*** welcome: send your nickname on the first line"));
        a.peer.write("alice\n");
        QVERIFY(expect(a, "*** you are alice"));
        QVERIFY(connectClient(b, port, m_caFile));
        QVERIFY(expect(b, "*** welcome: send your nickname on the first line"));
        b.peer.write("bob\n");
        QVERIFY(expect(b, "*** you are bob"));
        QVERIFY(expect(a, "*** bob joined"));
        a.peer.write("!bytes secret hello\n");
        QVERIFY(expect(b, "alice: secret hello"));
        b.peer.write("!two one|two\n");
        QVERIFY(expect(a, "bob: one"));
        QVERIFY(expect(a, "bob: two"));
        b.peer.closeWrite();
        QVERIFY(expect(a, "*** bob left"));
        server.stopAndWait();
    }
};

QTEST_GUILESS_MAIN(TestChatRoom)
#include "tst_chatroom.moc"
