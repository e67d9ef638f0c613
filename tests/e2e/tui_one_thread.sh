#!/bin/sh
# One thread (-j 1, or a machine with one core, where -j defaults to 1):
# the UI's pool has a single worker (sy_pool_start_beside), the cross-check
# runs on one thread; the batch loads and is scored all the same.
. "$(dirname "$0")/lib.sh"

e2e_start 120 30 -- -j 1 "$FIX"
e2e_wait "3 reports · 2 incomplete" 10
e2e_wait_gone "loading" 10
# the last report, never shown, is scored too
e2e_keys G
e2e_wait "c_missing.txt"
e2e_keys q
e2e_wait "shenyue exited"
echo ok
