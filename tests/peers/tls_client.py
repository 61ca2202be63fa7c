# The tutorial's TCP client wrapped in TLS the way Python's ssl documentation shows it
# (create_default_context with a CA file, wrap_socket with the server's name): verification on.
# Usage: HOST PORT CAFILE [SERVERNAME]. Prints "connected VERSION CIPHER", then for each line on
# stdin:
#   <hex>      sends those bytes, prints what came back as hex: "Received <hex>"
#   wait       reads once: "Received <hex>", or "closed close_notify" / "closed eof" when the server ends
#   bulk N     sends N random bytes while reading the echo (select, non-blocking), then prints
#              "echoed N identical" or "echoed M DIFFERENT"
# At stdin's end it sends close_notify and waits for the server's (unwrap), then prints "closed".
import hashlib
import os
import select
import socket
import ssl
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
CAFILE = sys.argv[3]
SERVERNAME = sys.argv[4] if len(sys.argv) > 4 else 'localhost'
BUFSIZ = 1024

context = ssl.create_default_context(cafile=CAFILE)


def bulk(s, n):
    payload = os.urandom(n)
    s.setblocking(False)
    sent = 0
    received = 0
    digest = hashlib.sha256()
    while received < n:
        readable, writable, _ = select.select([s], [s] if sent < n else [], [], 60)
        if not readable and not writable:
            break
        if sent < n:
            try:
                sent += s.send(payload[sent:sent + 65536])
            except (ssl.SSLWantWriteError, ssl.SSLWantReadError):
                pass
        while True:
            try:
                data = s.recv(65536)
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                break
            if not data:
                break
            digest.update(data)
            received += len(data)
    s.setblocking(True)
    same = received == n and digest.digest() == hashlib.sha256(payload).digest()
    print('echoed', received, 'identical' if same else 'DIFFERENT', flush=True)


with socket.create_connection((HOST, PORT)) as sock:
    # suppress_ragged_eofs=False: an end without close_notify raises instead of reading as b"".
    with context.wrap_socket(sock, server_hostname=SERVERNAME, suppress_ragged_eofs=False) as s:
        print('connected', s.version(), s.cipher()[0], flush=True)
        for line in sys.stdin:
            line = line.strip()
            if line == 'wait':
                try:
                    data = s.recv(BUFSIZ)
                except ssl.SSLEOFError:
                    print('closed eof', flush=True)
                    sys.exit(0)
                if not data:
                    print('closed close_notify', flush=True)
                    sys.exit(0)
                print('Received', data.hex(), flush=True)
                continue
            if line.startswith('bulk '):
                bulk(s, int(line.split()[1]))
                continue
            payload = bytes.fromhex(line)
            s.sendall(payload)
            got = b''
            while len(got) < len(payload):
                data = s.recv(BUFSIZ)
                if not data:
                    break
                got += data
            print('Received', got.hex(), flush=True)
        s.unwrap()
        print('closed', flush=True)
