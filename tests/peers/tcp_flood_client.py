# A sender that does not stop: connects to HOST PORT and sends 64 KiB blocks until LIMIT bytes
# are gone or one send() waits longer than TIMEOUT seconds (the other side stopped taking them:
# flow control). Prints "blocked <n>" or "sent all <n>", then waits for stdin to close.
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
LIMIT = int(sys.argv[3])
TIMEOUT = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0
BLOCK = b'x' * 65536

with socket.create_connection((HOST, PORT)) as s:
    s.settimeout(TIMEOUT)
    total = 0
    try:
        while total < LIMIT:
            total += s.send(BLOCK)
        print('sent all', total, flush=True)
    except socket.timeout:
        print('blocked', total, flush=True)
    sys.stdin.read()
