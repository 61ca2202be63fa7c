#pragma once
// Every size, count and timeout that bounds what a peer or a source can make Socketeer hold, in one
// table, each with its reason. Two parts that must agree read the same constant here (a 256 MiB
// file send into an 8 MiB queue was a bug born of two tables). Where a user may need another value
// the constant is only the default of a config field (named after it) or a setting.

#include <QtGlobal>

#include <chrono>
#include <cstddef>

namespace socketeer::limits {

using namespace std::chrono_literals;

inline constexpr qint64 KiB = 1024;
inline constexpr qint64 MiB = 1024 * KiB;

// ── Reading ────────────────────────────────────────────────────────────────────────────────
// One recv() into a stack buffer: a loopback burst in few calls, small enough for a thread's stack.
inline constexpr std::size_t kReadChunkBytes = 64 * KiB;
// Read from one connection per wake-up before others get a turn (the event loop, the client).
inline constexpr std::size_t kReadBudgetBytes = 1 * MiB;

// ── What a server queues for one client ───────────────────────────────────────────────────
// A client whose unsent replies or echo exceed this is no longer read from until they drain, so
// TCP's own flow control holds a client that pipelines without reading (finding 4). Small: one
// read chunk of echo fits, and 500 such clients cost tens of MiB, not gigabytes.
inline constexpr qint64 kServerReadPauseBytes = 64 * KiB;
// The SMTP receiver's replies are short; a client that pipelines commands without reading them
// is held back sooner.
inline constexpr qint64 kSmtpReadPauseBytes = 32 * KiB;
// A client is not read from either while more than this of what it sent waits for the front end's
// thread (the panel, the SMTP receiver): what it sent may yet turn into replies, so the queue mark
// alone would let one client's burst become megabytes of replies before reading pauses.
inline constexpr qint64 kServerUndeliveredPerClientBytes = 1 * MiB;
// The SMTP receiver's: a pipelined NOOP is 6 bytes in and 14 out, so 16 KiB of commands become
// some 37 KiB of replies; with the 32 KiB mark, about 70 KiB per client that never reads.
inline constexpr qint64 kSmtpUndeliveredPerClientBytes = 16 * KiB;
// Hard cap for what the user queues by hand (typed sends, repeats) to one client. Streams (files,
// stdin) never come near it: they are paced by kStreamLowWaterBytes instead.
inline constexpr qint64 kServerQueueBytes = 8 * MiB;
// A client that takes no byte at all for this long while bytes wait for it is dropped, with that
// reason; a slower client is waited for however slow it is (finding 5). A setting and a CLI
// option (--stall-timeout).
inline constexpr std::chrono::milliseconds kStallTimeout = 30s;
// Closing a connection sends what was queued, then FIN, and waits for the peer to acknowledge or
// close (finding 9: a 221 or 421 must leave). A peer that does neither holds the close this long.
inline constexpr std::chrono::milliseconds kCloseFlushTimeout = 5s;

// ── Streams: a file or stdin sent to one or many peers ────────────────────────────────────
// Read and sent in chunks of this size; never loaded whole.
inline constexpr qsizetype kStreamChunkBytes = 64 * KiB;
// A target gets the next chunk only when its queue is at or below this: the stream goes at the
// pace of its slowest reader, and memory per target stays near this figure.
inline constexpr qint64 kStreamLowWaterBytes = 256 * KiB;
// Chunks read ahead of the slowest target: enough to keep a fast reader busy between wake-ups.
inline constexpr int kStreamReadAheadChunks = 8;

// ── Counts ─────────────────────────────────────────────────────────────────────────────────
// Thread per client, when the user gives no limit: every client is a thread with its own stack,
// and `--bind 0.0.0.0` lets anyone open connections (finding 6). The event loop has no default
// limit (a client costs a descriptor and a few hundred bytes).
inline constexpr int kThreadPerClientMaxClients = 256;
// The local inbox: enough for a class sending at once.
inline constexpr int kSmtpMaxClients = 500;
inline constexpr int kListenBacklog = 128;
// accept() that fails for want of descriptors or memory leaves the connection waiting, so the
// listener stays readable: retried at once, the server would spin. It waits this long first;
// the clients already there are served meanwhile.
inline constexpr std::chrono::milliseconds kAcceptRetryDelay = 100ms;

// ── Handing received bytes to the front end's thread ──────────────────────────────────────
// Undelivered bytes before the workers stop reading (TCP flow control then holds the senders).
// The server panel takes a flood in large batches; the client panel likewise but alone.
inline constexpr std::size_t kServerUndeliveredBytes = 32 * MiB;
inline constexpr std::size_t kClientUndeliveredBytes = 4 * MiB;
// The SMTP receiver streams each message to disk: a few MiB in flight keeps a 64 MB message out
// of memory.
inline constexpr std::size_t kSmtpUndeliveredBytes = 4 * MiB;

// ── The client ────────────────────────────────────────────────────────────────────────────
// Unsent bytes before the client drops a peer that does not read (typed sends; streams are paced).
inline constexpr qint64 kClientQueueBytes = 64 * MiB;
inline constexpr std::chrono::milliseconds kConnectTimeout = 10s;

// ── UDP ───────────────────────────────────────────────────────────────────────────────────
// What a datagram costs beyond its bytes (its address, its place in a queue, the sender text and
// time the front end keeps): counted with every datagram queued or undelivered, so that a flood of
// empty datagrams weighs something and cannot grow a queue without bound.
inline constexpr qint64 kDatagramOverheadBytes = 256;
// Datagrams the kernel had no room for (EAGAIN) wait, in order, up to this; a send beyond it is
// refused with that reason rather than queued.
inline constexpr qint64 kUdpPendingSendBytes = 4 * MiB;
// Received and not yet taken by the front end before the worker stops reading: the kernel's buffer
// (kUdpReceiveBufferBytes) then holds, and drops, what comes next, as UDP does.
inline constexpr std::size_t kUdpUndeliveredBytes = 16 * MiB;
// SO_RCVBUF asked for: a burst of a fast sender fits while the worker is between reads.
inline constexpr int kUdpReceiveBufferBytes = 4 * MiB;

// ── TLS ───────────────────────────────────────────────────────────────────────────────────
// A server's client has this long from accept() to a finished TLS handshake, then it is dropped:
// a peer that connects and says nothing (or speaks plain text slowly) must not hold a slot, a
// descriptor and a session forever. A handshake is a few round trips; a person typing into
// `openssl s_client` has finished long before.
inline constexpr std::chrono::milliseconds kTlsHandshakeTimeout = 10s;

// ── Framing (core/text/framing.h) ─────────────────────────────────────────────────────────
// The longest message a Deframer waits for unless the spec says max=: a peer that never sends
// the delimiter, or declares a 4 GiB length, costs at most this much per connection and direction.
inline constexpr qsizetype kFrameDefaultMaxBytes = 1 * MiB;
// The most max= may ask for: a len:4 header can declare 4 GiB, which no connection should hold.
inline constexpr qsizetype kFrameHardMaxBytes = 64 * MiB;
// A delimiter longer than this is a mistake, not a protocol.
inline constexpr qsizetype kFrameMaxDelimiterBytes = 64;

// ── Saved messages and sequences (core/saved/) ────────────────────────────────────────────
// A library file or an import larger than this is refused before it is parsed: thousands of
// messages fit in a few hundred KiB; a 2 GiB file chosen by mistake must not be read into memory.
inline constexpr qint64 kSavedFileMaxBytes = 16 * MiB;
// The longest delay or reply wait one step may ask for: a typo of extra zeros is caught, a slow
// device's minute still fits.
inline constexpr int kSequenceStepMaxMs = 3600 * 1000;
// What a reply wait keeps of the bytes received while it waits (the newest): a pattern is searched
// in this much at most, however much a peer floods.
inline constexpr qsizetype kSequenceReplyWindowBytes = 1 * MiB;
// The pause between rounds of a sequence that neither waits nor pauses (only sends): the send
// box's fastest repeat, so "until stopped" cannot outrun the connection's queue in a blink.
inline constexpr int kSequenceMinRoundMs = 1;
// ── The chat room (core/tcp/chatroom.h) ───────────────────────────────────────────────────
// The longest line a member may send; a longer one is refused (and not buffered past this), so a
// client that never sends a newline costs the room this much, not its memory.
inline constexpr qsizetype kChatMaxLineBytes = 8 * KiB;
// A nickname's length in characters (a Chinese name is 3 bytes of UTF-8 per character): long enough
// for a name, short enough that "NAME: " does not push the message off a terminal line.
inline constexpr int kChatMaxNicknameChars = 32;
// A topic (/topic TEXT) in bytes of UTF-8 (100 Chinese characters): one line on a terminal or two,
// told to every joiner.
inline constexpr qsizetype kChatMaxTopicBytes = 300;
// /who names at most this many members (then "and N more"): the answer stays one line a student's
// client can read (at most a few KiB), however large the room.
inline constexpr int kChatWhoMaxNames = 100;
// What the room answers one member (its /who, /help, errors, /msg echoes) between two takes of the
// engine: past this its further commands in that batch are ignored (and it is told once). A client
// that pipelines thousands of "/who" lines without reading costs the room this much per round;
// the engine's read pause and per-client queue bound (kServerReadPauseBytes, kServerQueueBytes)
// then hold it back or drop it like any client that does not read.
inline constexpr qsizetype kChatMaxRepliesPerRound = 64 * KiB;
// ── Rooms announced on the network (core/rooms/, docs/CHAT.md) ─────────────────────────────
// One announcement datagram: a few short lines, far below any MTU, so it is never fragmented; a
// bigger datagram is not one of ours and is ignored unread.
inline constexpr qsizetype kRoomAnnouncementMaxBytes = 512;
// A room's name in characters: a line of a list, like a nickname but with spaces allowed.
inline constexpr int kRoomNameMaxChars = 64;
// A larger member count is a lie (no room here holds that many), and the announcement is ignored.
inline constexpr int kRoomMaxMembers = 100000;
// How often a room is announced, and how long a room not heard from stays listed: three missed
// announcements, so one lost datagram does not make it blink.
inline constexpr std::chrono::milliseconds kRoomAnnounceInterval = 2s;
inline constexpr std::chrono::milliseconds kRoomForgetAfter = 3 * kRoomAnnounceInterval;
// Rooms one finder keeps: a network that announces more (or a host that makes up rooms) cannot
// make the list, or the memory, grow past it.
inline constexpr int kRoomsFoundMax = 256;
// Addresses one room is listed with (IPv4 and IPv6, several interfaces); more are ignored.
inline constexpr int kRoomAddressesMax = 8;
// ── Macros and auto-reply rules (core/text/macros.h, autoreply.h) ─────────────────────────
// {{file:PATH}} inserts at most this: a message, not a file transfer (that is sendStream's job),
// and a rule reply is built on a server's worker thread, which must not stall on a huge read.
inline constexpr qint64 kMacroFileBytes = 1 * MiB;
// A rule's delay: longer is a mistake (a unit typed wrong), and a pending reply holds memory.
inline constexpr qint64 kReplyMaxDelayMs = 24 * 3600 * 1000;
// Delayed replies waiting per connection; beyond it a reply is dropped with a report rather than
// queued without bound (a peer flooding a rule with a long delay).
inline constexpr int kReplyMaxPending = 1000;

// ── Mail ──────────────────────────────────────────────────────────────────────────────────
// Transcript lines kept per SMTP transaction; a flood of RCPTs is elided in the middle.
inline constexpr int kTranscriptLines = 400;

// ── Labs (core/lab/) ──────────────────────────────────────────────────────────────────────
// A lab file larger than this is refused unread: a lab is a page of steps, not a data file.
inline constexpr qint64 kLabFileMaxBytes = 1 * MiB;
// Steps in one lab: a long exam fits; a generated file of millions does not run for hours.
inline constexpr int kLabMaxSteps = 500;
// The longest any one step waits (connect, expect, a client to arrive): a slow student program
// gets its minute, a typo of extra zeros does not hang a grading run.
inline constexpr int kLabMaxTimeoutMs = 120 * 1000;
inline constexpr int kLabDefaultTimeoutMs = 5000;
// What an expectation keeps of what it reads while it waits: a program that floods is failed
// once this much came without a match, rather than read without end.
inline constexpr qsizetype kLabExpectMaxBytes = 64 * KiB;
// What a result shows of what was sent or received (the report, --json): the start of it.
inline constexpr qsizetype kLabShownBytes = 4 * KiB;
// A send that the student's program does not take (it never reads, its buffer is full) fails after
// this rather than holding the run.
inline constexpr int kLabSendTimeoutMs = 10 * 1000;
// Clients of one concurrent step, and named connections of one lab: enough for the lesson.
inline constexpr int kLabMaxConcurrentClients = 64;
inline constexpr int kLabMaxConnections = 64;
// Points of one step.
inline constexpr int kLabMaxPoints = 1000;
// ── The timeline (core/net/trace.h, tracerecording.h, tracefile.h) ──────────────────────
// What a traced send or recv keeps of its bytes for the details pane: a classroom message whole,
// the start of a flood's chunk; with kTraceRecordingEvents calls, at most ~25 MiB of bytes.
inline constexpr qsizetype kTraceBytesKept = 256;
// Calls a recording keeps, live or opened from a file; older ones are dropped (and counted) so a
// flood recorded for minutes costs a bounded amount of memory. A file claiming more is refused.
inline constexpr qsizetype kTraceRecordingEvents = 100000;
// A timeline file larger than this is refused unread: 100,000 calls with their bytes in hex fit.
inline constexpr qint64 kTraceFileMaxBytes = 96 * MiB;

// ── The relay (core/relay/) ─────────────────────────────────────────────────────────────────
// Bytes one direction of a relayed connection may hold (read, not yet sent on: delayed, throttled,
// sliced, or waiting for a slow receiver) before the relay stops reading from the sending side, so
// TCP's flow control holds a fast sender back instead of the relay buffering without end.
inline constexpr qint64 kRelayBufferBytes = 256 * KiB;
// Forwarded bytes the relay has reported (for the log) and the front end's thread has not yet
// taken: beyond it the engine stops reading, like a slow receiver, so a log that cannot keep up
// slows the relayed connections down instead of growing a queue without bound.
inline constexpr std::size_t kRelayUndeliveredBytes = 16 * MiB;
// UDP: datagrams one direction of a session may hold back (delayed, throttled, reordered); more
// are dropped and counted, as a router's queue would.
inline constexpr qint64 kUdpRelayQueueBytes = 4 * MiB;
// Connections (TCP) or sessions (UDP) at once when the user gives no limit: each costs two
// descriptors, and a relay bound beyond loopback is open to anyone.
inline constexpr int kRelayMaxConnections = 1024;
// A UDP session whose source sent nothing for this long is forgotten (its socket closed).
inline constexpr std::chrono::milliseconds kUdpRelayIdleTimeout = 60s;
// A datagram held back for reordering waits for `gap` later ones at most this long: the last
// datagrams of a burst have no later ones, and must not be held until the session idles out.
inline constexpr std::chrono::milliseconds kUdpRelayReorderHold = 1s;
// The longest delay any impairment may ask for (latency + jitter, stall, slow close, slicer
// delay): a typo of extra zeros must not hold bytes for days.
inline constexpr int kRelayMaxDelayMs = 60 * 1000;

} // namespace socketeer::limits
