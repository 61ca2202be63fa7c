#!/usr/bin/python3
# Finding 4's figure: CLIENTS connections to `socketeer inbox` each pipeline SMTP commands as fast
# as the inbox takes them and never read a reply. Reports the inbox's resting RSS, its highest RSS
# while the clients push, and whether a normal delivery (swaks) succeeds meanwhile.
#
#   bench/smtp_pipeline_flood.py SOCKETEER [CLIENTS=500] [BYTES_PER_CLIENT=4194304] [SECONDS=20]
import os
import select
import socket
import subprocess
import sys
import tempfile
import time

exe = sys.argv[1]
clients = int(sys.argv[2]) if len(sys.argv) > 2 else 500
quota = int(sys.argv[3]) if len(sys.argv) > 3 else 4 * 1024 * 1024
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


store = tempfile.mkdtemp(prefix='socketeer-bench-inbox-')
inbox = subprocess.Popen([exe, 'inbox', '--port', '0', '--dir', store], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
words = inbox.stdout.readline().split()
port = int(words[-1])
time.sleep(1.0)
resting = rss_kib(inbox.pid)

commands = b'EHLO bench\r\n' + b'NOOP\r\n' * 100000
socks, sent = [], []
for i in range(clients):
    s = socket.create_connection(('127.0.0.1', port))
    s.setblocking(False)
    socks.append(s)
    sent.append(0)

peak = resting
start = time.time()
stuck_rounds = 0
while time.time() - start < seconds:
    progress = 0
    _, writable, _ = select.select([], [s for s, n in zip(socks, sent) if n < quota], [], 0.5)
    for s in writable:
        i = socks.index(s)
        offset = sent[i] % len(commands)
        try:
            n = s.send(commands[offset:offset + 65536])
        except (BlockingIOError, ConnectionError):
            n = 0
        sent[i] += n
        progress += n
    peak = max(peak, rss_kib(inbox.pid))
    if progress == 0:
        stuck_rounds += 1
        if stuck_rounds >= 6:   # three seconds without the inbox taking a byte from anyone
            break
    else:
        stuck_rounds = 0

# A normal delivery while every flooding client is still connected.
swaks = subprocess.run(['swaks', '--server', '127.0.0.1:%d' % port, '--from', 'a@example.com', '--to', 'b@example.com',
                        '--body', 'hello while flooded', '--timeout', '30'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
stored = inbox.stdout.readline().decode(errors='replace').strip() if swaks.returncode == 0 else ''
peak = max(peak, rss_kib(inbox.pid))
alive = 0
for s in socks:
    try:
        s.send(b'')
        alive += 1
    except OSError:
        pass
    s.close()
inbox.terminate()
inbox.wait()
subprocess.run(['rm', '-rf', store])
total = sum(sent)
print('clients %d, pipelined %.1f MiB in all (%.0f KiB each on average), still connected %d'
      % (clients, total / 1048576, total / 1024 / clients, alive))
print('inbox RSS resting %.1f MB, peak %.1f MB, over resting %.1f MB' % (resting / 1024, peak / 1024, (peak - resting) / 1024))
print('swaks delivery while flooded: %s%s' % ('ok' if swaks.returncode == 0 else 'FAILED (exit %d)' % swaks.returncode,
                                             (' -> ' + stored) if stored else ''))
