# A fast UDP sender, paced so that loopback loses nothing: sends COUNT datagrams "seq N" to
# HOST PORT, never more than WINDOW ahead of what the receiver has acknowledged (it answers with
# "ack TOTAL" datagrams), then prints "sent COUNT". Without the window a sender outruns any
# receiver's socket buffer, and UDP drops what does not fit.
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
COUNT = int(sys.argv[3])
WINDOW = int(sys.argv[4]) if len(sys.argv) > 4 else 64
BUFSIZ = 65535
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.settimeout(10)
    print('ready', flush=True)
    sent = acked = 0
    while acked < COUNT:
        while sent < COUNT and sent - acked < WINDOW:
            s.sendto(b'seq %d' % sent, (HOST, PORT))
            sent += 1
        data, addr = s.recvfrom(BUFSIZ)
        if data.startswith(b'ack '):
            acked = max(acked, int(data[4:]))
    print('sent', sent, flush=True)
