#!/bin/sh
# Issue 14, 6: names and sizes at their limits. A report name of 83 Chinese
# characters (255 bytes) gets its review saved and read back; YAML files that
# nest too deep, expand aliases into gigabytes or pass 16 MB are refused with
# a message, quickly (a 386 KB rubric with 20,000 aliases took 52 s and 8.3 GB).
. "$(dirname "$0")/lib.sh"

d=$T/long
mkdir -p "$d"
name=""
i=0
while [ $i -lt 83 ]; do name="${name}镇"; i=$((i + 1)); done
name="${name}ab.txt"
[ "$(printf '%s' "$name" | wc -c)" -eq 255 ] || bad "the test's long name is not 255 bytes"
cp "$EXAMPLES/01-complete.txt" "$d/$name"
run "$NOTE" "$d/$name" duty "长文件名的审查意见"
expect "a review note on a 255-byte report name is saved" 0
run "$NOTE" "$d/$name"
expect "and reads back" 0 "长文件名的审查意见"
run "$SHENYUE" export --format csv "$d"
expect "export reads it" 0 "长文件名的审查意见"

# An alias bomb: one 300 KB string, 20,000 aliases to it.
big=$(head -c 300000 /dev/zero | tr '\0' 'x')
{
	printf 'name: bomb\nbig: &big "%s"\nparts:\n  - id: measures\n    label: 举措\n    headings: [' "$big"
	i=0
	while [ $i -lt 20000 ]; do printf '*big, '; i=$((i + 1)); done
	printf '举措]\n'
} >"$T/bomb.yaml"
run "$SHENYUE" check --rubric "$T/bomb.yaml" "$d"
expect "a rubric whose aliases expand to 6 GB" 2 "bomb.yaml" "aliases"

# Nesting 100 deep, in every kind of YAML file shenyue reads.
deep() { i=0; while [ $i -lt 100 ]; do printf '['; i=$((i + 1)); done; i=0; while [ $i -lt 100 ]; do printf ']'; i=$((i + 1)); done; echo; }
deep >"$T/deep-rubric.yaml"
run "$SHENYUE" check --rubric "$T/deep-rubric.yaml" "$d"
expect "a rubric nested 100 deep" 2 "deep-rubric.yaml" "nested deeper"
{ printf 'units:\n  - '; deep; } >"$T/deep-roster.yaml"
run "$SHENYUE" check --roster "$T/deep-roster.yaml" "$d"
expect "a roster nested 100 deep" 2 "deep-roster.yaml" "nested deeper"
{ printf 'theme: '; deep; } >"$T/deep-config.yaml"
run "$SHENYUE" --config "$T/deep-config.yaml" --dump-config
expect "a settings file nested 100 deep" 0 "deep-config.yaml" "nested deeper"
cp "$EXAMPLES/01-complete.txt" "$T/deep.txt"
mkdir -p "$T/.shenyue"
{ printf 'format: 1\nnotes: '; deep; } >"$T/.shenyue/deep.txt.yaml"
run "$SHENYUE" export --format csv "$T/deep.txt"
expect "a review file nested 100 deep" 1 "nested deeper"

# Past the size cap.
{ printf 'name: huge\n# '; head -c 17000000 /dev/zero | tr '\0' 'x'; echo; } >"$T/huge.yaml"
run "$SHENYUE" check --rubric "$T/huge.yaml" "$d"
expect "a 17 MB rubric" 2 "huge.yaml" "larger than"
bad_finish
