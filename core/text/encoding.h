#pragma once
// Bytes ↔ text for people: the encodings a Chinese classroom and a device lab meet (UTF-8, GBK,
// GB18030, Latin-1). Decoding never drops or hides a byte: what does not decode is shown as \xNN.
// Encoding never substitutes: a character the encoding cannot carry is an error, not a '?'.

#include "net/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace socketeer {

enum class TextEncoding { Utf8, Gbk, Gb18030, Latin1 };

QString encodingName(TextEncoding encoding);                     // "UTF-8", "GBK", "GB18030", "Latin-1"
std::optional<TextEncoding> encodingFromName(const QString &name);
QList<TextEncoding> allEncodings();

struct DecodeOptions {
    bool escapeControls = true;   // \r, \n, \t, \0… as visible escapes (\r\n stays a line break if keepNewlines)
    bool keepNewlines = true;
};

// Every byte is accounted for: valid sequences become their characters, invalid bytes "\xNN".
QString decodeForDisplay(const QByteArray &bytes, TextEncoding encoding, const DecodeOptions &options = {});

// True when every character is 7-bit ASCII: what plain SMTP and an unencoded header can carry.
bool isAscii(QStringView text);

// Refuses characters the encoding cannot represent, naming the first one.
Result<QByteArray> encodeText(const QString &text, TextEncoding encoding);

// "48 65 6c 6C6f", "0x48,0x65", "48:65" → bytes; an odd digit count or a non-hex character is an
// error that says where.
Result<QByteArray> parseHex(const QString &text);
// "48 65 6C 6C 6F"
QString toHexDisplay(const QByteArray &bytes);

} // namespace socketeer
