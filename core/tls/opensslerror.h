#pragma once
// OpenSSL's thread-local error queue as one readable line ("wrong version number"), emptied.
// Internal to core/tls.

#include <QString>

namespace socketeer::tlsdetail {

// Every queued error's reason, joined with "; " (empty when the queue is empty); the queue is cleared.
QString takeErrors();

} // namespace socketeer::tlsdetail
