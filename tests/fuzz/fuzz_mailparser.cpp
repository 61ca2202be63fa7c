// The inbox's mail parser: a message file exactly as some client delivered it. The input is
// written to a file (the inbox parses files, through GMime's persistent stream) and read as the
// inbox does: the list view's parse (PartSizes::Skipped), the message view's (Measured), and each
// leaf part's bytes as Save as… takes them. Beyond "no crash":
//  - parsing the file and parsing the same bytes in memory agree;
//  - the quick parse and the full one find the same headers and parts;
//  - every part's measured size is the size of its decoded bytes.

#include "fuzzcheck.h"

#include "mail/mailparser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

using namespace socketeer;

namespace {

QString inputPath()
{
    static const QString path = QDir::temp().filePath(QStringLiteral("socketeer-fuzz-mail-%1.eml").arg(getpid()));
    return path;
}

bool sameStructure(const ParsedMail &a, const ParsedMail &b)
{
    if (a.ok != b.ok || a.from != b.from || a.to != b.to || a.cc != b.cc || a.replyTo != b.replyTo
        || a.subject != b.subject || a.messageId != b.messageId || a.date != b.date || a.headers != b.headers
        || a.textBody != b.textBody || a.htmlBody != b.htmlBody || a.parts.size() != b.parts.size()
        || a.tree.size() != b.tree.size())
        return false;
    for (qsizetype i = 0; i < a.parts.size(); ++i) {
        const MailPart &x = a.parts[i], &y = b.parts[i];
        if (x.contentType != y.contentType || x.fileName != y.fileName || x.disposition != y.disposition
            || x.charset != y.charset || x.isAttachment != y.isAttachment)
            return false;
    }
    for (qsizetype i = 0; i < a.tree.size(); ++i) {
        const MimeNode &x = a.tree[i], &y = b.tree[i];
        if (x.depth != y.depth || x.contentType != y.contentType || x.fileName != y.fileName || x.partIndex != y.partIndex)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString path = inputPath();
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the temporary file can be written");
        FUZZ_CHECK(file.write(bytes) == bytes.size(), "the temporary file takes the input");
    }

    const ParsedMail quick = parseMailFile(path, PartSizes::Skipped);
    const ParsedMail full = parseMailFile(path, PartSizes::Measured);
    const ParsedMail memory = parseMail(bytes, PartSizes::Measured);
    FUZZ_CHECK(sameStructure(quick, full), "the list's quick parse finds what the full parse finds");
    FUZZ_CHECK(sameStructure(full, memory), "the file and the same bytes in memory parse alike");
    FUZZ_CHECK(full.ok || !full.problem.isEmpty(), "a failed parse says why");

    for (qsizetype i = 0; i < full.parts.size(); ++i) {
        FUZZ_CHECK(quick.parts[i].decodedSize == -1, "the quick parse measures nothing");
        FUZZ_CHECK(memory.parts[i].decodedSize == full.parts[i].decodedSize, "the same sizes from file and memory");
        const QByteArray part = mailPartBytes(path, static_cast<int>(i));
        FUZZ_CHECK(part.size() == full.parts[i].decodedSize, "a part's size is the size of its decoded bytes");
    }
    FUZZ_CHECK(mailPartBytes(path, static_cast<int>(full.parts.size())).isEmpty(), "no bytes for a part past the last");
    QFile::remove(path);
    return 0;
}
