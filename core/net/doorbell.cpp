#include "doorbell.h"

#include <QMetaObject>
#include <QObject>
#include <QSocketNotifier>
#include <QThread>

namespace socketeer {

Doorbell::Doorbell(QObject *receiver, std::function<void()> onRing)
    : m_receiver(receiver), m_onRing(std::move(onRing))
{
    auto wakeup = Wakeup::create();
    if (!wakeup)
        return;   // out of descriptors: ring() degrades to a queued call rather than failing
    m_wakeup = std::make_unique<Wakeup>(std::move(*wakeup));
    m_notifier = std::make_unique<QSocketNotifier>(m_wakeup->fd(), QSocketNotifier::Read);
    if (receiver->thread() != QThread::currentThread())
        m_notifier->moveToThread(receiver->thread());
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] { answer(); });
}

Doorbell::~Doorbell() = default;

void Doorbell::ring()
{
    if (m_wakeup)
        m_wakeup->signal();
    else
        QMetaObject::invokeMethod(m_receiver, [this] { m_onRing(); }, Qt::QueuedConnection);
}

void Doorbell::answer()
{
    m_wakeup->drain();
    m_onRing();
}

} // namespace socketeer
