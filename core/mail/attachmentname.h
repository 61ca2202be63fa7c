#pragma once
// The file name to suggest for an attachment, from the name its sender chose. That name is the
// sender's words, not a path of ours: "/home/u/.bashrc", "..\\..\\x", "invoice\u202Efdp.exe" (a
// right-to-left override that shows as "invoiceexe.pdf"). A pure function of its input, so it can
// be fuzzed and tested by rows.

#include <QString>

namespace socketeer {

// The last path component only (after any '/' or '\\'); control characters (C0, DEL, C1) and
// bidirectional formatting marks (U+200E/F, U+061C, U+202A–202E, U+2066–2069) removed; leading
// dots and spaces removed (no hidden file, no "." or ".."), trailing dots and spaces removed; at
// most 255 bytes of UTF-8 (a file system's limit), keeping the extension. When nothing usable is
// left: "attachment" with the extension of `contentType` ("attachment.pdf"), or without one.
QString safeAttachmentFileName(const QString &senderName, const QString &contentType);

} // namespace socketeer
