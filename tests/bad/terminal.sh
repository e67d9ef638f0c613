#!/bin/sh
# Issue 14, 4: nothing from a report reaches a terminal raw, on any path.
# File names and report text holding ESC sequences, BEL, backspace, DEL, C1
# (U+009B CSI) and bidi overrides go through check text/csv/yaml, export
# md/csv/yaml and summary text/csv: no output (nor stderr) carries them raw,
# the YAML is YAML, and the file names are still recognisable.
. "$(dirname "$0")/lib.sh"

d=$T/hostile
mkdir -p "$d"
evil=$(printf 'a\033[2J\033]0;pwn\007\010\177\302\233\342\200\256\342\201\246.txt')
cp "$EXAMPLES/01-complete.txt" "$d/$evil"
# report text: a heading with C1, backspace, DEL and a bidi override
sed "s/^一、\(.*\)$/一、\1$(printf '\302\233\010\177\342\200\256')/" "$EXAMPLES/01-complete.txt" >"$d/b.txt"
gbk=$(printf '\324\306\317\252\325\362.txt') # 云溪镇 in GBK: not UTF-8
cp "$EXAMPLES/03-partial.txt" "$d/$gbk"

for cmd in "check --format text" "check --format csv" "check --format yaml" "check --explain" \
	   "export --format md" "export --format csv" "export --format yaml" \
	   "summary --format text" "summary --format csv" "summary --format yaml"; do
	# shellcheck disable=SC2086
	run "$SHENYUE" $cmd "$d"
	if [ "$rc" = 124 ]; then
		bad "$cmd: hung"
		continue
	fi
	if raw_bytes "$OUT"; then
		bad "$cmd: a control or bidi character reached the output raw"
		LC_ALL=C grep -n "$(printf '[\001-\010\033\177]')" "$OUT" | head -3 | od -c | head -5
	else
		ok "$cmd: nothing raw on stdout"
	fi
	raw_bytes "$ERR" && bad "$cmd: a control or bidi character reached stderr raw" || ok "$cmd: nothing raw on stderr"
	case $cmd in
	*yaml*)
		if "$YAMLCHECK" <"$OUT" 2>"$T/yamlerr"; then ok "$cmd: the output is YAML"; else bad "$cmd: not YAML: $(cat "$T/yamlerr")"; fi ;;
	esac
	case $cmd in
	check*text* | *md* | *explain*) grep -q 'pwn' "$OUT" && ok "$cmd: the hostile name is still shown" ||
		bad "$cmd: the hostile file name vanished" ;;
	esac
done
bad_finish
