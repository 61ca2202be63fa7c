# A wrong answer to the chat-room lab: the room's relay is right, but there is no thread per client:
# the server serves one client until it leaves, then accepts the next, so the room never has two
# members. Usage: chat_one_at_a_time_server.py [PORT] (0: any, printed).
import socket
import sys

clients = []


def broadcast(sender, data):
    for conn in clients:
        if conn is not sender:
            conn.sendall(data)


ip_port = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(5)
print('listening on', sk.getsockname()[1], flush=True)
while True:
    conn, address = sk.accept()    # the mistake: the next accept() waits until this client leaves
    name = ('%s:%d' % address[:2]).encode()
    clients.append(conn)
    with conn:
        conn.sendall(b'*** you are ' + name + b'\n')
        buffer = b''
        while True:
            data = conn.recv(1024)
            if not data:
                break
            buffer += data
            while b'\n' in buffer:
                line, buffer = buffer.split(b'\n', 1)
                broadcast(conn, name + b': ' + line + b'\n')
    clients.remove(conn)
