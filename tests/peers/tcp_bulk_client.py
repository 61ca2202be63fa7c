# Sends SIZE pseudo-random bytes (seeded, so reproducible) to HOST PORT from one thread while the
# main thread reads what comes back, then half-closes and reads to the end. Prints "sent <n>"
# and "echo <n> <ok|differs>" comparing what came back with what was sent (an echo server).
import random
import socket
import sys
import threading

HOST = sys.argv[1]
PORT = int(sys.argv[2])
SIZE = int(sys.argv[3])
payload = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7).randbytes(SIZE)

with socket.create_connection((HOST, PORT)) as s:
    def send():
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
    sender = threading.Thread(target=send)
    sender.start()
    got = bytearray()
    while True:
        data = s.recv(65536)
        if not data:
            break
        got += data
    sender.join()
    print('sent', len(payload), flush=True)
    print('echo', len(got), 'ok' if bytes(got) == payload else 'differs', flush=True)
