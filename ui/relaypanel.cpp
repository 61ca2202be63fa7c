#include "relaypanel.h"

#include "addressinputs.h"
#include "fieldmemory.h"
#include "impairmentfields.h"
#include "messagelogview.h"
#include "theme.h"
#include "trafficcounters.h"

#include "relay/impairmentspec.h"
#include "relay/relay.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace socketeer::ui {

RelayPanel::RelayPanel(Settings &settings, QWidget *parent)
    : QWidget(parent),
      m_relay(new Relay(this)),
      m_listenAddress(new LocalAddressCombo(this)),
      m_listenPort(new PortEdit(this)),
      m_targetHost(new HostEdit(this)),
      m_targetPort(new PortEdit(this)),
      m_protocol(new QComboBox(this)),
      m_start(new QPushButton(tr("&Start"), this)),
      m_impairments(new ImpairmentFields(settings, this)),
      m_status(new QLabel(this)),
      m_log(new MessageLogView(this)),
      m_counters(new TrafficCounters(this))
{
    m_listenAddress->setObjectName(QStringLiteral("relayListenAddress"));
    m_listenPort->setObjectName(QStringLiteral("relayListenPort"));
    m_listenPort->setAccessibleName(tr("Relay listen port"));
    m_listenPort->setPort(50008);
    m_targetHost->setObjectName(QStringLiteral("relayTargetHost"));
    m_targetHost->setAccessibleName(tr("Target host"));
    m_targetHost->setText(QStringLiteral("localhost"));
    m_targetPort->setObjectName(QStringLiteral("relayTargetPort"));
    m_targetPort->setAccessibleName(tr("Target port"));
    m_targetPort->setAllowZero(false);
    m_targetPort->setPort(50007);
    m_protocol->setObjectName(QStringLiteral("relayProtocol"));
    m_protocol->setToolTip(tr("Relay TCP connections or UDP datagrams"));
    m_protocol->addItem(QStringLiteral("TCP"));
    m_protocol->addItem(QStringLiteral("UDP"));
    m_start->setObjectName(QStringLiteral("relayStart"));
    m_start->setToolTip(tr("Start or stop the relay"));
    m_status->setObjectName(QStringLiteral("relayStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QWidget *field : std::initializer_list<QWidget *>{m_listenAddress, m_listenPort, m_targetHost, m_targetPort, m_protocol,
                                                           m_impairments->specEdit()})
        rememberField(field);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Listen on"), this), 0, 0);
    grid->addWidget(m_listenAddress, 0, 1);
    grid->addWidget(m_listenPort, 0, 2);
    grid->addWidget(m_protocol, 0, 3);
    grid->addWidget(m_start, 0, 4);
    grid->addWidget(new QLabel(tr("Forward to"), this), 1, 0);
    grid->addWidget(m_targetHost, 1, 1);
    grid->addWidget(m_targetPort, 1, 2);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_impairments);
    layout->addWidget(m_status);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_counters);

    connect(m_start, &QPushButton::clicked, this, &RelayPanel::toggle);
    connect(m_listenPort, &PortEdit::returnPressed, this, &RelayPanel::toggle);
    for (auto *edit : {m_listenPort, m_targetPort})
        connect(edit, &PortEdit::validityChanged, this, &RelayPanel::updateControls);
    connect(m_targetHost, &HostEdit::validityChanged, this, &RelayPanel::updateControls);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] { m_impairments->setUdp(isUdp()); });
    connect(m_impairments, &ImpairmentFields::applyRequested, this, &RelayPanel::apply);

    connect(m_relay, &Relay::started, this, &RelayPanel::onStarted);
    connect(m_relay, &Relay::stopped, this, &RelayPanel::onStopped);
    connect(m_relay, &Relay::errorOccurred, this, &RelayPanel::onError);
    connect(m_relay, &Relay::forwarded, this, &RelayPanel::onForwarded);
    connect(m_relay, &Relay::impaired, this, &RelayPanel::onImpaired);
    connect(m_relay, &Relay::connectionOpened, this, [this](quint64 id, const QString &client, const QString &target) {
        m_log->info(isUdp() ? tr("session %1: %2 → %3").arg(id).arg(client, target) : tr("connection %1: %2 → %3").arg(id).arg(client, target),
                    connectionName(id));
    });
    connect(m_relay, &Relay::connectionClosed, this, [this](quint64 id, const QString &reason) {
        m_log->info(tr("closed: %1").arg(reason), connectionName(id));
    });
    m_impairments->setUdp(isUdp());
    updateControls();
}

RelayPanel::~RelayPanel() = default;

QString RelayPanel::statusText() const { return m_status->text(); }

bool RelayPanel::isUdp() const { return m_protocol->currentIndex() == 1; }

QString RelayPanel::connectionName(quint64 id) const
{
    return isUdp() ? tr("session %1").arg(id) : tr("connection %1").arg(id);
}

void RelayPanel::toggle()
{
    if (m_relay->isRunning()) {
        m_relay->stop();
        return;
    }
    auto host = parseHost(m_listenAddress->address());
    if (!host || !m_listenPort->isValid() || !m_targetHost->isValid() || !m_targetPort->isValid()) {
        setStatus(!host ? host.error().message()
                        : !m_listenPort->isValid() ? m_listenPort->errorText()
                        : !m_targetHost->isValid() ? m_targetHost->errorText() : m_targetPort->errorText(),
                  true);
        return;
    }
    if (!m_impairments->isValid()) {
        setStatus(tr("The impairments are not valid: see the line under them"), true);
        return;
    }
    RelayConfig config;
    config.listen = Endpoint{*host, m_listenPort->port(), {}};
    config.target = Endpoint{m_targetHost->host(), m_targetPort->port(), {}};
    config.udp = isUdp();
    config.impairments = m_impairments->impairments(config.udp);
    m_starting = true;
    m_hadError = false;
    setStatus(tr("Starting…"), false);
    m_counters->reset();
    m_relay->start(config);
    updateControls();
}

void RelayPanel::apply()
{
    if (!m_relay->isRunning() || !m_impairments->isValid())
        return;
    const RelayImpairments impairments = m_impairments->impairments(isUdp());
    m_relay->setImpairments(impairments);
    const QString text = impairmentsToSpec(impairments);
    m_log->info(text.isEmpty() ? tr("impairments off") : tr("impairments now: %1").arg(text));
}

void RelayPanel::onStarted(const QString &address, quint16 port)
{
    m_starting = false;
    const QString where = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                             : QStringLiteral("%1:%2").arg(address).arg(port);
    const QString target = m_relay->config().target.toString();
    setStatus(tr("Relaying %1 → %2: point the client at %1").arg(where, target), false);
    const QString text = impairmentsToSpec(m_relay->config().impairments);
    m_log->info(tr("listening on %1, forwarding to %2%3").arg(where, target, text.isEmpty() ? QString() : tr(", impaired: %1").arg(text)));
    updateControls();
}

void RelayPanel::onStopped()
{
    m_starting = false;
    if (!m_hadError)
        setStatus(tr("Stopped"), false);
    updateControls();
}

void RelayPanel::onError(const Error &error)
{
    m_hadError = true;
    setStatus(error.message(), true);
    m_log->error(error.message());
}

void RelayPanel::onForwarded(quint64 id, RelayDirection direction, const QByteArray &bytes)
{
    // Up (towards the target) as sent, down (the target's answer) as received: as the client sees it.
    const bool up = direction == RelayDirection::Up;
    if (up)
        m_counters->countOut(bytes.size());
    else
        m_counters->countIn(bytes.size());
    m_log->append({0, up ? LogEntry::Direction::Sent : LogEntry::Direction::Received, connectionName(id), bytes, bytes.size(), {}});
}

void RelayPanel::onImpaired(quint64 id, RelayDirection direction, const QString &action, const QString &detail)
{
    const QString way = direction == RelayDirection::Down ? tr("down") : tr("up");
    m_log->info(QStringLiteral("%1 %2: %3 %4").arg(connectionName(id), way, action, detail).trimmed(), connectionName(id));
}

void RelayPanel::updateControls()
{
    const bool running = m_relay->isRunning();
    for (QWidget *field : std::initializer_list<QWidget *>{m_listenAddress, m_listenPort, m_targetHost, m_targetPort, m_protocol})
        field->setEnabled(!running);
    m_start->setEnabled(m_starting ? false : (running || (m_listenPort->isValid() && m_targetHost->isValid() && m_targetPort->isValid())));
    m_start->setText(running ? tr("S&top") : tr("&Start"));
    m_impairments->setRunning(running && !m_starting);
}

void RelayPanel::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

} // namespace socketeer::ui
