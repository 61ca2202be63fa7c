#pragma once
// The Received: trace field (RFC 5321 4.4) the local inbox puts in front of each message it
// stores: who handed it over (the HELO name and the peer's address), who took it, how (SMTP,
// ESMTP, UTF8SMTP), under which id, for whom when there was one recipient, and when. A pure
// function of its inputs: whatever a client called itself, the field stays one header field of
// printable text, folded with CRLF TAB, that no HELO name can end early.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace socketeer {

struct SmtpEnvelope;

// `byHost`: the receiver's own name; `id`: the name it stored the message under. Ends in CRLF.
QByteArray receivedTraceField(const SmtpEnvelope &envelope, const QString &byHost, const QString &id, const QDateTime &when);

} // namespace socketeer
