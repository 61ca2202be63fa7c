#pragma once
// Searching the inbox with a subset of Mailpit's search syntax, shared by the Inbox panel's filter
// field and `socketeer inbox list/wait --search`. Pure functions of their input: fuzzed
// (tests/fuzz/fuzz_mailsearch.cpp) and tested by rows (tests/tst_mailsearch.cpp).
//
//   from:TEXT  to:TEXT  subject:TEXT   the decoded header (from: also the envelope's MAIL FROM,
//                                      to: also the envelope's RCPT TO, which holds Cc and Bcc)
//   has:attachment                     at least one attachment
//   after:YYYY-MM-DD  before:YYYY-MM-DD  received on or after that day began / before it began
//                                      (local time), as Mailpit compares them
//   larger:SIZE  smaller:SIZE          the stored message's bytes (its .eml) above / below SIZE:
//                                      a number with an optional K, M or G (1024-based)
//   TEXT                               free text: in the subject, From, To or the envelope's
//                                      addresses (never the body: the list never reads bodies)
//   "two words"                        a phrase, also as a value: subject:"two words"
//   -TERM                              excludes what TERM matches: -from:bot -has:attachment
//
// Every term must match (AND). Text is compared case-insensitively as a substring. A word with an
// unknown prefix ("re:", "http://x") is free text. A known prefix with a bad value (after:tomorrow,
// larger:lots, has:wings, from: with nothing) is an error that says which term and why.

#include "net/error.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace socketeer {

struct MailSearchTerm {
    enum class Kind { Text, From, To, Subject, HasAttachment, After, Before, Larger, Smaller };
    Kind kind = Kind::Text;
    bool negated = false;
    QString text;      // Text, From, To, Subject: what to find (never empty)
    QDate date;        // After, Before
    qint64 bytes = 0;  // Larger, Smaller

    bool operator==(const MailSearchTerm &) const = default;
};

struct MailQuery {
    QList<MailSearchTerm> terms;
    bool isEmpty() const { return terms.isEmpty(); }
    bool operator==(const MailQuery &) const = default;
};

// What a search looks at of one message: what the message list knows of it.
struct MailSearchFields {
    QString from, to, subject;      // decoded headers; empty when not yet known
    QString mailFrom;               // the envelope
    QStringList recipients;
    QDateTime receivedAt;
    qint64 size = 0;
    int attachments = -1;           // -1: not yet known (matches neither has:attachment nor its negation)
};

Result<MailQuery> parseMailQuery(const QString &text);
// The canonical text of a query: parses back to the same query.
QString formatMailQuery(const MailQuery &query);
bool matchesMailQuery(const MailQuery &query, const MailSearchFields &message);

// "10K" -> 10240; "2M"; "512"; no sign, no fraction, below 2^50.
Result<qint64> parseMailSize(const QString &text);

} // namespace socketeer
