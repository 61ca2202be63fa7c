// The TCP client in Python: the tutorial's client (a line typed, the server's answer printed)
// with sendall, `with`, the chosen encoding, TLS verified, and whole lines under framing.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

void pythonTcpClient(const CodeSettings &s, ProgramText &p)
{
    const bool f = framed(s);
    p.add(uR"(#!/usr/bin/env python3
# @TITLE@
import socket
)");
    if (s.tls)
        p.add(u"import ssl\n");
    p.add(uR"(import sys

HOST = @HOST@    # the server
PORT = @PORT@
BUFSIZ = 4096
ENCODING = @ENCODING@    # how text is turned into bytes on the wire, and back
)");
    if (s.tls)
        p.add(u"CAFILE = @CAFILE@    # None: trust the system's certificate authorities only\n");
    pythonFraming(s, p, false);
    p.add(uR"(

def talk(s):
    """Sends each line typed (or piped in) and prints the server's answer to it."""
)");
    if (f)
        p.add(u"    buffer = b''\n");
    if (f && !delimited(s))
        p.add(u"    pending = []    # whole answers cut out of the stream, not printed yet\n");
    p.add(uR"(    for re_data in sys.stdin:
        re_data = re_data.rstrip('\r\n')
)");
    if (f && !delimited(s)) {
        p.add(uR"(        try:
            message = frame(re_data.encode(ENCODING))
        except ValueError as error:
            print('Not sent:', error, flush=True)
            continue
        s.sendall(message)    # sendall: send() may take only part $$send
        while not pending:    # an answer may come in pieces: read until a whole message is there
            data = s.recv(BUFSIZ)    $$recv
            if not data:
                print('The server closed the connection', flush=True)
                return
            answers, buffer = split_messages(buffer + data)
            pending += answers
        # The first whole message is the answer; any after it wait for the next line typed.
        answer = pending.pop(0)
        print('Received', repr(answer.decode(ENCODING, errors='replace')), flush=True)
)");
    } else if (f) {
        p.add(uR"(        s.sendall(re_data.encode(ENCODING) + DELIMITER)    # sendall: send() may take only part $$send
        while DELIMITER not in buffer:    # an answer may come in pieces: read until a whole line is there
            if len(buffer) > MAX_LINE:
                raise ValueError('an answer longer than {} bytes'.format(MAX_LINE))
            data = s.recv(BUFSIZ)    $$recv
            if not data:
                print('The server closed the connection', flush=True)
                return
            buffer += data
        # The first whole line is the answer; what came after it stays for the next one.
        line, _, buffer = buffer.partition(DELIMITER)
)");
        if (s.frame.kind == FrameKind::Line)
            p.add(u"        line = line.removesuffix(b'\\r')    # a CR LF line end counts too\n");
        p.add(u"        print('Received', repr(line.decode(ENCODING, errors='replace')), flush=True)\n");
    } else
        p.add(uR"(        s.sendall(re_data.encode(ENCODING) + b'\n')    # sendall: send() may take only part $$send
        data = s.recv(BUFSIZ)    # what has arrived so far: TCP keeps no message boundaries $$recv
        if not data:
            print('The server closed the connection', flush=True)
            return
        print('Received', repr(data.decode(ENCODING, errors='replace')), flush=True)
)");
    p.add(uR"(

def main():
    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        s.connect((HOST, PORT))    $$connect
)");
    if (s.tls)
        p.add(uR"(        # Verifies the server's certificate and that it is for HOST; refuses the connection if not.
        context = ssl.create_default_context(cafile=CAFILE)
        with context.wrap_socket(s, server_hostname=HOST) as tls:
            print('connected to', HOST, PORT, 'over', tls.version(), flush=True)
            talk(tls)
)");
    else
        p.add(uR"(        print('connected to', HOST, PORT, flush=True)
        talk(s)
)");
    p.add(uR"(

if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
