# The tutorial's UDP server, scripted: binds HOST:PORT (0: any free port), prints the port, and for
# each datagram prints "From <host> <port> <hex>" and sends the same bytes back (the tutorial
# answers with typed input; a test needs a predictable answer).
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
HOST = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
BUFSIZ = 65535
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.bind((HOST, PORT))
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(BUFSIZ)
        print('From', addr[0], addr[1], data.hex(), flush=True)
        s.sendto(data, addr)
