# A UDP sender for a lossy path: sends COUNT datagrams "seq N" to HOST PORT, never more than WINDOW
# beyond the highest "ack N" the receiver (udp_seq_receiver.py) sent back. A datagram that was lost
# is not sent again (this measures loss, it does not repair it): an ack for a later one moves the
# window past it, and when no ack comes for a second the window moves on anyway. Prints "ready",
# then "sent COUNT" at the end.
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
COUNT = int(sys.argv[3])
WINDOW = int(sys.argv[4]) if len(sys.argv) > 4 else 64
BUFSIZ = 65535
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.settimeout(1)
    print('ready', flush=True)
    sent = acked = 0
    while sent < COUNT:
        while sent < COUNT and sent - acked < WINDOW:
            s.sendto(b'seq %d' % sent, (HOST, PORT))
            sent += 1
        try:
            data, addr = s.recvfrom(BUFSIZ)
            if data.startswith(b'ack '):
                acked = max(acked, int(data[4:]) + 1)
        except socket.timeout:
            acked = sent
    print('sent', sent, flush=True)
