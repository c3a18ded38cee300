#!/usr/bin/env bash
# Repeats, from a test run's log, the start of each package's "Failed Tests" section (vitest's, under turbo's
# prefix), then every failed test's name and the summary lines, so the last lines of CI's output say what failed:
# turbo runs the packages one after another, and the server's failures would otherwise sit above the browser
# suites' passing output.
set -euo pipefail
plain=$(sed -E 's/\x1b\[[0-9;]*m//g' "$1")
awk '/Failed (Tests|Suites) [0-9]+/ { on = 1 } / Test Files / { on = 0 } on && !/node_modules/ { print }' <<<"$plain" | head -60
echo "--- failed:"
grep -a -E ' FAIL  |flaky: | (Test Files|Tests) .*failed' <<<"$plain" | sort -u | tail -30
