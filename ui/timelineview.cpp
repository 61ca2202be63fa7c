#include "timelineview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <cerrno>
#include <cstring>

namespace socketeer::ui {

namespace {
constexpr int kLaneHeight = 64;
constexpr int kLaneTitleWidth = 150;
constexpr int kColumnWidth = 92;
constexpr int kBoxWidth = 84;
constexpr int kBoxHeight = 40;
constexpr int kTop = 8;

// Over TLS the trace has OpenSSL's calls, which carry the text before encryption: an SSL_write()
// of the text is what the peer's SSL_read() gets, as a send() is what the peer's recv() gets.
bool isSend(const QString &call)
{
    return call == QLatin1String("send") || call == QLatin1String("sendto") || call == QLatin1String("SSL_write");
}
bool isRecv(const QString &call)
{
    return call == QLatin1String("recv") || call == QLatin1String("recvfrom") || call == QLatin1String("SSL_read");
}
bool isHandshake(const QString &call) { return call == QLatin1String("SSL_do_handshake"); }
// A handshake call that returned "-1 (want read)" or "(want write)": it goes on in a later call.
bool isUnfinishedHandshake(const TraceEvent &event)
{
    return isHandshake(event.call) && event.result.contains(QLatin1String("(want "));
}

qint64 bytesOf(const TraceEvent &event)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+) bytes"));
    const auto match = pattern.match(event.result);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

QColor colourFor(const QString &call)
{
    if (call == QLatin1String("socket") || call == QLatin1String("close"))
        return QColor(0x90, 0x90, 0x90);
    if (call == QLatin1String("bind") || call == QLatin1String("listen") || call == QLatin1String("getaddrinfo"))
        return QColor(0x8e, 0x5b, 0xc4);
    if (call == QLatin1String("accept") || call == QLatin1String("connect"))
        return QColor(0xe0, 0x8a, 0x00);
    if (isSend(call))
        return QColor(0x18, 0x80, 0x38);
    if (isRecv(call))
        return QColor(0x1a, 0x73, 0xe8);
    if (isHandshake(call) || call == QLatin1String("SSL_shutdown"))
        return QColor(0x00, 0x89, 0x7b);
    return QColor(0x50, 0x50, 0x50);
}
} // namespace

TimelineCanvas::TimelineCanvas(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineCanvas"));
    setMinimumHeight(kLaneHeight + 2 * kTop);
}

QString TimelineCanvas::laneTitle(const QString &thread)
{
    if (thread == QLatin1String("tcp-server"))
        return tr("Server (event loop)");
    if (thread == QLatin1String("tcp-accept"))
        return tr("Server (accepting)");
    if (thread.startsWith(QLatin1String("tcp-client-")))
        return tr("Server ↔ client %1").arg(thread.mid(11));
    if (thread.startsWith(QLatin1String("client-")))
        return tr("Client %1").arg(thread.mid(7));
    if (thread == QLatin1String("udp"))
        return tr("UDP");
    if (thread == QLatin1String("smtp-inbox"))
        return tr("Local inbox (SMTP server)");
    if (thread == QLatin1String("smtps-inbox"))
        return tr("Local inbox (its TLS port)");
    if (thread == QLatin1String("mail-sender"))
        return tr("Mail (SMTP client)");
    if (thread == QLatin1String("main"))
        return tr("Window (main thread)");
    return thread;
}

void TimelineCanvas::addEvents(const QList<TraceEvent> &events)
{
    for (const TraceEvent &event : events) {
        // getaddrinfo and the like happen on threads that come and go; one lane per thread name.
        if (!m_lanes.contains(event.thread))
            m_lanes.append(event.thread);
        // A handshake takes a call per round trip; drawn as one step that shows how far it got,
        // so a student sees "the TLS handshake" between connect() and the first write.
        if (isHandshake(event.call)) {
            for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
                if (it->thread != event.thread)
                    continue;
                if (isUnfinishedHandshake(*it) && it->arguments == event.arguments)
                    m_events.erase(std::next(it).base());
                break;
            }
        }
        // Batches from different threads interleave; the sequence puts each send before the recv
        // that got its bytes. Events are nearly in order already, so search from the end.
        auto at = m_events.end();
        if (event.sequence != 0) {
            while (at != m_events.begin() && std::prev(at)->sequence > event.sequence)
                --at;
        }
        m_events.insert(at, event);
    }
    while (m_events.size() > static_cast<size_t>(kMaxEvents))
        m_events.pop_front();
    updateGeometry();
    resize(sizeHint());
    update();
}

void TimelineCanvas::clear()
{
    m_events.clear();
    m_lanes.clear();
    updateGeometry();
    resize(sizeHint());
    update();
}

QSize TimelineCanvas::sizeHint() const
{
    return {kLaneTitleWidth + static_cast<int>(m_events.size()) * kColumnWidth + kColumnWidth,
            kTop * 2 + std::max<int>(1, static_cast<int>(m_lanes.size())) * kLaneHeight};
}

QRect TimelineCanvas::boxRect(int index) const
{
    const TraceEvent &event = m_events[static_cast<size_t>(index)];
    const int x = kLaneTitleWidth + index * kColumnWidth + (kColumnWidth - kBoxWidth) / 2;
    const int y = kTop + laneOf(event) * kLaneHeight + (kLaneHeight - kBoxHeight) / 2;
    return {x, y, kBoxWidth, kBoxHeight};
}

QList<QPair<int, int>> TimelineCanvas::arrows() const
{
    // A send's bytes show up in a later recv of the same size on another lane; the first such recv
    // not yet claimed is taken to be it. Good enough for a classroom exchange; it draws no arrow
    // where it cannot tell.
    QList<QPair<int, int>> pairs;
    std::vector<bool> claimed(m_events.size(), false);
    for (int i = 0; i < static_cast<int>(m_events.size()); ++i) {
        const TraceEvent &send = m_events[static_cast<size_t>(i)];
        if (!isSend(send.call) || send.error)
            continue;
        const qint64 bytes = bytesOf(send);
        if (bytes <= 0)
            continue;
        for (int j = i + 1; j < static_cast<int>(m_events.size()); ++j) {
            const TraceEvent &recv = m_events[static_cast<size_t>(j)];
            if (claimed[static_cast<size_t>(j)] || !isRecv(recv.call) || recv.thread == send.thread || bytesOf(recv) != bytes)
                continue;
            claimed[static_cast<size_t>(j)] = true;
            pairs.append({i, j});
            break;
        }
    }
    return pairs;
}

void TimelineCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());

    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const int y = kTop + lane * kLaneHeight;
        if (lane % 2)
            painter.fillRect(QRect(0, y, width(), kLaneHeight), palette().alternateBase());
        painter.setPen(QPen(palette().mid().color(), 1, Qt::DashLine));
        painter.drawLine(kLaneTitleWidth, y + kLaneHeight / 2, width(), y + kLaneHeight / 2);
    }
    if (m_events.empty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(rect(), Qt::AlignCenter, tr("Socket calls appear here as the panels make them."));
        return;
    }

    QFont callFont = font();
    callFont.setBold(true);
    QFont smallFont = font();
    smallFont.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    for (int i = 0; i < static_cast<int>(m_events.size()); ++i) {
        const TraceEvent &event = m_events[static_cast<size_t>(i)];
        const QRect box = boxRect(i);
        // A non-blocking connect() answers "in progress" and finishes later: not a failure.
        const bool inProgress = event.error == EINPROGRESS;
        const QColor colour = inProgress ? QColor(0xd0, 0x80, 0x00) : event.error ? QColor(0xc0, 0x20, 0x20) : colourFor(event.call);
        painter.setPen(QPen(colour, 1.5));
        painter.setBrush(colour.lighter(185));
        painter.drawRoundedRect(box, 6, 6);
        painter.setPen(palette().text().color());
        painter.setFont(callFont);
        const QString title = isHandshake(event.call) ? tr("handshake") : event.call + QStringLiteral("()");
        painter.drawText(box.adjusted(2, 2, -2, -box.height() / 2), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(title, Qt::ElideRight, box.width() - 4));
        painter.setFont(smallFont);
        // The trace says "23 bytes" in the core's words; the box says it in the reader's language.
        const qint64 bytes = bytesOf(event);
        const QString detail = inProgress                    ? tr("in progress…")
                               : event.error                 ? QString::fromLocal8Bit(std::strerror(event.error))
                               : isHandshake(event.call)     ? handshakeDetail(event)
                               : bytes == 1                  ? tr("1 byte")
                               : bytes >= 0                  ? tr("%1 bytes").arg(bytes)
                                                             : event.result;
        painter.drawText(box.adjusted(2, box.height() / 2, -2, -2), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(detail, Qt::ElideRight, box.width() - 4));
    }

    for (const auto &[from, to] : arrows()) {
        const QRect a = boxRect(from), b = boxRect(to);
        const QPointF start(a.center().x(), b.top() > a.top() ? a.bottom() : a.top());
        const QPointF end(b.center().x(), b.top() > a.top() ? b.top() : b.bottom());
        painter.setPen(QPen(QColor(0x18, 0x80, 0x38), 2));
        painter.drawLine(start, end);
        const QLineF line(end, start);
        const double angle = std::atan2(-line.dy(), line.dx());
        const QPointF p1 = end + QPointF(std::sin(angle + M_PI / 3) * 8, std::cos(angle + M_PI / 3) * 8);
        const QPointF p2 = end + QPointF(std::sin(angle + M_PI - M_PI / 3) * 8, std::cos(angle + M_PI - M_PI / 3) * 8);
        painter.setBrush(QColor(0x18, 0x80, 0x38));
        painter.drawPolygon(QPolygonF({end, p1, p2}));
    }
    paintLaneTitles(painter);
}

QString TimelineCanvas::handshakeDetail(const TraceEvent &event)
{
    // The core's result: "1 TLSv1.3 TLS_AES_256_GCM_SHA384", "-1 (want read)", "-1 <reason>".
    if (event.result.startsWith(QLatin1String("1 ")))
        return event.result.section(QLatin1Char(' '), 1, 1);
    if (isUnfinishedHandshake(event))
        return tr("waiting for the peer…");
    return tr("failed");
}

void TimelineCanvas::paintLaneTitles(QPainter &painter)
{
    // Over the boxes at the left edge of what is visible, so a lane keeps its name however far
    // the view has scrolled to follow the newest calls.
    const int left = visibleRegion().boundingRect().left();
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const QRect title(left, kTop + lane * kLaneHeight, kLaneTitleWidth, kLaneHeight);
        painter.fillRect(title, lane % 2 ? palette().alternateBase() : palette().base());
        painter.setPen(palette().text().color());
        painter.drawText(title.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::TextWordWrap, laneTitle(m_lanes.at(lane)));
    }
}

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent), m_canvas(new TimelineCanvas), m_scroll(new QScrollArea(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("timelineView"));
    m_scroll->setWidget(m_canvas);
    // Scrolling blits the old pixels across, lane titles with them: repaint so they stay put.
    connect(m_scroll->horizontalScrollBar(), &QScrollBar::valueChanged, m_canvas, qOverload<>(&QWidget::update));
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_hint->setText(tr("Each lane is a thread; each box one socket call with its result. Arrows join a send() to the recv() that got its bytes "
                       "(over TLS, an SSL_write() of the text to the SSL_read() that got it)."));
    m_hint->setWordWrap(true);

    auto *pause = new QPushButton(tr("&Pause"), this);
    pause->setCheckable(true);
    pause->setObjectName(QStringLiteral("timelinePause"));
    auto *clear = new QPushButton(tr("C&lear"), this);
    clear->setObjectName(QStringLiteral("timelineClear"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_hint, 1);
    bar->addWidget(pause);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(pause, &QPushButton::toggled, this, [this](bool paused) { m_paused = paused; });
    connect(clear, &QPushButton::clicked, m_canvas, &TimelineCanvas::clear);
}

TimelineView::~TimelineView() = default;

void TimelineView::setRecording(bool on)
{
    if (on == isRecording())
        return;
    if (!on) {
        delete m_recorder;
        m_recorder = nullptr;
        return;
    }
    m_recorder = new TraceRecorder(this);
    connect(m_recorder, &TraceRecorder::eventsRecorded, this, [this](const QList<TraceEvent> &events) {
        if (m_paused)
            return;
        m_canvas->addEvents(events);
        m_scroll->horizontalScrollBar()->setValue(m_scroll->horizontalScrollBar()->maximum());
    });
}

void TimelineView::showEvent(QShowEvent *event)
{
    setRecording(true);
    QWidget::showEvent(event);
}

void TimelineView::hideEvent(QHideEvent *event)
{
    setRecording(false);
    QWidget::hideEvent(event);
}

} // namespace socketeer::ui
