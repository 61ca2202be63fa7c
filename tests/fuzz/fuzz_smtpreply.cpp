// The SMTP client's reading of server replies (RFC 5321 4.2) and of the EHLO keywords: what a
// hostile or broken server sends. The input is split into lines at LF (a CR before it dropped, as
// the client's line reader does), fed to one SmtpReplyReader as the client does. Beyond "no crash":
// an accepted line is exactly "code", "code text" or "code-text" again; one reply's lines share
// one code; a complete reply also parses whole with parseSmtpReply().

#include "fuzzcheck.h"

#include "mail/smtpreply.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);

    SmtpReplyReader reader;
    QList<QByteArray> replyLines;
    for (const QByteArray &line : std::as_const(lines)) {
        const auto parsed = parseSmtpReplyLine(line);
        if (parsed) {
            FUZZ_CHECK(parsed->code >= 200 && parsed->code <= 559, "a reply code is 2yz..5yz");
            QByteArray rebuilt = QByteArray::number(parsed->code);
            if (line.size() > 3)
                rebuilt += (parsed->last ? " " : "-") + parsed->text;
            FUZZ_CHECK(rebuilt == line, "an accepted line is its code, separator and text again");
        }

        const auto done = reader.addLine(line);
        FUZZ_CHECK(done.ok() || !parsed.ok() || reader.inProgress(), "a valid line fails only within a reply");
        if (!done) {
            FUZZ_CHECK(!done.error().message().isEmpty(), "an error says what is wrong");
            reader = SmtpReplyReader();   // the client gives up on the connection here
            replyLines.clear();
            continue;
        }
        replyLines << line;
        if (!*done)
            continue;
        const SmtpReply reply = reader.take();
        FUZZ_CHECK(!reader.inProgress(), "take() empties the reader");
        FUZZ_CHECK(reply.lines.size() == replyLines.size(), "every line of the reply is kept");
        (void)reply.describe();
        const auto whole = parseSmtpReply(replyLines);
        FUZZ_CHECK(whole.ok() && whole->code == reply.code && whole->lines == reply.lines,
                   "the lines of a complete reply parse whole to the same reply");
        if (const auto extensions = parseEhloExtensions(reply)) {
            FUZZ_CHECK(extensions->sizeLimit >= 0, "a SIZE limit is never negative");
            FUZZ_CHECK(extensions->size || extensions->sizeLimit == 0, "a SIZE limit only with SIZE");
        }
        replyLines.clear();
    }
    return 0;
}
