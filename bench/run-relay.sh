#!/usr/bin/env bash
# The relay without impairments against socat's relay (issue 13), side by side in one run, both in
# front of the same minimal C epoll echo server (bench/c_epoll_echo.c), with the server alone as
# the ceiling:
#   - bulk: one client streaming 64 KiB writes through the relay and back (loadgen stream);
#   - ping-pong: 50 clients, 64-byte messages (loadgen pingpong);
#   - timers under load: 1,000 ping-pong clients through `--latency 50` (each way), so every round
#     trip should take 100 ms; the round trip measured (clients ÷ messages per second) says how far
#     the timers drift when a thousand of them are due at once.
# socat runs as its manual shows for a relay: TCP-LISTEN with fork (a process per connection), once
# with its default 8 KiB buffer and once with `-b 262144`, so that its buffer size is not why it loses.
# REPEAT runs of each (default 3), interleaved; medians and ratios are reported.
#
#   bench/run-relay.sh [SECONDS]     seconds per run (default 5)
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2), REPEAT (default 3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer loadgen c_epoll_echo
command -v socat >/dev/null || { echo "run-relay.sh: socat is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
seconds=${1:-5}
repeat=${REPEAT:-3}
exec /usr/bin/python3 - "$build" "$seconds" "$repeat" <<'PY'
import resource, socket, statistics, subprocess, sys, time
build, seconds, repeat = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))   # 1,000 clients through a relay: 3,000+ descriptors

def first_line(p, what):
    line = p.stdout.readline()
    if not line.startswith('listening on '):
        p.kill()
        sys.exit(f'{what} did not start: {line!r}')
    return int(line.split()[-1])

def free_port():
    # socat cannot say which port it got: one is picked here (a benchmark, not a test, may race).
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

echo = subprocess.Popen([f'{build}/bench/c_epoll_echo', '0'], stdout=subprocess.PIPE, text=True)
echo_port = first_line(echo, 'c_epoll_echo')
procs = [echo]

def socketeer_relay(extra):
    p = subprocess.Popen([f'{build}/app/socketeer', 'relay', '--listen', '0', '--to', f'127.0.0.1:{echo_port}', '--quiet',
                          '--max-connections', '4096'] + extra, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    procs.append(p)
    return first_line(p, 'socketeer relay')

def socat_relay(extra=()):
    port = free_port()
    p = subprocess.Popen(['socat', *extra, f'TCP-LISTEN:{port},bind=127.0.0.1,fork,reuseaddr', f'TCP:127.0.0.1:{echo_port}'],
                         stderr=subprocess.DEVNULL)
    procs.append(p)
    for _ in range(100):   # until it listens
        with socket.socket() as s:
            if s.connect_ex(('127.0.0.1', port)) == 0:
                return port
        time.sleep(0.05)
    sys.exit('socat did not start')

def run(mode, port, clients, size):
    args = [f'{build}/bench/loadgen', mode, '--port', str(port), '--clients', str(clients), '--size', str(size),
            '--seconds', str(seconds), '--warmup', '0.5']
    done = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 120)
    line = next((l for l in done.stdout.splitlines() if l.startswith('RESULT ')), '')
    fields = dict(f.split('=', 1) for f in line.split()[1:] if '=' in f)
    if done.returncode != 0 or int(fields.get('errors', '1')) != 0:
        sys.exit(f'loadgen failed: {line or done.stderr}')
    return float(fields['mb_per_s'] if mode == 'stream' else fields['msgs_per_s'])

try:
    targets = {'direct': echo_port, 'socat': socat_relay(), 'socat -b 262144': socat_relay(['-b', '262144']),
               'socketeer': socketeer_relay([])}
    results = {(name, kind): [] for name in targets for kind in ('bulk', 'pingpong')}
    for i in range(repeat):
        for name, port in targets.items():
            print(f'[{i + 1}/{repeat}] {name}', file=sys.stderr)
            results[(name, 'bulk')].append(run('stream', port, 1, 64 * 1024))
            results[(name, 'pingpong')].append(run('pingpong', port, 50, 64))
    delayed = socketeer_relay(['--latency', '50'])
    rtts = []
    for i in range(repeat):
        print(f'[{i + 1}/{repeat}] 1,000 clients, latency 50 ms each way', file=sys.stderr)
        rate = run('pingpong', delayed, 1000, 64)
        rtts.append(1000.0 / rate * 1000.0)
finally:
    for p in procs:
        p.terminate()
        p.wait(timeout=30)

med = {key: statistics.median(v) for key, v in results.items()}
span = lambda v: f'{min(v):,.0f}–{max(v):,.0f}'
print(f'Relays in front of bench/c_epoll_echo, {seconds:g} s per run, median of {repeat} (min–max)')
print()
print('| path | bulk, 1 client, 64 KiB writes (MB/s echoed) | ping-pong, 50 clients (msg/s) |')
print('| --- | --- | --- |')
for name in targets:
    print(f"| {name} | {med[(name, 'bulk')]:,.0f} ({span(results[(name, 'bulk')])}) | {med[(name, 'pingpong')]:,.0f} ({span(results[(name, 'pingpong')])}) |")
print()
for socat in ('socat', 'socat -b 262144'):
    print(f"socketeer ÷ {socat}: bulk {med[('socketeer', 'bulk')] / med[(socat, 'bulk')]:.2f}× (bar 0.9×), "
          f"ping-pong {med[('socketeer', 'pingpong')] / med[(socat, 'pingpong')]:.2f}× (bar 0.8×)")
print(f'1,000 clients through latency=50 (100 ms a round trip): median round trip {statistics.median(rtts):.1f} ms '
      f'(runs {", ".join(f"{r:.1f}" for r in rtts)})')
PY
