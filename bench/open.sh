#!/bin/sh
# Time for the review UI to open a folder of N report copies: first screen
# (list shown, loading in progress) and all reports scored and cross-checked.
# Prints figures; asserts nothing.
# usage: bench/open.sh [SHENYUE] [N] [SRC_FOLDER]
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
shenyue=${1:-./shenyue}
n=${2:-2000}
src=${3:-$srcdir/examples}
[ -d "$srcdir/../shared/seeds" ] && [ -z "${3:-}" ] && src=$srcdir/../shared/seeds
command -v tmux >/dev/null || { echo "bench/open.sh: tmux is needed"; exit 0; }
tmp=$(mktemp -d)
sock=shenyue-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
set -- "$src"/*.txt
i=0
while [ "$i" -lt "$n" ]; do
	for f in "$@"; do
		[ "$i" -ge "$n" ] && break
		cp "$f" "$tmp/$(printf '%05d' "$i")_$(basename "$f")"
		i=$((i + 1))
	done
done
now_ms() { date +%s%3N; }
screen() { tmux -L "$sock" capture-pane -p -t b 2>/dev/null || true; }
start=$(now_ms)
tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 40 \
	"env LC_ALL=C.UTF-8 TERM=screen $shenyue $tmp; sleep 60"
until screen | grep -q "Reports"; do sleep 0.02; done
first=$(now_ms)
until screen | grep -q "$n reports" && ! screen | grep -q "loading"; do sleep 0.02; done
scored=$(now_ms)
until screen | grep -q "$n reports" && ! screen | grep -q "cross-checking"; do sleep 0.02; done
done_ms=$(now_ms)
# Keys answered once loaded: move down the list and see the viewer follow.
moves=$((n > 200 ? 200 : n - 1))
tmux -L "$sock" send-keys -t b 1
k0=$(now_ms)
i=0
while [ "$i" -lt "$moves" ]; do tmux -L "$sock" send-keys -t b j; i=$((i + 1)); done
tries=0
until screen | grep -q "2 $(printf '%05d' "$moves")_" || [ "$tries" -gt 500 ]; do
	sleep 0.02
	tries=$((tries + 1))
done
k1=$(now_ms)
rss=$(ps -o rss= -p "$(pgrep -f "^[^ ]*shenyue $tmp" | head -n 1)" 2>/dev/null || echo "?")
echo "reports:          $n (copies of $(ls "$src"/*.txt | wc -l) from $src)"
echo "first screen:     $((first - start)) ms"
echo "all scored:       $((scored - start)) ms (incremental, UI answers keys meanwhile)"
echo "cross-checked:    $((done_ms - start)) ms (in slices, UI answers keys meanwhile)"
echo "$moves list moves:  $((k1 - k0)) ms (one tmux send-keys each)"
echo "resident memory:  ${rss} KiB"
