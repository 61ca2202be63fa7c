#pragma once
// Writes a timeline file on a thread of its own: 100,000 calls are 25 MB of JSON and take seconds
// to write, which the window must not spend frozen. The events are handed over by value (their
// strings are shared, not copied), one file at a time; finished() comes on the owner's thread. The
// destructor waits for a write under way, so the file is either whole or not there (QSaveFile).

#include "net/tracefile.h"

#include <QObject>

#include <memory>

class QThread;

namespace socketeer {

class TraceFileWriter : public QObject {
    Q_OBJECT
public:
    explicit TraceFileWriter(QObject *parent = nullptr);
    ~TraceFileWriter() override;

    // False while another file is being written (nothing is started).
    bool start(const QString &path, TraceFile file);
    bool isBusy() const { return m_thread != nullptr; }

signals:
    // `error` is empty when the file was written, else a sentence naming the file.
    void finished(const QString &path, const QString &error);

private:
    void done();

    QThread *m_thread = nullptr;
    QString m_path;
    std::shared_ptr<QString> m_error;   // written by the thread, read after it ended
};

} // namespace socketeer
