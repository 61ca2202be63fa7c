#pragma once
// The saved-messages library on disk: one JSON file (savedlibrary.h's format) in the application's
// data folder, written whole through QSaveFile so a crash leaves the old file or the new one. A file
// that cannot be read as a library is never overwritten or dropped: it is renamed aside
// (NAME.corrupt-YYYYMMDD-HHMMSS) and the caller is told where it went.

#include "savedlibrary.h"

#include <QString>

namespace socketeer {

// AppDataLocation/saved-messages.json.
QString defaultSavedLibraryPath();

// Reads and parses a library file (an import, or the kept library); larger than
// limits::kSavedFileMaxBytes is refused unread. Errors name the file.
Result<SavedLibrary> readSavedLibraryFile(const QString &path);
// Atomically, creating the folder if needed.
Result<void> writeSavedLibraryFile(const QString &path, const SavedLibrary &library);

struct OpenedSavedLibrary {
    SavedLibrary library;     // empty when there was no file or it was kept aside
    QString problem;          // why the file was not used (empty: all is well)
    QString keptAsidePath;    // where the unreadable file now is
};
// At start: no file is an empty library; an unreadable one is moved aside, never lost.
OpenedSavedLibrary openSavedLibrary(const QString &path);

} // namespace socketeer
