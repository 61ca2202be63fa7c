#!/usr/bin/env bash
# The package on a Debian 12 that has never seen Socketeer: debootstrap a minimal bookworm root
# (from the machine's own apt mirror), `apt install ./socketeer_*.deb` in it, and use what a user
# would: `socketeer --version`, Chinese help, `man socketeer`, Tab completion, the menu entry's
# command (under a virtual display), then `apt remove` and check nothing of it is left.
# Needs root and the network to the Debian mirror, so it is run by hand, not by the test command:
#   sudo scripts/fresh-install.sh [path/to/socketeer_*.deb]     (default: build it with package.sh)
# The root is kept in a temporary folder and removed at the end; KEEP=1 keeps it. BASE=DIR copies
# a pristine debootstrap made earlier (debootstrap --variant=minbase bookworm DIR) instead of
# fetching one again (about ten minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

deb="${1:-}"
if [[ -z "$deb" ]]; then
  scripts/package.sh >/dev/null
  deb=$(ls build-package/socketeer_*.deb)
fi
deb=$(realpath "$deb")
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
mirror="${mirror:-http://deb.debian.org/debian}"

root=$(mktemp -d /tmp/socketeer-fresh.XXXXXX)
cleanup() {
  for m in proc dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
  [[ "${KEEP:-0}" == 1 ]] && echo "kept $root" || rm -rf "$root"
}
trap cleanup EXIT

if [[ -n "${BASE:-}" ]]; then
  echo "=== a copy of the pristine bookworm root in $BASE"
  cp -a "$BASE/." "$root/"
else
  echo "=== debootstrap bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
    || { tail -20 "$root.debootstrap.log"; exit 1; }
  rm -f "$root.debootstrap.log"
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

echo "=== apt install ./$(basename "$deb")"
in_root apt-get update -qq
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./tmp/$(basename "$deb") >/tmp/install.log 2>&1" \
  || { tail -30 "$root/tmp/install.log"; exit 1; }
grep -E "^(Setting up|Unpacking) socketeer" "$root/tmp/install.log"

fail=0
check() {   # check NAME COMMAND...: runs it in the root, shows its first lines, counts a failure
  local name=$1; shift
  if out=$(in_root "$@" 2>&1); then
    echo "ok   $name"; printf '%s\n' "$out" | head -3 | sed 's/^/       /'
  else
    echo "FAIL $name"; printf '%s\n' "$out" | tail -5 | sed 's/^/       /'; fail=1
  fi
}
check "socketeer --version" socketeer --version
check "socketeer serve --help" sh -c 'socketeer serve --help | head -2'
check "LANG=zh_CN.UTF-8 socketeer serve --help is Chinese" sh -c \
  'LANG=zh_CN.UTF-8 socketeer serve --help | tee /dev/stderr | grep -q "用法\|监听"'
# man-db is not part of minbase; a user who reads man pages has it.
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db bash-completion xvfb xauth >/dev/null 2>&1"
check "man socketeer" sh -c 'MANWIDTH=80 man socketeer 2>&1 | col -b | grep -m1 -A1 "^NAME"'
check "bash: Tab after 'socketeer ser'" bash -c \
  '. /usr/share/bash-completion/bash_completion; COMP_WORDS=(socketeer ser); COMP_CWORD=1; COMP_LINE="socketeer ser"; COMP_POINT=${#COMP_LINE};
   _completion_loader socketeer; f=$(complete -p socketeer | sed "s/.*-F \([^ ]*\).*/\1/"); $f socketeer ser socketeer; printf "%s\n" "${COMPREPLY[@]}" | grep -x serve'
check "menu entry" sh -c 'grep -E "^(Name|Exec|Icon)=" /usr/share/applications/socketeer.desktop'
# The menu entry's command, as the desktop runs it: it must still be running (the window open)
# when the timeout ends it, so the exit status is timeout's 124.
check "the menu entry's command opens the window" sh -c \
  'cmd=$(sed -n "s/^Exec=//p" /usr/share/applications/socketeer.desktop | sed "s/ *%[fFuU]//");
   timeout -s TERM 8 xvfb-run -a $cmd >/tmp/gui.log 2>&1; s=$?; cat /tmp/gui.log | head -5; [ $s -eq 124 ]'

echo "=== apt remove socketeer"
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq socketeer >/dev/null 2>&1"
check "nothing of it left" sh -c \
  '! ls /usr/bin/socketeer /usr/share/applications/socketeer.desktop /usr/share/man/man1/socketeer.1.gz 2>/dev/null && ! dpkg -l socketeer 2>/dev/null | grep -q "^ii"'
[[ $fail == 0 ]] && echo "The package installs, works and removes cleanly on a fresh Debian 12." || exit 1
