#pragma once
// The saved-messages library the window keeps: loaded once from its file (core/saved/savedfile.h),
// written back whole after every change. An unreadable file is moved aside at load and reported
// (problem()); if it could not even be moved, the store stays read-only for this run, so the
// user's file is never overwritten.

#include "saved/savedlibrary.h"

#include <QObject>
#include <QString>

namespace socketeer::ui {

class SavedStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedStore)
public:
    // An empty path: the default file in AppDataLocation.
    explicit SavedStore(const QString &path = {}, QObject *parent = nullptr);

    const SavedLibrary &library() const { return m_library; }
    QString path() const { return m_path; }
    QString problem() const { return m_problem; }   // why the file at start was not used
    bool isWritable() const { return m_writable; }

    // Each checks the result (validateLibrary) and saves; the error says why nothing changed.
    Result<void> setLibrary(const SavedLibrary &library);
    Result<void> addMessage(const SavedMessage &message);
    Result<void> replaceMessage(int index, const SavedMessage &message);   // a rename follows into sequences
    Result<void> removeMessage(int index);                                 // refused while a sequence uses it
    Result<void> moveMessage(int from, int to);
    Result<void> setSequence(int index, const Sequence &sequence);        // index -1: a new one
    Result<void> removeSequence(int index);

    Result<void> importFile(const QString &file);   // merged: taken names get " (2)"
    Result<void> exportFile(const QString &file) const;

signals:
    void changed();

private:
    Result<void> commit(SavedLibrary library);

    QString m_path;
    SavedLibrary m_library;
    QString m_problem;
    bool m_writable = true;
};

} // namespace socketeer::ui
