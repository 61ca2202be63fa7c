# Accepts one client and then vanishes the rude way: SO_LINGER with a zero timeout makes close()
# send a reset (RST) instead of a FIN, as a crashed or killed server's host would. Without
# AFTER_BYTES it resets when a line arrives on stdin; with it, once that many bytes have come in
# (the client is then in the middle of sending).
import socket
import struct
import sys

PORT = int(sys.argv[1])
HOST = sys.argv[2]
AFTER_BYTES = int(sys.argv[3]) if len(sys.argv) > 3 else None

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    print('Connected by', addr, flush=True)
    if AFTER_BYTES is None:
        sys.stdin.readline()
    else:
        got = 0
        while got < AFTER_BYTES:
            data = conn.recv(65536)
            if not data:
                break
            got += len(data)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    conn.close()
    print('reset', flush=True)
    sys.stdin.read()
