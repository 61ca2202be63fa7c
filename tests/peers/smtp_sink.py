# An SMTP server for the SMTP client's tests, on an ephemeral port of 127.0.0.1 (or --bind ADDR, IPv4
# or IPv6); prints "listening on PORT" once it accepts connections.
#   smtp_sink.py OUTDIR [--refuse ADDR]... [--size-limit N] [--cert PEM --key PEM
#                [--starttls | --implicit-tls]] [--auth USER:SECRET]
#       Debian's aiosmtpd (a real SMTP server). For each message it writes OUTDIR/envelope.json
#       ({"mail_from", "mail_options", "rcpt_tos", "auth": [MECHANISM, USER] or null,
#       "tls": true/false}) and OUTDIR/message.eml (the DATA bytes as received, after aiosmtpd
#       removed the dot-stuffing), then prints "received". RCPT TO an address given with --refuse
#       gets "550 no such user"; --size-limit sets SIZE. --starttls offers STARTTLS and requires it
#       before MAIL; --implicit-tls speaks TLS from the first byte. --auth requires a login
#       (PLAIN, LOGIN, or XOAUTH2 with SECRET as the token); without TLS it is offered in clear.
#       Every failed login prints "login failed".
#   smtp_sink.py --starttls-refused
#       Offers STARTTLS and answers it "454 4.7.0 TLS not available".
#   smtp_sink.py --starttls-inject
#       Answers STARTTLS with "220 go ahead" and, in the same packet, a forged "250 injected"
#       (prints "injected" and then whatever the client sends next, as "next: LINE").
#   smtp_sink.py --silent
#       Accepts one connection (prints "connected") and never says anything (no greeting).
#   smtp_sink.py --stall
#       The same, after the first line of a two-line greeting ("220-sink is thinking").
#   smtp_sink.py --drop-in-data
#       Speaks just enough SMTP to get to DATA, reads one line of the message, then closes the
#       connection (prints "dropped").
import argparse
import asyncio
import json
import os
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument('outdir', nargs='?')
parser.add_argument('--refuse', action='append', default=[])
parser.add_argument('--size-limit', type=int, default=33554432)
parser.add_argument('--silent', action='store_true')
parser.add_argument('--stall', action='store_true')
parser.add_argument('--drop-in-data', action='store_true')
parser.add_argument('--bind', default='127.0.0.1')
parser.add_argument('--cert')
parser.add_argument('--key')
parser.add_argument('--starttls', action='store_true')
parser.add_argument('--implicit-tls', action='store_true')
parser.add_argument('--auth')
parser.add_argument('--starttls-refused', action='store_true')
parser.add_argument('--starttls-inject', action='store_true')
args = parser.parse_args()

listener = socket.socket(socket.AF_INET6 if ':' in args.bind else socket.AF_INET, socket.SOCK_STREAM)
listener.bind((args.bind, 0))
listener.listen(8)
port = listener.getsockname()[1]

if args.silent or args.stall:
    print('listening on', port, flush=True)
    conn, _ = listener.accept()
    print('connected', flush=True)
    if args.stall:
        conn.sendall(b'220-sink is thinking\r\n')
    sys.stdin.read()
    conn.close()
    sys.exit(0)

if args.starttls_refused or args.starttls_inject:
    print('listening on', port, flush=True)
    conn, _ = listener.accept()
    conn.sendall(b'220 sink ESMTP\r\n')
    f = conn.makefile('rb')
    while True:
        line = f.readline()
        if not line:
            break
        verb = line.strip().upper()
        if verb.startswith(b'EHLO'):
            conn.sendall(b'250-sink\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n')
        elif verb == b'STARTTLS' and args.starttls_refused:
            conn.sendall(b'454 4.7.0 TLS not available\r\n')
        elif verb == b'STARTTLS':
            conn.sendall(b'220 go ahead\r\n250 injected\r\n')
            print('injected', flush=True)
            rest = conn.recv(4096)
            print('next:', rest[:40], flush=True)
            break
        elif verb == b'QUIT':
            conn.sendall(b'221 bye\r\n')
            break
        else:
            print('unexpected:', verb.decode(errors='replace'), flush=True)
            conn.sendall(b'503 5.5.1 not now\r\n')
    conn.close()
    sys.exit(0)

if args.drop_in_data:
    print('listening on', port, flush=True)
    conn, _ = listener.accept()
    conn.sendall(b'220 sink ESMTP\r\n')
    f = conn.makefile('rb')
    while True:
        line = f.readline()
        if not line:
            break
        verb = line[:4].upper()
        if verb == b'EHLO':
            conn.sendall(b'250-sink\r\n250 8BITMIME\r\n')
        elif verb == b'DATA':
            conn.sendall(b'354 go ahead\r\n')
            f.readline()
            break
        elif verb == b'QUIT':
            conn.sendall(b'221 bye\r\n')
            break
        else:
            conn.sendall(b'250 OK\r\n')
    # Unread bytes in the receive buffer make the close a reset, as a crashing server's would.
    conn.close()
    print('dropped', flush=True)
    sys.exit(0)

import base64  # noqa: E402
import ssl  # noqa: E402

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword  # noqa: E402

tls_context = None
if args.cert:
    tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls_context.load_cert_chain(args.cert, args.key)
user, secret = (args.auth.split(':', 1) if args.auth else (None, None))
last_login = None


def authenticator(server, session, envelope, mechanism, auth_data):
    global last_login
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
          and auth_data.password.decode() == secret)
    if ok:
        last_login = [mechanism, user]
    else:
        print('login failed', flush=True)
    return AuthResult(success=ok, handled=False)   # handled=False: aiosmtpd says 535 itself


class Handler:
    async def auth_XOAUTH2(self, server, args_):
        global last_login
        fields = base64.b64decode(args_[1]).split(b'\x01') if len(args_) > 1 else []
        if len(fields) == 4 and fields[0] == b'user=' + user.encode() \
                and fields[1] == b'auth=Bearer ' + secret.encode():
            last_login = ['XOAUTH2', user]
            return AuthResult(success=True, auth_data=user)
        print('login failed', flush=True)
        await server.challenge_auth('{"status":"401","schemes":"bearer"}')   # the client answers ""
        return AuthResult(success=False, handled=False)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return '250 OK'

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in args.refuse:
            return '550 no such user'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with open(os.path.join(args.outdir, 'message.eml'), 'wb') as f:
            f.write(envelope.original_content)
        with open(os.path.join(args.outdir, 'envelope.json'), 'w', encoding='utf-8') as f:
            json.dump({'mail_from': envelope.mail_from, 'mail_options': envelope.mail_options,
                       'rcpt_tos': envelope.rcpt_tos, 'auth': last_login,
                       'tls': server.transport.get_extra_info('sslcontext') is not None}, f, ensure_ascii=False)
        print('received', flush=True)
        return '250 Message accepted'


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
handler = Handler()


def make_server():
    options = dict(hostname='sink', data_size_limit=args.size_limit, enable_SMTPUTF8=True, decode_data=False)
    if args.starttls:
        options.update(tls_context=tls_context, require_starttls=True)
    if args.auth:
        options.update(authenticator=authenticator, auth_required=True,
                       # aiosmtpd knows only its own STARTTLS as TLS; implicit TLS is TLS too.
                       auth_require_tls=args.starttls)
    return SMTP(handler, **options)


server = loop.run_until_complete(loop.create_server(
    make_server, sock=listener, ssl=tls_context if args.implicit_tls else None))
print('listening on', port, flush=True)
loop.run_forever()
