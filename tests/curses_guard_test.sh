#!/bin/sh
# The curses guard (tests/core_is_curses_free.sh) must fail on planted bad
# files, not only pass on the real core: a core file that includes
# "shenyue/curses.h", one that reaches <ncursesw/curses.h> through a header
# of its own, and one that calls a curses function without including it.
: "${SRCDIR:?}" "${BUILDDIR:?}" "${CC:=cc}"
guard="$SRCDIR/tests/core_is_curses_free.sh"
t=$(mktemp -d) || exit 99
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/src" "$t/include/shenyue"
cflags="-DHAVE_CONFIG_H -I$BUILDDIR -I$SRCDIR/include -I$t/include"
printf 'int sy_good(void);\nint sy_good(void) { return 1; }\n' >"$t/src/good.c"
printf '#include "config.h"\n#include "shenyue/curses.h"\nint sy_planted(void);\nint sy_planted(void) { return 0; }\n' >"$t/src/plant_inc.c"
printf '#include "config.h"\n#include "shenyue/curses.h"\n' >"$t/include/shenyue/indirect.h"
printf '#include "shenyue/indirect.h"\nint sy_planted2(void);\nint sy_planted2(void) { return 0; }\n' >"$t/src/plant_indirect.c"
printf 'extern int wrefresh(void *);\nint sy_planted3(void);\nint sy_planted3(void) { return wrefresh(0); }\n' >"$t/src/plant_link.c"
for f in good plant_inc plant_indirect plant_link; do
	$CC $cflags -c -o "$t/$f.o" "$t/src/$f.c" || { echo "cannot compile the planted $f.c"; exit 99; }
done

status=0
# guard NAME EXPECTED-EXIT EXPECTED-WORDS OBJECTS...: run the guard on an archive of OBJECTS
guard() {
	name=$1 want=$2 words=$3
	shift 3
	rm -rf "$t/tree" && mkdir -p "$t/tree/src" "$t/tree/include"
	rm -f "$t/lib.a"
	for o in "$@"; do cp "$t/src/$o.c" "$t/tree/src/"; ar rc "$t/lib.a" "$t/$o.o"; done
	out=$(CORE_LIB="$t/lib.a" CORE_SRCDIR="$t/tree" CORE_CPPFLAGS="$cflags" sh "$guard" 2>&1)
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL $name: the guard exited $got, expected $want:"; echo "$out"; status=1; return
	fi
	for w in $words; do
		case $out in *"$w"*) ;; *) echo "FAIL $name: the guard did not say '$w':"; echo "$out"; status=1; return ;; esac
	done
	echo "ok $name"
}
guard "a clean core passes" 0 "curses-free" good
guard "#include \"shenyue/curses.h\" is caught" 1 "plant_inc.c shenyue/curses.h" good plant_inc
guard "curses through a header is caught" 1 "plant_indirect.c shenyue/curses.h" good plant_indirect
guard "a curses call without the include is caught" 1 "wrefresh" good plant_link
exit $status
