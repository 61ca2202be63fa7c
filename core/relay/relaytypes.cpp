#include "relaytypes.h"

namespace socketeer {

// Switched on, not merely different from the defaults: a direction chosen for an impairment that
// is off changes nothing.
bool RelayImpairments::any() const
{
    return latency.ms > 0 || latency.jitterMs > 0 || bandwidth.bytesPerSecond > 0 || slicer.bytes > 0
        || reset.afterBytes >= 0 || reset.afterMs >= 0 || halfClose.afterBytes >= 0 || limit.bytes >= 0 || stall.ms > 0
        || slowClose.ms > 0 || drop.percent > 0 || duplicate.percent > 0 || corrupt.percent > 0 || truncate.percent > 0
        || reorder.percent > 0;
}

} // namespace socketeer
