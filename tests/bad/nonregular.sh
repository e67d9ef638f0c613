#!/bin/sh
# Issue 14, 2: nothing hangs on a file that is not a regular file. A FIFO (or
# a device node) as a report, in a folder of reports, as --rubric, --roster,
# --config, a theme, a review file: each is refused at once with a message
# naming it, and the rest of the batch is still read.
. "$(dirname "$0")/lib.sh"

d=$(reports fifo)
mkfifo "$d/b.txt"
run "$SHENYUE" check "$d"
expect "FIFO among the reports of a folder" 2 "b.txt" "FIFO" "青禾县云溪镇"
run "$SHENYUE" check "$d/b.txt" "$d/a.txt"
expect "FIFO named as a report" 2 "FIFO" "a.txt"
run "$SHENYUE" export "$d"
expect "export of a folder holding a FIFO" 1 "FIFO" "审查意见"

mkfifo "$T/rubric.yaml" "$T/roster.csv" "$T/config.yaml" "$T/theme.yaml"
run "$SHENYUE" check --rubric "$T/rubric.yaml" "$d/a.txt"
expect "FIFO as --rubric" 2 "rubric.yaml" "FIFO"
run "$SHENYUE" check --roster "$T/roster.csv" "$d/a.txt"
expect "FIFO as --roster" 2 "roster.csv" "FIFO"
run "$SHENYUE" --config "$T/config.yaml" --dump-config
expect "FIFO as --config" 0 "config.yaml" "FIFO"
run "$SHENYUE" --config "$T/config.yaml" --theme "$T/theme.yaml" --dump-config
expect "FIFO as --theme (checked before the UI starts)" 0

# A FIFO where a review file belongs: left alone, named, never waited on.
mkdir -p "$d/.shenyue"
mkfifo "$d/.shenyue/a.txt.yaml"
run "$SHENYUE" export --format csv "$d/a.txt"
expect "FIFO as a review file" 1 "a.txt.yaml" "FIFO"
[ -p "$d/.shenyue/a.txt.yaml" ] && ok "the FIFO review file is left as it was" || bad "the FIFO review file was replaced"

# A character device node among the reports (mknod needs root).
e=$(reports dev)
if mknod "$e/null.txt" c 1 3 2>/dev/null; then
	run "$SHENYUE" check "$e"
	expect "device node among the reports" 2 "null.txt" "device" "青禾县云溪镇"
	mkdir -p "$e/.shenyue" && mknod "$e/.shenyue/a.txt.yaml" c 1 3
	run "$SHENYUE" export --format csv "$e/a.txt"
	expect "device node as a review file" 1 "a.txt.yaml" "device"
	[ -c "$e/.shenyue/a.txt.yaml" ] && ok "the device review file is left as it was" || bad "the device node was replaced"
else
	skip_loudly "mknod of a device node"
fi

# A folder where a report or a rubric is expected.
mkdir "$d/folder.txt"
run "$SHENYUE" check --rubric "$d/folder.txt" "$d/a.txt"
expect "a folder as --rubric" 2 "folder"
bad_finish
