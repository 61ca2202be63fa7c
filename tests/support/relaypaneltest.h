#pragma once
// Starting the Relay panel as a user would (fields, then Start) in the widget tests.

#include "addressinputs.h"
#include "relaypanel.h"

#include "relay/relay.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace testsupport {

// Starts the panel's relay on a free port towards 127.0.0.1:target; returns the port it listens
// on (0: it did not start within `waitMs`).
inline quint16 startPanelRelay(socketeer::ui::RelayPanel &panel, quint16 target, bool udp, int waitMs)
{
    QSignalSpy started(panel.relay(), &socketeer::Relay::started);
    panel.listenPort()->setText(QStringLiteral("0"));
    panel.targetHost()->setText(QStringLiteral("127.0.0.1"));
    panel.targetPort()->setText(QString::number(target));
    panel.protocol()->setCurrentIndex(udp ? 1 : 0);
    QTest::mouseClick(panel.startButton(), Qt::LeftButton);
    if (!started.wait(waitMs))
        return 0;
    return started.at(0).at(1).value<quint16>();
}

} // namespace testsupport
