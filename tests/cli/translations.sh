#!/bin/sh
# Translations: the zh_CN catalogue is complete and current, and a Chinese
# supervisor gets Chinese messages while the default stays English.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

stats=$(msgfmt -c --statistics -o /dev/null "$SRCDIR/po/zh_CN.po" 2>&1)
case "$stats" in
*untranslated* | *fuzzy*) bad "po/zh_CN.po is incomplete: $stats" ;;
*) ok ;;
esac
# every msgid of the template is in the catalogue
if command -v msgcmp >/dev/null 2>&1; then
	if msgcmp "$SRCDIR/po/zh_CN.po" "$SRCDIR/po/shenyue.pot" 2>/dev/null; then ok; else bad "zh_CN.po lags po/shenyue.pot (make update-po)"; fi
fi

ex="$SRCDIR/examples/02-missing-part.txt"
en=$(LANGUAGE= "$SHENYUE" check "$ex" 2>&1)
zh=$(LANGUAGE=zh_CN "$SHENYUE" check "$ex" 2>&1)
case "$en" in *"missing: no heading names it"*) ok ;; *) bad "English message missing: $en" ;; esac
case "$zh" in *"缺失，既无相应标题"*) ok ;; *) bad "Chinese message missing: $zh" ;; esac
zh_err=$(LANGUAGE=zh_CN "$SHENYUE" check /nonexistent.txt 2>&1)
case "$zh_err" in *"无法打开"*) ok ;; *) bad "Chinese error missing: $zh_err" ;; esac

# 审查意见 go to the unit: Chinese findings whatever the messages' language,
# even in the C locale; English only when asked (--lang en)
md=$(LANGUAGE= "$SHENYUE" export --format md "$ex" 2>/dev/null)
case "$md" in *"缺失，既无相应标题"*) ok ;; *) bad "md export not in Chinese: $md" ;; esac
md_c=$(LC_ALL=C LANGUAGE=en "$SHENYUE" export --format md "$ex" 2>/dev/null)
case "$md_c" in *"审查结论"*"缺失，既无相应标题"*) ok ;; *) bad "md export in the C locale not in Chinese: $md_c" ;; esac
md_en=$(LANGUAGE=zh_CN "$SHENYUE" export --format md --lang en "$ex" 2>/dev/null)
case "$md_en" in *"Verdict"*"missing: no heading names it"*) ok ;; *) bad "--lang en not honoured: $md_en" ;; esac

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
