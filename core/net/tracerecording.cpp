#include "tracerecording.h"

#include "limits.h"

#include <algorithm>

namespace socketeer {

const qsizetype TraceRecording::kDefaultLimit = limits::kTraceRecordingEvents;

namespace {
bool isHandshake(const QString &call) { return call == QLatin1String("SSL_do_handshake"); }
// A handshake call that returned "-1 (want read)" or "(want write)": it goes on in a later call.
bool isUnfinishedHandshake(const TraceEvent &event)
{
    return isHandshake(event.call) && event.result.contains(QLatin1String("(want "));
}
} // namespace

TraceRecording::TraceRecording(qsizetype limit, QObject *parent) : QObject(parent), m_limit(std::max<qsizetype>(1, limit)) {}

void TraceRecording::note(const TraceEvent &event)
{
    // getaddrinfo and the like happen on threads that come and go; one lane per thread name.
    if (!m_lanes.contains(event.thread))
        m_lanes.append(event.thread);
    if (!m_calls.contains(event.call))
        m_calls.append(event.call);
}

void TraceRecording::insert(const TraceEvent &event)
{
    note(event);
    bool selectThis = false;   // the step it folds in was the selected call: this one takes its place
    // A handshake takes a call per round trip; drawn as one step that shows how far it got, so a
    // student sees "the TLS handshake" between connect() and the first write.
    if (isHandshake(event.call)) {
        for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
            if (it->thread != event.thread)
                continue;
            if (isUnfinishedHandshake(*it) && it->arguments == event.arguments) {
                const auto erased = std::next(it).base();
                const qsizetype index = erased - m_events.begin();
                m_events.erase(erased);
                if (m_selected == index) {
                    selectThis = true;
                    m_selected = -1;
                } else if (m_selected > index) {
                    --m_selected;
                }
            }
            break;
        }
    }
    // Batches from different threads interleave; the sequence puts each send before the recv that
    // got its bytes. Events are nearly in order already, so search from the end.
    auto at = m_events.end();
    if (event.sequence != 0) {
        while (at != m_events.begin() && std::prev(at)->sequence > event.sequence)
            --at;
    }
    const qsizetype index = at - m_events.begin();
    m_events.insert(at, event);
    if (selectThis)
        m_selected = index;
    else if (m_selected >= index)
        ++m_selected;
}

void TraceRecording::setLimit(qsizetype limit)
{
    m_limit = std::max<qsizetype>(1, limit);
    append({});
}

void TraceRecording::append(const QList<TraceEvent> &events)
{
    if (events.isEmpty() && size() <= m_limit)
        return;
    const qsizetype selectedBefore = m_selected;
    for (const TraceEvent &event : events)
        insert(event);
    const qsizetype over = size() - m_limit;
    if (over > 0) {
        m_events.erase(m_events.begin(), m_events.begin() + over);
        m_dropped += over;
        // The selected call went with the oldest: the oldest kept is the nearest to it.
        if (m_selected >= 0)
            m_selected = std::max<qsizetype>(0, m_selected - over);
    }
    m_shownDirty = true;
    emit changed();
    if (m_selected != selectedBefore)
        emit cursorChanged(cursor());
}

void TraceRecording::reset(std::vector<TraceEvent> events, qint64 dropped)
{
    m_events.assign(std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    m_dropped = dropped;
    if (size() > m_limit) {
        m_dropped += size() - m_limit;
        m_events.erase(m_events.begin(), m_events.begin() + (size() - m_limit));
    }
    m_lanes.clear();
    m_calls.clear();
    for (const TraceEvent &event : m_events)
        note(event);
    m_selected = -1;
    m_shownDirty = true;
    emit changed();
    emit cursorChanged(-1);
}

void TraceRecording::clear()
{
    reset({}, 0);
}

bool TraceRecording::passes(const TraceEvent &event) const
{
    return !m_hiddenLanes.contains(event.thread) && !m_hiddenCalls.contains(event.call);
}

void TraceRecording::rebuildShown() const
{
    if (!m_shownDirty)
        return;
    m_shown.clear();
    if (!m_hiddenLanes.isEmpty() || !m_hiddenCalls.isEmpty()) {
        for (qsizetype i = 0; i < size(); ++i) {
            if (passes(at(i)))
                m_shown.push_back(i);
        }
    }
    m_shownDirty = false;
}

qsizetype TraceRecording::shownCount() const
{
    if (m_hiddenLanes.isEmpty() && m_hiddenCalls.isEmpty())
        return size();
    rebuildShown();
    return static_cast<qsizetype>(m_shown.size());
}

qsizetype TraceRecording::shownToIndex(qsizetype shownIndex) const
{
    if (m_hiddenLanes.isEmpty() && m_hiddenCalls.isEmpty())
        return shownIndex;
    rebuildShown();
    return m_shown[static_cast<size_t>(shownIndex)];
}

QStringList TraceRecording::shownLanes() const
{
    QStringList lanes;
    for (const QString &lane : m_lanes) {
        if (isLaneShown(lane))
            lanes.append(lane);
    }
    return lanes;
}

qsizetype TraceRecording::shownIndexAtTime(qint64 timeUs) const
{
    qsizetype low = 0, high = shownCount();
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        if (shown(middle).timeUs < timeUs)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void TraceRecording::setLaneShown(const QString &thread, bool shown)
{
    if (shown == isLaneShown(thread))
        return;
    if (shown)
        m_hiddenLanes.remove(thread);
    else
        m_hiddenLanes.insert(thread);
    m_shownDirty = true;
    selectShownNear(m_selected);
    emit changed();
}

void TraceRecording::setCallShown(const QString &call, bool shown)
{
    if (shown == isCallShown(call))
        return;
    if (shown)
        m_hiddenCalls.remove(call);
    else
        m_hiddenCalls.insert(call);
    m_shownDirty = true;
    selectShownNear(m_selected);
    emit changed();
}

void TraceRecording::selectShownNear(qsizetype index)
{
    // A filter hid the selected call: the next shown one takes its place, else the one before.
    if (index < 0)
        return;
    qsizetype next = index;
    while (next < size() && !passes(at(next)))
        ++next;
    if (next == size()) {
        next = index;
        while (next >= 0 && !passes(at(next)))
            --next;
    }
    if (next != m_selected) {
        m_selected = next;
        emit cursorChanged(cursor());
    }
}

qsizetype TraceRecording::cursor() const
{
    if (m_selected < 0)
        return -1;
    if (m_hiddenLanes.isEmpty() && m_hiddenCalls.isEmpty())
        return m_selected;
    rebuildShown();
    const auto it = std::lower_bound(m_shown.begin(), m_shown.end(), m_selected);
    return it != m_shown.end() && *it == m_selected ? it - m_shown.begin() : -1;
}

void TraceRecording::setCursor(qsizetype shownIndex)
{
    const qsizetype selected = shownIndex >= 0 && shownIndex < shownCount() ? shownToIndex(shownIndex) : -1;
    if (selected == m_selected)
        return;
    m_selected = selected;
    emit cursorChanged(cursor());
}

bool TraceRecording::stepForward()
{
    const qsizetype at = cursor();
    if (at + 1 >= shownCount())
        return false;
    setCursor(at + 1);
    return true;
}

bool TraceRecording::stepBack()
{
    const qsizetype at = cursor();
    if (at <= 0) {
        // With nothing selected, stepping back starts from the newest call.
        if (at < 0 && shownCount() > 0) {
            setCursor(shownCount() - 1);
            return true;
        }
        return false;
    }
    setCursor(at - 1);
    return true;
}

} // namespace socketeer
