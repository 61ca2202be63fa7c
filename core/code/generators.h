#pragma once
// One function per program the generator writes (one file per language and kind). Each adds its
// fragments to a ProgramText whose common values codegen.cpp has set already:
//   @HOST@ @PORT@ @FAMILY@ @ENCODING@ (literals), @TITLE@, for framing @DELIMITER@ @MAX_LINE@, and for
//   the chat room @CHAT_MAX_LINE@.
// Settings reach them checked: what a generator cannot write was refused before.

#include "code/codesettings.h"

namespace socketeer::code {

class ProgramText;

void pythonTcpServer(const CodeSettings &settings, ProgramText &program);
void pythonTcpClient(const CodeSettings &settings, ProgramText &program);
void pythonUdp(const CodeSettings &settings, ProgramText &program);
void pythonMail(const CodeSettings &settings, ProgramText &program);
void pythonInbox(const CodeSettings &settings, ProgramText &program);
void pythonChatServer(const CodeSettings &settings, ProgramText &program);
void pythonFraming(const CodeSettings &settings, ProgramText &program, bool splitter);

// The start of every C program: includes, settings and the helpers a program asks for.
struct CNeeds {
    bool threads = false;      // pthread.h
    bool epoll = false;        // sys/epoll.h
    bool poll = false;         // poll.h
    bool sendAll = false;      // send_all(): a blocking send of every byte
    bool boundSocket = false;  // bound_socket() and print_bound(): a server's socket, and its "listening on"
    bool tls = false;          // OpenSSL: send_all() over an SSL*, and the files it needs
    bool openssl = false;      // OpenSSL's headers and files only (send_all() stays on the socket)
    bool files = false;        // open, mkdir, time and strncasecmp: the inbox writes files and reads commands
    bool wide = false;         // locale.h and wctype.h: towlower() compares nicknames in any script
};
void cCommon(const CodeSettings &settings, ProgramText &program, const CNeeds &needs);
// The framing's constants (LINE_END, MAX_LINE; HEADER and read_length/write_length; SIZE).
void cFramingConstants(const CodeSettings &settings, ProgramText &program);
QString cBytesLiteral(const QByteArray &bytes);
// A TLS server's SSL_CTX, tls_context, and load_tls() that fills it from CERTFILE and KEYFILE.
void cTlsServerContext(ProgramText &program);
// The main() of a server in C, written once for every program that has one (ccommon.cpp). Both
// start with stdout line-buffered, then `setup` (lines that may `return 1;`), then bound_socket()
// and print_bound(s).
// Thread per client: `afterBound`, then accept4() in a loop (`acceptLine` replaces the default
// line), a calloc'd struct client with its fd set, then `named` (peer and length in scope: its
// name), and link_handler(client) on a detached thread; if none can be made, `who` is named on
// stderr and `release` undoes `named` before the client is freed.
struct CThreadedMain {
    QString setup, afterBound, acceptLine, release;
    QString named = QStringLiteral("        describe((struct sockaddr *)&peer, length, client->name, sizeof client->name);\n");
    QString who = QStringLiteral("client->name");
};
void cThreadedMain(ProgramText &program, const CThreadedMain &parts);
// One epoll loop: the listening socket (non-blocking) in the set as NULL, accept_clients(s) when
// it is ready; for every other event `serve` (client and events[i] in scope), and `afterRound`
// once the round's events are all served.
struct CEpollMain {
    QString setup, serve, afterRound;
};
void cEpollMain(ProgramText &program, const CEpollMain &parts);
void cTcpServer(const CodeSettings &settings, ProgramText &program);
void cChatServer(const CodeSettings &settings, ProgramText &program);
void cTcpClient(const CodeSettings &settings, ProgramText &program);
void cUdp(const CodeSettings &settings, ProgramText &program);
// Mail in C: the addresses parsed first (a bad one is the error), then the program.
Result<void> cMailAddresses(const CodeSettings &settings, ProgramText &program);
void cMail(const CodeSettings &settings, ProgramText &program);
void cInbox(const CodeSettings &settings, ProgramText &program);

inline bool framed(const CodeSettings &settings) { return settings.frame.kind != FrameKind::None; }
// Framing that ends a message with bytes (line, crlf, a delimiter), as against a length prefix or
// a fixed size: the programs differ in how they cut messages and how they frame an answer.
inline bool delimited(const CodeSettings &settings)
{
    const FrameKind kind = settings.frame.kind;
    return kind == FrameKind::Line || kind == FrameKind::Crlf || kind == FrameKind::Delimiter;
}
// Python: cut messages out of the buffer (split_lines for delimited framing, split_messages for
// the others), and the expression that frames `name` to send it.
QString pythonFramed(const CodeSettings &settings, const QString &name);

} // namespace socketeer::code
