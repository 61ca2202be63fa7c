#include "clientpanel.h"

#include "addressinputs.h"
#include "autoreplyfields.h"
#include "certificatedialog.h"
#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "fieldmemory.h"
#include "filestream.h"
#include "framingfields.h"
#include "framingbar.h"
#include "messagelogview.h"
#include "roomsfoundlist.h"
#include "sendbox.h"
#include "settings.h"
#include "theme.h"
#include "trafficcounters.h"

#include "tcp/tcpclient.h"
#include "text/framing.h"
#include "tls/tlscontext.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cerrno>
#include <utility>

namespace socketeer::ui {

ClientPanel::ClientPanel(QWidget *parent)
    : QWidget(parent),
      m_client(new TcpClient(this)),
      m_host(new HostEdit(this)),
      m_port(new PortEdit(this)),
      m_timeout(new QSpinBox(this)),
      m_tls(new QCheckBox(tr("&TLS"), this)),
      m_connectButton(new QPushButton(tr("&Connect"), this)),
      m_halfCloseButton(new QPushButton(tr("H&alf-close"), this)),
      m_status(new QLabel(this)),
      m_log(new MessageLogView(this)),
      m_chat(new ChatView(this)),
      m_logButton(new QPushButton(tr("Lo&g"), this)),
      m_chatButton(new QPushButton(tr("Chat vie&w"), this)),
      m_views(new QStackedWidget(this)),
      m_rooms(new RoomsFoundList(this)),
      m_sendBox(new SendBox(this)),
      m_framing(new FramingBar(m_log, m_sendBox, this)),
      m_counters(new TrafficCounters(this)),
      m_rules(new AutoReplyFields(false, this)),
      m_fileSend(new FileSendWatch(this))
{
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setAccessibleName(tr("Host"));
    m_host->setText(QStringLiteral("localhost"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setAllowZero(false);
    m_port->setPort(50007);
    m_timeout->setRange(100, 600000);
    m_timeout->setValue(10000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setPrefix(tr("timeout "));
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setAccessibleName(tr("Connect timeout"));
    m_tls->setObjectName(QStringLiteral("tlsCheck"));
    m_tls->setToolTip(tr("Speak TLS: the server's certificate is verified against the system's trust store for the host "
                         "name. One that is not can be looked at and trusted by its fingerprint."));
    for (QWidget *field : std::initializer_list<QWidget *>{m_host, m_port, m_timeout, m_tls})
        rememberField(field);
    m_timeout->setToolTip(tr("Give up connecting after this long"));
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setToolTip(tr("Connect to the server, or disconnect"));
    m_connectButton->setDefault(true);
    m_halfCloseButton->setObjectName(QStringLiteral("halfCloseButton"));
    m_halfCloseButton->setToolTip(tr("Tell the server you are done sending (shutdown(SHUT_WR)) and keep reading its answer"));
    m_status->setObjectName(QStringLiteral("clientStatus"));
    // Host names, peer addresses and errors are text, never markup: a QLabel would guess HTML.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Host"), this));
    form->addWidget(m_host, 2);
    form->addWidget(new QLabel(tr("Port"), this));
    form->addWidget(m_port);
    form->addWidget(m_timeout);
    form->addWidget(m_tls);
    form->addWidget(m_connectButton);
    form->addWidget(m_halfCloseButton);

    m_logButton->setObjectName(QStringLiteral("logButton"));
    m_logButton->setToolTip(tr("Show the message log: every message with its bytes, direction and time"));
    m_chatButton->setObjectName(QStringLiteral("chatButton"));
    m_chatButton->setToolTip(tr("Show the conversation as people read it: names, your messages on the right, notices, "
                                "a history per room; works with any line-based peer"));
    // Two checkable buttons, not an exclusive group: Tab reaches both (an exclusive group is one
    // Tab stop, walked with the arrow keys, which the keyboard pass would not find).
    for (QPushButton *button : {m_logButton, m_chatButton}) {
        button->setCheckable(true);
        button->setFlat(true);
    }
    m_logButton->setChecked(true);
    m_views->setObjectName(QStringLiteral("clientViews"));
    m_views->addWidget(m_log);
    m_views->addWidget(m_chat);
    auto *switcher = new QHBoxLayout;
    switcher->addWidget(m_logButton);
    switcher->addWidget(m_chatButton);
    switcher->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_rooms);
    layout->addLayout(switcher);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_rules);
    layout->addWidget(m_framing);
    layout->addWidget(m_sendBox);
    layout->addWidget(m_counters);

    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_timeout);
    setTabOrder(m_timeout, m_tls);
    setTabOrder(m_tls, m_connectButton);

    connect(m_connectButton, &QPushButton::clicked, this, &ClientPanel::toggle);
    connect(m_host, &HostEdit::returnPressed, this, &ClientPanel::toggle);
    connect(m_port, &PortEdit::returnPressed, this, &ClientPanel::toggle);
    connect(m_host, &HostEdit::validityChanged, this, &ClientPanel::updateControls);
    connect(m_port, &PortEdit::validityChanged, this, &ClientPanel::updateControls);
    connect(m_halfCloseButton, &QPushButton::clicked, this, [this] {
        m_client->halfClose();
        m_halfClosed = true;
        m_log->info(tr("half-closed: sending is finished, still reading"), m_peer);
        updateControls();
    });
    connect(m_sendBox, &SendBox::sendRequested, this, &ClientPanel::send);
    m_sendBox->setStreamsFiles(true);
    connect(m_sendBox, &SendBox::fileSendRequested, this, &ClientPanel::sendFile);
    connect(m_fileSend, &FileSendWatch::progressed, this, [this](const QString &name, qint64 read, qint64 size) {
        setStatus(tr("Sending %1: %2 of %3 bytes read").arg(name).arg(read).arg(size), false);
    });
    connect(m_fileSend, &FileSendWatch::finished, this,
            [this](const QString &name, qint64 size, int reached, int, const QString &error) {
                QString text = reached ? tr("sent %1 (%2 bytes)").arg(name).arg(size)
                                       : tr("%1 was not sent to the end: the connection ended").arg(name);
                if (!error.isEmpty())
                    text += QLatin1String("; ") + error;
                if (reached)
                    m_counters->countOut(size);
                m_log->info(text, m_peer);
                setStatus(text, !reached || !error.isEmpty());
            });
    connect(m_log, &MessageLogView::encodingChanged, m_sendBox, &SendBox::setEncoding);
    connect(m_log, &MessageLogView::encodingChanged, m_chat, &ChatView::setEncoding);
    connect(m_rooms, &RoomsFoundList::joinRequested, this, &ClientPanel::joinRoom);
    connect(m_logButton, &QPushButton::clicked, this, [this] { showChat(false); });
    connect(m_chatButton, &QPushButton::clicked, this, [this] { showChat(true); });
    m_chat->setSender([this](const QByteArray &line) { return sendChatLine(line); });
    connect(m_chat, &ChatView::unreadChanged, this, &ClientPanel::chatUnreadChanged);

    connect(m_client, &TcpClient::stateChanged, this, &ClientPanel::updateControls);
    connect(m_client, &TcpClient::connected, this, &ClientPanel::onConnected);
    connect(m_client, &TcpClient::disconnected, this, &ClientPanel::onDisconnected);
    connect(m_client, &TcpClient::dataReceived, this, &ClientPanel::onData);
    connect(m_client, &TcpClient::peerClosed, this, [this] { m_log->info(tr("the server finished sending (end of stream)"), m_peer); });
    connect(m_client, &TcpClient::errorOccurred, this, &ClientPanel::onError);
    connect(m_client, &TcpClient::autoReplied, this, [this](int rule, const QByteArray &reply, const QString &error) {
        m_log->append(m_rules->replyEntry(m_peer, rule, reply, error));
        if (error.isEmpty())
            m_counters->countOut(reply.size());
    });
    updateControls();
}

ClientPanel::~ClientPanel() = default;

QString ClientPanel::statusText() const { return m_status->text(); }

void ClientPanel::connectTo(const QString &host, quint16 port)
{
    m_host->setText(host);
    m_port->setPort(port);
    if (m_client->state() == TcpClient::State::Unconnected)
        toggle();
}

void ClientPanel::toggle()
{
    if (m_client->state() != TcpClient::State::Unconnected) {
        m_client->disconnectFromHost();
        return;
    }
    if (!m_host->isValid() || !m_port->isValid()) {
        setStatus(!m_host->isValid() ? m_host->errorText() : m_port->errorText(), true);
        return;
    }
    TcpClientConfig config;
    config.endpoint = Endpoint{m_host->host(), m_port->port(), {}};
    config.connectTimeout = std::chrono::milliseconds(m_timeout->value());
    m_peer = config.endpoint.toString();
    m_room = m_peer.toLower();
    if (m_tls->isChecked()) {
        auto context = TlsContext::client({});
        if (!context) {
            setStatus(context.error().message(), true);
            return;
        }
        config.tls = std::move(context).value();
        // What the user trusted for this server before (by fingerprint), shared with the compose window.
        config.trustedFingerprints = Settings().trustedCertificates(m_peer);
    }
    auto rules = m_rules->replier(m_framing);
    if (!rules) {
        setStatus(rules.error().message(), true);
        return;
    }
    config.rules = std::move(rules).value();
    m_halfClosed = false;
    m_hadError = false;
    setStatus(tr("Connecting to %1…").arg(m_peer), false);
    m_client->connectToHost(config);
    updateControls();
}

void ClientPanel::onConnected(const QString &local, const QString &peer)
{
    m_peer = peer;
    const QString security = m_client->security();
    if (security.isEmpty()) {
        setStatus(tr("Connected to %1 from %2").arg(peer, local), false);
        m_log->info(tr("connected from %1").arg(local), peer);
    } else {
        setStatus(tr("Connected to %1 from %2 over %3").arg(peer, local, security), false);
        m_log->info(tr("connected from %1 over %2").arg(local, security), peer);
    }
    m_chat->joined(m_room, peer);
    updateControls();
    emit connectionChanged(true);
}

void ClientPanel::onDisconnected(const QString &reason)
{
    if (!m_hadError)
        setStatus(tr("Disconnected: %1").arg(reason), false);
    m_framing->ended(0, m_peer);
    m_log->info(tr("disconnected: %1").arg(reason), m_peer);
    m_chat->ended(reason);
    updateControls();
    emit connectionChanged(false);
    if (std::exchange(m_connectWhenIdle, false))
        toggle();
}

void ClientPanel::onData(const QByteArray &bytes)
{
    m_counters->countIn(bytes.size());
    m_chat->received(bytes);
    if (!m_framing->received(0, m_peer, bytes))   // a framing error, and the choice is to close
        m_client->disconnectFromHost();
}

void ClientPanel::onError(const Error &error)
{
    m_hadError = true;
    QString text = error.message();
    // The distinctions a student asks about, in plain words after the system's own.
    if (error.code == std::errc::connection_refused)
        text += tr(" — nothing is listening on that port (is the server started?)");
    else if (error.kind == ErrorKind::Timeout)
        text += tr(" — no answer in time (a firewall, or a server that does not accept)");
    else if (error.code == std::errc::network_unreachable || error.code == std::errc::host_unreachable)
        text += tr(" — there is no route to that address from here");
    else if (error.kind == ErrorKind::Resolve)
        text += tr(" — check the host name");
    setStatus(text, true);
    m_log->error(text, m_peer);
    if (m_client->refusedCertificate())
        askToTrust(m_client->config().endpoint.toString());
}

void ClientPanel::askToTrust(const QString &server)
{
    // Window-modal and not exec(): the window keeps painting, and a test can answer it.
    auto *dialog = new CertificateDialog(server, *m_client->refusedCertificate(), this, CertificateDialog::Then::Connect);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    const QString fingerprint = m_client->refusedCertificate()->sha256;
    connect(dialog, &QMessageBox::finished, this, [this, dialog, server, fingerprint] {
        if (!dialog->trusted())
            return;
        Settings().trustCertificate(server, fingerprint);
        m_log->info(tr("trusted the certificate with SHA-256 %1 for %2").arg(fingerprint, server));
        if (m_client->state() == TcpClient::State::Unconnected)
            toggle();
        else
            m_connectWhenIdle = true;
    });
    dialog->open();
}

// Streamed: a thread of the stream's own reads the file as the connection takes it.
void ClientPanel::sendFile(const QString &path)
{
    if (m_client->state() != TcpClient::State::Connected || m_halfClosed)
        return;
    if (m_fileSend->isBusy()) {
        setStatus(tr("A file is still being sent"), true);
        return;
    }
    auto file = openFileStream(path, 1);
    if (!file) {
        setStatus(file.error().message(), true);
        return;
    }
    m_log->info(tr("sending %1 (%2 bytes)").arg(file->name).arg(file->size), m_peer);
    m_client->sendStream(file->stream);
    m_fileSend->watch(std::move(file).value());
}

bool ClientPanel::send(const QByteArray &message)
{
    if (m_client->state() != TcpClient::State::Connected || m_halfClosed)
        return false;
    const auto framed = m_framing->outgoing(message);   // check value and framing added
    if (!framed)
        return false;
    const QByteArray &bytes = *framed;
    m_client->send(bytes);
    m_counters->countOut(bytes.size());
    m_log->append({0, LogEntry::Direction::Sent, m_peer, bytes, bytes.size(), {}});
    return true;
}

// A line of the Chat view ends with LF; a framing that ends messages itself (line, crlf, a
// delimiter) adds its own instead, so the line is not ended twice.
bool ClientPanel::sendChatLine(const QByteArray &line)
{
    const auto spec = m_framing->framing()->spec();
    const bool framingEnds = m_framing->framing()->framesSent() && spec && !spec->delimiter.isEmpty();
    return send(framingEnds ? line : line + '\n');
}

// A room found on the network: its address in the fields, connected, in the Chat view. A panel
// still connected elsewhere is not taken away from that peer without the user's Disconnect.
void ClientPanel::joinRoom(const QString &host, quint16 port, bool tls)
{
    if (m_client->state() != TcpClient::State::Unconnected) {
        setStatus(tr("Disconnect from %1 first to join another room").arg(m_peer), true);
        return;
    }
    m_tls->setChecked(tls);
    showChat(true);
    connectTo(host, port);
}

void ClientPanel::showChat(bool chat)
{
    m_views->setCurrentWidget(chat ? static_cast<QWidget *>(m_chat) : m_log);
    m_logButton->setChecked(!chat);
    m_chatButton->setChecked(chat);
    // The Chat view has its own input; the send box (bytes, escapes, files) belongs to the log.
    m_sendBox->setVisible(!chat);
    if (chat)
        m_chat->input()->setFocus(Qt::OtherFocusReason);
}

bool ClientPanel::chatShown() const { return m_views->currentWidget() == m_chat; }

void ClientPanel::updateControls()
{
    const auto state = m_client->state();
    const bool idle = state == TcpClient::State::Unconnected;
    const bool connected = state == TcpClient::State::Connected;
    m_host->setEnabled(idle);
    m_port->setEnabled(idle);
    m_timeout->setEnabled(idle);
    m_tls->setEnabled(idle);
    m_rules->setRunning(!idle);
    m_connectButton->setEnabled(!idle || (m_host->isValid() && m_port->isValid()));
    m_connectButton->setText(idle ? tr("&Connect") : state == TcpClient::State::Connecting ? tr("&Cancel") : tr("&Disconnect"));
    m_halfCloseButton->setEnabled(connected && !m_halfClosed);
    m_sendBox->setSendEnabled(connected && !m_halfClosed);
    m_chat->setSendEnabled(connected && !m_halfClosed);
}

void ClientPanel::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

} // namespace socketeer::ui
