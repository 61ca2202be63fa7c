#!/usr/bin/env bash
# Auto-reply rules at speed (issue 11): Socketeer's server answering 50 ping-pong clients with 20
# regular-expression rules and line framing (bench/rules20.json: 19 rules that miss, the last one
# answers the line with itself), side by side with the same server echoing, no rules. Each message
# is a 64-byte line (loadgen --line), so both servers see the same bytes; the rules server splits
# lines, decodes each, runs up to 20 regexes and builds the reply from a capture. Both concurrency
# models; REPEAT runs each (default 3), interleaved, and the median is reported.
#
#   bench/run-rules.sh [SECONDS]     seconds per run (default 5)
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2), REPEAT (default 3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer_bench_server loadgen
seconds=${1:-5}
repeat=${REPEAT:-3}
exec /usr/bin/python3 - "$build" "$here/rules20.json" "$seconds" "$repeat" <<'PY'
import statistics, subprocess, sys
build, rules, seconds, repeat = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])

def start(model, extra):
    p = subprocess.Popen([f'{build}/bench/socketeer_bench_server', model] + extra, stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    if not line.startswith('listening on '):
        p.kill()
        sys.exit(f'server did not start: {line!r}')
    return p, int(line.split()[2])

def run(port, pid):
    done = subprocess.run([f'{build}/bench/loadgen', 'pingpong', '--port', str(port), '--server-pid', str(pid),
                           '--clients', '50', '--size', '64', '--seconds', str(seconds), '--warmup', '0.5', '--line'],
                          capture_output=True, text=True, timeout=seconds + 60)
    line = next((l for l in done.stdout.splitlines() if l.startswith('RESULT ')), '')
    fields = dict(f.split('=', 1) for f in line.split()[1:] if '=' in f)
    if done.returncode != 0 or int(fields.get('errors', '1')) != 0:
        sys.exit(f'loadgen failed: {line or done.stderr}')
    return float(fields['msgs_per_s']), float(fields.get('server_cpu_us_per_msg', 'nan'))

rows = []
for model in ('event-loop', 'thread-per-client'):
    servers = {'echo': start(model, []), 'rules': start(model, ['--rules', rules])}
    results = {name: [] for name in servers}
    cpu = {name: [] for name in servers}
    try:
        for i in range(repeat):
            for name, (proc, port) in servers.items():
                print(f'[{model} {i + 1}/{repeat}] {name}', file=sys.stderr)
                rate, us = run(port, proc.pid)
                results[name].append(rate)
                cpu[name].append(us)
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(timeout=30)
    echo, ruled = statistics.median(results['echo']), statistics.median(results['rules'])
    rows.append((model, echo, ruled, results, cpu))

print(f'Ping-pong, 50 clients, 64-byte lines, {seconds:g} s per run, median of {repeat} (min–max)')
print()
print('| model | echo, no rules (msg/s) | 20 regex rules + line framing (msg/s) | rules ÷ echo | server CPU µs/msg echo / rules |')
print('|---|---:|---:|---:|---:|')
for model, echo, ruled, results, cpu in rows:
    span = lambda v: f'{statistics.median(v):,.0f} ({min(v):,.0f}–{max(v):,.0f})'
    print(f'| {model} | {span(results["echo"])} | {span(results["rules"])} | {ruled / echo:.2f} '
          f'| {statistics.median(cpu["echo"]):.1f} / {statistics.median(cpu["rules"]):.1f} |')
PY
