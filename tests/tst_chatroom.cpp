// The chat-room mode (core/tcp/chatroom.h): the room's rules on their own, then the TCP server in
// chat mode in both concurrency models with tutorial-style python clients (tests/peers/
// chat_client.py), a client that never reads (tcp_idle_client.py), and TLS.

#include "peer.h"

#include "net/limits.h"
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

    // ── The commands (docs/CHAT.md) ──────────────────────────────────────────────────────

    // alice (1), bob (2) and 小明 (3) in a room with nicknames; what they were told is taken.
    static void threeNamed(ChatRoom &room)
    {
        room.joined(1, QStringLiteral("x"));
        room.received(1, "alice\n");
        room.joined(2, QStringLiteral("y"));
        room.received(2, "bob\n");
        room.joined(3, QStringLiteral("z"));
        room.received(3, "小明\n");
        said(room);
    }

    void command_nick_changesAndAnnounces()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.received(1, "/nick 小红\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:*** you are now 小红", "2:*** alice is now 小红", "3:*** alice is now 小红"}));
        QCOMPARE(transcript, QByteArrayList{"*** alice is now 小红\n"});
        // The new name is the one heard, and the old one is free.
        room.received(1, "hi\n");
        QCOMPARE(said(room), (QByteArrayList{"2:小红: hi", "3:小红: hi"}));
        room.received(2, "/nick alice\n");
        QCOMPARE(said(room), (QByteArrayList{"2:*** you are now alice", "1:*** bob is now alice", "3:*** bob is now alice"}));
        // Its own name in another case is a change of spelling, not a clash.
        room.received(2, "/NICK Alice\n");
        QCOMPARE(said(room), (QByteArrayList{"2:*** you are now Alice", "1:*** alice is now Alice", "3:*** alice is now Alice"}));
    }

    void command_nick_refusals_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("taken") << QByteArray("/nick bob") << QByteArray("*** nickname bob is taken: you are still alice");
        QTest::newRow("taken, other case") << QByteArray("/nick BOB") << QByteArray("*** nickname BOB is taken: you are still alice");
        QTest::newRow("taken, chinese") << QByteArray("/nick 小明") << QByteArray("*** nickname 小明 is taken: you are still alice");
        // What an input method types in full width is the same name as the ASCII one (NFKC).
        QTest::newRow("taken, full width") << QByteArray("/nick ｂｏｂ") << QByteArray("*** nickname ｂｏｂ is taken: you are still alice");
        // NFD "é" (e + U+0301) against the NFC "é" 3 took below.
        QTest::newRow("taken, decomposed") << QByteArray("/nick e\xcc\x81mile") << QByteArray("*** nickname e\xcc\x81mile is taken: you are still alice");
        QTest::newRow("own name") << QByteArray("/nick alice") << QByteArray("*** you are already alice");
        QTest::newRow("no name") << QByteArray("/nick") << QByteArray("*** usage: /nick NAME");
        QTest::newRow("blank") << QByteArray("/nick \t ") << QByteArray("*** usage: /nick NAME");
        QTest::newRow("space") << QByteArray("/nick al ice") << QByteArray("*** nickname refused (space inside): you are still alice");
        QTest::newRow("cr") << QByteArray("/nick al\rice") << QByteArray("*** nickname refused (control character): you are still alice");
        QTest::newRow("escape") << QByteArray("/nick \x1b[2Jx") << QByteArray("*** nickname refused (control character): you are still alice");
        QTest::newRow("c1 csi") << QByteArray("/nick a\xc2\x9b" "2J") << QByteArray("*** nickname refused (control character): you are still alice");
        QTest::newRow("right-to-left override") << QByteArray("/nick a\xe2\x80\xae" "b") << QByteArray("*** nickname refused (invisible character): you are still alice");
        QTest::newRow("zero width space") << QByteArray("/nick bo\xe2\x80\x8b" "b") << QByteArray("*** nickname refused (invisible character): you are still alice");
        QTest::newRow("ideographic space") << QByteArray("/nick 小\xe3\x80\x80明") << QByteArray("*** nickname refused (space inside): you are still alice");
        QTest::newRow("colon") << QByteArray("/nick a:b") << QByteArray("*** nickname refused (colon): you are still alice");
        QTest::newRow("star") << QByteArray("/nick ***") << QByteArray("*** nickname refused (starts with * or /): you are still alice");
        QTest::newRow("slash") << QByteArray("/nick /who") << QByteArray("*** nickname refused (starts with * or /): you are still alice");
        QTest::newRow("not utf-8 (gbk)") << QByteArray("/nick \xc4\xe3\xba\xc3") << QByteArray("*** nickname refused (not UTF-8): you are still alice");
        QTest::newRow("33 chars") << "/nick " + QByteArray(33, 'n') << QByteArray("*** nickname refused (longer than 32 characters): you are still alice");
        QTest::newRow("33 chinese") << "/nick " + QString(33, QChar(0x660e)).toUtf8()
                                    << QByteArray("*** nickname refused (longer than 32 characters): you are still alice");
        QTest::newRow("32 chinese, 96 bytes") << "/nick " + QString(32, QChar(0x660e)).toUtf8()
                                              << "*** you are now " + QString(32, QChar(0x660e)).toUtf8();
        QTest::newRow("32 emoji, 128 bytes") << "/nick " + QString::fromUcs4(std::u32string(32, U'\U0001F600').c_str()).toUtf8()
                                             << "*** you are now " + QString::fromUcs4(std::u32string(32, U'\U0001F600').c_str()).toUtf8();
    }
    void command_nick_refusals()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, answer);
        ChatRoom room(chat(true));
        threeNamed(room);
        room.joined(4, QStringLiteral("w"));
        room.received(4, "émile\n");
        said(room);
        room.received(1, line + "\n");
        const QByteArrayList got = said(room);
        QVERIFY(!got.isEmpty());
        QCOMPARE(got.first(), "1:" + answer);
        if (!answer.startsWith("*** you are now"))
            QCOMPARE(got.size(), 1);   // a refusal is for the asker only
    }

    void command_me()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.received(3, "/me 挥手 \x1b[5mblink\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:* 小明 挥手 ?[5mblink", "2:* 小明 挥手 ?[5mblink"}));
        QCOMPARE(transcript, QByteArrayList{"* 小明 挥手 ?[5mblink\n"});
        room.received(3, "/me\n/me   \n");
        QCOMPARE(said(room), (QByteArrayList{"3:*** usage: /me ACTION", "3:*** usage: /me ACTION"}));
    }

    void command_who()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.joined(4, QStringLiteral("w"));   // no nickname yet: not in the room
        said(room);
        room.received(2, "/who\n");
        QCOMPARE(said(room, &transcript), QByteArrayList{"2:*** in the room (3): alice, bob, 小明"});
        QVERIFY(transcript.isEmpty());   // an answer to one member is not the room's talk
        room.received(2, "/WHO me\n");   // any case, anything after it ignored
        QCOMPARE(said(room), QByteArrayList{"2:*** in the room (3): alice, bob, 小明"});
        room.received(2, "/whoami\n");   // a word of its own: not /who
        QCOMPARE(said(room), QByteArrayList{"2:*** unknown command /whoami: /help lists them, //TEXT sends a line that starts with /"});
    }

    void command_who_withoutNicknamesListsAddressesAndUnixIds()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("127.0.0.1:1001"));
        room.joined(2, QStringLiteral("[::1]:1002"));
        room.joined(7, {});
        said(room);
        room.received(7, "/who\n");
        QCOMPARE(said(room), QByteArrayList{"7:*** in the room (3): 127.0.0.1:1001, [::1]:1002, client 7"});
        // And /msg reaches each of them by that name.
        room.received(1, "/msg client 7 over the unix socket\n/msg [::1]:1002 hi\n");
        QCOMPARE(said(room), (QByteArrayList{"7:*127.0.0.1:1001* over the unix socket", "1:-> *client 7* over the unix socket",
                                          "2:*127.0.0.1:1001* hi", "1:-> *[::1]:1002* hi"}));
        // A nickname replaces the address, with or without --nicknames.
        room.received(7, "/nick 老师\n");
        QCOMPARE(said(room), (QByteArrayList{"7:*** you are now 老师", "1:*** client 7 is now 老师", "2:*** client 7 is now 老师"}));
    }

    void command_who_namesAtMostItsLimit()
    {
        ChatRoom room(chat(true));
        const int members = limits::kChatWhoMaxNames + 5;
        for (int i = 1; i <= members; ++i) {
            room.joined(quint64(i), QStringLiteral("x"));
            room.received(quint64(i), "n" + QByteArray::number(i) + "\n");
        }
        said(room);
        room.received(1, "/who\n");
        const QByteArrayList got = said(room);
        QCOMPARE(got.size(), 1);
        QVERIFY(got.first().startsWith("1:*** in the room (105): n1, n2, "));
        QVERIFY2(got.first().endsWith(", n100, and 5 more"), got.first().right(40).constData());
    }

    void command_msg()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.received(1, "/msg 小明 悄悄话 \x1b]0;title\x07\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"3:*alice* 悄悄话 ?]0;title?", "1:-> *小明* 悄悄话 ?]0;title?"}));
        QVERIFY(transcript.isEmpty());   // private: not even the server's screen
        room.received(1, "/msg BOB\tsee you\n");   // the name in any case, a tab after it
        QCOMPARE(said(room), (QByteArrayList{"2:*alice* see you", "1:-> *bob* see you"}));
        room.received(1, "/msg carol hi\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** no one here is called carol: not sent"});
        room.received(1, "/msg \x1b[2J hi\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** no one here is called ?[2J: not sent"});
        room.received(1, "/msg alice note to self\n/msg ALICE again\n");
        QCOMPARE(said(room), (QByteArrayList{"1:*** that is you: not sent", "1:*** that is you: not sent"}));
        room.received(1, "/msg bob\n/msg bob   \n/msg\n");
        QCOMPARE(said(room), (QByteArrayList{"1:*** usage: /msg NAME TEXT", "1:*** usage: /msg NAME TEXT", "1:*** usage: /msg NAME TEXT"}));
        // Someone without a nickname yet is nobody's to reach.
        room.joined(4, QStringLiteral("w"));
        said(room);
        room.received(1, "/msg w hi\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** no one here is called w: not sent"});
    }

    void command_topic()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.received(2, "/topic\n");
        QCOMPARE(said(room), QByteArrayList{"2:*** no topic"});
        room.received(2, "/topic 第三课：套接字\r\x1b[8m\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:*** bob set the topic: 第三课：套接字??[8m", "2:*** bob set the topic: 第三课：套接字??[8m",
                                                       "3:*** bob set the topic: 第三课：套接字??[8m"}));
        QCOMPARE(transcript, QByteArrayList{"*** bob set the topic: 第三课：套接字??[8m\n"});
        room.received(3, "/topic\n");
        QCOMPARE(said(room), QByteArrayList{"3:*** topic: 第三课：套接字??[8m"});
        // A joiner is told it once it is in the room.
        room.joined(4, QStringLiteral("w"));
        room.received(4, "dave\n");
        QCOMPARE(said(room), (QByteArrayList{"4:*** welcome: send your nickname on the first line", "4:*** you are dave",
                                          "4:*** topic: 第三课：套接字??[8m", "1:*** dave joined", "2:*** dave joined", "3:*** dave joined"}));
        // Bounded in bytes: 100 Chinese characters fit, 101 do not.
        const QByteArray longest = QString(100, QChar(0x8bfe)).toUtf8();
        room.received(1, "/topic " + longest + "字\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** topic refused (longer than 300 bytes)"});
        room.received(1, "/topic " + longest + "\n");
        QCOMPARE(said(room).size(), 4);
    }

    void command_topic_toldToJoinerWithoutNicknames()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("127.0.0.1:1"));
        room.received(1, "/topic quiet please\n");
        said(room);
        room.joined(2, QStringLiteral("127.0.0.1:2"));
        QCOMPARE(said(room), (QByteArrayList{"2:*** you are 127.0.0.1:2", "2:*** topic: quiet please", "1:*** 127.0.0.1:2 joined"}));
    }

    void command_quit_closesAfterTheNotice()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        // What follows /quit in the same read is not heard.
        room.received(2, "last words\n/quit see you\nafter quitting\n");
        std::vector<ChatRoom::Delivery> out = room.take();
        QCOMPARE(out.size(), size_t(7));   // 2 + transcript for the line, "bye", 2 + transcript for "left"
        QByteArrayList lines;
        for (const ChatRoom::Delivery &delivery : out) {
            lines << QByteArray::number(delivery.to) + ':' + delivery.bytes + (delivery.close ? " [close]" : "");
            QVERIFY(delivery.to == 2 || !delivery.close);
        }
        QCOMPARE(lines, (QByteArrayList{"0:bob: last words\n", "1:bob: last words\n", "3:bob: last words\n", "2:*** bye\n [close]",
                                     "0:*** bob left\n", "1:*** bob left\n", "3:*** bob left\n"}));
        QCOMPARE(room.memberCount(), 2);
        // The engine's later report that its connection ended says nothing more; its name is free.
        room.received(2, "more\n");
        room.left(2);
        QCOMPARE(said(room), QByteArrayList{});
        room.joined(4, QStringLiteral("w"));
        room.received(4, "Bob\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"4:*** welcome: send your nickname on the first line", "4:*** you are Bob",
                                                       "1:*** Bob joined", "3:*** Bob joined"}));
    }

    void command_quit_beforeANicknameAndAsALastUnfinishedLine()
    {
        ChatRoom room(chat(true));
        threeNamed(room);
        room.joined(4, QStringLiteral("w"));
        said(room);
        room.received(4, " /QUIT\n");   // never in the room: nobody is told
        std::vector<ChatRoom::Delivery> out = room.take();
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().to, quint64(4));
        QCOMPARE(out.front().bytes, QByteArray("*** bye\n"));
        QVERIFY(out.front().close);
        // A client that closes right after typing /quit (no newline): it leaves once, and its
        // "bye" is not handed out, since its connection is already gone.
        room.received(1, "/quit");
        room.left(1);
        QCOMPARE(said(room), (QByteArrayList{"2:*** alice left", "3:*** alice left"}));
    }

    // Found by replaying generated command sessions through fuzz_chatroom: a last unfinished
    // "/nick" or "/who" of a client that left was answered to the connection that was gone.
    void left_lastUnfinishedCommandAnswersNoOne()
    {
        ChatRoomConfig config;
        config.enabled = true;
        config.nicknames = true;
        ChatRoom room(config);
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        room.received(1, "alice\n");
        room.received(2, "bob\n");
        room.take();
        room.received(2, "/who");
        room.left(2);
        QCOMPARE(said(room), (QByteArrayList{"1:*** bob left"}));
        room.received(1, "/nick carol");
        room.left(1);
        for (const ChatRoom::Delivery &delivery : room.take())
            QVERIFY2(delivery.to != 1, delivery.bytes.constData());
        QCOMPARE(room.memberCount(), 0);
    }

    void command_help_unknownAndDoubleSlash()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.received(1, "/help\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** commands: /nick NAME, /me ACTION, /who, /msg NAME TEXT, /topic [TEXT], /quit, /help; "
                                         "//TEXT sends a line that starts with /"});
        room.received(1, "/kick bob\n/\n/ spaced\n/\x1b[2J\n");
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:*** unknown command /kick: /help lists them, //TEXT sends a line that starts with /",
                                                       "1:*** unknown command /: /help lists them, //TEXT sends a line that starts with /",
                                                       "1:*** unknown command /: /help lists them, //TEXT sends a line that starts with /",
                                                       "1:*** unknown command /?[2J: /help lists them, //TEXT sends a line that starts with /"}));
        QVERIFY(transcript.isEmpty());
        room.received(1, "//etc/hosts is a file\n  //who\n//\n");
        QCOMPARE(said(room), (QByteArrayList{"2:alice: /etc/hosts is a file", "3:alice: /etc/hosts is a file", "2:alice: /who", "3:alice: /who",
                                          "2:alice: /", "3:alice: /"}));
        // A slash inside a line is just text; a line that does not start with one is a message.
        room.received(1, "a/b and /who\n");
        QCOMPARE(said(room), (QByteArrayList{"2:alice: a/b and /who", "3:alice: a/b and /who"}));
    }

    // Thousands of /who in one read (a client that writes without reading): the room answers a
    // bounded amount, says once that the rest is ignored, and answers again after the next take.
    void command_floodIsBoundedPerRound()
    {
        ChatRoom room(chat(true));
        threeNamed(room);
        room.received(1, QByteArray("/who\n").repeated(100000));
        qsizetype toAlice = 0;
        int warnings = 0;
        for (const ChatRoom::Delivery &delivery : room.take()) {
            QCOMPARE(delivery.to, quint64(1));
            toAlice += delivery.bytes.size();
            warnings += delivery.bytes.startsWith("*** too many commands at once") ? 1 : 0;
        }
        QVERIFY2(toAlice <= limits::kChatMaxRepliesPerRound + 200, qPrintable(QString::number(toAlice)));
        QCOMPARE(warnings, 1);
        room.received(1, "/who\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** in the room (3): alice, bob, 小明"});
        // Refused nicknames in a flood are bounded the same way.
        room.joined(4, QStringLiteral("w"));
        said(room);
        room.received(4, QByteArray("a b\n").repeated(100000));
        qsizetype toNameless = 0;
        for (const ChatRoom::Delivery &delivery : room.take())
            toNameless += delivery.bytes.size();
        QVERIFY2(toNameless <= limits::kChatMaxRepliesPerRound + 200, qPrintable(QString::number(toNameless)));
        // Plain lines to the others are not answers: they are not cut (the engine's queues bound them).
        room.received(2, QByteArray("hi\n").repeated(30000));
        QCOMPARE(room.take().size(), size_t(3 * 30000));
    }

    // A megabyte on one line, then commands: the line is refused without being buffered, the
    // commands after it work.
    void command_hugeLineThenCommands()
    {
        ChatRoom room(chat(true));
        threeNamed(room);
        const QByteArray megabyte(1024 * 1024, 'm');
        for (int i = 0; i < 16; ++i)
            room.received(1, megabyte.sliced(i * 65536, 65536));
        room.received(1, "\n/who\n/me is back\n");
        QCOMPARE(said(room), (QByteArrayList{"1:*** line too long (more than 8192 bytes): not relayed", "1:*** in the room (3): alice, bob, 小明",
                                          "2:* alice is back", "3:* alice is back"}));
        room.received(1, "/msg bob " + QByteArray(9000, 'x') + "\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** line too long (more than 8192 bytes): not relayed"});
    }

    // ── The server's own commands (mute, remove, topic, notice) and the members' events ───────

    static QByteArrayList events(ChatRoom &room)
    {
        static const char *const kinds[] = {"joined", "renamed", "left", "muted", "unmuted", "topic"};
        QByteArrayList out;
        for (const ChatMemberEvent &event : room.takeEvents()) {
            QByteArray line = QByteArray(kinds[static_cast<int>(event.kind)]) + ' ' + QByteArray::number(event.id);
            if (!event.name.isEmpty() || event.kind == ChatMemberEvent::Kind::Topic)
                line += ' ' + event.name;
            if (!event.address.isEmpty())
                line += " @" + event.address.toUtf8();
            out << line;
        }
        return out;
    }

    static bool run(ChatRoom &room, ChatCommand::Kind kind, quint64 id, const QByteArray &text = {})
    {
        return room.command(ChatCommand{kind, id, text});
    }

    void admin_eventsTellWhoIsIn()
    {
        ChatRoom room(chat(true));
        room.joined(1, QStringLiteral("127.0.0.1:1001"));
        QCOMPARE(events(room), QByteArrayList{});   // no name yet: not in the room
        room.received(1, "Alice\n");
        room.joined(2, QStringLiteral("[::1]:1002"));
        room.received(2, "小明\n");
        QCOMPARE(events(room), (QByteArrayList{"joined 1 Alice @127.0.0.1:1001", "joined 2 小明 @[::1]:1002"}));
        room.received(2, "/nick 小红\n");
        room.received(1, "/nick 小红\n");   // taken: nothing changes
        QCOMPARE(events(room), QByteArrayList{"renamed 2 小红"});
        room.received(1, "/topic 第一课\n");
        QCOMPARE(events(room), QByteArrayList{"topic 0 第一课"});
        // Muted before it has a name: the list hears of the mute right after the join.
        room.joined(3, QStringLiteral("127.0.0.1:1003"));
        QVERIFY(run(room, ChatCommand::Kind::Mute, 3));
        QCOMPARE(events(room), QByteArrayList{});
        room.received(3, "bob\n");
        QCOMPARE(events(room), (QByteArrayList{"joined 3 bob @127.0.0.1:1003", "muted 3"}));
        // Every way out is "left"; one without a name never joined.
        room.joined(4, QStringLiteral("127.0.0.1:1004"));
        room.left(4);
        room.received(1, "/quit\n");
        room.left(2);
        QVERIFY(run(room, ChatCommand::Kind::Remove, 3));
        QCOMPARE(events(room), (QByteArrayList{"left 1", "left 2", "left 3"}));
        QCOMPARE(room.memberCount(), 0);
        // Without nicknames the address is the name, and joining is at once.
        ChatRoom plain(chat(false));
        plain.joined(7, {});
        QCOMPARE(events(plain), QByteArrayList{"joined 7 client 7"});
    }

    void admin_muteStopsRelayingAndIsToldOnce()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.takeEvents();
        QVERIFY(run(room, ChatCommand::Kind::Mute, 2));
        QCOMPARE(said(room, &transcript), QByteArrayList{"2:*** you are muted by the server"});
        QVERIFY(!run(room, ChatCommand::Kind::Mute, 2));   // twice: told once
        QCOMPARE(said(room), QByteArrayList{});
        QCOMPARE(events(room), QByteArrayList{"muted 2"});
        // Nothing it says reaches the others, in any form; each is refused to it alone.
        room.received(2, "hello\n//etc\n/me waves\n/msg alice hi\n/topic mine\n/nick bobby\n/ME again\n");
        QCOMPARE(said(room, &transcript), QByteArrayList(7, "2:*** you are muted: not sent"));
        // Asking still works: /who, /help, the topic; an empty line is nothing.
        room.received(2, "/who\n/topic\n\n/help\n");
        const QByteArrayList asked = said(room);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked[0], QByteArray("2:*** in the room (3): alice, bob, 小明"));
        QCOMPARE(asked[1], QByteArray("2:*** no topic"));
        QVERIFY(asked[2].startsWith("2:*** commands: "));
        QCOMPARE(transcript, QByteArrayList{});   // the server's screen saw none of it
        // The others still talk, and it hears them.
        room.received(1, "hi all\n");
        QCOMPARE(said(room), (QByteArrayList{"2:alice: hi all", "3:alice: hi all"}));
        QVERIFY(run(room, ChatCommand::Kind::Unmute, 2));
        QCOMPARE(said(room), QByteArrayList{"2:*** you may speak again"});
        QVERIFY(!run(room, ChatCommand::Kind::Unmute, 2));
        QCOMPARE(said(room), QByteArrayList{});
        QCOMPARE(events(room), QByteArrayList{"unmuted 2"});
        room.received(2, "thanks\n");
        QCOMPARE(said(room), (QByteArrayList{"1:bob: thanks", "3:bob: thanks"}));
        // /quit still works while muted.
        QVERIFY(run(room, ChatCommand::Kind::Mute, 3));
        room.received(3, "/quit\n");
        QCOMPARE(said(room), (QByteArrayList{"3:*** you are muted by the server", "3:*** bye", "1:*** 小明 left", "2:*** 小明 left"}));
    }

    // A muted member that floods lines without reading: its refusals are bounded per round, as
    // answers to commands are.
    void admin_mutedFloodIsBounded()
    {
        ChatRoom room(chat(false));
        room.joined(1, QStringLiteral("a"));
        room.joined(2, QStringLiteral("b"));
        QVERIFY(run(room, ChatCommand::Kind::Mute, 1));
        said(room);
        QByteArray flood;
        for (int i = 0; i < 20000; ++i)
            flood += "x\n";
        room.received(1, flood);
        qsizetype bytes = 0;
        int warned = 0;
        for (const QByteArray &line : said(room)) {
            QVERIFY2(line.startsWith("1:"), line.constData());
            bytes += line.size() - 2 + 1;   // without "1:", with its LF
            warned += line.contains("too many commands at once");
        }
        QCOMPARE(warned, 1);
        QVERIFY(bytes < limits::kChatMaxRepliesPerRound + 200);
    }

    void admin_removeClosesInOrderAndTheOthersAreTold()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.takeEvents();
        room.received(2, "last words\n");
        QVERIFY(run(room, ChatCommand::Kind::Remove, 2));
        const std::vector<ChatRoom::Delivery> out = room.take();
        QByteArrayList lines;
        for (const ChatRoom::Delivery &delivery : out) {
            if (delivery.to == ChatRoom::kTranscript) {
                transcript << delivery.bytes;
                continue;
            }
            lines << QByteArray::number(delivery.to) + ':' + delivery.bytes.trimmed();
            // Only its last line closes, and that close is the server's, not a /quit.
            QCOMPARE(delivery.close, delivery.to == 2 && delivery.bytes == "*** removed by the server\n");
            QCOMPARE(delivery.removed, delivery.close);
        }
        QCOMPARE(lines, (QByteArrayList{"1:bob: last words", "3:bob: last words", "2:*** removed by the server",
                                        "1:*** bob was removed", "3:*** bob was removed"}));
        QCOMPARE(transcript, (QByteArrayList{"bob: last words\n", "*** bob was removed\n"}));
        QCOMPARE(events(room), QByteArrayList{"left 2"});
        QCOMPARE(room.memberCount(), 2);
        // What it still sends before its connection closes is not heard; its leaving says nothing more.
        room.received(2, "after\n");
        room.left(2);
        QCOMPARE(said(room), QByteArrayList{});
        QCOMPARE(events(room), QByteArrayList{});
        // Its name is free again.
        room.joined(4, QStringLiteral("w"));
        room.received(4, "BOB\n");
        QCOMPARE(said(room), (QByteArrayList{"4:*** welcome: send your nickname on the first line", "4:*** you are BOB",
                                             "1:*** BOB joined", "3:*** BOB joined"}));
    }

    // The race of a click and a departure: the command arrives after the member left.
    void admin_commandsForAMemberThatLeftDoNothing()
    {
        ChatRoom room(chat(true));
        threeNamed(room);
        room.left(2);
        said(room);
        room.takeEvents();
        for (const auto kind : {ChatCommand::Kind::Remove, ChatCommand::Kind::Mute, ChatCommand::Kind::Unmute})
            for (const quint64 id : {quint64(2), quint64(99), quint64(0)})
                QVERIFY(!run(room, kind, id));
        QCOMPARE(said(room), QByteArrayList{});
        QCOMPARE(events(room), QByteArrayList{});
        // One that has no name yet is removed quietly: nobody knew it was there.
        room.joined(5, QStringLiteral("v"));
        said(room);
        QVERIFY(run(room, ChatCommand::Kind::Remove, 5));
        QCOMPARE(said(room), QByteArrayList{"5:*** removed by the server"});
        QCOMPARE(events(room), QByteArrayList{});
    }

    void admin_topic()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        room.takeEvents();
        QVERIFY(run(room, ChatCommand::Kind::Topic, 0, "  第一课：套接字\x1b[31m\r\n"));
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:*** the server set the topic: 第一课：套接字?[31m",
                                                          "2:*** the server set the topic: 第一课：套接字?[31m",
                                                          "3:*** the server set the topic: 第一课：套接字?[31m"}));
        QCOMPARE(transcript, QByteArrayList{"*** the server set the topic: 第一课：套接字?[31m\n"});
        QCOMPARE(events(room), QByteArrayList{"topic 0 第一课：套接字?[31m"});
        // A LF inside cannot start a line of its own.
        QVERIFY(run(room, ChatCommand::Kind::Topic, 0, "one\ntwo"));
        QCOMPARE(said(room).first(), QByteArray("1:*** the server set the topic: one?two"));
        // A newcomer is told, as after /topic.
        room.joined(4, QStringLiteral("w"));
        room.received(4, "dave\n");
        QCOMPARE(said(room).mid(0, 3), (QByteArrayList{"4:*** welcome: send your nickname on the first line",
                                                       "4:*** you are dave", "4:*** topic: one?two"}));
        // 300 bytes (100 Chinese characters) and no more.
        const QByteArray hundred = QString(100, QChar(0x4e2d)).toUtf8();
        QCOMPARE(hundred.size(), 300);
        QVERIFY(ChatRoom::topicProblem(hundred).isEmpty());
        QVERIFY(run(room, ChatCommand::Kind::Topic, 0, hundred));
        said(room);
        QCOMPARE(ChatRoom::topicProblem(hundred + "x"), QStringLiteral("longer than 300 bytes"));
        QVERIFY(!run(room, ChatCommand::Kind::Topic, 0, hundred + "x"));
        QVERIFY(!run(room, ChatCommand::Kind::Topic, 0, QByteArray(1 << 20, 'x')));
        QCOMPARE(said(room), QByteArrayList{});
        QCOMPARE(room.topic(), hundred);
        // Empty clears it (once).
        room.takeEvents();
        QVERIFY(run(room, ChatCommand::Kind::Topic, 0, " \r\n"));
        QCOMPARE(said(room).first(), QByteArray("1:*** the server cleared the topic"));
        QCOMPARE(events(room), QByteArrayList{"topic 0 "});
        QVERIFY(!run(room, ChatCommand::Kind::Topic, 0, {}));
        room.received(1, "/topic\n");
        QCOMPARE(said(room), QByteArrayList{"1:*** no topic"});
    }

    void admin_notice()
    {
        ChatRoom room(chat(true));
        QByteArrayList transcript;
        threeNamed(room);
        // Reaches every member (and the server's screen), as one line per line of the text.
        QVERIFY(run(room, ChatCommand::Kind::Notice, 0, "下课了\nhomework: page 3"));
        QCOMPARE(said(room, &transcript), (QByteArrayList{"1:*** notice: 下课了", "2:*** notice: 下课了", "3:*** notice: 下课了",
                                                          "1:*** notice: homework: page 3", "2:*** notice: homework: page 3",
                                                          "3:*** notice: homework: page 3"}));
        QCOMPARE(transcript, (QByteArrayList{"*** notice: 下课了\n", "*** notice: homework: page 3\n"}));
        // CR LF ends a line; blank lines are skipped; any other control character is made visible,
        // so no line of a notice can pretend to be something else.
        QVERIFY(run(room, ChatCommand::Kind::Notice, 0, "a\r\n\r\n  \n\x1b[2Jb\rc\x7f\n"));
        QCOMPARE(said(room), (QByteArrayList{"1:*** notice: a", "2:*** notice: a", "3:*** notice: a", "1:*** notice: ?[2Jb?c?",
                                             "2:*** notice: ?[2Jb?c?", "3:*** notice: ?[2Jb?c?"}));
        // Limited like a line, in all: 8192 bytes pass, one more (or 1 MB) is refused whole.
        const QByteArray full(limits::kChatMaxLineBytes, 'n');
        QVERIFY(ChatRoom::noticeProblem(full, limits::kChatMaxLineBytes).isEmpty());
        QVERIFY(run(room, ChatCommand::Kind::Notice, 0, full));
        QCOMPARE(said(room).size(), 3);
        QCOMPARE(ChatRoom::noticeProblem(full + 'n', limits::kChatMaxLineBytes), QStringLiteral("longer than 8192 bytes"));
        QVERIFY(!run(room, ChatCommand::Kind::Notice, 0, full + 'n'));
        QVERIFY(!run(room, ChatCommand::Kind::Notice, 0, QByteArray(1 << 20, '\n')));
        QCOMPARE(ChatRoom::noticeProblem(" \r\n\t", limits::kChatMaxLineBytes), QStringLiteral("empty"));
        QVERIFY(!run(room, ChatCommand::Kind::Notice, 0, " \r\n\t"));
        QCOMPARE(said(room), QByteArrayList{});
        // One who has no name yet is not in the room: it hears no notice.
        room.joined(4, QStringLiteral("w"));
        said(room);
        QVERIFY(run(room, ChatCommand::Kind::Notice, 0, "x"));
        QCOMPARE(said(room), (QByteArrayList{"1:*** notice: x", "2:*** notice: x", "3:*** notice: x"}));
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
    // The server's own user runs the room through TcpServer, with tutorial-style python clients
    // (Chinese nicknames): the members' events, mute, rename, topic, notice, remove, and a
    // command that arrives after its member left.
    void server_adminCommands_data() { addModels(); }
    void server_adminCommands()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy joined(&server, &TcpServer::chatMemberJoined);
        QSignalSpy renamed(&server, &TcpServer::chatMemberRenamed);
        QSignalSpy leftRoom(&server, &TcpServer::chatMemberLeft);
        QSignalSpy muted(&server, &TcpServer::chatMemberMuted);
        QSignalSpy topic(&server, &TcpServer::chatTopicChanged);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        QByteArray transcript;
        connect(&server, &TcpServer::chatTranscript, this, [&](const QByteArray &lines) { transcript += lines; });
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(true);
        // Not in chat mode (not running): nothing is queued.
        QVERIFY(!server.muteChatMember(1, true));
        QVERIFY(!server.removeChatMember(1));
        QVERIFY(!server.sendChatNotice(QStringLiteral("x")).isEmpty());
        const quint16 port = start(server, config);
        QVERIFY(port);

        Client a, b, c;
        const auto join = [&](Client &client, const QByteArray &name) {
            if (!connectClient(client, port) || !expect(client, "*** welcome: send your nickname on the first line"))
                return quint64(0);
            client.peer.write(name + '\n');
            if (!expect(client, "*** you are " + name) || (joined.isEmpty() && !joined.wait(20000)))
                return quint64(0);
            const QList<QVariant> event = joined.takeFirst();
            if (event.at(1).toString() != QString::fromUtf8(name) || event.at(2).toString() != QString::fromUtf8(client.address())
                || !event.at(3).toDateTime().isValid())
                return quint64(0);
            return event.at(0).value<quint64>();
        };
        const quint64 idA = join(a, "老师");
        QVERIFY(idA);
        const quint64 idB = join(b, "小明");
        QVERIFY(idB);
        QVERIFY(expect(a, "*** 小明 joined"));
        const quint64 idC = join(c, "bob");
        QVERIFY(idC);
        QVERIFY(expect(a, "*** bob joined"));
        QVERIFY(expect(b, "*** bob joined"));
        QCOMPARE(server.chatMembers().size(), 3);
        QCOMPARE(server.chatMembers().at(1).name, QStringLiteral("小明"));
        QCOMPARE(server.chatMembers().at(1).address, QString::fromUtf8(b.address()));

        c.peer.write("/nick 小红\n");
        QVERIFY(expect(c, "*** you are now 小红"));
        QVERIFY(expect(a, "*** bob is now 小红"));
        QVERIFY(expect(b, "*** bob is now 小红"));
        QTRY_COMPARE_WITH_TIMEOUT(renamed.size(), 1, 20000);
        QCOMPARE(renamed.first().at(0).value<quint64>(), idC);
        QCOMPARE(renamed.first().at(1).toString(), QStringLiteral("小红"));
        QCOMPARE(server.chatMembers().at(2).name, QStringLiteral("小红"));

        // Muted: told once (muting twice says nothing more); what it says reaches no one.
        QVERIFY(server.muteChatMember(idB, true));
        QVERIFY(server.muteChatMember(idB, true));
        QVERIFY(expect(b, "*** you are muted by the server"));
        QTRY_COMPARE_WITH_TIMEOUT(muted.size(), 1, 20000);
        QCOMPARE(muted.first().at(0).value<quint64>(), idB);
        QVERIFY(muted.first().at(1).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(server.chatMembers().at(1).muted, 20000);
        b.peer.write("悄悄话\n");
        QVERIFY(expect(b, "*** you are muted: not sent"));
        b.peer.write("/who\n");
        QVERIFY(expect(b, "*** in the room (3): 老师, 小明, 小红"));
        // The room took b's line before c's: the next line a and c hear is c's, not b's.
        c.peer.write("我在\n");
        QVERIFY(expect(a, "小红: 我在"));
        QVERIFY(expect(b, "小红: 我在"));

        // Topic and notice from the server reach everyone, the LF of a notice starting a new line.
        QCOMPARE(server.setChatTopic(QStringLiteral("第一课：套接字")), QString());
        for (Client *client : {&a, &b, &c})
            QVERIFY(expect(*client, "*** the server set the topic: 第一课：套接字"));
        QTRY_COMPARE_WITH_TIMEOUT(topic.size(), 1, 20000);
        QCOMPARE(topic.first().at(0).toString(), QStringLiteral("第一课：套接字"));
        QCOMPARE(server.chatTopic(), QStringLiteral("第一课：套接字"));
        QCOMPARE(server.sendChatNotice(QStringLiteral("下课了\r\n\x1b[2J作业：第3页")), QString());
        for (Client *client : {&a, &b, &c}) {
            QVERIFY(expect(*client, "*** notice: 下课了"));
            QVERIFY(expect(*client, "*** notice: ?[2J作业：第3页"));
        }
        // Refused before anything is queued: 1 MB of notice, a topic over 300 bytes.
        QCOMPARE(server.sendChatNotice(QString(1 << 20, QLatin1Char('x'))), QStringLiteral("longer than 8192 bytes"));
        QCOMPARE(server.setChatTopic(QString(101, QChar(0x4e2d))), QStringLiteral("longer than 300 bytes"));

        QVERIFY(server.muteChatMember(idB, false));
        QVERIFY(expect(b, "*** you may speak again"));
        b.peer.write("谢谢\n");
        QVERIFY(expect(a, "小明: 谢谢"));
        QVERIFY(expect(c, "小明: 谢谢"));

        // Removed: told, then its connection closes in order (the python client sees EOF); the
        // others hear it was removed.
        QVERIFY(server.removeChatMember(idB));
        QVERIFY(expect(b, "*** removed by the server"));
        QCOMPARE(b.peer.readLine(20000), QByteArray("closed"));
        QVERIFY(expect(a, "*** 小明 was removed"));
        QVERIFY(expect(c, "*** 小明 was removed"));
        QTRY_COMPARE_WITH_TIMEOUT(leftRoom.size(), 1, 20000);
        QCOMPARE(leftRoom.first().at(0).value<quint64>(), idB);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 20000);
        QCOMPARE(disconnected.first().at(0).value<quint64>(), idB);
        QCOMPARE(disconnected.first().at(1).toString(), QStringLiteral("removed from the chat room by the server"));
        QCOMPARE(server.chatMembers().size(), 2);

        // Commands for it now (the click that came too late) do nothing; the room goes on.
        QVERIFY(server.removeChatMember(idB));
        QVERIFY(server.muteChatMember(idB, true));
        QCOMPARE(server.sendChatNotice(QStringLiteral("还在")), QString());
        QVERIFY(expect(a, "*** notice: 还在"));
        QVERIFY(expect(c, "*** notice: 还在"));

        // The server's screen saw the public side, the refusals and mute notices not.
        QTRY_VERIFY_WITH_TIMEOUT(transcript.endsWith("*** notice: 还在\n"), 20000);
        QVERIFY(transcript.contains("*** the server set the topic: 第一课：套接字\n*** notice: 下课了\n"));
        QVERIFY(transcript.contains("*** 小明 was removed\n"));
        QVERIFY(!transcript.contains("悄悄话"));
        QVERIFY(!transcript.contains("muted"));
        QCOMPARE(leftRoom.size(), 1);
        QCOMPARE(muted.size(), 2);   // muted, unmuted: the mute after it left changed nothing

        // Stopping empties the room: the list hears every member leave.
        server.stopAndWait();
        QCOMPARE(leftRoom.size(), 3);
        QVERIFY(server.chatMembers().isEmpty());
    }

    // A member that never reads, with the server's notices piling up for it: removing it does not
    // wait for it (the room says so at once), and its connection ends within the close timeout.
    void server_removeAMemberThatNeverReads_data() { addModels(); }
    void server_removeAMemberThatNeverReads()
    {
        QFETCH(ServerModel, model);
        TcpServer server;
        QSignalSpy joined(&server, &TcpServer::chatMemberJoined);
        QSignalSpy leftRoom(&server, &TcpServer::chatMemberLeft);
        QSignalSpy disconnected(&server, &TcpServer::clientDisconnected);
        TcpServerConfig config;
        config.model = model;
        config.chat = chat(false);
        config.stallTimeout = std::chrono::milliseconds(0);   // only the removal may end it
        config.closeTimeout = std::chrono::milliseconds(500);
        const quint16 port = start(server, config);
        QVERIFY(port);
        Client a;
        QVERIFY(connectClient(a, port));
        QVERIFY(expect(a, "*** you are " + a.address()));
        Peer idle;
        QVERIFY(idle.startPython(QStringLiteral("tcp_idle_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        const QByteArray idleLine = idle.readLine();
        QVERIFY(idleLine.startsWith("connected "));
        const QByteArray idleAddress = "127.0.0.1:" + idleLine.mid(10);
        QVERIFY(expect(a, "*** " + idleAddress + " joined"));
        QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 2, 20000);
        const quint64 idleId = joined.at(1).at(0).value<quint64>();
        QCOMPARE(joined.at(1).at(2).toString(), QString::fromUtf8(idleAddress));

        // 2 MB of notices: more than the idle client's socket buffers take.
        const QString text(8000, QLatin1Char('n'));
        for (int i = 0; i < 256; ++i)
            QCOMPARE(server.sendChatNotice(text), QString());
        for (int i = 0; i < 256; ++i)
            QVERIFY(expect(a, "*** notice: " + text.toUtf8()));
        QVERIFY(server.removeChatMember(idleId));
        QVERIFY(expect(a, "*** " + idleAddress + " was removed"));
        QTRY_COMPARE_WITH_TIMEOUT(leftRoom.size(), 1, 20000);
        QCOMPARE(leftRoom.first().at(0).value<quint64>(), idleId);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 20000);
        QCOMPARE(disconnected.first().at(0).value<quint64>(), idleId);
        QCOMPARE(server.sendChatNotice(QStringLiteral("fine")), QString());
        QVERIFY(expect(a, "*** notice: fine"));
        idle.closeWrite();
        server.stopAndWait();
    }
};

QTEST_GUILESS_MAIN(TestChatRoom)
#include "tst_chatroom.moc"
