#!/bin/sh
# A folder as units send it: text, .docx, .odt, .pdf, a saved web page and,
# with LibreOffice, a .doc, next to a scanned PDF, an encrypted PDF, a zip
# bomb, a cut-off .docx and Word's lock file. `shenyue check` reads every
# report, scores each format like the text, names each bad file with its
# reason on stderr, and exits 2 for them; yaml tells the format and, for the
# PDF, the page of each line. Documents are made here by tests/tools.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}" "${BUILDDIR:?}"
tools="$BUILDDIR/tests/tools"
ex="$SRCDIR/examples/01-complete.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d="$tmp/batch"
mkdir "$d"
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_in() { # file text
	if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/  | /' "$1" | head -30; fi
}
expect_not_in() { # file text
	if grep -qF -- "$2" "$1"; then bad "$1 has '$2'"; else ok; fi
}

cp "$ex" "$d/a-text.txt"
"$tools/mkdocx" word "$ex" "$d/b-word.docx" >/dev/null || bad "mkdocx"
cp "$SRCDIR/tests/fixtures/documents/01-complete.odt" "$d/c-libreoffice.odt"
pdf=yes
"$tools/mkpdf" --header "云溪镇法治政府建设年度报告" "$ex" "$d/d-printed.pdf" >/dev/null 2>"$tmp/mkpdf.err"
case $? in
0) ;;
77) pdf=no; echo "SKIP (part): $(cat "$tmp/mkpdf.err")" ;;
*) bad "mkpdf"; pdf=no ;;
esac
{ printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>'
  printf '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/z">政务公开</a></li></ul>'
  printf '<div class="article"><h1>关于2024年度法治政府建设情况的报告</h1>'
  printf '<div class="info">来源：云溪镇 发布时间：2025-01-20</div><div id="zoom">'
  sed -n '4,$p' "$ex" | sed '/^$/d; s/.*/<p>&<\/p>/'
  printf '</div></div><div class="footer">版权所有 ICP备12345678号</div></body></html>\n'; } >"$d/e-page.html"
doc=no
if command -v soffice >/dev/null 2>&1; then
	(cd "$d" && soffice -env:UserInstallation="file://$tmp/lo" --headless --convert-to 'doc:MS Word 97' \
		b-word.docx >/dev/null 2>&1 && mv b-word.doc f-legacy.doc) && doc=yes
else
	echo "SKIP (part): no LibreOffice (soffice): no .doc in the batch"
fi
# the bad ones
[ "$pdf" = yes ] && "$tools/mkpdf" --scans 2 "$ex" "$d/x-scan.pdf" >/dev/null
head -c 3000 "$d/b-word.docx" >"$d/x-cut.docx"
yes "$(printf '一%.0s' $(seq 1 500))" | head -3000 >"$tmp/big.txt"
"$tools/mkdocx" plain "$tmp/big.txt" "$d/x-bomb.docx" >/dev/null
p1='<< /Type /Catalog /Pages 2 0 R >>'
p2='<< /Type /Pages /Kids [3 0 R] /Count 1 >>'
p3='<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'
p4="<< /Filter /Standard /V 1 /R 2 /O <$(printf '41%.0s' $(seq 1 32))> /U <$(printf '42%.0s' $(seq 1 32))> /P -44 >>"
{
	printf '%%PDF-1.4\n'
	n=1
	for o in "$p1" "$p2" "$p3" "$p4"; do printf '%d 0 obj\n%s\nendobj\n' $n "$o"; n=$((n + 1)); done
} >"$d/x-locked.pdf"
printf 'trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>\n%%%%EOF\n' >>"$d/x-locked.pdf"
cp "$d/b-word.docx" "$d/~\$b-word.docx"
cp "$d/b-word.docx" "$d/.hidden.docx"

"$SHENYUE" check --format yaml "$d" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && ok || bad "exit status $st, want 2 (unreadable files in the batch)"
expect_in "$tmp/err" "x-cut.docx: broken zip package"
expect_in "$tmp/err" "x-bomb.docx: word/document.xml inflates more than"
expect_in "$tmp/err" "x-locked.pdf: encrypted PDF"
[ "$pdf" = yes ] && expect_in "$tmp/err" "x-scan.pdf: scanned PDF"
expect_not_in "$tmp/out" "~\$b-word.docx"
expect_not_in "$tmp/out" ".hidden.docx"
for e in docx odt html; do expect_in "$tmp/out" "encoding: $e"; done
[ "$pdf" = yes ] && expect_in "$tmp/out" "encoding: pdf" && expect_in "$tmp/out" "        page: 1"
[ "$doc" = yes ] && expect_in "$tmp/out" "encoding: doc"

# each readable report: the same statuses as the text
statuses() { # yaml report path -> its part statuses on one line
	awk -v p="\"$1\"" '$1 == "-" && $2 == "path:" { on = ($3 == p) } on && $1 == "status:" { printf "%s ", $2 }' "$tmp/out"
}
want=$(statuses "$d/a-text.txt")
[ -n "$want" ] && ok || bad "no statuses for the text"
for f in b-word.docx c-libreoffice.odt e-page.html; do
	got=$(statuses "$d/$f")
	[ "$got" = "$want" ] && ok || bad "$f: statuses '$got', the text has '$want'"
done
[ "$pdf" = yes ] && { got=$(statuses "$d/d-printed.pdf"); [ "$got" = "$want" ] && ok || bad "pdf: '$got' vs '$want'"; }
[ "$doc" = yes ] && { got=$(statuses "$d/f-legacy.doc"); [ "$got" = "$want" ] && ok || bad "doc: '$got' vs '$want'"; }

echo "documents_cli: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
