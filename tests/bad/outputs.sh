#!/bin/sh
# Issue 14, 3: export -o never replaces what it should not. A symlink is
# written through (the link stays); a device node is written to, never
# replaced by a plain file; a FIFO nobody reads fails at once; a file's mode
# is kept; an existing target on a full disk is left whole.
. "$(dirname "$0")/lib.sh"

d=$(reports out)

# A symlink to the real file: the file gets the export, the link stays.
echo old >"$T/real.md"
ln -s real.md "$T/link.md"
run "$SHENYUE" export -o "$T/link.md" "$d"
expect "export -o a symlink" 0
[ -L "$T/link.md" ] && ok "the symlink is still a symlink" || bad "the symlink was replaced by a file"
grep -q "审查意见" "$T/real.md" && ok "the export went through the link" || bad "the link's target was not written"
ln -s nowhere/at/all.md "$T/dangling.md"
run "$SHENYUE" export -o "$T/dangling.md" "$d"
expect "export -o a dangling symlink" 2 "dangling.md"

# A device: written to, still a device. Only a node made here: a test that
# wrote to the machine's /dev/null would, on a regression, replace it for
# every process on the machine (and, in a chroot that binds /dev, the host's).
if mknod "$T/dev" c 1 3 2>/dev/null; then
	run "$SHENYUE" export --format csv -o "$T/dev" "$d"
	expect "export -o a device node" 0
	[ -c "$T/dev" ] && ok "the device node is still a device" || bad "the device node was replaced by a plain file"
else
	skip_loudly "mknod of a device node"
fi

# A FIFO: with a reader, the export arrives; without one, a message at once.
mkfifo "$T/pipe"
timeout -k 2 "$BAD_TIMEOUT" cat "$T/pipe" >"$T/from-pipe" &
reader=$!
# the reader may not have opened its end yet (a loaded machine): a writer
# that must not block is then told "no such device" and tries again
tries=50
while :; do
	run "$SHENYUE" export --format yaml -o "$T/pipe" "$d"
	[ "$rc" != 0 ] && grep -q "No such device or address" "$ERR" && [ "$tries" -gt 0 ] || break
	tries=$((tries - 1))
	sleep 0.1
done
expect "export -o a FIFO with a reader" 0
wait "$reader"
grep -q "^reports:" "$T/from-pipe" && ok "the reader got the export" || bad "nothing came through the FIFO"
[ -p "$T/pipe" ] && ok "the FIFO is still a FIFO" || bad "the FIFO was replaced"
run "$SHENYUE" export -o "$T/pipe" "$d"
expect "export -o a FIFO nobody reads" 2 "pipe"

# The mode of a file written over is kept.
echo old >"$T/private.md" && chmod 600 "$T/private.md"
run "$SHENYUE" export -o "$T/private.md" "$d"
expect "export -o a 0600 file" 0
[ "$(stat -c %a "$T/private.md")" = 600 ] && ok "the 0600 mode is kept" || bad "mode became $(stat -c %a "$T/private.md")"

# A folder is not an output file.
run "$SHENYUE" export --format csv -o "$T" "$d"
expect "export -o a folder" 2 "folder"
bad_finish
