#include "checksumoptions.h"

#include "cli.h"

#include <QCommandLineParser>

namespace socketeer::cli {

ChecksumOptions::ChecksumOptions()
    : append(QStringLiteral("append"),
             Cli::tr("Append a check value to every message sent: crc16-modbus, crc16-ccitt-false, crc16-xmodem, crc32, "
                     "crc8, sum8, xor8 or lrc. Byte order by convention: crc16-modbus and crc32 low byte first, "
                     "crc16-ccitt-false and crc16-xmodem high byte first."),
             Cli::tr("name")),
      order(QStringLiteral("checksum-order"),
            Cli::tr("Byte order of the check value: le (low byte first) or be (high byte first), instead of the convention."),
            QStringLiteral("le|be")),
      range(QStringLiteral("checksum-range"),
            Cli::tr("Compute the check value over these bytes of the message only, as a Python slice: 1: skips the "
                    "first byte, :-1 leaves out the last, 2:10 is bytes 2 to 9 (default: the whole message)."),
            QStringLiteral("start:end")),
      verify(QStringLiteral("verify"),
             Cli::tr("Check every message received as ending with this check value (names as for --append)."), Cli::tr("name"))
{
}

Result<ChecksumChoice> checksumChoice(const QCommandLineParser &parser, const ChecksumOptions &options, bool withVerify)
{
    ChecksumChoice choice;
    const QString order = parser.isSet(options.order) ? parser.value(options.order) : QString();
    const bool verifying = withVerify && parser.isSet(options.verify);
    if (parser.isSet(options.order) && !parser.isSet(options.append) && !verifying)
        return Error::invalid(withVerify ? Cli::tr("--checksum-order needs --append or --verify")
                                         : Cli::tr("--checksum-order needs --append"));
    if (parser.isSet(options.range) && !parser.isSet(options.append) && !verifying)
        return Error::invalid(withVerify ? Cli::tr("--checksum-range needs --append or --verify")
                                         : Cli::tr("--checksum-range needs --append"));
    ChecksumRange range;
    if (parser.isSet(options.range)) {
        auto parsed = parseChecksumRange(parser.value(options.range));
        if (!parsed)
            return Error::invalid(QStringLiteral("--checksum-range: ") + parsed.error().detail);
        range = *parsed;
    }
    auto parse = [&](const QCommandLineOption &option, std::optional<ChecksumSpec> &into) -> Result<void> {
        if (!parser.isSet(option))
            return {};
        auto spec = parseChecksumSpec(parser.value(option), order);
        if (!spec)
            return Error::invalid(QStringLiteral("--%1: %2").arg(option.names().constFirst(), spec.error().detail));
        into = *spec;
        into->range = range;
        return {};
    };
    if (auto appended = parse(options.append, choice.append); !appended)
        return appended.error();
    if (withVerify) {
        if (auto verified = parse(options.verify, choice.verify); !verified)
            return verified.error();
    }
    return choice;
}

} // namespace socketeer::cli
