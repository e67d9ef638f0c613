#!/bin/sh
# `shenyue check`'s text output as a person reads it (issue 13): columns
# line up by display width, also after a long id such as
# rectification-missing and in Chinese; an optional part left out is no ✗;
# in zh_CN severities and part names are Chinese while yaml and csv keep
# their ids; nothing from a report reaches the terminal raw.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
export LC_ALL=C.UTF-8
ex="$SRCDIR/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The same columns on every line: $1 a file of prefixes, one per line; their
# display widths (wc -L) must all be the same.
same_width() {
	n=$(while IFS= read -r l; do printf '%s\n' "$l" | wc -L; done <"$1" | sort -u | wc -l)
	[ "$n" -eq 1 ]
}

# A report with a control character in its file name and a very long path.
long="$tmp/a-folder-with-a-long-name-for-the-path-column"
mkdir -p "$long"
cp "$ex/01-complete.txt" "$long/$(printf 'esc\033[31mred.txt')"

for lang in "" zh_CN; do
	LANGUAGE=$lang "$SHENYUE" check "$ex" "$long" >"$tmp/out"
	# findings: "    severity  [line N]  id  message": the message starts at
	# one column on every line, whatever the id (rectification-missing)
	grep '^    ' "$tmp/out" | sed -E 's/^( +(error|warning|info|错误|警告|提示) +((line|第) [0-9]+( 行)?)? +[a-z][a-z-]* +).*/\1/' >"$tmp/f"
	grep -q "rectification-missing" "$tmp/out" && ok || bad "[$lang] no long id to test with"
	same_width "$tmp/f" && ok || { bad "[$lang] finding columns ragged:"; cat "$tmp/out"; }
	# reports: path, unit, year and score end at one column on every line
	grep -v '^    ' "$tmp/out" | sed -E 's/^(.* +[0-9]+ ) .*/\1/' >"$tmp/r"
	same_width "$tmp/r" && ok || { bad "[$lang] report columns ragged:"; cat "$tmp/out"; }
	# nothing raw: the ESC in the file name shows as ^[
	if grep -q "$(printf '\033')" "$tmp/out"; then bad "[$lang] a raw ESC reached the output"; else ok; fi
	grep -qF 'esc^[[31mred.txt' "$tmp/out" && ok || bad "[$lang] the ESC is not shown as ^["
done

# stderr too: an unreadable file with an ESC in its name
printf 'x\000y' >"$tmp/$(printf 'bin\033[2Jary.txt')"
"$SHENYUE" check "$tmp" >/dev/null 2>"$tmp/err"
if grep -q "$(printf '\033')" "$tmp/err"; then bad "a raw ESC reached stderr"; else ok; fi
grep -qF 'bin^[[2Jary.txt: ' "$tmp/err" && ok || bad "stderr does not name the file: $(cat -v "$tmp/err")"

# the optional part (other) left out is a dot, a missing required part ✗
"$SHENYUE" check "$ex/02-missing-part.txt" >"$tmp/out"
grep -q "duty✗" "$tmp/out" && ok || bad "missing required part not ✗"
grep -q "other·" "$tmp/out" && ok || bad "optional part left out not ·"
grep -q "other✗" "$tmp/out" && bad "optional part left out shown as ✗" || ok
LC_ALL=C "$SHENYUE" check "$ex/02-missing-part.txt" >"$tmp/out"
grep -q "duty- shortfalls+ plan+ other\.$" "$tmp/out" && ok || bad "ASCII marks: $(head -1 "$tmp/out")"

# zh_CN: severities and part names in Chinese; ids stay in yaml and csv
LANGUAGE=zh_CN "$SHENYUE" check "$ex" >"$tmp/out"
grep -q "第一责任人✗" "$tmp/out" && ok || bad "zh_CN: part names not Chinese"
grep -q "^    错误 " "$tmp/out" && ok || bad "zh_CN: severity not 错误"
grep -q "^    警告 " "$tmp/out" && ok || bad "zh_CN: severity not 警告"
grep -q "^    提示 " "$tmp/out" && ok || bad "zh_CN: severity not 提示"
grep -q "measures\|^    error" "$tmp/out" && bad "zh_CN: ids in the text output" || ok
LANGUAGE=zh_CN "$SHENYUE" check --format yaml "$ex" >"$tmp/out"
grep -q "severity: error" "$tmp/out" && grep -q "id: duty" "$tmp/out" && ok || bad "zh_CN: yaml lost its ids"
LANGUAGE=zh_CN "$SHENYUE" check --format csv "$ex" >"$tmp/out"
grep -q "path,unit,year,score,measures,duty" "$tmp/out" && ok || bad "zh_CN: csv lost its ids"

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
