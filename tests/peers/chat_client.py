# The chat client of the tutorial's next lesson: one select() over the keyboard and the socket,
# printing the server's lines and sending what the user types. Usage: HOST PORT [CAFILE] (with a
# CA file: over TLS, verified, as Python's ssl documentation shows). Prints "connected <local port>",
# then "got <line>" for every line from the server, and "closed" when the server ends the connection.
# Stdin, one command a line:
#   <text>        sent as one line ("<text>\n") in one send
#   !bytes <text> sent one byte per send, TCP_NODELAY, a short pause between: TCP chunks it all
#   !two <a>|<b>  both lines in a single send
#   !raw <text>   sent without a newline (an unfinished line)
#   !flood <n> <size>  n lines of <size> letters f, one send each, then the line "done"
# At the end of stdin it shuts down its sending side and prints what still comes until the server
# closes (over TLS, which has no half close, it closes at once).
import os
import select
import socket
import ssl
import sys
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
CAFILE = sys.argv[3] if len(sys.argv) > 3 else None

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
s.connect((HOST, PORT))
if CAFILE:
    context = ssl.create_default_context(cafile=CAFILE)
    s = context.wrap_socket(s, server_hostname='localhost')
print('connected', s.getsockname()[1], flush=True)


buffer = b''


def show(data):
    global buffer
    buffer += data
    while b'\n' in buffer:
        line, buffer = buffer.split(b'\n', 1)
        print('got', line.decode('utf-8', 'replace'), flush=True)


def send(typed):
    if typed.startswith(b'!bytes '):
        for byte in typed[7:] + b'\n':
            s.sendall(bytes([byte]))
            time.sleep(0.005)
    elif typed.startswith(b'!two '):
        first, second = typed[5:].split(b'|', 1)
        s.sendall(first + b'\n' + second + b'\n')
    elif typed.startswith(b'!flood '):
        count, size = map(int, typed[7:].split())
        for _ in range(count):
            s.sendall(b'f' * size + b'\n')
        s.sendall(b'done\n')
    elif typed.startswith(b'!raw '):
        s.sendall(typed[5:])
    else:
        s.sendall(typed + b'\n')


# The classic chat client: one select() over the keyboard and the socket.
typing = True
pending = b''
while True:
    watched = [s, sys.stdin] if typing else [s]
    ready = [s] if CAFILE and s.pending() else select.select(watched, [], [])[0]
    if sys.stdin in ready:
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:
            typing = False
            if pending:
                send(pending)
            if CAFILE:
                break   # TLS has no half close: leave now
            s.shutdown(socket.SHUT_WR)
            continue
        pending += chunk
        while b'\n' in pending:
            typed, pending = pending.split(b'\n', 1)
            send(typed)
    if s in ready:
        try:
            data = s.recv(4096)
        except ssl.SSLWantReadError:
            continue
        except OSError:
            data = b''
        if not data:
            print('closed', flush=True)
            break
        show(data)
s.close()
