#include "filestream.h"

#include "net/chunkstream.h"
#include "net/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketeer::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::ui::SendBox)
};
}

Result<FileStream> openFileStream(const QString &path, int readers)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error::invalid(Text::tr("Could not read %1: %2").arg(path, errnoText(errno)));
    struct stat info {};
    if (::fstat(fd, &info) < 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error::invalid(Text::tr("%1 is not a file").arg(path));
    }
    if (info.st_size == 0) {
        ::close(fd);
        return Error::invalid(Text::tr("%1 is empty: nothing to send").arg(path));
    }
    ChunkStream::Options options;
    options.readers = readers;
    auto stream = ChunkStream::start(fd, true, options, QStringLiteral("file-reader"));
    if (!stream)
        return stream.error();
    return FileStream{std::move(stream).value(), QFileInfo(path).fileName(), static_cast<qint64>(info.st_size)};
}

FileSendWatch::FileSendWatch(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &FileSendWatch::check);
}

FileSendWatch::~FileSendWatch()
{
    cancel();
}

void FileSendWatch::watch(FileStream file)
{
    m_file = std::move(file);
    m_timer->start();
    check();
}

void FileSendWatch::cancel()
{
    if (m_file.stream)
        m_file.stream->cancel();
}

void FileSendWatch::check()
{
    if (!m_file.stream)
        return;
    const ChunkStream::Progress progress = m_file.stream->progress();
    if (!progress.done()) {
        emit progressed(m_file.name, progress.bytesRead, m_file.size);
        return;
    }
    m_timer->stop();
    const FileStream file = std::exchange(m_file, {});
    emit finished(file.name, file.size, progress.finished, progress.left, progress.error);
}

} // namespace socketeer::ui
