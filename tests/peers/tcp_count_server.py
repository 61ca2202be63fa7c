# Serves one client the way a half-closing client expects: reads until the client's end of stream
# (recv returns b''), then answers "received <N> bytes" with the byte count and closes. Port 0 lets
# the system choose; the first line says which port it got.
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0
HOST = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
BUFSIZ = 65536

family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        print('Connected by', addr, flush=True)
        total = 0
        while True:
            data = conn.recv(BUFSIZ)
            if not data:
                break
            total += len(data)
        print('eof after', total, flush=True)
        conn.sendall(b'received %d bytes' % total)
