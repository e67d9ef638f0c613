# Core unit tests (lead)
