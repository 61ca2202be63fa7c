# A student's correct answer to the echo-server lab: the tutorial's TCP echo server, one client at
# a time, every byte sent back. Usage: echo_server.py [PORT] (0 or none: any free port, printed).
import socket
import sys

HOST = '127.0.0.1'
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
BUFSIZ = 1024

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        conn, addr = s.accept()
        with conn:
            print('Connected by', addr, flush=True)
            while True:
                data = conn.recv(BUFSIZ)
                if not data:
                    break
                conn.sendall(data)
