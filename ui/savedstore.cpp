#include "savedstore.h"

#include "saved/savedfile.h"

#include <QDir>

namespace socketeer::ui {

namespace {

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

} // namespace

SavedStore::SavedStore(const QString &path, QObject *parent)
    : QObject(parent),
      m_path(path.isEmpty() ? defaultSavedLibraryPath() : path)
{
    OpenedSavedLibrary opened = openSavedLibrary(m_path);
    m_library = std::move(opened.library);
    if (!opened.problem.isEmpty()) {
        if (opened.keptAsidePath.isEmpty()) {
            m_writable = false;
            m_problem = tr("%1 Nothing will be written over it until Socketeer starts again.").arg(opened.problem);
        } else {
            m_problem = tr("%1 The file was kept as %2; the library starts empty.")
                            .arg(opened.problem, QDir::toNativeSeparators(opened.keptAsidePath));
        }
    }
}

Result<void> SavedStore::commit(SavedLibrary library)
{
    if (auto valid = validateLibrary(library); !valid)
        return valid;
    if (!m_writable)
        return failure(tr("The saved messages are read-only until Socketeer starts again: %1").arg(m_problem));
    if (auto written = writeSavedLibraryFile(m_path, library); !written)
        return written;
    m_library = std::move(library);
    emit changed();
    return {};
}

Result<void> SavedStore::setLibrary(const SavedLibrary &library) { return commit(library); }

Result<void> SavedStore::addMessage(const SavedMessage &message)
{
    SavedLibrary library = m_library;
    library.messages.append(message);
    return commit(std::move(library));
}

Result<void> SavedStore::replaceMessage(int index, const SavedMessage &message)
{
    if (index < 0 || index >= m_library.messages.size())
        return failure(tr("That message is gone"));
    SavedLibrary library = m_library;
    const QString oldName = library.messages.at(index).name;
    library.messages[index] = message;
    if (oldName != message.name)
        for (Sequence &sequence : library.sequences)
            for (SequenceStep &step : sequence.steps)
                if (step.kind == SequenceStep::Kind::Send && step.message == oldName)
                    step.message = message.name;
    return commit(std::move(library));
}

Result<void> SavedStore::removeMessage(int index)
{
    if (index < 0 || index >= m_library.messages.size())
        return failure(tr("That message is gone"));
    const QString name = m_library.messages.at(index).name;
    for (const Sequence &sequence : m_library.sequences)
        for (const SequenceStep &step : sequence.steps)
            if (step.kind == SequenceStep::Kind::Send && step.message == name)
                return failure(tr("\"%1\" is used by the sequence \"%2\": remove it there first").arg(name, sequence.name));
    SavedLibrary library = m_library;
    library.messages.removeAt(index);
    return commit(std::move(library));
}

Result<void> SavedStore::moveMessage(int from, int to)
{
    if (from < 0 || from >= m_library.messages.size() || to < 0 || to >= m_library.messages.size())
        return failure(tr("That message is gone"));
    SavedLibrary library = m_library;
    library.messages.move(from, to);
    return commit(std::move(library));
}

Result<void> SavedStore::setSequence(int index, const Sequence &sequence)
{
    SavedLibrary library = m_library;
    if (index < 0)
        library.sequences.append(sequence);
    else if (index < library.sequences.size())
        library.sequences[index] = sequence;
    else
        return failure(tr("That sequence is gone"));
    return commit(std::move(library));
}

Result<void> SavedStore::removeSequence(int index)
{
    if (index < 0 || index >= m_library.sequences.size())
        return failure(tr("That sequence is gone"));
    SavedLibrary library = m_library;
    library.sequences.removeAt(index);
    return commit(std::move(library));
}

Result<void> SavedStore::importFile(const QString &file)
{
    auto imported = readSavedLibraryFile(file);
    if (!imported)
        return imported.error();
    return commit(mergeLibraries(m_library, *imported));
}

Result<void> SavedStore::exportFile(const QString &file) const { return writeSavedLibraryFile(file, m_library); }

} // namespace socketeer::ui
