// Produces the README's screenshots from the real window: a server with two clients chatting
// through it, a UDP exchange, the socket-call timeline, the compose-mail window, and the mail it
// sent read back in the local inbox. Run by scripts/screenshots.sh.

#include "screenshotchat.h"

#include "certificatedialog.h"
#include "clientpanel.h"
#include "codedock.h"
#include "addressinputs.h"
#include "labsdock.h"
#include "autoreplyfields.h"
#include "checksumfields.h"
#include "composewindow.h"
#include "framingbar.h"
#include "framingfields.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "languages.h"
#include "mainwindow.h"
#include "messagelogview.h"
#include "messageview.h"
#include "rulesdialog.h"
#include "savedmessagesdock.h"
#include "savedstore.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "settings.h"
#include "theme.h"
#include "timelineview.h"
#include "tlsserverfields.h"
#include "trafficcounters.h"
#include "relaypanel.h"
#include "impairmentfields.h"
#include "udppanel.h"

#include "saved/sequencerunner.h"
#include "relay/relay.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "text/autoreply.h"
#include "text/checksum.h"
#include "text/framing.h"
#include "udp/udpendpoint.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

template <typename Predicate>
bool waitFor(Predicate done, int ms = 5000)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

void say(ClientPanel *panel, const QString &text)
{
    panel->sendBox()->input()->setText(text);
    emit panel->sendBox()->input()->returnPressed();
}

int failed(const char *step, const QString &status)
{
    std::fprintf(stderr, "FAILED: %s (%s)\n", step, qPrintable(status));
    return 1;
}

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

// Issue 11: "TCP is a stream" made visible. A device sends length-prefixed readings with a
// CRC-16/MODBUS at the end, in pieces that have nothing to do with where its messages end; the
// server panel shows whole messages (one with a bad check value, marked), and beside them the raw
// chunks as they were read. Its reply gets the same framing and check value.
bool framingScene(const QString &path)
{
    ServerPanel panel;
    panel.resize(1390, 620);
    FramingFields *fields = panel.framing()->framing();
    fields->kindCombo()->setCurrentIndex(fields->kindCombo()->findData(QStringLiteral("len")));
    fields->frameSentCheck()->setChecked(true);
    fields->showRawCheck()->setChecked(true);
    ChecksumFields *checks = panel.framing()->checksums();
    checks->appendCombo()->setCurrentIndex(checks->appendCombo()->findData(QStringLiteral("crc16-modbus")));
    checks->verifyCombo()->setCurrentIndex(checks->verifyCombo()->findData(QStringLiteral("crc16-modbus")));
    panel.show();
    // Room for the messages and their verdicts: a narrow client list, the raw pane a third.
    if (auto *outer = panel.findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly))
        outer->setSizes({170, 1200});
    if (auto *inner = panel.log()->findChild<QSplitter *>())
        inner->setSizes({760, 440});
    panel.startListening(0);
    if (!waitFor([&] { return panel.server()->boundAddress().port() != 0; }))
        return false;
    TcpClient device;
    TcpClientConfig config;
    config.endpoint = Endpoint{QStringLiteral("127.0.0.1"), panel.server()->boundAddress().port(), {}};
    device.connectToHost(config);
    if (!waitFor([&] { return panel.server()->clientCount() == 1; }))
        return false;

    const ChecksumSpec modbus = *parseChecksumSpec(QStringLiteral("crc16-modbus"));
    const FrameSpec spec = *FrameSpec::parse(QStringLiteral("len:2be"));
    QByteArray stream;
    for (const QByteArray &reading : {QByteArray("temp=21.5"), QByteArray("humidity=48%"), QByteArray("温度=21.6")})
        stream += *frame(spec, appendChecksum(modbus, reading));
    stream += *frame(spec, QByteArray("status=RUN\x00\x00", 12));   // a corrupted check value
    stream += *frame(spec, appendChecksum(modbus, QByteArray("pressure=1013")));
    // Pieces as a busy network might deliver them: half a message, then two and a bit, …
    const QList<qsizetype> cuts{7, 40, 55, stream.size()};
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        device.send(stream.mid(from, cut - from));
        from = cut;
        settle(250);
    }
    panel.sendBox()->input()->setText(QStringLiteral("ACK"));
    emit panel.sendBox()->input()->returnPressed();
    settle(300);
    panel.sendBox()->input()->setText(QStringLiteral("ACK"));   // the calculator shows what would go next
    settle(400);
    const bool ok = save(&panel, path);
    device.disconnectFromHost();
    panel.stopListening();
    waitFor([&] { return !panel.server()->isRunning(); });
    return ok;
}

// Issue 11: a server that answers by its rules. The panel's badge says they are on; its log shows
// the automatic replies marked with the rule that sent them; over it the rules dialog, trying a
// message through the same matcher the server's threads use.
bool rulesScene(const QString &path)
{
    ServerPanel panel;
    panel.resize(1390, 900);
    auto *fields = panel.findChild<AutoReplyFields *>();
    ReplyRuleSet set;
    auto rule = [](MatchKind kind, const QString &pattern, const QString &reply) {
        ReplyRule r;
        r.match = kind;
        r.pattern = pattern;
        r.reply = reply;
        return r;
    };
    set.rules << rule(MatchKind::Regex, QStringLiteral("^PING (\\d+)$"), QStringLiteral("PONG \\1\\n"))
              << rule(MatchKind::Exact, QStringLiteral("time?"), QStringLiteral("It is {{time}}\\n"))
              << rule(MatchKind::Contains, QStringLiteral("你好"), QStringLiteral("欢迎 / welcome, client {{counter}}\\n"));
    ReplyRule modbus = rule(MatchKind::Hex, QStringLiteral("01 03 ?? ?? *"), QStringLiteral("01 83 02"));
    modbus.format = ReplyFormat::Hex;
    set.rules << modbus;
    fields->setRuleSet(set);
    fields->enableCheck()->setChecked(true);
    panel.show();
    if (auto *outer = panel.findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly))
        outer->setSizes({220, 1170});
    panel.startListening(0);
    if (!waitFor([&] { return panel.server()->boundAddress().port() != 0; })) {
        std::fprintf(stderr, "FAILED: rules scene: %s\n", qPrintable(panel.statusText()));
        return false;
    }
    TcpClient client;
    TcpClientConfig config;
    config.endpoint = Endpoint{QStringLiteral("127.0.0.1"), panel.server()->boundAddress().port(), {}};
    client.connectToHost(config);
    if (!waitFor([&] { return panel.server()->clientCount() == 1; })) {
        std::fprintf(stderr, "FAILED: rules scene: no client\n");
        return false;
    }
    for (const char *line : {"PING 1\n", "time?\n", "你好\n", "PING 2\n", "hello\n"}) {
        client.send(QByteArray(line));
        settle(150);
    }
    settle(300);
    // Open while listening: the dialog shows the rules and tries messages; OK waits for Stop.
    fields->editRules();
    RulesDialog *dialog = fields->dialog();
    if (!dialog)
        return false;
    dialog->resize(900, 300);
    dialog->testEdit()->setText(QStringLiteral("PING 42"));
    settle(300);
    QPixmap shot = panel.grab();
    {
        QPainter painter(&shot);
        const QPixmap over = dialog->grab();
        // Low and to the right, over the send box: the log's automatic replies stay in view.
        const QPoint at(shot.width() - over.width() - 20, shot.height() - over.height() - 20);
        painter.fillRect(QRect(at, over.size()).adjusted(-3, -3, 3, 3), QColor(0x55, 0x55, 0x55));
        painter.drawPixmap(at, over);
    }
    const bool ok = shot.save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    dialog->reject();
    client.disconnectFromHost();
    panel.stopListening();
    waitFor([&] { return !panel.server()->isRunning(); });
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    // The development certificate lives in the data folder: a throwaway one, not the user's.
    qputenv("XDG_DATA_HOME", QFile::encodeName(config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("Socketeer"));
    QCoreApplication::setApplicationName(QStringLiteral("socketeer-screenshots"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    const QString language = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const QString used = installLanguage(language.isEmpty() ? QStringLiteral("en") : language);
    // "dark" as the third argument: the same shots in the dark appearance, named *_dark.png.
    const bool dark = argc > 3 && QString::fromLocal8Bit(argv[3]) == QLatin1String("dark");
    theme::applyAppearance(dark ? theme::Appearance::Dark : theme::Appearance::Light);
    QDir().mkpath(out);
    // Under QT_SCALE_FACTOR=2 (a 200 % desktop) the shots are twice as many pixels: *_2x.png.
    const bool doubled = app.devicePixelRatio() >= 2;
    const QString suffix = (used == QLatin1String("en") ? QString() : QLatin1Char('_') + used) + (dark ? QStringLiteral("_dark") : QString())
        + (doubled ? QStringLiteral("_2x") : QString());

    QTemporaryDir inbox;
    Settings settings;
    settings.setInboxPort(0);   // never the user's 2525
    settings.setInboxDirectory(inbox.path());
    MainWindow window(settings);
    window.resize(1200, 760);
    window.show();

    // The tutorial's demo: a server on loopback, two clients chatting through it.
    window.serverPanel()->startListening(0);
    if (!waitFor([&] { return window.serverPanel()->server()->boundAddress().port() != 0; }))
        return 1;
    const quint16 port = window.serverPanel()->server()->boundAddress().port();
    ClientPanel *alice = window.clientPanels().first();
    ClientPanel *bob = window.addClientPanel();
    alice->connectTo(QStringLiteral("127.0.0.1"), port);
    bob->connectTo(QStringLiteral("127.0.0.1"), port);
    if (!waitFor([&] { return window.serverPanel()->server()->clientCount() == 2; }))
        return 1;
    say(alice, QStringLiteral("Hello, server!"));
    say(bob, QStringLiteral("你好，服务器！"));
    settle(200);
    window.serverPanel()->sendBox()->input()->setText(QStringLiteral("Welcome, everyone / 欢迎"));
    emit window.serverPanel()->sendBox()->input()->returnPressed();
    settle(300);

    // UDP: the panel talks to itself through a second endpoint, like the tutorial's UDP pair.
    window.udpPanel()->bindPort(0);
    if (!waitFor([&] { return window.udpPanel()->endpoint()->boundAddress().port() != 0; }))
        return 1;
    UdpEndpoint peer;
    peer.open({});
    waitFor([&] { return peer.boundAddress().port() != 0; });
    peer.sendTo(Endpoint{QStringLiteral("127.0.0.1"), window.udpPanel()->endpoint()->boundAddress().port(), {}},
                QByteArray("ping from the tutorial's UDP client"));
    settle(300);

    bool ok = chatScenes(settings, out, suffix);
    window.tabs()->setCurrentWidget(window.serverPanel());
    settle(600);
    ok &= save(&window, out + QStringLiteral("/server%1.png").arg(suffix));
    window.tabs()->setCurrentWidget(bob);
    settle(300);
    ok &= save(&window, out + QStringLiteral("/client%1.png").arg(suffix));
    window.tabs()->setCurrentWidget(window.udpPanel());
    settle(300);
    ok &= save(&window, out + QStringLiteral("/udp%1.png").arg(suffix));

    // Saved messages in folders, and a sequence running from Bob's panel: sent, waiting, round 1 of 3.
    {
        SavedMessagesDock *saved = window.savedMessages();
        SavedLibrary library;
        const auto text = [](const char *name, const char *folder, const char *message) {
            return SavedMessage{QString::fromUtf8(name), QString::fromUtf8(folder), SavedMessage::Format::Text, QString::fromUtf8(message), {}};
        };
        library.messages = {text("hello", "", "Hello, server!\\n"),
                            text("你好", "中文", "你好，服务器！\\n"),
                            SavedMessage{QStringLiteral("read coils"), QStringLiteral("Modbus/Reads"), SavedMessage::Format::Hex,
                                         QStringLiteral("01 01 00 00 00 08 3D CC"), {}},
                            SavedMessage{QStringLiteral("read registers"), QStringLiteral("Modbus/Reads"), SavedMessage::Format::Hex,
                                         QStringLiteral("01 03 00 00 00 02 C4 0B"), {}},
                            text("status?", "Device", "STATUS?\\r\\n"),
                            text("reset", "Device", "RESET\\r\\n")};
        const auto send = [](const char *name) { return SequenceStep{SequenceStep::Kind::Send, QString::fromUtf8(name), 0, {}, 0}; };
        const auto pause = [](int ms) { return SequenceStep{SequenceStep::Kind::Delay, {}, ms, {}, 0}; };
        library.sequences = {{QStringLiteral("poll the device"), {send("status?"), pause(800), send("hello"), pause(60000)}, 3, {}}};
        saved->store()->setLibrary(library);
        saved->show();
        window.resizeDocks({saved}, {460}, Qt::Horizontal);
        window.tabs()->setCurrentWidget(bob);
        saved->sequenceBox()->setCurrentIndex(0);
        saved->runButton()->click();
        // Two sends out, the last pause running: step 4 of 4, round 1 of 3.
        waitFor([&] { return saved->runner()->currentStep() == 4; }, 10000);
        settle(400);
        ok &= save(&window, out + QStringLiteral("/saved%1.png").arg(suffix));
        saved->stopSequence();
        saved->hide();
        saved->store()->setLibrary({});
    }

    // Show me the code: the server tab's program beside it, the line of the last call marked.
    {
        CodeDock *code = window.codeView();
        code->show();
        window.resizeDocks({code}, {700}, Qt::Horizontal);
        window.tabs()->setCurrentWidget(window.serverPanel());
        settle(300);
        say(alice, QStringLiteral("Which line did that?"));
        waitFor([&] { return code->highlightedLine() > 0; });
        settle(400);
        ok &= save(&window, out + QStringLiteral("/code%1.png").arg(suffix));
        code->hide();
    }

    // A lab graded in the window: the echo-server lab against the server tab, whose echo is off,
    // so the first expectation fails and shows its hint.
    {
        LabsDock *labs = window.labs();
        labs->show();
        window.resizeDocks({labs}, {640}, Qt::Horizontal);
        window.tabs()->setCurrentWidget(window.serverPanel());
        labs->openLab(QStringLiteral("echo-server"));
        labs->portEdit()->setPort(port);
        bool done = false;
        QObject::connect(labs, &LabsDock::runFinished, labs, [&done] { done = true; });
        if (labs->run())
            waitFor([&] { return done; }, 60000);
        settle(300);
        // The run's own calls on the dock's timeline: the failing step's exchange selected.
        labs->detailsTabs()->setCurrentIndex(1);
        settle(400);
        ok &= save(&window, out + QStringLiteral("/labs%1.png").arg(suffix));
        labs->detailsTabs()->setCurrentIndex(0);
        labs->hide();
    }

    // The classroom view: a client connecting and talking, drawn on the timeline as it happens —
    // socket() and connect() on the client's lane, accept() and recv() on the server's.
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    dock->show();
    window.resizeDocks({dock}, {420}, Qt::Vertical);
    settle(200);
    ClientPanel *carol = window.addClientPanel();
    carol->connectTo(QStringLiteral("127.0.0.1"), port);
    if (!waitFor([&] { return window.serverPanel()->server()->clientCount() == 3; }))
        return 1;
    say(carol, QStringLiteral("How does accept() work?"));
    settle(300);
    window.serverPanel()->sendBox()->input()->setText(QStringLiteral("accept() returned a new socket for you"));
    emit window.serverPanel()->sendBox()->input()->returnPressed();
    settle(600);
    ok &= save(&window, out + QStringLiteral("/timeline%1.png").arg(suffix));

    // The relay between a client and the server: the server's answer reaches the client a byte at a
    // time, each piece a send of its own, and the slicing drawn on the timeline in its own colour.
    {
        RelayPanel *relay = window.relayPanel();
        relay->listenPort()->setPort(0);
        relay->targetHost()->setText(QStringLiteral("127.0.0.1"));
        relay->targetPort()->setPort(port);
        relay->impairments()->setSpec(QStringLiteral("latency=20:5 slice=1:0:30000@down"));
        window.tabs()->setCurrentWidget(relay);
        quint16 relayPort = 0;
        QObject::connect(relay->relay(), &Relay::started, relay, [&](const QString &, quint16 bound) { relayPort = bound; });
        relay->startButton()->click();
        if (!waitFor([&] { return relayPort != 0; }))
            return failed("relay", relay->statusText());
        window.timeline()->clear();   // only this exchange's lanes: the client, the relay, the server
        ClientPanel *dave = window.addClientPanel();
        dave->connectTo(QStringLiteral("127.0.0.1"), relayPort);
        if (!waitFor([&] { return window.serverPanel()->server()->clientCount() == 4; }))
            return failed("relay client", relay->statusText());
        say(dave, QStringLiteral("Hello through the relay"));
        settle(300);
        window.serverPanel()->sendBox()->input()->setText(QStringLiteral("TCP is a stream"));
        emit window.serverPanel()->sendBox()->input()->returnPressed();
        waitFor([&] { return relay->counters()->bytesIn() >= 15; }, 8000);   // every piece of it came down
        window.tabs()->setCurrentWidget(relay);
        settle(800);
        ok &= save(&window, out + QStringLiteral("/relay%1.png").arg(suffix));
    }

    // The compose-mail window with the tutorial's mail filled in and its attachment listed.
    QTemporaryDir files;
    const QString attachment = files.filePath(QStringLiteral("汇总数据.xlsx"));
    QFile sheet(attachment);
    if (sheet.open(QIODevice::WriteOnly))
        sheet.write(QByteArray(48 * 1024, 'x'));
    sheet.close();
    ComposeWindow compose(settings, files.filePath(QStringLiteral("draft.json")));
    compose.resize(1200, 760);
    compose.show();
    auto set = [&](const char *name, const QString &text) {
        if (auto *line = compose.findChild<QLineEdit *>(QLatin1String(name)))
            line->setText(text);
    };
    if (auto *preset = compose.findChild<QComboBox *>(QStringLiteral("preset")))
        preset->setCurrentIndex(preset->findData(QStringLiteral("126")));
    set("user", QStringLiteral("wangdachui@126.com"));
    set("password", QStringLiteral("not-a-real-code"));
    set("from", QStringLiteral("王大锤 <wangdachui@126.com>"));
    set("to", QStringLiteral("张三 <zhangsan@example.com>, lisi@example.com"));
    set("subject", QStringLiteral("测试邮件 — 月报"));
    if (auto *body = compose.findChild<QPlainTextEdit *>(QStringLiteral("body")))
        body->setPlainText(QStringLiteral("各位好，\n\n附件是本月的汇总数据。\n\n王大锤"));
    compose.attachFiles({attachment});
    settle(400);
    ok &= save(&compose, out + QStringLiteral("/compose%1.png").arg(suffix));
    // The same mail as a program: the Code pane beside the fields.
    compose.resize(1500, 760);
    compose.codeButton()->setChecked(true);
    settle(700);
    ok &= save(&compose, out + QStringLiteral("/composecode%1.png").arg(suffix));
    compose.codeButton()->setChecked(false);
    compose.resize(1200, 760);

    // The same mail sent for real to the local inbox, then read there: text and attachments,
    // then the MIME structure.
    if (!waitFor([&] { return window.inboxPanel()->listeningPort() != 0; }))
        return 1;
    if (auto *preset = compose.findChild<QComboBox *>(QStringLiteral("preset")))
        preset->setCurrentIndex(preset->findData(QStringLiteral("local")));
    compose.setLocalInbox({window.inboxPanel()->listeningPort()});
    window.timeline()->canvas()->clear();   // the timeline shows this mail alone
    compose.send();
    if (!waitFor([&] { return window.inboxPanel()->model()->rowCount() == 1; }, 15000))
        return 1;
    // The inbox lists the mail as soon as it is stored, before the client has sent QUIT: closing
    // the window then would ask whether to cancel the sending, and wait for an answer forever.
    if (!waitFor([&] { return !compose.isSending(); }, 15000))
        return 1;
    compose.close();
    // The SMTP dialogue as the class sees it on the timeline: the mail client's lane and the
    // inbox's, with an arrow for every command and reply.
    window.tabs()->setCurrentWidget(window.inboxPanel());
    window.inboxPanel()->selectRow(0);
    settle(800);
    ok &= save(&window, out + QStringLiteral("/mailtimeline%1.png").arg(suffix));
    dock->hide();
    window.inboxPanel()->selectRow(0);
    settle(800);
    ok &= save(&window, out + QStringLiteral("/inbox%1.png").arg(suffix));
    window.inboxPanel()->view()->tabs()->setCurrentIndex(2);
    settle(300);
    ok &= save(&window, out + QStringLiteral("/mime%1.png").arg(suffix));

    // Issue 10's newcomer: TLS on in the server panel with the development certificate, a client
    // panel with TLS that is asked to trust it once, then chats; the handshake on the timeline.
    ServerPanel *server = window.serverPanel();
    server->stopListening();
    if (!waitFor([&] { return !server->server()->isRunning(); }))
        return failed("the server did not stop", server->statusText());
    server->tlsFields()->setMode(TlsServerFields::Mode::DevelopmentCertificate);
    server->startListening(0);
    if (!waitFor([&] { return server->server()->boundAddress().port() != 0; }, 15000))
        return failed("the server did not start with TLS", server->statusText());
    const quint16 tlsPort = server->server()->boundAddress().port();
    ClientPanel *dave = window.addClientPanel();
    dave->tlsCheck()->setChecked(true);
    window.tabs()->setCurrentWidget(dave);
    dock->show();
    window.timeline()->canvas()->clear();
    dave->connectTo(QStringLiteral("localhost"), tlsPort);
    CertificateDialog *dialog = nullptr;
    if (!waitFor([&] { return (dialog = dave->findChild<CertificateDialog *>()) != nullptr && dialog->isVisible(); }, 15000))
        return failed("no certificate dialog", server->statusText() + QLatin1Char(' ') + dave->statusText());
    settle(400);
    ok &= save(dialog, out + QStringLiteral("/tlstrust%1.png").arg(suffix));
    window.timeline()->canvas()->clear();   // the connection that is trusted, not the refused one
    dialog->trustButton()->click();
    if (!waitFor([&] { return dave->client()->state() == TcpClient::State::Connected; }, 15000))
        return failed("the client did not connect", server->statusText() + QLatin1Char(' ') + dave->statusText());
    say(dave, QStringLiteral("Is this encrypted? / 加密了吗？"));
    settle(300);
    server->sendBox()->input()->setText(QStringLiteral("Yes: TLS 1.3 / 是的"));
    emit server->sendBox()->input()->returnPressed();
    settle(800);
    // From the client's connect(): its handshake, then the first SSL_write() and the server's read.
    window.resize(1200, 880);
    window.resizeDocks({dock}, {400}, Qt::Vertical);
    settle(300);
    if (auto *scroll = window.timeline()->findChild<QScrollArea *>())
        scroll->horizontalScrollBar()->setValue(0);
    settle(300);
    ok &= save(&window, out + QStringLiteral("/tls%1.png").arg(suffix));
    ok &= framingScene(out + QStringLiteral("/framing%1.png").arg(suffix));
    ok &= rulesScene(out + QStringLiteral("/rules%1.png").arg(suffix));
    return ok ? 0 : 1;
}
