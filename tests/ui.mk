# TUI tests (tmux)
