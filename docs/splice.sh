#!/bin/sh
# Generated lists inside hand-written files (the README, the man page).
#   splice.sh extract FILE START END      prints the block between START and END
#   splice.sh replace FILE START END < NEW replaces that block with NEW
# START and END are awk regular expressions; the lines matching them stay.
# The block is the lines after the first START line up to the next END line.
set -eu
mode=$1 file=$2 start=$3 end=$4
case $mode in
extract)
	S=$start E=$end awk 'on && $0 ~ ENVIRON["E"] { exit } on { print } !on && $0 ~ ENVIRON["S"] { on = 1 }' "$file"
	;;
replace)
	new=$(mktemp) && cat >"$new"
	grep -q -e "$start" "$file" || { echo "splice: no line matching '$start' in $file" >&2; rm -f "$new"; exit 1; }
	S=$start E=$end N=$new awk '
		state == 1 && $0 ~ ENVIRON["E"] { state = 2 }
		state == 1 { next }
		{ print }
		state == 0 && $0 ~ ENVIRON["S"] { while ((getline l < ENVIRON["N"]) > 0) print l; state = 1 }
	' "$file" >"$file.splice" && cat "$file.splice" >"$file" && rm -f "$file.splice"
	rm -f "$new"
	;;
*)
	echo "usage: splice.sh extract|replace FILE START END" >&2
	exit 2
	;;
esac
