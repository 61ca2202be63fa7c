# A wrong answer that never answers and never closes: it accepts and then does nothing, so every
# expectation must end at its timeout rather than wait forever. Usage: silent_server.py [PORT].
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    s.listen(5)
    print('listening on', s.getsockname()[1], flush=True)
    clients = []
    while True:
        conn, addr = s.accept()
        clients.append(conn)
