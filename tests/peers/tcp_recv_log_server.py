# Accepts one client and shows each recv() the way the tutorial's server would see it: one line
# "recv <length> <hex>" per call, so a test can count how the stream arrived in pieces. At the
# client's end of stream it prints "eof <total>", answers "got <total>\n" (the other direction
# still works after a half-close) and closes; a reset prints "error ECONNRESET <total>".
# With "quiet" as third argument it prints no recv lines, only "eof <total> <ms> <sha256>" where ms
# is the time from the first byte to the end of stream. "slow" is "quiet" with a small receive
# buffer and a pause after every recv(): a reader that keeps its sender's queue full.
import hashlib
import socket
import sys
import time

PORT = int(sys.argv[1])
HOST = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
MODE = sys.argv[3] if len(sys.argv) > 3 else ''
QUIET = MODE in ('quiet', 'slow')
SLOW = MODE == 'slow'
BUFSIZ = 4096 if SLOW else 65536

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    if SLOW:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)   # inherited by the accepted socket
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        total = 0
        first = None
        digest = hashlib.sha256()
        try:
            while True:
                data = conn.recv(BUFSIZ)
                if not data:
                    break
                if first is None:
                    first = time.monotonic()
                total += len(data)
                digest.update(data)
                if not QUIET:
                    print('recv', len(data), data.hex(), flush=True)
                if SLOW:
                    time.sleep(0.005)
        except ConnectionResetError:
            print('error ECONNRESET', total, flush=True)
            sys.exit(0)
        if QUIET:
            elapsed = 0 if first is None else int((time.monotonic() - first) * 1000)
            print('eof', total, elapsed, digest.hexdigest(), flush=True)
        else:
            print('eof', total, flush=True)
        try:
            conn.sendall(b'got %d\n' % total)
        except OSError as e:
            print('error', e, flush=True)
