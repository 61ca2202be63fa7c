# The client finding 4 is about: it sends TOTAL bytes (every byte value, in a pattern) to an
# echo server without reading any reply, as fast as the server will take them. When the server
# stops taking more (flow control) or all is sent, it prints "sent <bytes>" and waits for a line on
# stdin. Then it reads every echoed byte back while sending the rest, compares them with what it
# sent and prints "ok <bytes>" or "mismatch at <offset>" / "closed early at <bytes>".
import select
import socket
import sys

HOST, PORT, TOTAL = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pattern = bytes(range(256)) * 256      # 64 KiB
payload = (pattern * (TOTAL // len(pattern) + 1))[:TOTAL]

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.setblocking(False)
print('connected', s.getsockname()[1], flush=True)

sent = 0
while sent < TOTAL:
    # Two seconds without the server taking a byte: it has stopped reading from us.
    _, writable, _ = select.select([], [s], [], 2.0)
    if not writable:
        break
    try:
        sent += s.send(payload[sent:sent + 65536])
    except BlockingIOError:
        pass
print('sent', sent, flush=True)
sys.stdin.readline()

got = bytearray()
while len(got) < TOTAL:
    want_write = [s] if sent < TOTAL else []
    readable, writable, _ = select.select([s], want_write, [], 30.0)
    if not readable and not writable:
        break
    if writable:
        try:
            sent += s.send(payload[sent:sent + 65536])
        except BlockingIOError:
            pass
    if readable:
        try:
            data = s.recv(65536)
        except BlockingIOError:
            continue
        except OSError as e:
            print('error', e, flush=True)
            sys.exit(0)
        if not data:
            print('closed early at', len(got), flush=True)
            sys.exit(0)
        got += data
if bytes(got) == payload:
    print('ok', len(got), flush=True)
else:
    for i in range(min(len(got), TOTAL)):
        if got[i] != payload[i]:
            break
    else:
        i = len(got)
    print('mismatch at', i, 'of', len(got), flush=True)
s.close()
