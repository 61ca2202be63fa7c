# Connects to HOST PORT and never reads: the client a server must not let grow its memory.
# Prints "connected <local port>", then waits until stdin closes.
import socket
import sys

HOST, PORT = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.connect((HOST, PORT))
print('connected', s.getsockname()[1], flush=True)
sys.stdin.read()
s.close()
