#include "stdinreader.h"

#include "net/error.h"
#include "net/mailbox.h"
#include "net/wakeup.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace socketeer::cli {

namespace {
constexpr std::size_t kChunkSize = 64 * 1024;
}

StdinReader::StdinReader(QObject *parent) : QObject(parent) {}

StdinReader::~StdinReader()
{
    stop();
}

void StdinReader::start()
{
    if (m_thread.joinable() || m_finished)
        return;
    auto stopWakeup = Wakeup::create();
    if (!stopWakeup) {
        m_finished = true;
        emit failed(stopWakeup.error().message());
        emit finished();
        return;
    }
    m_stop = std::make_unique<Wakeup>(std::move(stopWakeup).value());
    m_events = std::make_unique<Mailbox<Event>>(this, [this](std::vector<Event> &&events) { deliver(std::move(events)); });
    m_thread = std::thread([this] { run(); });
}

void StdinReader::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_resumed.notify_all();
    if (m_stop)
        m_stop->signal();
    if (m_thread.joinable())
        m_thread.join();
}

void StdinReader::pause()
{
    std::lock_guard lock(m_mutex);
    m_paused = true;
}

void StdinReader::resume()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_resumed.notify_all();
}

bool StdinReader::isPaused() const
{
    std::lock_guard lock(m_mutex);
    return m_paused;
}

void StdinReader::hand(Event event)
{
    m_events->post(std::move(event));
}

void StdinReader::deliver(std::vector<Event> &&events)
{
    for (Event &event : events) {
        if (m_finished)
            return;
        if (!event.chunk.isEmpty())
            emit chunkRead(event.chunk);
        if (!event.error.isEmpty())
            emit failed(event.error);
        if (event.atEnd) {
            m_finished = true;
            emit finished();
        }
    }
}

void StdinReader::run()
{
    pthread_setname_np(pthread_self(), "stdin-reader");
    // SIGINT and SIGTERM are for the main thread's handler; a read() here need not see EINTR.
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigaddset(&blocked, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);

    auto readError = [this](int err) {
        hand({{}, tr("reading standard input: %1").arg(errnoText(err)), true});
    };
    QByteArray buffer(static_cast<qsizetype>(kChunkSize), Qt::Uninitialized);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_resumed.wait(lock, [this] { return !m_paused || m_stopping; });
            if (m_stopping)
                return;
        }
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {m_stop->fd(), POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return readError(errno);
        }
        if (fds[1].revents)
            return;   // stopping
        if (fds[0].revents & POLLNVAL)   // fd 0 was closed before we started: no input at all
            return hand({{}, {}, true});
        if (!fds[0].revents)
            continue;
        const ssize_t n = ::read(STDIN_FILENO, buffer.data(), kChunkSize);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return readError(errno);
        }
        if (n == 0)
            return hand({{}, {}, true});
        hand({QByteArray(buffer.constData(), static_cast<qsizetype>(n)), {}, false});
    }
}

} // namespace socketeer::cli
