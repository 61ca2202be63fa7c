#include "trafficcounters.h"

#include "theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

namespace socketeer::ui {

ThroughputGraph::ThroughputGraph(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(120, 28);
    setToolTip(tr("Throughput over the last minute: received (blue) and sent (green)"));
}

void ThroughputGraph::addSample(double inPerSecond, double outPerSecond)
{
    m_in[static_cast<size_t>(m_next)] = inPerSecond;
    m_out[static_cast<size_t>(m_next)] = outPerSecond;
    m_next = (m_next + 1) % kSamples;
    m_filled = std::min(m_filled + 1, kSamples);
    update();
}

void ThroughputGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_filled < 2)
        return;
    double peak = 1;
    for (int i = 0; i < kSamples; ++i)
        peak = std::max({peak, m_in[static_cast<size_t>(i)], m_out[static_cast<size_t>(i)]});
    const QRectF area = QRectF(rect()).adjusted(2, 3, -2, -2);
    auto plot = [&](const std::array<double, kSamples> &values, const QColor &color) {
        QPainterPath path;
        for (int k = 0; k < m_filled; ++k) {
            const int index = (m_next - m_filled + k + kSamples) % kSamples;
            const double x = area.left() + area.width() * k / (kSamples - 1);
            const double y = area.bottom() - area.height() * values[static_cast<size_t>(index)] / peak;
            if (k == 0)
                path.moveTo(x, y);
            else
                path.lineTo(x, y);
        }
        painter.setPen(QPen(color, 1.5));
        painter.drawPath(path);
    };
    plot(m_out, theme::colour(theme::Role::Sent, palette()));
    plot(m_in, theme::colour(theme::Role::Received, palette()));
}

TrafficCounters::TrafficCounters(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_graph(new ThroughputGraph(this)), m_timer(new QTimer(this))
{
    m_label->setObjectName(QStringLiteral("countersLabel"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_graph);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &TrafficCounters::sample);
    m_timer->start();
    m_lastSampleMs = QDateTime::currentMSecsSinceEpoch();
    updateLabels();
}

void TrafficCounters::countIn(qint64 bytes, qint64 messages)
{
    m_bytesIn += bytes;
    m_messagesIn += messages;
    emit changed();
}

void TrafficCounters::countOut(qint64 bytes, qint64 messages)
{
    m_bytesOut += bytes;
    m_messagesOut += messages;
    emit changed();
}

void TrafficCounters::reset()
{
    m_bytesIn = m_bytesOut = m_messagesIn = m_messagesOut = m_lastIn = m_lastOut = 0;
    m_rateIn = m_rateOut = 0;
    updateLabels();
    emit changed();
}

QString TrafficCounters::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString TrafficCounters::formatRate(double bytesPerSecond)
{
    return formatBytes(static_cast<qint64>(bytesPerSecond)) + tr("/s");
}

void TrafficCounters::sample()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double seconds = std::max<qint64>(1, now - m_lastSampleMs) / 1000.0;
    m_rateIn = static_cast<double>(m_bytesIn - m_lastIn) / seconds;
    m_rateOut = static_cast<double>(m_bytesOut - m_lastOut) / seconds;
    m_lastIn = m_bytesIn;
    m_lastOut = m_bytesOut;
    m_lastSampleMs = now;
    m_graph->addSample(m_rateIn, m_rateOut);
    updateLabels();
}

void TrafficCounters::updateLabels()
{
    // Counts pass int's range in a long flood, which %n cannot take: the singular is spelled out.
    const QLocale locale;
    auto bytes = [&](qint64 n) { return n == 1 ? tr("1 byte") : tr("%1 bytes").arg(locale.toString(n)); };
    auto messages = [&](qint64 n) { return n == 1 ? tr("1 message") : tr("%1 messages").arg(locale.toString(n)); };
    m_label->setText(tr("Received %1 in %2 (%3) · Sent %4 in %5 (%6)")
                         .arg(bytes(m_bytesIn), messages(m_messagesIn), formatRate(m_rateIn), bytes(m_bytesOut),
                              messages(m_messagesOut), formatRate(m_rateOut)));
}

} // namespace socketeer::ui
