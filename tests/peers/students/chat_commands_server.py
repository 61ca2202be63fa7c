# A student's answer to the chat-commands lab (docs/CHAT.md, level 2): the threaded chat room of
# chat_server.py with nicknames and commands. The first line is the nickname (compared after NFKC
# and case folding); a line starting with '/' is a command. Usage: chat_commands_server.py [PORT]
# [MISTAKE] (PORT 0: any, printed). MISTAKE makes it one of the wrong answers the lab must catch:
#   case-sensitive   ALICE is not alice
#   who-to-all       /who is answered to everyone
#   relay-unknown    an unknown /WORD is relayed as a message
#   no-close         /quit says bye but keeps the connection
import socket
import sys
import threading
import unicodedata

MISTAKE = sys.argv[2] if len(sys.argv) > 2 else ''
clients = []    # [connection, name] of everyone in the room, in the order they joined
topic = b''
lock = threading.Lock()


def key(name):
    text = unicodedata.normalize('NFKC', name.decode('utf-8', 'replace'))
    return text if MISTAKE == 'case-sensitive' else text.casefold()


def send_to(conns, data):
    for conn in conns:
        try:
            conn.sendall(data)
        except OSError:
            pass    # its own thread notices, and leaves


def others(sender):
    return [conn for conn, name in clients if conn is not sender]


def everyone():
    return [conn for conn, name in clients]


def find(name):
    for entry in clients:
        if key(entry[1]) == key(name):
            return entry
    return None


def command(link, me, line):
    """Runs one command; returns False when the client quits."""
    global topic
    word, _, args = line.partition(b' ')
    word, args = word.lower(), args.strip()
    with lock:
        if word == b'/who':
            answer = b'*** in the room (%d): ' % len(clients) + b', '.join(name for conn, name in clients) + b'\n'
            send_to(everyone() if MISTAKE == 'who-to-all' else [link], answer)
        elif word == b'/msg':
            to, _, text = args.partition(b' ')
            target = find(to)
            if target is None:
                link.sendall(b'*** no one here is called ' + to + b': not sent\n')
            else:
                send_to([target[0]], b'*' + me[1] + b'* ' + text + b'\n')
                link.sendall(b'-> *' + target[1] + b'* ' + text + b'\n')
        elif word == b'/me':
            send_to(others(link), b'* ' + me[1] + b' ' + args + b'\n')
        elif word == b'/nick':
            if find(args) is not None and find(args) is not me:
                link.sendall(b'*** nickname ' + args + b' is taken: you are still ' + me[1] + b'\n')
            else:
                old, me[1] = me[1], args
                link.sendall(b'*** you are now ' + args + b'\n')
                send_to(others(link), b'*** ' + old + b' is now ' + args + b'\n')
        elif word == b'/topic':
            topic = args
            send_to(everyone(), b'*** ' + me[1] + b' set the topic: ' + args + b'\n')
        elif word == b'/quit':
            link.sendall(b'*** bye\n')
            return MISTAKE == 'no-close'
        elif MISTAKE == 'relay-unknown':
            send_to(others(link), me[1] + b': ' + line + b'\n')
        else:
            link.sendall(b'*** unknown command ' + word + b': /help lists them, //TEXT sends a line that starts with /\n')
    return True


def lines(link):
    buffer = b''
    while True:
        data = link.recv(1024)
        if not data:
            return
        buffer += data
        while b'\n' in buffer:
            line, buffer = buffer.split(b'\n', 1)
            yield line.rstrip(b'\r')


def link_handler(link, client):
    me = None
    with link:
        try:
            link.sendall(b'*** welcome: send your nickname on the first line\n')
            for line in lines(link):
                if me is None:    # still choosing a nickname
                    name = line.strip()
                    with lock:
                        if not name:
                            continue
                        if find(name) is not None:
                            link.sendall(b'*** nickname ' + name + b' is taken: send another\n')
                            continue
                        me = [link, name]
                        clients.append(me)
                        link.sendall(b'*** you are ' + name + b'\n')
                        if topic:
                            link.sendall(b'*** topic: ' + topic + b'\n')
                        send_to(others(link), b'*** ' + name + b' joined\n')
                elif line.startswith(b'//'):
                    with lock:
                        send_to(others(link), me[1] + b': ' + line[1:] + b'\n')
                elif line.startswith(b'/'):
                    if not command(link, me, line):
                        break
                elif line.strip():
                    with lock:
                        send_to(others(link), me[1] + b': ' + line + b'\n')
        except OSError:
            pass
        if me is not None:
            with lock:
                clients.remove(me)
                send_to(everyone(), b'*** ' + me[1] + b' left\n')


ip_port = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(5)
print('listening on', sk.getsockname()[1], flush=True)
while True:
    conn, address = sk.accept()
    threading.Thread(target=link_handler, args=(conn, address), daemon=True).start()
