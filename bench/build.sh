# Sourced by the bench/run*.sh scripts: configures the Release benchmark tree ($BUILD_DIR, default
# build-bench) and builds the targets given, setting $here, $root and $build for the caller.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build-bench}"

build_bench_targets() {
  local generator=()
  if [[ ! -f "$build/CMakeCache.txt" ]] && command -v ninja >/dev/null; then
    generator=(-G Ninja)
  fi
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DSOCKETEER_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" -j "${JOBS:-2}" --target "$@" >&2
}
