# A wrong answer that floods: for each client it sends the same line again and again, as fast as
# the client takes it, until the client goes. The lab must stop reading at its bound and fail the
# step, not read without end. Usage: flood_server.py [PORT] (0: any, printed).
import socket
import sys
import threading


def flood(conn):
    line = b'spam spam spam spam spam spam spam spam\n' * 100
    with conn:
        try:
            while True:
                conn.sendall(line)
        except OSError:
            pass


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    s.listen(5)
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        conn, addr = s.accept()
        threading.Thread(target=flood, args=(conn,), daemon=True).start()
