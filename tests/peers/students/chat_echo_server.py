# A wrong answer to the chat-room lab: the threaded echo server, unchanged. Each client hears only
# its own lines back; nobody else hears them. Usage: chat_echo_server.py [PORT] (0: any, printed).
import socket
import sys
import threading


def link_handler(link, client):
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
