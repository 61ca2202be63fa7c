#pragma once
// The window a class sees: a Server panel, one or more Client panels, a UDP panel, the local
// Inbox, the socket-call timeline, presentation mode and the language menu, with live totals in the status bar.

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;
class QTranslator;

namespace socketeer::ui {

class ClientPanel;
class CodeDock;
class ComposeWindow;
class InboxPanel;
class LabsDock;
class SavedMessagesDock;
class ServerPanel;
class Settings;
class TimelineView;
class RelayPanel;
class UdpPanel;

struct StartupOptions {
    int listenPort = -1;      // --listen PORT
    QString connectHost;      // --connect HOST:PORT
    quint16 connectPort = 0;
    int udpPort = -1;         // --udp PORT
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerPanel *serverPanel() const { return m_server; }
    UdpPanel *udpPanel() const { return m_udp; }
    RelayPanel *relayPanel() const { return m_relay; }
    InboxPanel *inboxPanel() const { return m_inbox; }
    QList<ClientPanel *> clientPanels() const { return m_clients; }
    ClientPanel *addClientPanel();
    TimelineView *timeline() const { return m_timeline; }
    SavedMessagesDock *savedMessages() const { return m_saved; }
    CodeDock *codeView() const { return m_code; }
    LabsDock *labs() const { return m_labs; }
    ComposeWindow *composeWindow() const { return m_compose; }   // null until Mail… is chosen
    void openMail();
    QTabWidget *tabs() const { return m_tabs; }
    QString statusTotals() const;

    void apply(const StartupOptions &options);
    // Remembers the panels' fields, the geometry and the layout (closing does it too).
    void saveSettings();
    void setFontPointSize(int points);   // presentation mode; 0: the system's size
    int fontPointSize() const;

signals:
    // The user chose a language to use now: whoever owns the window rebuilds it in that language.
    void languageSwitchRequested(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateTotals();
    void zoom(int steps);
    void chooseLanguage(const QString &language);
    bool hasOpenSockets() const;
    void closeTab(int index);
    void updateInboxTab();

    Settings &m_settings;
    QTabWidget *m_tabs;
    ServerPanel *m_server;
    UdpPanel *m_udp;
    RelayPanel *m_relay;
    InboxPanel *m_inbox;
    int m_unreadMail = 0;
    QList<ClientPanel *> m_clients;
    int m_clientsCreated = 0;
    TimelineView *m_timeline;
    QDockWidget *m_timelineDock;
    SavedMessagesDock *m_saved;
    CodeDock *m_code;
    LabsDock *m_labs;
    QLabel *m_totals;
    ComposeWindow *m_compose = nullptr;
    int m_defaultPointSize = 0;
};

} // namespace socketeer::ui
