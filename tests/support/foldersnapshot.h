#pragma once
// Everything a folder holds, as text to compare before and after: each entry's relative path,
// kind, mode and content hash (a symlink: where it points, never followed). A test that must
// prove "nothing of the user's was touched" compares two of these.

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace testsupport {

// `skip`: a relative path (and everything under it) left out, e.g. the store's own subfolder.
inline QStringList folderSnapshot(const QString &root, const QString &skip = {})
{
    QStringList lines;
    const QFileInfo top(root);
    lines << QStringLiteral(". %1").arg(static_cast<int>(top.permissions()), 0, 16);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        if (!skip.isEmpty() && (relative == skip || relative.startsWith(skip + QLatin1Char('/'))))
            continue;
        const QFileInfo info(path);
        QString line = relative + QLatin1Char(' ');
        if (info.isSymLink()) {
            line += QStringLiteral("link -> ") + info.symLinkTarget();
        } else if (info.isDir()) {
            line += QStringLiteral("dir %1").arg(static_cast<int>(info.permissions()), 0, 16);
        } else {
            QFile file(path);
            const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
            line += QStringLiteral("file %1 %2")
                        .arg(static_cast<int>(info.permissions()), 0, 16)
                        .arg(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        }
        lines << line;
    }
    lines.sort();
    return lines;
}

} // namespace testsupport
