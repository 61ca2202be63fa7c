// The checksum spec parser and verify (--append/--verify NAME, --checksum-order): the input's first
// line is the spec as typed ("crc16-modbus be 1:-2"), the rest a message received. Any spec text either
// parses to a known name or is an error listing them; verify never reads past the message and its
// verdict agrees with compute(); a message with its check value appended always verifies, and any
// one byte of it changed never does (a CRC catches every burst up to its width, a sum or XOR every
// one-byte change).

#include "fuzzcheck.h"

#include "text/checksum.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray specLine = newline < 0 ? input : input.left(newline);
    const QByteArray message = newline < 0 ? QByteArray() : input.mid(newline + 1);

    // "NAME [ORDER [START:END]]"
    const QStringList words = QString::fromUtf8(specLine).split(QLatin1Char(' '));
    const auto parsed = parseChecksumSpec(words.value(0), words.value(1));
    ChecksumSpec spec;
    if (parsed) {
        FUZZ_CHECK(checksumNames().contains(words.value(0).trimmed().toLower()), "only a known name parses");
        spec = *parsed;
    } else {
        const QString detail = parsed.error().detail;
        FUZZ_CHECK(!detail.isEmpty(), "an error says what is wrong");
        // Whichever spec the fuzzer did not manage to spell, verify still gets exercised.
        const unsigned char pick = size > 0 ? data[0] : 0;
        spec.algorithm = static_cast<ChecksumAlgorithm>(pick % checksumNames().size());
        spec.order = pick & 0x80 ? ChecksumOrder::BigEndian : ChecksumOrder::LittleEndian;
    }
    if (words.size() > 2) {
        const auto range = parseChecksumRange(words.at(2));
        if (range) {
            spec.range = *range;
            const QByteArrayView covered = range->of(message);
            FUZZ_CHECK(covered.isEmpty() || (covered.data() >= message.constData()
                                             && covered.data() + covered.size() <= message.constData() + message.size()),
                       "a range stays inside the message");
        } else {
            FUZZ_CHECK(range.error().detail.contains(words.at(2)), "a range error quotes the range");
        }
    }
    const int width = checksumWidth(spec.algorithm);
    FUZZ_CHECK(width == 1 || width == 2 || width == 4, "a check value is 1, 2 or 4 bytes");

    const ChecksumVerdict verdict = verifyChecksum(spec, message);
    if (message.size() < width) {
        FUZZ_CHECK(verdict.status == ChecksumVerdict::Status::TooShort, "shorter than the value: too short");
    } else {
        const QByteArray expected = checkValueBytes(spec, computeChecksum(spec.algorithm, spec.range.of(QByteArrayView(message).first(message.size() - width))));
        FUZZ_CHECK(verdict.expected == expected, "verify expects what compute gives");
        FUZZ_CHECK(verdict.found == message.right(width), "verify finds the message's last bytes");
        FUZZ_CHECK(verdict.ok() == (expected == verdict.found), "ok exactly when they agree");
    }
    FUZZ_CHECK(!describeVerdict(spec, verdict).isEmpty(), "every verdict can be told");

    const QByteArray appended = appendChecksum(spec, message);
    FUZZ_CHECK(appended.size() == message.size() + width && appended.startsWith(message), "append only appends");
    FUZZ_CHECK(verifyChecksum(spec, appended).ok(), "what append makes, verify accepts");
    {
        // A byte the value covers (in the range) or of the value itself.
        const QByteArrayView covered = spec.range.of(message);
        const qsizetype first = covered.isEmpty() ? message.size() : covered.data() - message.constData();
        const qsizetype choices = covered.size() + width;
        QByteArray changed = appended;
        qsizetype at = static_cast<qsizetype>(qHash(input) % static_cast<size_t>(choices));
        at = at < covered.size() ? first + at : message.size() + (at - covered.size());
        changed[at] = static_cast<char>(changed[at] ^ (1 + (size % 255)));
        FUZZ_CHECK(verifyChecksum(spec, changed).status == ChecksumVerdict::Status::Bad, "one byte changed is caught");
    }
    return 0;
}
