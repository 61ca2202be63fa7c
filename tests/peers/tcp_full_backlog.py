# Listening sockets that answer no new connection, the way an overloaded server does: each one
# listens with a backlog of 0 and is given connections (that nobody accepts) until its queue is
# full; from then on Linux drops every SYN to it, so a connect() there waits until its timeout.
# A stand-in, on loopback, for an address that never answers.
# Usage: tcp_full_backlog.py N   prints "listening on P1 P2 ... PN", stays until stdin closes.
import socket
import sys

count = int(sys.argv[1])
listeners, fillers = [], []
for _ in range(count):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(('127.0.0.1', 0))
    listener.listen(0)
    listeners.append(listener)
    # One completed connection fills a backlog of 0; two more, non-blocking, make sure of it
    # whatever the kernel counts (they stay in SYN_SENT themselves).
    for _ in range(3):
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        filler.connect_ex(listener.getsockname())
        fillers.append(filler)
print('listening on', ' '.join(str(l.getsockname()[1]) for l in listeners), flush=True)
sys.stdin.read()
