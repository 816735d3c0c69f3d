#!/bin/bash
# Issue 8, acceptance 2: `parley analyze` on every file (and GENIUS domain folder) under the
# given directories ends within 10 s and 2 GB of address space with a result (exit 0) or a
# message (exit 2). Anything else — a crash, exit 1, a kill at the limit, silence — fails.
# usage: analyze-every-file.sh PARLEY DIR...   (directories that do not exist are skipped)
set -u
parley=$1
shift
ulimit -v $((2 * 1024 * 1024))  # KB
failures=0 count=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
while IFS= read -r -d '' path; do
  count=$((count + 1))
  timeout -s KILL 10 "$parley" analyze "$path" >/dev/null 2>"$err"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    echo "FAIL exit $status: $path: $(head -c 300 "$err")"
    failures=$((failures + 1))
  elif [ "$status" -eq 2 ] && [ ! -s "$err" ]; then
    echo "FAIL exit 2 without a message: $path"
    failures=$((failures + 1))
  fi
done < <(for dir in "$@"; do
  [ -d "$dir" ] || continue
  find "$dir" -type f -print0
  # GENIUS domain folders: a folder holding XML files.
  find "$dir" -type f -name '*.xml' -printf '%h\0' | sort -zu
done)
echo "$count inputs, $failures failures"
[ "$count" -gt 0 ] && [ "$failures" -eq 0 ]
