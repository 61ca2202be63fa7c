#include "labrunner.h"

#include "mail/mailparser.h"
#include "mail/smtpreceiver.h"
#include "net/address.h"
#include "net/commandqueue.h"
#include "net/error.h"
#include "net/limits.h"
#include "net/socket.h"
#include "net/trace.h"
#include "net/wakeup.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QEventLoop>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QThread>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketeer {

namespace {

class Lab {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Lab)
};

using Clock = std::chrono::steady_clock;

enum class Wait { Ready, Timeout, Stopped };

// The lab's sockets are core Sockets: every call they make is on the timeline, as the engines' are.
struct Connection {
    Socket socket;
    QByteArray buffer;      // read and not yet consumed by an expectation
    QByteArray lastSent;    // what an "echo" expectation compares with
    bool closed = false;    // the peer closed (or reset): no more bytes will come
};

QString shown(const QByteArray &bytes, TextEncoding encoding)
{
    return decodeForDisplay(bytes.left(200), encoding, DecodeOptions{true, false}) + (bytes.size() > 200 ? QStringLiteral("…") : QString());
}

// The outcome of comparing what has come so far with an expectation.
struct Check {
    enum { Matched, NeedMore, Mismatch } state = NeedMore;
    qsizetype consumed = 0;   // Matched: bytes the match used up
};

Check check(const LabExpectation &expectation, const QByteArray &expected, const QByteArray &buffer, TextEncoding encoding, bool whole)
{
    const auto fold = [&](const QByteArray &b) { return expectation.caseInsensitive ? b.toLower() : b; };
    switch (expectation.match) {
    case LabExpectation::Match::Exact:
    case LabExpectation::Match::Bytes:
    case LabExpectation::Match::Echo: {
        const QByteArray have = fold(buffer);
        const QByteArray want = fold(expected);
        if (whole)   // a datagram is the whole message
            return have == want ? Check{Check::Matched, buffer.size()} : Check{Check::Mismatch, 0};
        if (have.size() < want.size())
            return want.startsWith(have) ? Check{Check::NeedMore, 0} : Check{Check::Mismatch, 0};
        return have.startsWith(want) ? Check{Check::Matched, want.size()} : Check{Check::Mismatch, 0};
    }
    case LabExpectation::Match::Contains: {
        const qsizetype at = fold(buffer).indexOf(fold(expected));
        if (at >= 0)
            return {Check::Matched, at + expected.size()};
        return {whole ? Check::Mismatch : Check::NeedMore, 0};
    }
    case LabExpectation::Match::Regex: {
        const QRegularExpression re(expectation.pattern, expectation.caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                                                                     : QRegularExpression::NoPatternOption);
        const QString text = decodeForDisplay(buffer, encoding, DecodeOptions{false, true});
        if (re.match(text).hasMatch())
            return {Check::Matched, buffer.size()};
        return {whole ? Check::Mismatch : Check::NeedMore, 0};
    }
    }
    return {};
}

QString describeExpectation(const LabExpectation &expectation, const QByteArray &expected, TextEncoding encoding)
{
    switch (expectation.match) {
    case LabExpectation::Match::Exact: return Lab::tr("exactly \"%1\"").arg(shown(expected, encoding));
    case LabExpectation::Match::Contains: return Lab::tr("containing \"%1\"").arg(shown(expected, encoding));
    case LabExpectation::Match::Regex: return Lab::tr("matching the regular expression %1").arg(expectation.pattern);
    case LabExpectation::Match::Bytes: return Lab::tr("the bytes %1").arg(toHexDisplay(expected.left(64)));
    case LabExpectation::Match::Echo: return Lab::tr("what was sent, echoed back: \"%1\"").arg(shown(expected, encoding));
    }
    return {};
}

QByteArray firstShown(const QByteArray &bytes)
{
    return bytes.left(limits::kLabShownBytes);
}

class Run {
public:
    Run(const LabSpec &lab, const LabRunOptions &options, const LabCallbacks &callbacks, const Wakeup *wakeup, const std::atomic_bool *stop,
        CommandQueue<LabCommand> *commands = nullptr, bool stepMode = false)
        : m_lab(lab), m_options(options), m_callbacks(callbacks), m_wakeup(wakeup), m_stop(stop), m_commands(commands),
          m_stepping(commands && stepMode)
    {
        m_host = options.host.isEmpty() ? lab.host : options.host;
        m_port = options.port ? options.port : lab.port;
    }

    LabRunResult run()
    {
        LabRunResult result;
        result.title = m_lab.title.in(m_options.language);
        result.maxPoints = m_lab.maxPoints();
        if (m_lab.target == LabTargetKind::TcpServer || m_lab.target == LabTargetKind::UdpServer)
            result.target = SocketAddress::fromLiteral(m_host, m_port) ? SocketAddress::fromLiteral(m_host, m_port)->toString()
                                                                        : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
        for (int i = 0; i < m_lab.steps.size(); ++i) {
            if (stopped() || (m_stepping && !waitForNext(i))) {
                result.aborted = true;
                break;
            }
            const LabStep &step = m_lab.steps.at(i);
            LabStepResult r;
            r.traceFrom = trace::lastPlace();
            r.index = i;
            r.kind = step.kind;
            r.hidden = step.hidden;
            r.maxPoints = step.points;
            r.encoding = step.encoding;
            r.title = step.title.in(m_options.language);
            runStep(step, r);
            r.traceTo = trace::lastPlace();
            if (r.passed)
                r.points = step.points;
            else
                r.hint = step.hint.in(m_options.language);
            if (r.title.isEmpty())
                r.title = labStepKindName(step.kind);
            result.points += r.points;
            result.steps.append(r);
            if (m_callbacks.stepFinished)
                m_callbacks.stepFinished(r);
            if (m_stoppedDuringStep) {
                result.aborted = true;
                break;
            }
        }
        if (!m_listenedAt.isEmpty())
            result.target = m_listenedAt;
        return result;
    }

private:
    bool stopped() const { return m_stop && m_stop->load(); }

    // Step mode, before step `index`: the commands come in order (two quick next()s run two steps);
    // a next() runs this step, runRest() leaves step mode. Meanwhile this thread's Qt events are
    // served, as in a mail wait: the inbox keeps collecting what the student's program sends.
    // False: stopped.
    bool waitForNext(int index)
    {
        const auto take = [this] {
            for (LabCommand command : m_commands->take())
                m_pending.push_back(command);
            return !m_pending.empty();
        };
        if (!take()) {
            if (m_callbacks.waitingForNext)
                m_callbacks.waitingForNext(index);
            if (pumpUntil(take, Clock::time_point::max()) != Wait::Ready)
                return false;
        }
        const LabCommand command = m_pending.front();
        m_pending.pop_front();
        if (command == LabCommand::RunRest)
            m_stepping = false;
        return true;
    }

    // Waits until one of `fds` is ready for `events`, the deadline passes, or stop() is called.
    Wait waitFor(std::vector<pollfd> &fds, Clock::time_point deadline)
    {
        if (m_wakeup)
            fds.push_back({m_wakeup->fd(), POLLIN, 0});
        for (;;) {
            if (stopped()) {
                m_stoppedDuringStep = true;
                return Wait::Stopped;
            }
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0)
                return Wait::Timeout;
            const int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::min<qint64>(left, 1000 * 1000)));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return Wait::Timeout;
            if (m_wakeup && (fds.back().revents & POLLIN)) {
                m_wakeup->drain();
                fds.back().revents = 0;
                if (stopped()) {
                    m_stoppedDuringStep = true;
                    return Wait::Stopped;
                }
            }
            if (n > 0 && std::any_of(fds.begin(), fds.end() - (m_wakeup ? 1 : 0), [](const pollfd &p) { return p.revents != 0; })) {
                if (m_wakeup)
                    fds.pop_back();
                return Wait::Ready;
            }
        }
    }

    Wait waitOne(int fd, short events, Clock::time_point deadline)
    {
        std::vector<pollfd> fds{{fd, events, 0}};
        return waitFor(fds, deadline);
    }

    static Clock::time_point after(int ms) { return Clock::now() + std::chrono::milliseconds(ms); }

    QString stoppedText() const { return Lab::tr("the run was stopped"); }

    // cpp-httplib's connect with a timeout (non-blocking connect, poll, SO_ERROR), with stop().
    Result<Socket> connectTcp(Clock::time_point deadline)
    {
        if (m_port == 0)
            return Error::invalid(Lab::tr("no port to connect to: give --target HOST:PORT"));
        const auto addresses = resolve(m_host, m_port, ResolveOptions{});
        if (!addresses)
            return addresses.error();
        int lastError = ECONNREFUSED;
        for (const SocketAddress &address : *addresses) {
            auto socket = Socket::create(address.family(), SocketType::Stream, true);
            if (!socket)
                return socket.error();
            const int err = socket->connectEx(address);
            if (err == 0)
                return socket;
            if (err != EINPROGRESS) {
                lastError = err;
                continue;
            }
            const Wait wait = waitOne(socket->fd(), POLLOUT, deadline);
            if (wait == Wait::Stopped)
                return Error::invalid(stoppedText());
            if (wait == Wait::Timeout) {
                trace::record("connect", [&] { return QStringLiteral("fd %1, %2").arg(socket->fd()).arg(address.toString()); }, -1L, ETIMEDOUT);
                return Error{ErrorKind::Timeout, {}, address.toString()};
            }
            const auto finished = socket->finishConnect(address);
            if (finished)
                return socket;
            lastError = finished.error().code.value();
        }
        return Error::fromErrno(ErrorKind::Connect, lastError, QStringLiteral("%1:%2").arg(m_host).arg(m_port));
    }

    // Every byte of `bytes`, or why not.
    QString sendAll(Socket &socket, const QByteArray &bytes, bool datagram)
    {
        const Clock::time_point deadline = after(limits::kLabSendTimeoutMs);
        qsizetype offset = 0;
        do {
            const auto n = socket.send(std::span<const char>(bytes.constData() + offset, static_cast<size_t>(bytes.size() - offset)));
            if (n) {
                offset += static_cast<qsizetype>(*n);
                if (datagram)
                    return {};
                continue;
            }
            if (n.error().code != std::errc::operation_would_block)
                return Lab::tr("could not send: %1").arg(errnoText(n.error().code.value()));
            const Wait wait = waitOne(socket.fd(), POLLOUT, deadline);
            if (wait == Wait::Stopped)
                return stoppedText();
            if (wait == Wait::Timeout)
                return Lab::tr("could not send within %1 ms: the program does not read what it is sent").arg(limits::kLabSendTimeoutMs);
        } while (offset < bytes.size());
        return {};
    }

    // Reads what is there now into the connection's buffer, at most up to the expectation cap.
    void readSome(Connection &connection)
    {
        char chunk[16 * 1024];
        const qsizetype room = limits::kLabExpectMaxBytes - connection.buffer.size();
        if (room <= 0)
            return;
        const auto n = connection.socket.recv(std::span<char>(chunk, static_cast<size_t>(std::min<qsizetype>(room, sizeof chunk))));
        if (n && *n > 0) {
            connection.buffer.append(chunk, static_cast<qsizetype>(*n));
            m_received += static_cast<qint64>(*n);
        } else if (n || n.error().code != std::errc::operation_would_block) {
            connection.closed = true;
        }
    }

    Result<QByteArray> payloadBytes(const LabPayload &payload)
    {
        if (payload.format != LabPayload::Format::File)
            return payload.message.expand(m_macros);
        QFile file(payload.source);
        if (!QFileInfo(payload.source).isFile() || !file.open(QIODevice::ReadOnly))
            return Error::invalid(Lab::tr("could not read %1").arg(payload.source));
        const QByteArray bytes = file.read(limits::kMacroFileBytes + 1);
        if (bytes.size() > limits::kMacroFileBytes)
            return Error::invalid(Lab::tr("%1 is larger than %2 MiB").arg(payload.source).arg(limits::kMacroFileBytes / limits::MiB));
        return bytes;
    }

    // Waits until what `connection` has read meets the expectation, or it fails; on success the
    // match is consumed, on failure everything read is (the next step starts afresh).
    QString expectOn(Connection &connection, const LabExpectation &expectation, TextEncoding encoding, int timeoutMs, LabStepResult &r)
    {
        const QByteArray expected = expectation.match == LabExpectation::Match::Echo ? connection.lastSent : expectation.bytes;
        r.expected = describeExpectation(expectation, expected, encoding);
        const Clock::time_point deadline = after(timeoutMs);
        m_received = 0;
        QString problem;
        for (;;) {
            const Check c = check(expectation, expected, connection.buffer, encoding, false);
            if (c.state == Check::Matched) {
                r.received = firstShown(connection.buffer.left(c.consumed));
                r.receivedBytes = c.consumed;
                connection.buffer.remove(0, c.consumed);
                return {};
            }
            if (c.state == Check::Mismatch) {
                problem = Lab::tr("what came back is not what was expected");
                break;
            }
            if (connection.closed) {
                problem = connection.buffer.isEmpty() ? Lab::tr("the program closed the connection without answering")
                                                      : Lab::tr("the program closed the connection before the expected answer came");
                break;
            }
            if (connection.buffer.size() >= limits::kLabExpectMaxBytes) {
                problem = Lab::tr("more than %1 bytes came without the expected answer").arg(limits::kLabExpectMaxBytes);
                break;
            }
            const Wait wait = waitOne(connection.socket.fd(), POLLIN, deadline);
            if (wait == Wait::Stopped) {
                problem = stoppedText();
                break;
            }
            if (wait == Wait::Timeout) {
                problem = connection.buffer.isEmpty() ? Lab::tr("no answer within %1 ms").arg(timeoutMs)
                                                      : Lab::tr("the expected answer did not come within %1 ms").arg(timeoutMs);
                break;
            }
            readSome(connection);
        }
        r.received = firstShown(connection.buffer);
        r.receivedBytes = connection.buffer.size();
        connection.buffer.clear();
        return problem;
    }

    Connection *connectionFor(const LabStep &step, LabStepResult &r)
    {
        const auto it = m_connections.find(step.connection);
        if (it == m_connections.end()) {
            r.problem = Lab::tr("not connected: connection \"%1\" was not opened (an earlier step failed)").arg(step.connection);
            return nullptr;
        }
        return &it->second;
    }

    void runStep(const LabStep &step, LabStepResult &r)
    {
        switch (step.kind) {
        case LabStepKind::Connect: return runConnect(step, r);
        case LabStepKind::Listen: return runListen(step, r);
        case LabStepKind::Send: return runSend(step, r);
        case LabStepKind::Expect: return runExpect(step, r);
        case LabStepKind::ExpectClose: return runExpectClose(step, r);
        case LabStepKind::Close: return runClose(step, r);
        case LabStepKind::Concurrent: return runConcurrent(step, r);
        case LabStepKind::UdpSend: return runUdpSend(step, r);
        case LabStepKind::UdpExpect: return runUdpExpect(step, r);
        case LabStepKind::Inbox: return runInbox(step, r);
        case LabStepKind::ExpectMail: return runExpectMail(step, r);
        }
    }

    void runConnect(const LabStep &step, LabStepResult &r)
    {
        r.expected = Lab::tr("a TCP server accepting connections at %1:%2").arg(m_host).arg(m_port);
        m_connections.erase(step.connection);
        auto socket = connectTcp(after(step.timeoutMs));
        if (!socket) {
            r.problem = socket.error().kind == ErrorKind::Timeout ? Lab::tr("could not connect within %1 ms").arg(step.timeoutMs)
                                                                  : socket.error().message();
            return;
        }
        m_connections[step.connection].socket = std::move(socket).value();
        r.passed = true;
    }

    void runListen(const LabStep &step, LabStepResult &r)
    {
        m_connections.erase(step.connection);
        r.expected = Lab::tr("the program connects within %1 ms").arg(step.timeoutMs);
        const auto address = SocketAddress::fromLiteral(m_options.listenHost, step.listenPort);
        if (!address) {
            r.problem = address.error().message();
            return;
        }
        auto listener = Socket::create(address->family(), SocketType::Stream, true);
        Result<void> listened = listener ? Result<void>{} : Result<void>{listener.error()};
        if (listened) {
            listener->setOption(SOL_SOCKET, SO_REUSEADDR, 1);
            listened = listener->bind(*address);
        }
        if (listened)
            listened = listener->listen(1);
        const auto boundAt = listened ? listener->sockName() : Result<SocketAddress>{listened.error()};
        if (!boundAt) {
            r.problem = Lab::tr("could not listen on %1: %2").arg(address->toString(), errnoText(boundAt.error().code.value()));
            return;
        }
        const SocketAddress bound = *boundAt;
        m_listenedAt = bound.toString();
        if (m_callbacks.listening)
            m_callbacks.listening(bound.host(), bound.port());
        const Wait wait = waitOne(listener->fd(), POLLIN, after(step.timeoutMs));
        if (wait != Wait::Ready) {
            r.problem = wait == Wait::Stopped ? stoppedText() : Lab::tr("no program connected to %1 within %2 ms").arg(bound.toString()).arg(step.timeoutMs);
            return;
        }
        auto accepted = listener->accept();
        if (!accepted) {
            r.problem = Lab::tr("accept failed: %1").arg(errnoText(accepted.error().code.value()));
            return;
        }
        m_connections[step.connection].socket = std::move(accepted->socket);
        r.passed = true;
    }

    void runSend(const LabStep &step, LabStepResult &r)
    {
        Connection *connection = connectionFor(step, r);
        if (!connection)
            return;
        const auto bytes = payloadBytes(*step.payload);
        if (!bytes) {
            r.problem = bytes.error().message();
            return;
        }
        r.sent = firstShown(*bytes);
        connection->lastSent = *bytes;
        r.problem = sendAll(connection->socket, *bytes, false);
        r.passed = r.problem.isEmpty();
    }

    void runExpect(const LabStep &step, LabStepResult &r)
    {
        Connection *connection = connectionFor(step, r);
        if (!connection)
            return;
        r.problem = expectOn(*connection, *step.expectation, step.encoding, step.timeoutMs, r);
        r.passed = r.problem.isEmpty();
    }

    void runExpectClose(const LabStep &step, LabStepResult &r)
    {
        r.expected = Lab::tr("the program closes the connection within %1 ms").arg(step.timeoutMs);
        Connection *connection = connectionFor(step, r);
        if (!connection)
            return;
        const Clock::time_point deadline = after(step.timeoutMs);
        qint64 discarded = 0;
        while (!connection->closed) {
            connection->buffer.clear();
            const Wait wait = waitOne(connection->socket.fd(), POLLIN, deadline);
            if (wait != Wait::Ready) {
                r.problem = wait == Wait::Stopped ? stoppedText() : Lab::tr("the connection is still open after %1 ms").arg(step.timeoutMs);
                return;
            }
            readSome(*connection);
            if (r.received.size() < limits::kLabShownBytes)
                r.received += connection->buffer.left(limits::kLabShownBytes - r.received.size());
            discarded += connection->buffer.size();
            r.receivedBytes = discarded;
            if (discarded > limits::kLabExpectMaxBytes) {
                r.problem = Lab::tr("more than %1 bytes came instead of the close").arg(limits::kLabExpectMaxBytes);
                return;
            }
        }
        connection->buffer.clear();
        r.passed = true;
    }

    void runClose(const LabStep &step, LabStepResult &r)
    {
        if (!connectionFor(step, r))
            return;
        m_connections.erase(step.connection);
        r.passed = true;
    }

    // N clients connected at once, each sends and each must be answered while all stay open: a
    // server that serves one client at a time answers the first and leaves the others waiting.
    void runConcurrent(const LabStep &step, LabStepResult &r)
    {
        const Clock::time_point deadline = after(step.timeoutMs);
        std::vector<Connection> clients(static_cast<std::size_t>(step.clients));
        for (int i = 0; i < step.clients; ++i) {
            auto socket = connectTcp(deadline);
            if (!socket) {
                r.problem = Lab::tr("client %1 of %2 could not connect: %3").arg(i + 1).arg(step.clients).arg(socket.error().message());
                return;
            }
            clients[static_cast<std::size_t>(i)].socket = std::move(socket).value();
        }
        for (int i = 0; i < step.clients; ++i) {
            Connection &client = clients[static_cast<std::size_t>(i)];
            const auto bytes = payloadBytes(*step.payload);
            if (!bytes) {
                r.problem = bytes.error().message();
                return;
            }
            client.lastSent = *bytes;
            if (i == 0)
                r.sent = firstShown(*bytes);
            if (const QString problem = sendAll(client.socket, *bytes, false); !problem.isEmpty()) {
                r.problem = Lab::tr("client %1 of %2: %3").arg(i + 1).arg(step.clients).arg(problem);
                return;
            }
        }
        const LabExpectation &expectation = *step.expectation;
        std::vector<bool> answered(clients.size(), false);
        m_received = 0;
        for (;;) {
            int waiting = 0;
            for (std::size_t i = 0; i < clients.size(); ++i) {
                if (answered[i])
                    continue;
                Connection &client = clients[i];
                const QByteArray expected = expectation.match == LabExpectation::Match::Echo ? client.lastSent : expectation.bytes;
                const Check c = check(expectation, expected, client.buffer, step.encoding, false);
                if (c.state == Check::Matched) {
                    answered[i] = true;
                    continue;
                }
                QString problem;
                if (c.state == Check::Mismatch)
                    problem = Lab::tr("what came back is not what was expected");
                else if (client.closed)
                    problem = Lab::tr("the program closed the connection without answering");
                else if (client.buffer.size() >= limits::kLabExpectMaxBytes)
                    problem = Lab::tr("more than %1 bytes came without the expected answer").arg(limits::kLabExpectMaxBytes);
                if (!problem.isEmpty()) {
                    failConcurrent(r, clients, i, expected, problem);
                    return;
                }
                ++waiting;
            }
            if (waiting == 0)
                break;
            std::vector<pollfd> fds;
            std::vector<std::size_t> which;
            for (std::size_t i = 0; i < clients.size(); ++i)
                if (!answered[i]) {
                    fds.push_back({clients[i].socket.fd(), POLLIN, 0});
                    which.push_back(i);
                }
            const Wait wait = waitFor(fds, deadline);
            if (wait != Wait::Ready) {
                const std::size_t first = which.front();
                const QByteArray expected = expectation.match == LabExpectation::Match::Echo ? clients[first].lastSent : expectation.bytes;
                failConcurrent(r, clients, first, expected, {});
                r.problem = wait == Wait::Stopped ? stoppedText()
                                                  : Lab::tr("%n of the %1 clients got no answer within %2 ms while all were connected", nullptr,
                                                            static_cast<int>(which.size()))
                                                        .arg(step.clients)
                                                        .arg(step.timeoutMs);
                return;
            }
            for (std::size_t k = 0; k < fds.size(); ++k)
                if (fds[k].revents)
                    readSome(clients[which[k]]);
        }
        r.expected = Lab::tr("all %1 clients answered, %2").arg(step.clients).arg(describeExpectation(expectation, clients.front().lastSent, step.encoding));
        r.received = firstShown(clients.front().buffer);
        r.receivedBytes = clients.front().buffer.size();
        r.passed = true;
    }

    void failConcurrent(LabStepResult &r, const std::vector<Connection> &clients, std::size_t i, const QByteArray &expected, const QString &problem)
    {
        const LabStep &step = m_lab.steps.at(r.index);
        r.expected = Lab::tr("all %1 clients answered, %2").arg(step.clients).arg(describeExpectation(*step.expectation, expected, step.encoding));
        r.sent = firstShown(clients[i].lastSent);
        r.received = firstShown(clients[i].buffer);
        r.receivedBytes = clients[i].buffer.size();
        r.problem = Lab::tr("client %1 of %2: %3").arg(i + 1).arg(clients.size()).arg(problem);
    }

    // One UDP socket per run, connected to the student's server: only its datagrams count, and a
    // port where nothing listens shows as "refused".
    QString udpSocket()
    {
        if (m_udp.isValid())
            return {};
        if (m_port == 0)
            return Lab::tr("no port to send to: give --target HOST:PORT");
        const auto addresses = resolve(m_host, m_port, ResolveOptions{SocketType::Datagram, false});
        if (!addresses)
            return addresses.error().message();
        const SocketAddress &address = addresses->front();
        auto socket = Socket::create(address.family(), SocketType::Datagram, true);
        const int err = socket ? socket->connectEx(address) : socket.error().code.value();
        if (err != 0)
            return Lab::tr("could not open a UDP socket to %1: %2").arg(address.toString(), errnoText(err));
        m_udp = std::move(socket).value();
        return {};
    }

    void runUdpSend(const LabStep &step, LabStepResult &r)
    {
        if (r.problem = udpSocket(); !r.problem.isEmpty())
            return;
        const auto bytes = payloadBytes(*step.payload);
        if (!bytes) {
            r.problem = bytes.error().message();
            return;
        }
        r.sent = firstShown(*bytes);
        m_udpLastSent = *bytes;
        r.problem = sendAll(m_udp, *bytes, true);
        r.passed = r.problem.isEmpty();
    }

    // The first datagram that comes decides: it must meet the expectation on its own.
    void runUdpExpect(const LabStep &step, LabStepResult &r)
    {
        const LabExpectation &expectation = *step.expectation;
        const QByteArray expected = expectation.match == LabExpectation::Match::Echo ? m_udpLastSent : expectation.bytes;
        r.expected = describeExpectation(expectation, expected, step.encoding);
        if (r.problem = udpSocket(); !r.problem.isEmpty())
            return;
        const Wait wait = waitOne(m_udp.fd(), POLLIN, after(step.timeoutMs));
        if (wait != Wait::Ready) {
            r.problem = wait == Wait::Stopped ? stoppedText() : Lab::tr("no datagram within %1 ms").arg(step.timeoutMs);
            return;
        }
        QByteArray datagram(65536, Qt::Uninitialized);
        const auto n = m_udp.recv(std::span<char>(datagram.data(), static_cast<size_t>(datagram.size())));
        if (!n) {
            const int err = n.error().code.value();
            r.problem = err == ECONNREFUSED ? Lab::tr("nothing listens at %1:%2 (the datagram was refused)").arg(m_host).arg(m_port)
                                            : Lab::tr("could not receive: %1").arg(errnoText(err));
            return;
        }
        datagram.truncate(static_cast<qsizetype>(*n));
        r.received = firstShown(datagram);
        r.receivedBytes = static_cast<qint64>(*n);
        if (check(expectation, expected, datagram, step.encoding, true).state != Check::Matched) {
            r.problem = Lab::tr("what came back is not what was expected");
            return;
        }
        r.passed = true;
    }


    // Runs this thread's Qt events (the inbox reports through queued signals to objects living
    // here) until `done`, the deadline, or stop().
    Wait pumpUntil(const std::function<bool()> &done, Clock::time_point deadline)
    {
        QEventLoop loop;   // first: it gives this thread an event dispatcher if it has none
        // Only wakes the loop at the deadline. A coarse timer may fire up to 5% early, and the loop
        // would then sleep with no timer left (a hang found by tst_clilab's repeat runs): so it is
        // precise, and armed again whenever it fired before the deadline.
        QTimer timer;
        timer.setSingleShot(true);
        timer.setTimerType(Qt::PreciseTimer);
        std::optional<QSocketNotifier> stopNotifier;
        if (m_wakeup) {
            stopNotifier.emplace(m_wakeup->fd(), QSocketNotifier::Read);
            QObject::connect(&*stopNotifier, &QSocketNotifier::activated, &loop, [this] { m_wakeup->drain(); });
        }
        for (;;) {
            if (done())
                return Wait::Ready;
            if (stopped()) {
                m_stoppedDuringStep = true;
                return Wait::Stopped;
            }
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0)
                return Wait::Timeout;
            if (!timer.isActive())
                timer.start(static_cast<int>(std::min<qint64>(left, limits::kLabMaxTimeoutMs)));   // no deadline (max): a wake-up now and then
            loop.processEvents(QEventLoop::WaitForMoreEvents);
        }
    }

    // The local inbox, the one `socketeer inbox` runs, on a free loopback port; its messages are
    // stored in a folder of the run's own, gone when the run ends.
    void runInbox(const LabStep &step, LabStepResult &r)
    {
        r.expected = Lab::tr("the local inbox starts");
        if (m_inbox) {
            r.passed = true;
            return;
        }
        m_inboxDirectory = std::make_unique<QTemporaryDir>();
        if (!m_inboxDirectory->isValid()) {
            r.problem = Lab::tr("could not make a folder for the inbox: %1").arg(m_inboxDirectory->errorString());
            return;
        }
        m_inbox = std::make_unique<SmtpReceiver>();
        QString failed;
        quint16 port = 0;
        QObject::connect(m_inbox.get(), &SmtpReceiver::started, m_inbox.get(), [&port](const QString &, quint16 p) { port = p; });
        QObject::connect(m_inbox.get(), &SmtpReceiver::errorOccurred, m_inbox.get(), [&failed](const Error &e) { failed = e.message(); });
        QObject::connect(m_inbox.get(), &SmtpReceiver::messageReceived, m_inbox.get(), [this](const StoredMessage &m) { m_mail.append(m); });
        SmtpReceiverConfig config;
        config.endpoint = {m_options.listenHost, 0, {}};
        config.directory = m_inboxDirectory->path();
        config.threadName = LabRunner::kInboxThreadName;
        if (!m_inbox->start(config)) {
            r.problem = Lab::tr("the inbox could not start");
            return;
        }
        const Wait wait = pumpUntil([&] { return port != 0 || !failed.isEmpty(); }, after(step.timeoutMs));
        QObject::disconnect(m_inbox.get(), &SmtpReceiver::started, nullptr, nullptr);
        QObject::disconnect(m_inbox.get(), &SmtpReceiver::errorOccurred, nullptr, nullptr);
        if (wait != Wait::Ready || !failed.isEmpty()) {
            r.problem = wait == Wait::Stopped ? stoppedText() : !failed.isEmpty() ? failed : Lab::tr("the inbox did not start within %1 ms").arg(step.timeoutMs);
            m_inbox.reset();
            return;
        }
        m_listenedAt = QStringLiteral("%1:%2").arg(m_options.listenHost).arg(port);
        if (m_callbacks.listening)
            m_callbacks.listening(m_options.listenHost, port);
        r.passed = true;
    }

    static QString mailSummary(const ParsedMail &mail)
    {
        QStringList names;
        for (const MailPart &part : mail.parts)
            if (part.isAttachment)
                names << (part.fileName.isEmpty() ? Lab::tr("(no name)") : part.fileName);
        return Lab::tr("From: %1\nTo: %2\nSubject: %3\nAttachments: %4")
            .arg(mail.from, mail.to, mail.subject, names.isEmpty() ? Lab::tr("none") : names.join(QStringLiteral(", ")));
    }

    static bool mailMatches(const LabStep &step, const ParsedMail &mail)
    {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
        for (const auto &wanted : step.mailHeaders) {
            const auto header = std::find_if(mail.headers.begin(), mail.headers.end(), [&](const QPair<QString, QString> &h) {
                return h.first.compare(wanted.first, Qt::CaseInsensitive) == 0 && h.second.contains(wanted.second);
            });
            if (header == mail.headers.end())
                return false;
        }
        if (step.mailAttachment.isEmpty())
            return true;
        return std::any_of(mail.parts.begin(), mail.parts.end(), [&](const MailPart &p) { return p.isAttachment && p.fileName == step.mailAttachment; });
    }

    // A message that came to the inbox (during this step or before it) and has the headers and
    // attachment asked for. Messages are not used up: steps can check one message bit by bit, so
    // each missing part fails with its own hint.
    void runExpectMail(const LabStep &step, LabStepResult &r)
    {
        QStringList wanted;
        for (const auto &[name, text] : step.mailHeaders)
            wanted << Lab::tr("%1 containing \"%2\"").arg(name, text);
        if (!step.mailAttachment.isEmpty())
            wanted << Lab::tr("an attachment named \"%1\"").arg(step.mailAttachment);
        r.expected = Lab::tr("a message with %1").arg(wanted.join(Lab::tr(", ")));
        if (!m_inbox) {
            r.problem = Lab::tr("the inbox is not running (an earlier step failed)");
            return;
        }
        QString lastSeen;
        const Wait wait = pumpUntil(
            [&] {
                while (m_checkedMail < m_mail.size()) {
                    const ParsedMail mail = parseMailFile(m_mail.at(m_checkedMail).path, PartSizes::Skipped);
                    m_parsedMail.append(mail);
                    ++m_checkedMail;
                }
                for (const ParsedMail &mail : m_parsedMail) {
                    lastSeen = mailSummary(mail);
                    if (mailMatches(step, mail))
                        return true;
                }
                return false;
            },
            after(step.timeoutMs));
        r.received = firstShown(lastSeen.toUtf8());
        r.receivedBytes = r.received.size();
        if (wait == Wait::Ready) {
            r.passed = true;
            return;
        }
        r.problem = wait == Wait::Stopped   ? stoppedText()
                    : lastSeen.isEmpty()    ? Lab::tr("no message came to the inbox within %1 ms").arg(step.timeoutMs)
                                            : Lab::tr("no message with all of it came within %1 ms").arg(step.timeoutMs);
    }

    const LabSpec &m_lab;
    const LabRunOptions &m_options;
    const LabCallbacks &m_callbacks;
    const Wakeup *m_wakeup;
    const std::atomic_bool *m_stop;
    CommandQueue<LabCommand> *m_commands;   // step mode's commands, or nullptr (the CLI's runs)
    bool m_stepping;                        // waiting for a command before each step
    std::deque<LabCommand> m_pending;       // taken from the queue, not yet acted on
    QString m_host;
    quint16 m_port = 0;
    QString m_listenedAt;
    bool m_stoppedDuringStep = false;
    std::map<QString, Connection> m_connections;
    Socket m_udp;
    QByteArray m_udpLastSent;
    MacroState m_macros;
    qint64 m_received = 0;
    // The inbox (mail labs): the folder outlives the receiver that writes into it.
    std::unique_ptr<QTemporaryDir> m_inboxDirectory;
    std::unique_ptr<SmtpReceiver> m_inbox;
    QList<StoredMessage> m_mail;
    qsizetype m_checkedMail = 0;
    QList<ParsedMail> m_parsedMail;
};

} // namespace

LabRunResult runLab(const LabSpec &lab, const LabRunOptions &options, const LabCallbacks &callbacks, const Wakeup *stopWakeup,
                    const std::atomic_bool *stopRequested)
{
    return Run(lab, options, callbacks, stopWakeup, stopRequested).run();
}

const QString LabRunner::kThreadName = QStringLiteral("lab");
const QString LabRunner::kInboxThreadName = QStringLiteral("lab-inbox");

LabRunner::LabRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<LabStepResult>();
    qRegisterMetaType<LabRunResult>();
}

LabRunner::~LabRunner()
{
    stop();
    join();
}

bool LabRunner::start(const LabSpec &lab, const LabRunOptions &options, bool stepMode)
{
    if (m_running.load())
        return false;
    join();
    // A fresh queue per run: a command meant for the last run (given as it ended) does not step
    // this one. The worker that used the old one has been joined.
    auto wakeup = Wakeup::create();
    if (!wakeup)
        return false;
    m_commands = std::make_unique<CommandQueue<LabCommand>>(std::move(wakeup).value());
    m_stop = false;
    m_running = true;
    // The worker gets its own copies; it reports through queued signals (this object lives on
    // the caller's thread).
    m_thread.reset(QThread::create([this, lab, options, stepMode] {
        trace::setThreadName(kThreadName);
        LabCallbacks callbacks;
        callbacks.stepFinished = [this](const LabStepResult &result) { emit stepFinished(result); };
        callbacks.listening = [this](const QString &host, quint16 port) { emit listening(host, port); };
        callbacks.waitingForNext = [this](int index) { emit waitingForNext(index); };
        LabRunResult result = Run(lab, options, callbacks, &m_commands->wakeup(), &m_stop, m_commands.get(), stepMode).run();
        m_running = false;
        emit finished(result);
    }));
    m_thread->setObjectName(kThreadName);
    m_thread->start();
    return true;
}

void LabRunner::command(LabCommand command)
{
    if (m_running.load() && m_commands)
        m_commands->push(command);
}

void LabRunner::next()
{
    command(LabCommand::Next);
}

void LabRunner::runRest()
{
    command(LabCommand::RunRest);
}

void LabRunner::stop()
{
    m_stop = true;
    if (m_commands)
        m_commands->wakeup().signal();
}

bool LabRunner::isRunning() const
{
    return m_running.load();
}

void LabRunner::join()
{
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

} // namespace socketeer
