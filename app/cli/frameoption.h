#pragma once
// `--frame SPEC` for the subcommands (core/text/framing.h has the syntax). What nc users would
// expect from a framed connection, with no byte of a message changed:
//  - received: each message written to stdout as it completes, followed by one LF (one message
//    per line, for `while read`, grep, a person watching); a framing error is a warning on stderr
//    (with close: an error, and the connection is closed); a message the stream ended inside is
//    written too, with a warning that it is incomplete;
//  - sent: stdin is read as lines (LF, one CR before it stripped) and each line is sent as one
//    message with the framing added; a line the framing cannot carry is not sent, with a warning.

#include "text/checksum.h"
#include "text/framing.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace socketeer {
class TcpClient;
}

namespace socketeer::cli {

class StdinReader;
class LineSplitter;

// The option's help text, shared by the subcommands.
QString frameOptionHelp();

// Received bytes → messages on stdout. A framing error (or a broken stdout) is reported on stderr.
// With `verify`, each message is checked as ending with that check value; a bad one is still
// written, and reported after it: "message 3: bad crc16-modbus: expected 37 4B, found 00 00".
class FramedStdout {
public:
    // `source` ("client 3") starts every report, for a command with more than one connection.
    FramedStdout(const FrameSpec &spec, QString command, std::optional<ChecksumSpec> verify = {}, QString source = {});
    // False when the connection should be closed (the policy is close, or stdout failed).
    bool push(const QByteArray &bytes);
    // The end of the stream: an unfinished message is written and warned about.
    bool finish();
    // Messages whose check value was wrong (or missing), so far.
    qint64 badMessages() const { return m_bad; }
    // Stdout could not be written: the command should stop, not only this connection.
    bool outputFailed() const { return m_outputFailed; }

private:
    bool write(const QList<FrameItem> &items);
    QString report(const QString &text) const;
    Deframer m_deframer;
    QString m_command;
    std::optional<ChecksumSpec> m_verify;
    QString m_source;
    qint64 m_messages = 0;
    qint64 m_bad = 0;
    bool m_outputFailed = false;
};

// Stdin → one framed message per line, sent on `client`, paced by what the client has sent (at most
// kStreamLowWaterBytes waiting), then the sending side shut down. Warned-about lines set failed().
class FramedStdin final : public QObject {
public:
    // `beforeFraming` (optional) changes each line before the framing is added (a check value).
    FramedStdin(const FrameSpec &spec, TcpClient *client, QString command,
                std::function<QByteArray(const QByteArray &)> beforeFraming = {});
    ~FramedStdin() override;
    void start();
    bool failed() const { return m_failed; }

private:
    void sendLine(QByteArray line);
    void pace();

    FrameSpec m_spec;
    std::function<QByteArray(const QByteArray &)> m_beforeFraming;
    TcpClient *m_client;
    QString m_command;
    std::unique_ptr<LineSplitter> m_lines;
    qint64 m_queued = 0;
    bool m_failed = false;
    std::unique_ptr<StdinReader> m_reader;   // last: its thread stops before the rest goes
};

// Stdin's lines framed, for a ChunkStream (serve's stdin, which goes to every client at the pace of
// the slowest): `transform` turns each chunk read into the framed messages of the lines it completes,
// `flush` the last line if stdin ended without a newline. A line the framing cannot carry is left
// out, with a warning. Both run on the stream's reading thread, which alone holds their state.
struct FramedLines {
    std::function<QByteArray(const QByteArray &)> transform;
    std::function<QByteArray()> flush;
};
FramedLines framedLines(const FrameSpec &spec, const QString &command, std::function<QByteArray(const QByteArray &)> beforeFraming = {});

} // namespace socketeer::cli
