"""The TLS comparison (issue 10): the same load generator (loadgen --tls) against Socketeer's
server in both models, a minimal C OpenSSL echo server (c_tls_echo.c) and the tutorial's
threaded server wrapped in Python's ssl (tests/peers/tls_threaded_echo_server.py); prints a markdown table of
medians and ratios.

Started by bench/run-tls.sh after it has built the programs. One throwaway EC P-256 certificate
is made for the run; every server uses OpenSSL's defaults (TLS 1.3, its cipher and group
choice), which the run checks with `openssl s_client` and prints. Everything talks to
127.0.0.1 only.
"""
import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import PYTHON, ROOT, Server, loadgen, median, spread  # noqa: E402

EVENT_LOOP = 'Socketeer event-loop'
THREAD_PER_CLIENT = 'Socketeer thread-per-client'
PY_TLS = 'Python ssl threaded (tutorial)'
C_TLS = 'C OpenSSL epoll (reference)'


def make_certificate(workdir):
    cert, key = os.path.join(workdir, 'cert.pem'), os.path.join(workdir, 'key.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
                    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost',
                    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
                   check=True, capture_output=True)
    return cert, key


def server_commands(build, cert, key):
    bench = os.path.join(build, 'bench')
    tls = ['--tls-cert', cert, '--tls-key', key]
    return {
        EVENT_LOOP: [os.path.join(bench, 'socketeer_bench_server'), 'event-loop', *tls, '0'],
        THREAD_PER_CLIENT: [os.path.join(bench, 'socketeer_bench_server'), 'thread-per-client', *tls, '0'],
        PY_TLS: [PYTHON, os.path.join(ROOT, 'tests', 'peers', 'tls_threaded_echo_server.py'), '0', '127.0.0.1', cert, key],
        C_TLS: [os.path.join(bench, 'c_tls_echo'), cert, key, '0'],
    }


def negotiated(port):
    """What `openssl s_client` (defaults, like loadgen) negotiates with the server: the proof that
    every server runs the same protocol, cipher and key exchange."""
    done = subprocess.run(['openssl', 's_client', '-connect', f'127.0.0.1:{port}', '-brief'],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=20)
    fields = {}
    for line in (done.stdout + done.stderr).splitlines():
        key, _, value = line.partition(':')
        if key in ('Protocol version', 'Ciphersuite', 'Server Temp Key', 'Signature type'):
            fields[key] = value.strip()
    return ', '.join(fields.get(k, '?') for k in ('Protocol version', 'Ciphersuite', 'Server Temp Key', 'Signature type'))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', required=True)
    parser.add_argument('--quick', action='store_true', help='1 s runs, one repetition: a smoke test')
    args = parser.parse_args()

    seconds = 1 if args.quick else 5
    hs_seconds = 1 if args.quick else 3
    warmup = 0.2 if args.quick else 0.5
    repeat_long = 1 if args.quick else 3
    repeat_short = 1 if args.quick else 5
    workdir = tempfile.mkdtemp(prefix='socketeer-bench-tls-')
    cert, key = make_certificate(workdir)
    commands = server_commands(args.build, cert, key)
    started_at = time.monotonic()
    load_before = os.getloadavg()
    notes = []
    raw = []   # every RESULT line, for the record

    def run_loadgen(mode, server, **options):
        r = loadgen(args.build, mode, server.port, server.process.pid, tls=True, **options)
        raw.append(f'{server.name}: ' + ' '.join(f'{k}={v}' for k, v in r.items()))
        return r

    names = list(commands)
    pingpong = {n: [] for n in names}
    pingpong_cpu = {n: [] for n in names}
    stream = {n: [] for n in names}
    stream_cpu = {n: [] for n in names}
    handshakes = {n: [] for n in names}
    handshake_cpu = {n: [] for n in names}
    # The load generator's share of one core: near 100 % it is what limits the run.
    lg = {(scenario, n): [] for scenario in ('pingpong', 'stream', 'handshakes') for n in names}
    suites = {}
    servers = {name: Server(name, command, workdir) for name, command in commands.items()}
    try:
        for name, server in servers.items():
            suites[name] = negotiated(server.port)
        # Round-robin, so whatever else the machine is doing spreads over every server alike.
        for run in range(repeat_long):
            for name, server in servers.items():
                print(f'[pingpong {run + 1}/{repeat_long}] {name}', file=sys.stderr)
                r = run_loadgen('pingpong', server, clients=50, size=64, seconds=seconds, warmup=warmup)
                if r['ok']:
                    pingpong[name].append(float(r['msgs_per_s']))
                    pingpong_cpu[name].append(float(r['server_cpu_us_per_msg']))
                    lg['pingpong', name].append(100 * float(r['loadgen_cpu_s']) / seconds)
        for run in range(repeat_long):
            for name, server in servers.items():
                print(f'[stream {run + 1}/{repeat_long}] {name}', file=sys.stderr)
                r = run_loadgen('stream', server, clients=4, size=16384, seconds=seconds, warmup=warmup)
                if r['ok']:
                    stream[name].append(float(r['mb_per_s']))
                    stream_cpu[name].append(float(r['server_cpu_ms_per_mb']))
                    lg['stream', name].append(100 * float(r['loadgen_cpu_s']) / seconds)
        for run in range(repeat_long):
            for name, server in servers.items():
                print(f'[handshakes {run + 1}/{repeat_long}] {name}', file=sys.stderr)
                r = run_loadgen('handshakes', server, in_flight=8, seconds=hs_seconds, warmup=warmup)
                if r['ok']:
                    handshakes[name].append(float(r['handshakes_per_s']))
                    handshake_cpu[name].append(float(r['server_cpu_us_per_handshake']))
                    lg['handshakes', name].append(100 * float(r['loadgen_cpu_s']) / hs_seconds)
    finally:
        exits = {name: server.stop() for name, server in servers.items()}
    for name in (EVENT_LOOP, THREAD_PER_CLIENT):
        if exits.get(name) != 0:
            notes.append(f'{name} exited with status {exits.get(name)} on SIGTERM (expected 0)')

    # 1,000 clients at once: a fresh server per run, its RSS read while every client is connected.
    def many(name, clients, repeats):
        samples = []
        for run in range(repeats):
            print(f'[{clients} TLS clients {run + 1}/{repeats}] {name}', file=sys.stderr)
            server = Server(name, commands[name], workdir)
            try:
                r = run_loadgen('connect-many', server, clients=clients, size=64, in_flight=100, timeout=60)
            finally:
                server.stop()
            if r['ok']:
                samples.append(r)
            time.sleep(0.3)   # let the kernel finish the closing handshakes before the next burst
        return samples

    connect1k = {name: many(name, 1000, repeat_short) for name in (EVENT_LOOP, C_TLS, THREAD_PER_CLIENT, PY_TLS)}

    # --- the report
    def num(x, digits=0):
        return f'{x:,.{digits}f}'

    def ratio(a, b):
        return a / b if b else float('nan')

    lines = []
    now = datetime.datetime.now().astimezone()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    openssl_version = subprocess.run(['openssl', 'version'], capture_output=True, text=True).stdout.strip()
    lines.append(f'Run {now:%Y-%m-%d %H:%M %Z} on {os.cpu_count()} cores ({cpu}), Linux {platform.release()}, '
                 f'{openssl_version}, load average before {load_before[0]:.2f}; '
                 f'`bench/run-tls.sh{" --quick" if args.quick else ""}`; medians of {repeat_long} runs '
                 f'(throughput, handshakes) and {repeat_short} runs (connections), min–max in brackets.')
    lines.append('')
    distinct = set(suites.values())
    lines.append('Negotiated by `openssl s_client` with each server (OpenSSL defaults everywhere, one throwaway '
                 'EC P-256 certificate): ' + ('; '.join(f'{n}: {s}' for n, s in suites.items()) if len(distinct) > 1
                                              else f'all four: {distinct.pop() if distinct else "?"}'))
    lines.append('')

    el_pp, py_pp, c_pp = (median(pingpong[n]) for n in (EVENT_LOOP, PY_TLS, C_TLS))
    lines.append(f'**1. Ping-pong over TLS**: 50 clients, 64-byte messages, {seconds} s (after {warmup} s warm-up)')
    lines.append('')
    lines.append('| server | messages/s | × Python | × C | server CPU µs/message | load generator CPU |')
    lines.append('|---|---:|---:|---:|---:|---:|')
    for name in names:
        m = median(pingpong[name])
        lines.append(f'| {name} | {num(m)}{spread(pingpong[name], num)} | {ratio(m, py_pp):.2f} | {ratio(m, c_pp):.2f} '
                     f'| {median(pingpong_cpu[name]):.2f} | {median(lg["pingpong", name]):.0f} % |')
    lines.append('')

    el_st, py_st, c_st = (median(stream[n]) for n in (EVENT_LOOP, PY_TLS, C_TLS))
    lines.append(f'**2. Stream over TLS**: 4 clients, 16 KiB messages, up to 256 KiB unechoed per client, {seconds} s; '
                 'MB/s = 10⁶ echoed plaintext bytes per second')
    lines.append('')
    lines.append('| server | MB/s | × Python | × C | server CPU ms/MB | load generator CPU |')
    lines.append('|---|---:|---:|---:|---:|---:|')
    for name in names:
        m = median(stream[name])
        lines.append(f'| {name} | {num(m)}{spread(stream[name], num)} | {ratio(m, py_st):.2f} | {ratio(m, c_st):.2f} '
                     f'| {median(stream_cpu[name]):.3f} | {median(lg["stream", name]):.0f} % |')
    lines.append('')

    el_hs, tpc_hs, c_hs = (median(handshakes[n]) for n in (EVENT_LOOP, THREAD_PER_CLIENT, C_TLS))
    lines.append(f'**3. Full handshakes**: 8 connections in flight, each a full TLS 1.3 handshake (no resumption), '
                 f'close_notify and close, {hs_seconds} s')
    lines.append('')
    lines.append('| server | handshakes/s | × C | server CPU µs/handshake | load generator CPU |')
    lines.append('|---|---:|---:|---:|---:|')
    for name in names:
        m = median(handshakes[name])
        lines.append(f'| {name} | {num(m)}{spread(handshakes[name], num)} | {ratio(m, c_hs):.2f} '
                     f'| {median(handshake_cpu[name]):.0f} | {median(lg["handshakes", name]):.0f} % |')
    lines.append('')

    lines.append('**4. 1,000 concurrent TLS clients**, each through the handshake and echoed once (64 bytes), at most '
                 '100 connecting at a time; all held open while the server\'s status is read')
    lines.append('')
    lines.append('| server | clients echoed | time (s) | server RSS, all connected | peak RSS (VmHWM) | server threads |')
    lines.append('|---|---:|---:|---:|---:|---:|')
    for name, samples in connect1k.items():
        if not samples:
            lines.append(f'| {name} | failed | | | | |')
            continue
        secs = [float(s['seconds']) for s in samples]
        rss = [int(s.get('server_rss_kb', 0) or 0) / 1024 for s in samples]
        hwm = [int(s.get('server_hwm_kb', 0) or 0) / 1024 for s in samples]
        threads = [int(s.get('server_threads', 0) or 0) for s in samples]
        echoed = min(int(s['echoed']) for s in samples)
        lines.append(f'| {name} | {num(echoed)} | {median(secs):.2f}{spread(secs, lambda x: f"{x:.2f}")} '
                     f'| {median(rss):.1f} MB | {median(hwm):.1f} MB | {int(median(threads))} |')
    lines.append('')

    def verdict(ok):
        return 'met' if ok else '**missed**'

    lines.append('**Targets**')
    lines.append('')
    lines.append(f'- TLS stream, event-loop ≥ 0.8× C: {ratio(el_st, c_st):.2f}× — {verdict(ratio(el_st, c_st) >= 0.8)}')
    lines.append(f'- TLS ping-pong, event-loop ≥ 3× Python: {ratio(el_pp, py_pp):.2f}× — {verdict(ratio(el_pp, py_pp) >= 3)}')
    cpu_el, cpu_py, cpu_c = (median(pingpong_cpu[n]) for n in (EVENT_LOOP, PY_TLS, C_TLS))
    lines.append(f'  (server CPU per message, which the shared cores do not distort: Python uses {ratio(cpu_py, cpu_el):.2f}× '
                 f'and C {ratio(cpu_c, cpu_el):.2f}× what the event-loop server uses; the C reference itself reaches '
                 f'{ratio(c_pp, py_pp):.2f}× Python: with the load generator on the same cores, that is the ceiling)')
    el1k = connect1k.get(EVENT_LOOP, [])
    if el1k:
        rss = median([int(s.get('server_rss_kb', 0) or 0) / 1024 for s in el1k])
        lines.append(f'- 1,000 TLS clients on the event loop under 300 MB RSS: {rss:.1f} MB — {verdict(rss < 300)}')
    else:
        lines.append('- 1,000 TLS clients on the event loop: **failed** (see the raw lines)')
    lines.append(f'- handshakes/s against C: event-loop {ratio(el_hs, c_hs):.2f}×, thread-per-client {ratio(tpc_hs, c_hs):.2f}×')
    for note in notes:
        lines.append(f'- note: {note}')
    lines.append('')
    failed = any(len(v) < repeat_long for v in list(pingpong.values()) + list(stream.values()) + list(handshakes.values())) \
        or any(len(v) < repeat_short for v in connect1k.values())
    if failed:
        lines.append(f'(whole run: {time.monotonic() - started_at:.0f} s; some runs failed, server logs kept in {workdir})')
    else:
        lines.append(f'(whole run: {time.monotonic() - started_at:.0f} s)')
        shutil.rmtree(workdir, ignore_errors=True)

    report = '\n'.join(lines) + '\n'
    with open(os.path.join(args.build, 'bench-tls-results.md'), 'w') as f:
        f.write(report)
    with open(os.path.join(args.build, 'bench-tls-raw.txt'), 'w') as f:
        f.write('\n'.join(raw) + '\n')
    print(report)


if __name__ == '__main__':
    main()
