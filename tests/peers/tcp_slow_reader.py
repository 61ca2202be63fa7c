# A client that reads, but slowly: connects to HOST PORT with a small receive buffer, prints
# "connected <local port>", waits for a line on stdin, then reads CHUNK bytes at a time with a
# short pause between reads until the server closes. Prints "got <bytes> <sha256>" and then "eof"
# for an orderly end, or "error <what>" if the connection was reset instead. With a fifth argument
# it stops after that many bytes (a server that keeps the connection open) and prints "got" only.
# A sixth sets the receive buffer (default 4096, so the server's queue holds what it sends; 0
# leaves the system's, for a reader paced by its pauses alone).
import hashlib
import socket
import sys
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
CHUNK = int(sys.argv[3]) if len(sys.argv) > 3 else 16384
PAUSE = float(sys.argv[4]) if len(sys.argv) > 4 else 0.002
LIMIT = int(sys.argv[5]) if len(sys.argv) > 5 else None
RCVBUF = int(sys.argv[6]) if len(sys.argv) > 6 else 4096
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
if RCVBUF:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
s.connect((HOST, PORT))
print('connected', s.getsockname()[1], flush=True)
sys.stdin.readline()

digest = hashlib.sha256()
total = 0
try:
    while True:
        data = s.recv(CHUNK if LIMIT is None else min(CHUNK, LIMIT - total))
        if not data:
            break
        digest.update(data)
        total += len(data)
        if LIMIT is not None and total >= LIMIT:
            print('got', total, digest.hexdigest(), flush=True)
            sys.exit(0)
        if PAUSE:
            time.sleep(PAUSE)
except OSError as e:
    print('got', total, digest.hexdigest(), flush=True)
    print('error', e, flush=True)
    sys.exit(0)
print('got', total, digest.hexdigest(), flush=True)
print('eof', flush=True)
s.close()
