# A student's echo server that answers only when told to: each message it receives is announced on
# stdout ("got N bytes") and sent back only after a line comes on its stdin, then "echoed" is
# printed. Tests use it for a reply that comes long after the lab sent, at a moment they choose.
# Usage: cued_echo_server.py [PORT] (0 or none: any free port, printed).
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
    conn, addr = s.accept()
    with conn:
        while True:
            data = conn.recv(BUFSIZ)
            if not data:
                break
            print('got', len(data), 'bytes', flush=True)
            if not sys.stdin.readline():
                break
            conn.sendall(data)
            print('echoed', flush=True)
