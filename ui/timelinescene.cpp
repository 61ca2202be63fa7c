#include "timelinescene.h"

#include "theme.h"

#include "net/error.h"
#include "net/tracerecording.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QHash>
#include <QIODevice>
#include <QPainter>
#include <QPalette>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>

namespace socketeer::ui {

using namespace timelinegeometry;

namespace {

// The canvas's words, under the context they were always translated in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::ui::TimelineCanvas)
};

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

// What the relay did to the bytes on purpose (core/relay/): not socket calls, but the cause of what
// the next ones show, so they stand out. A dropped datagram is a recvfrom with no sendto after it,
// and this box where it ended.
bool isImpairment(const QString &call)
{
    static const QStringList impairments{QStringLiteral("delay"), QStringLiteral("throttle"), QStringLiteral("slice"),
                                         QStringLiteral("stall"), QStringLiteral("reset"), QStringLiteral("halfclose"),
                                         QStringLiteral("limit"), QStringLiteral("holdfin"), QStringLiteral("drop"),
                                         QStringLiteral("duplicate"), QStringLiteral("corrupt"), QStringLiteral("truncate"),
                                         QStringLiteral("reorder")};
    return impairments.contains(call);
}

qint64 bytesOf(const TraceEvent &event)
{
    if (event.byteCount >= 0 && !event.error && !event.result.startsWith(QLatin1Char('-')))
        return event.byteCount;
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
    if (isImpairment(call))
        return QColor(0xd8, 0x1b, 0x60);
    return QColor(0x50, 0x50, 0x50);
}

const QColor kArrowColour(0x18, 0x80, 0x38);
// The most calls between a send and the recv an arrow joins it to. On loopback the recv follows
// within a few calls even in a flood; further apart, a pair of the same size is a guess.
constexpr qsizetype kMaxArrowSpan = 256;
const QColor kSelectedColour(0xff, 0xb3, 0x00);

QString handshakeDetail(const TraceEvent &event)
{
    // The core's result: "1 TLSv1.3 TLS_AES_256_GCM_SHA384", "-1 (want read)", "-1 <reason>".
    if (event.result.startsWith(QLatin1String("1 ")))
        return event.result.section(QLatin1Char(' '), 1, 1);
    if (event.result.contains(QLatin1String("(want ")))
        return Text::tr("waiting for the peer…");
    return Text::tr("failed");
}

QString boxDetail(const TraceEvent &event)
{
    // The trace says "23 bytes" in the core's words; the box says it in the reader's language.
    const qint64 bytes = bytesOf(event);
    if (event.error == EINPROGRESS)   // a non-blocking connect() finishes later: not a failure
        return Text::tr("in progress…");
    if (event.error)
        return errnoText(event.error);
    if (isHandshake(event.call))
        return handshakeDetail(event);
    if (bytes == 1)
        return Text::tr("1 byte");
    if (bytes >= 0 && (isSend(event.call) || isRecv(event.call) || event.result.endsWith(QLatin1String("bytes"))))
        return Text::tr("%1 bytes").arg(bytes);
    return event.result;
}

QString laneTitleOf(const QString &thread)
{
    if (thread == QLatin1String("tcp-server"))
        return Text::tr("Server (event loop)");
    if (thread == QLatin1String("tcp-accept"))
        return Text::tr("Server (accepting)");
    if (thread.startsWith(QLatin1String("tcp-client-")))
        return Text::tr("Server ↔ client %1").arg(thread.mid(11));
    if (thread.startsWith(QLatin1String("client-")))
        return Text::tr("Client %1").arg(thread.mid(7));
    if (thread == QLatin1String("udp"))
        return Text::tr("UDP");
    if (thread == QLatin1String("relay"))
        return Text::tr("Relay");
    if (thread == QLatin1String("smtp-inbox"))
        return Text::tr("Local inbox (SMTP server)");
    if (thread == QLatin1String("smtps-inbox"))
        return Text::tr("Local inbox (its TLS port)");
    if (thread == QLatin1String("mail-sender"))
        return Text::tr("Mail (SMTP client)");
    if (thread == QLatin1String("main"))
        return Text::tr("Window (main thread)");
    if (thread == QLatin1String("lab"))   // LabRunner::kThreadName: the checker, as the student's peer
        return Text::tr("Lab (checking the program)");
    if (thread == QLatin1String("lab-inbox"))
        return Text::tr("Lab's inbox (SMTP server)");
    return thread;
}

QPolygonF arrowHead(const QLineF &line)
{
    const QPointF end = line.p2();
    const QLineF back(end, line.p1());
    const double angle = std::atan2(-back.dy(), back.dx());
    const QPointF p1 = end + QPointF(std::sin(angle + M_PI / 3) * 8, std::cos(angle + M_PI / 3) * 8);
    const QPointF p2 = end + QPointF(std::sin(angle + M_PI - M_PI / 3) * 8, std::cos(angle + M_PI - M_PI / 3) * 8);
    return QPolygonF({end, p1, p2});
}

} // namespace

QString timelineLaneTitle(const QString &thread) { return laneTitleOf(thread); }
QString timelineHandshakeDetail(const TraceEvent &event) { return handshakeDetail(event); }

TimelineArrows timelineArrows(const TraceRecording &recording)
{
    // A send's bytes show up in a later recv of the same size on another lane; each recv takes the
    // earliest send of its size on another thread not yet taken. Good enough for a classroom
    // exchange; no arrow where it cannot tell. One pass with a queue per size and thread: a recv
    // looks at the front of each other thread's queue, never along a queue of sends that went
    // unanswered, so 100,000 calls cost no quadratic search.
    QList<QPair<qsizetype, qsizetype>> pairs;
    QHash<qint64, QHash<QString, std::deque<qsizetype>>> waiting;   // bytes → thread → shown indices of sends
    const qsizetype count = recording.shownCount();
    for (qsizetype i = 0; i < count; ++i) {
        const TraceEvent &event = recording.shown(i);
        if (event.error)
            continue;
        const bool send = isSend(event.call), recv = isRecv(event.call);
        if (!send && !recv)
            continue;
        const qint64 bytes = bytesOf(event);
        if (bytes <= 0)
            continue;
        if (send) {
            waiting[bytes][event.thread].push_back(i);
            continue;
        }
        const auto found = waiting.find(bytes);
        if (found == waiting.end())
            continue;
        std::deque<qsizetype> *earliest = nullptr;
        for (auto it = found->begin(); it != found->end(); ++it) {
            // A send whose recv is not in the recording (a peer in another process, a hidden
            // lane) is not paired with a recv far later that merely has its size.
            while (!it->empty() && i - it->front() > kMaxArrowSpan)
                it->pop_front();
            if (it.key() != event.thread && !it->empty() && (!earliest || it->front() < earliest->front()))
                earliest = &it.value();
        }
        if (earliest) {
            pairs.append({earliest->front(), i});
            earliest->pop_front();
        }
    }
    std::sort(pairs.begin(), pairs.end());
    TimelineArrows arrows{pairs, 0};
    for (const auto &[from, to] : pairs)
        arrows.longest = std::max(arrows.longest, to - from);
    return arrows;
}

QRect timelineBoxRect(qsizetype index, int lane, qsizetype origin, bool withDropMark)
{
    const int x = kLaneTitleWidth + (withDropMark ? kDropMarkWidth : 0) + static_cast<int>(index - origin) * kColumnWidth
                  + (kColumnWidth - kBoxWidth) / 2;
    const int y = kTop + lane * kLaneHeight + (kLaneHeight - kBoxHeight) / 2;
    return {x, y, kBoxWidth, kBoxHeight};
}

qsizetype timelineColumnAt(int x, qsizetype origin, bool withDropMark)
{
    const int left = kLaneTitleWidth + (withDropMark ? kDropMarkWidth : 0);
    return x < left ? -1 : origin + (x - left) / kColumnWidth;
}

TimelineScene buildTimelineScene(const TraceRecording &recording, const TimelineArrows &arrows,
                                 qsizetype first, qsizetype last, qsizetype origin, qsizetype selected)
{
    TimelineScene scene;
    const QStringList lanes = recording.shownLanes();
    const bool dropMark = recording.droppedCount() > 0;
    const qsizetype columns = std::max<qsizetype>(0, last - origin + 1);
    scene.size = QSize(kLaneTitleWidth + (dropMark ? kDropMarkWidth : 0) + static_cast<int>(columns) * kColumnWidth + kColumnWidth,
                       kTop * 2 + std::max<int>(1, static_cast<int>(lanes.size())) * kLaneHeight);
    for (int lane = 0; lane < lanes.size(); ++lane)
        scene.lanes.append({QRect(0, kTop + lane * kLaneHeight, scene.size.width(), kLaneHeight), laneTitleOf(lanes.at(lane)), lane % 2 == 1});
    if (dropMark) {
        scene.dropMark = Text::tr("%n older call(s) dropped", nullptr, static_cast<int>(std::min<qint64>(recording.droppedCount(), INT_MAX)));
        scene.dropMarkRect = QRect(kLaneTitleWidth, kTop, kDropMarkWidth, scene.size.height() - 2 * kTop);
    }
    if (recording.shownCount() == 0) {
        scene.placeholder = Text::tr("Socket calls appear here as the panels make them.");
        return scene;
    }
    QHash<QString, int> laneIndex;
    for (int lane = 0; lane < lanes.size(); ++lane)
        laneIndex.insert(lanes.at(lane), lane);
    for (qsizetype i = first; i <= last; ++i) {
        const TraceEvent &event = recording.shown(i);
        TimelineScene::Box box;
        box.shownIndex = i;
        box.rect = timelineBoxRect(i, laneIndex.value(event.thread), origin, dropMark);
        box.colour = event.error == EINPROGRESS ? QColor(0xd0, 0x80, 0x00) : event.error ? QColor(0xc0, 0x20, 0x20) : colourFor(event.call);
        box.title = isHandshake(event.call) ? Text::tr("handshake") : event.call + QStringLiteral("()");
        box.detail = boxDetail(event);
        box.selected = i == selected;
        scene.boxes.append(box);
    }
    // An arrow is drawn when either end is in range; the other end may lie outside, off the edge.
    // The arrows are sorted by their send: those that can reach the range start no further back
    // than the longest arrow, found by binary search rather than a walk from the first call.
    const auto begin = std::lower_bound(arrows.pairs.begin(), arrows.pairs.end(), QPair<qsizetype, qsizetype>{first - arrows.longest, 0});
    for (auto it = begin; it != arrows.pairs.end(); ++it) {
        const auto [from, to] = *it;
        if (from > last)
            break;
        if (to < first)
            continue;
        const QRect a = timelineBoxRect(from, laneIndex.value(recording.shown(from).thread), origin, dropMark);
        const QRect b = timelineBoxRect(to, laneIndex.value(recording.shown(to).thread), origin, dropMark);
        const QPointF start(a.center().x(), b.top() > a.top() ? a.bottom() : a.top());
        const QPointF end(b.center().x(), b.top() > a.top() ? b.top() : b.bottom());
        scene.arrows.append({QLineF(start, end)});
    }
    return scene;
}

void paintTimelineScene(QPainter &painter, const TimelineScene &scene, const QPalette &palette, const QRect &clip, int titleLeft)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(clip, palette.base());
    for (const auto &lane : scene.lanes) {
        if (lane.alternate)
            painter.fillRect(QRect(clip.left(), lane.rect.top(), clip.width(), lane.rect.height()), palette.alternateBase());
        painter.setPen(QPen(palette.mid().color(), 1, Qt::DashLine));
        const int y = lane.rect.center().y();
        painter.drawLine(std::max(kLaneTitleWidth, clip.left()), y, clip.right(), y);
    }
    if (!scene.dropMark.isEmpty()) {
        const QColor error = theme::colour(theme::Role::Error, palette);
        painter.setPen(QPen(error, 1, Qt::DashLine));
        painter.setBrush(theme::boxFill(error, palette));
        painter.drawRect(scene.dropMarkRect.adjusted(4, 0, -4, 0));
        painter.setPen(theme::isDark(palette) ? palette.text().color() : QColor(0xa0, 0x10, 0x10));
        painter.drawText(scene.dropMarkRect.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, scene.dropMark);
    }
    if (!scene.placeholder.isEmpty()) {
        painter.setPen(palette.placeholderText().color());
        painter.drawText(QRect(QPoint(0, 0), scene.size), Qt::AlignCenter, scene.placeholder);
    }
    QFont callFont = painter.font();
    callFont.setBold(true);
    QFont smallFont = painter.font();
    smallFont.setPointSizeF(std::max(6.0, smallFont.pointSizeF() * 0.8));
    const QFont baseFont = painter.font();
    for (const auto &box : scene.boxes) {
        if (box.selected) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(kSelectedColour.red(), kSelectedColour.green(), kSelectedColour.blue(), 60));
            painter.drawRect(QRect(box.rect.left() - 4, kTop, box.rect.width() + 8, scene.size.height() - 2 * kTop));
        }
        painter.setPen(QPen(box.selected ? kSelectedColour.darker(130) : box.colour, box.selected ? 3.5 : 1.5));
        painter.setBrush(theme::boxFill(box.colour, palette));
        painter.drawRoundedRect(box.rect, 6, 6);
        painter.setPen(palette.text().color());
        painter.setFont(callFont);
        painter.drawText(box.rect.adjusted(2, 2, -2, -box.rect.height() / 2), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(box.title, Qt::ElideRight, box.rect.width() - 4));
        painter.setFont(smallFont);
        painter.drawText(box.rect.adjusted(2, box.rect.height() / 2, -2, -2), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(box.detail, Qt::ElideRight, box.rect.width() - 4));
    }
    const QColor arrowColour = theme::colour(theme::Role::Sent, palette);
    for (const auto &arrow : scene.arrows) {
        painter.setPen(QPen(arrowColour, 2));
        painter.drawLine(arrow.line);
        painter.setBrush(arrowColour);
        painter.drawPolygon(arrowHead(arrow.line));
    }
    // Over the boxes at the left edge of what is visible, so a lane keeps its name however far
    // the view has scrolled to follow the newest calls.
    QFont titleFont = baseFont;
    titleFont.setBold(true);
    painter.setFont(titleFont);
    for (const auto &lane : scene.lanes) {
        const QRect title(titleLeft, lane.rect.top(), kLaneTitleWidth, lane.rect.height());
        painter.fillRect(title, lane.alternate ? palette.alternateBase() : palette.base());
        painter.setPen(palette.text().color());
        painter.drawText(title.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::TextWordWrap, lane.title);
    }
    painter.setFont(baseFont);
}

bool writeTimelineSvg(QIODevice *device, const TimelineScene &scene, const QString &title)
{
    // Written by hand from the scene's shapes; QXmlStreamWriter escapes the text (a lane title or
    // a result may hold <, & or a peer's address).
    QXmlStreamWriter svg(device);
    svg.setAutoFormatting(true);
    svg.writeStartDocument();
    svg.writeStartElement(QStringLiteral("svg"));
    svg.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    svg.writeAttribute(QStringLiteral("width"), QString::number(scene.size.width()));
    svg.writeAttribute(QStringLiteral("height"), QString::number(scene.size.height()));
    svg.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(scene.size.width()).arg(scene.size.height()));
    svg.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));
    svg.writeTextElement(QStringLiteral("title"), title);
    const auto rect = [&svg](const QRectF &r, const QString &fill, const QString &stroke = {}, double strokeWidth = 0, double radius = 0) {
        svg.writeEmptyElement(QStringLiteral("rect"));
        svg.writeAttribute(QStringLiteral("x"), QString::number(r.x()));
        svg.writeAttribute(QStringLiteral("y"), QString::number(r.y()));
        svg.writeAttribute(QStringLiteral("width"), QString::number(r.width()));
        svg.writeAttribute(QStringLiteral("height"), QString::number(r.height()));
        if (radius > 0)
            svg.writeAttribute(QStringLiteral("rx"), QString::number(radius));
        svg.writeAttribute(QStringLiteral("fill"), fill);
        if (!stroke.isEmpty()) {
            svg.writeAttribute(QStringLiteral("stroke"), stroke);
            svg.writeAttribute(QStringLiteral("stroke-width"), QString::number(strokeWidth));
        }
    };
    const auto text = [&svg](const QPointF &at, const QString &content, int size, bool bold, const QString &anchor = QStringLiteral("middle"),
                             const QString &fill = QStringLiteral("#202020")) {
        svg.writeStartElement(QStringLiteral("text"));
        svg.writeAttribute(QStringLiteral("x"), QString::number(at.x()));
        svg.writeAttribute(QStringLiteral("y"), QString::number(at.y()));
        svg.writeAttribute(QStringLiteral("font-size"), QString::number(size));
        if (bold)
            svg.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
        svg.writeAttribute(QStringLiteral("text-anchor"), anchor);
        svg.writeAttribute(QStringLiteral("fill"), fill);
        svg.writeCharacters(content);
        svg.writeEndElement();
    };
    rect(QRectF(QPointF(0, 0), scene.size), QStringLiteral("#ffffff"));
    for (const auto &lane : scene.lanes) {
        if (lane.alternate)
            rect(lane.rect, QStringLiteral("#f5f5f5"));
        svg.writeEmptyElement(QStringLiteral("line"));
        svg.writeAttribute(QStringLiteral("x1"), QString::number(kLaneTitleWidth));
        svg.writeAttribute(QStringLiteral("x2"), QString::number(lane.rect.right()));
        svg.writeAttribute(QStringLiteral("y1"), QString::number(lane.rect.center().y()));
        svg.writeAttribute(QStringLiteral("y2"), QString::number(lane.rect.center().y()));
        svg.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#a0a0a0"));
        svg.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("4 3"));
        text(QPointF(6, lane.rect.center().y() + 4), lane.title, 12, true, QStringLiteral("start"));
    }
    if (!scene.dropMark.isEmpty()) {
        rect(scene.dropMarkRect.adjusted(4, 0, -4, 0), QStringLiteral("#fdecea"), QStringLiteral("#c02020"), 1);
        text(QPointF(scene.dropMarkRect.center().x(), scene.dropMarkRect.center().y()), scene.dropMark, 11, false, QStringLiteral("middle"),
             QStringLiteral("#a01010"));
    }
    if (!scene.placeholder.isEmpty())
        text(QPointF(scene.size.width() / 2.0, scene.size.height() / 2.0), scene.placeholder, 12, false);
    for (const auto &box : scene.boxes) {
        if (box.selected)
            rect(QRectF(box.rect.left() - 4, kTop, box.rect.width() + 8, scene.size.height() - 2 * kTop), QStringLiteral("#fff0c8"));
        rect(box.rect, box.colour.lighter(185).name(), box.selected ? kSelectedColour.darker(130).name() : box.colour.name(),
             box.selected ? 3.5 : 1.5, 6);
        text(QPointF(box.rect.center().x(), box.rect.top() + 16), box.title, 11, true);
        text(QPointF(box.rect.center().x(), box.rect.top() + 33), box.detail, 9, false);
    }
    for (const auto &arrow : scene.arrows) {
        svg.writeEmptyElement(QStringLiteral("line"));
        svg.writeAttribute(QStringLiteral("x1"), QString::number(arrow.line.x1()));
        svg.writeAttribute(QStringLiteral("y1"), QString::number(arrow.line.y1()));
        svg.writeAttribute(QStringLiteral("x2"), QString::number(arrow.line.x2()));
        svg.writeAttribute(QStringLiteral("y2"), QString::number(arrow.line.y2()));
        svg.writeAttribute(QStringLiteral("stroke"), kArrowColour.name());
        svg.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("2"));
        QStringList points;
        for (const QPointF &p : arrowHead(arrow.line))
            points.append(QStringLiteral("%1,%2").arg(p.x()).arg(p.y()));
        svg.writeEmptyElement(QStringLiteral("polygon"));
        svg.writeAttribute(QStringLiteral("points"), points.join(QLatin1Char(' ')));
        svg.writeAttribute(QStringLiteral("fill"), kArrowColour.name());
    }
    svg.writeEndElement();
    svg.writeEndDocument();
    return !svg.hasError();
}

} // namespace socketeer::ui
