# A chat room in the tutorial's style, written from docs/CHAT.md alone: one select() over the
# listening socket and every client, lines in, lines out. A student's server of the lesson after
# the threaded one, with nicknames and the level 2 commands (/nick, /me, /who, /msg, /topic, /quit).
# Usage: chat_server.py [PORT]   (0 or none: any free port). Listens on 127.0.0.1, prints
# "listening on PORT", then "joined NAME" and "left NAME" as members come and go.
import select
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
MAX_LINE = 8192

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', PORT))
server.listen(16)
print('listening on', server.getsockname()[1], flush=True)

buffers = {}   # socket -> bytes not yet a line
names = {}     # socket -> nickname (bytes), once it has one
order = []     # members, by the time they joined
topic = b''


def send(sock, line):
    try:
        sock.sendall(line + b'\n')
    except OSError:
        pass


def others(sock, line):
    for member in order:
        if member is not sock:
            send(member, line)


def everyone(line):
    for member in order:
        send(member, line)


def by_name(name):
    for member in order:
        if names[member].lower() == name.lower():
            return member
    return None


def leave(sock):
    if sock in names:
        name = names.pop(sock)
        order.remove(sock)
        others(sock, b'*** ' + name + b' left')
        print('left', name.decode('utf-8', 'replace'), flush=True)
    buffers.pop(sock, None)
    sock.close()


def handle(sock, line):
    global topic
    line = line.rstrip(b'\r')
    if sock not in names:
        name = line.strip()
        if not name or b' ' in name or b':' in name or name.startswith((b'*', b'/')):
            send(sock, b'*** nickname refused (space inside): send another')
        elif by_name(name):
            send(sock, b'*** nickname ' + name + b' is taken: send another')
        else:
            names[sock] = name
            order.append(sock)
            send(sock, b'*** you are ' + name)
            if topic:
                send(sock, b'*** topic: ' + topic)
            others(sock, b'*** ' + name + b' joined')
            print('joined', name.decode('utf-8', 'replace'), flush=True)
        return True
    me = names[sock]
    words = line.strip().split(b' ', 1)
    command = words[0].lower() if line.strip().startswith(b'/') else b''
    argument = words[1].strip() if len(words) > 1 else b''
    if line.startswith(b'//'):
        others(sock, me + b': ' + line[1:])
    elif command == b'/me':
        others(sock, b'* ' + me + b' ' + argument)
    elif command == b'/who':
        send(sock, b'*** in the room (%d): ' % len(order) + b', '.join(names[m] for m in order))
    elif command == b'/msg':
        parts = argument.split(b' ', 1)
        to = by_name(parts[0]) if parts[0] else None
        if len(parts) < 2:
            send(sock, b'*** usage: /msg NAME TEXT')
        elif to is None:
            send(sock, b'*** no one here is called ' + parts[0] + b': not sent')
        else:
            send(to, b'*' + me + b'* ' + parts[1])
            send(sock, b'-> *' + names[to] + b'* ' + parts[1])
    elif command == b'/nick':
        if by_name(argument):
            send(sock, b'*** nickname ' + argument + b' is taken: you are still ' + me)
        else:
            names[sock] = argument
            send(sock, b'*** you are now ' + argument)
            others(sock, b'*** ' + me + b' is now ' + argument)
    elif command == b'/topic':
        topic = argument
        everyone(b'*** ' + me + b' set the topic: ' + topic)
    elif command == b'/quit':
        send(sock, b'*** bye')
        return False
    elif command:
        send(sock, b'*** unknown command ' + command + b': /help lists them')
    elif line.strip():
        others(sock, me + b': ' + line)
    return True


while True:
    readable, _, _ = select.select([server] + list(buffers), [], [])
    for sock in readable:
        if sock is server:
            client, _ = server.accept()
            buffers[client] = b''
            send(client, b'*** welcome: send your nickname on the first line')
            continue
        try:
            data = sock.recv(4096)
        except OSError:
            data = b''
        if not data:
            leave(sock)
            continue
        buffers[sock] += data
        staying = True
        while staying and b'\n' in buffers[sock]:
            line, buffers[sock] = buffers[sock].split(b'\n', 1)
            staying = handle(sock, line)
        if not staying:
            leave(sock)
        elif len(buffers[sock]) > MAX_LINE:
            buffers[sock] = b''
            send(sock, b'*** line too long (more than 8192 bytes): not relayed')
