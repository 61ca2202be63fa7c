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
void pythonChatServer(const CodeSettings &settings, ProgramText &program);
void pythonFraming(const CodeSettings &settings, ProgramText &program, bool splitter);

// The start of every C program: includes, settings and the helpers a program asks for.
struct CNeeds {
    bool threads = false;      // pthread.h
    bool epoll = false;        // sys/epoll.h
    bool poll = false;         // poll.h
    bool sendAll = false;      // send_all(): a blocking send of every byte
    bool boundSocket = false;  // bound_socket() and print_bound(): a server's socket, and its "listening on"
};
void cCommon(const CodeSettings &settings, ProgramText &program, const CNeeds &needs);
void cTcpServer(const CodeSettings &settings, ProgramText &program);
void cChatServer(const CodeSettings &settings, ProgramText &program);
void cTcpClient(const CodeSettings &settings, ProgramText &program);
void cUdp(const CodeSettings &settings, ProgramText &program);

inline bool framed(const CodeSettings &settings) { return settings.frame.kind != FrameKind::None; }

} // namespace socketeer::code
