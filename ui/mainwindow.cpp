#include "mainwindow.h"

#include "clientpanel.h"
#include "codedock.h"
#include "panelcode.h"
#include "composewindow.h"
#include "fieldmemory.h"
#include "inboxpanel.h"
#include "labsdock.h"
#include "messagelogview.h"
#include "savedmessagesdock.h"
#include "savedstore.h"
#include "serverpanel.h"
#include "settings.h"
#include "taborder.h"
#include "theme.h"
#include "timelineview.h"
#include "trafficcounters.h"
#include "relaypanel.h"
#include "udppanel.h"

#include "mail/smtpreceiver.h"
#include "relay/relay.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "udp/udpendpoint.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

namespace socketeer::ui {

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_tabs(new QTabWidget(this)),
      m_server(new ServerPanel),
      m_udp(new UdpPanel),
      m_relay(new RelayPanel(settings)),
      m_inbox(new InboxPanel(settings)),
      m_timeline(new TimelineView),
      m_timelineDock(new QDockWidget(tr("Socket calls"), this)),
      m_saved(new SavedMessagesDock(new SavedStore({}, this), this)),
      m_code(new CodeDock(this)),
      m_labs(new LabsDock(this)),
      m_totals(new QLabel(this))
{
    setWindowTitle(tr("Socketeer"));
    setObjectName(QStringLiteral("mainWindow"));
    m_defaultPointSize = QApplication::font().pointSize();

    m_tabs->setObjectName(QStringLiteral("panels"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    restoreFields(m_server, m_settings.fields(QStringLiteral("server")));
    restoreFields(m_udp, m_settings.fields(QStringLiteral("udp")));
    restoreFields(m_relay, m_settings.fields(QStringLiteral("relay")));
    m_tabs->addTab(m_server, tr("TCP server"));
    addClientPanel();
    m_tabs->addTab(m_udp, tr("UDP"));
    m_tabs->addTab(m_relay, tr("Relay"));
    m_tabs->addTab(m_inbox, tr("Inbox"));
    m_tabs->setCurrentIndex(0);
    // Only client tabs close; the server and UDP panels are always there.
    for (int i = 0; i < m_tabs->count(); ++i)
        if (!qobject_cast<ClientPanel *>(m_tabs->widget(i)))
            m_tabs->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    setCentralWidget(m_tabs);
    // Mail that arrives while another tab is shown is counted on the Inbox tab until looked at.
    connect(m_inbox, &InboxPanel::messageArrived, this, [this] {
        if (m_tabs->currentWidget() != m_inbox) {
            ++m_unreadMail;
            updateInboxTab();
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_inbox && m_unreadMail > 0) {
            m_unreadMail = 0;
            updateInboxTab();
        }
    });

    m_timelineDock->setObjectName(QStringLiteral("timelineDock"));
    m_timelineDock->setWidget(m_timeline);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);
    m_timelineDock->hide();
    // Saved messages and sequences go to whichever tab is current (ui/savedmessagesdock.h).
    m_saved->setPanelProvider([this] { return m_tabs->currentWidget(); });
    m_saved->installShortcuts(this);
    addDockWidget(Qt::RightDockWidgetArea, m_saved);
    m_saved->hide();
    addDockWidget(Qt::RightDockWidgetArea, m_labs);
    m_labs->hide();

    m_code->setSettingsProvider([this] { return codeSettingsOf(m_tabs->currentWidget()); });
    connect(m_tabs, &QTabWidget::currentChanged, m_code, &CodeDock::refresh);
    addDockWidget(Qt::RightDockWidgetArea, m_code);
    m_code->hide();

    m_totals->setObjectName(QStringLiteral("totals"));
    statusBar()->addPermanentWidget(m_totals);
    auto *totalsTimer = new QTimer(this);
    connect(totalsTimer, &QTimer::timeout, this, &MainWindow::updateTotals);
    totalsTimer->start(250);

    createMenus();
    updateTotals();
    for (int i = 0; i < m_tabs->count(); ++i)
        setTabOrderFromLayout(m_tabs->widget(i));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        setTabOrderFromLayout(dock);

    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1100, 720);
    restoreState(m_settings.windowState());
    if (!m_saved->store()->problem().isEmpty())
        m_saved->show();   // the user's library file was unreadable: it says so there, and where the file went
    if (m_settings.fontPointSize() > 0)
        setFontPointSize(m_settings.fontPointSize());
}

MainWindow::~MainWindow() = default;

ClientPanel *MainWindow::addClientPanel()
{
    auto *panel = new ClientPanel;
    restoreFields(panel, m_settings.fields(QStringLiteral("client")));
    m_clients.append(panel);
    setTabOrderFromLayout(panel);
    const QString title = tr("TCP client %1").arg(++m_clientsCreated);
    const int index = m_tabs->insertTab(1 + static_cast<int>(m_clients.size()) - 1, panel, title);
    // Chat lines that came while the Chat view was out of sight, counted on the tab as the inbox's mail is.
    connect(panel, &ClientPanel::chatUnreadChanged, this, [this, panel, title](int unread) {
        if (const int at = m_tabs->indexOf(panel); at >= 0)
            m_tabs->setTabText(at, unread > 0 ? tr("%1 (%2)").arg(title).arg(unread) : title);
    });
    m_tabs->setCurrentIndex(index);
    return panel;
}

void MainWindow::closeTab(int index)
{
    auto *panel = qobject_cast<ClientPanel *>(m_tabs->widget(index));
    if (!panel)
        return;
    m_clients.removeAll(panel);
    m_tabs->removeTab(index);
    panel->deleteLater();   // its TcpClient stops and joins its thread
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newClient = file->addAction(tr("New TCP &client"), this, [this] { addClientPanel(); });
    newClient->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    newClient->setObjectName(QStringLiteral("newClientAction"));
    QAction *mail = file->addAction(tr("&Mail…"), this, &MainWindow::openMail);
    mail->setShortcut(QKeySequence(tr("Ctrl+M")));
    mail->setObjectName(QStringLiteral("mailAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *timeline = m_timelineDock->toggleViewAction();
    timeline->setText(tr("Socket call &timeline"));
    timeline->setShortcut(QKeySequence(Qt::Key_F9));
    timeline->setObjectName(QStringLiteral("timelineAction"));
    view->addAction(timeline);
    QAction *saved = m_saved->toggleViewAction();
    saved->setText(tr("Sa&ved messages"));
    saved->setShortcut(QKeySequence(Qt::Key_F8));
    saved->setObjectName(QStringLiteral("savedMessagesAction"));
    view->addAction(saved);
    QAction *codeView = m_code->toggleViewAction();
    codeView->setText(tr("&Code of this tab"));
    codeView->setShortcut(QKeySequence(Qt::Key_F7));
    codeView->setObjectName(QStringLiteral("codeAction"));
    view->addAction(codeView);
    QAction *labs = m_labs->toggleViewAction();
    labs->setText(tr("&Labs"));
    labs->setShortcut(QKeySequence(Qt::Key_F6));
    labs->setObjectName(QStringLiteral("labsAction"));
    view->addAction(labs);
    view->addSeparator();
    QAction *bigger = view->addAction(tr("Lar&ger text (presentation)"), this, [this] { zoom(+2); });
    bigger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    QAction *smaller = view->addAction(tr("&Smaller text"), this, [this] { zoom(-2); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    view->addAction(tr("&Normal text size"), this, [this] { setFontPointSize(0); })->setShortcut(QKeySequence(tr("Ctrl+0")));
    view->addSeparator();
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    appearance->setObjectName(QStringLiteral("appearanceMenu"));
    auto *appearances = new QActionGroup(this);
    const QList<QPair<theme::Appearance, QString>> choices = {
        {theme::Appearance::System, tr("&System colours")}, {theme::Appearance::Light, tr("&Light")}, {theme::Appearance::Dark, tr("&Dark")}};
    for (const auto &[choice, name] : choices) {
        QAction *action = appearance->addAction(name);
        action->setCheckable(true);
        action->setChecked(theme::appliedAppearance() == choice);
        action->setObjectName(QStringLiteral("appearance-") + theme::appearanceKey(choice));
        appearances->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] {
            theme::applyAppearance(choice);
            m_settings.setAppearance(theme::appearanceKey(choice));
        });
    }

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QList<QPair<QString, QString>> languages = {
        {QString(), tr("&System language")}, {QStringLiteral("en"), QStringLiteral("&English")}, {QStringLiteral("zh_CN"), QStringLiteral("简体中文 (&C)")}};
    for (const auto &[code, name] : languages) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(m_settings.language() == code);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Socketeer"), this, [this] {
        QMessageBox::about(this, tr("About Socketeer"),
                           tr("<h3>Socketeer %1</h3><p>Chat over TCP and UDP sockets and send mail, "
                              "with native sockets on worker threads.</p><p>Made for learning and teaching socket programming.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::apply(const StartupOptions &options)
{
    if (options.listenPort >= 0) {
        m_server->startListening(static_cast<quint16>(options.listenPort));
    }
    if (!options.connectHost.isEmpty()) {
        ClientPanel *panel = m_clients.isEmpty() ? addClientPanel() : m_clients.first();
        const QString host = options.connectHost;
        const quint16 port = options.connectPort;
        if (options.listenPort >= 0) {
            // Listening is asynchronous: connect once the server says it listens, so that
            // "--listen 50007 --connect localhost:50007" is a ready-made classroom demo.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_server, &ServerPanel::listeningChanged, panel, [panel, host, port, once](bool listening) {
                QObject::disconnect(*once);
                if (listening)
                    panel->connectTo(host, port);
            });
        } else {
            panel->connectTo(host, port);
        }
    }
    if (options.udpPort >= 0)
        m_udp->bindPort(static_cast<quint16>(options.udpPort));

    // The tab the window opens on: the one the options name, and with several the one that shows
    // the most (the client of "--listen P --connect localhost:P" talking to the server), then UDP.
    if (!options.connectHost.isEmpty())
        m_tabs->setCurrentWidget(m_clients.first());
    else if (options.udpPort >= 0)
        m_tabs->setCurrentWidget(m_udp);
    else if (options.listenPort >= 0)
        m_tabs->setCurrentWidget(m_server);
}

QString MainWindow::statusTotals() const { return m_totals->text(); }

void MainWindow::updateTotals()
{
    qint64 in = 0, out = 0;
    auto add = [&](TrafficCounters *counters) {
        in += counters->bytesIn();
        out += counters->bytesOut();
    };
    add(m_server->counters());
    for (ClientPanel *panel : m_clients)
        add(panel->counters());
    add(m_udp->counters());
    add(m_relay->counters());
    m_totals->setText(tr("Received %1 · Sent %2").arg(TrafficCounters::formatBytes(in), TrafficCounters::formatBytes(out)));
}

void MainWindow::setFontPointSize(int points)
{
    QFont font = QApplication::font();
    font.setPointSize(points > 0 ? points : m_defaultPointSize);
    QApplication::setFont(font);
    m_settings.setFontPointSize(points);
}

int MainWindow::fontPointSize() const { return QApplication::font().pointSize(); }

void MainWindow::zoom(int steps)
{
    setFontPointSize(std::clamp(fontPointSize() + steps, 6, 48));
}

bool MainWindow::hasOpenSockets() const
{
    if (m_server->server()->isRunning() || m_udp->endpoint()->isOpen() || m_relay->relay()->isRunning() || (m_compose && m_compose->isSending()))
        return true;
    return std::any_of(m_clients.begin(), m_clients.end(),
                       [](const ClientPanel *panel) { return panel->client()->state() != TcpClient::State::Unconnected; });
}

void MainWindow::chooseLanguage(const QString &language)
{
    m_settings.setLanguage(language);
    // The window is rebuilt in the new language (its fields and layout are remembered, so it
    // comes back as it was); only open connections would be lost, so those are asked about.
    if (hasOpenSockets()) {
        QMessageBox question(QMessageBox::Question, tr("Change the language"),
                             tr("Switching the language now reopens the window and closes the open connections."), QMessageBox::NoButton, this);
        QPushButton *now = question.addButton(tr("Switch &now"), QMessageBox::AcceptRole);
        question.addButton(tr("At the next &start"), QMessageBox::RejectRole);
        question.exec();
        if (question.clickedButton() != now) {
            statusBar()->showMessage(tr("The language changes the next time Socketeer starts."), 8000);
            return;
        }
    }
    emit languageSwitchRequested(language);
}

void MainWindow::updateInboxTab()
{
    m_tabs->setTabText(m_tabs->indexOf(m_inbox), m_unreadMail > 0 ? tr("Inbox (%1)").arg(m_unreadMail) : tr("Inbox"));
}

void MainWindow::openMail()
{
    // One compose window, kept while the main window lives: its password stays in memory only.
    if (!m_compose) {
        m_compose = new ComposeWindow(m_settings, {}, this);
        // The "Local inbox" account follows the Inbox tab: its port, STARTTLS when it has a
        // certificate, a login when it asks for one.
        const auto tellCompose = [this] {
            const SmtpReceiverConfig &config = m_inbox->receiver()->config();
            m_compose->setLocalInbox({m_inbox->listeningPort(), config.tls != nullptr, config.authMode != SmtpAuthMode::Off});
        };
        tellCompose();
        connect(m_inbox, &InboxPanel::listeningChanged, m_compose, [tellCompose](bool listening) {
            if (listening)
                tellCompose();
        });
    }
    m_compose->show();
    m_compose->raise();
    m_compose->activateWindow();
}

void MainWindow::saveSettings()
{
    m_settings.setFields(QStringLiteral("server"), captureFields(m_server));
    m_settings.setFields(QStringLiteral("udp"), captureFields(m_udp));
    m_settings.setFields(QStringLiteral("relay"), captureFields(m_relay));
    // The client panel last looked at is the one whose address the next run offers.
    auto *client = qobject_cast<ClientPanel *>(m_tabs->currentWidget());
    if (!client && !m_clients.isEmpty())
        client = m_clients.last();
    if (client)
        m_settings.setFields(QStringLiteral("client"), captureFields(client));
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace socketeer::ui
