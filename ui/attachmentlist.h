#pragma once
// The compose window's attachments: one row per file with its name, size and type (what
// QMimeDatabase finds in the file, as the message will declare it), and the total under it.
// Files come from a dialog or from drops anywhere on the window (addFiles); a directory or an
// unreadable file is refused with the reason, never silently skipped.

#include <QTreeWidget>

namespace socketeer::ui {

class AttachmentList final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentList)
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    // Adds what can be attached (a file already listed is not added twice); returns one
    // sentence per file that could not be, for the caller to show.
    QStringList addFiles(const QStringList &paths);
    // Lists a file that is gone (from a restored draft), marked as missing.
    void addMissing(const QString &path) { addRow(path); }
    void removeSelected();
    void clearFiles();
    QStringList files() const;
    qint64 totalBytes() const;
    // Files listed that are gone or unreadable now (a restored draft, a deleted file).
    QStringList missingFiles() const;

signals:
    void filesChanged();

private:
    void addRow(const QString &path);
};

} // namespace socketeer::ui
