// Issue 11's "done when", in one window, the way a newcomer would do it: save three messages from
// a client tab's send box, run them as a sequence against the window's own server answering by a
// regular-expression rule, see the server's framed messages beside the raw pieces a tutorial-style
// client sent, append a Modbus CRC that a Python peer verifies, and run a chat room with three
// client tabs. Each part has its own detailed suite (tst_saveddock, tst_autoreplypanels,
// tst_framingbar, tst_serverchat); this one proves they work together in one MainWindow: the dock
// sends to the current tab, the server's rules and framing run side by side, the tabs share nothing
// they should not.

#include "panellog.h"
#include "peer.h"

#include "autoreplyfields.h"
#include "checksumfields.h"
#include "clientpanel.h"
#include "framingbar.h"
#include "framingfields.h"
#include "mainwindow.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "rawchunkview.h"
#include "rulesdialog.h"
#include "savedmessagesdock.h"
#include "savedstore.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "settings.h"

#include "saved/sequencerunner.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "text/autoreply.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;
using testsupport::logText;
using testsupport::chooseData;
using testsupport::rawChunks;
using testsupport::receivedData;
using testsupport::receivedEntries;

namespace {

constexpr int kWait = 20000;

quint16 startServer(ServerPanel *panel)
{
    QSignalSpy started(panel->server(), &TcpServer::started);
    panel->startListening(0);
    if (!started.wait(kWait))
        return 0;
    return started.at(0).at(1).value<quint16>();
}

bool stopServer(ServerPanel *panel)
{
    QSignalSpy stopped(panel->server(), &TcpServer::stopped);
    panel->stopListening();
    return stopped.wait(kWait);
}

bool connectPanel(ClientPanel *panel, quint16 port)
{
    panel->connectTo(u"127.0.0.1"_s, port);
    return QTest::qWaitFor([panel] { return panel->client()->state() == TcpClient::State::Connected; }, kWait);
}

void typeAndSend(ClientPanel *panel, const QString &text)
{
    panel->sendBox()->setHexMode(false);
    panel->sendBox()->setLineEnding(SendBox::LineEnding::Lf);
    panel->sendBox()->input()->setText(text);
    QTest::keyClick(panel->sendBox()->input(), Qt::Key_Return);
}

} // namespace

class TestToolkitWalkthrough : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_toolkitwalkthrough"_s);
        qRegisterMetaType<SequenceRunner::Outcome>();
    }

    void newcomer_doesItAllInOneWindow()
    {
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SavedMessagesDock *dock = window.savedMessages();
        QVERIFY(dock);
        dock->store()->setLibrary({});   // a newcomer's empty library, whatever a run before left

        // The server tab: a regular-expression rule with a capture, line framing, the raw pane on.
        ServerPanel *server = window.serverPanel();
        ReplyRule pong;
        pong.match = MatchKind::Regex;
        pong.pattern = u"^PING (\\d+)$"_s;
        pong.reply = u"PONG \\1\\n"_s;
        auto *ruleFields = server->findChild<AutoReplyFields *>();
        QVERIFY(ruleFields);
        window.tabs()->setCurrentWidget(server);
        QTest::mouseClick(ruleFields->rulesButton(), Qt::LeftButton);   // Rules…, add one, OK
        QVERIFY(ruleFields->dialog());
        ruleFields->dialog()->addRule(pong);
        QTest::mouseClick(ruleFields->dialog()->okButton(), Qt::LeftButton);
        QVERIFY(ruleFields->isOn());
        QVERIFY(chooseData(server->framing()->framing()->kindCombo(), u"line"_s));
        server->framing()->framing()->showRawCheck()->setChecked(true);
        const quint16 port = startServer(server);
        QVERIFY(port);

        // The client tab: three messages saved from the send box, then a sequence of them.
        ClientPanel *client = window.clientPanels().first();
        window.tabs()->setCurrentWidget(client);
        QVERIFY(connectPanel(client, port));
        for (int n = 1; n <= 3; ++n) {
            client->sendBox()->setHexMode(false);
            client->sendBox()->setLineEnding(SendBox::LineEnding::Lf);
            client->sendBox()->input()->setText(u"PING %1"_s.arg(n));
            QVERIFY(dock->saveCurrentInput(u"ping %1"_s.arg(n)));
        }
        QCOMPARE(dock->store()->library().messages.size(), 3);
        SavedLibrary library = dock->store()->library();
        const auto send = [](const QString &m) { return SequenceStep{SequenceStep::Kind::Send, m, 0, {}, 0}; };
        const auto wait = [](const QString &p) { return SequenceStep{SequenceStep::Kind::Wait, {}, 0, p, kWait}; };
        library.sequences = {{u"pings"_s, {send(u"ping 1"_s), wait(u"^PONG 1$"_s), send(u"ping 2"_s), wait(u"^PONG 2$"_s),
                                            send(u"ping 3"_s), wait(u"^PONG 3$"_s)}, 1, {}}};
        QVERIFY(dock->store()->setLibrary(library).ok());
        QSignalSpy finished(dock->runner(), &SequenceRunner::finished);
        QVERIFY(dock->runSequence(u"pings"_s));
        QVERIFY(finished.wait(kWait));
        QVERIFY2(finished.first().at(0).value<SequenceRunner::Outcome>() == SequenceRunner::Outcome::Completed,
                 qPrintable(dock->statusText() + u"\nclient:\n"_s + logText(client->log()) + u"server:\n"_s + logText(server->log())));
        QTRY_COMPARE_WITH_TIMEOUT(receivedData(client->log()), (QByteArrayList{"PONG 1\n", "PONG 2\n", "PONG 3\n"}), kWait);

        // The server's log: three framed messages, each answered by the rule, marked as such.
        QTRY_COMPARE_WITH_TIMEOUT(receivedData(server->log()), (QByteArrayList{"PING 1", "PING 2", "PING 3"}), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(logText(server->log()).count(u"auto reply (rule 1)"_s), 3, kWait);

        // A tutorial-style client sends "PING 4" in two pieces: one message in the log, the two
        // pieces in the raw pane beside it, one reply.
        Peer pieces;
        QVERIFY(pieces.startPython(u"tcp_pieces_client.py"_s, {QString::number(port), QString::fromLatin1(QByteArray("PI").toHex()),
                                                               QString::fromLatin1(QByteArray("NG 4\n").toHex())}));
        QCOMPARE(pieces.readLine(kWait), QByteArray("sent 2"));
        QTRY_VERIFY_WITH_TIMEOUT(rawChunks(server->framing()).contains("PI"), kWait);
        QVERIFY(!receivedData(server->log()).contains("PI"));   // half a line is no message yet
        pieces.write("\n");
        QCOMPARE(pieces.readLine(kWait), QByteArray("sent 5"));
        QTRY_VERIFY_WITH_TIMEOUT(receivedData(server->log()).contains("PING 4"), kWait);
        const QByteArrayList raw = rawChunks(server->framing());
        QVERIFY2(raw.indexOf("PI") >= 0 && raw.indexOf("NG 4\n") == raw.indexOf("PI") + 1, raw.join('|').constData());
        QTRY_COMPARE_WITH_TIMEOUT(logText(server->log()).count(u"auto reply (rule 1)"_s), 4, kWait);
        pieces.write("\n");
        QCOMPARE(pieces.readLine(kWait), QByteArray("closed"));

        // A second client tab appends a Modbus CRC; the Python peer checks it.
        Peer checker;
        QVERIFY(checker.startPython(u"checksum.py"_s, {u"server"_s, u"0"_s, u"crc16-modbus"_s, u"le"_s}));
        const quint16 checkerPort = checker.readListeningPort();
        QVERIFY(checkerPort);
        ClientPanel *modbus = window.addClientPanel();
        window.tabs()->setCurrentWidget(modbus);
        QVERIFY(chooseData(modbus->framing()->checksums()->appendCombo(), u"crc16-modbus"_s));
        QVERIFY(connectPanel(modbus, checkerPort));
        modbus->sendBox()->setLineEnding(SendBox::LineEnding::None);
        modbus->sendBox()->input()->setText(u"123456789"_s);
        QVERIFY(modbus->framing()->checksums()->valueLabel()->text().contains(u"37 4B"_s));
        QTest::keyClick(modbus->sendBox()->input(), Qt::Key_Return);
        QTest::mouseClick(modbus->halfCloseButton(), Qt::LeftButton);
        QCOMPARE(checker.readLine(kWait), QByteArray("received ") + QByteArray("123456789\x37\x4b").toHex());
        QCOMPARE(checker.readLine(kWait), QByteArray("ok"));
        // The first tab's rules and framing were not touched by the second tab's check value.
        QCOMPARE(client->framing()->checksums()->appendCombo()->currentData().toString(), QString());

        // The chat room: the same server tab, now a room with nicknames, and three client tabs.
        QVERIFY(stopServer(server));
        ruleFields->enableCheck()->setChecked(false);   // the room relays; no rule answers
        server->findChild<QCheckBox *>(u"chatRoomCheck"_s)->setChecked(true);
        server->findChild<QCheckBox *>(u"nicknamesCheck"_s)->setChecked(true);
        const quint16 roomPort = startServer(server);
        QVERIFY(roomPort);
        QList<ClientPanel *> members{client, window.addClientPanel(), window.addClientPanel()};
        const QStringList names{u"alice"_s, u"bob"_s, u"小明"_s};
        for (int i = 0; i < 3; ++i) {
            window.tabs()->setCurrentWidget(members[i]);
            QVERIFY(connectPanel(members[i], roomPort));
            QTRY_VERIFY_WITH_TIMEOUT(logText(members[i]->log()).contains(u"welcome"_s), kWait);
            typeAndSend(members[i], names[i]);
            QTRY_VERIFY_WITH_TIMEOUT(logText(members[i]->log()).contains(u"you are "_s + names[i]), kWait);
            for (int j = 0; j < i; ++j)
                QTRY_VERIFY_WITH_TIMEOUT(logText(members[j]->log()).contains(u"*** "_s + names[i] + u" joined"_s), kWait);
        }
        typeAndSend(members[2], u"大家好"_s);
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[0]->log()).contains(u"小明: 大家好"_s), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[1]->log()).contains(u"小明: 大家好"_s), kWait);
        QVERIFY(!logText(members[2]->log()).contains(u"小明: 大家好"_s));   // not echoed to its sender
        typeAndSend(members[0], u"hi"_s);
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[1]->log()).contains(u"alice: hi"_s), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[2]->log()).contains(u"alice: hi"_s), kWait);
        QTest::mouseClick(members[1]->connectButton(), Qt::LeftButton);   // Disconnect
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[0]->log()).contains(u"*** bob left"_s), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(logText(members[2]->log()).contains(u"*** bob left"_s), kWait);

        QVERIFY(stopServer(server));
        dock->store()->setLibrary({});   // leave the test-mode data folder as found
    }
};

QTEST_MAIN(TestToolkitWalkthrough)
#include "tst_toolkitwalkthrough.moc"
