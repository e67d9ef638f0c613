# Review state tests
