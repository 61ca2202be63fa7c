# Senders and a baseline receiver for bench/uiflood (the panels' flood benchmark), written like
# the tutorial's programs: plain sockets, nothing else.
#
#   flood_peers.py tcp-source  PORT_FILE BYTES          listen on 127.0.0.1:0, send BYTES to the one client
#   flood_peers.py tcp-many    PORT CLIENTS BYTES       CLIENTS connections, each sends BYTES at once
#   flood_peers.py udp-paced   PORT COUNT INTERVAL_MS   one 64-byte datagram every INTERVAL_MS
#   flood_peers.py udp-flood   PORT COUNT               COUNT 64-byte datagrams as fast as sendto() goes
#   flood_peers.py udp-recv                             the baseline: a plain recvfrom() loop, until 0.5 s of quiet
import socket
import sys
import threading
import time

mode = sys.argv[1]
BLOCK = bytes(range(256)) * 1024   # 256 KiB


def send_bytes(conn, count):
    view = memoryview(BLOCK)
    while count > 0:
        n = min(count, len(BLOCK))
        conn.sendall(view[:n])
        count -= n


if mode == 'tcp-source':
    count = int(sys.argv[3])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        s.listen(1)
        print('listening on', s.getsockname()[1], flush=True)
        conn, addr = s.accept()
        with conn:
            send_bytes(conn, count)
    print('sent', count, flush=True)

elif mode == 'tcp-many':
    port, clients, count = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    sockets = [socket.create_connection(('127.0.0.1', port)) for _ in range(clients)]
    print('connected', clients, flush=True)
    go = threading.Event()

    def run(conn):
        go.wait()
        send_bytes(conn, count)
        conn.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in sockets]
    for t in threads:
        t.start()
    go.set()   # all at once
    for t in threads:
        t.join()
    print('sent', clients * count, flush=True)

elif mode == 'udp-paced':
    port, count, interval = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]) / 1000
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        start = time.monotonic()
        for i in range(count):
            delay = start + i * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            s.sendto(b'%08d' % i + b'.' * 56, ('127.0.0.1', port))
    print('sent', count, flush=True)

elif mode == 'udp-flood':
    port, count = int(sys.argv[2]), int(sys.argv[3])
    payload = b'x' * 64
    sent = 0
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _ in range(count):
            try:
                s.sendto(payload, ('127.0.0.1', port))
                sent += 1
            except (BlockingIOError, ConnectionRefusedError):
                pass
    print('sent', sent, flush=True)

elif mode == 'udp-recv':
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(('127.0.0.1', 0))
        print('bound', s.getsockname()[1], flush=True)
        s.settimeout(60)   # until the sender starts
        received = 0
        try:
            data, addr = s.recvfrom(65536)
            received = 1
            s.settimeout(0.5)
            while True:
                data, addr = s.recvfrom(65536)
                received += 1
        except socket.timeout:
            pass
    print('received', received, flush=True)
