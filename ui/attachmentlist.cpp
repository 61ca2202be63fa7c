#include "attachmentlist.h"

#include "theme.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMimeDatabase>
#include <QTextDocument>

namespace socketeer::ui {

namespace {
constexpr int kPathRole = Qt::UserRole;
constexpr int kSizeRole = Qt::UserRole + 1;
} // namespace

AttachmentList::AttachmentList(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Name"), tr("Size"), tr("Type")});
    setRootIsDecorated(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setObjectName(QStringLiteral("attachments"));
    setAccessibleDescription(tr("Files sent with the mail; drop files here to add them"));
    setAccessibleName(tr("Attachments"));
}

QStringList AttachmentList::addFiles(const QStringList &paths)
{
    QStringList problems;
    const QStringList present = files();
    bool added = false;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            problems << tr("%1 is a folder: attach the files in it, or a zip of it").arg(info.fileName());
        } else if (!info.exists()) {
            problems << tr("%1 does not exist").arg(path);
        } else if (!info.isReadable() || !info.isFile()) {
            problems << tr("%1 cannot be read").arg(path);
        } else if (!present.contains(info.absoluteFilePath())) {
            addRow(info.absoluteFilePath());
            added = true;
        }
    }
    if (added)
        emit filesChanged();
    return problems;
}

void AttachmentList::addRow(const QString &path)
{
    const QFileInfo info(path);
    auto *item = new QTreeWidgetItem(this);
    item->setData(0, kPathRole, path);
    item->setData(0, kSizeRole, info.size());
    item->setText(0, info.fileName());
    item->setToolTip(0, Qt::convertFromPlainText(path));   // a file may be named "<b>x"
    if (!info.isFile() || !info.isReadable()) {
        item->setText(1, tr("missing"));
        item->setForeground(0, theme::colour(theme::Role::Error));
        item->setToolTip(0, Qt::convertFromPlainText(tr("%1 is gone or cannot be read: remove it or put it back").arg(path)));
        return;
    }
    item->setText(1, QLocale().formattedDataSize(info.size()));
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    const QMimeType type = QMimeDatabase().mimeTypeForFile(info);
    // What people call it ("Excel 2007 spreadsheet"), and what the message will declare.
    item->setText(2, type.comment().isEmpty() ? type.name() : type.comment());
    item->setData(2, Qt::UserRole, type.name());
    item->setToolTip(2, type.name());
}

void AttachmentList::removeSelected()
{
    const auto selected = selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    emit filesChanged();
}

void AttachmentList::clearFiles()
{
    if (topLevelItemCount() == 0)
        return;
    clear();
    emit filesChanged();
}

QStringList AttachmentList::files() const
{
    QStringList paths;
    for (int i = 0; i < topLevelItemCount(); ++i)
        paths << topLevelItem(i)->data(0, kPathRole).toString();
    return paths;
}

qint64 AttachmentList::totalBytes() const
{
    qint64 total = 0;
    for (int i = 0; i < topLevelItemCount(); ++i)
        total += topLevelItem(i)->data(0, kSizeRole).toLongLong();
    return total;
}

QStringList AttachmentList::missingFiles() const
{
    QStringList missing;
    for (const QString &path : files()) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            missing << path;
    }
    return missing;
}

} // namespace socketeer::ui
