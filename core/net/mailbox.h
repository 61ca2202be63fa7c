#pragma once
// How a worker's events reach the thread that owns a front-end QObject. Workers post() from their
// own thread; the receiver gets them in batches, in order, in its own thread. At most one delivery
// is queued at any time, so a flood of small events becomes a few large batches instead of one
// queued call per recv (which is what freezes other tools' GUIs).

#include "doorbell.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace socketeer {

template <typename Event>
class Mailbox {
public:
    using Deliver = std::function<void(std::vector<Event> &&)>;
    // merge(last, next) may fold next into the last pending event (appending bytes, say) and
    // return true; the event is then not queued on its own.
    using Merge = std::function<bool(Event &last, Event &next)>;

    Mailbox(QObject *receiver, Deliver deliver, Merge merge = {})
        : m_deliver(std::move(deliver)), m_merge(std::move(merge)), m_doorbell(receiver, [this] { deliverPending(); })
    {
    }
    Mailbox(const Mailbox &) = delete;

    // Back-pressure: while more than `limit` (by `weigh`) waits undelivered, congested() is true
    // and workers stop reading; once a delivery takes the backlog away, `relieved` runs (in the
    // receiver's thread) so they can start again.
    void setCongestionLimit(std::size_t limit, std::function<std::size_t(const Event &)> weigh,
                            std::function<void()> relieved)
    {
        m_limit = limit;
        m_weigh = std::move(weigh);
        m_relieved = std::move(relieved);
    }
    bool congested() const { return m_limit && m_weight.load(std::memory_order_relaxed) > m_limit; }
    Mailbox &operator=(const Mailbox &) = delete;

    // Any thread.
    void post(Event event) { postRange(&event, &event + 1); }

    // Any thread: several events at once, in order, under one lock and with at most one ring. A
    // worker collects what one round of its loop produced and hands it over here, so a receiver
    // that keeps up is woken once per round rather than once per event. Leaves `events` empty
    // (its capacity stays, for the next round).
    void postAll(std::vector<Event> &events)
    {
        postRange(events.data(), events.data() + events.size());
        events.clear();
    }

    // The receiver's thread: hand over whatever is pending now (also used to flush on stop).
    void deliverPending()
    {
        std::vector<Event> batch;
        {
            std::lock_guard lock(m_mutex);
            batch.swap(m_pending);
            m_scheduled = false;
        }
        if (batch.empty())
            return;
        const bool wasCongested = congested();
        if (m_weigh) {
            std::size_t delivered = 0;
            for (const Event &event : batch)
                delivered += m_weigh(event);
            m_weight.fetch_sub(delivered, std::memory_order_relaxed);
        }
        m_deliver(std::move(batch));
        if (wasCongested && m_relieved)
            m_relieved();
    }

private:
    void postRange(Event *first, Event *last)
    {
        if (first == last)
            return;
        if (m_weigh) {
            std::size_t weight = 0;
            for (const Event *event = first; event != last; ++event)
                weight += m_weigh(*event);
            m_weight.fetch_add(weight, std::memory_order_relaxed);
        }
        bool schedule = false;
        {
            std::lock_guard lock(m_mutex);
            for (Event *event = first; event != last; ++event) {
                if (!(m_merge && !m_pending.empty() && m_merge(m_pending.back(), *event)))
                    m_pending.push_back(std::move(*event));
            }
            schedule = !std::exchange(m_scheduled, true);
        }
        if (schedule)
            m_doorbell.ring();
    }

    const Deliver m_deliver;
    const Merge m_merge;
    Doorbell m_doorbell;   // the receiver owns the mailbox, so it outlives every ring
    std::mutex m_mutex;
    std::vector<Event> m_pending;
    bool m_scheduled = false;
    std::size_t m_limit = 0;
    std::function<std::size_t(const Event &)> m_weigh;
    std::function<void()> m_relieved;
    std::atomic<std::size_t> m_weight{0};
};

} // namespace socketeer
