# The tutorial's line-based chat peer, as a client or a one-client server. A thread prints every
# line that arrives as "line <text>"; each line on stdin is sent with "\n" after it. At stdin's end
# it half-closes, waits for the other side to close, and prints "closed".
#   line_peer.py client HOST PORT     connects; prints "connected"
#   line_peer.py server [PORT]        listens on 127.0.0.1 (0: any free port); prints "listening on PORT",
#                                     then "connected" once a client is there
import socket
import sys
import threading

BUFSIZ = 1024


def receive(sock):
    pending = b''
    while True:
        data = sock.recv(BUFSIZ)
        if not data:
            break
        pending += data
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            print('line', line.decode('utf-8', 'backslashreplace'), flush=True)
    print('closed', flush=True)


def talk(sock):
    print('connected', flush=True)
    reader = threading.Thread(target=receive, args=(sock,))
    reader.start()
    for line in sys.stdin.buffer:   # bytes as given, so a test can send bytes that are not UTF-8
        sock.sendall(line.rstrip(b'\n') + b'\n')
    sock.shutdown(socket.SHUT_WR)
    reader.join()


if sys.argv[1] == 'client':
    with socket.create_connection((sys.argv[2], int(sys.argv[3]))) as s:
        talk(s)
else:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', int(sys.argv[2]) if len(sys.argv) > 2 else 0))
        s.listen(1)
        print('listening on', s.getsockname()[1], flush=True)
        conn, addr = s.accept()
        with conn:
            talk(conn)
