// Mail addresses as people type them (compose window, `socketeer mail --to`), and as a hostile
// paste may hold them. Beyond "no crash":
//  - an accepted address never holds CR, LF or another control character (header/SMTP injection);
//  - what toString() writes parses back to the same name and address (the compose window writes
//    addresses back into its fields that way);
//  - a list's items, written back with toString() and joined, parse to the same list.

#include "fuzzcheck.h"

#include "mail/mailaddress.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace socketeer;

namespace {

bool hasControl(const QString &text, bool allowTab)
{
    for (QChar c : text)
        if ((c.unicode() < 0x20 && !(allowTab && c == QLatin1Char('\t'))) || c.unicode() == 0x7f)
            return true;
    return false;
}

void checkAccepted(const MailAddress &address)
{
    FUZZ_CHECK(!hasControl(address.address, false), "no control character in an accepted address");
    FUZZ_CHECK(!hasControl(address.name, true), "no control character but tab in an accepted name");
    FUZZ_CHECK(validateMailAddress(address, QStringLiteral("fuzz")).ok(), "an accepted address validates");
    const auto again = parseMailAddress(address.toString());
    FUZZ_CHECK(again.ok(), "toString() parses back");
    FUZZ_CHECK(*again == address, "toString() parses back to the same name and address");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    if (const auto address = parseMailAddress(text))
        checkAccepted(*address);
    else
        FUZZ_CHECK(!address.error().message().isEmpty(), "an error says what is wrong");

    const auto list = parseMailAddressList(text, QStringLiteral("To"));
    if (list) {
        QStringList written;
        for (const MailAddress &address : *list) {
            checkAccepted(address);
            written << address.toString();
        }
        const auto again = parseMailAddressList(written.join(QStringLiteral(", ")), QStringLiteral("To"));
        FUZZ_CHECK(again.ok() && *again == *list, "a list written back parses to the same list");
    }

    (void)validateAddrSpec(text, QStringLiteral("fuzz"));
    (void)validateHeaderText(text, QStringLiteral("fuzz"));
    return 0;
}
