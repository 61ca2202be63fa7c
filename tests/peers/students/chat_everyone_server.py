# A wrong answer to the chat-room lab: a chat room that relays each line to every client, the
# sender included, so everyone hears their own lines back. Usage: chat_everyone_server.py [PORT].
import socket
import sys
import threading

clients = []
lock = threading.Lock()


def broadcast(data):
    with lock:
        for conn, name in clients:
            try:
                conn.sendall(data)
            except OSError:
                pass


def link_handler(link, client):
    name = ('%s:%d' % client[:2]).encode()
    with lock:    # the others hear it joined, and it is in the room, in one step
        for conn, _ in clients:
            conn.sendall(b'*** ' + name + b' joined\n')
        clients.append((link, name))
        link.sendall(b'*** you are ' + name + b'\n')
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
                    broadcast(name + b': ' + line + b'\n')    # the mistake: to the sender as well
        except OSError:
            pass
        with lock:
            clients.remove((link, name))
    broadcast(b'*** ' + name + b' left\n')


ip_port = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(5)
print('listening on', sk.getsockname()[1], flush=True)
while True:
    conn, address = sk.accept()
    threading.Thread(target=link_handler, args=(conn, address), daemon=True).start()
