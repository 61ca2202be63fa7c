# A wrong answer to the tcp-client lab, the tutorial's own slip: it sends "hello" without the
# newline the server reads lines by, then waits for an answer that never comes.
# Usage: no_newline_client.py HOST PORT
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall('hello'.encode('utf8'))
    data = s.recv(1024)
    print('Received', repr(data.decode('utf8')), flush=True)
