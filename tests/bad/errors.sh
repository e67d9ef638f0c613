#!/bin/sh
# Issue 14, 5: errors are never silent. A write error is exit 2 with a
# message; --state must be a folder; an option missing its argument says so;
# a review file with two YAML documents, or a pipe given as a report, gets a
# message naming it.
. "$(dirname "$0")/lib.sh"

d=$(reports err)
if [ -w /dev/full ]; then
	timeout -k 5 "$BAD_TIMEOUT" "$SHENYUE" check "$d" >/dev/full 2>"$ERR"; rc=$?; : >"$OUT"
	expect "check >/dev/full" 2 "cannot write"
	timeout -k 5 "$BAD_TIMEOUT" "$SHENYUE" export "$d" >/dev/full 2>"$ERR"; rc=$?
	expect "export >/dev/full" 2
	timeout -k 5 "$BAD_TIMEOUT" "$SHENYUE" summary "$d" >/dev/full 2>"$ERR"; rc=$?
	expect "summary >/dev/full" 2
else
	skip_loudly "/dev/full"
fi

echo "not a folder" >"$T/state-file"
run "$SHENYUE" export --state "$T/state-file" "$d"
expect "export --state FILE" 2 "state-file" "not a folder"
run "$SHENYUE" export --state "$T/no-such-folder" "$d"
expect "export --state MISSING" 2 "no-such-folder"
run "$SHENYUE" export "$d" --state
expect "export --state without its argument" 2 "--state" "argument"
run "$SHENYUE" "$d" --state
expect "the UI's --state without its argument" 2 "--state" "argument"
run "$SHENYUE" check --format
expect "check --format without its argument" 2 "--format" "argument"

# A review file holding two documents: refused, named, not read as the first.
mkdir -p "$d/.shenyue"
printf 'format: 1\nreport: a.txt\nverdict:\n  value: accept\n---\nformat: 1\n' >"$d/.shenyue/a.txt.yaml"
run "$SHENYUE" export --format csv "$d/a.txt"
expect "a review file with two documents" 1 "a.txt.yaml" "second YAML document"
grep -q "accept" "$OUT" && bad "the first of two documents was read as the review" || ok "the two-document review was not half-read"

# A pipe given as a report (what `shenyue check <(cat a.txt)` passes).
mkfifo "$T/pipe.txt"
run "$SHENYUE" check "$T/pipe.txt"
expect "a pipe as a report" 2 "pipe.txt" "FIFO"
grep -q "Invalid argument" "$OUT" "$ERR" && bad "a pipe still says 'Invalid argument'" || ok "a pipe is named as a pipe"
bad_finish
