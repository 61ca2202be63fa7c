#include "framing.h"

#include "net/limits.h"
#include "text/encoding.h"

#include <QCoreApplication>

#include <algorithm>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Framing)
};

QString kindsList()
{
    return QStringLiteral("none, line, crlf, delim:HEX, len:1, len:2be, len:2le, len:4be, len:4le, fixed:N");
}

// "4096", "64k", "1M" → bytes, within 1..cap; nullopt for anything else.
std::optional<qsizetype> parseSize(QStringView text, qsizetype cap)
{
    qint64 unit = 1;
    if (text.endsWith(QLatin1Char('k'), Qt::CaseInsensitive)) {
        unit = limits::KiB;
        text.chop(1);
    } else if (text.endsWith(QLatin1Char('m'), Qt::CaseInsensitive)) {
        unit = limits::MiB;
        text.chop(1);
    }
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const qint64 value = text.toLongLong() * unit;
    if (value < 1 || value > cap)
        return std::nullopt;
    return static_cast<qsizetype>(value);
}

quint64 readLength(const char *p, int size, bool bigEndian)
{
    quint64 value = 0;
    for (int i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(p[bigEndian ? i : size - 1 - i]);
        value = (value << 8) | byte;
    }
    return value;
}

} // namespace

FrameSpec::FrameSpec() : maxMessage(limits::kFrameDefaultMaxBytes) {}

Result<FrameSpec> FrameSpec::parse(QStringView text)
{
    const QList<QStringView> parts = text.trimmed().split(QLatin1Char(','));
    const QStringView head = parts.first().trimmed();
    if (head.isEmpty())
        return Error::invalid(Text::tr("no framing given: use one of %1").arg(kindsList()));

    FrameSpec spec;
    const qsizetype colon = head.indexOf(QLatin1Char(':'));
    const QString kind = head.left(colon).toString().toLower();
    const QStringView arg = colon < 0 ? QStringView() : head.mid(colon + 1);
    const bool hasArg = colon >= 0;
    if ((kind == QLatin1String("none") || kind == QLatin1String("line") || kind == QLatin1String("crlf")) && hasArg)
        return Error::invalid(Text::tr("\"%1\": %2 takes no argument after \":\"").arg(head.toString(), kind));
    if (kind == QLatin1String("none")) {
        spec.kind = FrameKind::None;
    } else if (kind == QLatin1String("line")) {
        spec.kind = FrameKind::Line;
        spec.delimiter = QByteArrayLiteral("\n");
    } else if (kind == QLatin1String("crlf")) {
        spec.kind = FrameKind::Crlf;
        spec.delimiter = QByteArrayLiteral("\r\n");
    } else if (kind == QLatin1String("delim")) {
        spec.kind = FrameKind::Delimiter;
        if (arg.trimmed().isEmpty())
            return Error::invalid(Text::tr("\"%1\": give the delimiter in hex after \"delim:\", e.g. delim:0d0a or delim:03").arg(head.toString()));
        const auto bytes = parseHex(arg.toString());
        if (!bytes)
            return Error::invalid(Text::tr("\"%1\": the delimiter is not hex: %2").arg(head.toString(), bytes.error().detail));
        if (bytes->isEmpty() || bytes->size() > limits::kFrameMaxDelimiterBytes)
            return Error::invalid(Text::tr("\"%1\": a delimiter is 1 to %2 bytes").arg(head.toString()).arg(limits::kFrameMaxDelimiterBytes));
        spec.delimiter = *bytes;
    } else if (kind == QLatin1String("len")) {
        spec.kind = FrameKind::Length;
        const QString field = arg.toString().toLower();
        if (field == QLatin1String("1")) {
            spec.lengthBytes = 1;
        } else if (field == QLatin1String("2be") || field == QLatin1String("2le") || field == QLatin1String("4be")
                   || field == QLatin1String("4le")) {
            spec.lengthBytes = field.at(0).digitValue();
            spec.bigEndian = field.endsWith(QLatin1String("be"));
        } else {
            return Error::invalid(Text::tr("\"%1\" is not a length field: use len:1, len:2be, len:2le, len:4be or len:4le")
                                      .arg(head.toString()));
        }
    } else if (kind == QLatin1String("fixed")) {
        spec.kind = FrameKind::Fixed;
        const auto size = parseSize(arg, limits::kFrameHardMaxBytes);
        if (!size)
            return Error::invalid(Text::tr("\"%1\": the size must be a whole number of bytes from 1 to %2")
                                      .arg(head.toString()).arg(limits::kFrameHardMaxBytes));
        spec.fixedSize = *size;
    } else {
        return Error::invalid(Text::tr("unknown framing \"%1\": use one of %2").arg(head.toString(), kindsList()));
    }

    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView option = parts.at(i).trimmed();
        const QString name = option.left(option.indexOf(QLatin1Char('='))).toString().toLower();
        if (name == QLatin1String("header") && option.size() == name.size()) {
            if (spec.kind != FrameKind::Length)
                return Error::invalid(Text::tr("the option \"header\" applies to len: framing only"));
            spec.lengthCountsHeader = true;
        } else if (name == QLatin1String("resync") && option.size() == name.size()) {
            spec.onError = FrameErrorPolicy::Resync;
        } else if (name == QLatin1String("close") && option.size() == name.size()) {
            spec.onError = FrameErrorPolicy::Close;
        } else if (name == QLatin1String("max") && option.size() > name.size()) {
            if (spec.kind == FrameKind::None || spec.kind == FrameKind::Fixed)
                return Error::invalid(Text::tr("the option \"max=\" does not apply to %1 framing").arg(kind));
            const auto size = parseSize(option.mid(4), limits::kFrameHardMaxBytes);
            if (!size)
                return Error::invalid(Text::tr("\"%1\": the maximum must be a whole number of bytes from 1 to %2 (k and M suffixes allowed)")
                                          .arg(option.toString()).arg(limits::kFrameHardMaxBytes));
            spec.maxMessage = *size;
        } else {
            return Error::invalid(Text::tr("unknown framing option \"%1\": use header, max=BYTES, resync or close")
                                      .arg(option.toString()));
        }
    }
    return spec;
}

QString FrameSpec::toString() const
{
    QString text;
    switch (kind) {
    case FrameKind::None: return QStringLiteral("none");
    case FrameKind::Line: text = QStringLiteral("line"); break;
    case FrameKind::Crlf: text = QStringLiteral("crlf"); break;
    case FrameKind::Delimiter: text = QStringLiteral("delim:") + QString::fromLatin1(delimiter.toHex()); break;
    case FrameKind::Length:
        text = QStringLiteral("len:") + QString::number(lengthBytes);
        if (lengthBytes > 1)
            text += bigEndian ? QStringLiteral("be") : QStringLiteral("le");
        if (lengthCountsHeader)
            text += QStringLiteral(",header");
        break;
    case FrameKind::Fixed: text = QStringLiteral("fixed:") + QString::number(fixedSize); break;
    }
    if (kind != FrameKind::Fixed && maxMessage != limits::kFrameDefaultMaxBytes)
        text += QStringLiteral(",max=") + QString::number(maxMessage);
    if (onError == FrameErrorPolicy::Close)
        text += QStringLiteral(",close");
    return text;
}

qsizetype FrameSpec::bufferBound() const
{
    switch (kind) {
    case FrameKind::None: return 0;
    case FrameKind::Line:
    case FrameKind::Crlf:
    case FrameKind::Delimiter: return maxMessage + delimiter.size() - 1;
    case FrameKind::Length: return lengthBytes + maxMessage - 1;
    case FrameKind::Fixed: return fixedSize - 1;
    }
    return 0;
}

QString FrameItem::errorText(const FrameSpec &spec) const
{
    if (type != Type::Error)
        return {};
    const QString what = closes ? Text::tr("the connection should be closed") : Text::tr("skipped to the next message");
    if (declaredLength < 0)
        return Text::tr("framing error: no delimiter within %1 bytes (%2): %3").arg(spec.maxMessage).arg(spec.toString(), what);
    if (spec.lengthCountsHeader && declaredLength < spec.lengthBytes)
        return Text::tr("framing error: the length %1 is shorter than its own %2-byte header (%3): %4")
            .arg(declaredLength).arg(spec.lengthBytes).arg(spec.toString(), what);
    return Text::tr("framing error: a message of %1 bytes is over the maximum of %2 (%3): %4")
        .arg(declaredLength - (spec.lengthCountsHeader ? spec.lengthBytes : 0)).arg(spec.maxMessage).arg(spec.toString(), what);
}

Deframer::Deframer(FrameSpec spec) : m_spec(std::move(spec)) {}

QList<FrameItem> Deframer::push(QByteArrayView bytes)
{
    struct Collect final : Sink {
        void item(const FrameItemView &item) override
        {
            out.append({item.type, item.bytes.toByteArray(), item.declaredLength, item.closes});
        }
        QList<FrameItem> out;
    } collect;
    pushInto(bytes, collect);
    return std::move(collect.out);
}

void Deframer::pushInto(QByteArrayView bytes, Sink &out)
{
    if (m_closed || bytes.isEmpty())
        return;
    if (m_spec.kind == FrameKind::None) {
        out.item({FrameItem::Type::Message, bytes});
        return;
    }
    m_buf.append(bytes);
    switch (m_spec.kind) {
    case FrameKind::None: break;
    case FrameKind::Line:
    case FrameKind::Crlf:
    case FrameKind::Delimiter: takeDelimited(out); break;
    case FrameKind::Length: takeLength(out); break;
    case FrameKind::Fixed: takeFixed(out); break;
    }
    compact();   // after every item was seen: the views point into m_buf
}

QList<FrameItem> Deframer::finish()
{
    QList<FrameItem> out;
    if (!m_closed && !m_discarding && m_skip == 0 && buffered() > 0)
        out.append({FrameItem::Type::Partial, m_buf.mid(m_start)});
    m_buf.clear();
    m_start = m_scanned = 0;
    m_skip = 0;
    m_discarding = false;
    m_closed = false;
    return out;
}

void Deframer::takeDelimited(Sink &out)
{
    const QByteArray &delim = m_spec.delimiter;
    const qsizetype dlen = delim.size();
    while (!m_closed) {
        const qsizetype found = m_buf.indexOf(delim, std::max(m_scanned, m_start));
        if (found < 0) {
            // Only the last dlen-1 bytes can still begin a delimiter.
            m_scanned = std::max(m_start, m_buf.size() - dlen + 1);
            if (m_discarding) {
                m_start = m_scanned;
            } else if (buffered() >= m_spec.maxMessage + dlen) {
                // Any delimiter still to come would end a message longer than the maximum.
                const bool closes = m_spec.onError == FrameErrorPolicy::Close;
                out.item({FrameItem::Type::Error, {}, -1, closes});
                m_closed = closes;
                m_discarding = !closes;
                m_start = m_scanned;
            }
            return;
        }
        const qsizetype length = found - m_start;
        if (m_discarding) {
            m_discarding = false;
        } else if (length > m_spec.maxMessage) {
            const bool closes = m_spec.onError == FrameErrorPolicy::Close;
            out.item({FrameItem::Type::Error, {}, -1, closes});
            m_closed = closes;
        } else {
            qsizetype keep = length;
            if (m_spec.kind == FrameKind::Line && keep > 0 && m_buf.at(found - 1) == '\r')
                --keep;
            out.item({FrameItem::Type::Message, QByteArrayView(m_buf).sliced(m_start, keep)});
        }
        m_start = found + dlen;
        m_scanned = m_start;
    }
}

void Deframer::takeLength(Sink &out)
{
    const int header = m_spec.lengthBytes;
    while (!m_closed) {
        if (m_skip > 0) {
            const qint64 drop = std::min<qint64>(m_skip, buffered());
            m_start += drop;
            m_skip -= drop;
            if (m_skip > 0)
                return;
        }
        if (buffered() < header)
            return;
        const quint64 declared = readLength(m_buf.constData() + m_start, header, m_spec.bigEndian);
        if (m_spec.lengthCountsHeader && declared < static_cast<quint64>(header)) {
            // Nothing tells where the next message starts: the stream cannot be resynchronised.
            out.item({FrameItem::Type::Error, {}, static_cast<qint64>(declared), true});
            m_closed = true;
            return;
        }
        const quint64 payload = declared - (m_spec.lengthCountsHeader ? header : 0);
        if (payload > static_cast<quint64>(m_spec.maxMessage)) {
            // Resynchronising trusts the length: the oversized message is dropped as it arrives,
            // never held.
            const bool closes = m_spec.onError == FrameErrorPolicy::Close;
            out.item({FrameItem::Type::Error, {}, static_cast<qint64>(declared), closes});
            m_closed = closes;
            m_start += header;
            m_skip = static_cast<qint64>(payload);
            continue;
        }
        if (buffered() < header + static_cast<qsizetype>(payload))
            return;
        out.item({FrameItem::Type::Message, QByteArrayView(m_buf).sliced(m_start + header, static_cast<qsizetype>(payload))});
        m_start += header + static_cast<qsizetype>(payload);
    }
}

void Deframer::takeFixed(Sink &out)
{
    while (buffered() >= m_spec.fixedSize) {
        out.item({FrameItem::Type::Message, QByteArrayView(m_buf).sliced(m_start, m_spec.fixedSize)});
        m_start += m_spec.fixedSize;
    }
}

void Deframer::compact()
{
    if (m_closed) {
        m_buf.clear();
        m_start = m_scanned = 0;
        return;
    }
    if (m_start == 0)
        return;
    // What is left is one unfinished message, at most bufferBound() bytes: moving it is cheaper
    // than letting consumed bytes pile up in front of it.
    m_buf.remove(0, m_start);
    m_scanned = std::max<qsizetype>(0, m_scanned - m_start);
    m_start = 0;
}

Result<QByteArray> frame(const FrameSpec &spec, QByteArrayView message)
{
    switch (spec.kind) {
    case FrameKind::None: return message.toByteArray();
    case FrameKind::Line:
    case FrameKind::Crlf:
    case FrameKind::Delimiter: {
        if (spec.kind == FrameKind::Line && message.endsWith('\r'))
            return Error::invalid(Text::tr("the message ends in CR, which a line reader strips"));
        // The receiver ends the message at the first delimiter: inside the message, or one that
        // begins in the message's last bytes ("xa" + "aaa"), would cut it short.
        QByteArray framed = message.toByteArray() + spec.delimiter;
        if (framed.indexOf(spec.delimiter) != message.size())
            return Error::invalid(Text::tr("the message contains the delimiter (%1), so the receiver would split it")
                                      .arg(toHexDisplay(spec.delimiter)));
        return framed;
    }
    case FrameKind::Length: {
        const int header = spec.lengthBytes;
        const quint64 capacity = (quint64(1) << (8 * header)) - 1;
        const quint64 value = quint64(message.size()) + (spec.lengthCountsHeader ? header : 0);
        if (value > capacity)
            return Error::invalid(Text::tr("a message of %1 bytes is too long for a %2-byte length field (%3)")
                                      .arg(message.size()).arg(header).arg(spec.toString()));
        QByteArray out(header, '\0');
        for (int i = 0; i < header; ++i) {
            const int shift = 8 * (spec.bigEndian ? header - 1 - i : i);
            out[i] = static_cast<char>((value >> shift) & 0xff);
        }
        out.append(message);
        return out;
    }
    case FrameKind::Fixed:
        if (message.size() != spec.fixedSize)
            return Error::invalid(Text::tr("a message of %1 bytes does not fit fixed:%2 framing, which needs exactly %2")
                                      .arg(message.size()).arg(spec.fixedSize));
        return message.toByteArray();
    }
    return message.toByteArray();
}

Result<QByteArray> deframeDatagram(const FrameSpec &spec, QByteArrayView datagram)
{
    if (spec.kind == FrameKind::None)
        return datagram.toByteArray();
    if (spec.kind == FrameKind::Length && datagram.size() >= spec.lengthBytes) {
        // The header's own claim, compared with what the datagram carries: the usual mistake.
        const quint64 declared = readLength(datagram.data(), spec.lengthBytes, spec.bigEndian);
        const qint64 carried = datagram.size() - (spec.lengthCountsHeader ? 0 : spec.lengthBytes);
        if (declared != quint64(carried))
            return Error::invalid(Text::tr("its length header says %1 but the datagram of %2 bytes carries %3 (%4)")
                                      .arg(declared).arg(datagram.size()).arg(carried).arg(spec.toString()));
    }
    Deframer deframer(spec);
    QList<FrameItem> items = deframer.push(datagram);
    items.append(deframer.finish());
    for (const FrameItem &item : std::as_const(items)) {
        if (item.type == FrameItem::Type::Error)
            return Error::invalid(item.errorText(spec));
    }
    if (items.size() == 1 && items.first().type == FrameItem::Type::Message)
        return items.first().bytes;
    if (items.isEmpty() || (items.size() == 1 && items.first().type == FrameItem::Type::Partial))
        return Error::invalid(Text::tr("the datagram of %1 bytes does not hold one whole message (%2)")
                                  .arg(datagram.size()).arg(spec.toString()));
    return Error::invalid(Text::tr("the datagram of %1 bytes holds more than one message (%2)")
                              .arg(datagram.size()).arg(spec.toString()));
}

} // namespace socketeer
