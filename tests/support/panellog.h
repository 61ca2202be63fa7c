#pragma once
// What the widget tests read back from a panel: its log as the user sees it, the messages it
// received, the raw pieces beside them, and a combo box set by its item data.

#include "messagelogmodel.h"

#include <QByteArrayList>
#include <QList>
#include <QString>

class QComboBox;

namespace socketeer::ui {
class FramingBar;
class MessageLogView;
}

namespace testsupport {

// Every row as the log formats it, one per line.
QString logText(socketeer::ui::MessageLogView *log);
template <typename Panel>
QString logText(const Panel &panel)
{
    return logText(panel.log());
}

// The received rows, in order (events and errors left out), after what the log holds for its
// next refresh is shown.
QList<socketeer::ui::LogEntry> receivedEntries(socketeer::ui::MessageLogView *log);
QByteArrayList receivedData(socketeer::ui::MessageLogView *log);

// The pieces in a framing bar's raw pane, as read.
QByteArrayList rawChunks(socketeer::ui::FramingBar *bar);

// Selects the item whose data is `data`; false (and a test failure message) if there is none.
bool chooseData(QComboBox *combo, const QString &data);

} // namespace testsupport
