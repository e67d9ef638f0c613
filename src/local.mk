# The core: decoding, outline, rubric, scoring, batch check. No curses here.
noinst_LIBRARIES += libshenyue_core.a
libshenyue_core_a_SOURCES = \
	src/xalloc.c \
	src/utf8.c \
	src/decode.c \
	src/normalise.c \
	src/pattern.c \
	src/yamlutil.c \
	src/rubric.c \
	src/outline.c \
	src/meta.c \
	src/score.c \
	src/debris.c \
	src/similar.c \
	src/report.c \
	src/batch.c \
	src/check_format.c \
	src/cli_check.c \
	src/builtin.c \
	src/i18n.c \
	src/fileio.c \
	src/config.c
nodist_libshenyue_core_a_SOURCES = src/builtin_data.c
libshenyue_core_a_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS)
CORE_LIBS = libshenyue_core.a $(YAML_LIBS)
