# The mail benchmark (issue 4): one large attachment sent to a local SMTP server by `socketeer
# mail` and by the tutorial's smtplib + email code, side by side, in one run. For each client:
# wall time from start to exit and peak RSS (ru_maxrss of the child), plus the same client
# sending a 1 KiB attachment, whose peak is the baseline the growth is measured from.
# Run by bench/run-mail.sh; prints a markdown table.
#   mail_bench.py --socketeer PATH [--size-mb 200] [--runs 3] [--sinks aiosmtpd,raw]
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument('--socketeer', required=True)
parser.add_argument('--size-mb', type=int, default=200)
parser.add_argument('--runs', type=int, default=3)
parser.add_argument('--sinks', default='aiosmtpd,raw')
args = parser.parse_args()


def start_sink(kind):
    sink = subprocess.Popen([sys.executable, os.path.join(here, 'mail_sinks.py'), kind],
                            stdout=subprocess.PIPE, text=True)
    line = sink.stdout.readline().split()
    assert line[:2] == ['listening', 'on'], line
    return sink, int(line[2])


def run(command):
    """Wall seconds and peak RSS (MB) of one child; it must exit 0."""
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - start
    errors = child.stderr.read().decode(errors='replace')
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f'{command[0]} failed: {errors}')
    return elapsed, usage.ru_maxrss / 1024


def clients(port, path):
    return {
        'socketeer mail': [args.socketeer, 'mail', '--server', f'127.0.0.1:{port}', '--security', 'none',
                           '--from', '王大锤 <abcdefg@126.com>', '--to', 'uvwxyz@qq.com', '--subject', '本月数据',
                           '--body-file', '/dev/null', '--attach', path, '--quiet', '--timeout', '600000'],
        'tutorial (smtplib + email)': ['/usr/bin/python3', os.path.join(here, 'tutorial_mail.py'), str(port), path],
    }


with tempfile.TemporaryDirectory() as work:
    big = os.path.join(work, '汇总数据.xlsx')
    small = os.path.join(work, 'small.xlsx')
    with open(big, 'wb') as f:
        for _ in range(args.size_mb):
            f.write(os.urandom(1 << 20))
    with open(small, 'wb') as f:
        f.write(os.urandom(1024))

    rows = []
    for kind in args.sinks.split(','):
        sink, port = start_sink(kind)
        try:
            def send(command, at_least):
                elapsed, peak = run(command)
                received = int(sink.stdout.readline().split()[1])
                assert received >= at_least, f'the server received {received} bytes, expected {at_least}+'
                return elapsed, peak

            for name in clients(port, big):
                base = statistics.median(send(clients(port, small)[name], 1024)[1] for _ in range(args.runs))
                times, peaks = [], []
                for _ in range(args.runs):
                    # base64: 4 bytes for 3, plus line ends
                    elapsed, peak = send(clients(port, big)[name], args.size_mb * (1 << 20) * 4 // 3)
                    times.append(elapsed)
                    peaks.append(peak)
                rows.append((kind, name, statistics.median(times), statistics.median(peaks), base))
                print(f'{kind:8} {name:28} {statistics.median(times):7.2f} s  peak {statistics.median(peaks):7.1f} MB  '
                      f'baseline {base:5.1f} MB  (runs: {", ".join(f"{t:.2f}" for t in times)})', file=sys.stderr)
        finally:
            sink.terminate()
            sink.wait()

print(f'\n{args.size_mb} MiB attachment of random bytes, {args.runs} runs each, medians.\n')
print('| server | client | time (s) | × tutorial | peak RSS (MB) | growth over a 1 KiB mail (MB) |')
print('|---|---|---|---|---|---|')
for kind in args.sinks.split(','):
    mine = [r for r in rows if r[0] == kind]
    tutorial = next(r for r in mine if r[1].startswith('tutorial'))
    for server, name, seconds, peak, base in mine:
        print(f'| {server} | {name} | {seconds:.2f} | {seconds / tutorial[2]:.2f} | {peak:.1f} | {peak - base:.1f} |')
