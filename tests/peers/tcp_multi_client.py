# N clients at once, each in its own thread as in the tutorial's threaded server, each connecting to
# HOST PORT, sending "client <i>" (UTF-8) and waiting for exactly that echo. Prints "connected <n>"
# once all are connected, waits for a line on stdin (so the test can look at the server with every
# client connected), then runs the exchanges, prints "ok <n>" and exits.
import socket
import sys
import threading

HOST, PORT, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
socks = []
for i in range(N):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    socks.append(s)
print('connected', N, flush=True)
sys.stdin.readline()

ok = []
lock = threading.Lock()


def talk(i, s):
    msg = ('client %d 你好' % i).encode('utf8')
    s.sendall(msg)
    got = b''
    while len(got) < len(msg):
        data = s.recv(1024)
        if not data:
            break
        got += data
    with lock:
        if got == msg:
            ok.append(i)


threads = [threading.Thread(target=talk, args=(i, s)) for i, s in enumerate(socks)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for s in socks:
    s.close()
print('ok', len(ok), flush=True)
