# A client of a line protocol with STARTTLS, the way a tutorial upgrades a socket with Python's ssl:
# connect in plain text, send "STARTTLS\r\n" (with PIPELINED, "INJECTED\r\n" right behind it in
# the same send: the CVE-2011-0411 attack), read the server's reply, wrap the same socket in TLS
# (verified against CAFILE for localhost), send "after\r\n" and print the reply, then close with
# close_notify. Usage: HOST PORT CAFILE [PIPELINED|PLAINAFTER]. Prints "reply …", "tls VERSION",
# "Received …", "closed"; a refused handshake prints "tls failed …". PLAINAFTER: after the reply it
# goes on in plain text ("INJECTED\r\n") instead of starting TLS, and prints "server closed" at the end.
import socket
import ssl
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
CAFILE = sys.argv[3]
PIPELINED = len(sys.argv) > 4 and sys.argv[4] == 'PIPELINED'

context = ssl.create_default_context(cafile=CAFILE)
s = socket.create_connection((HOST, PORT))
s.sendall(b'STARTTLS\r\n' + (b'INJECTED\r\n' if PIPELINED else b''))
reply = b''
while not reply.endswith(b'\r\n'):
    data = s.recv(1024)
    if not data:
        break
    reply += data
print('reply', reply.decode().strip(), flush=True)
if len(sys.argv) > 4 and sys.argv[4] == 'PLAINAFTER':
    s.sendall(b'INJECTED\r\n')
    try:
        while s.recv(1024):
            pass
    except ConnectionResetError:   # it dropped us with our bytes unread: a reset, not a FIN
        pass
    print('server closed', flush=True)
    sys.exit(0)
try:
    t = context.wrap_socket(s, server_hostname='localhost')
except (ssl.SSLError, OSError) as e:
    print('tls failed', e, flush=True)
    sys.exit(0)
print('tls', t.version(), flush=True)
t.sendall(b'after\r\n')
print('Received', t.recv(1024).decode().strip(), flush=True)
t.unwrap()
print('closed', flush=True)
