# Shows what TCP's stream looks like to a reader: connects to 127.0.0.1 PORT, sends HEX in one
# sendall(), then reads until as many bytes have come back and prints the size of every recv() as
# "recv N" and at the end "got HEX". With pieces of one byte sliced by a relay, a tutorial's single
# recv(1024) would have seen only the first.
#   tcp_recv_sizes.py PORT HEX
import socket
import sys

PORT = int(sys.argv[1])
PAYLOAD = bytes.fromhex(sys.argv[2])

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.settimeout(30)
    s.connect(('127.0.0.1', PORT))
    s.sendall(PAYLOAD)
    got = b''
    while len(got) < len(PAYLOAD):
        data = s.recv(1024)
        if not data:
            break
        print('recv', len(data), flush=True)
        got += data
    print('got', got.hex(), flush=True)
