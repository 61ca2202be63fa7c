# The tutorial's single-client TCP echo server (one client at a time), taking its port from the
# command line (0: let the system choose) and saying which port it got, so tests need no fixed port.
import socket
import sys

HOST = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
BUFSIZ = 1024

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
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
