# Tests: cmocka unit tests of the core (tests/unit), end-to-end tmux tests (tests/e2e).
include tests/core.mk
include tests/ui.mk
include tests/review.mk
include tests/fuzz/local.mk
