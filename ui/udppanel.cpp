#include "udppanel.h"

#include "addressinputs.h"
#include "autoreplyfields.h"
#include "fieldmemory.h"
#include "framingbar.h"
#include "messagelogview.h"
#include "sendbox.h"
#include "theme.h"
#include "trafficcounters.h"

#include "udp/udpendpoint.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace socketeer::ui {

UdpPanel::UdpPanel(QWidget *parent)
    : QWidget(parent),
      m_endpoint(new UdpEndpoint(this)),
      m_bindAddress(new LocalAddressCombo(this)),
      m_bindPort(new PortEdit(this)),
      m_bindButton(new QPushButton(tr("&Bind"), this)),
      m_broadcast(new QCheckBox(tr("Bro&adcast"), this)),
      m_targetHost(new HostEdit(this)),
      m_targetPort(new PortEdit(this)),
      m_replyToLast(new QCheckBox(tr("Reply to the last se&nder"), this)),
      m_group(new QLineEdit(this)),
      m_joinButton(new QPushButton(tr("&Join"), this)),
      m_leaveButton(new QPushButton(tr("L&eave"), this)),
      m_status(new QLabel(this)),
      m_log(new MessageLogView(this)),
      m_sendBox(new SendBox(this)),
      m_framing(new FramingBar(m_log, m_sendBox, this)),
      m_counters(new TrafficCounters(this)),
      m_rules(new AutoReplyFields(false, this))
{
    m_bindAddress->setObjectName(QStringLiteral("udpBindAddress"));
    m_bindPort->setObjectName(QStringLiteral("udpBindPort"));
    m_bindPort->setAccessibleName(tr("Local port"));
    m_bindPort->setPort(50007);
    m_bindButton->setObjectName(QStringLiteral("udpBindButton"));
    m_bindButton->setToolTip(tr("Bind the UDP socket to the local port, or close it"));
    m_broadcast->setObjectName(QStringLiteral("broadcastCheck"));
    m_broadcast->setToolTip(tr("Allow sending to broadcast addresses such as 255.255.255.255 (SO_BROADCAST)"));
    m_targetHost->setObjectName(QStringLiteral("udpTargetHost"));
    m_targetHost->setAccessibleName(tr("Target host"));
    m_targetHost->setText(QStringLiteral("localhost"));
    m_targetPort->setObjectName(QStringLiteral("udpTargetPort"));
    m_targetPort->setAccessibleName(tr("Target port"));
    m_targetPort->setAllowZero(false);
    m_targetPort->setPort(50007);
    m_replyToLast->setObjectName(QStringLiteral("replyToLastCheck"));
    m_replyToLast->setToolTip(tr("Send to whoever sent the last datagram, as the tutorial's UDP server does"));
    m_group->setObjectName(QStringLiteral("multicastGroup"));
    m_group->setAccessibleName(tr("Multicast group"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_bindAddress, m_bindPort, m_broadcast, m_targetHost, m_targetPort, m_replyToLast, m_group})
        rememberField(field);
    m_group->setPlaceholderText(tr("multicast group, e.g. 239.1.2.3 or ff02::1:3"));
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    m_joinButton->setToolTip(tr("Join the multicast group on this socket"));
    m_leaveButton->setObjectName(QStringLiteral("leaveButton"));
    m_leaveButton->setToolTip(tr("Leave the multicast group"));
    m_status->setObjectName(QStringLiteral("udpStatus"));
    // Addresses and errors are text, never markup: a QLabel would guess HTML from a tag.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Bind"), this), 0, 0);
    grid->addWidget(m_bindAddress, 0, 1);
    grid->addWidget(m_bindPort, 0, 2);
    grid->addWidget(m_bindButton, 0, 3);
    grid->addWidget(m_broadcast, 0, 4);
    grid->addWidget(new QLabel(tr("Send to"), this), 1, 0);
    grid->addWidget(m_targetHost, 1, 1);
    grid->addWidget(m_targetPort, 1, 2);
    grid->addWidget(m_replyToLast, 1, 3, 1, 2);
    grid->addWidget(new QLabel(tr("Multicast"), this), 2, 0);
    grid->addWidget(m_group, 2, 1, 1, 2);
    auto *groupButtons = new QHBoxLayout;
    groupButtons->addWidget(m_joinButton);
    groupButtons->addWidget(m_leaveButton);
    grid->addLayout(groupButtons, 2, 3, 1, 2);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_rules);
    layout->addWidget(m_framing);
    layout->addWidget(m_sendBox);
    layout->addWidget(m_counters);

    connect(m_bindButton, &QPushButton::clicked, this, &UdpPanel::toggle);
    connect(m_bindPort, &PortEdit::returnPressed, this, &UdpPanel::toggle);
    connect(m_bindPort, &PortEdit::validityChanged, this, &UdpPanel::updateControls);
    connect(m_targetHost, &HostEdit::validityChanged, this, &UdpPanel::updateControls);
    connect(m_targetPort, &PortEdit::validityChanged, this, &UdpPanel::updateControls);
    connect(m_replyToLast, &QCheckBox::toggled, this, &UdpPanel::updateControls);
    connect(m_broadcast, &QCheckBox::toggled, m_endpoint, &UdpEndpoint::setBroadcast);
    connect(m_joinButton, &QPushButton::clicked, this, [this] { m_endpoint->joinGroup(m_group->text().trimmed()); });
    connect(m_leaveButton, &QPushButton::clicked, this, [this] { m_endpoint->leaveGroup(m_group->text().trimmed()); });
    connect(m_sendBox, &SendBox::sendRequested, this, &UdpPanel::send);
    connect(m_log, &MessageLogView::encodingChanged, m_sendBox, &SendBox::setEncoding);

    connect(m_endpoint, &UdpEndpoint::bound, this, &UdpPanel::onBound);
    connect(m_endpoint, &UdpEndpoint::closed, this, &UdpPanel::onClosed);
    connect(m_endpoint, &UdpEndpoint::datagramsReceived, this, &UdpPanel::onDatagrams);
    connect(m_endpoint, &UdpEndpoint::errorOccurred, this, &UdpPanel::onError);
    connect(m_endpoint, &UdpEndpoint::autoReplied, this, [this](const QString &to, int rule, const QByteArray &reply, const QString &error) {
        m_log->append(m_rules->replyEntry(to, rule, reply, error));
        if (error.isEmpty())
            m_counters->countOut(reply.size());
    });
    connect(m_endpoint, &UdpEndpoint::groupJoined, this, [this](const QString &group) { m_log->info(tr("joined multicast group %1").arg(group)); });
    connect(m_endpoint, &UdpEndpoint::groupLeft, this, [this](const QString &group) { m_log->info(tr("left multicast group %1").arg(group)); });
    updateControls();
}

UdpPanel::~UdpPanel() = default;

QString UdpPanel::statusText() const { return m_status->text(); }

void UdpPanel::bindPort(quint16 port)
{
    m_bindPort->setPort(port);
    if (!m_endpoint->isOpen())
        toggle();
}

void UdpPanel::toggle()
{
    if (m_endpoint->isOpen()) {
        m_endpoint->close();
        return;
    }
    auto host = parseHost(m_bindAddress->address());
    if (!host || !m_bindPort->isValid()) {
        setStatus(host ? m_bindPort->errorText() : host.error().message(), true);
        return;
    }
    UdpConfig config;
    config.bind = Endpoint{*host, m_bindPort->port(), {}};
    config.broadcast = m_broadcast->isChecked();
    auto rules = m_rules->replier(m_framing);
    if (!rules) {
        setStatus(rules.error().message(), true);
        return;
    }
    config.rules = std::move(rules).value();
    m_binding = true;
    m_hadError = false;
    setStatus(tr("Binding…"), false);
    m_endpoint->open(config);
    updateControls();
}

void UdpPanel::onBound(const QString &address, quint16 port)
{
    m_binding = false;
    const QString where = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                             : QStringLiteral("%1:%2").arg(address).arg(port);
    setStatus(tr("Bound to %1: datagrams sent here appear below").arg(where), false);
    m_log->info(tr("bound to %1").arg(where));
    updateControls();
}

void UdpPanel::onClosed()
{
    m_binding = false;
    if (!m_hadError)
        setStatus(tr("Closed"), false);
    updateControls();
}

void UdpPanel::onDatagrams(const QList<Datagram> &batch)
{
    QList<LogEntry> entries;
    entries.reserve(batch.size());
    qint64 bytes = 0;
    for (const Datagram &d : batch) {
        bytes += d.data.size();
        entries.append(m_framing->datagramEntry(d.receivedAt.toMSecsSinceEpoch(), d.sender, d.data));   // one message each
        if (d.truncated)
            entries.append({d.receivedAt.toMSecsSinceEpoch(), LogEntry::Direction::Error, d.sender, {}, 0,
                            tr("the datagram above was %1 bytes; only the first %2 fit the receive buffer").arg(d.fullSize).arg(d.data.size())});
    }
    m_counters->countIn(bytes, batch.size());
    m_log->appendBatch(std::move(entries));
    updateControls();
}

void UdpPanel::onError(const Error &error)
{
    m_hadError = true;
    setStatus(error.message(), true);
    m_log->error(error.message());
}

void UdpPanel::send(const QByteArray &message)
{
    if (!m_endpoint->isOpen())
        return;
    const auto framed = m_framing->outgoing(message);   // check value and framing added
    if (!framed)
        return;
    const QByteArray &bytes = *framed;
    QString to;
    if (m_replyToLast->isChecked()) {
        if (!m_endpoint->lastSender().isValid()) {
            setStatus(tr("Nothing has been received yet, so there is no last sender to reply to"), true);
            return;
        }
        to = m_endpoint->lastSender().toString();
        m_endpoint->replyToLast(bytes);
    } else {
        const Endpoint target{m_targetHost->host(), m_targetPort->port(), {}};
        to = target.toString();
        m_endpoint->sendTo(target, bytes);
    }
    m_counters->countOut(bytes.size());
    m_log->append({0, LogEntry::Direction::Sent, to, bytes, bytes.size(), {}});
}

void UdpPanel::updateControls()
{
    const bool open = m_endpoint->isOpen();
    const bool ready = open && !m_binding;
    m_bindAddress->setEnabled(!open);
    m_bindPort->setEnabled(!open);
    m_rules->setRunning(open);
    m_bindButton->setEnabled(m_binding ? false : (open || m_bindPort->isValid()));
    m_bindButton->setText(open ? tr("&Close") : tr("&Bind"));
    const bool targetOk = m_replyToLast->isChecked() || (m_targetHost->isValid() && m_targetPort->isValid());
    m_targetHost->setEnabled(!m_replyToLast->isChecked());
    m_targetPort->setEnabled(!m_replyToLast->isChecked());
    m_joinButton->setEnabled(ready);
    m_leaveButton->setEnabled(ready);
    m_sendBox->setSendEnabled(ready && targetOk);
}

void UdpPanel::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

} // namespace socketeer::ui
