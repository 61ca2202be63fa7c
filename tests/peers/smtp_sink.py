# An SMTP server for the SMTP client's tests, on an ephemeral port of 127.0.0.1; prints
# "listening on PORT" once it accepts connections.
#   smtp_sink.py OUTDIR [--refuse ADDR]... [--size-limit N]
#       Debian's aiosmtpd (a real SMTP server). For each message it writes OUTDIR/envelope.json
#       ({"mail_from", "mail_options", "rcpt_tos"}) and OUTDIR/message.eml (the DATA bytes as
#       received, after aiosmtpd removed the dot-stuffing), then prints "received". RCPT TO an
#       address given with --refuse gets "550 no such user"; --size-limit sets SIZE.
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
args = parser.parse_args()

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(('127.0.0.1', 0))
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

from aiosmtpd.smtp import SMTP  # noqa: E402


class Handler:
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
                       'rcpt_tos': envelope.rcpt_tos}, f, ensure_ascii=False)
        print('received', flush=True)
        return '250 Message accepted'


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
handler = Handler()
server = loop.run_until_complete(loop.create_server(
    lambda: SMTP(handler, hostname='sink', data_size_limit=args.size_limit, enable_SMTPUTF8=True,
                 decode_data=False),
    sock=listener))
print('listening on', port, flush=True)
loop.run_forever()
