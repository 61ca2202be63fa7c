// The lines a chat client receives (docs/CHAT.md's table "Every line a client receives is one of
// these"), classified by parseChatLine; who "I" am from the server's notices; and what a hostile or
// careless peer sends: controls, direction overrides, invalid UTF-8, a 1 MB line, a line without
// its LF, names that only look like names.

#include "text/chatline.h"

#include <QTest>

using namespace socketeer;

Q_DECLARE_METATYPE(socketeer::ChatLineKind)

class TestChatLine : public QObject {
    Q_OBJECT

private slots:
    void parse_everyRowOfTheTable_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<ChatLineKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *tag, const char *line, ChatLineKind kind, const char *name, const char *text) {
            QTest::newRow(tag) << QByteArray(line) << kind << QString::fromUtf8(name) << QString::fromUtf8(text);
        };
        using K = ChatLineKind;
        // The server's notices, every one CHAT.md lists.
        row("welcome", "*** welcome: send your nickname on the first line", K::Notice, "", "welcome: send your nickname on the first line");
        row("you are", "*** you are alice", K::Notice, "", "you are alice");
        row("topic", "*** topic: 第一课：套接字", K::Notice, "", "topic: 第一课：套接字");
        row("joined", "*** 小明 joined", K::Notice, "", "小明 joined");
        row("who", "*** in the room (2): alice, 小明", K::Notice, "", "in the room (2): alice, 小明");
        row("is now", "*** alice is now Alice", K::Notice, "", "alice is now Alice");
        row("you are now", "*** you are now Alice", K::Notice, "", "you are now Alice");
        row("set the topic", "*** alice set the topic: hi: there", K::Notice, "", "alice set the topic: hi: there");
        row("bye", "*** bye", K::Notice, "", "bye");
        row("left", "*** Alice left", K::Notice, "", "Alice left");
        row("error", "*** nickname bob is taken: send another", K::Notice, "", "nickname bob is taken: send another");
        // NAME: TEXT, the first ": " ends NAME.
        row("message", "alice: hello 小明", K::Message, "alice", "hello 小明");
        row("message colon in text", "alice: a: b", K::Message, "alice", "a: b");
        row("message empty text", "alice: ", K::Message, "alice", "");
        row("message ipv4 name", "127.0.0.1:53314: hi", K::Message, "127.0.0.1:53314", "hi");
        row("message ipv6 name", "[::1]:53314: hi", K::Message, "[::1]:53314", "hi");
        row("message client id", "client 7: hi", K::Message, "client 7", "hi");
        row("message chinese", "小明: 你好", K::Message, "小明", "你好");
        // Actions.
        row("action", "* 小明 waves", K::Action, "小明", "waves");
        row("action long", "* bob waves at *everyone* here", K::Action, "bob", "waves at *everyone* here");
        row("action client id", "* client 12 waves", K::Action, "client 12", "waves");
        // Private messages, in and out.
        row("private in", "*alice* see you after class", K::PrivateIn, "alice", "see you after class");
        row("private in star text", "*alice* a* b", K::PrivateIn, "alice", "a* b");
        row("private out", "-> *小明* see you after class", K::PrivateOut, "小明", "see you after class");
        row("private in client id", "*client 7* psst", K::PrivateIn, "client 7", "psst");
        // Anything else: the server's own user, or a peer without the protocol.
        row("plain", "hello everyone", K::Plain, "", "hello everyone");
        row("plain empty", "", K::Plain, "", "");
        row("plain sentence with colon", "Note that: this is plain", K::Plain, "", "Note that: this is plain");
        row("plain no space after colon", "time:12:00", K::Plain, "", "time:12:00");
        row("plain three stars", "***", K::Plain, "", "***");
        row("plain stars no space", "***bold", K::Plain, "", "***bold");
        row("plain star alone", "* ", K::Plain, "", "* ");
        row("plain action without text", "* bob", K::Plain, "", "* bob");
        row("plain emphasis", "*really*", K::Plain, "", "*really*");
        row("plain name starting with slash", "/who: x", K::Plain, "", "/who: x");
        row("plain name starting with star", "*x: hi", K::Plain, "", "*x: hi");
        row("plain arrow without name", "-> ** x", K::Plain, "", "-> ** x");
        row("plain leading colon", ": hi", K::Plain, "", ": hi");
        row("plain private empty name", "** x", K::Plain, "", "** x");
    }
    void parse_everyRowOfTheTable()
    {
        QFETCH(QByteArray, line);
        QFETCH(ChatLineKind, kind);
        QFETCH(QString, name);
        QFETCH(QString, text);
        const ChatLine parsed = parseChatLine(line);
        QCOMPARE(parsed.kind, kind);
        QCOMPARE(parsed.name, name);
        QCOMPARE(parsed.text, text);
    }

    void parse_aNameLongerThanAnyNicknameIsPlain()
    {
        const QByteArray name(kChatNameMaxBytes + 1, 'a');
        QCOMPARE(parseChatLine(name + ": hi").kind, ChatLineKind::Plain);
        QCOMPARE(parseChatLine(QByteArray(kChatNameMaxBytes, 'a') + ": hi").kind, ChatLineKind::Message);
    }

    // What reaches the screen has no raw control: a peer cannot clear the line, colour it or
    // reverse the text after its name.
    void display_controlsAndOverridesAreEscaped_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("ansi colour") << QByteArray("\x1b[31mred\x1b[0m") << QStringLiteral("\\x1B[31mred\\x1B[0m");
        QTest::newRow("carriage return") << QByteArray("good\rbad") << QStringLiteral("good\\rbad");
        QTest::newRow("nul and del") << QByteArray("a\0b\x7f", 4) << QStringLiteral("a\\0b\\x7F");
        QTest::newRow("rtl override") << QByteArray("abc\xe2\x80\xae" "def") << QStringLiteral("abc\\u{202e}def");
        QTest::newRow("line separator") << QByteArray("a\xe2\x80\xa8" "b") << QStringLiteral("a\\u{2028}b");
        QTest::newRow("paragraph separator") << QByteArray("a\xe2\x80\xa9" "b") << QStringLiteral("a\\u{2029}b");
        QTest::newRow("c1 control") << QByteArray("a\xc2\x9b" "2J") << QStringLiteral("a\\x9b2J");
        QTest::newRow("invalid utf-8") << QByteArray("ok\xff\xfe!") << QStringLiteral("ok\\xFF\\xFE!");
        QTest::newRow("truncated chinese") << QByteArray("你\xe5\xa5") << QStringLiteral("你\\xE5\\xA5");
    }
    void display_controlsAndOverridesAreEscaped()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, text);
        QCOMPARE(parseChatLine(line).text, text);
        QCOMPARE(parseChatLine("bob: " + line).text, text);
        for (QChar c : parseChatLine("*** " + line).text)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e && c.unicode() != 0x2028,
                     qPrintable(QString::number(c.unicode(), 16)));
    }

    void display_aNameWithAnOverrideIsEscapedToo()
    {
        const ChatLine line = parseChatLine("ali\xe2\x80\xae" "ce: hi");
        QCOMPARE(line.kind, ChatLineKind::Message);
        QCOMPARE(line.name, QStringLiteral("ali\\u{202e}ce"));
    }

    void decode_withThePanelsEncoding()
    {
        const QByteArray gbk("\xd0\xa1\xc3\xf7: \xc4\xe3\xba\xc3");   // 小明: 你好 in GBK
        const ChatLine line = parseChatLine(gbk, TextEncoding::Gbk);
        QCOMPARE(line.kind, ChatLineKind::Message);
        QCOMPARE(line.name, QStringLiteral("小明"));
        QCOMPARE(line.text, QStringLiteral("你好"));
    }

    void ownName_fromTheServersNotices_data()
    {
        QTest::addColumn<QString>("notice");
        QTest::addColumn<QString>("name");
        QTest::newRow("you are") << QStringLiteral("you are alice") << QStringLiteral("alice");
        QTest::newRow("you are now") << QStringLiteral("you are now 小明") << QStringLiteral("小明");
        QTest::newRow("already") << QStringLiteral("you are already bob") << QStringLiteral("bob");
        QTest::newRow("address") << QStringLiteral("you are 127.0.0.1:5000") << QStringLiteral("127.0.0.1:5000");
        QTest::newRow("client id") << QStringLiteral("you are client 7") << QStringLiteral("client 7");
        QTest::newRow("a name called now") << QStringLiteral("you are now") << QStringLiteral("now");
        QTest::newRow("still, inside an error") << QStringLiteral("nickname x is taken: you are still bob") << QString();
        QTest::newRow("sentence") << QStringLiteral("you are very welcome here") << QString();
        QTest::newRow("empty") << QStringLiteral("you are ") << QString();
        QTest::newRow("other") << QStringLiteral("bob joined") << QString();
    }
    void ownName_fromTheServersNotices()
    {
        QFETCH(QString, notice);
        QFETCH(QString, name);
        QCOMPARE(ownNameFromNotice(notice), name);
    }

    void nameKey_isTheRoomsComparison()
    {
        QCOMPARE(chatNameKey(u"Alice"), chatNameKey(u"alice"));
        QCOMPARE(chatNameKey(u"ａｌｉｃｅ"), chatNameKey(u"ALICE"));
        QVERIFY(chatNameKey(u"аlice") != chatNameKey(u"alice"));   // Cyrillic а: another person
    }

    void nameMixingScripts_isTheLookAlike()
    {
        QVERIFY(chatNameMixesScripts(u"\u0430lice"));        // Cyrillic а, then Latin
        QVERIFY(chatNameMixesScripts(u"B\u03bfb"));          // Greek ο
        QVERIFY(!chatNameMixesScripts(u"alice"));
        QVERIFY(!chatNameMixesScripts(u"\u0430\u043b\u0438\u0441\u0430"));   // all Cyrillic: a Russian name
        QVERIFY(!chatNameMixesScripts(u"小明2"));
        QVERIFY(!chatNameMixesScripts(u"Tom李"));
        QVERIFY(!chatNameMixesScripts(u"127.0.0.1:5000"));
    }

    void reader_splitsLinesWhateverTheChunks()
    {
        ChatReader reader;
        const QByteArray stream("*** you are 小明\r\nalice: hi\n* bob waves\n小明: echo\n-> *bob* x\nplain");
        QList<ChatReader::Item> items;
        for (char c : stream)
            items += reader.push(QByteArrayView(&c, 1));
        QCOMPARE(items.size(), 5);
        QCOMPARE(reader.ownName(), QStringLiteral("小明"));
        QCOMPARE(items.at(0).line.text, QStringLiteral("you are 小明"));   // the CR is dropped
        QCOMPARE(items.at(1).line.kind, ChatLineKind::Message);
        QVERIFY(!items.at(1).own);
        QCOMPARE(items.at(2).line.kind, ChatLineKind::Action);
        QVERIFY(items.at(3).own);   // a room that echoes: my own line, known by my name
        QCOMPARE(items.at(4).line.kind, ChatLineKind::PrivateOut);
        // The last line had no LF: it counts when the connection ends.
        const auto last = reader.finish();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.at(0).line.text, QStringLiteral("plain"));
        QVERIFY(reader.ownName().isEmpty());
    }

    void reader_renamedByTheServer()
    {
        ChatReader reader;
        reader.push("*** you are alice\n");
        reader.push("*** you are now Alice\n");
        QCOMPARE(reader.ownName(), QStringLiteral("Alice"));
        QVERIFY(reader.isOwnName(u"ALICE"));
        QVERIFY(!reader.isOwnName(u"bob"));
    }

    // A 1 MB line is never held whole: it is reported as too long, and the next line counts again.
    void reader_aHugeLineIsBoundedAndSkipped()
    {
        ChatReader reader;
        QList<ChatReader::Item> items;
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 16; ++i) {
            items += reader.push(chunk);
            QVERIFY(reader.push({}).isEmpty());
        }
        items += reader.push("\nbob: after\n");
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).type, ChatReader::Item::Type::TooLong);
        QCOMPARE(items.at(1).line.name, QStringLiteral("bob"));
        QCOMPARE(items.at(1).line.text, QStringLiteral("after"));
    }

    void reader_manyLinesAtOnce()
    {
        ChatReader reader;
        QByteArray flood;
        for (int i = 0; i < 100000; ++i)
            flood += "bob: line " + QByteArray::number(i) + '\n';
        const auto items = reader.push(flood);
        QCOMPARE(items.size(), 100000);
        QCOMPARE(items.last().line.text, QStringLiteral("line 99999"));
    }

    void reader_encodingFollowsThePanel()
    {
        ChatReader reader;
        reader.setEncoding(TextEncoding::Gb18030);
        const auto items = reader.push("\xd0\xa1\xc3\xf7: \xc4\xe3\xba\xc3\n");
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).line.text, QStringLiteral("你好"));
    }
};

QTEST_GUILESS_MAIN(TestChatLine)
#include "tst_chatline.moc"
