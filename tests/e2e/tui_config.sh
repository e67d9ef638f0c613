#!/bin/sh
# Settings: a config file rebinds a key and picks the theme; a broken one
# names file:line:col and the UI runs on the defaults; --dump-config reads
# back as a config file.
. "$(dirname "$0")/lib.sh"

cat >"$E2E_TMP/cfg.yaml" <<'CFG'
theme: mono
bind:
  quit: Q
  next-heading: C-n
CFG
e2e_start 80 24 -- --config "$E2E_TMP/cfg.yaml" "$FIX"
e2e_wait "3 reports · 2 incomplete"
e2e_keys Q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_stop

printf 'theme: light\nbind:\n  fly: x\n' >"$E2E_TMP/bad.yaml"
e2e_start 80 24 -- --config "$E2E_TMP/bad.yaml" "$FIX"
e2e_wait "bad.yaml:3:3"
e2e_has "1 Reports 3/3"
# the rejected file's Q does nothing (the UI still answers ?); q still quits
e2e_keys Q
e2e_keys '?'
e2e_wait "Esc or q closes"
e2e_keys Escape
e2e_wait_gone "Esc or q closes"
e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_stop

"$SHENYUE" --config "$E2E_TMP/cfg.yaml" --dump-config >"$E2E_TMP/dump.yaml" ||
	e2e_fail "--dump-config failed"
grep -q '^theme: "mono"' "$E2E_TMP/dump.yaml" || e2e_fail "dump lacks the theme"
"$SHENYUE" --config "$E2E_TMP/dump.yaml" --dump-config >"$E2E_TMP/dump2.yaml" 2>"$E2E_TMP/err" ||
	e2e_fail "the dump does not read back"
cmp -s "$E2E_TMP/dump.yaml" "$E2E_TMP/dump2.yaml" || e2e_fail "dump changed on reading back"
[ -s "$E2E_TMP/err" ] && e2e_fail "reading the dump back complained: $(cat "$E2E_TMP/err")"
echo "config: ok"
