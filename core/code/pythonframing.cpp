// Message framing in Python, shared by the TCP programs: TCP is a stream, so messages are cut out
// of a buffer, whatever pieces they arrived in — at a line end or delimiter, after a length prefix,
// or every N bytes.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

QString bytesLiteral(const QByteArray &bytes)
{
    QString text = QStringLiteral("b'");
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            text += QStringLiteral("\\n");
        else if (c == '\r')
            text += QStringLiteral("\\r");
        else if (c == '\t')
            text += QStringLiteral("\\t");
        else if (u >= 0x20 && u < 0x7f && c != '\\' && c != '\'')
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return text + QLatin1Char('\'');
}

void delimiterFraming(const CodeSettings &settings, ProgramText &program, bool splitter)
{
    const bool line = settings.frame.kind != FrameKind::Delimiter;
    if (line) {
        program.add(uR"(DELIMITER = @DELIMITER@    # where one message (a line) ends
MAX_LINE = @MAX_LINE@    # a longer line is an error, not an ever-growing buffer
)");
    } else {
        program.set(QStringLiteral("DELIMITER_BYTES"), bytesLiteral(settings.frame.delimiter));
        program.add(uR"(DELIMITER = @DELIMITER_BYTES@    # where one message ends
MAX_LINE = @MAX_LINE@    # a longer message is an error, not an ever-growing buffer
)");
    }
    if (!splitter)
        return;
    program.set(QStringLiteral("UNIT"), line ? QStringLiteral("line") : QStringLiteral("message"));
    program.set(QStringLiteral("UNITS"), line ? QStringLiteral("lines") : QStringLiteral("messages"));
    program.set(QStringLiteral("UNIT_END"), line ? QStringLiteral("line end") : QStringLiteral("DELIMITER"));
    program.add(uR"(

def split_lines(buffer):
    """TCP keeps no message boundaries: one recv() may hold part of a @UNIT@, or several @UNITS@.
    Returns the whole @UNITS@ in buffer (without their @UNIT_END@) and the start of the next one."""
    *lines, rest = buffer.split(DELIMITER)
)");
    if (settings.frame.kind == FrameKind::Line)
        program.add(u"    lines = [line.removesuffix(b'\\r') for line in lines]    # a CR LF line end counts too\n");
    program.add(uR"(    if len(rest) > MAX_LINE or any(len(line) > MAX_LINE for line in lines):
        raise ValueError('a @UNIT@ longer than {} bytes'.format(MAX_LINE))
    return lines, rest
)");
}

void lengthFraming(const CodeSettings &settings, ProgramText &program)
{
    const FrameSpec &spec = settings.frame;
    program.set(QStringLiteral("HEADER"), QString::number(spec.lengthBytes));
    program.set(QStringLiteral("BYTEORDER"), spec.bigEndian ? QStringLiteral("'big'") : QStringLiteral("'little'"));
    program.set(QStringLiteral("COUNTS_HEADER"), spec.lengthCountsHeader ? QStringLiteral("True") : QStringLiteral("False"));
    program.add(uR"(HEADER = @HEADER@    # each message starts with its length in this many bytes
BYTEORDER = @BYTEORDER@    # 'big': network order, the most significant byte first
COUNTS_HEADER = @COUNTS_HEADER@    # True: the length counts the header's own bytes too
MAX_MESSAGE = @MAX_LINE@    # a longer message is an error, not an ever-growing buffer


def split_messages(buffer):
    """TCP keeps no message boundaries: one recv() may hold part of a message, or several.
    Returns the whole messages in buffer (without their length) and the start of the next one."""
    messages = []
    while len(buffer) >= HEADER:
        length = int.from_bytes(buffer[:HEADER], BYTEORDER) - (HEADER if COUNTS_HEADER else 0)
        if length < 0 or length > MAX_MESSAGE:
            raise ValueError('a message of {} bytes (at most {})'.format(length, MAX_MESSAGE))
        if len(buffer) < HEADER + length:
            break    # the rest of this message has not come yet
        messages.append(buffer[HEADER:HEADER + length])
        buffer = buffer[HEADER + length:]
    return messages, buffer


def frame(message):
    """The message with its length in front, as the other side cuts it out."""
    return (len(message) + (HEADER if COUNTS_HEADER else 0)).to_bytes(HEADER, BYTEORDER) + message
)");
}

void fixedFraming(const CodeSettings &settings, ProgramText &program)
{
    program.set(QStringLiteral("SIZE"), QString::number(settings.frame.fixedSize));
    program.add(uR"(SIZE = @SIZE@    # every message is exactly this many bytes


def split_messages(buffer):
    """TCP keeps no message boundaries: one recv() may hold part of a message, or several.
    Returns the whole messages in buffer and the start of the next one."""
    whole = len(buffer) - len(buffer) % SIZE
    return [buffer[i:i + SIZE] for i in range(0, whole, SIZE)], buffer[whole:]


def frame(message):
    """A message as it is sent: it must be exactly SIZE bytes, or the other side would cut it wrong."""
    if len(message) != SIZE:
        raise ValueError('a message of {} bytes, not {}'.format(len(message), SIZE))
    return message
)");
}

} // namespace

QString pythonFramed(const CodeSettings &settings, const QString &name)
{
    return delimited(settings) ? name + QStringLiteral(" + DELIMITER") : QStringLiteral("frame(%1)").arg(name);
}

void pythonFraming(const CodeSettings &settings, ProgramText &program, bool splitter)
{
    switch (settings.frame.kind) {
    case FrameKind::None: return;
    case FrameKind::Line:
    case FrameKind::Crlf:
    case FrameKind::Delimiter: delimiterFraming(settings, program, splitter); return;
    case FrameKind::Length: lengthFraming(settings, program); return;
    case FrameKind::Fixed: fixedFraming(settings, program); return;
    }
}

} // namespace socketeer::code
