#pragma once
// SIGINT and SIGTERM as a Qt signal in the main thread, through the self-pipe trick: the handler
// only write()s a byte (async-signal-safe), a QSocketNotifier on the pipe's other end does the
// rest in the event loop, where stopping servers and joining threads is allowed. A second signal
// while the first is still being handled kills the process the default way, so a shutdown that
// hangs can still be interrupted.

#include <QObject>

class QSocketNotifier;

namespace socketeer::cli {

class SignalWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)
public:
    // One per process: it owns the handlers of SIGINT and SIGTERM while it lives.
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace socketeer::cli
