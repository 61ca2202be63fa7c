// UDP in Python: the tutorial's UDP server (bind, recvfrom, and with echo sendto back) or its
// client (each typed line one datagram to the target, and its answer awaited for a while: UDP may
// lose either). A datagram is a message of its own: no framing needed.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

void pythonUdp(const CodeSettings &s, ProgramText &p)
{
    const bool client = !s.targetHost.isEmpty();
    p.add(uR"(#!/usr/bin/env python3
# @TITLE@
import socket
)");
    if (client)
        p.add(u"import sys\n");
    p.add(uR"(
HOST = @HOST@    # the address to bind
PORT = @PORT@    # 0: any free port (the one bound is printed)
BUFSIZ = 65535    # the largest datagram: a smaller buffer would silently cut longer ones
ENCODING = @ENCODING@    # how text is turned into bytes on the wire, and back
)");
    if (client)
        p.add(uR"(TARGET = (@TARGET_HOST@, @TARGET_PORT@)    # where each line goes
TIMEOUT = 5    # seconds to wait for an answer: UDP does not say when a datagram was lost
)");
    p.add(uR"(

def main():
    with socket.socket(@FAMILY@, socket.SOCK_DGRAM) as s:    $$socket,close
        s.bind((HOST, PORT))    $$bind
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
)");
    if (client)
        p.add(uR"(        s.settimeout(TIMEOUT)
        for re_data in sys.stdin:
            re_data = re_data.rstrip('\r\n')
            s.sendto(re_data.encode(ENCODING), TARGET)    # one line, one datagram $$sendto
            try:
                data, addr = s.recvfrom(BUFSIZ)    $$recvfrom
            except socket.timeout:
                print('No answer within', TIMEOUT, 'seconds', flush=True)
                continue
            print('Received', repr(data.decode(ENCODING, errors='replace')), 'from', addr, flush=True)
)");
    else {
        p.add(uR"(        while True:
            data, addr = s.recvfrom(BUFSIZ)    # one whole datagram, and who sent it $$recvfrom
            print('From', addr, ':', data.decode(ENCODING, errors='replace'), flush=True)
)");
        if (s.echo)
            p.add(u"            s.sendto(data, addr)    # back to its sender $$sendto\n");
    }
    p.add(uR"(

if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
