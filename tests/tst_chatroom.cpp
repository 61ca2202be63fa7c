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
