#pragma once
// Drives one SmtpServerSession over a whole dialogue cut into chunks, recording everything it does,
// so that runs of the same bytes in different chunkings can be compared: the replies, the
// transcript hook's lines, every stored message (envelope and bytes) and how it ended. Shared by
// the fuzz target (tests/fuzz/fuzz_smtpserver.cpp) and the property test (tests/tst_smtpproperties.cpp).
//
// RecordingSink is a real SmtpMessageSink that keeps messages in memory (the interface the mail
// store implements), not a stand-in for the session under test. It also checks the sink contract
// (begin, write*, then finish or abort; never write when nothing is open) and fails on purpose
// for senders whose address asks for it, so the session's 451 paths are fuzzed too:
// "beginfail…" fails begin(), "writefail…" fails the write that passes 16 bytes, "finishfail…"
// fails finish().

#include "mail/smtpserversession.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace socketeer::fuzzing {

struct StoredMessage {
    SmtpEnvelope envelope;   // as finish() got it, receivedAt cleared (it is the wall clock)
    QByteArray bytes;
    QString id;
};

inline bool operator==(const StoredMessage &a, const StoredMessage &b)
{
    const SmtpEnvelope &x = a.envelope, &y = b.envelope;
    return a.id == b.id && a.bytes == b.bytes && x.heloName == y.heloName && x.mailFrom == y.mailFrom
        && x.recipients == y.recipients && x.peer == y.peer && x.smtpUtf8 == y.smtpUtf8 && x.body == y.body
        && x.transcript == y.transcript && x.tls == y.tls && x.tlsVersion == y.tlsVersion && x.tlsCipher == y.tlsCipher
        && x.authUser == y.authUser;
}

class RecordingSink final : public SmtpMessageSink {
public:
    Result<void> begin(const SmtpEnvelope &envelope) override
    {
        if (m_open)
            problems << QStringLiteral("begin() while a message is open");
        m_open = true;
        m_bytes.clear();
        m_from = envelope.mailFrom;
        if (m_from.startsWith(QLatin1String("beginfail"))) {
            m_open = false;
            return Error{ErrorKind::Limit, {}, QStringLiteral("test sink: begin refused")};
        }
        return {};
    }
    Result<void> write(QByteArrayView bytes) override
    {
        if (!m_open)
            problems << QStringLiteral("write() with no message open");
        if (bytes.isEmpty())
            problems << QStringLiteral("write() of nothing");
        m_bytes += bytes;
        if (m_from.startsWith(QLatin1String("writefail")) && m_bytes.size() > 16)
            return Error{ErrorKind::Limit, {}, QStringLiteral("test sink: disk full")};
        return {};
    }
    Result<QString> finish(const SmtpEnvelope &envelope) override
    {
        if (!m_open)
            problems << QStringLiteral("finish() with no message open");
        m_open = false;
        if (envelope.mailFrom.startsWith(QLatin1String("finishfail")))
            return Error{ErrorKind::Limit, {}, QStringLiteral("test sink: fsync failed")};
        StoredMessage message{envelope, m_bytes, QStringLiteral("m%1").arg(messages.size() + 1)};
        message.envelope.receivedAt = {};
        messages << message;
        return message.id;
    }
    void abort() override
    {
        if (!m_open)
            problems << QStringLiteral("abort() with no message open");
        m_open = false;
        ++aborted;
    }
    bool isOpen() const { return m_open; }

    QList<StoredMessage> messages;
    QStringList problems;
    int aborted = 0;

private:
    bool m_open = false;
    QByteArray m_bytes;
    QString m_from;
};

struct Outcome {
    QByteArray replies;         // the greeting, then everything receive() returned, in order
    QStringList hookLines;      // the transcript hook's lines, "C: …"/"S: …"
    QList<StoredMessage> messages;
    int aborted = 0;
    bool closed = false;        // closeRequested() at the end
    bool receiving = false;     // receivingMessage() at the end
    int upgrades = 0;           // STARTTLS upgrades the session asked for
    QString authUser;           // authenticatedUser() at the end
    QStringList problems;       // sink contract violations; empty when all is well

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

// Feeds `dialogue` in chunks of the given sizes (used in turn, cyclically; each at least 1), or
// whole when `chunkSizes` is empty, stopping as a receiver does once the session asks to close.
// Then the connection is lost, as when the client goes away.
//
// STARTTLS: when the session asks for the upgrade, the replies of that receive() must end with its
// 220, and the bytes it discarded must be exactly the rest of that chunk. The driver then
// "upgrades" (tlsStarted()) and feeds those discarded bytes again, as a client that waited for the
// 220 would send them after the handshake — so the same dialogue gives the same outcome in any
// chunking, while the session never reads a byte that came with the STARTTLS line.
inline Outcome runDialogue(QByteArrayView dialogue, const QList<qsizetype> &chunkSizes, const SmtpReceiverLimits &limits,
                           const SmtpSessionPolicy &policy = {})
{
    Outcome outcome;
    RecordingSink sink;
    {
        SmtpServerSession session(QStringLiteral("inbox.test"), limits, sink, QStringLiteral("127.0.0.1:40000"), policy);
        session.setTranscriptHook([&outcome](SmtpServerSession::Direction direction, const QString &line) {
            outcome.hookLines << (direction == SmtpServerSession::Direction::Client ? QStringLiteral("C: ")
                                                                                   : QStringLiteral("S: ")) + line;
        });
        outcome.replies += session.greeting();
        qsizetype pos = 0;
        qsizetype turn = 0;
        while (pos < dialogue.size() && !session.closeRequested()) {
            const qsizetype want = chunkSizes.isEmpty() ? dialogue.size() : std::max<qsizetype>(1, chunkSizes[turn++ % chunkSizes.size()]);
            const qsizetype n = std::min(want, dialogue.size() - pos);
            const QByteArray replies = session.receive(dialogue.sliced(pos, n));
            outcome.replies += replies;
            pos += n;
            if (session.startTlsRequested()) {
                ++outcome.upgrades;
                const QByteArray &reply = session.startTlsReply();
                if (!reply.startsWith("220 ") || !reply.endsWith("\r\n") || reply.count('\n') != 1 || !replies.endsWith(reply))
                    sink.problems << QStringLiteral("STARTTLS accepted but the replies do not end with its 220");
                const qsizetype discarded = session.discardedAfterStartTls();
                if (discarded < 0 || discarded >= n)
                    sink.problems << QStringLiteral("STARTTLS discarded %1 of a %2-byte chunk").arg(discarded).arg(n);
                else
                    pos -= discarded;   // sent again "after the handshake"
                session.tlsStarted({true, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_128_GCM_SHA256")});
            }
        }
        outcome.closed = session.closeRequested();
        outcome.authUser = session.authenticatedUser();
        outcome.receiving = session.receivingMessage();
        session.connectionLost();
    }
    if (sink.isOpen())
        sink.problems << QStringLiteral("a message was left open after the connection was lost");
    outcome.messages = sink.messages;
    outcome.aborted = sink.aborted;
    outcome.problems = sink.problems;
    return outcome;
}

} // namespace socketeer::fuzzing
