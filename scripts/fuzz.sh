#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes with libFuzzer (docs/FUZZING.md).
#   scripts/fuzz.sh [options] [SECONDS] [TARGET]
#     SECONDS   how long each target runs (default 60)
#     TARGET    one of: smtpserver smtpreply mailparser mailaddress hex encoding checksum framing saved chatroom chatline macros rules lab timeline relayspec mailsearch roomannouncement (default: all, in turn)
#   --merge     afterwards, merge the inputs that found new coverage into tests/fuzz/corpus/TARGET
#               (libFuzzer -merge=1: only inputs that add coverage); review and commit them
#   --ci        20 s per target, no merge: the short run CI makes
#   --build-only  only build the fuzz binaries
#   --timeout N   an input that runs longer than N seconds is a failure (default 10). Raise it for
#               long runs on a loaded machine, where a starved process can pass 10 s on any input
# Builds build-fuzz/ with clang, -fsanitize=fuzzer-no-link,address,undefined for the whole core and
# -fsanitize=fuzzer for the targets. New inputs go to a temporary folder, never into the committed
# corpus unless --merge says so. Exits non-zero if any target crashed or broke a property; the crash
# input's path is printed (it is kept under build-fuzz/artifacts/TARGET/); every run's whole log is
# kept in build-fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_targets=(smtpserver smtpreply mailparser mailaddress hex encoding checksum framing saved chatroom chatline macros rules lab timeline relayspec mailsearch roomannouncement)
seconds=60
target=all
merge=0
build_only=0
timeout=10
while [ $# -gt 0 ]; do
  case "$1" in
    --merge) merge=1 ;;
    --ci) seconds=20; merge=0 ;;
    --build-only) build_only=1 ;;
    --timeout) shift; timeout=${1:?--timeout needs a number of seconds} ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    [0-9]*) seconds=$1 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) target=$1 ;;
  esac
  shift
done
if [ "$target" = all ]; then
  targets=("${all_targets[@]}")
else
  case " ${all_targets[*]} " in
    *" $target "*) targets=("$target") ;;
    *) echo "fuzz.sh: no target '$target' (have: ${all_targets[*]})" >&2; exit 2 ;;
  esac
fi

# Longest input per target: enough for every construct it parses, short enough to stay fast.
max_len() {
  case "$1" in
    smtpserver) echo 4096 ;;
    smtpreply) echo 4096 ;;
    mailparser) echo 16384 ;;
    mailaddress) echo 512 ;;
    hex|encoding) echo 1024 ;;
    checksum) echo 2048 ;;   # a spec line and a message: long enough for every table path
    framing) echo 2048 ;;
    saved) echo 4096 ;;     # a small library: a few messages and a sequence
    chatroom) echo 4096 ;;   # a few clients' joins, lines and leaves
    chatline) echo 4096 ;;   # a few received lines
    macros) echo 1024 ;;   # a template: every macro and escape fits
    rules) echo 4096 ;;    # a rules file of a few rules, or a spec line and a message
    lab) echo 4096 ;;      # a lab of a few steps
    timeline) echo 8192 ;;  # a few calls with their bytes in hex
    relayspec) echo 512 ;;  # a line of impairments
    mailsearch) echo 512 ;;  # a search as typed
    roomannouncement) echo 600 ;;  # one datagram: past the 512-byte bound, to try the refusal
  esac
}

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}" CCACHE_NOHASHDIR=1
build="$root/build-fuzz"
# -O1: fast enough to fuzz, still debuggable; Debug keeps Q_ASSERT on.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DSOCKETEER_FUZZ=ON -DSOCKETEER_SANITIZE=address,undefined -DSOCKETEER_WERROR=OFF \
  -DSOCKETEER_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")
[ "$build_only" = 1 ] && exit 0

export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"

failed=()
summary=()
for t in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$t"
  work=$(mktemp -d "${TMPDIR:-/tmp}/socketeer-fuzz-$t.XXXXXX")
  artifacts="$build/artifacts/$t"
  mkdir -p "$work/new" "$artifacts" "$build/logs"
  args=(-max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout="$timeout" -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "$root/tests/fuzz/dict/$t.dict" ] && args+=(-dict="$root/tests/fuzz/dict/$t.dict")
  echo "=== fuzz_$t: ${seconds}s ==="
  log="$work/log"
  : >"$log"   # there before tail looks, however late the fuzzer starts
  # New inputs are written to the first folder (the temporary one); the corpus is only read.
  "$build/tests/fuzz/fuzz_$t" "${args[@]}" "$work/new" "$corpus" >"$log" 2>&1 &
  pid=$!
  # Progress and any report, not every new input.
  tail -n +1 -f --pid=$pid "$log" | grep --line-buffered -E \
    '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)|^(==|SUMMARY|.*property failed|.*runtime error|Test unit written)' || true
  status=0
  wait $pid || status=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  cp "$log" "$build/logs/$t-$(date +%Y%m%d-%H%M%S).log"
  if [ "$status" -ne 0 ]; then
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    failed+=("$t")
    summary+=("fuzz_$t: FAILED (exit $status); input: ${crash:-none written}; log: $log")
    continue   # keep the log and the new inputs for a look
  fi
  summary+=("fuzz_$t: ${done_line:-no DONE line}")
  if [ "$merge" = 1 ]; then
    before=$(ls "$corpus" | wc -l)
    "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len="$(max_len "$t")" "$corpus" "$work/new" >"$work/merge.log" 2>&1
    echo "merged into tests/fuzz/corpus/$t: $before -> $(ls "$corpus" | wc -l) files"
  fi
  rm -rf "$work"
done

echo "=== summary ==="
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes or broken properties in: ${failed[*]}" >&2
  exit 1
fi
