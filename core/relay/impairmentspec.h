#pragma once
// Impairments as text: the command line's options, a saved profile and the panel's summary all use
// one small language, so a profile reads like the command that would do the same:
//
//   latency=100:20:normal bandwidth=1M:64K slice=1:0:20000 drop=5@up reset-after=2s
//
// Whitespace-separated KEY=VALUE; each value may end in @up, @down or @both (without one, the
// direction given to the parser). Sizes take K, M and G (×1024). docs/RELAY.md lists every key.
// The text comes from the command line and from files: every mistake is an error naming the key.

#include "relaytypes.h"

#include "net/error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace socketeer {

// One key: "latency" with "100:20" (and its direction) into `impairments`.
Result<void> applyImpairment(RelayImpairments &impairments, QStringView key, QStringView value,
                             RelayDirection defaultDirection = RelayDirection::Both);
// A whole text, as above. Later keys win over earlier ones of the same name.
Result<RelayImpairments> parseImpairments(QStringView spec, RelayDirection defaultDirection = RelayDirection::Both);
// The canonical text: only what is switched on, in a fixed order, every direction written but
// "both"; parseImpairments() of it with the default direction (both) gives back the same
// impairments. Empty when nothing is.
QString impairmentsToSpec(const RelayImpairments &impairments);
QStringList impairmentKeys();
// The keys switched on in `impairments` that a TCP relay (udp false) or a UDP relay cannot apply:
// a datagram is not sliced or reset, a stream loses, duplicates and reorders nothing.
QStringList inapplicableImpairments(const RelayImpairments &impairments, bool udp);
RelayImpairments applicableImpairments(const RelayImpairments &impairments, bool udp);

Result<RelayDirection> parseRelayDirection(QStringView text);   // "up", "down", "both"
QString relayDirectionName(RelayDirection direction);             // the same words

// A byte count: "1500", "64K", "1M" (K, M, G are ×1024).
Result<qint64> parseByteSize(QStringView text);

// The one-click starts. `id` is what --profile takes; `name` is shown (translated).
struct RelayProfile {
    QString id;
    QString name;
    QString spec;
};
QList<RelayProfile> builtinRelayProfiles();
const RelayProfile *findBuiltinRelayProfile(QStringView id);

} // namespace socketeer
