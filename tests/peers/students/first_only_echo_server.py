# A wrong answer: recv() and sendall() are not in a loop, so only the first message of a client
# comes back; the server then waits in accept() for the next client while this one stays open.
# Usage: first_only_echo_server.py [PORT] (0: any, printed).
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
        clients.append(conn)   # never closed: the client sees no end, only silence
        data = conn.recv(1024)
        conn.sendall(data)
