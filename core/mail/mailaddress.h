#pragma once
// A mail address as the compose window and the command line take it: "a@example.com" or
// "Name <a@example.com>" ("王大锤 <a@example.com>", "\"Bob, Jr.\" <b@example.com>"). Checked
// before anything is built or sent: a CR or LF anywhere is refused (it could inject a header or
// an SMTP command), and the address itself must be a plain local@domain.

#include "net/error.h"

#include <QList>
#include <QString>

namespace socketeer {

struct MailAddress {
    QString name;      // the display name, unquoted and unencoded; may be empty
    QString address;   // the addr-spec: local@domain

    // "a@example.com", or "Name <a@example.com>" with the name quoted when it needs it; what
    // parseMailAddress() reads back.
    QString toString() const;

    friend bool operator==(const MailAddress &, const MailAddress &) = default;
};

// "addr", "<addr>", "Name <addr>" or "\"Quoted Name\" <addr>" (\" and \\ escapes inside quotes).
Result<MailAddress> parseMailAddress(const QString &text);

// Several addresses as typed into a To, Cc or Bcc field, separated by commas or semicolons (those
// inside quotes or angle brackets belong to the address): "张三 <z@example.com>; \"Bob, Jr.\"
// <b@example.com>, c@example.com". Empty items are skipped; the first bad address is the error,
// naming `what` and the address.
Result<QList<MailAddress>> parseMailAddressList(const QString &text, const QString &what);

// The checks parseMailAddress() makes, for a MailAddress filled in by other means.
// `what` names the field in the error ("To", "From"...).
Result<void> validateMailAddress(const MailAddress &address, const QString &what);
Result<void> validateAddrSpec(const QString &address, const QString &what);
// Text that goes into a header (a display name, the subject, a file name): no CR, LF or other
// control characters (a tab is allowed).
Result<void> validateHeaderText(const QString &text, const QString &what);

} // namespace socketeer
