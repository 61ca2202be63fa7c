# A UDP receiver that counts: binds HOST:PORT (0: any free port), prints "listening on PORT", and
# for each datagram "seq N" prints "got N" and answers the sender with "ack N", so a paced sender
# (udp_paced_sender.py) never has more than its window in flight. The receive buffer is made
# large, so nothing is lost between this socket and the sender but what the path itself drops.
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
HOST = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
BUFSIZ = 65535
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    s.bind((HOST, PORT))
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(BUFSIZ)
        if data.startswith(b'seq '):
            print('got', int(data[4:]), flush=True)
            s.sendto(b'ack ' + data[4:], addr)
