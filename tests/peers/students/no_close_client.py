# A wrong answer to the tcp-client lab: the client sends and reads the answer, then keeps the
# connection open (it waits for more instead of closing). Usage: no_close_client.py HOST PORT
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((sys.argv[1], int(sys.argv[2])))
s.sendall('hello\n'.encode('utf8'))
print('Received', repr(s.recv(1024).decode('utf8')), flush=True)
while s.recv(1024):
    pass
