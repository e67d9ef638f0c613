#!/bin/sh
# The live folder: while the UI is open, a verdict another supervisor's
# shenyue saves appears within two seconds without a key press, named in the
# status bar; a report file that arrives joins the list; C-l looks at once.
. "$(dirname "$0")/lib.sh"

e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "3 reports · 2 incomplete · 0 reviewed"
e2e_keys 1 g

# a second supervisor, a second process, the same folder
tm new-session -d -s other -x 160 -y 48 \
	"env LC_ALL=C.UTF-8 TERM=screen XDG_CONFIG_HOME=$E2E_TMP/no-config SHENYUE_USER=李四 $SHENYUE $FIX" ||
	e2e_fail "second shenyue"
tries=50
until tm capture-pane -p -t other | grep -qF "3 reports"; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || e2e_fail "the second shenyue did not start"
	sleep 0.1
done
tm send-keys -t other 1 j r
tries=50
until grep -qs 'return' "$FIX/.shenyue/b_partial.txt.yaml"; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || e2e_fail "the second shenyue did not save its verdict"
	sleep 0.1
done
# no key pressed here: within two seconds the first shows it
e2e_wait "another reviewer saved b_partial.txt" 2
e2e_screen | grep -q "退   ~  75!2 河口乡人民政府" || e2e_fail "their verdict in the list"
tm send-keys -t other q
sleep 0.3

# a report that arrives
cp "$FIX/a_complete.txt" "$E2E_TMP/d_new.txt"
sed -i 's/城关镇/新华镇/g' "$E2E_TMP/d_new.txt"
mv "$E2E_TMP/d_new.txt" "$FIX/d_new.txt"
e2e_wait "new report: d_new.txt" 2
e2e_wait "Reports 4/4"
e2e_has "新华镇人民政府 2024 d_new"

e2e_keys q
e2e_wait_exit
e2e_stop

# live: false in the settings: nothing comes in by itself, C-l takes it in
mkdir -p "$E2E_TMP/no-config/shenyue"
printf 'live: false\n' >"$E2E_TMP/no-config/shenyue/config.yaml"
e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "Reports 4/4"
sed 's/value: "return"/value: "pending"/' "$FIX/.shenyue/b_partial.txt.yaml" >"$E2E_TMP/r.yaml"
mv "$E2E_TMP/r.yaml" "$FIX/.shenyue/b_partial.txt.yaml"
sleep 2.5
e2e_screen | grep -q "退   ~  75!2 河口乡人民政府" || e2e_fail "took the change in with live: false"
e2e_keys C-l
e2e_wait "another reviewer saved b_partial.txt"
e2e_screen | grep -q "待   ~  75!2 河口乡人民政府" || e2e_fail "C-l did not take the change in"
e2e_keys q
e2e_wait_exit
echo "ok"
