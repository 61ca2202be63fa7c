#pragma once
// Rings a callback in one thread's event loop from any other thread. Mailbox uses it to hand
// worker events to the thread that owns a front end.
//
// Why not QMetaObject::invokeMethod(Qt::QueuedConnection)? That allocates the call on the worker
// and frees it in the receiver after a hand-off through Qt's internal futex-based locks, which
// ThreadSanitizer cannot see (Debian's Qt is not TSan-built): every delivery would look like a
// race, and a real one would hide among them. Here the only thing crossing threads is a counter
// in an eventfd; the data itself is guarded by a std::mutex that TSan does see.

#include "wakeup.h"

#include <functional>
#include <memory>

class QObject;
class QSocketNotifier;

namespace socketeer {

class Doorbell {
public:
    // Constructed in any thread; rings are answered in `receiver`'s thread.
    Doorbell(QObject *receiver, std::function<void()> onRing);
    ~Doorbell();   // in the receiver's thread
    Doorbell(const Doorbell &) = delete;
    Doorbell &operator=(const Doorbell &) = delete;

    void ring();   // any thread; rings before the receiver looks collapse into one answer

private:
    void answer();

    QObject *const m_receiver;
    const std::function<void()> m_onRing;
    std::unique_ptr<Wakeup> m_wakeup;   // null only if eventfd failed: then fall back to a queued call
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace socketeer
