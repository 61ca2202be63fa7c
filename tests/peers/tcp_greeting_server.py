# Greets one client and hangs up at once, without reading: the peer that closes first. The greeting
# is given in hex on the command line so any bytes can be sent.
import socket
import sys

PORT = int(sys.argv[1])
HOST = sys.argv[2]
GREETING = bytes.fromhex(sys.argv[3])

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        print('Connected by', addr, flush=True)
        conn.sendall(GREETING)
