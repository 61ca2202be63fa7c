"""Runs the benchmark scenarios against each echo server and prints a markdown table of medians.

Started by bench/run.sh after it has built the programs; see docs/PERFORMANCE.md for what the
figures mean. Everything talks to 127.0.0.1 only.
"""
import argparse
import datetime
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = '/usr/bin/python3'

EVENT_LOOP = 'Socketeer event-loop'
THREAD_PER_CLIENT = 'Socketeer thread-per-client'
PY_THREADED = 'Python threaded (tutorial)'
C_EPOLL = 'C epoll (reference)'


def server_commands(build):
    bench = os.path.join(build, 'bench')
    return {
        EVENT_LOOP: [os.path.join(bench, 'socketeer_bench_server'), 'event-loop', '0'],
        THREAD_PER_CLIENT: [os.path.join(bench, 'socketeer_bench_server'), 'thread-per-client', '0'],
        PY_THREADED: [PYTHON, os.path.join(ROOT, 'tests', 'peers', 'tcp_threaded_echo_server.py'), '0'],
        C_EPOLL: [os.path.join(bench, 'c_epoll_echo'), '0'],
    }


class Server:
    """One echo server process on a port the kernel chose; its output goes to a file, not a pipe,
    so a chatty server (the tutorial's prints a line per client) never blocks on us."""

    def __init__(self, name, command, workdir):
        self.name = name
        self.log_path = os.path.join(workdir, name.split()[0].lower() + '-' + str(time.monotonic_ns()) + '.log')
        self.log = open(self.log_path, 'w+b')
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        self.port = self._wait_for_port()

    def _wait_for_port(self):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with open(self.log_path, 'rb') as f:
                for line in f:
                    if line.startswith(b'listening on '):
                        return int(line.split()[2])
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f'{self.name} did not print "listening on PORT"; see {self.log_path}')

    def status(self):
        fields = {}
        try:
            with open(f'/proc/{self.process.pid}/status') as f:
                for line in f:
                    key, _, value = line.partition(':')
                    fields[key] = value.split()[0] if value.split() else ''
        except OSError:
            pass
        return fields

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode


def loadgen(build, mode, port, pid, **options):
    command = [os.path.join(build, 'bench', 'loadgen'), mode, '--port', str(port), '--server-pid', str(pid)]
    for key, value in options.items():
        command += ['--' + key.replace('_', '-')] + ([] if value is True else [str(value)])   # True: a flag
    limit = float(options.get('seconds', 0)) + float(options.get('warmup', 0)) + float(options.get('timeout', 30)) + 30
    done = subprocess.run(command, capture_output=True, text=True, timeout=limit)
    line = next((l for l in done.stdout.splitlines() if l.startswith('RESULT ')), '')
    result = dict(field.split('=', 1) for field in line.split()[1:] if '=' in field)
    result['ok'] = done.returncode == 0 and 'error' not in result
    if not result['ok']:
        print(f'    loadgen failed ({done.returncode}): {line or done.stdout.strip()} {done.stderr.strip()}', file=sys.stderr)
    return result


def median(values):
    return statistics.median(values) if values else float('nan')


def spread(values, fmt):
    if len(values) < 2:
        return ''
    return f' ({fmt(min(values))}–{fmt(max(values))})'


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', required=True)
    parser.add_argument('--quick', action='store_true', help='1 s runs, one repetition: a smoke test')
    args = parser.parse_args()

    seconds = 1 if args.quick else 5
    warmup = 0.2 if args.quick else 0.5
    repeat_long = 1 if args.quick else 3
    repeat_short = 1 if args.quick else 5
    workdir = tempfile.mkdtemp(prefix='socketeer-bench-')
    commands = server_commands(args.build)
    started_at = time.monotonic()
    load_before = os.getloadavg()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    fd_ok = hard == resource.RLIM_INFINITY or hard >= 10100
    notes = []
    if not fd_ok:
        notes.append(f'RLIMIT_NOFILE hard limit is {hard}: too low for 10,000 clients, scenario 3 skipped '
                     '(raise it with `ulimit -Hn` as root or in the container settings)')

    # --- 1 and 2: throughput. Every server stays up and the runs go round-robin, so whatever
    # else the machine is doing spreads over all of them instead of landing on one.
    pingpong = {name: [] for name in commands}
    stream = {name: [] for name in commands}
    pingpong_cpu = {name: [] for name in commands}
    stream_cpu = {name: [] for name in commands}
    # The load generator's share of one core: near 100 % it is what limits the run, well below
    # it the generator is waiting for the server.
    pingpong_lg = {name: [] for name in commands}
    stream_lg = {name: [] for name in commands}
    peak_kb = {}
    servers = {name: Server(name, command, workdir) for name, command in commands.items()}
    try:
        for run in range(repeat_long):
            for name, server in servers.items():
                print(f'[pingpong {run + 1}/{repeat_long}] {name}', file=sys.stderr)
                r = loadgen(args.build, 'pingpong', server.port, server.process.pid, clients=50, size=64,
                            seconds=seconds, warmup=warmup)
                if r['ok']:
                    pingpong[name].append(float(r['msgs_per_s']))
                    pingpong_cpu[name].append(float(r['server_cpu_us_per_msg']))
                    pingpong_lg[name].append(100 * float(r['loadgen_cpu_s']) / seconds)
        for run in range(repeat_long):
            for name, server in servers.items():
                print(f'[stream {run + 1}/{repeat_long}] {name}', file=sys.stderr)
                r = loadgen(args.build, 'stream', server.port, server.process.pid, clients=4, size=16384,
                            seconds=seconds, warmup=warmup)
                if r['ok']:
                    stream[name].append(float(r['mb_per_s']))
                    stream_cpu[name].append(float(r['server_cpu_ms_per_mb']))
                    stream_lg[name].append(100 * float(r['loadgen_cpu_s']) / seconds)
        for name, server in servers.items():
            peak_kb[name] = int(server.status().get('VmHWM', '0') or 0)
    finally:
        exits = {name: server.stop() for name, server in servers.items()}
    for name in (EVENT_LOOP, THREAD_PER_CLIENT):
        if exits.get(name) != 0:
            notes.append(f'{name} exited with status {exits.get(name)} on SIGTERM (expected 0)')

    # --- 3 and 4: many clients at once. A fresh server per run, so its VmHWM is this run's peak.
    def many(name, clients, repeats):
        samples = []
        for run in range(repeats):
            print(f'[{clients} clients {run + 1}/{repeats}] {name}', file=sys.stderr)
            server = Server(name, commands[name], workdir)
            try:
                r = loadgen(args.build, 'connect-many', server.port, server.process.pid, clients=clients,
                            size=64, in_flight=100, timeout=30)
            finally:
                server.stop()
            if r['ok']:
                samples.append(r)
            # Let the kernel finish the closing handshakes before the next burst.
            time.sleep(0.3)
        return samples

    connect10k = {}
    if fd_ok:
        for name in (EVENT_LOOP, C_EPOLL):
            connect10k[name] = many(name, 10000, repeat_short)
    connect1k = {name: many(name, 1000, repeat_short) for name in (THREAD_PER_CLIENT, PY_THREADED, EVENT_LOOP)}

    # --- the report
    def num(x, digits=0):
        return f'{x:,.{digits}f}'

    def ratio(a, b):
        return a / b if b else float('nan')

    lines = []
    now = datetime.datetime.now().astimezone()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    lines.append(f'Run {now:%Y-%m-%d %H:%M %Z} on {os.cpu_count()} cores ({cpu}), Linux {platform.release()}, '
                 f'load average before {load_before[0]:.2f}; `bench/run.sh{" --quick" if args.quick else ""}`; '
                 f'medians of {repeat_long} runs (throughput) and {repeat_short} runs (connections), '
                 f'min–max in brackets.')
    lines.append('')

    el_pp, py_pp, c_pp = (median(pingpong[n]) for n in (EVENT_LOOP, PY_THREADED, C_EPOLL))
    lines.append(f'**1. Ping-pong**: 50 clients, 64-byte messages, {seconds} s (after {warmup} s warm-up)')
    lines.append('')
    lines.append('| server | messages/s | × Python | × C | server CPU µs/message | load generator CPU | server peak RSS (after 1+2) |')
    lines.append('|---|---:|---:|---:|---:|---:|---:|')
    for name in commands:
        m = median(pingpong[name])
        lines.append(f'| {name} | {num(m)}{spread(pingpong[name], num)} | {ratio(m, py_pp):.2f} | {ratio(m, c_pp):.2f} '
                     f'| {median(pingpong_cpu[name]):.2f} | {median(pingpong_lg[name]):.0f} % '
                     f'| {peak_kb.get(name, 0) / 1024:.1f} MB |')
    lines.append('')

    el_st, py_st, c_st = (median(stream[n]) for n in (EVENT_LOOP, PY_THREADED, C_EPOLL))
    lines.append(f'**2. Stream**: 4 clients, 16 KiB messages, up to 256 KiB unechoed per client, {seconds} s; '
                 'MB/s = 10⁶ echoed bytes per second')
    lines.append('')
    lines.append('| server | MB/s | × Python | × C | server CPU ms/MB | load generator CPU |')
    lines.append('|---|---:|---:|---:|---:|---:|')
    for name in commands:
        m = median(stream[name])
        lines.append(f'| {name} | {num(m)}{spread(stream[name], num)} | {ratio(m, py_st):.2f} | {ratio(m, c_st):.2f} '
                     f'| {median(stream_cpu[name]):.3f} | {median(stream_lg[name]):.0f} % |')
    lines.append('')

    def many_table(title, results):
        lines.append(title)
        lines.append('')
        lines.append('| server | clients echoed | time (s) | server peak RSS (VmHWM) | server threads |')
        lines.append('|---|---:|---:|---:|---:|')
        for name, samples in results.items():
            if not samples:
                lines.append(f'| {name} | failed | | | |')
                continue
            secs = [float(s['seconds']) for s in samples]
            hwm = [int(s.get('server_hwm_kb', 0) or 0) / 1024 for s in samples]
            threads = [int(s.get('server_threads', 0) or 0) for s in samples]
            echoed = min(int(s['echoed']) for s in samples)
            lines.append(f'| {name} | {num(echoed)} | {median(secs):.2f}{spread(secs, lambda x: f"{x:.2f}")} '
                         f'| {median(hwm):.1f} MB | {int(median(threads))} |')
        lines.append('')

    if fd_ok:
        many_table('**3. 10,000 concurrent clients**, each echoed once (64 bytes), at most 100 connecting at a time; '
                   'all held open while the server\'s status is read', connect10k)
    many_table('**4. 1,000 concurrent clients**, same procedure', connect1k)

    def verdict(ok):
        return 'met' if ok else '**missed**'

    lines.append('**Targets**')
    lines.append('')
    lines.append(f'- ping-pong, event-loop ≥ 3× Python: {ratio(el_pp, py_pp):.2f}× — {verdict(ratio(el_pp, py_pp) >= 3)}')
    lines.append(f'- ping-pong, event-loop ≥ 0.8× C: {ratio(el_pp, c_pp):.2f}× — {verdict(ratio(el_pp, c_pp) >= 0.8)}')
    cpu_el, cpu_py, cpu_c = (median(pingpong_cpu[n]) for n in (EVENT_LOOP, PY_THREADED, C_EPOLL))
    lines.append(f'  (server CPU per message, which the shared cores do not distort: Python uses {ratio(cpu_py, cpu_el):.2f}× '
                 f'and C {ratio(cpu_c, cpu_el):.2f}× what the event-loop server uses; the C reference itself reaches '
                 f'{ratio(c_pp, py_pp):.2f}× Python: with the load generator on the same cores, that is the ceiling)')
    lines.append(f'- stream, event-loop ≥ 2× Python: {ratio(el_st, py_st):.2f}× — {verdict(ratio(el_st, py_st) >= 2)}')
    lines.append(f'- stream, event-loop ≥ 0.8× C: {ratio(el_st, c_st):.2f}× — {verdict(ratio(el_st, c_st) >= 0.8)}')
    el10k = connect10k.get(EVENT_LOOP, [])
    if el10k:
        secs = median([float(s['seconds']) for s in el10k])
        hwm = median([int(s.get('server_hwm_kb', 0) or 0) / 1024 for s in el10k])
        lines.append(f'- 10,000 clients on the event loop within 5 s: {secs:.2f} s — {verdict(secs < 5)}; '
                     f'peak RSS < 200 MB: {hwm:.1f} MB — {verdict(hwm < 200)}')
    else:
        lines.append('- 10,000 clients on the event loop: not run (see notes)')
    tpc = connect1k.get(THREAD_PER_CLIENT, [])
    lines.append(f'- 1,000 clients on thread-per-client: {"served" if tpc else "**failed**"}')
    for note in notes:
        lines.append(f'- note: {note}')
    lines.append('')
    failed = any(len(v) < repeat_long for v in list(pingpong.values()) + list(stream.values())) \
        or any(len(v) < repeat_short for v in list(connect10k.values()) + list(connect1k.values()))
    if failed:
        lines.append(f'(whole run: {time.monotonic() - started_at:.0f} s; some runs failed, server logs kept in {workdir})')
    else:
        lines.append(f'(whole run: {time.monotonic() - started_at:.0f} s)')
        shutil.rmtree(workdir, ignore_errors=True)

    report = '\n'.join(lines) + '\n'
    with open(os.path.join(args.build, 'bench-results.md'), 'w') as f:
        f.write(report)
    print(report)


if __name__ == '__main__':
    main()
