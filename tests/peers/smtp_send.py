# Sends mail the tutorial's way: Python's email package builds the message, smtplib sends it.
# Usage: smtp_send.py HOST PORT OUTDIR [--attach FILE]... [--count N] [--parallel]
# Each message i (0..N-1) goes From "王大锤 <sender@example.com>", To two people, Cc one and Bcc
# one, with a Chinese subject "测试邮件 #i", a body whose lines start with "." (dot-stuffing), and
# the attachments under their own (Chinese) names. The exact bytes each message was sent as are
# written to OUTDIR/sent-i.eml, for the test to compare with what the server stored.
# With --parallel all N connect at once, from N threads. Prints "sent i" per message, then "done".
import argparse
import mimetypes
import os
import smtplib
import threading
from email.message import EmailMessage
from email.policy import SMTP

parser = argparse.ArgumentParser()
parser.add_argument('host')
parser.add_argument('port', type=int)
parser.add_argument('outdir')
parser.add_argument('--attach', action='append', default=[])
parser.add_argument('--count', type=int, default=1)
parser.add_argument('--parallel', action='store_true')
args = parser.parse_args()


def build(i):
    msg = EmailMessage()
    msg['From'] = '王大锤 <sender@example.com>'
    msg['To'] = '张三 <zhangsan@example.com>, li@example.org'
    msg['Cc'] = 'cc@example.net'
    msg['Subject'] = '测试邮件 #%d' % i
    msg.set_content('你好，这是第 %d 封。\n.a line that starts with a dot\n..two dots\n.\nend\n' % i)
    for path in args.attach:
        ctype, _ = mimetypes.guess_type(path)
        maintype, subtype = (ctype or 'application/octet-stream').split('/', 1)
        with open(path, 'rb') as f:
            msg.add_attachment(f.read(), maintype=maintype, subtype=subtype,
                               filename=os.path.basename(path))
    return msg


lock = threading.Lock()


def send(i):
    msg = build(i)
    data = msg.as_bytes(policy=SMTP)
    with open(os.path.join(args.outdir, 'sent-%d.eml' % i), 'wb') as f:
        f.write(data)
    with smtplib.SMTP(args.host, args.port, timeout=60) as server:
        server.sendmail('sender@example.com',
                        ['zhangsan@example.com', 'li@example.org', 'cc@example.net', 'hidden@example.com'],
                        data)
    with lock:
        print('sent %d' % i, flush=True)


if args.parallel:
    barrier = threading.Barrier(args.count)
    errors = []

    def worker(i):
        barrier.wait()
        try:
            send(i)
        except Exception as e:  # noqa: BLE001 - reported, then the exit status says it
            with lock:
                errors.append('%d: %r' % (i, e))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print('\n'.join(errors), flush=True)
        raise SystemExit(1)
else:
    for i in range(args.count):
        send(i)
print('done', flush=True)
