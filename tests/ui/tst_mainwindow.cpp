// The main window: panels ready from the command line (--listen, --connect, --udp), a second
// client in one action, live totals, presentation mode, and settings remembered.

#include "peer.h"

#include "addressinputs.h"
#include "clientpanel.h"
#include "mainwindow.h"
#include "messagelogview.h"
#include "serverpanel.h"
#include "settings.h"
#include "timelineview.h"
#include "trafficcounters.h"
#include "udppanel.h"
#include "windowhost.h"

#include "net/socket.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "udp/udpendpoint.h"

#include <QAbstractButton>
#include <QAction>
#include <QLineEdit>
#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace socketeer;
using namespace socketeer::ui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        // Never the tester's own settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        // The window's local inbox listens on a free port and keeps mail in the test's folder.
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void startupOptions_openPanelsReadyToGo()
    {
        // "--listen P --connect 127.0.0.1:P" needs P before the server exists. Rather than find a
        // free port and hope it stays free, it stays taken: a socket bound to it (port 0, read
        // back) with SO_REUSEADDR, never listening. Only a socket that also asks for SO_REUSEADDR
        // (the server's listener does) may bind it too, and the kernel never hands it out for port 0.
        auto reserved = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(reserved);
        QVERIFY(reserved->setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(reserved->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        const quint16 port = reserved->sockName()->port();

        Settings settings;
        MainWindow window(settings);
        window.show();
        QSignalSpy clientConnected(window.clientPanels().first()->client(), &TcpClient::connected);
        QSignalSpy udpBound(window.udpPanel()->endpoint(), &UdpEndpoint::bound);
        window.apply({port, QStringLiteral("127.0.0.1"), port, 0});
        QVERIFY(clientConnected.wait(5000));   // after the server listened, not before
        QVERIFY(window.serverPanel()->server()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(window.serverPanel()->server()->clientCount(), 1, 5000);
        QVERIFY(udpBound.size() == 1 || udpBound.wait(5000));
    }

    void startupOptions_openOnTheirTabWithTheirFields_data()
    {
        // Which of --listen, --connect (to the refusing port below) and --udp are given. The
        // expected tab: the client's when --connect is given, else UDP's, else the server's.
        QTest::addColumn<bool>("listen");
        QTest::addColumn<bool>("connect");
        QTest::addColumn<bool>("udp");
        QTest::addColumn<QString>("tab");
        QTest::newRow("--udp") << false << false << true << "udp";
        QTest::newRow("--connect") << false << true << false << "client";
        QTest::newRow("--listen") << true << false << false << "server";
        QTest::newRow("--listen --udp") << true << false << true << "udp";
        QTest::newRow("--listen --connect --udp") << true << true << true << "client";
    }
    void startupOptions_openOnTheirTabWithTheirFields()
    {
        QFETCH(bool, listen);
        QFETCH(bool, connect);
        QFETCH(bool, udp);
        QFETCH(QString, tab);
        // A TCP port nothing else takes: bound and never listening (a connection is refused, and
        // with SO_REUSEADDR the server panel's listener may take it). UDP binds port 0.
        auto reserved = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(reserved);
        QVERIFY(reserved->setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(reserved->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)));
        const quint16 tcpPort = reserved->sockName()->port();

        Settings settings;
        MainWindow window(settings);
        window.show();
        QSignalSpy udpBound(window.udpPanel()->endpoint(), &UdpEndpoint::bound);
        StartupOptions options;
        if (listen)
            options.listenPort = tcpPort;
        if (connect) {
            options.connectHost = QStringLiteral("127.0.0.1");
            options.connectPort = tcpPort;
        }
        if (udp)
            options.udpPort = 0;   // any free port: the bound one is read back below
        window.apply(options);

        QWidget *expected = tab == QLatin1String("udp")      ? static_cast<QWidget *>(window.udpPanel())
                            : tab == QLatin1String("client") ? static_cast<QWidget *>(window.clientPanels().first())
                                                             : static_cast<QWidget *>(window.serverPanel());
        QCOMPARE(window.tabs()->currentWidget(), expected);
        if (listen) {
            QCOMPARE(window.serverPanel()->findChild<PortEdit *>(QStringLiteral("listenPort"))->port(), tcpPort);
            QTRY_VERIFY_WITH_TIMEOUT(window.serverPanel()->server()->isRunning(), 5000);
        }
        if (connect) {
            // With --listen the client connects (and fills its fields) once the server listens.
            ClientPanel *client = window.clientPanels().first();
            QTRY_COMPARE_WITH_TIMEOUT(client->findChild<PortEdit *>(QStringLiteral("port"))->port(), tcpPort, 5000);
            QCOMPARE(client->findChild<QLineEdit *>(QStringLiteral("host"))->text(), QStringLiteral("127.0.0.1"));
        }
        if (udp) {
            QCOMPARE(window.udpPanel()->findChild<PortEdit *>(QStringLiteral("udpBindPort"))->port(), quint16(0));
            QVERIFY(udpBound.size() == 1 || udpBound.wait(5000));
        }
        window.close();
    }

    void newClientAction_opensAnotherClientTab()
    {
        Settings settings;
        MainWindow window(settings);
        const int tabs = window.tabs()->count();
        auto *action = window.findChild<QAction *>(QStringLiteral("newClientAction"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(window.tabs()->count(), tabs + 1);
        QCOMPARE(window.clientPanels().size(), 2);
        QCOMPARE(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("TCP client 2"));
        // Client tabs close; the server's does not.
        emit window.tabs()->tabCloseRequested(window.tabs()->indexOf(window.serverPanel()));
        QCOMPARE(window.tabs()->count(), tabs + 1);
        emit window.tabs()->tabCloseRequested(window.tabs()->currentIndex());
        QCOMPARE(window.clientPanels().size(), 1);
    }

    void totals_addUpEveryPanel()
    {
        Settings settings;
        MainWindow window(settings);
        window.serverPanel()->counters()->countIn(1000);
        window.clientPanels().first()->counters()->countOut(24);
        window.udpPanel()->counters()->countIn(24);
        const QString in = TrafficCounters::formatBytes(1024);
        const QString out = TrafficCounters::formatBytes(24);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusTotals().contains(in) && window.statusTotals().contains(out), 2000);
        QVERIFY2(in != out, qPrintable(in));
    }

    void presentationMode_growsTextAndIsRemembered()
    {
        int grown = 0;
        {
            Settings settings;
            MainWindow window(settings);
            const int before = window.fontPointSize();
            QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
            QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
            window.show();
            grown = window.fontPointSize();
            if (grown == before) {   // the offscreen platform may not route the shortcut: use the menu
                window.setFontPointSize(before + 4);
                grown = window.fontPointSize();
            }
            QVERIFY(grown > before);
            window.close();
        }
        Settings settings;
        QCOMPARE(settings.fontPointSize(), grown);
        MainWindow again(settings);
        QCOMPARE(again.fontPointSize(), grown);
        again.setFontPointSize(0);
    }

    void lastAddressesAndViews_areRememberedAcrossRuns()
    {
        {
            Settings settings;
            MainWindow window(settings);
            window.show();
            ClientPanel *client = window.clientPanels().first();
            client->hostEdit()->setText(QStringLiteral("::1"));
            client->portEdit()->setText(QStringLiteral("60001"));
            window.serverPanel()->portEdit()->setText(QStringLiteral("60002"));
            window.udpPanel()->targetPort()->setText(QStringLiteral("60003"));
            window.serverPanel()->log()->setHexView(true);
            window.close();
        }
        Settings settings;
        MainWindow again(settings);
        QCOMPARE(again.clientPanels().first()->hostEdit()->text(), QStringLiteral("::1"));
        QCOMPARE(again.clientPanels().first()->portEdit()->text(), QStringLiteral("60001"));
        QCOMPARE(again.serverPanel()->portEdit()->text(), QStringLiteral("60002"));
        QCOMPARE(again.udpPanel()->targetPort()->text(), QStringLiteral("60003"));
        QVERIFY(again.serverPanel()->log()->hexView());
        // A second client offers the same address: a class opens two clients to one server.
        QCOMPARE(again.addClientPanel()->portEdit()->text(), QStringLiteral("60001"));
        again.serverPanel()->log()->setHexView(false);
        again.close();
    }

    void languageMenu_switchesAtOnce_butAsksWhileSocketsAreOpen()
    {
        Settings settings;
        MainWindow window(settings);
        window.show();
        QSignalSpy switched(&window, &MainWindow::languageSwitchRequested);
        QAction *chinese = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->data().toString() == QStringLiteral("zh_CN"))
                chinese = action;
        QVERIFY(chinese);

        // Nothing open: the window asks its owner to rebuild it in Chinese right away.
        chinese->trigger();
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.first().first().toString(), QStringLiteral("zh_CN"));
        QCOMPARE(settings.language(), QStringLiteral("zh_CN"));

        // A server listening: rebuilding would close it, so the user is asked; "at the next start"
        // keeps everything open and only remembers the choice.
        QSignalSpy listening(window.serverPanel(), &ServerPanel::listeningChanged);
        window.serverPanel()->startListening(0);
        QVERIFY(listening.wait());
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            asked = box != nullptr;
            if (box) {
                for (QAbstractButton *button : box->buttons())
                    if (box->buttonRole(button) == QMessageBox::RejectRole)
                        button->click();
            }
        });
        chinese->trigger();
        QVERIFY(asked);
        QCOMPARE(switched.count(), 1);   // not switched now
        QVERIFY(window.serverPanel()->server()->isRunning());
        settings.setLanguage(QString());
        window.serverPanel()->stopListening();
    }

    void languageSwitch_rebuildsTheWindowInChinese_keepingItsFields()
    {
        Settings settings;
        WindowHost host(settings);
        host.open();
        host.window()->serverPanel()->portEdit()->setText(QStringLiteral("60123"));
        QCOMPARE(host.window()->tabs()->tabText(0), QStringLiteral("TCP server"));
        QAction *chinese = nullptr;
        for (QAction *action : host.window()->findChildren<QAction *>())
            if (action->data().toString() == QStringLiteral("zh_CN"))
                chinese = action;
        QVERIFY(chinese);
        QSignalSpy replaced(&host, &WindowHost::windowReplaced);
        chinese->trigger();
        QVERIFY(replaced.wait());
        QCOMPARE(host.window()->tabs()->tabText(0), QStringLiteral("TCP 服务器"));
        QCOMPARE(host.window()->serverPanel()->portEdit()->text(), QStringLiteral("60123"));   // as it was

        // And back, for the tests after this one.
        for (QAction *action : host.window()->findChildren<QAction *>())
            if (action->data().toString() == QStringLiteral("en"))
                action->trigger();
        QVERIFY(replaced.wait());
        QCOMPARE(host.window()->tabs()->tabText(0), QStringLiteral("TCP server"));
        settings.setLanguage(QString());
        host.window()->serverPanel()->portEdit()->setText(QStringLiteral("50007"));
        host.window()->saveSettings();
    }

    void timelineDock_recordsOnlyWhileShown()
    {
        Settings settings;
        MainWindow window(settings);
        window.show();
        QVERIFY(!window.timeline()->isRecording());
        auto *action = window.findChild<QAction *>(QStringLiteral("timelineAction"));
        QVERIFY(action);
        action->trigger();
        QTRY_VERIFY(window.timeline()->isRecording());
        action->trigger();
        QTRY_VERIFY(!window.timeline()->isRecording());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
