#include "panellog.h"

#include "framingbar.h"
#include "messagelogview.h"
#include "rawchunkview.h"

#include <QComboBox>
#include <QTest>

using socketeer::ui::LogEntry;

namespace testsupport {

QString logText(socketeer::ui::MessageLogView *log)
{
    QString all;
    log->visibleRowCount();   // shows what the log holds for its next refresh, as receivedEntries() does
    socketeer::ui::MessageLogModel *model = log->model();
    for (int row = 0; row < model->rowCount(); ++row)
        all += model->formatLine(model->entry(row)) + QLatin1Char('\n');
    return all;
}

QList<LogEntry> receivedEntries(socketeer::ui::MessageLogView *log)
{
    log->visibleRowCount();   // shows what is held for the next refresh
    QList<LogEntry> out;
    for (int row = 0; row < log->model()->rowCount(); ++row)
        if (log->model()->entry(row).direction == LogEntry::Direction::Received)
            out << log->model()->entry(row);
    return out;
}

QByteArrayList receivedData(socketeer::ui::MessageLogView *log)
{
    QByteArrayList out;
    for (const LogEntry &entry : receivedEntries(log))
        out << entry.data;
    return out;
}

QByteArrayList rawChunks(socketeer::ui::FramingBar *bar)
{
    QByteArrayList out;
    for (int row = 0; row < bar->rawView()->model()->rowCount(); ++row)
        out << bar->rawView()->model()->entry(row).data;
    return out;
}

bool chooseData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    if (index < 0) {
        qWarning("no item with the data \"%s\" in %s", qPrintable(data), qPrintable(combo->objectName()));
        return false;
    }
    combo->setCurrentIndex(index);
    return true;
}

} // namespace testsupport
