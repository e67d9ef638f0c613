# Tests shared by every kind: the common header, the fixtures, and the guard
# that keeps the core curses-free (with its own test on planted bad files).
EXTRA_DIST += tests/test_common.h tests/fixtures
TESTS += tests/core_is_curses_free.sh tests/curses_guard_test.sh
EXTRA_DIST += tests/core_is_curses_free.sh tests/curses_guard_test.sh
# Every public function has a comment above it saying what it promises.
TESTS += tests/public_comments.sh
EXTRA_DIST += tests/public_comments.sh
