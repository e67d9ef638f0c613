#!/bin/sh
# Fails when a file of the core (src/, include/ except the curses wrapper) includes curses.
cd "${SRCDIR:-.}" || exit 99
hits=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' src include 2>/dev/null |
	grep -v '^include/shenyue/curses.h$')
if [ -n "$hits" ]; then
	echo "curses included in the core: $hits"
	exit 1
fi
echo "core is curses-free"
