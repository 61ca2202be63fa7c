# Measures round trips the simple way: connects to HOST PORT (an echo server, perhaps through a
# relay), prints "connected", then for every line on stdin sends b"ping\n", waits for the 5 bytes
# to come back and prints "rtt <milliseconds>" (time.monotonic, fractional). Ends when stdin ends.
import socket
import sys
import time

HOST = sys.argv[1]
PORT = int(sys.argv[2])

with socket.create_connection((HOST, PORT)) as s:
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print('connected', flush=True)
    for line in sys.stdin:
        start = time.monotonic()
        s.sendall(b'ping\n')
        got = b''
        while len(got) < 5:
            data = s.recv(1024)
            if not data:
                print('closed', flush=True)
                sys.exit(1)
            got += data
        print('rtt %.3f' % ((time.monotonic() - start) * 1000), flush=True)
