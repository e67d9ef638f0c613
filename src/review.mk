# Review state, notes, verdicts, undo and export (issue 4).
libshenyue_core_a_SOURCES += \
	src/review.c \
	src/review_yaml.c \
	src/review_store.c \
	src/undo.c \
	src/desk.c
libshenyue_core_a_SOURCES += \
	src/export.c \
	src/export_load.c \
	src/cli_export.c
