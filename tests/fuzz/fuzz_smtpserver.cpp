// The inbox's SMTP server session: bytes from any client on the network, in any pieces TCP makes
// of them. The first input byte chooses the limits (small ones, so the fuzzer reaches them) and how
// many of the following bytes are chunk sizes (1..256 each, used in turn; none: one byte at a
// time); the rest is the dialogue. Beyond "no crash", the session must not depend on chunking:
// the dialogue fed whole and fed in the chosen chunks gives the same replies, transcript, stored
// messages and end state, and the sink's contract is kept.
//
// Security is always in play: STARTTLS is offered (the driver "upgrades" when the session asks,
// and checks nothing pipelined behind STARTTLS was read), AUTH PLAIN/LOGIN against a users file
// holding "user:secret". The limit bits of the first byte choose the policy too: 0x20 AUTH takes
// any login (else only the file's user), 0x40 requires TLS, 0x80 the peer is not on loopback (AUTH
// needs TLS), 0x10 failure injection at every stage with dice that roll the same in every run.

#include "fuzzcheck.h"
#include "smtpdriver.h"

#include <cstddef>
#include <cstdint>

using namespace socketeer;
using namespace socketeer::fuzzing;

namespace {

// Fresh for each run: the dice are a counter, so both runs roll the same sequence.
SmtpSessionPolicy makePolicy(uint8_t control)
{
    static const auto credentials = std::make_shared<const SmtpCredentials>(
        SmtpCredentials::fromEntries({{QStringLiteral("user"), Secret(QStringLiteral("secret"))}}));
    SmtpSessionPolicy policy;
    policy.startTlsAvailable = true;
    policy.auth.mode = (control & 0x20) ? SmtpAuthMode::Any : SmtpAuthMode::File;
    policy.auth.credentials = credentials;
    policy.requireTls = (control & 0x40) != 0;
    policy.peerIsLoopback = (control & 0x80) == 0;
    if (control & 0x10) {
        policy.failures.rules = {{SmtpStage::Auth, 454, 30}, {SmtpStage::Mail, 451, 30}, {SmtpStage::Rcpt, 550, 30},
                                 {SmtpStage::Data, 421, 10}};
        auto counter = std::make_shared<int>(0);
        policy.failures.roll = [counter] { return (*counter)++ * 37 % 100; };
    }
    return policy;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t control = data[0];
    SmtpReceiverLimits limits;
    if (control & 0x10)
        limits.maxMessageBytes = 200;
    if (control & 0x20)
        limits.maxCommandLineBytes = 64;
    if (control & 0x40)
        limits.maxRecipients = 2;
    if (control & 0x80)
        limits.maxErrors = 4;

    const size_t chunkCount = std::min<size_t>(control & 0x0f, size - 1);
    QList<qsizetype> chunks;
    for (size_t i = 0; i < chunkCount; ++i)
        chunks << qsizetype(data[1 + i]) + 1;
    if (chunks.isEmpty())
        chunks << 1;
    const QByteArrayView dialogue(reinterpret_cast<const char *>(data + 1 + chunkCount),
                                  static_cast<qsizetype>(size - 1 - chunkCount));

    const Outcome whole = runDialogue(dialogue, {}, limits, makePolicy(control));
    FUZZ_CHECK(whole.problems.isEmpty(), qPrintable(whole.problems.join(QLatin1String("; "))));
    const Outcome chunked = runDialogue(dialogue, chunks, limits, makePolicy(control));
    FUZZ_CHECK(chunked.problems.isEmpty(), qPrintable(chunked.problems.join(QLatin1String("; "))));

    FUZZ_CHECK(chunked.replies == whole.replies, "the same replies in any chunking");
    FUZZ_CHECK(chunked.hookLines == whole.hookLines, "the same transcript in any chunking");
    FUZZ_CHECK(chunked.messages == whole.messages, "the same stored messages in any chunking");
    FUZZ_CHECK(chunked == whole, "the same end state in any chunking");
    return 0;
}
