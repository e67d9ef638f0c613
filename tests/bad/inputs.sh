#!/bin/sh
# Issue 14, 7: the cases the audit found already held, kept held. Empty,
# binary, NUL bytes, a 50 MB single line, invalid UTF-8, a symlink loop, a
# report rewritten while it is read, kill -9 right after a note, a full disk,
# two processes saving one review at once.
. "$(dirname "$0")/lib.sh"

d=$(reports in)
: >"$d/empty.txt"
head -c 4096 "$SHENYUE" >"$d/binary.txt"
{ printf '某镇2024年法治政府建设年度报告\n一、主要举措\0和成效\n'; } >"$d/nul.txt"
printf '某镇2024年法治政府建设年度报告\n\377\376\300\200一、主要举措和成效\n开展\355\240\200普法12次。\n' >"$d/invalid.txt"
ln -s loop1.txt "$d/loop2.txt" && ln -s loop2.txt "$d/loop1.txt"
run "$SHENYUE" check "$d"
expect "empty, binary, NUL bytes, invalid UTF-8 and a symlink loop in one folder" 2 \
	"empty.txt" "binary.txt" "loop1.txt" "青禾县云溪镇"
grep -q "invalid.txt" "$OUT" && grep -q "invalid-bytes" "$OUT" && ok "invalid UTF-8 is read, with a finding" ||
	bad "invalid UTF-8: no invalid-bytes finding"

# A 50 MB single line: read or refused, within the timeout, never a crash.
head -c 50000000 /dev/zero | tr '\0' 'x' >"$T/oneline.txt"
saved_timeout=$BAD_TIMEOUT
BAD_TIMEOUT=120 # 5 s here; several times that under ASan on a loaded machine
run "$SHENYUE" check "$T/oneline.txt"
BAD_TIMEOUT=$saved_timeout
[ "$rc" -le 2 ] && ok "a 50 MB single line (exit $rc, $(wc -c <"$ERR") bytes of messages)" || bad "a 50 MB single line: exit $rc"

# A report rewritten while it is being read: every check ends normally.
cp "$EXAMPLES/01-complete.txt" "$T/moving.txt"
( i=0; while [ $i -lt 400 ]; do cp "$EXAMPLES/03-partial.txt" "$T/moving.txt"; : >"$T/moving.txt";
  cp "$EXAMPLES/01-complete.txt" "$T/moving.txt"; i=$((i + 1)); done ) &
writer=$!
crashed=0
i=0
while [ $i -lt 30 ]; do
	run "$SHENYUE" check "$T/moving.txt"
	[ "$rc" -le 2 ] || crashed=$rc
	i=$((i + 1))
done
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
[ "$crashed" = 0 ] && ok "30 checks of a report rewritten meanwhile all ended normally" || bad "a check of a report being rewritten exited $crashed"

# kill -9 right after a note was saved: the note is on disk, nothing half-written.
run "$NOTE" "$d/a.txt" duty "kill 之前的意见" kill
[ "$rc" = 137 ] || [ "$rc" = 9 ] || bad "review_note was not killed (exit $rc)"
run "$NOTE" "$d/a.txt"
expect "a note saved just before kill -9 is there" 0 "kill 之前的意见"
ls -a "$d/.shenyue" | grep -q '\.a\.txt\.yaml\.' && bad "a temporary file was left behind" || ok "no temporary file left"

# Two processes on one review, ten times: both notes are kept every time.
i=0
lost=0
while [ $i -lt 10 ]; do
	"$NOTE" "$d/c.txt" "one$i" "甲的意见 $i" & p1=$!
	"$NOTE" "$d/c.txt" "two$i" "乙的意见 $i" & p2=$!
	wait $p1; wait $p2
	i=$((i + 1))
done
run "$NOTE" "$d/c.txt"
i=0
while [ $i -lt 10 ]; do
	grep -q "note/part/one$i 甲的意见 $i" "$OUT" && grep -q "note/part/two$i 乙的意见 $i" "$OUT" || lost=$((lost + 1))
	i=$((i + 1))
done
[ "$lost" = 0 ] && ok "two processes saving one review ten times: all 20 notes kept" || bad "$lost of 10 rounds lost a note"

# A full disk (a small tmpfs): the save fails and says so; what was on disk
# stays whole; an export does not leave a partial file.
m=$T/small
mkdir -p "$m"
if mount -t tmpfs -o size=256k tmpfs "$m" 2>/dev/null; then
	BAD_MOUNTS="$m"
	cp "$EXAMPLES/01-complete.txt" "$m/a.txt"
	"$NOTE" "$m/a.txt" duty "磁盘满之前的意见" >/dev/null 2>&1
	echo "an export that was here" >"$m/out.md"
	dd if=/dev/zero of="$m/fill" bs=4k 2>/dev/null
	run "$NOTE" "$m/a.txt" plan "$(head -c 60000 /dev/zero | tr '\0' 'y')"
	expect "a save on a full disk" 1 "a.txt.yaml"
	run "$NOTE" "$m/a.txt"
	expect "the review saved before the disk filled is whole" 0 "磁盘满之前的意见"
	run "$SHENYUE" export -o "$m/out.md" "$m/a.txt"
	expect "export -o on a full disk" 2 "out.md"
	grep -q "an export that was here" "$m/out.md" && ok "the old export is left whole" || bad "the old export was damaged"
	ls -a "$m" | grep -q '^\.out\.md\.' && bad "export left a temporary file" || ok "no temporary file left on the full disk"
	umount "$m" && BAD_MOUNTS=""
else
	skip_loudly "mount of a small tmpfs (the full-disk case)"
fi
bad_finish
