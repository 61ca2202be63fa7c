# Opens N connections to HOST PORT one after the other and keeps them open. Prints "connected <n>",
# then waits for a line on stdin. Then it sends one byte on each and waits for each to answer:
# an echo server's accepted clients send the byte back; a refused connection reads end-of-file or
# a reset. Prints "echoed <a> refused <b>" and closes them all.
import select
import socket
import sys

HOST, PORT, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
socks = []
for i in range(N):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    socks.append(s)
print('connected', N, flush=True)
sys.stdin.readline()

echoed = refused = 0
for s in socks:
    try:
        s.sendall(b'x')
    except OSError:
        refused += 1
        s.close()
        continue
    readable, _, _ = select.select([s], [], [], 30.0)
    try:
        data = s.recv(1) if readable else b'?'
    except OSError:
        data = b''
    if data == b'x':
        echoed += 1
    elif data == b'':
        refused += 1
    s.close()
print('echoed', echoed, 'refused', refused, flush=True)
