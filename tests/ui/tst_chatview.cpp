// The Chat view of the client panel, in a room this project did not write: tests/peers/chat_server.py
// (a select() chat room written from docs/CHAT.md) with the lesson's own client
// (tests/peers/chat_client.py) as the other person. Nickname, own and others' lines, notices, /me,
// /msg, /who, multi-line input and its history, the unread count on the tab, the history kept per
// room and restored, export and search; then a plain line peer (the tutorial's) and a hostile one.

#include "chattest.h"
#include "clipeer.h"
#include "peer.h"

#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "clientpanel.h"
#include "mainwindow.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "settings.h"
#include "trafficcounters.h"

#include "tcp/tcpclient.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

#include <map>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::hasEntry;
using testsupport::hasNotice;
using testsupport::Peer;
using testsupport::say;

namespace {


// The block of the transcript that shows `text`.
QTextBlock blockWith(ChatView *chat, const QString &text)
{
    chat->flush();
    for (QTextBlock block = chat->transcript()->document()->begin(); block.isValid(); block = block.next())
        if (block.text().contains(text))
            return block;
    return {};
}

// The format of the text `text` in `block`.
QTextCharFormat formatOf(const QTextBlock &block, const QString &text)
{
    for (auto it = block.begin(); !it.atEnd(); ++it)
        if (it.fragment().text().contains(text))
            return it.fragment().charFormat();
    return {};
}

// Waits for the peer to print `line` (the lines before it are skipped).
bool peerSaw(Peer &peer, const QByteArray &line)
{
    for (int i = 0; i < 200; ++i) {
        bool ok = false;
        const QByteArray got = peer.readLine(10000, &ok);
        if (!ok)
            return false;
        if (got == line)
            return true;
    }
    return false;
}

} // namespace

class TestChatView : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;
    QString m_history;

    struct Room {
        Peer server;
        Peer bob;
        quint16 port = 0;
    };

    // The room, with bob (the lesson's client) in it already.
    bool openRoom(Room &room)
    {
        if (!room.server.startPython(QStringLiteral("chat_server.py"), {QStringLiteral("0")}))
            return false;
        room.port = room.server.readListeningPort();
        if (!room.port || !room.bob.startPython(QStringLiteral("chat_client.py"), {QStringLiteral("127.0.0.1"), QString::number(room.port)}))
            return false;
        room.bob.write("bob\n");
        return peerSaw(room.bob, "got *** you are bob");
    }

    bool join(ClientPanel &panel, quint16 port)
    {
        panel.chat()->setHistoryFolder(m_history);
        panel.showChat(true);
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        return connected.wait(5000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_chatview"));
        m_history = m_config.filePath(QStringLiteral("chat-history"));
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void room_nicknameOwnAndOthersNoticesActionsPrivate()
    {
        Room room;
        QVERIFY(openRoom(room));
        ClientPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QVERIFY(join(panel, room.port));
        ChatView *chat = panel.chat();
        QVERIFY(!panel.sendBox()->isVisible());   // the Chat view has its own input
        QTRY_VERIFY(hasNotice(chat, QStringLiteral("welcome: send your nickname on the first line")));

        say(chat, QStringLiteral("小明"));
        QTRY_COMPARE(chat->ownName(), QStringLiteral("小明"));
        QVERIFY(peerSaw(room.bob, "got *** 小明 joined"));

        room.bob.write("hello 小明\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("hello 小明")));
        say(chat, QStringLiteral("你好 bob"));
        QVERIFY(peerSaw(room.bob, "got 小明: 你好 bob"));
        QVERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("小明"), QStringLiteral("你好 bob"), true));
        // The conversation reads as people expect: mine on the right, bob's on the left, notices centred.
        QCOMPARE(blockWith(chat, QStringLiteral("你好 bob")).blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignRight);
        QCOMPARE(blockWith(chat, QStringLiteral("hello 小明")).blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignLeft);
        QCOMPARE(blockWith(chat, QStringLiteral("*** welcome")).blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignHCenter);
        // What was typed went through the panel's send path: the log and the counters saw it.
        QVERIFY(panel.counters()->bytesOut() >= QByteArray("小明\n你好 bob\n").size());

        say(chat, QStringLiteral("/me waves"));
        QVERIFY(peerSaw(room.bob, "got * 小明 waves"));
        QVERIFY(hasEntry(chat, ChatLineKind::Action, QStringLiteral("小明"), QStringLiteral("waves"), true));
        room.bob.write("/me bows\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Action, QStringLiteral("bob"), QStringLiteral("bows")));
        QVERIFY(formatOf(blockWith(chat, QStringLiteral("bows")), QStringLiteral("bows")).fontItalic());
        // Names have their colour; bob's is bob's whatever his case.
        QCOMPARE(formatOf(blockWith(chat, QStringLiteral("bows")), QStringLiteral("bob")).foreground(),
                 formatOf(blockWith(chat, QStringLiteral("hello 小明")), QStringLiteral("bob")).foreground());

        say(chat, QStringLiteral("/msg bob see you after class"));
        QVERIFY(peerSaw(room.bob, "got *小明* see you after class"));
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::PrivateOut, QStringLiteral("bob"), QStringLiteral("see you after class")));
        room.bob.write("/msg 小明 psst\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::PrivateIn, QStringLiteral("bob"), QStringLiteral("psst")));
        QVERIFY(blockWith(chat, QStringLiteral("psst")).text().contains(QStringLiteral("(private)")));

        say(chat, QStringLiteral("/who"));
        QTRY_VERIFY(hasNotice(chat, QStringLiteral("in the room (2): bob, 小明")));
        // A command is the room's to answer: "/who" itself is not shown as something I said.
        QVERIFY(!hasEntry(chat, ChatLineKind::Message, QStringLiteral("小明"), QStringLiteral("/who"), true));

        // Shift+Enter: a new line in the same message; Enter sends it as two lines.
        QTest::keyClicks(chat->input(), QStringLiteral("line one"));
        QTest::keyClick(chat->input(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(chat->input(), QStringLiteral("line two"));
        QCOMPARE(chat->input()->toPlainText(), QStringLiteral("line one\nline two"));
        QTest::keyClick(chat->input(), Qt::Key_Return);
        QVERIFY(peerSaw(room.bob, "got 小明: line one"));
        QVERIFY(peerSaw(room.bob, "got 小明: line two"));
        QVERIFY(chat->input()->toPlainText().isEmpty());
        // Up recalls what was sent, Down comes back to what was being typed.
        QTest::keyClicks(chat->input(), QStringLiteral("draft"));
        QTest::keyClick(chat->input(), Qt::Key_Up);
        QCOMPARE(chat->input()->toPlainText(), QStringLiteral("line one\nline two"));
        QTest::keyClick(chat->input(), Qt::Key_Up);
        QCOMPARE(chat->input()->toPlainText(), QStringLiteral("/who"));
        QTest::keyClick(chat->input(), Qt::Key_Down);
        QTest::keyClick(chat->input(), Qt::Key_Down);
        QCOMPARE(chat->input()->toPlainText(), QStringLiteral("draft"));
        chat->input()->clear();

        // /nick: the room says who I am now, and my lines carry that name.
        say(chat, QStringLiteral("/nick Ming"));
        QTRY_COMPARE(chat->ownName(), QStringLiteral("Ming"));
        QVERIFY(peerSaw(room.bob, "got *** 小明 is now Ming"));

        room.bob.closeWrite();
        QTRY_VERIFY_WITH_TIMEOUT(hasNotice(chat, QStringLiteral("bob left")), 5000);
    }

    // Socketeer's own room, run as a separate process (`socketeer serve --chat --nicknames`), with
    // the lesson's client as the other person: the same conversation.
    void socketeerServe_theSameConversation()
    {
        testsupport::Cli server;
        QVERIFY(server.start({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--chat"),
                              QStringLiteral("--nicknames")}));
        const quint16 port = server.readPortLine("listening on");
        QVERIFY(port);
        Peer bob;
        QVERIFY(bob.startPython(QStringLiteral("chat_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        bob.write("bob\n");
        QVERIFY(peerSaw(bob, "got *** you are bob"));
        ClientPanel panel;
        panel.show();
        QVERIFY(join(panel, port));
        ChatView *chat = panel.chat();
        say(chat, QStringLiteral("艾丽"));
        QTRY_COMPARE(chat->ownName(), QStringLiteral("艾丽"));
        QVERIFY(peerSaw(bob, "got *** 艾丽 joined"));
        bob.write("/topic 第一课\n");
        QTRY_VERIFY(hasNotice(chat, QStringLiteral("bob set the topic: 第一课")));
        say(chat, QStringLiteral("//etc/hosts is a file"));
        QVERIFY(peerSaw(bob, "got 艾丽: /etc/hosts is a file"));
        QVERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("艾丽"), QStringLiteral("/etc/hosts is a file"), true));
        say(chat, QStringLiteral("/msg BOB 悄悄话"));   // names compare as the room compares them
        QVERIFY(peerSaw(bob, "got *艾丽* 悄悄话"));
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::PrivateOut, QStringLiteral("bob"), QStringLiteral("悄悄话")));
        bob.write("* not an action from bob\n");   // bob's line starting with "* " is bob's message
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("* not an action from bob")));
        say(chat, QStringLiteral("/quit"));
        QTRY_VERIFY(hasNotice(chat, QStringLiteral("bye")));
        QTRY_COMPARE_WITH_TIMEOUT(panel.client()->state(), TcpClient::State::Unconnected, 5000);   // the room closed
        QVERIFY(peerSaw(bob, "got *** 艾丽 left"));
    }

    void unread_countedOnTheTabUntilTheChatIsSeen()
    {
        Room room;
        QVERIFY(openRoom(room));
        Settings settings;
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ClientPanel *panel = window.clientPanels().first();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("panels"));
        QVERIFY(tabs);
        const int tab = tabs->indexOf(panel);
        const QString title = tabs->tabText(tab);
        tabs->setCurrentIndex(tab);
        QVERIFY(join(*panel, room.port));
        say(panel->chat(), QStringLiteral("alice"));
        QVERIFY(peerSaw(room.bob, "got *** alice joined"));

        panel->showChat(false);   // the log is shown: chat lines are unread
        room.bob.write("one\n");
        room.bob.write("two\n");
        QTRY_COMPARE(panel->chat()->unreadCount(), 2);
        QCOMPARE(tabs->tabText(tab), QStringLiteral("%1 (2)").arg(title));
        panel->showChat(true);
        QTRY_COMPARE(tabs->tabText(tab), title);

        tabs->setCurrentIndex(0);   // another tab
        room.bob.write("three\n");
        QTRY_COMPARE(tabs->tabText(tab), QStringLiteral("%1 (1)").arg(title));
        tabs->setCurrentIndex(tab);
        QTRY_COMPARE(panel->chat()->unreadCount(), 0);
        QCOMPARE(tabs->tabText(tab), title);
    }

    // With the Chat view shown, its Alt letters are shared with nothing else in the window, every
    // control has a name for a screen reader, and Tab goes through the chat's controls.
    void keyboard_chatControlsHaveTheirOwnLettersAndNames()
    {
        Settings settings;
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ClientPanel *panel = window.clientPanels().first();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("panels"));
        tabs->setCurrentWidget(panel);
        panel->showChat(true);
        QVERIFY(panel->chat()->isVisible());

        std::map<QString, QStringList> keys;
        for (QAction *menu : window.menuBar()->actions())
            if (const QKeySequence key = QKeySequence::mnemonic(menu->text()); !key.isEmpty())
                keys[key.toString()] << menu->text();
        for (QAbstractButton *button : panel->findChildren<QAbstractButton *>())
            if (button->isVisible() && !button->shortcut().isEmpty())
                keys[button->shortcut().toString()] << button->text();
        for (QLabel *label : panel->findChildren<QLabel *>())
            if (label->isVisible() && label->buddy())
                if (const QKeySequence key = QKeySequence::mnemonic(label->text()); !key.isEmpty())
                    keys[key.toString()] << label->text();
        for (const auto &[key, owners] : keys)
            QVERIFY2(owners.size() == 1, qPrintable(key + QStringLiteral(": ") + owners.join(QStringLiteral(", "))));

        ChatView *chat = panel->chat();
        for (QWidget *control : std::initializer_list<QWidget *>{chat->findEdit(), chat->transcript(), chat->input()})
            QVERIFY2(!control->accessibleName().isEmpty() && !control->toolTip().isEmpty(), qPrintable(control->objectName()));
        // Tab from the find field reaches the conversation, then the message field, and leaves it again.
        chat->findEdit()->setFocus(Qt::TabFocusReason);
        QList<QWidget *> reached;
        for (int i = 0; i < 40 && !reached.contains(QApplication::focusWidget()); ++i) {
            reached << QApplication::focusWidget();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QVERIFY(reached.contains(chat->input()));
        QVERIFY(reached.contains(chat->exportButton()));
        QVERIFY(reached.indexOf(chat->input()) < reached.size() - 1 || QApplication::focusWidget() != chat->input());
    }

    void history_keptPerRoomRestoredExportedAndSearched()
    {
        Room room;
        QVERIFY(openRoom(room));
        {
            ClientPanel panel;
            panel.show();
            QVERIFY(join(panel, room.port));
            say(panel.chat(), QStringLiteral("carol"));
            QVERIFY(peerSaw(room.bob, "got *** carol joined"));
            room.bob.write("remember the 作业 for Monday\n");
            QTRY_VERIFY(hasEntry(panel.chat(), ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("remember the 作业 for Monday")));
            say(panel.chat(), QStringLiteral("noted"));
            QVERIFY(peerSaw(room.bob, "got carol: noted"));
            QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
            QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
            QVERIFY(disconnected.wait(5000));
        }
        // The file is named by a hash: nothing the room said becomes part of a path.
        const ChatHistoryStore store(m_history);
        const QString key = QStringLiteral("127.0.0.1:%1").arg(room.port);
        QVERIFY(QFile::exists(store.fileFor(key)));
        QVERIFY(store.fileFor(key).endsWith(QStringLiteral(".jsonl")));
        QVERIFY(!store.fileFor(key).contains(QString::number(room.port)));

        // A new panel (as after a restart) joins the same room: the conversation is there again.
        ClientPanel panel;
        panel.show();
        QVERIFY(join(panel, room.port));
        ChatView *chat = panel.chat();
        QVERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("remember the 作业 for Monday")));
        QVERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("carol"), QStringLiteral("noted"), true));
        QTRY_VERIFY(hasNotice(chat, QStringLiteral("welcome: send your nickname on the first line")));

        // Search highlights each match and jumps to it.
        chat->findEdit()->setText(QStringLiteral("作业"));   // as an input method commits it
        QCOMPARE(chat->findMatchCount(), 1);
        QTest::keyClick(chat->findEdit(), Qt::Key_Return);
        QCOMPARE(chat->transcript()->textCursor().selectedText(), QStringLiteral("作业"));
        chat->findEdit()->clear();
        QCOMPARE(chat->findMatchCount(), 0);

        // Exported: UTF-8 text, one line per message with its local time and zone.
        const QString path = m_config.filePath(QStringLiteral("export.txt"));
        QVERIFY(chat->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), chat->entries().size());
        const QRegularExpression stamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d "));
        for (const QString &line : lines)
            QVERIFY2(stamp.match(line).hasMatch(), qPrintable(line));
        QVERIFY(text.contains(QStringLiteral(" bob: remember the 作业 for Monday\n")));
        QVERIFY(text.contains(QStringLiteral(" carol: noted\n")));
        QVERIFY(text.contains(QStringLiteral(" *** carol joined")) == false);   // carol never hears her own join
        QVERIFY(text.contains(QStringLiteral(" *** you are carol\n")));
    }

    // An input method composing (Pinyin "ni" before 你 is chosen) keeps its Enter: nothing is sent
    // until the text is committed. Then Enter sends what was committed.
    void input_anInputMethodComposingKeepsItsEnter()
    {
        ChatInput input;
        input.setSendEnabled(true);
        input.show();
        QSignalSpy submitted(&input, &ChatInput::submitted);
        QInputMethodEvent preedit(QStringLiteral("ni"), {});
        QCoreApplication::sendEvent(&input, &preedit);
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(submitted.size(), 0);
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("你"));
        QCoreApplication::sendEvent(&input, &commit);
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).at(0).toString(), QStringLiteral("你"));
        // Disabled (not connected): Enter keeps the text for later.
        input.setSendEnabled(false);
        QTest::keyClicks(&input, QStringLiteral("later"));
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(input.toPlainText(), QStringLiteral("later"));
    }

    // The store stays bounded however long a room talks, reads only its own files, and never
    // follows a symlink planted where a room's file would be.
    void historyStore_boundedAndTouchesOnlyItsOwn()
    {
        QTemporaryDir folder;
        ChatHistoryStore store(folder.path());
        const QString room = QStringLiteral("example.org:50007");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int batch = 0; batch < 30; ++batch) {
            QList<ChatEntry> entries;
            for (int i = 0; i < 1000; ++i)
                entries.append({now, ChatLineKind::Message, false, false, QStringLiteral("bob"), QString::number(batch * 1000 + i)});
            QVERIFY(store.append(room, entries));
        }
        QFile file(store.fileFor(room));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().count('\n') <= 2 * kChatHistoryLines);
        const QList<ChatEntry> loaded = store.load(room);
        QCOMPARE(loaded.size(), kChatHistoryLines);
        QCOMPARE(loaded.constLast().text, QStringLiteral("29999"));
        QCOMPARE(loaded.constFirst().text, QString::number(30000 - kChatHistoryLines));

        // A torn last line (a crash while writing) and a foreign line are skipped, not fatal.
        {
            QFile torn(store.fileFor(QStringLiteral("torn:1")));
            QVERIFY(torn.open(QIODevice::WriteOnly));
            torn.write("{\"t\":0,\"k\":\"notice\",\"n\":\"\",\"x\":\"ok \\u001b[2J\"}\nnot json\n{\"t\":0,\"k\":\"mess");
        }
        const QList<ChatEntry> torn = store.load(QStringLiteral("torn:1"));
        QCOMPARE(torn.size(), 1);
        QCOMPARE(torn.constFirst().text, QStringLiteral("ok \\x1B[2J"));   // an edited file cannot bring a control either

        // A symlink where a room's file would be is neither read nor written through.
        const QString target = folder.filePath(QStringLiteral("elsewhere.txt"));
        QFile outside(target);
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("{\"t\":0,\"k\":\"plain\",\"n\":\"\",\"x\":\"secret\"}\n");
        outside.close();
        QVERIFY(QFile::link(target, store.fileFor(QStringLiteral("linked:2"))));
        QVERIFY(store.load(QStringLiteral("linked:2")).isEmpty());
        QVERIFY(!store.append(QStringLiteral("linked:2"), {{now, ChatLineKind::Plain, false, false, {}, QStringLiteral("x")}}));
        QVERIFY(outside.open(QIODevice::ReadOnly));
        QCOMPARE(outside.readAll().count('\n'), 1);
    }

    // Without the protocol it is simply lines in and out: the tutorial's line peer as the server.
    void plainPeer_linesInAndOut()
    {
        Peer peer;
        QVERIFY(peer.startPython(QStringLiteral("line_peer.py"), {QStringLiteral("server"), QStringLiteral("0")}));
        const quint16 port = peer.readListeningPort();
        QVERIFY(port);
        ClientPanel panel;
        panel.show();
        QVERIFY(join(panel, port));
        QCOMPARE(peer.readLine(), QByteArray("connected"));
        ChatView *chat = panel.chat();

        peer.write("hello from the tutorial\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("hello from the tutorial")));
        say(chat, QStringLiteral("hi, 你好"));
        QCOMPARE(peer.readLine(), QByteArray("line hi, 你好"));
        QVERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("hi, 你好"), true));
        QCOMPARE(blockWith(chat, QStringLiteral("hi, 你好")).blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignRight);
        // "/me" means nothing to a plain peer: sent and shown as typed.
        say(chat, QStringLiteral("/me is here"));
        QCOMPARE(peer.readLine(), QByteArray("line /me is here"));
        QVERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("/me is here"), true));

        // Hostile lines: colours, an override, invalid UTF-8. Nothing raw reaches the screen.
        peer.write("\x1b[2J\x1b[31mred\n");
        peer.write("evil\xe2\x80\xae" "txt.exe\n");
        peer.write("bad \xff\xfe bytes\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("bad \\xFF\\xFE bytes")));
        QVERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("\\x1B[2J\\x1B[31mred")));
        QVERIFY(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("evil\\u{202e}txt.exe")));
        const QString shown = chat->transcript()->document()->toPlainText();
        QVERIFY(!shown.contains(QChar(0x1b)));
        QVERIFY(!shown.contains(QChar(0x202e)));

        // A line shaped as the protocol's is read as such, whoever sent it; a name that mixes
        // Latin and Cyrillic (а is U+0430) is marked as a possible imitation.
        peer.write("\xd0\xb0lice: trust me\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("\u0430lice"), QStringLiteral("trust me")));
        QVERIFY(blockWith(chat, QStringLiteral("trust me")).text().contains(QStringLiteral("(mixed scripts")));

        // A 1 MB line is not held, nor shown: a note says so, and the next line is shown again.
        peer.write(QByteArray(1024 * 1024, 'x') + "\nafter the big one\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasEntry(chat, ChatLineKind::Plain, {}, QStringLiteral("after the big one")), 10000);
        bool noted = false;
        for (const ChatEntry &entry : chat->entries())
            noted = noted || (entry.local && entry.text.contains(QString::number(kChatLineMaxBytes)));
        QVERIFY(noted);

        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QVERIFY(disconnected.wait(5000));
        chat->flush();
        QVERIFY(chat->entries().constLast().local);
        QVERIFY(chat->entries().constLast().text.startsWith(QStringLiteral("disconnected")));
    }

    // A peer that floods: 12,000 lines in a burst (more than twice the bound). The view keeps at most
    // kChatHistoryLines lines and the window answers.
    void flood_isBatchedAndBounded()
    {
        Room room;
        QVERIFY(openRoom(room));
        ClientPanel panel;
        panel.show();
        QVERIFY(join(panel, room.port));
        ChatView *chat = panel.chat();
        say(chat, QStringLiteral("dave"));
        QVERIFY(peerSaw(room.bob, "got *** dave joined"));
        room.bob.write("!flood 12000 40\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasEntry(chat, ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("done")), 60000);
        QVERIFY(chat->entries().size() <= kChatHistoryLines);
        QVERIFY(chat->transcript()->document()->blockCount() <= kChatHistoryLines);
        QCOMPARE(chat->entries().size(), kChatHistoryLines);
        // And the room still talks.
        room.bob.write("still here\n");
        QTRY_VERIFY(hasEntry(chat, ChatLineKind::Message, QStringLiteral("bob"), QStringLiteral("still here")));
    }
};

QTEST_MAIN(TestChatView)
#include "tst_chatview.moc"
