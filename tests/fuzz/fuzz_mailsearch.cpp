// The inbox's search field (core/mail/mailsearch.h): whatever is typed or pasted into the panel's
// filter or given to `socketeer inbox list --search`. Beyond "no crash":
//  - a refusal says what is wrong;
//  - the canonical text of what parses parses back to the same query, and is a fixed point;
//  - matching any query against a message with unknown facts (no date, attachments unknown) is
//    defined and the same for the query and its canonical text.

#include "fuzzcheck.h"

#include "mail/mailsearch.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto query = parseMailQuery(text);
    if (!query) {
        FUZZ_CHECK(!query.error().detail.isEmpty(), "a refusal says what is wrong");
        return 0;
    }
    const QString canonical = formatMailQuery(*query);
    const auto again = parseMailQuery(canonical);
    FUZZ_CHECK(again.ok(), "the canonical text parses");
    FUZZ_CHECK(*again == *query, "the canonical text parses back to the same query");
    FUZZ_CHECK(formatMailQuery(*again) == canonical, "the canonical text is a fixed point");

    MailSearchFields known;
    known.from = QStringLiteral("Wang <wang@example.com>");
    known.subject = text.left(64);
    known.receivedAt = QDateTime::fromSecsSinceEpoch(1764926400);
    known.size = 4096;
    known.attachments = 1;
    MailSearchFields unknown;
    for (const MailSearchFields &fields : {known, unknown})
        FUZZ_CHECK(matchesMailQuery(*query, fields) == matchesMailQuery(*again, fields), "the same verdict for the canonical text");
    return 0;
}
