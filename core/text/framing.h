#pragma once
// Message framing: TCP is a stream, so a message a peer sent in one send() may arrive in two
// recv()s, and two messages in one. A FrameSpec says where one message ends (a delimiter, a length
// prefix, a fixed size); a Deframer turns received chunks back into those messages, whatever the
// chunking; frame() adds the same framing to a message before it is sent.
//
// The text form, for the command line (`--frame`) and settings:
//   KIND[,OPTION]...
//   KIND    none | line | crlf | delim:HEX | len:1 | len:2be | len:2le | len:4be | len:4le | fixed:N
//   OPTION  header      the length counts its own header too (len: only)
//           max=BYTES   the longest message accepted (k and M suffixes; line, crlf, delim:, len:)
//           resync      on a framing error, skip the bad message and go on (the default)
//           close       on a framing error, stop: the connection should be closed
// line splits on LF and strips one CR before it (what people mean by "lines", from either kind of
// peer); crlf splits on CR LF only, and a lone LF stays inside the message. max counts the bytes
// before the delimiter, or after the length header.

#include "net/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace socketeer {

enum class FrameKind { None, Line, Crlf, Delimiter, Length, Fixed };
enum class FrameErrorPolicy { Resync, Close };

struct FrameSpec {
    FrameKind kind = FrameKind::None;
    QByteArray delimiter;             // Line: "\n", Crlf: "\r\n", Delimiter: the user's bytes
    int lengthBytes = 0;              // Length: 1, 2 or 4
    bool bigEndian = true;            // Length: network order unless "le"
    bool lengthCountsHeader = false;  // Length: the value includes the header's own bytes
    qsizetype fixedSize = 0;          // Fixed: every message is this long
    qsizetype maxMessage;             // the longest message; longer is a framing error
    FrameErrorPolicy onError = FrameErrorPolicy::Resync;

    FrameSpec();
    static FrameSpec none() { return {}; }
    // Any text: a spec, or an error naming the part that is wrong.
    static Result<FrameSpec> parse(QStringView text);
    // The canonical text form; parse(toString()) gives this spec back.
    QString toString() const;
    // Bytes a Deframer for this spec may hold between pushes, at most.
    qsizetype bufferBound() const;

    friend bool operator==(const FrameSpec &, const FrameSpec &) = default;
};

// One thing a Deframer found: a whole message, a framing error, or (from finish()) the bytes of
// a message the stream ended in the middle of.
struct FrameItem {
    enum class Type { Message, Error, Partial };
    Type type = Type::Message;
    QByteArray bytes;          // Message, Partial: the message (without its delimiter or header)
    qint64 declaredLength = -1; // Error: the length the header declared, or -1 (no delimiter in max)
    bool closes = false;       // Error: the policy is close, or the stream cannot be resynchronised

    QString errorText(const FrameSpec &spec) const;   // for an Error, a translated sentence
    friend bool operator==(const FrameItem &, const FrameItem &) = default;
};

// Splits one direction of one connection into messages. Not thread-safe: owned by whoever owns the
// connection. Memory stays within spec.bufferBound() between pushes: a peer that never sends the
// delimiter, or declares a huge length, gets a framing error, not a growing buffer.
class Deframer {
public:
    explicit Deframer(FrameSpec spec = {});

    // The messages (and errors) completed by these bytes, in order. After an error with closes,
    // every later byte is ignored.
    QList<FrameItem> push(QByteArrayView bytes);
    // The same items, for a caller that only reads each one during the call (the auto-reply rules
    // on a worker): `visit(const FrameItemView &)` sees a view into the Deframer's own buffer, valid
    // until it returns, so no message is copied. `visit` must not push into this Deframer.
    template <typename Visit>
    void pushEach(QByteArrayView bytes, Visit &&visit);
    // The end of the stream: what was left of an unfinished message, as one Partial item (nothing
    // if no bytes were left). The Deframer is then empty and may be reused for a new stream.
    QList<FrameItem> finish();

    const FrameSpec &spec() const { return m_spec; }
    qsizetype buffered() const { return m_buf.size() - m_start; }
    bool closed() const { return m_closed; }

    struct FrameItemView {
        FrameItem::Type type = FrameItem::Type::Message;
        QByteArrayView bytes;
        qint64 declaredLength = -1;
        bool closes = false;
    };

private:
    struct Sink {
        virtual void item(const FrameItemView &item) = 0;
    protected:
        ~Sink() = default;
    };
    void pushInto(QByteArrayView bytes, Sink &out);
    void takeDelimited(Sink &out);
    void takeLength(Sink &out);
    void takeFixed(Sink &out);
    void compact();

    FrameSpec m_spec;
    QByteArray m_buf;
    qsizetype m_start = 0;      // bytes before this are consumed
    qsizetype m_scanned = 0;    // no delimiter starts in [m_start, m_scanned): never searched again
    qint64 m_skip = 0;          // Length, after an error: payload bytes still to drop
    bool m_discarding = false;  // Delimiter, after an error: dropping up to the next delimiter
    bool m_closed = false;
};

template <typename Visit>
void Deframer::pushEach(QByteArrayView bytes, Visit &&visit)
{
    struct Forward final : Sink {
        explicit Forward(Visit &v) : visit(v) {}
        void item(const FrameItemView &item) override { visit(item); }
        Visit &visit;
    } forward(visit);
    pushInto(bytes, forward);
}

// The message with the spec's framing added: a length header before it, or the delimiter after
// it. Refuses what the receiver could not split back into the same message: a message too long for
// its length field, one containing the delimiter (or, for line, ending in CR), or for fixed: a
// message of another size.
Result<QByteArray> frame(const FrameSpec &spec, QByteArrayView message);

// A datagram is a message of its own: under a spec it must hold exactly one message, whole. The
// message (without its header or delimiter), or why this datagram is not one: a length header that
// disagrees with the datagram's size, no delimiter at its end, two messages in it, a framing error.
Result<QByteArray> deframeDatagram(const FrameSpec &spec, QByteArrayView datagram);

} // namespace socketeer
