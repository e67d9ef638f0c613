#!/bin/sh
# Fails when the core library (libshenyue_core.a) includes or links curses:
#  1. what each object's source actually includes, from the preprocessor's
#     dependency output (-M), so "shenyue/curses.h" and <ncursesw/...> and
#     anything reaching them indirectly are all seen;
#  2. which symbols the library leaves undefined: none may be defined by the
#     curses libraries the program links (ldd of the program, nm -D);
#  3. a plain look through src/ and include/ for curses includes, for code
#     the build did not compile (#ifdef'd out).
# Environment: CORE_LIB (the archive), CORE_SRCDIR (holding src/ and include/),
# BUILDDIR, SRCDIR, CC, NM, SHENYUE; CORE_CPPFLAGS overrides the include path
# (by default the project's, plus CORE_DEP_CFLAGS: the libraries' own, such
# as libxml2's -I/usr/include/libxml2).
# tests/curses_guard_test.sh feeds it planted bad files.
: "${SRCDIR:=.}" "${BUILDDIR:=.}" "${CC:=cc}" "${NM:=nm}"
: "${CORE_LIB:=$BUILDDIR/libshenyue_core.a}" "${CORE_SRCDIR:=$SRCDIR}"
: "${CORE_CPPFLAGS:=-DHAVE_CONFIG_H -I$BUILDDIR -I$SRCDIR/include -I$BUILDDIR/include ${CORE_DEP_CFLAGS:-}}"
[ -f "$CORE_LIB" ] || { echo "no core library at $CORE_LIB"; exit 99; }
fail=0
curses_header='(^|/)(n?curses(w)?|ncursesw/[^ ]*|term|panel|menu|form|shenyue/curses)\.h$'

# 1. includes, per object of the archive
for obj in $(ar t "$CORE_LIB"); do
	base=${obj%.o}
	base=${base#libshenyue_core_a-}
	src=$(find "$CORE_SRCDIR/src" "$BUILDDIR/src" -name "$base.c" 2>/dev/null | head -n 1)
	[ -n "$src" ] || { echo "cannot find the source of $obj"; fail=1; continue; }
	# shellcheck disable=SC2086
	deps=$($CC $CORE_CPPFLAGS -M "$src" 2>&1) || { echo "cannot preprocess $src: $deps"; fail=1; continue; }
	bad=$(printf '%s\n' "$deps" | tr ' \\' '\n\n' | grep -E "$curses_header" | sort -u | tr '\n' ' ')
	if [ -n "$bad" ]; then
		echo "curses included by the core: $src includes $bad"
		fail=1
	fi
done

# 2. symbols the core needs from elsewhere that a curses library defines
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
$NM -u "$CORE_LIB" | awk '{print $NF}' | sort -u >"$tmp/needed"
$NM --defined-only "$CORE_LIB" | awk 'NF == 3 {print $3}' | sort -u >"$tmp/defined"
comm -23 "$tmp/needed" "$tmp/defined" >"$tmp/imports"
libs=
if [ -n "$SHENYUE" ] && [ -x "$SHENYUE" ] && command -v ldd >/dev/null 2>&1; then
	libs=$(ldd "$SHENYUE" 2>/dev/null | awk '$3 ~ /^\// && $1 ~ /(curses|tinfo|panel|menu|form)/ {print $3}')
fi
if [ -n "$libs" ]; then
	for l in $libs; do $NM -D --defined-only "$l" | awk '{print $NF}'; done | sed 's/@.*//' | sort -u >"$tmp/curses"
else
	echo "(no curses library found through ldd: checking a list of curses functions)"
	printf '%s\n' initscr endwin newwin delwin refresh wrefresh getch wgetch get_wch \
		addstr waddstr mvaddstr mvwaddstr addch waddch wadd_wch setcchar start_color init_pair \
		keypad cbreak noecho raw curs_set mousemask stdscr curscr LINES COLS tigetstr setupterm | sort -u >"$tmp/curses"
fi
linked=$(comm -12 "$tmp/imports" "$tmp/curses" | tr '\n' ' ')
if [ -n "$linked" ]; then
	echo "curses linked by the core: $CORE_LIB needs $linked"
	fail=1
fi

# 3. the source tree, including what the build left out
hits=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|shenyue/curses\.h)' \
	"$CORE_SRCDIR/src" "$CORE_SRCDIR/include" 2>/dev/null | grep -v '/include/shenyue/curses\.h$')
if [ -n "$hits" ]; then
	echo "curses included in the core's sources:" $hits
	fail=1
fi

[ $fail -eq 0 ] && echo "core is curses-free ($(ar t "$CORE_LIB" | wc -l) objects, $(wc -l <"$tmp/imports") imported symbols checked)"
exit $fail
