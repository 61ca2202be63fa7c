#pragma once
// What the saved-messages dock needs of whichever panel is current, without the panels knowing
// about the dock: its send box (a saved message goes through the same path and log as typed
// input) and the bytes it receives (for a sequence's reply waits).

#include <QMetaObject>

#include <functional>

class QByteArray;
class QObject;
class QWidget;

namespace socketeer::ui {

class SendBox;

// Null for a tab that sends nothing (the inbox).
SendBox *sendBoxOf(QWidget *panel);
// Calls `received` with each batch the panel's connection(s) read, in `context`'s thread, until
// disconnected. An invalid connection for a tab that receives nothing.
QMetaObject::Connection connectReceived(QWidget *panel, QObject *context, std::function<void(const QByteArray &)> received);

} // namespace socketeer::ui
