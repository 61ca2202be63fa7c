#pragma once
// A timeline's recording, apart from its drawing: the socket calls in the order they happened (by
// their sequence), bounded as a ring that counts what it dropped, filtered by lane (thread) and by
// call, with a cursor on the selected call for stepping through. No widgets: the timeline view
// draws it, a file (tracefile.h) stores it, a bench fills it with 100,000 calls.

#include "net/trace.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <vector>

namespace socketeer {

class TraceRecording final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceRecording)
public:
    explicit TraceRecording(qsizetype limit = kDefaultLimit, QObject *parent = nullptr);
    static const qsizetype kDefaultLimit;

    // Live events, in any batch order: each goes to its place by sequence, a TLS handshake's
    // unfinished step is folded into the next one, and the oldest calls go past the limit.
    void append(const QList<TraceEvent> &events);
    // A recording opened from a file: the events in their order, and how many had been dropped.
    void reset(std::vector<TraceEvent> events, qint64 dropped);
    void clear();

    qsizetype limit() const { return m_limit; }
    void setLimit(qsizetype limit);   // drops the oldest calls past a lower limit at once
    qint64 droppedCount() const { return m_dropped; }   // calls that went past the limit, in all
    qsizetype size() const { return static_cast<qsizetype>(m_events.size()); }
    const TraceEvent &at(qsizetype index) const { return m_events[static_cast<size_t>(index)]; }
    std::vector<TraceEvent> events() const { return {m_events.begin(), m_events.end()}; }
    // Every thread and call name kept, in the order first seen: what the filters offer.
    QStringList lanes() const { return m_lanes; }
    QStringList calls() const { return m_calls; }

    // ── Filters: what is shown. Indices below are into the shown calls. ──
    void setLaneShown(const QString &thread, bool shown);
    void setCallShown(const QString &call, bool shown);
    bool isLaneShown(const QString &thread) const { return !m_hiddenLanes.contains(thread); }
    bool isCallShown(const QString &call) const { return !m_hiddenCalls.contains(call); }
    qsizetype shownCount() const;
    const TraceEvent &shown(qsizetype index) const { return at(shownToIndex(index)); }
    qsizetype shownToIndex(qsizetype shownIndex) const;
    // Shown lanes only, in the order first seen.
    QStringList shownLanes() const;
    // The first shown call at or after a time (µs since the epoch); shownCount() if none.
    // Binary search: the calls are in sequence order, whose times do not go back by more than the
    // clock's resolution.
    qsizetype shownIndexAtTime(qint64 timeUs) const;

    // ── The cursor: the selected call, as an index into the shown calls; -1 for none. ──
    qsizetype cursor() const;
    void setCursor(qsizetype shownIndex);
    bool stepForward();   // false at the last call
    bool stepBack();      // false at the first call

signals:
    void changed();                       // calls came, went, or the filters changed
    void cursorChanged(qsizetype shownIndex);

private:
    void insert(const TraceEvent &event);
    void note(const TraceEvent &event);
    void rebuildShown() const;
    void selectShownNear(qsizetype index);
    bool passes(const TraceEvent &event) const;

    qsizetype m_limit;
    std::deque<TraceEvent> m_events;
    QStringList m_lanes;   // every thread seen since the last clear or reset
    QStringList m_calls;
    qint64 m_dropped = 0;
    QSet<QString> m_hiddenLanes;
    QSet<QString> m_hiddenCalls;
    // The selected call as an index into m_events (so it stays on its call as calls are filtered,
    // added or dropped); -1 for none.
    qsizetype m_selected = -1;
    // Shown calls as indices into m_events; valid while !m_shownDirty, unused with no filters.
    mutable std::vector<qsizetype> m_shown;
    mutable bool m_shownDirty = true;
};

} // namespace socketeer
