# A hand-written SMTP server that misbehaves on purpose, the tutorial's way: one socket, one
# connection, one line at a time. It listens on an ephemeral port of 127.0.0.1, prints
# "listening on PORT", serves ONE client and prints what it saw. Usage:
#   smtp_hostile.py [--cert PEM --key PEM] MODE
# --cert/--key: implicit TLS (port 465 style) from the first byte.
# The EHLO reply offers AUTH PLAIN LOGIN XOAUTH2. MODE is one of:
#   drop:WHERE   reset the connection (RST, no goodbye) at WHERE in the login, then print "dropped":
#                after-plain          after reading "AUTH PLAIN <blob>"
#                prompt-user          after sending LOGIN's "334 VXNlcm5hbWU6" (Username:)
#                after-user           after reading LOGIN's user line
#                prompt-password      after sending LOGIN's "334 UGFzc3dvcmQ6" (Password:)
#                after-password       after reading LOGIN's password line
#                after-xoauth2        after reading "AUTH XOAUTH2 <blob>"
#                challenge-xoauth2    after sending XOAUTH2's "334 <error JSON>"
#   mute-quit    accept the login (any), the envelope and the message, print "received", then
#                never answer QUIT (prints "quit" when it arrives) until stdin closes
#   refuse:TEXT  answer MAIL FROM with "550 TEXT" (TEXT may hold HTML: a server's words are
#                not ours to trust), then answer QUIT with 221
import argparse
import socket
import ssl
import struct
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--cert')
parser.add_argument('--key')
parser.add_argument('mode')
args = parser.parse_args()

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(('127.0.0.1', 0))
listener.listen(1)
print('listening on', listener.getsockname()[1], flush=True)

conn, _ = listener.accept()
if args.cert:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    conn = context.wrap_socket(conn, server_side=True)
buf = b''
where = args.mode[5:] if args.mode.startswith('drop:') else None


def say(text):
    print(text, flush=True)


def reply(text):
    conn.sendall(text.encode('utf-8') + b'\r\n')


def read_line():
    global buf
    while b'\r\n' not in buf:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        buf += chunk
    line, buf = buf.split(b'\r\n', 1)
    return line.decode('utf-8', 'replace')


def reset_if(point):
    # SO_LINGER with a zero timeout: close() sends RST at once, a connection that vanished.
    if where == point:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        conn.close()
        say('dropped')
        sys.stdin.read()
        sys.exit(0)


reply('220 hostile.example ESMTP')
while True:
    line = read_line()
    if line is None:
        say('EOF')
        break
    verb = line.split(' ')[0].upper()
    if verb in ('EHLO', 'HELO'):
        reply('250-hostile.example')
        reply('250 AUTH PLAIN LOGIN XOAUTH2')
    elif line.upper().startswith('AUTH PLAIN'):
        reset_if('after-plain')
        reply('235 2.7.0 ok')
    elif line.upper() == 'AUTH LOGIN':
        reply('334 VXNlcm5hbWU6')
        reset_if('prompt-user')
        if read_line() is None:
            break
        reset_if('after-user')
        reply('334 UGFzc3dvcmQ6')
        reset_if('prompt-password')
        if read_line() is None:
            break
        reset_if('after-password')
        reply('235 2.7.0 ok')
    elif line.upper().startswith('AUTH XOAUTH2'):
        reset_if('after-xoauth2')
        reply('334 eyJzdGF0dXMiOiI0MDEifQ==')
        reset_if('challenge-xoauth2')
        if read_line() is None:
            break
        reply('535 5.7.8 no')
    elif verb == 'MAIL':
        if args.mode.startswith('refuse:'):
            reply('550 ' + args.mode[7:])
        else:
            reply('250 ok')
    elif verb == 'RCPT':
        reply('250 ok')
    elif verb == 'DATA':
        reply('354 go ahead')
        while True:
            body = read_line()
            if body is None or body == '.':
                break
        reply('250 2.0.0 queued')
        say('received')
    elif verb == 'QUIT':
        say('quit')
        if args.mode == 'mute-quit':
            sys.stdin.read()   # never answers: the client must not wait for it long
            break
        reply('221 bye')
        break
    elif verb == 'RSET' or verb == 'NOOP':
        reply('250 ok')
    else:
        reply('502 unexpected')
conn.close()
