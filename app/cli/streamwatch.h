#pragma once
// A stream the subcommand feeds from standard input ends on its own thread; an error there (stdin
// is a directory, a device fails) would otherwise end the input silently, like an end of file.
// This watches the stream from the main thread and says so once.

#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace socketeer {
class ChunkStream;
}

namespace socketeer::cli {

// Prints "socketeer COMMAND: warning: reading standard input: WHY" once if the stream ends in an
// error. The watch lives as long as `context`. The function it returns looks at once (and says so,
// once): for a subcommand about to exit, which would not wait for the next look.
std::function<void()> warnIfInputFails(QObject *context, std::shared_ptr<ChunkStream> stream, const QString &command);

} // namespace socketeer::cli
