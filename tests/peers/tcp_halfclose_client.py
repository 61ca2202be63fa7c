# The tutorial's client that says "I am done sending" without hanging up: connects to HOST PORT,
# sends the bytes given in hex, shuts down its writing side (SHUT_WR: the server reads an end of
# stream) and prints everything that still comes back, "Received <hex>" per recv(), then "closed".
# With "timed" as fourth argument it first prints "answered <ms>": from the shutdown to the first
# byte back (a server that answers the end of stream).
import socket
import sys
import time

HOST = sys.argv[1]
PORT = int(sys.argv[2])
PAYLOAD = bytes.fromhex(sys.argv[3]) if len(sys.argv) > 3 else b''

with socket.create_connection((HOST, PORT)) as s:
    s.sendall(PAYLOAD)
    s.shutdown(socket.SHUT_WR)
    shut = time.monotonic()
    timed = len(sys.argv) > 4 and sys.argv[4] == 'timed'
    while True:
        data = s.recv(1024)
        if not data:
            break
        if timed:
            print('answered %.3f' % ((time.monotonic() - shut) * 1000), flush=True)
            timed = False
        print('Received', data.hex(), flush=True)
    print('closed', flush=True)
