#pragma once
// A file opened for a panel's Send file…: the descriptor is opened here (so a missing or unreadable
// file is reported at once) and read by a ChunkStream's own thread, never by the GUI thread and
// never whole.

#include "net/error.h"

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace socketeer {
class ChunkStream;
}

namespace socketeer::ui {

struct FileStream {
    std::shared_ptr<ChunkStream> stream;
    QString name;     // the file's name, for the log
    qint64 size = 0;
};

// `readers`: how many targets the stream is for (reader i is target i).
Result<FileStream> openFileStream(const QString &path, int readers);

// One file on its way, watched a few times a second for the panel's status line (the stream's
// threads report nothing themselves, so the GUI thread is never woken per chunk).
class FileSendWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSendWatch)
public:
    explicit FileSendWatch(QObject *parent = nullptr);
    ~FileSendWatch() override;

    bool isBusy() const { return m_file.stream != nullptr; }
    void watch(FileStream file);
    void cancel();   // the stream stops reading; its readers finish or leave as their connections go

signals:
    void progressed(const QString &name, qint64 bytesRead, qint64 size);
    // Every reader took the whole file (`reached`) or left before the end (`left`).
    void finished(const QString &name, qint64 size, int reached, int left, const QString &error);

private:
    void check();

    FileStream m_file;
    QTimer *m_timer;
};

} // namespace socketeer::ui
