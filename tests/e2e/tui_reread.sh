#!/bin/sh
# A report kept compact (its text dropped once scored, read again when
# shown) whose file changed on disk meanwhile, with the live folder off:
# its text cannot be read again for the results on screen, and the viewer
# says so and what to do, not an empty pane; C-l takes the new file in.
. "$(dirname "$0")/lib.sh"

many=$E2E_TMP/many
mkdir -p "$many"
# more reports than the UI keeps texts for (UI_LOADER_TEXTS, 8, besides the one shown)
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	cp "$SRCDIR/tests/fixtures/ui/a_complete.txt" "$many/r$i.txt" || e2e_fail "cannot copy a fixture"
done
printf 'live: false\n' >"$E2E_TMP/cfg.yaml"

e2e_start 100 30 -- --config "$E2E_TMP/cfg.yaml" "$many"
e2e_wait "Reports 12/12"
e2e_wait_gone "loading" 10
e2e_keys J J J J J J J J J J J
e2e_wait "r12.txt · L1/"
printf '\n补充一行。\n' >>"$many/r01.txt"
e2e_keys g
e2e_wait "r01.txt · L"
e2e_wait "This report's file changed or is gone"
e2e_keys C-l
e2e_wait "report file changed: r01.txt"
e2e_wait_gone "This report's file changed or is gone"
e2e_has "城关镇人民政府"
e2e_keys q
e2e_wait_exit
echo ok
