# Sends one client COUNT bytes as fast as it will take them — the bytes 0..255 over and over, so
# the test can check every one — then closes: a flood for a client's receive path.
import socket
import sys

PORT = int(sys.argv[1])
HOST = sys.argv[2]
COUNT = int(sys.argv[3])
BLOCK = bytes(range(256)) * 256   # 64 KiB; COUNT must be a multiple of 256

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        print('Connected by', addr, flush=True)
        left = COUNT
        while left > 0:
            chunk = BLOCK[:left]
            conn.sendall(chunk)
            left -= len(chunk)
        print('sent', COUNT, flush=True)
