#!/bin/sh
# Why a part has its status (issue 15): the list and the checklist mark a
# status resting on weak evidence with ?, and w in the checklist opens a
# popup with the rule, a sentence saying why and the lines it rests on;
# Enter there sends the viewer to the line, Esc closes it.
. "$(dirname "$0")/lib.sh"

why=$E2E_TMP/why
mkdir -p "$why"
# causes-3: shortfalls without causes (certain); runon-2: a web copy whose
# headings sit inside long lines (uncertain).
cp "$SRCDIR/tests/fixtures/shapes/causes-3.txt" "$SRCDIR/tests/fixtures/shapes/runon-2.txt" "$why"/ ||
	e2e_fail "cannot copy the shape fixtures"

e2e_start 160 48 -- "$why"
e2e_wait "Reports 2/2"
# both reports scored (a slow build loads the second one later)
e2e_wait_gone "loading" 20
e2e_row 2 | grep -q "~  88!1 临川县应急管" || e2e_fail "causes-3 rests on certain evidence: no ?"
e2e_row 3 | grep -q "~? 88!1 桐柏县自然资" || e2e_fail "runon-2 has parts on weak evidence: ?"

# causes-3: the shortfalls part, certain, and why it is partial.
e2e_keys 3 g j j
e2e_has "~ 不足原因"
e2e_keys w
e2e_wait "Why: 不足原因"
e2e_has "partial · rule causes-missing"
e2e_has "its heading (line 14) names it, but 原因 is not there"
e2e_has "L14  三、存在的不足"
e2e_keys Escape
e2e_wait_gone "Why: 不足原因"

# runon-2: measures is present but uncertain; Enter goes to its line.
e2e_keys 1 j 3 g
e2e_wait "✓?举措成效"
e2e_keys w
e2e_wait "Why: 举措成效"
e2e_has "present (uncertain) · rule heading"
e2e_has "lost its line breaks"
e2e_keys j j j Enter
e2e_wait_gone "Why: 举措成效"
e2e_wait "runon-2.txt · L1/6 · →L2"
# w on a finding row: no part selected, so the popup says so and stays shut.
e2e_keys 3 G w
e2e_wait "select a part in the checklist"
e2e_lacks "Why:"
e2e_keys q
e2e_wait_exit
echo ok
