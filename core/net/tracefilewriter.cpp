#include "tracefilewriter.h"

#include <QThread>

namespace socketeer {

TraceFileWriter::TraceFileWriter(QObject *parent) : QObject(parent) {}

TraceFileWriter::~TraceFileWriter()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool TraceFileWriter::start(const QString &path, TraceFile file)
{
    if (m_thread)
        return false;
    m_path = path;
    m_error = std::make_shared<QString>();
    m_thread = QThread::create([path, file = std::move(file), error = m_error] {
        if (const auto written = writeTraceFile(path, file); !written)
            *error = written.error().message();
    });
    m_thread->setObjectName(QStringLiteral("trace-writer"));
    // QThread::finished comes from the writing thread; the slot runs here, after it has ended.
    connect(m_thread, &QThread::finished, this, &TraceFileWriter::done, Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
    return true;
}

void TraceFileWriter::done()
{
    m_thread->wait();   // finished() is emitted just before the thread ends
    delete m_thread;
    m_thread = nullptr;
    const QString error = *m_error;
    m_error.reset();
    emit finished(m_path, error);
}

} // namespace socketeer
