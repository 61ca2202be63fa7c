#pragma once
// A testing aid: SOCKETEER_FAULTS arms the socket layer's fault injection (core/net/faults.h) for
// the whole run of a subcommand, so a long run (scripts/soak.sh) meets EINTR, EAGAIN and short
// writes in every loop that could mishandle them. Unset, nothing is armed and nothing is said.
//   SOCKETEER_FAULTS=eintr-every=7,eagain-send-every=11,short-send-every=5 socketeer serve --port 0 --echo
// Names: eintr-every (send, recv, accept interrupted), eagain-send-every (a non-blocking send
// "not ready"), short-send-every (a send takes half), max-send-chunk (every send at most N bytes).

namespace socketeer::cli {

// Read once, before the subcommand starts. False (after a one-line error) when the variable
// is set but wrong: the caller exits with ExitUsage rather than run without the faults asked for.
bool armFaultsFromEnvironment();

} // namespace socketeer::cli
