# Public headers of the core (and curses.h, the one wrapper through which ui/
# reaches curses). One line each, in name order.
noinst_HEADERS += \
	include/shenyue/arena.h \
	include/shenyue/builtin.h \
	include/shenyue/check.h \
	include/shenyue/collate.h \
	include/shenyue/config.h \
	include/shenyue/curses.h \
	include/shenyue/deadline.h \
	include/shenyue/debris.h \
	include/shenyue/desk.h \
	include/shenyue/doc.h \
	include/shenyue/docin.h \
	include/shenyue/docx.h \
	include/shenyue/effective.h \
	include/shenyue/export.h \
	include/shenyue/fileio.h \
	include/shenyue/findings.h \
	include/shenyue/gb18030.h \
	include/shenyue/i18n.h \
	include/shenyue/layout.h \
	include/shenyue/lineedit.h \
	include/shenyue/markup.h \
	include/shenyue/matcher.h \
	include/shenyue/meta.h \
	include/shenyue/numbering.h \
	include/shenyue/ops.h \
	include/shenyue/options.h \
	include/shenyue/order.h \
	include/shenyue/outline.h \
	include/shenyue/report.h \
	include/shenyue/review.h \
	include/shenyue/review_store.h \
	include/shenyue/roster.h \
	include/shenyue/rubric.h \
	include/shenyue/score.h \
	include/shenyue/similar.h \
	include/shenyue/strlist.h \
	include/shenyue/summary.h \
	include/shenyue/termcolor.h \
	include/shenyue/theme.h \
	include/shenyue/undo.h \
	include/shenyue/unitname.h \
	include/shenyue/utf8.h \
	include/shenyue/width.h \
	include/shenyue/xalloc.h \
	include/shenyue/yamlutil.h
