# Accepts one client and never reads from it, with a small receive buffer: the peer whose client
# must not let its send queue grow without bound. Waits until stdin closes.
import socket
import sys

PORT = int(sys.argv[1])
HOST = sys.argv[2]

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)   # inherited by the accepted socket
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    print('Connected by', addr, flush=True)
    sys.stdin.read()
    conn.close()
