#!/bin/sh
# Every public function (include/shenyue/*.h, ui/*.h) has a comment right
# above it saying what it promises (COORD.md's bar). Prints each one that
# has none, as file:line: name, and fails.
: "${SRCDIR:=.}"
set -- "$SRCDIR"/include/shenyue/*.h "$SRCDIR"/ui/*.h
test -f "$1" || { echo "public_comments: no headers under $SRCDIR" >&2; exit 99; }
awk '
FNR == 1 { depth = 0; incomment = 0; inpp = 0; prev = ""; stmt = ""; start = 0 }
{
	raw = $0
	if (inpp || (!incomment && raw ~ /^[ \t]*#/)) { inpp = raw ~ /\\$/; prev = raw; next }
	# the line without its comments
	line = ""; s = raw
	while (s != "") {
		if (incomment) {
			k = index(s, "*/"); if (!k) { s = ""; break }
			incomment = 0; s = substr(s, k + 2); continue
		}
		a = index(s, "/*"); b = index(s, "//")
		if (b && (!a || b < a)) { line = line substr(s, 1, b - 1); s = ""; break }
		if (!a) { line = line s; s = ""; break }
		line = line substr(s, 1, a - 1); incomment = 1; s = substr(s, a + 2)
	}
	n = length(line)
	for (i = 1; i <= n; i++) {
		c = substr(line, i, 1)
		if (depth == 0 && stmt == "" && c !~ /[ \t]/) { start = FNR; above = prev }
		if (c == "{") { if (depth == 0) judge(stmt); depth++ }
		else if (c == "}") { depth--; if (depth == 0) stmt = "" }
		else if (depth == 0) {
			if (c == ";") { judge(stmt); stmt = "" }
			else if (stmt != "" || c !~ /[ \t]/) stmt = stmt c
		}
	}
	if (depth == 0 && stmt != "") stmt = stmt " "
	prev = raw
}
function judge(st,   head, name) {
	if (st ~ /^[ \t]*(typedef|}|$)/ || index(st, "(") == 0) { return }
	head = substr(st, 1, index(st, "(") - 1)
	sub(/[ \t]+$/, "", head)
	if (head !~ /[A-Za-z_][A-Za-z0-9_]*$/ || head !~ /[ \t*]/) return
	if (head ~ /^(struct|enum|union)[ \t]+[A-Za-z0-9_]+$/) return
	name = head; sub(/.*[ \t*]/, "", name)
	total++
	if (above ~ /\*\/[ \t]*$/ || above ~ /^[ \t]*\/\//) return
	printf "%s:%d: %s has no comment above it\n", FILENAME, start, name
	bad++
}
END {
	printf "public_comments: %d public functions, %d without a comment\n", total, bad
	exit bad > 0
}' "$@"
