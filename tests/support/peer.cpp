#include "peer.h"

#include <QDeadlineTimer>
#include <QStandardPaths>

namespace testsupport {

Peer::~Peer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString Peer::peersDir() { return QStringLiteral(SOCKETEER_PEERS_DIR); }

bool Peer::haveProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

bool Peer::startPython(const QString &script, const QStringList &arguments)
{
    // -u: unbuffered, so the test sees each line as soon as the peer prints it.
    return startProgram(QStringLiteral("/usr/bin/python3"),
                        QStringList{QStringLiteral("-u"), peersDir() + QLatin1Char('/') + script} + arguments);
}

bool Peer::startProgram(const QString &program, const QStringList &arguments)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    return m_process.waitForStarted(10000);
}

QByteArray Peer::readLine(int timeoutMs, bool *ok)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (ok)
                *ok = true;
            return line;
        }
        if (deadline.hasExpired() || (m_process.state() == QProcess::NotRunning && !m_process.bytesAvailable())) {
            if (ok)
                *ok = false;
            return {};
        }
        if (m_process.bytesAvailable() || m_process.waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 200))))
            m_buffer += m_process.readAllStandardOutput();
    }
}

QByteArray Peer::readBytes(qsizetype count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < count && !deadline.hasExpired()) {
        if (m_process.bytesAvailable() || m_process.waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 200))))
            m_buffer += m_process.readAllStandardOutput();
        else if (m_process.state() == QProcess::NotRunning)
            break;
    }
    QByteArray taken = m_buffer.left(count);
    m_buffer.remove(0, taken.size());
    return taken;
}

quint16 Peer::readListeningPort(int timeoutMs)
{
    bool ok = false;
    const QByteArray line = readLine(timeoutMs, &ok);
    const QByteArray prefix = "listening on ";
    if (!ok || !line.startsWith(prefix))
        return 0;
    return static_cast<quint16>(line.mid(prefix.size()).trimmed().toUInt());
}

void Peer::write(const QByteArray &data)
{
    m_process.write(data);
    // waitForBytesWritten returns once some bytes went: a line longer than the pipe's buffer (the
    // hex of a 60 KB datagram) needs several rounds.
    while (m_process.bytesToWrite() > 0 && m_process.waitForBytesWritten(5000)) {
    }
}

void Peer::closeWrite()
{
    m_process.closeWriteChannel();
}

bool Peer::waitForFinished(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    return m_process.waitForFinished(timeoutMs);
}

} // namespace testsupport
