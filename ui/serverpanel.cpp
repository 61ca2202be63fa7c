#include "serverpanel.h"

#include "autoreplyfields.h"
#include "chatparticipants.h"
#include "chatroomfields.h"
#include "theme.h"

#include "fieldmemory.h"
#include "filestream.h"
#include "framingbar.h"
#include "addressinputs.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "tlsserverfields.h"
#include "trafficcounters.h"

#include "tcp/tcpserver.h"
#include "text/timetext.h"
#include "tls/tlscontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace socketeer::ui {

namespace {
enum ClientColumn { IdColumn, AddressColumn, SinceColumn, InColumn, OutColumn };
}

ServerPanel::ServerPanel(QWidget *parent)
    : QWidget(parent),
      m_server(new TcpServer(this)),
      m_address(new LocalAddressCombo(this)),
      m_port(new PortEdit(this)),
      m_model(new QComboBox(this)),
      m_echo(new QCheckBox(tr("&Echo"), this)),
      m_maxClients(new QSpinBox(this)),
      m_startButton(new QPushButton(tr("St&art"), this)),
      m_openWarning(new QLabel(this)),
      m_status(new QLabel(this)),
      m_threads(new QLabel(this)),
      m_clients(new QTreeWidget(this)),
      m_disconnectButton(new QPushButton(tr("&Disconnect selected"), this)),
      m_target(new QComboBox(this)),
      m_log(new MessageLogView(this)),
      m_sendBox(new SendBox(this)),
      m_framing(new FramingBar(m_log, m_sendBox, this)),
      m_counters(new TrafficCounters(this)),
      m_fileSend(new FileSendWatch(this)),
      m_stallTimeout(new QSpinBox(this)),
      m_tls(new TlsServerFields(this)),
      m_chat(new ChatRoomFields(this)),
      m_rules(new AutoReplyFields(true, this)),
      m_participants(new ChatParticipants(m_server, this))
{
    // A client that takes nothing at all for this long while data waits for it is dropped; a
    // slower one is waited for. Remembered with the panel's other fields.
    m_stallTimeout->setRange(0, 3600);
    m_stallTimeout->setValue(static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(limits::kStallTimeout).count()));
    m_stallTimeout->setSpecialValueText(tr("never"));
    m_stallTimeout->setSuffix(tr(" s"));
    m_stallTimeout->setObjectName(QStringLiteral("stallTimeout"));
    m_stallTimeout->setAccessibleName(tr("Stall timeout"));
    m_stallTimeout->setToolTip(tr("Disconnect a client that takes no data at all for this many seconds while data waits "
                                  "for it. A slower client is waited for."));
    rememberField(m_stallTimeout);
    m_address->setObjectName(QStringLiteral("bindAddress"));
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setAccessibleName(tr("Listen port"));
    m_port->setPort(50007);   // the tutorial's port
    m_model->addItem(tr("Event loop (one thread)"), static_cast<int>(ServerModel::EventLoop));
    m_model->addItem(tr("Thread per client"), static_cast<int>(ServerModel::ThreadPerClient));
    m_model->setObjectName(QStringLiteral("serverModel"));
    m_model->setToolTip(tr("Event loop: one thread watches every client with epoll. "
                           "Thread per client: the tutorial's threaded server, one thread for each connection."));
    m_echo->setObjectName(QStringLiteral("echoCheck"));
    m_echo->setToolTip(tr("Send everything a client sends straight back to it, like the tutorial's echo server"));
    m_maxClients->setRange(0, 100000);
    m_maxClients->setSpecialValueText(tr("default"));
    m_maxClients->setObjectName(QStringLiteral("maxClients"));
    m_maxClients->setAccessibleName(tr("Most clients"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_address, m_port, m_model, m_echo, m_maxClients})
        rememberField(field);
    m_maxClients->setToolTip(tr("Connections beyond this number are accepted and closed at once. "
                                "Default: no limit for the event loop, %1 for thread per client (each client is a thread).")
                                 .arg(limits::kThreadPerClientMaxClients));
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setToolTip(tr("Start or stop listening"));
    m_startButton->setDefault(true);
    m_openWarning->setObjectName(QStringLiteral("openWarning"));
    m_openWarning->setText(tr("⚠ Listening on all interfaces opens this port to other machines on the network."));
    m_openWarning->setStyleSheet(theme::textStyle(theme::Role::Warning));
    m_openWarning->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("serverStatus"));
    // Addresses and errors are text, never markup: a QLabel would guess HTML from a tag.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_threads->setObjectName(QStringLiteral("threadCount"));

    m_clients->setObjectName(QStringLiteral("clientList"));
    m_clients->setAccessibleDescription(tr("The clients connected now: select one to send to it alone"));
    m_clients->setAccessibleName(tr("Connected clients"));
    m_clients->setHeaderLabels({tr("ID"), tr("Address"), tr("Connected since"), tr("In"), tr("Out")});
    m_clients->setRootIsDecorated(false);
    m_clients->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_clients->setUniformRowHeights(true);
    // Widths from the font, not ResizeToContents, which measures every row again on each counter
    // update: with 100 clients sending, that alone froze the window for a quarter of a second.
    sizeClientColumns();
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    m_disconnectButton->setToolTip(tr("Close the connection of the selected clients"));
    m_target->addItem(tr("Send to all clients"));
    m_target->addItem(tr("Send to selected clients"));
    m_target->setObjectName(QStringLiteral("sendTarget"));
    m_target->setToolTip(tr("Send to every client, or only to the one selected"));

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Listen on"), this));
    form->addWidget(m_address, 2);
    form->addWidget(new QLabel(tr("Port"), this));
    form->addWidget(m_port);
    form->addWidget(m_model);
    form->addWidget(new QLabel(tr("Max clients"), this));
    form->addWidget(m_maxClients);
    form->addWidget(new QLabel(tr("Stall timeout"), this));
    form->addWidget(m_stallTimeout);
    form->addWidget(m_echo);
    form->addWidget(m_chat);
    form->addWidget(m_startButton);

    auto *clientsBox = new QWidget(this);
    auto *clientsLayout = new QVBoxLayout(clientsBox);
    clientsLayout->setContentsMargins(0, 0, 0, 0);
    auto *clientsTitle = new QHBoxLayout;
    clientsTitle->addWidget(new QLabel(tr("Clients"), clientsBox), 1);
    clientsTitle->addWidget(m_threads);
    clientsLayout->addLayout(clientsTitle);
    clientsLayout->addWidget(m_clients, 1);
    clientsLayout->addWidget(m_disconnectButton);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(clientsBox);
    splitter->addWidget(m_participants);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(2, 2);

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_target);
    sendRow->addWidget(m_sendBox, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tls);
    layout->addWidget(m_openWarning);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_rules);
    layout->addWidget(m_framing);
    layout->addLayout(sendRow);
    layout->addWidget(m_counters);

    setTabOrder(m_address, m_port);
    setTabOrder(m_port, m_model);
    setTabOrder(m_model, m_maxClients);
    setTabOrder(m_maxClients, m_echo);
    setTabOrder(m_echo, m_tls->securityCombo());
    setTabOrder(m_tls->securityCombo(), m_startButton);
    setTabOrder(m_echo, m_chat->chatCheck());
    setTabOrder(m_chat->chatCheck(), m_chat->nicknamesCheck());

    connect(m_startButton, &QPushButton::clicked, this, &ServerPanel::toggle);
    connect(m_port, &PortEdit::returnPressed, this, &ServerPanel::toggle);
    connect(m_port, &PortEdit::validityChanged, this, &ServerPanel::updateControls);
    connect(m_address, &QComboBox::currentTextChanged, this, &ServerPanel::updateControls);
    connect(m_echo, &QCheckBox::toggled, m_server, &TcpServer::setEcho);
    connect(m_disconnectButton, &QPushButton::clicked, this, &ServerPanel::disconnectSelected);
    connect(m_clients, &QTreeWidget::itemSelectionChanged, this, &ServerPanel::updateControls);
    connect(m_sendBox, &SendBox::sendRequested, this, &ServerPanel::send);
    m_sendBox->setStreamsFiles(true);
    connect(m_sendBox, &SendBox::fileSendRequested, this, &ServerPanel::sendFile);
    connect(m_fileSend, &FileSendWatch::progressed, this, [this](const QString &name, qint64 read, qint64 size) {
        setStatus(tr("Sending %1: %2 of %3 bytes read").arg(name).arg(read).arg(size), false);
    });
    connect(m_fileSend, &FileSendWatch::finished, this,
            [this](const QString &name, qint64 size, int reached, int left, const QString &error) {
                m_counters->countOut(size * reached, reached);
                QString text = tr("sent %1 (%2 bytes) to %n client(s)", nullptr, reached).arg(name).arg(size);
                if (left > 0)
                    text += QLatin1String("; ") + tr("%n client(s) left before the end", nullptr, left);
                if (!error.isEmpty())
                    text += QLatin1String("; ") + error;
                m_log->info(text);
                setStatus(text, !error.isEmpty());
            });
    connect(m_log, &MessageLogView::encodingChanged, m_sendBox, &SendBox::setEncoding);
    connect(m_participants, &ChatParticipants::status, this, [this](const QString &text, bool isError) {
        setStatus(text, isError);
        if (!isError)
            m_log->info(text);
    });

    connect(m_server, &TcpServer::started, this, &ServerPanel::onStarted);
    connect(m_server, &TcpServer::stopped, this, &ServerPanel::onStopped);
    connect(m_server, &TcpServer::clientConnected, this, &ServerPanel::onClientConnected);
    connect(m_server, &TcpServer::clientDisconnected, this, &ServerPanel::onClientDisconnected);
    connect(m_server, &TcpServer::clientRejected, this, [this](const QString &peer, const QString &reason) {
        m_log->info(tr("refused: %1").arg(reason), peer);
    });
    connect(m_server, &TcpServer::dataReceived, this, &ServerPanel::onDataReceived);
    connect(m_server, &TcpServer::errorOccurred, this, &ServerPanel::onError);
    connect(m_server, &TcpServer::autoReplied, this, [this](quint64 id, int rule, const QByteArray &reply, bool toAll, const QString &error) {
        m_log->append(m_rules->replyEntry(toAll ? tr("all clients") : peerOf(id), rule, reply, error));
        if (error.isEmpty())
            m_counters->countOut(reply.size() * (toAll ? m_items.size() : 1), toAll ? m_items.size() : 1);
    });
    connect(m_server, &TcpServer::statisticsUpdated, this, [this](const ServerStatistics &stats) {
        m_threads->setText(tr("%n thread(s)", nullptr, stats.threads));
        refreshClientCounters();
    });
    updateControls();
}

ServerPanel::~ServerPanel() = default;

QString ServerPanel::statusText() const { return m_status->text(); }

void ServerPanel::startListening(quint16 port)
{
    m_port->setPort(port);
    if (!m_server->isRunning())
        toggle();
}

void ServerPanel::stopListening()
{
    if (m_server->isRunning())
        m_server->stop();
}

void ServerPanel::toggle()
{
    if (m_server->isRunning()) {
        m_startButton->setEnabled(false);
        m_startButton->setText(tr("Stopping…"));
        m_server->stop();
        return;
    }
    if (!m_port->isValid()) {
        setStatus(m_port->errorText(), true);
        return;
    }
    auto host = parseHost(m_address->address());
    if (!host) {
        setStatus(host.error().message(), true);
        return;
    }
    TcpServerConfig config;
    config.endpoint = Endpoint{*host, m_port->port(), {}};
    config.model = static_cast<ServerModel>(m_model->currentData().toInt());
    config.echo = m_echo->isChecked();
    config.chat = m_chat->config();
    config.maxClients = m_maxClients->value();
    config.stallTimeout = std::chrono::seconds(m_stallTimeout->value());
    auto rules = m_rules->replier(m_framing);
    if (!rules) {
        setStatus(rules.error().message(), true);
        return;
    }
    config.rules = std::move(rules).value();
    // Made (or read and checked) before anything listens: a broken key file is said now, naming it.
    auto tls = m_tls->makeContext();
    if (!tls) {
        setStatus(tls.error().message(), true);
        m_log->error(tls.error().message());
        return;
    }
    config.tls = std::move(tls).value();
    m_starting = true;
    setStatus(tr("Starting…"), false);
    m_server->start(config);
    updateControls();
}

void ServerPanel::onStarted(const QString &address, quint16 port)
{
    m_starting = false;
    const QString where = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                             : QStringLiteral("%1:%2").arg(address).arg(port);
    // The model as the combo box names it, in the reader's language (not the core's "event-loop").
    const int model = m_model->findData(static_cast<int>(m_server->config().model));
    const auto &tls = m_server->config().tls;
    if (tls) {
        // The fingerprint is what a client checks before trusting a certificate nobody signed:
        // shown where it can be selected and copied.
        setStatus(tr("Listening on %1 (%2) with TLS; certificate SHA-256 %3")
                      .arg(where, m_model->itemText(std::max(0, model)), tls->certificateSha256()),
                  false);
        m_log->info(tr("listening on %1 with TLS; certificate SHA-256 %2").arg(where, tls->certificateSha256()));
    } else {
        setStatus(tr("Listening on %1 (%2)").arg(where, m_model->itemText(std::max(0, model))), false);
        m_log->info(tr("listening on %1").arg(where));
    }
    m_threads->setText(tr("%n thread(s)", nullptr, m_server->threadCount()));
    updateControls();
    emit listeningChanged(true);
}

void ServerPanel::onStopped()
{
    const bool wasStarting = m_starting;
    m_starting = false;
    m_clients->clear();
    m_items.clear();
    if (!wasStarting) {
        setStatus(tr("Stopped"), false);
        m_log->info(tr("server stopped"));
    }
    m_threads->clear();
    updateControls();
    emit listeningChanged(false);
}

void ServerPanel::onClientConnected(const ClientInfo &client)
{
    auto *item = new QTreeWidgetItem(m_clients);
    item->setData(IdColumn, Qt::DisplayRole, QVariant::fromValue(client.id));
    item->setText(AddressColumn, client.peer);
    item->setText(SinceColumn, client.connectedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    item->setToolTip(SinceColumn, localDateTimeText(client.connectedAt, QLocale::LongFormat));   // a client from yesterday
    item->setData(InColumn, Qt::DisplayRole, QVariant::fromValue(client.bytesIn));
    item->setData(OutColumn, Qt::DisplayRole, QVariant::fromValue(client.bytesOut));
    m_items.insert(client.id, item);
    if (client.tlsProtocol.isEmpty()) {
        m_log->info(tr("client %1 connected").arg(client.id), client.peer);
    } else {
        item->setToolTip(AddressColumn, QStringLiteral("%1, %2").arg(client.tlsProtocol, client.tlsCipher));
        m_log->info(tr("client %1 connected over %2 (%3)").arg(client.id).arg(client.tlsProtocol, client.tlsCipher), client.peer);
    }
}

void ServerPanel::onClientDisconnected(quint64 id, const QString &reason)
{
    const QString peer = peerOf(id);
    m_framing->ended(id, peer);
    delete m_items.take(id);
    m_log->info(tr("client %1 disconnected: %2").arg(id).arg(reason), peer);
    updateControls();
}

void ServerPanel::onDataReceived(quint64 id, const QByteArray &bytes)
{
    m_counters->countIn(bytes.size());
    if (!m_framing->received(id, peerOf(id), bytes))   // a framing error, and the choice is to close
        m_server->disconnectClient(id);
}

void ServerPanel::onError(const Error &error)
{
    setStatus(error.message(), true);
    m_log->error(error.message());
}

QList<quint64> ServerPanel::sendTargets()
{
    const bool toSelected = m_target->currentIndex() == 1;
    QList<quint64> targets = toSelected ? selectedIds() : m_items.keys();
    if (targets.isEmpty())
        setStatus(toSelected ? tr("Select one or more clients to send to") : tr("No client is connected"), true);
    return targets;
}

// Streamed: a thread of the stream's own reads the file, each client takes it at its own pace
// (the slowest sets the pace; one that takes nothing for the stall timeout is dropped).
void ServerPanel::sendFile(const QString &path)
{
    if (!m_server->isRunning())
        return;
    if (m_fileSend->isBusy()) {
        setStatus(tr("A file is still being sent"), true);
        return;
    }
    const QList<quint64> targets = sendTargets();
    if (targets.isEmpty())
        return;
    auto file = openFileStream(path, static_cast<int>(targets.size()));
    if (!file) {
        setStatus(file.error().message(), true);
        return;
    }
    m_log->info(tr("sending %1 (%2 bytes) to %n client(s)", nullptr, static_cast<int>(targets.size())).arg(file->name).arg(file->size));
    m_server->sendStream(file->stream, targets);
    m_fileSend->watch(std::move(file).value());
}

void ServerPanel::send(const QByteArray &message)
{
    if (!m_server->isRunning())
        return;
    const auto framed = m_framing->outgoing(message);   // check value and framing added
    if (!framed)
        return;
    const QByteArray &bytes = *framed;
    const bool toSelected = m_target->currentIndex() == 1;
    QList<quint64> targets = sendTargets();
    if (targets.isEmpty())
        return;
    if (toSelected) {
        for (quint64 id : targets)
            m_server->sendTo(id, bytes);
    } else {
        m_server->sendToAll(bytes);
    }
    m_counters->countOut(bytes.size() * targets.size(), targets.size());
    for (quint64 id : targets)
        m_log->append({0, LogEntry::Direction::Sent, peerOf(id), bytes, bytes.size(), {}});
}

void ServerPanel::disconnectSelected()
{
    for (quint64 id : selectedIds())
        m_server->disconnectClient(id);
}

void ServerPanel::sizeClientColumns()
{
    const QFontMetrics metrics(m_clients->font());
    const int padding = 3 * metrics.averageCharWidth();
    auto width = [&](const QString &sample, int column) {
        const QString title = m_clients->headerItem()->text(column);
        return std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + padding;
    };
    m_clients->setColumnWidth(IdColumn, width(QStringLiteral("00000"), IdColumn));
    m_clients->setColumnWidth(AddressColumn, width(QStringLiteral("[::ffff:255.255.255.255]:65535"), AddressColumn));
    m_clients->setColumnWidth(SinceColumn, width(QStringLiteral("00:00:00"), SinceColumn));
    m_clients->setColumnWidth(InColumn, width(QStringLiteral("0000000000000"), InColumn));
}

void ServerPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        sizeClientColumns();   // presentation mode
}

void ServerPanel::refreshClientCounters()
{
    for (const ClientInfo &info : m_server->clients()) {
        if (QTreeWidgetItem *item = m_items.value(info.id)) {
            item->setData(InColumn, Qt::DisplayRole, QVariant::fromValue(info.bytesIn));
            item->setData(OutColumn, Qt::DisplayRole, QVariant::fromValue(info.bytesOut));
        }
    }
}

void ServerPanel::updateControls()
{
    const bool running = m_server->isRunning();
    const bool listening = running && !m_starting;
    for (QWidget *w : std::initializer_list<QWidget *>{m_address, m_port, m_model, m_maxClients, m_stallTimeout, static_cast<QWidget *>(m_tls)})
        w->setEnabled(!running);
    m_chat->setRunning(running);
    m_participants->setVisible(running && m_server->config().chat.enabled);
    m_rules->setRunning(running);
    m_startButton->setEnabled(!m_starting && (running || m_port->isValid()));
    m_startButton->setText(running ? (m_starting ? tr("Starting…") : tr("St&op")) : tr("St&art"));
    m_openWarning->setVisible(m_address->isAllInterfaces());
    m_disconnectButton->setEnabled(listening && !m_clients->selectedItems().isEmpty());
    m_sendBox->setSendEnabled(listening);
}

void ServerPanel::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

QList<quint64> ServerPanel::selectedIds() const
{
    QList<quint64> ids;
    for (QTreeWidgetItem *item : m_clients->selectedItems())
        ids.append(item->data(IdColumn, Qt::DisplayRole).toULongLong());
    return ids;
}

QString ServerPanel::peerOf(quint64 id) const
{
    if (QTreeWidgetItem *item = m_items.value(id))
        return item->text(AddressColumn);
    return tr("client %1").arg(id);
}

} // namespace socketeer::ui
