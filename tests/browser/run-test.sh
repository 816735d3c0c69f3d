#!/usr/bin/env bash
# ctest's entry point for one browser test file: node --test FILE, after checking that what it
# needs is installed. A missing piece FAILS the test (CI must really run these tests).
# Usage: tests/browser/run-test.sh FILE.test.mjs   (environment: see tests/browser/CMakeLists.txt)
set -euo pipefail
source_dir="${PARLEY_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
chromium="${PARLEY_CHROMIUM:-/usr/bin/chromium}"
hint="run scripts/install-deps.sh: it installs Debian chromium, and the npm packages of web/package-lock.json"
command -v node >/dev/null || { echo "browser tests: node is not on PATH; $hint" >&2; exit 1; }
[ -x "$chromium" ] || { echo "browser tests: no Chromium at $chromium; $hint" >&2; exit 1; }
[ -f "$source_dir/web/node_modules/playwright-core/package.json" ] ||
  { echo "browser tests: web/node_modules has no playwright-core; $hint" >&2; exit 1; }
exec node --test "$1"
