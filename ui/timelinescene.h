#pragma once
// What the timeline draws for a range of shown calls, as plain shapes: lanes, boxes, arrows and
// the "older calls dropped" mark. One geometry for the widget (QPainter), the PNG (the same
// painter on a QImage) and the SVG (written by hand from the same shapes: rects, lines, text, so
// the build needs no Qt SVG module).

#include <QColor>
#include <QLineF>
#include <QList>
#include <QPair>
#include <QRect>
#include <QString>

class QIODevice;
class QPainter;
class QPalette;

namespace socketeer {
class TraceRecording;
struct TraceEvent;
}

namespace socketeer::ui {

namespace timelinegeometry {
inline constexpr int kLaneHeight = 64;
inline constexpr int kLaneTitleWidth = 150;
inline constexpr int kColumnWidth = 92;
inline constexpr int kBoxWidth = 84;
inline constexpr int kBoxHeight = 40;
inline constexpr int kTop = 8;
inline constexpr int kDropMarkWidth = 120;   // the "N older calls dropped" column, when there is one
} // namespace timelinegeometry

struct TimelineScene {
    struct Lane {
        QRect rect;        // the whole lane, title included
        QString title;
        bool alternate = false;
    };
    struct Box {
        qsizetype shownIndex = 0;
        QRect rect;
        QColor colour;
        QString title;     // "recv()"
        QString detail;    // "5 bytes", the error's text, the handshake's state
        bool selected = false;
    };
    struct Arrow {
        QLineF line;       // from the send's box to the recv's
    };
    QSize size;
    int titleWidth = timelinegeometry::kLaneTitleWidth;
    QList<Lane> lanes;
    QList<Box> boxes;
    QList<Arrow> arrows;
    QString dropMark;      // empty when nothing was dropped
    QRect dropMarkRect;
    QString placeholder;   // shown when there are no calls
};

// "Client 1" for "client-1": the lane's name in the reader's words.
QString timelineLaneTitle(const QString &thread);
// What a TLS handshake box says under its title: the version once done, else how it stands.
QString timelineHandshakeDetail(const TraceEvent &event);

// Pairs (shown index of a send, shown index of the recv that got its bytes), in send order, and
// the longest pair's span (so a paint finds the arrows near its range by binary search).
struct TimelineArrows {
    QList<QPair<qsizetype, qsizetype>> pairs;
    qsizetype longest = 0;
};
TimelineArrows timelineArrows(const TraceRecording &recording);

// Where the shown call `index` is drawn when column `origin` is the first after the lane titles
// and (withDropMark) the dropped-calls column.
QRect timelineBoxRect(qsizetype index, int lane, qsizetype origin, bool withDropMark);
// The shown call whose column holds x, for the same layout; -1 for none.
qsizetype timelineColumnAt(int x, qsizetype origin, bool withDropMark);

// The shapes for shown calls [first, last] (inclusive), with column `origin` first: 0 for the
// widget (every call at its place), `first` for an export of that range alone. scene.size is the
// size of the whole range from origin to last.
TimelineScene buildTimelineScene(const TraceRecording &recording, const TimelineArrows &arrows,
                                 qsizetype first, qsizetype last, qsizetype origin, qsizetype selected);

// Draws the part of a scene within `area`; the lane titles at x = titleLeft (the widget keeps them
// at the visible left edge).
void paintTimelineScene(QPainter &painter, const TimelineScene &scene, const QPalette &palette, const QRect &area, int titleLeft);
// The same scene as an SVG document (UTF-8).
bool writeTimelineSvg(QIODevice *device, const TimelineScene &scene, const QString &title);

} // namespace socketeer::ui
