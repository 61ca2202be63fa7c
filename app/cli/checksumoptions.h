#pragma once
// --append NAME, --checksum-order le|be, --checksum-range START:END and --verify NAME, the same on every subcommand that has
// them (issue 11's checksums): declared once, checked once, refused with the list of known names.

#include "net/error.h"
#include "text/checksum.h"

#include <QCommandLineOption>

#include <optional>

class QCommandLineParser;

namespace socketeer::cli {

struct ChecksumOptions {
    QCommandLineOption append;
    QCommandLineOption order;
    QCommandLineOption range;
    QCommandLineOption verify;   // only added by the subcommands that verify
    ChecksumOptions();
};

struct ChecksumChoice {
    std::optional<ChecksumSpec> append;
    std::optional<ChecksumSpec> verify;
};

// The specs asked for (`withVerify`: the parser has options.verify too). A bad name or order, or
// an order without a checksum to apply it to, is an error whose detail starts with the option.
Result<ChecksumChoice> checksumChoice(const QCommandLineParser &parser, const ChecksumOptions &options, bool withVerify);

} // namespace socketeer::cli
