#include "streamwatch.h"

#include "cli.h"

#include "net/chunkstream.h"

#include <QTimer>

namespace socketeer::cli {

std::function<void()> warnIfInputFails(QObject *context, std::shared_ptr<ChunkStream> stream, const QString &command)
{
    auto said = std::make_shared<bool>(false);
    auto *timer = new QTimer(context);
    std::function<void()> look = [timer, said, stream = std::move(stream), command] {
        if (*said)
            return;
        const ChunkStream::Progress progress = stream->progress();
        if (!progress.ended)
            return;
        *said = true;
        timer->stop();
        if (!progress.error.isEmpty())
            printWarning(command, Cli::tr("reading standard input: %1").arg(progress.error));
    };
    // Polled: the stream's end is a state its reader thread sets, and a quarter second is soon
    // enough for a message a person reads.
    timer->setInterval(250);
    QObject::connect(timer, &QTimer::timeout, context, look);
    timer->start();
    return look;
}

} // namespace socketeer::cli
