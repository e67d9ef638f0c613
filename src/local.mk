# The core library: decoding, outline, rubric, scoring, batch check, review
# state, export, settings, and the curses-free support of the UI (display
# width, operations table and keymap, themes, layout, line editor). No curses
# here: tests/core_is_curses_free.sh checks what it includes and links.
# A new core file is one line in this list, in name order.
noinst_LIBRARIES += libshenyue_core.a
libshenyue_core_a_SOURCES = \
	src/arena.c \
	src/batch.c \
	src/builtin.c \
	src/check_format.c \
	src/check_stream.c \
	src/cli_check.c \
	src/cli_common.c \
	src/cli_export.c \
	src/cli_summary.c \
	src/collate.c \
	src/compare.c \
	src/config.c \
	src/deadline.c \
	src/debris.c \
	src/decode.c \
	src/desk.c \
	src/desk_judged.c \
	src/desk_live.c \
	src/docin.c \
	src/docin_docx.c \
	src/docin_findings.c \
	src/docin_html.c \
	src/docin_legacy.c \
	src/docin_lines.c \
	src/docin_numfmt.c \
	src/docin_odt.c \
	src/docin_pdf.c \
	src/docin_text.c \
	src/docin_word.c \
	src/docin_xml.c \
	src/docin_zip.c \
	src/docx_write.c \
	src/effective.c \
	src/evidence.c \
	src/explain.c \
	src/export.c \
	src/export_formats.c \
	src/export_csv.c \
	src/export_docx.c \
	src/export_load.c \
	src/export_md.c \
	src/export_words.c \
	src/export_xlsx.c \
	src/export_yaml.c \
	src/fileio.c \
	src/findings.c \
	src/hash.c \
	src/heading.c \
	src/gb18030.c \
	src/i18n.c \
	src/judged.c \
	src/keymap.c \
	src/layout.c \
	src/linebreak.c \
	src/lineedit.c \
	src/markup.c \
	src/matcher.c \
	src/meta.c \
	src/normalise.c \
	src/numbering.c \
	src/ops.c \
	src/options.c \
	src/options_doc.c \
	src/order.c \
	src/outline.c \
	src/outline_build.h \
	src/outline_text.c \
	src/outline_text.h \
	src/pattern.c \
	src/pool.c \
	src/progress.c \
	src/report.c \
	src/report_pack.c \
	src/review.c \
	src/review_store.c \
	src/review_yaml.c \
	src/roff.c \
	src/roster.c \
	src/roster_keys.c \
	src/roster_match.c \
	src/rubric.c \
	src/score.c \
	src/sentence.c \
	src/signature.c \
	src/similar.c \
	src/spool.c \
	src/strlist.c \
	src/summary.c \
	src/summary_docx.c \
	src/summary_format.c \
	src/summary_xlsx.c \
	src/termcolor.c \
	src/textprint.c \
	src/theme.c \
	src/undo.c \
	src/unitname.c \
	src/utf8.c \
	src/width.c \
	src/xalloc.c \
	src/yamlutil.c
nodist_libshenyue_core_a_SOURCES = src/builtin_data.c
CORE_LIBS = libshenyue_core.a $(YAML_LIBS) $(ICU_LIBS) $(ZIP_LIBS) $(XML_LIBS) $(XLSX_LIBS) $(POPPLER_LIBS) $(ZLIB_LIBS)
# Private to the .docx reader (src/docin_docx.c, src/docin_word.c).
noinst_HEADERS += src/docin_word.h
