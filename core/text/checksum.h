#pragma once
// Check values appended to a message and verified on one: the CRCs and sums device protocols use
// (Modbus RTU, XMODEM, serial framing in a lab). Pure functions of bytes, so they can be fuzzed.
//
// Parameters are the CRC catalogue's (reveng.sourceforge.io/crc-catalogue), "123456789" checks:
//   crc16-modbus       CRC-16/MODBUS       poly 0x8005 init 0xFFFF refin/refout  xorout 0       0x4B37
//   crc16-ccitt-false  CRC-16/IBM-3740     poly 0x1021 init 0xFFFF not reflected xorout 0       0x29B1
//   crc16-xmodem       CRC-16/XMODEM       poly 0x1021 init 0      not reflected xorout 0       0x31C3
//   crc32              CRC-32/ISO-HDLC     poly 0x04C11DB7 init ~0 refin/refout  xorout ~0      0xCBF43926 (zlib's)
//   crc8               CRC-8/SMBUS         poly 0x07   init 0      not reflected xorout 0       0xF4
//   sum8   the byte sum mod 256;  xor8  all bytes XORed;  lrc  the two's complement of the byte sum
//          (so that sum(message + lrc) is 0 mod 256; Modbus ASCII's LRC over the binary bytes).
// Qt's own qChecksum (6.4) computes CRC-16/IBM-SDLC (ChecksumIso3309, check 0x906E) and
// CRC-16/ISO-IEC-14443-3-A (ChecksumItuV41, check 0xBF05): neither is one of these.
//
// Byte order of the appended value, by convention: a reflected CRC (crc16-modbus, crc32) goes
// low byte first, as Modbus RTU and Ethernet/zlib send it; an unreflected one (crc16-ccitt-false,
// crc16-xmodem) high byte first, as XMODEM sends it. One-byte values have no order.

#include "net/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace socketeer {

enum class ChecksumAlgorithm { Crc16Modbus, Crc16CcittFalse, Crc16Xmodem, Crc32, Crc8, Sum8, Xor8, Lrc };
enum class ChecksumOrder { LittleEndian, BigEndian };

// The bytes a check value covers, as a Python slice of the message (without the value itself):
// start and end count from the front, or from the back when negative; no end is the last byte.
// Bounds past either end are clamped, as Python does (so "1:" of an empty message is nothing).
struct ChecksumRange {
    qsizetype start = 0;
    std::optional<qsizetype> end;
    bool isWhole() const { return start == 0 && !end; }
    QByteArrayView of(QByteArrayView message) const;
};

struct ChecksumSpec {
    ChecksumAlgorithm algorithm = ChecksumAlgorithm::Crc16Modbus;
    ChecksumOrder order = ChecksumOrder::LittleEndian;
    ChecksumRange range;
};

QString checksumName(ChecksumAlgorithm algorithm);   // "crc16-modbus", as on the command line
QStringList checksumNames();                         // every name, in the order above
int checksumWidth(ChecksumAlgorithm algorithm);      // bytes the value takes: 1, 2 or 4
ChecksumOrder conventionalOrder(ChecksumAlgorithm algorithm);

// "crc16-modbus" (case-insensitive), and optionally "le" or "be" to override the conventional
// order (empty: the convention). An unknown name is an error that lists the known ones.
Result<ChecksumSpec> parseChecksumSpec(const QString &name, const QString &order = {});
// "START:END" with either side empty ("1:", ":-2", "2:10"); an error says what is wrong.
Result<ChecksumRange> parseChecksumRange(const QString &text);

// The check value of `bytes`, in the low checksumWidth() bytes.
quint32 computeChecksum(ChecksumAlgorithm algorithm, QByteArrayView bytes);
// The value as it goes on the wire, in the spec's order.
QByteArray checkValueBytes(const ChecksumSpec &spec, quint32 value);
// message + the check value of the spec's range of it.
QByteArray appendChecksum(const ChecksumSpec &spec, QByteArrayView message);

struct ChecksumVerdict {
    enum class Status { Ok, Bad, TooShort };
    Status status = Status::Ok;
    QByteArray expected;   // what the bytes before the value give (Bad and Ok)
    QByteArray found;      // the value the message ends with (Bad and Ok)
    bool ok() const { return status == Status::Ok; }
};
// Treats the last checksumWidth() bytes of `message` as the check value of the spec's range of
// the ones before.
ChecksumVerdict verifyChecksum(const ChecksumSpec &spec, QByteArrayView message);
// "bad crc16-modbus: expected 37 4B, found 00 00", "bad crc8: too short for its 1-byte check
// value", "crc16-modbus ok".
QString describeVerdict(const ChecksumSpec &spec, const ChecksumVerdict &verdict);

} // namespace socketeer
