#pragma once
// A panel's framing and check values, in the window: the fields (FramingFields, ChecksumFields),
// and what they do to the traffic the panel shows. Received bytes go through a Deframer per
// connection, on the GUI thread (display only; what the workers do is unchanged), so the log shows
// messages; each is verified when asked; framing errors are logged and may ask for the connection
// to be closed; the raw pieces go to a pane beside the log. Sent messages get the check value and
// the framing added.

#include "messagelogmodel.h"

#include "net/error.h"

#include <QByteArray>
#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

namespace socketeer {
class Deframer;
}

namespace socketeer::ui {

class ChecksumFields;
class FramingFields;
class MessageLogView;
class RawChunkView;
class SendBox;

class FramingBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramingBar)
public:
    // Logs into `log` (and adds the raw pane beside it); follows `sendBox` for the calculator.
    FramingBar(MessageLogView *log, SendBox *sendBox, QWidget *parent = nullptr);
    ~FramingBar() override;

    FramingFields *framing() const { return m_framing; }
    ChecksumFields *checksums() const { return m_checksums; }
    RawChunkView *rawView() const { return m_raw; }

    // Bytes of one stream (`connection`: a client id, or 0 for the only one) are logged as
    // messages. False when a framing error asks for the connection to be closed.
    bool received(quint64 connection, const QString &peer, const QByteArray &bytes);
    // A datagram is one message: its log row, marked with why it is not one under the framing.
    LogEntry datagramEntry(qint64 timeMs, const QString &peer, const QByteArray &datagram);
    // The stream ended: what was left of a message is logged as incomplete.
    void ended(quint64 connection, const QString &peer);
    // The bytes to send for one message (check value, then framing), or nothing after showing why
    // in the send box.
    std::optional<QByteArray> outgoing(const QByteArray &message);

private:
    void specChanged();
    LogEntry messageEntry(const QString &peer, const QByteArray &message, bool partial) const;
    Deframer &deframerFor(quint64 connection);

    MessageLogView *m_log;
    SendBox *m_sendBox;
    FramingFields *m_framing;
    ChecksumFields *m_checksums;
    RawChunkView *m_raw;
    QHash<quint64, std::shared_ptr<Deframer>> m_deframers;
};

} // namespace socketeer::ui
