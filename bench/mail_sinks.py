# The receiving ends of the mail benchmark, on an ephemeral port of 127.0.0.1; each prints
# "listening on PORT", then "received BYTES" per message (the DATA bytes, dot-stuffing removed
# by aiosmtpd, kept by the raw sink), keeping nothing.
#   mail_sinks.py aiosmtpd   Debian's aiosmtpd, no size limit: the server the issue names
#   mail_sinks.py raw        just enough SMTP, DATA read in 1 MiB chunks: a server that is never
#                            the bottleneck, so the clients' own speed shows
#   mail_sinks.py store DIR  aiosmtpd keeping each message as DIR/N.eml: the local inbox the way
#                            Python would write it, for the inbox benchmark
import asyncio
import os
import socket
import sys

mode = sys.argv[1]
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(('127.0.0.1', 0))
listener.listen(8)
port = listener.getsockname()[1]

if mode == 'raw':
    print('listening on', port, flush=True)
    while True:
        conn, _ = listener.accept()
        conn.sendall(b'220 raw sink ESMTP\r\n')
        buffer = b''
        while True:
            while b'\r\n' not in buffer:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                buffer += chunk
            if b'\r\n' not in buffer:
                break
            line, buffer = buffer.split(b'\r\n', 1)
            verb = line[:4].upper()
            if verb == b'EHLO':
                conn.sendall(b'250-raw sink\r\n250-8BITMIME\r\n250 PIPELINING\r\n')
            elif verb == b'DATA':
                conn.sendall(b'354 go ahead\r\n')
                # The client waits for 354, so nothing of the message is in `buffer` yet.
                received, tail = 0, b'\r\n'
                while not tail.endswith(b'\r\n.\r\n'):
                    chunk = conn.recv(1 << 20)
                    if not chunk:
                        break
                    received += len(chunk)
                    tail = (tail + chunk)[-5:]
                buffer = b''
                print('received', received, flush=True)
                conn.sendall(b'250 accepted\r\n')
            elif verb == b'QUIT':
                conn.sendall(b'221 bye\r\n')
                break
            else:
                conn.sendall(b'250 OK\r\n')
        conn.close()

from aiosmtpd.smtp import SMTP  # noqa: E402


class Handler:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        if mode == 'store':
            with open(os.path.join(sys.argv[2], '%d.eml' % Handler.count), 'wb') as f:
                f.write(envelope.original_content)
            Handler.count += 1
        print('received', len(envelope.original_content), flush=True)
        return '250 Message accepted'


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(loop.create_server(
    lambda: SMTP(Handler(), hostname='sink', data_size_limit=None, decode_data=False), sock=listener))
print('listening on', port, flush=True)
loop.run_forever()
