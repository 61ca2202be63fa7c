# A wrong answer: the student reads what the client sends and prints it, but never sends anything
# back (the sendall() was forgotten). Usage: no_echo_server.py [PORT] (0: any, printed).
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        conn, addr = s.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                print('From client:', data.decode('utf8', 'replace'), flush=True)
