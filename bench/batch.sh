#!/bin/sh
# The batch benchmark of issue 12: a batch made by ../shared/tools/gen_batch.py,
# `shenyue check --format yaml` timed against `grep -c 、 -r` in the same run,
# peak memory, and the review UI through tmux (first screen, all scored and
# cross-checked, resident memory, keys in a 1 MB report). Best of RUNS runs.
# Prints figures; asserts nothing.
#
# usage: bench/batch.sh [-n N] [-r RUNS] [-j JOBS] [--no-tui] [--no-keys] [--row]
#                       SHENYUE RUNSTAT [STAGES]
#   -n N       reports in the batch (default 10000)
#   -r RUNS    runs of each measure, the best is kept (default 3)
#   -j JOBS    passed to check as -j JOBS (default: its own default)
#   --row      print one row of the README's scaling table instead
#   STAGES     bench/bench_stages: also where check's time goes, stage by stage
# The batch is made once under $BENCH_DIR (default /tmp/perf; remove it when
# done) and reused: gen_batch.py gives the same files for the same N.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
n=10000 runs=3 jobs= tui=1 keys=1 row=0
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-r) runs=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--no-tui) tui=0; shift ;;
	--no-keys) keys=0; shift ;;
	--row) row=1; shift ;;
	*) break ;;
	esac
done
shenyue=$(cd "$(dirname "${1:?usage: batch.sh [options] SHENYUE RUNSTAT}")" && pwd)/$(basename "$1")
runstat=$(cd "$(dirname "${2:?usage: batch.sh [options] SHENYUE RUNSTAT}")" && pwd)/$(basename "$2")
stages=${3:-}
gen=${GEN_BATCH:-$srcdir/../shared/tools/gen_batch.py}
[ -f "$gen" ] || { echo "bench/batch.sh: no $gen: skipped"; exit 0; }
command -v python3 >/dev/null || { echo "bench/batch.sh: python3 is needed: skipped"; exit 0; }
base=${BENCH_DIR:-/tmp/perf}
dir=$base/batch-$n
big=$base/big
mkdir -p "$base"
if [ ! -f "$dir/.complete" ]; then
	rm -rf "$dir"
	python3 "$gen" "$n" "$dir" >/dev/null
	touch "$dir/.complete"
fi
if [ "$keys" = 1 ] && [ ! -f "$big/big.txt" ]; then
	rm -rf "$big"
	python3 "$gen" 0 "$big" --big 1 >/dev/null
fi
bytes=$(find "$dir" -name '*.txt' -exec cat {} + | wc -c)
# the page cache holds the batch for both commands alike
grep -c 、 -r "$dir" >/dev/null || true

# runstat does not take a command with redirections: alternate the two
# commands run by run, so both see the same load
measure_cli() {
	gw= cw= cp=
	i=0
	jopt=${jobs:+-j$jobs}
	while [ "$i" -lt "$runs" ]; do
		set -- $("$runstat" grep -c 、 -r "$dir")
		[ -z "$gw" ] || [ "$1" -lt "$gw" ] && gw=$1
		set -- $("$runstat" -o "$base/out.yaml" "$shenyue" check $jopt --format yaml "$dir")
		[ -z "$cw" ] || [ "$1" -lt "$cw" ] && cw=$1
		[ -z "$cp" ] || [ "$2" -lt "$cp" ] && cp=$2
		i=$((i + 1))
	done
	[ "$gw" -gt 0 ] || gw=1
}

now_ms() { date +%s%3N; }
sock=shenyue-bench-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t b 2>/dev/null || true; }
cleanup() { tm kill-server 2>/dev/null || true; rm -f "$base/out.yaml"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# tui_start FOLDER: opens the UI on FOLDER in a 120x40 tmux pane; sets $t0
tui_start() {
	rm -rf "$base/state"
	t0=$(now_ms)
	tm new-session -d -s b -x 120 -y 40 \
		"env LC_ALL=C.UTF-8 TERM=screen XDG_CONFIG_HOME=$base/no-config $shenyue --state $base/state $1; sleep 600"
}
tui_pid() { pgrep -f "^[^ ]*shenyue --state $base/state $1\$" | head -n 1; }
tui_stop() { tm kill-server 2>/dev/null || true; sleep 0.3; }

# until_screen PATTERN [NOT]: polls (20 ms) until the pane shows PATTERN and not NOT
until_screen() {
	while :; do
		pane=$(screen)
		if printf '%s' "$pane" | grep -q -- "$1"; then
			[ -z "${2:-}" ] && return 0
			printf '%s' "$pane" | grep -q -- "$2" || return 0
		fi
		sleep 0.02
	done
}

# measure_tui: first screen, all scored, cross-checked (ms), resident KiB
measure_tui() {
	tf= ts= tc= rss= hwm=
	i=0
	while [ "$i" -lt "$runs" ]; do
		tui_start "$dir"
		until_screen "Reports"
		f=$(($(now_ms) - t0))
		until_screen "$n reports" "loading"
		s=$(($(now_ms) - t0))
		until_screen "$n reports" "cross-checking\|loading"
		c=$(($(now_ms) - t0))
		pid=$(tui_pid "$dir")
		r=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
		h=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
		tui_stop
		[ -z "$tf" ] || [ "$f" -lt "$tf" ] && tf=$f
		[ -z "$ts" ] || [ "$s" -lt "$ts" ] && ts=$s
		[ -z "$tc" ] || [ "$c" -lt "$tc" ] && tc=$c
		[ -z "$rss" ] || [ "$r" -lt "$rss" ] && { rss=$r; hwm=$h; }
		i=$((i + 1))
	done
}

# viewer_line: the "L12/4748" position the viewer's title shows
viewer_line() { screen | grep -o ' L[0-9]*/[0-9]*' | head -n 1; }

# keys_ms COUNT WANT KEY...: ms per key for COUNT presses of the keys in turn,
# each sent by its own tmux send-keys as a typist would (so the UI redraws
# after each), timed until the viewer shows WANT; includes tmux's own time
keys_ms() {
	count=$1 want=$2
	shift 2
	k0=$(now_ms)
	i=0
	while [ "$i" -lt "$count" ]; do
		for k in "$@"; do tm send-keys -t b "$k"; done
		i=$((i + 1))
	done
	until [ "$(viewer_line)" = "$want" ]; do sleep 0.005; done
	awk -v ms=$(($(now_ms) - k0)) -v k=$((count * $#)) 'BEGIN { printf "%.1f", ms / k }'
}

# rehearse COUNT KEY...: the position the keys lead to from the top, and back to the top
rehearse() {
	count=$1
	shift
	i=0
	while [ "$i" -lt "$count" ]; do tm send-keys -t b "$@"; i=$((i + 1)); done
	sleep 1
	viewer_line
	tm send-keys -t b g
	until [ "$(viewer_line)" = " L1/$lines" ]; do sleep 0.02; done
}

# the search's hit counter of the viewer's title ("/法治 12/5827" gives 12)
hit_index() { screen | grep -o '/法治 [0-9]*/' | head -n 1 | tr -dc 0-9; }

# search_ms COUNT: ms per 'n' (next hit), sent one by one, until the hit
# counter has gone COUNT hits further
search_ms() {
	h0=$(hit_index)
	k0=$(now_ms)
	i=0
	while [ "$i" -lt "$1" ]; do tm send-keys -t b n; i=$((i + 1)); done
	until [ "$(hit_index)" = $((h0 + $1)) ]; do sleep 0.005; done
	awk -v ms=$(($(now_ms) - k0)) -v k="$1" 'BEGIN { printf "%.1f", ms / k }'
}

measure_keys() {
	tui_start "$big"
	until_screen " L1/[0-9]"
	tm send-keys -t b 2
	sleep 0.5
	lines=$(viewer_line | sed 's|.*/||')
	pgdn=$(keys_ms 60 "$(rehearse 60 NPage)" NPage)
	gG=$(keys_ms 30 "$(rehearse 30 G g)" G g)
	tm send-keys -t b / 法治 Enter
	until_screen "/法治 [0-9]"
	search=$(search_ms 100)
	# tmux's own share: as many send-keys to a pane that reads nothing
	tm new-session -d -s idle "sleep 600"
	k0=$(now_ms)
	i=0
	while [ "$i" -lt 60 ]; do tm send-keys -t idle NPage; i=$((i + 1)); done
	tmuxonly=$(awk -v ms=$(($(now_ms) - k0)) 'BEGIN { printf "%.1f", ms / 60 }')
	tui_stop
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n * 1000 / ms }'; }
load=$(cut -d' ' -f1-3 /proc/loadavg)

measure_cli
if [ "$row" = 1 ]; then
	# | reports | MB | check reports/s | check MB/s | check peak MB | TUI reports/s | TUI MB/s | TUI resident MB |
	tr="–" tm_="–" tres="–"
	if [ "$tui" = 1 ]; then
		measure_tui
		tr=$(rate "$n" "$tc")
		tm_=$(rate "$(mb "$bytes")" "$tc")
		tres=$(mb $((rss * 1024)))
	fi
	echo "| $n | $(mb "$bytes") | $(rate "$n" "$cw") | $(rate "$(mb "$bytes")" "$cw") | $(mb $((cp * 1024))) | $tr | $tm_ | $tres |"
	exit 0
fi
echo "batch: $n reports, $(mb "$bytes") MB in $dir; best of $runs; load average $load"
printf '%-44s %s\n' "check --format yaml vs grep -c 、 -r (wall)" \
	"$cw ms vs $gw ms: $(ratio "$cw" "$gw")x (goal <= 3x)"
printf '%-44s %s\n' "peak memory of that check" \
	"$(mb $((cp * 1024))) MB, $(ratio $((cp * 1024)) "$bytes") bytes per byte (goal <= 64 MB)"
printf '%-44s %s\n' "check throughput" "$(rate "$n" "$cw") reports/s, $(rate "$(mb "$bytes")" "$cw") MB/s"
[ -z "$stages" ] || "$stages" "$dir" "$gw"
if [ "$tui" = 1 ] && command -v tmux >/dev/null; then
	measure_tui
	printf '%-44s %s\n' "TUI: first screen" "$tf ms (goal <= 200 ms)"
	printf '%-44s %s\n' "TUI: all scored" "$ts ms"
	printf '%-44s %s\n' "TUI: all scored and cross-checked" "$tc ms: $(ratio "$tc" "$gw")x grep (goal <= 5x)"
	printf '%-44s %s\n' "TUI resident memory, batch loaded" \
		"$(mb $((rss * 1024))) MB (peak $(mb $((hwm * 1024))) MB): $(ratio $((rss * 1024)) "$bytes") bytes per byte (goal <= 2)"
fi
if [ "$keys" = 1 ] && command -v tmux >/dev/null; then
	measure_keys
	printf '%-44s %s\n' "one key in a 1 MB report ($lines lines)" \
		"PgDn $pgdn ms, search next $search ms, G/g $gG ms, of which tmux $tmuxonly ms (goal <= 5 ms)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
