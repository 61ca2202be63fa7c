// The code view (ui/codedock.h) in the window: it follows the current tab and its fields (the
// inbox's too: an SMTP receiver), says why there is no program, copies and saves what it shows, marks the line of the socket call made
// last, and the program saved from a panel runs: the tutorial's client talks to it.

#include "peer.h"

#include "clientpanel.h"
#include "codedock.h"
#include "inboxpanel.h"
#include "mainwindow.h"
#include "serverpanel.h"
#include "settings.h"
#include "addressinputs.h"
#include "chatroomfields.h"

#include "code/codegen.h"
#include "tcp/tcpserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;

namespace {

constexpr int kWait = 20000;

void setPort(PortEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// "listening on HOST PORT", as the generated servers print it.
quint16 listeningPort(Peer &peer)
{
    bool ok = false;
    const QByteArray line = peer.readLine(kWait, &ok);
    if (!ok || !line.startsWith("listening on ")) {
        qWarning("expected \"listening on HOST PORT\", got \"%s\" (%s)", line.constData(), peer.standardError().constData());
        return 0;
    }
    return static_cast<quint16>(line.split(' ').last().toUInt());
}

} // namespace

class TestCodeDock : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Window {
        explicit Window(const QString &dir)
        {
            settings.setInboxPort(0);
            settings.setInboxDirectory(dir + u"/inbox"_s);
        }
        Settings settings;
        MainWindow window{settings};
    };

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_codedock"_s);
    }

    void followsTheTabAndItsFields()
    {
        Window w(m_dir.path());
        MainWindow &window = w.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = window.findChild<QAction *>(u"codeAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F7));
        action->trigger();
        CodeDock *dock = window.codeView();
        QVERIFY(dock->isVisible());

        ServerPanel *server = window.serverPanel();
        window.tabs()->setCurrentWidget(server);
        setPort(server->portEdit(), u"50123"_s);
        server->modelCombo()->setCurrentIndex(server->modelCombo()->findData(static_cast<int>(ServerModel::EventLoop)));
        server->echoCheck()->setChecked(true);
        QTRY_VERIFY2_WITH_TIMEOUT(dock->code().contains(u"import selectors"_s) && dock->code().contains(u"PORT = 50123"_s),
                                  qPrintable(dock->code() + dock->problem()), kWait);
        QVERIFY(dock->editor()->toPlainText() == dock->code());
        // The fields change, the code follows: the thread-per-client model is the tutorial's threads.
        server->modelCombo()->setCurrentIndex(server->modelCombo()->findData(static_cast<int>(ServerModel::ThreadPerClient)));
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"import threading"_s), kWait);
        QVERIFY(!dock->code().contains(u"selectors"_s));
        // C for the same settings.
        dock->setLanguage(CodeLanguage::C);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"pthread_create"_s), kWait);
        QCOMPARE(dock->suggestedFileName().section(QLatin1Char('.'), -1), u"c"_s);
        dock->setLanguage(CodeLanguage::Python);

        // A port that is no port: no program, the reason, nothing to copy.
        setPort(server->portEdit(), u"99999"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->problem().isEmpty(), kWait);
        QVERIFY(dock->code().isEmpty());
        QVERIFY(!dock->copyButton()->isEnabled());
        QVERIFY(dock->statusText() == dock->problem());

        // The client tab: a client program for its host and port.
        ClientPanel *client = window.clientPanels().first();
        window.tabs()->setCurrentWidget(client);
        client->hostEdit()->setText(u"127.0.0.1"_s);
        setPort(client->portEdit(), u"50124"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u".connect("_s) && dock->code().contains(u"50124"_s), kWait);
        QVERIFY(dock->copyButton()->isEnabled());
        QTest::mouseClick(dock->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), dock->code());

        // The inbox tab: the inbox as a server, an SMTP receiver saving into the panel's folder.
        InboxPanel *inbox = window.inboxPanel();
        window.tabs()->setCurrentWidget(inbox);
        inbox->stopReceiver();   // its port field is editable while it is stopped
        inbox->portField()->setValue(2626);
        QTRY_VERIFY2_WITH_TIMEOUT(dock->code().contains(u"def session(client):"_s) && dock->code().contains(u"PORT = 2626 "_s),
                                  qPrintable(dock->code() + dock->problem()), kWait);
        QVERIFY(dock->code().contains(u"FOLDER = '%1'"_s.arg(inbox->directory())));
        QVERIFY(dock->saveButton()->isEnabled());
        QCOMPARE(dock->suggestedFileName(), u"inbox_server.py"_s);
        dock->setLanguage(CodeLanguage::C);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"O_EXCL"_s) && dock->code().contains(u"pthread_create"_s), kWait);
        dock->setLanguage(CodeLanguage::Python);
    }

    // The inbox's program saved from its tab runs, and swaks delivers to it.
    void savedInboxProgram_runs_andStoresSwaksMail()
    {
        if (!Peer::haveProgram(u"swaks"_s))
            QSKIP("swaks is not installed (scripts/install-deps.sh installs it)");
        Window w(m_dir.path());
        MainWindow &window = w.window;
        window.show();
        window.findChild<QAction *>(u"codeAction"_s)->trigger();
        CodeDock *dock = window.codeView();
        window.tabs()->setCurrentWidget(window.inboxPanel());
        window.inboxPanel()->stopReceiver();
        window.inboxPanel()->portField()->setValue(0);   // the program binds any free port and prints it
        dock->refresh();
        QVERIFY2(dock->problem().isEmpty(), qPrintable(dock->problem()));
        const QString path = m_dir.filePath(u"inbox_server.py"_s);
        QVERIFY2(dock->saveTo(path), qPrintable(dock->statusText()));

        Peer program;
        QVERIFY(program.startProgram(u"/usr/bin/python3"_s, {path}));
        const quint16 port = listeningPort(program);
        QVERIFY(port);
        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s, u"a@example.com"_s,
                                               u"--to"_s, u"b@example.com"_s, u"--silent"_s, u"2"_s}));
        QVERIFY(swaks.waitForFinished(kWait));
        QCOMPARE(swaks.exitCode(), 0);
        for (;;) {
            bool ok = false;
            const QByteArray line = program.readLine(kWait, &ok);
            QVERIFY2(ok, program.standardError().constData());
            if (!line.startsWith("received "))
                continue;
            QVERIFY2(line.contains("from <a@example.com> to <b@example.com>"), line.constData());
            QVERIFY(QFile::exists(window.inboxPanel()->directory() + u'/' + QString::fromUtf8(line.split(' ').at(1))));
            break;
        }
    }

    // Issue 12's "copies the Python code of a panel into a file and it runs": saved from the server
    // tab (port 0, echo, thread per client), run with python3, the tutorial's client gets its echo.
    void savedServerProgram_runs_andEchoesTheTutorialsClient()
    {
        Window w(m_dir.path());
        MainWindow &window = w.window;
        window.show();
        window.findChild<QAction *>(u"codeAction"_s)->trigger();
        CodeDock *dock = window.codeView();
        ServerPanel *server = window.serverPanel();
        window.tabs()->setCurrentWidget(server);
        setPort(server->portEdit(), u"0"_s);
        server->modelCombo()->setCurrentIndex(server->modelCombo()->findData(static_cast<int>(ServerModel::ThreadPerClient)));
        server->echoCheck()->setChecked(true);
        dock->refresh();
        QVERIFY2(dock->problem().isEmpty(), qPrintable(dock->problem()));
        const QString path = m_dir.filePath(u"server.py"_s);
        QVERIFY2(dock->saveTo(path), qPrintable(dock->statusText()));
        QVERIFY(dock->statusText().contains(u"server.py"_s));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), dock->code());

        Peer program;
        QVERIFY(program.startProgram(u"/usr/bin/python3"_s, {path}));
        const quint16 port = listeningPort(program);
        QVERIFY(port);
        Peer client;
        QVERIFY(client.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(client.readLine(kWait).startsWith("connected "));
        client.write(QByteArray("hello, 你好\n").toHex() + '\n');
        QCOMPARE(client.readLine(kWait), QByteArray("Received ") + QByteArray("hello, 你好\n").toHex());
    }

    // A server tab in chat-room mode shows the chat room's program, not an echo server's; saved and
    // run, it relays a line of one tutorial-style chat client to another, with its address.
    void chatRoomTab_showsTheChatRoomProgram_andItRuns()
    {
        Window w(m_dir.path());
        MainWindow &window = w.window;
        window.show();
        window.findChild<QAction *>(u"codeAction"_s)->trigger();
        CodeDock *dock = window.codeView();
        ServerPanel *server = window.serverPanel();
        window.tabs()->setCurrentWidget(server);
        setPort(server->portEdit(), u"0"_s);
        server->modelCombo()->setCurrentIndex(server->modelCombo()->findData(static_cast<int>(ServerModel::ThreadPerClient)));
        server->echoCheck()->setChecked(false);
        server->chatFields()->chatCheck()->setChecked(true);
        QTRY_VERIFY2_WITH_TIMEOUT(dock->code().contains(u"*** you are"_s) && dock->code().contains(u"import threading"_s),
                                  qPrintable(dock->code() + dock->problem()), kWait);
        QCOMPARE(dock->suggestedFileName(), u"chat_server.py"_s);
        dock->setLanguage(CodeLanguage::C);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"pthread_mutex_lock"_s) && dock->code().contains(u"*** you are"_s), kWait);
        dock->setLanguage(CodeLanguage::Python);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"import threading"_s), kWait);

        // With nicknames the room asks each client for one, in both languages.
        server->chatFields()->nicknamesCheck()->setChecked(true);
        QTRY_VERIFY2_WITH_TIMEOUT(dock->code().contains(u"def nickname_problem"_s) && dock->problem().isEmpty(),
                                  qPrintable(dock->code() + dock->problem()), kWait);
        dock->setLanguage(CodeLanguage::C);
        QTRY_VERIFY_WITH_TIMEOUT(dock->code().contains(u"nickname_problem(const char *name"_s), kWait);
        dock->setLanguage(CodeLanguage::Python);
        server->chatFields()->nicknamesCheck()->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->code().contains(u"nickname_problem"_s) && dock->code().contains(u"*** you are"_s), kWait);

        const QString path = m_dir.filePath(u"chat_server.py"_s);
        QVERIFY2(dock->saveTo(path), qPrintable(dock->statusText()));
        Peer program;
        QVERIFY(program.startProgram(u"/usr/bin/python3"_s, {path}));
        const quint16 port = listeningPort(program);
        QVERIFY(port);
        Peer first, second;
        QVERIFY(first.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        const QByteArray connected = first.readLine(kWait);
        QVERIFY(connected.startsWith("connected "));
        const QByteArray name = "127.0.0.1:" + connected.mid(10);
        QCOMPARE(first.readLine(kWait), "got *** you are " + name);
        QVERIFY(second.startPython(u"chat_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(second.readLine(kWait).startsWith("connected "));
        QVERIFY(second.readLine(kWait).startsWith("got *** you are "));
        QVERIFY(first.readLine(kWait).endsWith(" joined"));
        first.write("hello, 你好\n");
        QCOMPARE(second.readLine(kWait), "got " + name + ": hello, 你好");
    }

    // While the dock is open, a real exchange on the server tab marks the line of the call made
    // last, and that line is the one the generator says makes it.
    void marksTheLineOfTheCallMadeLast()
    {
        Window w(m_dir.path());
        MainWindow &window = w.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(u"codeAction"_s)->trigger();
        CodeDock *dock = window.codeView();
        ServerPanel *server = window.serverPanel();
        window.tabs()->setCurrentWidget(server);
        server->echoCheck()->setChecked(true);
        QSignalSpy started(server->server(), &TcpServer::started);
        server->startListening(0);
        QVERIFY(started.wait(kWait));
        const quint16 port = started.at(0).at(1).value<quint16>();
        dock->refresh();   // the port field now says what was bound
        QVERIFY2(dock->problem().isEmpty(), qPrintable(dock->problem()));

        Peer client;
        QVERIFY(client.startPython(u"tcp_client.py"_s, {u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY(client.readLine(kWait).startsWith("connected "));
        client.write(QByteArray("ping\n").toHex() + '\n');
        QCOMPARE(client.readLine(kWait), QByteArray("Received ") + QByteArray("ping\n").toHex());
        QTRY_VERIFY_WITH_TIMEOUT(dock->highlightedLine() > 0, kWait);
        CodeSettings settings;
        settings.kind = CodeKind::TcpServer;
        settings.port = port;
        settings.model = static_cast<ServerModel>(server->modelCombo()->currentData().toInt());
        settings.echo = true;
        const auto generated = generateCode(settings);
        QVERIFY(generated);
        QVERIFY2(generated->callLines.value(dock->highlightedCall()).contains(dock->highlightedLine()),
                 qPrintable(dock->highlightedCall() + u" at "_s + QString::number(dock->highlightedLine())));
        const QString line = dock->code().split(QLatin1Char('\n')).value(dock->highlightedLine() - 1);
        QVERIFY2(line.contains(dock->highlightedCall().left(4)), qPrintable(line));
        QVERIFY(!dock->editor()->extraSelections().isEmpty());
        server->stopListening();
    }
};

QTEST_MAIN(TestCodeDock)
#include "tst_codedock.moc"
