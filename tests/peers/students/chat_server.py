# A student's correct answer to the chat-room lab: the tutorial's threaded server grown into a chat
# room. Each client has a thread; `clients` (under a lock) is the room; every line goes to all the
# others as "NAME: TEXT", NAME the client's address. Usage: chat_server.py [PORT] (0: any, printed).
import socket
import sys
import threading

clients = []    # (connection, name) of everyone in the room
lock = threading.Lock()


def broadcast(sender, data):
    with lock:
        for conn, name in clients:
            if conn is not sender:
                try:
                    conn.sendall(data)
                except OSError:
                    pass    # its own thread notices, and leaves


def link_handler(link, client):
    name = ('%s:%d' % client[:2]).encode()
    with lock:
        clients.append((link, name))
        link.sendall(b'*** you are ' + name + b'\n')
    broadcast(link, b'*** ' + name + b' joined\n')
    buffer = b''
    with link:
        try:
            while True:
                data = link.recv(1024)
                if not data:
                    break
                buffer += data
                while b'\n' in buffer:
                    line, buffer = buffer.split(b'\n', 1)
                    if line.strip():
                        broadcast(link, name + b': ' + line + b'\n')
        except OSError:
            pass
        with lock:
            clients.remove((link, name))
    broadcast(link, b'*** ' + name + b' left\n')


ip_port = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(5)
print('listening on', sk.getsockname()[1], flush=True)
while True:
    conn, address = sk.accept()
    threading.Thread(target=link_handler, args=(conn, address), daemon=True).start()
