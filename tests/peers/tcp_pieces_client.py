# A client that sends its bytes in pieces it chooses, the way a tutorial shows that TCP keeps no
# message boundaries: each piece is one sendall(), and the next one waits for a line on stdin, so
# the receiver has surely read the first before the second leaves. Then it closes.
#   tcp_pieces_client.py PORT HEX [HEX...]
# Prints "sent N" after each piece, "closed" at the end.
import socket
import sys

PORT = int(sys.argv[1])
PIECES = [bytes.fromhex(piece) for piece in sys.argv[2:]]

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(('127.0.0.1', PORT))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for i, piece in enumerate(PIECES):
        if i > 0:
            sys.stdin.readline()      # the test says: the last piece has been read
        s.sendall(piece)
        print('sent', len(piece), flush=True)
    sys.stdin.readline()
print('closed', flush=True)
