# A student's correct answer to the tcp-client lab: the tutorial's TCP client, scripted. It
# connects to HOST PORT, sends "hello\n" as UTF-8, prints the reply and closes.
# Usage: hello_client.py HOST PORT
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
BUFSIZ = 1024

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall('hello\n'.encode('utf8'))
    data = s.recv(BUFSIZ)
    print('Received', repr(data.decode('utf8')), flush=True)
