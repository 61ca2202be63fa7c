#pragma once
// Saved messages and sequences: the library a person builds of what they send often (named
// messages in folders, text with escapes or hex) and sequences of them (send, wait a while, wait
// for a reply matching a pattern), shared by every panel and by `socketeer connect --sequence`.
// Pure values and pure functions of bytes: the JSON parser is fuzzed (tests/fuzz/fuzz_saved.cpp).
// The file format is documented in docs/SAVED.md.

#include "net/error.h"
#include "text/encoding.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace socketeer {

class MacroState;
class MessageTemplate;

struct SavedMessage {
    enum class Format { Text, Hex };
    QString name;      // unique in the library: sequences refer to messages by it
    QString folder;    // "Modbus/Reads"; empty: at the top
    Format format = Format::Text;
    QString text;      // Text: with escapes (\n \r \t \0 \\ \xNN) and macros ({{counter}}); Hex: "48 65 6C"
    QString note;
    bool operator==(const SavedMessage &) const = default;
};

struct SequenceStep {
    enum class Kind { Send, Delay, Wait };
    Kind kind = Kind::Send;
    QString message;   // Send: the saved message's name
    int delayMs = 0;   // Delay
    QString pattern;   // Wait: a regular expression (QRegularExpression) searched in what arrived
    int timeoutMs = 0; // Wait: gives up (and the sequence fails) after this
    bool operator==(const SequenceStep &) const = default;
};

struct Sequence {
    QString name;
    QList<SequenceStep> steps;
    int repeat = 1;    // rounds; 0: until stopped
    QString note;
    bool operator==(const Sequence &) const = default;
};

struct SavedLibrary {
    static constexpr int kFormatVersion = 1;
    QList<SavedMessage> messages;
    QList<Sequence> sequences;
    bool operator==(const SavedLibrary &) const = default;

    const SavedMessage *message(const QString &name) const;
    const Sequence *sequence(const QString &name) const;
};

// A message as a template (text/macros.h): Text with escapes and macros, or Hex with macros between
// the bytes. A character the encoding lacks, a bad escape, bad hex or a bad macro is an error that
// names its position. Parsing only: no file is read, no counter moves (the check on save and import).
Result<MessageTemplate> savedMessageTemplate(const SavedMessage &message, TextEncoding encoding);
// A message turned into the bytes to send now, macros expanded; counters are kept in `macros` (one
// per panel in the window, one per run on the command line).
Result<QByteArray> savedMessageBytes(const SavedMessage &message, TextEncoding encoding, MacroState &macros);
// As above with counters of its own, each at its start: for a preview, not for sending.
Result<QByteArray> savedMessageBytes(const SavedMessage &message, TextEncoding encoding);
// "\n" → LF, "\x41" → 'A', "\\" → '\'; anything else after a backslash is an error. Bytes from
// \xNN go in as they are (they may be half a UTF-8 sequence on purpose), the rest is encoded.
Result<QByteArray> resolveEscapes(const QString &text, TextEncoding encoding);
// The other way, for a message saved from bytes: printable text stays, controls become escapes.
QString escapeForSaving(const QString &text);

// The hook where a saved message becomes the bytes sent, at send time: savedMessageBytes with the
// MacroState of whoever sends (a SequenceRunner's own by default, a panel's send box in the window).
using SavedBytesFunction = std::function<Result<QByteArray>(const SavedMessage &, TextEncoding)>;

// The checks the parser makes, for an editor: names unique and non-empty, every step valid, every
// Send naming a message of the library. The error names the entry and the field.
Result<void> validateLibrary(const SavedLibrary &library);
Result<void> validateStep(const SequenceStep &step, int index);

// JSON, with "format": "socketeer-saved" and "version": 1. Parse errors name the entry and field
// ("sequences[2] \"login\", steps[1].timeoutMs: must be 1 to 3600000") or the line and column of
// a JSON syntax error. Input larger than limits::kSavedFileMaxBytes is refused before parsing.
Result<SavedLibrary> parseSavedLibrary(const QByteArray &json);
QByteArray serializeSavedLibrary(const SavedLibrary &library);

// Merging an imported library: entries whose name is taken get " (2)", " (3)"… and the sequences'
// Send steps follow the renamed messages.
SavedLibrary mergeLibraries(const SavedLibrary &into, const SavedLibrary &imported);

} // namespace socketeer
