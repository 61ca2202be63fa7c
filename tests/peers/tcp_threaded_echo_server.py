# The tutorial's multi-threaded TCP echo server: one thread per connection (link_handler).
import socket
import sys
import threading


def link_handler(link, client):
    print('Connected by ', client, flush=True)
    while True:
        data = link.recv(1024)
        if not data:
            break
        link.sendall(data)
    link.close()


ip_port = (sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(128)
print('listening on', sk.getsockname()[1], flush=True)

while True:
    conn, address = sk.accept()
    t = threading.Thread(target=link_handler, args=(conn, address), daemon=True)
    t.start()
