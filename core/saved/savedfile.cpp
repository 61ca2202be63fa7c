#include "savedfile.h"

#include "net/limits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace socketeer {

namespace {

// One translation context for the library's messages, whichever file says them.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SavedLibrary)
};

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

} // namespace

QString defaultSavedLibraryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("saved-messages.json"));
}

Result<SavedLibrary> readSavedLibraryFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Text::tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // Read one byte past the limit rather than trusting size(): a pipe or /proc file has none.
    const QByteArray bytes = file.read(limits::kSavedFileMaxBytes + 1);
    if (bytes.size() > limits::kSavedFileMaxBytes)
        return failure(Text::tr("%1 is larger than %2 MiB: not a saved-messages file")
                           .arg(QDir::toNativeSeparators(path))
                           .arg(limits::kSavedFileMaxBytes / limits::MiB));
    auto library = parseSavedLibrary(bytes);
    if (!library)
        return failure(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), library.error().message()));
    return library;
}

Result<void> writeSavedLibraryFile(const QString &path, const SavedLibrary &library)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return failure(Text::tr("Could not create the folder of %1").arg(QDir::toNativeSeparators(path)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(Text::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(serializeSavedLibrary(library));
    if (!file.commit())
        return failure(Text::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

OpenedSavedLibrary openSavedLibrary(const QString &path)
{
    OpenedSavedLibrary opened;
    if (!QFileInfo::exists(path))
        return opened;
    auto library = readSavedLibraryFile(path);
    if (library) {
        opened.library = std::move(library).value();
        return opened;
    }
    opened.problem = library.error().message();
    // Keep it: the user's library may be one bad edit away from whole.
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = QStringLiteral("%1.corrupt-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = QStringLiteral("%1.corrupt-%2-%3").arg(path, stamp).arg(n);
    if (QFile::rename(path, aside))
        opened.keptAsidePath = aside;
    return opened;
}

} // namespace socketeer
