#include "checksum.h"

#include "encoding.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Checksum)
};

// A CRC in the catalogue's terms (Williams' model): width, poly, init, refin = refout, xorout.
struct CrcModel {
    int width;
    quint32 poly;
    quint32 init;
    bool reflected;
    quint32 xorout;
};

struct Entry {
    ChecksumAlgorithm algorithm;
    const char *name;
    int width;
    CrcModel crc;   // width 0 for the sums
};

constexpr std::array<Entry, 8> kTable{{
    {ChecksumAlgorithm::Crc16Modbus, "crc16-modbus", 2, {16, 0x8005, 0xFFFF, true, 0}},
    {ChecksumAlgorithm::Crc16CcittFalse, "crc16-ccitt-false", 2, {16, 0x1021, 0xFFFF, false, 0}},
    {ChecksumAlgorithm::Crc16Xmodem, "crc16-xmodem", 2, {16, 0x1021, 0, false, 0}},
    {ChecksumAlgorithm::Crc32, "crc32", 4, {32, 0x04C11DB7, 0xFFFFFFFF, true, 0xFFFFFFFF}},
    {ChecksumAlgorithm::Crc8, "crc8", 1, {8, 0x07, 0, false, 0}},
    {ChecksumAlgorithm::Sum8, "sum8", 1, {0, 0, 0, false, 0}},
    {ChecksumAlgorithm::Xor8, "xor8", 1, {0, 0, 0, false, 0}},
    {ChecksumAlgorithm::Lrc, "lrc", 1, {0, 0, 0, false, 0}},
}};

const Entry &entry(ChecksumAlgorithm algorithm)
{
    for (const Entry &e : kTable) {
        if (e.algorithm == algorithm)
            return e;
    }
    return kTable.front();   // unreachable: every enumerator has a row
}

quint32 reflect(quint32 value, int width)
{
    quint32 out = 0;
    for (int i = 0; i < width; ++i) {
        out = (out << 1) | (value & 1u);
        value >>= 1;
    }
    return out;
}

// Bitwise: messages are small, and a loop that follows the model line by line is easy to check
// against the catalogue. A reflected CRC shifts right with the reflected polynomial.
quint32 crc(const CrcModel &model, QByteArrayView bytes)
{
    const quint32 mask = model.width == 32 ? 0xFFFFFFFFu : ((1u << model.width) - 1);
    if (model.reflected) {
        const quint32 poly = reflect(model.poly, model.width);
        quint32 reg = reflect(model.init, model.width);
        for (const char c : bytes) {
            reg ^= static_cast<unsigned char>(c);
            for (int bit = 0; bit < 8; ++bit)
                reg = (reg & 1u) ? (reg >> 1) ^ poly : reg >> 1;
        }
        return (reg ^ model.xorout) & mask;
    }
    const quint32 top = 1u << (model.width - 1);
    quint32 reg = model.init;
    for (const char c : bytes) {
        reg ^= static_cast<quint32>(static_cast<unsigned char>(c)) << (model.width - 8);
        for (int bit = 0; bit < 8; ++bit)
            reg = (reg & top) ? ((reg << 1) ^ model.poly) & mask : (reg << 1) & mask;
    }
    return (reg ^ model.xorout) & mask;
}

quint32 byteSum(QByteArrayView bytes)
{
    quint32 sum = 0;
    for (const char c : bytes)
        sum += static_cast<unsigned char>(c);
    return sum & 0xFF;
}

} // namespace

QString checksumName(ChecksumAlgorithm algorithm)
{
    return QString::fromLatin1(entry(algorithm).name);
}

QStringList checksumNames()
{
    QStringList names;
    for (const Entry &e : kTable)
        names.append(QString::fromLatin1(e.name));
    return names;
}

int checksumWidth(ChecksumAlgorithm algorithm)
{
    return entry(algorithm).width;
}

ChecksumOrder conventionalOrder(ChecksumAlgorithm algorithm)
{
    const Entry &e = entry(algorithm);
    return e.crc.width > 0 && !e.crc.reflected ? ChecksumOrder::BigEndian : ChecksumOrder::LittleEndian;
}

Result<ChecksumSpec> parseChecksumSpec(const QString &name, const QString &order)
{
    const QString wanted = name.trimmed().toLower();
    const Entry *found = nullptr;
    for (const Entry &e : kTable) {
        if (wanted == QLatin1String(e.name))
            found = &e;
    }
    if (!found)
        return Error::invalid(Text::tr("unknown checksum \"%1\": use one of %2").arg(name, checksumNames().join(QStringLiteral(", "))));
    ChecksumSpec spec{found->algorithm, conventionalOrder(found->algorithm), {}};
    const QString byteOrder = order.trimmed().toLower();
    if (byteOrder == QLatin1String("le"))
        spec.order = ChecksumOrder::LittleEndian;
    else if (byteOrder == QLatin1String("be"))
        spec.order = ChecksumOrder::BigEndian;
    else if (!order.isEmpty())
        return Error::invalid(Text::tr("unknown checksum byte order \"%1\": use le (low byte first) or be (high byte first)").arg(order));
    return spec;
}

QByteArrayView ChecksumRange::of(QByteArrayView message) const
{
    const qsizetype size = message.size();
    auto resolve = [size](qsizetype index) { return std::clamp<qsizetype>(index < 0 ? index + size : index, 0, size); };
    const qsizetype from = resolve(start);
    const qsizetype to = end ? resolve(*end) : size;
    return to > from ? message.sliced(from, to - from) : QByteArrayView();
}

Result<ChecksumRange> parseChecksumRange(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0 || text.indexOf(QLatin1Char(':'), colon + 1) >= 0)
        return Error::invalid(Text::tr("checksum range \"%1\" is not START:END (for example 1: or 0:-2)").arg(text));
    auto number = [](QStringView side, bool *ok) -> qsizetype {
        const QStringView trimmed = side.trimmed();
        if (trimmed.isEmpty()) {
            *ok = true;
            return 0;
        }
        return static_cast<qsizetype>(trimmed.toLongLong(ok));
    };
    bool startOk = false, endOk = false;
    ChecksumRange range;
    range.start = number(QStringView(text).left(colon), &startOk);
    const QStringView endText = QStringView(text).mid(colon + 1).trimmed();
    const qsizetype end = number(endText, &endOk);
    if (!startOk || !endOk)
        return Error::invalid(Text::tr("checksum range \"%1\": START and END are whole numbers, negative from the end").arg(text));
    if (!endText.isEmpty())
        range.end = end;
    return range;
}

quint32 computeChecksum(ChecksumAlgorithm algorithm, QByteArrayView bytes)
{
    switch (algorithm) {
    case ChecksumAlgorithm::Sum8:
        return byteSum(bytes);
    case ChecksumAlgorithm::Lrc:
        return (0x100 - byteSum(bytes)) & 0xFF;
    case ChecksumAlgorithm::Xor8: {
        quint32 x = 0;
        for (const char c : bytes)
            x ^= static_cast<unsigned char>(c);
        return x;
    }
    default:
        return crc(entry(algorithm).crc, bytes);
    }
}

QByteArray checkValueBytes(const ChecksumSpec &spec, quint32 value)
{
    const int width = checksumWidth(spec.algorithm);
    QByteArray out(width, Qt::Uninitialized);
    for (int i = 0; i < width; ++i) {
        const int shift = spec.order == ChecksumOrder::LittleEndian ? 8 * i : 8 * (width - 1 - i);
        out[i] = static_cast<char>((value >> shift) & 0xFF);
    }
    return out;
}

QByteArray appendChecksum(const ChecksumSpec &spec, QByteArrayView message)
{
    QByteArray out = message.toByteArray();
    out += checkValueBytes(spec, computeChecksum(spec.algorithm, spec.range.of(message)));
    return out;
}

ChecksumVerdict verifyChecksum(const ChecksumSpec &spec, QByteArrayView message)
{
    const int width = checksumWidth(spec.algorithm);
    ChecksumVerdict verdict;
    if (message.size() < width) {
        verdict.status = ChecksumVerdict::Status::TooShort;
        return verdict;
    }
    const QByteArrayView data = message.first(message.size() - width);
    verdict.found = message.last(width).toByteArray();
    verdict.expected = checkValueBytes(spec, computeChecksum(spec.algorithm, spec.range.of(data)));
    verdict.status = verdict.expected == verdict.found ? ChecksumVerdict::Status::Ok : ChecksumVerdict::Status::Bad;
    return verdict;
}

QString describeVerdict(const ChecksumSpec &spec, const ChecksumVerdict &verdict)
{
    const QString name = checksumName(spec.algorithm);
    switch (verdict.status) {
    case ChecksumVerdict::Status::Ok:
        return Text::tr("%1 ok").arg(name);
    case ChecksumVerdict::Status::Bad:
        return Text::tr("bad %1: expected %2, found %3").arg(name, toHexDisplay(verdict.expected), toHexDisplay(verdict.found));
    case ChecksumVerdict::Status::TooShort:
        break;
    }
    return Text::tr("bad %1: too short for its %n-byte check value", nullptr, checksumWidth(spec.algorithm)).arg(name);
}

} // namespace socketeer
