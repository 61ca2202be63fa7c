# The inbox benchmark (issue 5): `socketeer inbox` against aiosmtpd keeping each message on disk
# (bench/mail_sinks.py store: the local inbox as Python would write it), side by side, in one run.
#   many   CONNECTIONS smtplib clients at once, each sending MESSAGES messages of 8 KiB over its
#          connection: wall time until the receiver has stored them all, and messages per second
#   large  one message of SIZE MiB: wall time until stored, and the receiver's peak RSS
# Each receiver is a fresh process per run; its peak RSS (VmHWM) is read before it is stopped.
# Every stored file is checked for its size. Run by bench/run-inbox.sh; prints a markdown table.
#   inbox_bench.py --socketeer PATH [--connections 50] [--messages 40] [--size-mb 100] [--runs 3]
import argparse
import os
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument('--socketeer', required=True)
parser.add_argument('--connections', type=int, default=50)
parser.add_argument('--messages', type=int, default=40)
parser.add_argument('--size-mb', type=int, default=100)
parser.add_argument('--runs', type=int, default=3)
args = parser.parse_args()


def small_message(i):
    body = ('line %d of a message in the inbox benchmark, padded to eight kibibytes\r\n' % i) * 110
    return ('From: sender@example.com\r\nTo: inbox@example.com\r\nSubject: message %d\r\n\r\n%s' % (i, body)).encode()


def large_message(size):
    line = b'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd\r\n'   # 78 bytes
    return b'From: sender@example.com\r\nTo: inbox@example.com\r\nSubject: large\r\n\r\n' + line * (size // len(line))


def start(receiver, folder):
    if receiver == 'socketeer inbox':
        command = [args.socketeer, 'inbox', '--port', '0', '--dir', folder, '--max-size', str(args.size_mb * 2)]
    else:
        command = ['/usr/bin/python3', os.path.join(here, 'mail_sinks.py'), 'store', folder]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    words = child.stdout.readline().split()
    assert words[:2] == ['listening', 'on'], words
    return child, int(words[-1])


def stop(child):
    # VmHWM, not wait4's ru_maxrss: Linux carries the high-water mark of the forked copy of this
    # (large) benchmark process across exec into ru_maxrss; VmHWM is the receiver's own.
    with open('/proc/%d/status' % child.pid) as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith('VmHWM:')) / 1024
    child.send_signal(signal.SIGTERM)
    child.wait()
    return peak


def wait_stored(child, count):
    for _ in range(count):
        line = child.stdout.readline()
        assert line.startswith('received'), line


def stored_sizes(folder):
    return sorted(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder) if name.endswith('.eml'))


def many(receiver):
    messages = [small_message(i) for i in range(args.messages)]
    with tempfile.TemporaryDirectory() as folder:
        child, port = start(receiver, folder)
        barrier = threading.Barrier(args.connections + 1)

        def client():
            with smtplib.SMTP('127.0.0.1', port, timeout=120) as server:
                barrier.wait()
                for data in messages:
                    server.sendmail('sender@example.com', ['inbox@example.com'], data)

        threads = [threading.Thread(target=client) for _ in range(args.connections)]
        for t in threads:
            t.start()
        barrier.wait()
        began = time.monotonic()
        wait_stored(child, args.connections * args.messages)
        elapsed = time.monotonic() - began
        for t in threads:
            t.join()
        peak = stop(child)
        sizes = stored_sizes(folder)
        assert len(sizes) == args.connections * args.messages, len(sizes)
        assert sizes[0] >= len(messages[0]), sizes[0]
    return elapsed, peak


def large(receiver, data):
    with tempfile.TemporaryDirectory() as folder:
        child, port = start(receiver, folder)
        with smtplib.SMTP('127.0.0.1', port, timeout=600) as server:
            began = time.monotonic()
            server.sendmail('sender@example.com', ['inbox@example.com'], data)
            wait_stored(child, 1)
            elapsed = time.monotonic() - began
        peak = stop(child)
        assert stored_sizes(folder) == [len(data)], (stored_sizes(folder), len(data))
    return elapsed, peak


receivers = ['socketeer inbox', 'aiosmtpd storing .eml files']
data = large_message(args.size_mb << 20)
results = {}
for receiver in receivers:
    runs_many = [many(receiver) for _ in range(args.runs)]
    runs_large = [large(receiver, data) for _ in range(args.runs)]
    results[receiver] = (statistics.median(r[0] for r in runs_many), statistics.median(r[1] for r in runs_many),
                         statistics.median(r[0] for r in runs_large), statistics.median(r[1] for r in runs_large))
    print(f'{receiver:28} many: {", ".join(f"{t:.2f}" for t, _ in runs_many)} s; '
          f'large: {", ".join(f"{t:.2f}" for t, _ in runs_large)} s', file=sys.stderr)

total = args.connections * args.messages
python = results[receivers[1]]
print(f'\n{args.connections} connections × {args.messages} messages of 8 KiB at once; one message of '
      f'{args.size_mb} MiB. {args.runs} runs each, medians; peak RSS of the receiver process.\n')
print('| receiver | many: time (s) | messages/s | × Python | peak RSS (MB) | large: time (s) | × Python | peak RSS (MB) |')
print('|---|---|---|---|---|---|---|---|')
for receiver in receivers:
    many_time, many_peak, large_time, large_peak = results[receiver]
    print(f'| {receiver} | {many_time:.2f} | {total / many_time:.0f} | {many_time / python[0]:.2f} | {many_peak:.1f} '
          f'| {large_time:.2f} | {large_time / python[2]:.2f} | {large_peak:.1f} |')
