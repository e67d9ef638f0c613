#!/bin/sh
# The default theme follows the terminal's background (issue 13): the light
# theme on a light terminal ($COLORFGBG=0;15), the dark one on a dark
# terminal, the neutral one (colour only with its own background) when the
# terminal does not say (tmux does not answer OSC 11 here). --theme and the
# settings file win; NO_COLOR wins over all. Checked on the colours tmux
# draws the missing report's ✗ with.
. "$(dirname "$0")/lib.sh"

# mark_colours: the escape sequences on the row of c_missing.txt, as text.
mark_colours() { tm capture-pane -e -p -t e2e | grep "c_miss" | head -n 1 | cat -v; }

# run ENV... -- ARGS...: starts shenyue, waits for the list, keeps the row.
run() {
	e2e_start 120 30 TERM=screen-256color "$@"
	e2e_wait "3 reports · 2 incomplete"
	row=$(mark_colours)
	e2e_keys q
	e2e_wait "shenyue exited"
	e2e_stop
}

run COLORFGBG="'0;15'" -- "$FIX"
case "$row" in *"38;5;124m"*) ;; *) e2e_fail "light terminal: not the light theme's red: $row" ;; esac
run COLORFGBG="'15;0'" -- "$FIX"
case "$row" in *"[91m"*) ;; *) e2e_fail "dark terminal: not the dark theme's bright red: $row" ;; esac
run -- "$FIX"
case "$row" in *"38;5;231m"*"48;5;124m"* | *"48;5;124m"*"38;5;231m"*) ;;
*) e2e_fail "unknown background: not the neutral theme's badge: $row" ;; esac
# --theme wins over the background; so does the settings file.
run COLORFGBG="'0;15'" -- --theme dark "$FIX"
case "$row" in *"[91m"*) ;; *) e2e_fail "--theme dark lost to the background: $row" ;; esac
printf 'theme: dark\n' >"$E2E_TMP/config.yaml"
run COLORFGBG="'0;15'" -- --config "$E2E_TMP/config.yaml" "$FIX"
case "$row" in *"[91m"*) ;; *) e2e_fail "theme: dark in the settings lost to the background: $row" ;; esac
# NO_COLOR: no colour at all, whatever the background.
run COLORFGBG="'0;15'" NO_COLOR=1 -- "$FIX"
# (39 and 49 are the terminal's own colours: they stay)
row=$(printf '%s' "$row" | sed 's/\^\[\[[34]9m//g')
case "$row" in *"8;5;"* | *"[3"[0-7]* | *"[4"[0-7]* | *"[9"[0-7]m*) e2e_fail "NO_COLOR drew colours: $row" ;; esac
exit 0
