#pragma once
// `socketeer connect|udp --messages FILE.json --sequence NAME [--repeat N]`: runs a saved sequence
// (core/saved/) over the connection instead of reading stdin, with the same runner as the window.
// Every message sent and every chunk received is printed on stdout as one line ("sent NAME: …",
// "received: …", controls escaped); the outcome goes to stderr. A reply wait that times out, a
// message that cannot be sent or a peer that closes first ends the command with exit status 1.

#include "saved/savedlibrary.h"

#include <QCommandLineOption>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace socketeer {
class SequenceRunner;
}

namespace socketeer::cli {

struct SequenceOptions {
    SequenceOptions();
    QCommandLineOption messages;
    QCommandLineOption sequence;
    QCommandLineOption repeat;
};

struct SequencePlan {
    SavedLibrary library;
    QString name;
    int rounds = -1;   // -1: the sequence's own repeat; 0: until interrupted
};

// Nothing when --sequence is not given; an error (a usage mistake, or a file that cannot be read
// as a library, naming the entry and field) that the caller reports and exits on.
Result<std::optional<SequencePlan>> sequenceChoice(const QCommandLineParser &parser, const SequenceOptions &options);

class SequenceSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceSession)
public:
    // `send` hands bytes to the connection (a TCP client's queue, a datagram to --to).
    SequenceSession(SequencePlan plan, std::function<void(const QByteArray &)> send, QString command);
    ~SequenceSession() override;

    // Where saved messages become bytes; by default savedMessageBytes with macros, the counters
    // kept for the whole run (every round).
    void setBytesFunction(SavedBytesFunction function);
    void start();                            // once connected
    void received(const QByteArray &bytes);  // what the connection read
    // At disconnection: false (and the reason printed) when the sequence had not finished well.
    bool succeeded();

signals:
    void ended(bool ok);   // the sequence is over: disconnect now

private:
    SequencePlan m_plan;
    std::function<void(const QByteArray &)> m_send;
    QString m_command;
    std::unique_ptr<SequenceRunner> m_runner;
    bool m_started = false;
    bool m_ok = false;
    bool m_over = false;
};

} // namespace socketeer::cli
