#pragma once
// The classroom picture: the socket calls each thread makes, drawn live as lanes from the core's
// trace, with arrows where one side's send() is the other side's recv() — the tutorial's TCP flow
// figure, but of what is really happening. A student can point at "accept() returned here".

#include "net/trace.h"

#include <QWidget>

#include <deque>

class QPainter;

class QScrollArea;
class QLabel;

namespace socketeer::ui {

class TimelineCanvas final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineCanvas)
public:
    static constexpr int kMaxEvents = 400;
    explicit TimelineCanvas(QWidget *parent = nullptr);

    void addEvents(const QList<TraceEvent> &events);
    void clear();
    int eventCount() const { return static_cast<int>(m_events.size()); }
    const TraceEvent &event(int index) const { return m_events.at(static_cast<size_t>(index)); }
    QStringList lanes() const { return m_lanes; }
    // Pairs (index of send, index of recv) currently drawn as arrows.
    QList<QPair<int, int>> arrows() const;
    QSize sizeHint() const override;

    static QString laneTitle(const QString &thread);
    // What a TLS handshake box says under its title: the version once done, else how it stands.
    static QString handshakeDetail(const TraceEvent &event);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRect boxRect(int index) const;
    void paintLaneTitles(QPainter &painter);
    int laneOf(const TraceEvent &event) const { return static_cast<int>(m_lanes.indexOf(event.thread)); }

    std::deque<TraceEvent> m_events;
    QStringList m_lanes;
};

class TimelineView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    TimelineCanvas *canvas() const { return m_canvas; }
    // Recording costs a little per call, so it runs only while the view is shown or asked for.
    void setRecording(bool on);
    bool isRecording() const { return m_recorder != nullptr; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    TimelineCanvas *m_canvas;
    QScrollArea *m_scroll;
    QLabel *m_hint;
    TraceRecorder *m_recorder = nullptr;
    bool m_paused = false;
};

} // namespace socketeer::ui
