# The tutorial's client that says "I am done sending" without hanging up: connects to HOST PORT,
# sends the bytes given in hex, shuts down its writing side (SHUT_WR: the server reads an end of
# stream) and prints everything that still comes back, "Received <hex>" per recv(), then "closed".
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
PAYLOAD = bytes.fromhex(sys.argv[3]) if len(sys.argv) > 3 else b''

with socket.create_connection((HOST, PORT)) as s:
    s.sendall(PAYLOAD)
    s.shutdown(socket.SHUT_WR)
    while True:
        data = s.recv(1024)
        if not data:
            break
        print('Received', data.hex(), flush=True)
    print('closed', flush=True)
