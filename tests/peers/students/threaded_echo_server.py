# A student's correct answer to the threaded-echo-server lab: the tutorial's multi-threaded server,
# one thread per client (link_handler). Usage: threaded_echo_server.py [PORT] (0: any, printed).
import socket
import sys
import threading


def link_handler(link, client):
    print('Connected by', client, flush=True)
    with link:
        while True:
            data = link.recv(1024)
            if not data:
                break
            link.sendall(data)


ip_port = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(5)
print('listening on', sk.getsockname()[1], flush=True)
while True:
    conn, address = sk.accept()
    threading.Thread(target=link_handler, args=(conn, address), daemon=True).start()
