# Review state, notes, verdicts, undo and export (issue 4).
